//! Why an import was refused, and which of its numbers was impossible, in words for the
//! reader.

use std::fmt;

use super::MAX_IMPORT_BYTES;

/// Why an import was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing was given.
    Empty,
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// A text code whose base64 is broken (cut off while copying?).
    BadCode,
    /// The text is not JSON.
    NotJson(String),
    /// JSON, but not an export of this app.
    WrongFormat,
    /// An export from a newer version of the app.
    FutureVersion(u32),
    /// An export whose fields have the wrong types or shape.
    BadShape(String),
    /// An export that names something this app does not have.
    UnknownId(String),
    /// A percentage above 100: a best score, an attempt, a recall or how far an item was read.
    PercentOver100 {
        field: Field,
        key: String,
        percent: u32,
    },
    /// A reading position past the end of its item (positions are thousandths, at most 1000).
    PositionPastEnd { key: String, position: u16 },
    /// A quiz attempt that scored more questions than it asked.
    ScoreAboveTotal {
        quiz: String,
        score: u32,
        total: u32,
    },
    /// A quiz attempt that asked no questions, or more than the quiz has.
    TotalOutOfRange { quiz: String, total: u32, size: u32 },
    /// A quiz attempt whose percentage is not its score out of its total.
    PercentNotScore {
        quiz: String,
        score: u32,
        total: u32,
        percent: u32,
    },
    /// A reading or quiz time longer than the app can have counted
    /// ([`MAX_READING_SECONDS`](super::MAX_READING_SECONDS), [`MAX_QUIZ_MS`](super::MAX_QUIZ_MS)).
    TooLong {
        field: Field,
        key: String,
        seconds: u64,
    },
    /// A moment outside [`PLAUSIBLE_MS`](super::PLAUSIBLE_MS).
    MomentOutOfRange { field: Field, key: String, ms: u64 },
    /// A local day outside [`PLAUSIBLE_DAYS`](super::PLAUSIBLE_DAYS).
    DayOutOfRange { field: Field, key: String, day: i64 },
    /// More answers, grades or attempts than [`MAX_COUNT`](super::MAX_COUNT), or more failed grades than grades.
    TooMany {
        field: Field,
        key: String,
        count: u32,
    },
    /// A review card whose schedule FSRS cannot produce: a stability or difficulty out of
    /// range, or a memory without grades (or grades without one).
    ImpossibleSchedule { card: String },
    /// A quiz in progress that is at a question it does not have.
    ImpossibleSession { quiz: String },
}

/// Which number of an import was impossible, named for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    BestScore,
    AttemptScore,
    RecallPercent,
    ReadingPercent,
    ReadingTime,
    QuizTime,
    QuizFinished,
    QuizStarted,
    FavouriteChanged,
    BackedUp,
    Reminded,
    StudyDay,
    ReviewDay,
    Answers,
    Grades,
    Lapses,
    Attempts,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "没有内容：请选择文件，或粘贴学习码"),
            ImportError::TooLarge { bytes } => write!(
                f,
                "文件太大（{} KB），学习记录不会超过 {} KB：请确认选对了文件",
                bytes / 1024,
                MAX_IMPORT_BYTES / 1024
            ),
            ImportError::BadCode => write!(f, "学习码不完整或有误：请重新完整复制"),
            ImportError::NotJson(_) => write!(f, "这不是学习记录文件：内容无法读取"),
            ImportError::WrongFormat => write!(f, "这不是本应用导出的学习记录"),
            ImportError::FutureVersion(v) => {
                write!(f, "这份学习记录来自更新的版本（第 {v} 版），请先更新本应用")
            }
            ImportError::BadShape(_) => write!(f, "学习记录已损坏：内容格式不对"),
            ImportError::UnknownId(id) => {
                write!(f, "学习记录里有本应用没有的内容（{}）", truncate(id, 40))
            }
            ImportError::PercentOver100 {
                field,
                key,
                percent,
            } => impossible(f, key, format_args!("{field}是 {percent}%，超过了 100%")),
            ImportError::PositionPastEnd { key, position } => impossible(
                f,
                key,
                format_args!("阅读位置是 {position}‰，超过了文章末尾"),
            ),
            ImportError::ScoreAboveTotal { quiz, score, total } => impossible(
                f,
                quiz,
                format_args!("答对 {score} 题，却只答了 {total} 题"),
            ),
            ImportError::TotalOutOfRange { quiz, total, size } => impossible(
                f,
                quiz,
                format_args!("答了 {total} 题，这个测验只有 1 到 {size} 题"),
            ),
            ImportError::PercentNotScore {
                quiz,
                score,
                total,
                percent,
            } => impossible(
                f,
                quiz,
                format_args!("{total} 题答对 {score} 题，成绩却是 {percent}%"),
            ),
            ImportError::TooLong {
                field,
                key,
                seconds,
            } => impossible(f, key, format_args!("{field}是 {seconds} 秒，长得不可能")),
            ImportError::MomentOutOfRange { field, key, ms } => impossible(
                f,
                key,
                format_args!("{field}（{ms}）不在 1970 到 9999 年之间"),
            ),
            ImportError::DayOutOfRange { field, key, day } => impossible(
                f,
                key,
                format_args!("{field}（第 {day} 天）不在 1970 到 9999 年之间"),
            ),
            ImportError::TooMany { field, key, count } => {
                impossible(f, key, format_args!("{field}是 {count}，多得不可能"))
            }
            ImportError::ImpossibleSchedule { card } => {
                impossible(f, card, format_args!("复习安排不可能出现"))
            }
            ImportError::ImpossibleSession { quiz } => {
                impossible(f, quiz, format_args!("未完成的测验停在不存在的题目上"))
            }
        }
    }
}

impl std::error::Error for ImportError {}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::BestScore => "最好成绩",
            Field::AttemptScore => "测验成绩",
            Field::RecallPercent => "背诵正确率",
            Field::ReadingPercent => "阅读进度",
            Field::ReadingTime => "阅读时间",
            Field::QuizTime => "答题用时",
            Field::QuizFinished => "完成时间",
            Field::QuizStarted => "开始时间",
            Field::FavouriteChanged => "收藏时间",
            Field::BackedUp => "备份时间",
            Field::Reminded => "提醒备份的时间",
            Field::StudyDay => "学习日期",
            Field::ReviewDay => "复习日期",
            Field::Answers => "答题次数",
            Field::Grades => "复习次数",
            Field::Lapses => "忘记次数",
            Field::Attempts => "作答次数",
        })
    }
}

/// Writes "the record holds something impossible: where, what".
fn impossible(f: &mut fmt::Formatter<'_>, key: &str, what: fmt::Arguments<'_>) -> fmt::Result {
    if key.is_empty() {
        write!(f, "学习记录里有不可能的数字：{what}")
    } else {
        write!(f, "学习记录里有不可能的数字：{}的{what}", truncate(key, 40))
    }
}

fn truncate(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}
