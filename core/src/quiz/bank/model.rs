//! The question bank's model: questions of five kinds, each tied to the item it quizzes on
//! and to the sentence (and paragraph or quotation) its answer comes from.
//! Like pages, banks travel to the app as data (`serde`).

use serde::{Deserialize, Serialize};

use crate::content::model::{List, Text};

/// The questions on one page, in the order of the bank file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bank {
    /// The id of the page the questions are about, e.g. `000`.
    pub page: Text,
    /// The heading of the bank file; editorial.
    pub title: Text,
    /// The drafter that wrote the bank (`drafted: draft-quiz` in the file), until a person
    /// takes the line out; `None` for a bank written by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted: Option<Text>,
    pub questions: List<Question>,
}

/// One question, with everything needed to ask, grade and explain it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id, unique within the bank, e.g. `a-byfe-q1`; saved progress refers to it.
    pub id: Text,
    /// The id of the item the question is about.
    pub item: Text,
    pub kind: QuestionKind,
    /// What the reader is asked. A blank's prompt holds the gap [`GAP`] once.
    pub prompt: Text,
    /// The sentence the answer comes from, verbatim from the item.
    pub source: Text,
    /// Where in the item the source stands; found by the checker, never written by hand.
    pub anchor: Anchor,
    /// Shown once the answer is checked: why the right answer is right, from the text.
    pub explanation: Text,
    /// Whether a person has checked the question: `reviewed: no` until they do in a drafted
    /// bank; a hand-written question is reviewed.
    #[serde(default = "reviewed_by_default", skip_serializing_if = "is_reviewed")]
    pub reviewed: bool,
}

fn reviewed_by_default() -> bool {
    true
}

fn is_reviewed(reviewed: &bool) -> bool {
    *reviewed
}

/// What kind of question it is, with its answer key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    /// 单选题: exactly one option is right.
    Single { options: List<Choice> },
    /// 多选题: two or more options are right; graded all-or-nothing.
    Multiple { options: List<Choice> },
    /// 判断题: the prompt is a statement that is true (对) or false (错).
    TrueFalse { answer: bool },
    /// 填空题: typed; compared ignoring width, spaces and punctuation.
    Blank {
        answer: Text,
        /// Other answers that count as right, e.g. a longer span of the same words.
        accept: List<Text>,
    },
    /// 排序题: 3–5 fragments, listed here in the right order.
    Order { fragments: List<Text> },
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub text: Text,
    pub correct: bool,
}

/// Where a question's source sentence stands in its item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anchor {
    /// In the item's title.
    Title,
    /// In the deck (引题) above the title.
    Deck,
    /// In the paragraph with this id.
    Paragraph(Text),
    /// In the text of the quotation with this id.
    Quotation(Text),
    /// In the attribution of the quotation with this id, as printed under it:
    /// `2019年1月2日，习近平致……的贺信` (see [`attribution`]).
    Attribution(Text),
}

/// The gap in a blank's prompt, where the reader's answer goes.
pub const GAP: &str = "____";

/// The attribution printed under a quotation: its date in Chinese, a comma, then the
/// speaker and the occasion, e.g. `2019年1月2日，习近平致中国社会科学院中国历史研究院成立的贺信`.
pub fn attribution(quotation: &crate::content::Quotation) -> String {
    format!(
        "{}，{}{}",
        quotation.date.chinese(),
        quotation.speaker,
        quotation.occasion
    )
}

impl Bank {
    /// Whether readers should be told the questions were drafted by rules (「自动出题」): the
    /// bank was drafted and a person has not yet reviewed all of its questions.
    pub fn is_unreviewed_draft(&self) -> bool {
        self.drafted.is_some() && self.questions.iter().any(|q| !q.reviewed)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The questions about one item, in bank order.
    pub fn item_questions<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| q.item == item)
    }
}

impl Question {
    /// For a blank, the prompt's text before and after the gap.
    pub fn prompt_around_gap(&self) -> Option<(&str, &str)> {
        match self.kind {
            QuestionKind::Blank { .. } => self.prompt.split_once(GAP),
            _ => None,
        }
    }

    /// The options of a choice question, in file order (the order answers refer to).
    pub fn options(&self) -> &[Choice] {
        match &self.kind {
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => options,
            _ => &[],
        }
    }

    /// What the reader must find, each with every form accepted for it: a blank's answer (its
    /// other accepted forms after it), each right option of a choice question; nothing for a
    /// true/false or an order question.
    pub fn accepted_answers(&self) -> Vec<Vec<&str>> {
        match &self.kind {
            QuestionKind::Blank { answer, accept } => vec![std::iter::once(answer)
                .chain(accept)
                .map(String::as_str)
                .collect()],
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => options
                .iter()
                .filter(|o| o.correct)
                .map(|o| vec![o.text.as_str()])
                .collect(),
            QuestionKind::TrueFalse { .. } | QuestionKind::Order { .. } => Vec::new(),
        }
    }

    /// What the reader must find, as the file states it: a blank's answer, each right option.
    pub fn right_answers(&self) -> Vec<&str> {
        self.accepted_answers()
            .into_iter()
            .map(|forms| forms[0])
            .collect()
    }

    /// How many things the reader sees to pick from or arrange: options or fragments.
    pub fn n_choices(&self) -> usize {
        match &self.kind {
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => options.len(),
            QuestionKind::Order { fragments } => fragments.len(),
            QuestionKind::TrueFalse { .. } | QuestionKind::Blank { .. } => 0,
        }
    }
}

impl QuestionKind {
    /// The word used in bank files.
    pub fn keyword(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "truefalse",
            QuestionKind::Blank { .. } => "blank",
            QuestionKind::Order { .. } => "order",
        }
    }

    /// The name a reader sees, e.g. `单选题`.
    pub fn label(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "单选题",
            QuestionKind::Multiple { .. } => "多选题",
            QuestionKind::TrueFalse { .. } => "判断题",
            QuestionKind::Blank { .. } => "填空题",
            QuestionKind::Order { .. } => "排序题",
        }
    }
}

impl Anchor {
    /// The id of the paragraph or quotation holding the source; `None` for title and deck.
    pub fn part_id(&self) -> Option<&str> {
        match self {
            Anchor::Title | Anchor::Deck => None,
            Anchor::Paragraph(id) | Anchor::Quotation(id) | Anchor::Attribution(id) => Some(id),
        }
    }

    /// Whether the source stands in a quotation of a quotation box (its text or attribution).
    pub fn is_quotation(&self) -> bool {
        matches!(self, Anchor::Quotation(_) | Anchor::Attribution(_))
    }
}
