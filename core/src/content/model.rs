//! The content model: a page (期) of ordered items — articles, photo news and the
//! quotation box — with stable ids for items, paragraphs and quotations. It travels to
//! the app as data (`serde`), never as code.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Text of a page or a question.
pub type Text = String;
/// A list of a page's parts.
pub type List<T> = Vec<T>;

/// One printed study page (期) and everything on it, in page order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Stable id of the page within the archive, e.g. `000`.
    pub id: Text,
    /// The name shown in the masthead; editorial, never taken from the article text.
    pub title: Text,
    /// The publication, only when the text states it.
    pub publication: Option<Text>,
    /// The date of the issue, when known (given at import; never guessed).
    pub date: Option<IsoDate>,
    /// The issue number as printed, e.g. `第9期`, when known (given at import).
    pub issue: Option<Text>,
    /// The raw file this page was imported from, for the record.
    pub source_file: Option<Text>,
    pub items: List<Item>,
}

/// What kind of thing an item is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    Article,
    PhotoNews,
    Quotations,
}

/// One article, photo news item or quotation box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id, unique within the page, e.g. `a-7kq2`.
    pub id: Text,
    pub kind: ItemKind,
    /// The column label printed above the item (学思践悟, 每周一学…), when there is one.
    pub column: Option<Text>,
    /// The deck (引题) printed above the title, when there is one.
    pub deck: Option<Text>,
    /// The title; a quotation box has none.
    pub title: Option<Text>,
    /// Reporters and correspondents of an article, or the photographer of photo news.
    pub bylines: List<Byline>,
    /// The body of an article, or the caption of photo news.
    pub paragraphs: List<Paragraph>,
    /// The quotations of a quotation box.
    pub quotations: List<Quotation>,
    /// Where a quotation box's quotations come from (来源).
    pub source: Option<Text>,
}

/// Who wrote or photographed an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    pub role: Role,
    /// The label printed before the name, e.g. `本报记者` or `通讯员`.
    pub label: Option<Text>,
    pub name: Text,
}

/// The part a person had in an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Reporter,
    Correspondent,
    Photographer,
}

/// A paragraph with an id that stays the same when the text around it is edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: Text,
    pub text: Text,
}

/// One ★ quotation of the 每周一学 box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotation {
    pub id: Text,
    pub text: Text,
    pub date: IsoDate,
    pub speaker: Text,
    /// What the words were said or written for, e.g. `在参加……时的讲话`.
    pub occasion: Text,
}

/// A calendar date, shown as ISO (`2019-01-02`) or Chinese (`2019年1月2日`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Page {
    /// The item with this id, if the page has one.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The position of the item with this id in page order.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|item| item.id == id)
    }
}

impl Item {
    /// The heading a reader sees: the title, or for a quotation box its column label.
    pub fn heading(&self) -> &str {
        self.title
            .as_deref()
            .or(self.column.as_deref())
            .unwrap_or("每周一学")
    }

    /// The paragraph with this id, if the item has one.
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.id == id)
    }

    /// The quotation with this id, if the item has one.
    pub fn quotation(&self, id: &str) -> Option<&Quotation> {
        self.quotations.iter().find(|q| q.id == id)
    }

    /// The position of the quotation with this id in the item (第1则 is 0).
    pub fn quotation_index(&self, id: &str) -> Option<usize> {
        self.quotations.iter().position(|q| q.id == id)
    }

    /// The bylines as printed, e.g. `本报记者 潘佳 通讯员 祁雯`; a label shared by
    /// consecutive names is printed once.
    pub fn byline_text(&self) -> String {
        byline_text(&self.bylines)
    }
}

impl ItemKind {
    /// The word used in content files.
    pub fn keyword(self) -> &'static str {
        match self {
            ItemKind::Article => "article",
            ItemKind::PhotoNews => "photo",
            ItemKind::Quotations => "quotations",
        }
    }

    /// The kind named by a content-file keyword.
    pub fn from_keyword(word: &str) -> Option<ItemKind> {
        [ItemKind::Article, ItemKind::PhotoNews, ItemKind::Quotations]
            .into_iter()
            .find(|kind| kind.keyword() == word)
    }

    /// The prefix of generated item ids.
    pub fn id_prefix(self) -> char {
        match self {
            ItemKind::Article => 'a',
            ItemKind::PhotoNews => 'p',
            ItemKind::Quotations => 'q',
        }
    }
}

impl Role {
    /// The word used in content files.
    pub fn keyword(self) -> &'static str {
        match self {
            Role::Reporter => "reporter",
            Role::Correspondent => "correspondent",
            Role::Photographer => "photographer",
        }
    }

    /// The role named by a content-file keyword.
    pub fn from_keyword(word: &str) -> Option<Role> {
        [Role::Reporter, Role::Correspondent, Role::Photographer]
            .into_iter()
            .find(|role| role.keyword() == word)
    }
}

impl IsoDate {
    /// A date if it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<IsoDate> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month)
            .contains(&day)
            .then_some(IsoDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<IsoDate> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        IsoDate::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// The date as printed in Chinese text, e.g. `2019年1月2日`.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Bylines as printed: each label once before the names that share it.
pub fn byline_text(bylines: &[Byline]) -> String {
    let mut out = String::new();
    let mut last_label: Option<&str> = None;
    for byline in bylines {
        let label = byline.label.as_deref();
        if label.is_some() && label != last_label {
            push_word(&mut out, label.unwrap_or_default());
        }
        push_word(&mut out, &byline.name);
        last_label = label;
    }
    out
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}
