//! Cutting a quotation into the units the rules work on: pieces between punctuation
//! marks, clauses between clause stops, each character's class (punctuation, function
//! word, content) and the words of a run of content characters.

use std::collections::HashMap;

use super::lexicon::{content_word_at, function_word_at};
use crate::text::{fold_width, is_punctuation};

/// The clauses of a quotation in order, each with the punctuation that closes it: the
/// text is cut after every clause stop (，。；：！？ and …), and closing quote marks that
/// follow a stop stay with its clause. Pauses (、) and quote marks do not cut.
pub fn clauses(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut clauses = Vec::new();
    let mut current = String::new();
    let mut idx = 0;
    while idx < chars.len() {
        current.push(chars[idx]);
        if is_clause_stop(chars[idx]) {
            while idx + 1 < chars.len()
                && (is_clause_stop(chars[idx + 1]) || is_closing_quote(chars[idx + 1]))
            {
                idx += 1;
                current.push(chars[idx]);
            }
            push_clause(&mut clauses, &mut current);
        }
        idx += 1;
    }
    push_clause(&mut clauses, &mut current);
    clauses
}

/// A run of characters between punctuation marks: `start..end` in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
}

/// What one character is to the blanking rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharClass {
    /// Punctuation or white space: never inside a blank chosen from a run.
    Break,
    /// Part of a function word (的, 更加, 按照…).
    Function,
    /// Part of a content word.
    Content,
}

/// A quotation read once: its characters, their classes, its pieces, and how often each
/// pair of neighbouring characters occurs (a pair that occurs twice is taken as a word).
#[derive(Debug, Clone)]
pub(crate) struct Analysis {
    pub chars: Vec<char>,
    pub class: Vec<CharClass>,
    pub pieces: Vec<Piece>,
    /// The clause of each piece, counted from 0: pieces are in one clause until a clause
    /// stop (，。；：！？…) comes between them.
    pub clause_of: Vec<usize>,
    /// The length of the lexicon content word that starts at each character, if any.
    lexicon_word: Vec<Option<usize>>,
    bigrams: HashMap<(char, char), usize>,
}

impl Analysis {
    pub fn new(text: &str) -> Analysis {
        let chars: Vec<char> = text.chars().collect();
        let breaks: Vec<bool> = (0..chars.len()).map(|i| is_break(&chars, i)).collect();
        let mut class = vec![CharClass::Break; chars.len()];
        let mut lexicon_word = vec![None; chars.len()];
        let mut idx = 0;
        while idx < chars.len() {
            if breaks[idx] {
                idx += 1;
                continue;
            }
            let fits = |n: usize| !breaks[idx..idx + n].contains(&true);
            if let Some(n) = content_word_at(&chars, idx).filter(|n| fits(*n)) {
                class[idx..idx + n].fill(CharClass::Content);
                lexicon_word[idx] = Some(n);
                idx += n;
            } else if let Some(n) = function_word_at(&chars, idx).filter(|n| fits(*n)) {
                class[idx..idx + n].fill(CharClass::Function);
                idx += n;
            } else {
                class[idx] = CharClass::Content;
                idx += 1;
            }
        }
        let pieces = spans_where(0, chars.len(), |idx| !breaks[idx]);
        let mut clause_of = Vec::with_capacity(pieces.len());
        for (idx, piece) in pieces.iter().enumerate() {
            let clause = match idx {
                0 => 0,
                _ => {
                    let gap = &chars[pieces[idx - 1].end..piece.start];
                    clause_of[idx - 1] + usize::from(gap.iter().any(|c| is_clause_stop(*c)))
                }
            };
            clause_of.push(clause);
        }
        let mut bigrams = HashMap::new();
        for pair in chars.windows(2).enumerate() {
            let (idx, pair) = pair;
            if !breaks[idx] && !breaks[idx + 1] {
                *bigrams.entry((pair[0], pair[1])).or_insert(0) += 1;
            }
        }
        Analysis {
            chars,
            class,
            pieces,
            clause_of,
            lexicon_word,
            bigrams,
        }
    }

    /// The characters `start..end` as a string.
    pub fn text(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    /// The punctuation between piece `idx` and the one before it (or the text's start).
    pub fn before(&self, idx: usize) -> String {
        let from = if idx == 0 {
            0
        } else {
            self.pieces[idx - 1].end
        };
        self.text(from, self.pieces[idx].start)
    }

    /// The punctuation between piece `idx` and the one after it (or the text's end).
    pub fn after(&self, idx: usize) -> String {
        let to = self
            .pieces
            .get(idx + 1)
            .map_or(self.chars.len(), |next| next.start);
        self.text(self.pieces[idx].end, to)
    }

    /// The runs of content characters within `start..end` that `free` allows, in order.
    pub fn runs(&self, start: usize, end: usize, free: impl Fn(usize) -> bool) -> Vec<Piece> {
        spans_where(start, end, |idx| {
            self.class[idx] == CharClass::Content && free(idx)
        })
    }

    /// A run of content characters cut into words, as `(start, end)` pairs: a lexicon word
    /// is one word, a pair of characters that occurs twice in the quotation is one word,
    /// and otherwise words are two characters long counted from the run's start.
    pub fn words(&self, run: Piece) -> Vec<Piece> {
        let mut words = Vec::new();
        let mut idx = run.start;
        while idx < run.end {
            let left = run.end - idx;
            let len = match self.lexicon_word[idx].filter(|n| *n <= left) {
                Some(n) => n,
                None if left >= 2 && self.recurs(idx) => 2,
                None if left >= 3
                    && (self.recurs(idx + 1) || self.lexicon_word[idx + 1].is_some()) =>
                {
                    1
                }
                None => left.min(2),
            };
            words.push(Piece {
                start: idx,
                end: idx + len,
            });
            idx += len;
        }
        words
    }

    /// Whole words from the end of `run` until they have `aim` characters, while they
    /// have at most `max`.
    pub fn words_from_end(&self, run: Piece, aim: usize, max: usize) -> Piece {
        let words = self.words(run);
        let mut start = run.end;
        for word in words.iter().rev() {
            let len = run.end - start;
            if len >= aim || (len > 0 && run.end - word.start > max) {
                break;
            }
            start = word.start;
        }
        Piece {
            start,
            end: run.end,
        }
    }

    /// Whole words from the start of `run` until they have `aim` characters, while they
    /// have at most `max`.
    pub fn words_from_start(&self, run: Piece, aim: usize, max: usize) -> Piece {
        let mut end = run.start;
        for word in self.words(run) {
            let len = end - run.start;
            if len >= aim || (len > 0 && word.end - run.start > max) {
                break;
            }
            end = word.end;
        }
        Piece {
            start: run.start,
            end,
        }
    }

    /// Whether the pair of characters starting at `idx` occurs at least twice.
    fn recurs(&self, idx: usize) -> bool {
        idx + 1 < self.chars.len()
            && self
                .bigrams
                .get(&(self.chars[idx], self.chars[idx + 1]))
                .is_some_and(|n| *n >= 2)
    }
}

/// Whether character `idx` cuts pieces: punctuation and white space, except a decimal
/// point or thousands comma between digits and a percent sign after one (3.5%, 1,000).
pub(crate) fn is_break(chars: &[char], idx: usize) -> bool {
    let c = fold_width(chars[idx]);
    if c.is_whitespace() {
        return true;
    }
    if !is_punctuation(c) {
        return false;
    }
    let digit_at = |i: usize| {
        chars
            .get(i)
            .is_some_and(|c| fold_width(*c).is_ascii_digit())
    };
    let after_digit = idx > 0 && digit_at(idx - 1);
    match c {
        '.' | ',' => !(after_digit && digit_at(idx + 1)),
        '%' => !after_digit,
        _ => true,
    }
}

/// Whether `c` opens a quotation or a title.
pub(crate) fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '《' | '"' | '\'')
}

/// Whether `c` closes a quotation or a title.
pub(crate) fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '》' | '"' | '\'')
}

pub(crate) fn is_clause_stop(c: char) -> bool {
    matches!(
        fold_width(c),
        ',' | ';' | ':' | '!' | '?' | '。' | '…' | '．'
    )
}

/// The longest runs of positions in `start..end` where `keep` holds, in order.
fn spans_where(start: usize, end: usize, keep: impl Fn(usize) -> bool) -> Vec<Piece> {
    let mut spans = Vec::new();
    let mut span_start = None;
    for idx in start..=end {
        match (span_start, idx < end && keep(idx)) {
            (None, true) => span_start = Some(idx),
            (Some(begin), false) => {
                spans.push(Piece {
                    start: begin,
                    end: idx,
                });
                span_start = None;
            }
            _ => {}
        }
    }
    spans
}

fn push_clause(clauses: &mut Vec<String>, current: &mut String) {
    let clause = current.trim();
    if !clause.is_empty() {
        clauses.push(clause.to_string());
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of each content run of `text`, runs separated by `|`, words by spaces.
    #[track_caller]
    fn check_words(text: &str, expected: &str) {
        let analysis = Analysis::new(text);
        let runs = analysis.runs(0, analysis.chars.len(), |_| true);
        let shown: Vec<String> = runs
            .iter()
            .map(|run| {
                let words: Vec<String> = analysis
                    .words(*run)
                    .iter()
                    .map(|w| analysis.text(w.start, w.end))
                    .collect();
                words.join(" ")
            })
            .collect();
        assert_eq!(shown.join(" | "), expected, "{text}");
    }

    #[test]
    fn runs_are_cut_into_words() {
        // Two characters from the run's start by default.
        check_words("思想永远不能丢", "思想 永远 不能 丢");
        // Function words end runs; content words containing their characters do not.
        check_words("更加需要深刻把握", "需要 深刻 把握");
        check_words(
            "按照忠诚干净担当的要求提高自己",
            "忠诚 干净 担当 | 要求 提高 自己",
        );
        // Lexicon words of three or more characters stay whole.
        check_words("新时代坚持", "新时代 坚持");
        check_words("行动跟上党中央要求", "行动 跟上 党中央 要求");
        // A pair that occurs twice in the text is a word, so it is never split.
        check_words("学习型政党，学习大国", "学习 型政 党 | 学习 大国");
        check_words("一型政党，学习大国", "一型 政党 | 学习 大国");
    }

    #[test]
    fn characters_are_classed() {
        let analysis = Analysis::new("我们的要求，更要同志们");
        let classes: String = analysis
            .class
            .iter()
            .map(|c| match c {
                CharClass::Break => '.',
                CharClass::Function => 'f',
                CharClass::Content => 'c',
            })
            .collect();
        assert_eq!(classes, "fffcc.ffccc");
    }

    #[test]
    fn digits_keep_their_marks() {
        let chars: Vec<char> = "3.5%，1,000。a.b".chars().collect();
        let breaks: String = (0..chars.len())
            .map(|i| if is_break(&chars, i) { '|' } else { '_' })
            .collect();
        assert_eq!(breaks, "____|_____|_|_");
    }

    #[test]
    fn clauses_keep_their_punctuation() {
        assert_eq!(
            clauses("甲，乙；丙！丁？戊：己。"),
            ["甲，", "乙；", "丙！", "丁？", "戊：", "己。"]
        );
        assert_eq!(
            clauses("甲、乙“丙”，丁……戊"),
            ["甲、乙“丙”，", "丁……", "戊"]
        );
        assert_eq!(clauses(" 甲 ， 乙 "), ["甲 ，", "乙"]);
        assert!(clauses("").is_empty());
    }
}
