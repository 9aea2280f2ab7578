//! The quality checks every question passes at build, hand-written or drafted, beyond
//! grounding: the explanation quotes the source, the answer is not given away by the
//! prompt, the options are of one kind, and no prompt is asked twice. The drafter runs
//! the same checks on its candidates and counts what each one rejects.

use std::collections::HashSet;

use super::model::Question;
use crate::text::comparison_key;

/// How many characters of the source (by comparison key) an explanation quotes at least;
/// a shorter source must be quoted whole.
pub const MIN_QUOTED: usize = 8;

/// One quality check, named so rejections can be counted per check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    /// The explanation quotes at least [`MIN_QUOTED`] characters of the source.
    ExplanationQuotesSource,
    /// The prompt does not contain the answer (a blank's answer or a right option).
    AnswerNotInPrompt,
    /// The options of a choice question are of one kind (numbers of one unit, dates,
    /// quoted terms, titles, or plain phrases).
    OptionsOfOneKind,
    /// No two questions of a bank ask the same prompt.
    PromptNotRepeated,
}

/// Every check, in the order they run.
pub const CHECKS: [Check; 4] = [
    Check::ExplanationQuotesSource,
    Check::AnswerNotInPrompt,
    Check::OptionsOfOneKind,
    Check::PromptNotRepeated,
];

/// What kind of thing an option is, for [`Check::OptionsOfOneKind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionShape {
    /// `《…》`.
    Title,
    /// `“…”`.
    Quoted,
    /// `2019年1月2日`, `3月20日`, `2023年7月`.
    Date,
    /// Digits with what follows them as the unit: `200%` → `%`, `400余件` → `余件`.
    Number(String),
    /// Anything else.
    Phrase,
}

impl Check {
    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Check::ExplanationQuotesSource => "explanation quotes the source",
            Check::AnswerNotInPrompt => "answer not in the prompt",
            Check::OptionsOfOneKind => "options of one kind",
            Check::PromptNotRepeated => "prompt not repeated",
        }
    }
}

/// The first check of one question (alone) that fails, with what failed: the checks that
/// need only the question itself, i.e. all but [`Check::PromptNotRepeated`].
pub fn check_question(question: &Question) -> Result<(), (Check, String)> {
    if !quotes_source(&question.explanation, &question.source) {
        return Err((Check::ExplanationQuotesSource, question.explanation.clone()));
    }
    if let Some(answer) = answer_in_prompt(question) {
        return Err((Check::AnswerNotInPrompt, answer));
    }
    let options = question.options();
    if let Some(first) = options.first() {
        let shape = option_shape(&first.text);
        if let Some(other) = options.iter().find(|o| option_shape(&o.text) != shape) {
            return Err((Check::OptionsOfOneKind, other.text.clone()));
        }
    }
    Ok(())
}

/// Remembers prompts already asked, for [`Check::PromptNotRepeated`].
#[derive(Debug, Default)]
pub struct SeenPrompts(HashSet<String>);

impl SeenPrompts {
    /// Records `prompt`; false when an earlier question asked the same (by comparison key).
    pub fn insert(&mut self, prompt: &str) -> bool {
        self.0.insert(comparison_key(prompt))
    }
}

/// Whether `explanation` quotes at least [`MIN_QUOTED`] characters of `source` in a row
/// (compared by comparison key, so ‘’ inside “” and spacing do not matter).
pub fn quotes_source(explanation: &str, source: &str) -> bool {
    let source: Vec<char> = comparison_key(source).chars().collect();
    let explanation = comparison_key(explanation);
    let needed = MIN_QUOTED.min(source.len());
    if needed == 0 {
        return true;
    }
    source
        .windows(needed)
        .any(|window| explanation.contains(&window.iter().collect::<String>()))
}

/// The answer the prompt gives away, if any: a blank's answer, or a right option, found in
/// the prompt by comparison key.
fn answer_in_prompt(question: &Question) -> Option<String> {
    let prompt = comparison_key(&question.prompt);
    question.right_answers().into_iter().find_map(|answer| {
        let key = comparison_key(answer);
        (!key.is_empty() && prompt.contains(&key)).then(|| answer.to_string())
    })
}

/// The kind of an option's text.
pub fn option_shape(text: &str) -> OptionShape {
    if text.starts_with('《') && text.ends_with('》') {
        return OptionShape::Title;
    }
    if text.starts_with('“') && text.ends_with('”') {
        return OptionShape::Quoted;
    }
    let chars: Vec<char> = text.chars().collect();
    if chars.first().is_some_and(|c| c.is_ascii_digit()) {
        if is_date(&chars) {
            return OptionShape::Date;
        }
        let unit_start = chars
            .iter()
            .rposition(|c| c.is_ascii_digit())
            .map_or(0, |at| at + 1);
        let number_part = &chars[..unit_start];
        if number_part.iter().all(|c| c.is_ascii_digit() || *c == '.') {
            return OptionShape::Number(chars[unit_start..].iter().collect());
        }
    }
    OptionShape::Phrase
}

/// `2019年1月2日`, `2019年1月`, `3月20日`: digits followed by 年/月/日 marks only.
fn is_date(chars: &[char]) -> bool {
    let mut marks = String::new();
    let mut in_digits = false;
    for c in chars {
        match c {
            '0'..='9' => in_digits = true,
            '年' | '月' | '日' if in_digits => {
                marks.push(*c);
                in_digits = false;
            }
            _ => return false,
        }
    }
    !in_digits && ["年月日", "年月", "月日"].contains(&marks.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(
            option_shape("《社区工作者管理考核办法》"),
            OptionShape::Title
        );
        assert_eq!(option_shape("“全区优秀法官”"), OptionShape::Quoted);
        assert_eq!(option_shape("2019年1月2日"), OptionShape::Date);
        assert_eq!(option_shape("3月20日"), OptionShape::Date);
        assert_eq!(option_shape("2023年"), OptionShape::Number("年".into()));
        assert_eq!(option_shape("99.73%"), OptionShape::Number("%".into()));
        assert_eq!(option_shape("400余件"), OptionShape::Number("余件".into()));
        assert_eq!(option_shape("抓党建"), OptionShape::Phrase);
    }

    #[test]
    fn quoting() {
        assert!(quotes_source(
            "原文：“杭锦旗把‘为社区松绑减负’作为重要抓手。”",
            "杭锦旗把“为社区松绑减负”作为重要抓手，推动"
        ));
        assert!(!quotes_source(
            "原文如此。",
            "杭锦旗把“为社区松绑减负”作为重要抓手"
        ));
        assert!(quotes_source("就是“准入制”。", "“准入制”"));
    }
}
