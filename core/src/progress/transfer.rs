//! Moving progress between devices: an export file (JSON), or where downloads do not work
//! (WeChat) a text code to copy; and an import that checks everything — size, format,
//! version, types, every id, every number against what the app itself can write — before
//! anything changes, then merges.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use super::merge::merge;
use super::model::{item_key, question_key, quotation_key, Progress};
use super::store::{migrate, SCHEMA_VERSION};
use crate::quiz::session::percent;
use crate::quiz::MIXED_SIZE;
use crate::review::MAX_INTERVAL;

/// The largest import accepted, in bytes; real progress is a few kilobytes.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;
/// What every export says it is.
pub const FORMAT: &str = "xuexi-progress";
/// The start of a text code: `XUEXI.` and the export in URL-safe base64.
pub const CODE_PREFIX: &str = "XUEXI.";

/// The moments a device clock can give, in milliseconds since 1970: up to the end of the
/// year 9999. Favourites, attempts and quizzes in progress are stamped with them.
pub const PLAUSIBLE_MS: RangeInclusive<u64> = 0..=253_402_300_799_999;
/// The local days such a clock can give: from the day before 1970-01-01 (a clock at the
/// epoch, west of Greenwich) to the day after 9999-12-31 (east of it).
pub const PLAUSIBLE_DAYS: RangeInclusive<i64> = -1..=2_932_897;
/// The most reading time one item can have gathered, in seconds: a thousand hours. The
/// clock counts only while the item is in front of the reader; an article takes minutes.
pub const MAX_READING_SECONDS: u32 = 1000 * 3600;
/// The longest one quiz can have taken, in milliseconds: a year (a quiz survives reloads,
/// so it may be finished weeks after it was started).
pub const MAX_QUIZ_MS: u64 = 366 * 86_400_000;
/// The most answers of one question, grades of one review card, or attempts at one quiz a
/// reader can have made.
pub const MAX_COUNT: u32 = 100_000;

/// The ids an import may mention: what this build of the app knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Item keys, `000/a-byfe`.
    pub items: BTreeSet<String>,
    /// Question keys, `000/a-byfe-3`.
    pub questions: BTreeSet<String>,
    /// Quiz keys, `000/quiz-a-byfe`, each with the most distinct questions it can ask.
    pub quizzes: BTreeMap<String, u32>,
    /// Routes that may be favourites, `000/a-byfe.html`.
    pub routes: BTreeSet<String>,
    /// Quotation keys, `000/q-6sst/q2`.
    pub quotations: BTreeSet<String>,
}

impl Catalog {
    /// Every id the archive's pages know: their items, quotations, questions, quizzes and
    /// the routes a reader may keep as favourites. A quiz can ask at most the page's
    /// questions (a 综合测验 at most [`MIXED_SIZE`]); the catalog does not say which item a
    /// question is about, so a 读后测 is bounded by its page too.
    pub fn of(archive: &crate::content::Catalog) -> Catalog {
        let mut catalog = Catalog::default();
        for page in &archive.pages {
            let id = page.id.as_str();
            let n_questions = u32::try_from(page.questions.len()).unwrap_or(u32::MAX);
            let n_mixed = n_questions.min(MIXED_SIZE as u32);
            for (stem, size) in [
                ("quiz-weekly", n_questions),
                ("quiz-mixed", n_mixed),
                ("mistakes", n_questions),
            ] {
                catalog.quizzes.insert(format!("{id}/{stem}"), size);
            }
            for item in &page.items {
                catalog.items.insert(item_key(id, &item.id));
                catalog.routes.insert(format!("{id}/{}.html", item.id));
                if item.kind != crate::content::ItemKind::Quotations {
                    catalog
                        .quizzes
                        .insert(format!("{id}/quiz-{}", item.id), n_questions);
                }
                for quotation in &item.quotations {
                    catalog
                        .quotations
                        .insert(quotation_key(id, &item.id, quotation));
                    catalog
                        .routes
                        .insert(format!("{id}/{}-{quotation}.html", item.id));
                }
            }
            catalog
                .questions
                .extend(page.questions.iter().map(|q| question_key(id, q)));
        }
        catalog
    }
}

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
    /// ([`MAX_READING_SECONDS`], [`MAX_QUIZ_MS`]).
    TooLong {
        field: Field,
        key: String,
        seconds: u64,
    },
    /// A moment outside [`PLAUSIBLE_MS`].
    MomentOutOfRange { field: Field, key: String, ms: u64 },
    /// A local day outside [`PLAUSIBLE_DAYS`].
    DayOutOfRange { field: Field, key: String, day: i64 },
    /// More answers, grades or attempts than [`MAX_COUNT`], or more failed grades than grades.
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

/// The export file's contents.
pub fn export_json(progress: &Progress, now_ms: u64) -> String {
    serde_json::to_string_pretty(&Export {
        format: FORMAT.to_string(),
        schema: SCHEMA_VERSION,
        exported_ms: now_ms,
        progress: progress.clone(),
    })
    .expect("progress always serialises")
}

/// The export as one line of text to copy: [`CODE_PREFIX`] and URL-safe base64.
pub fn export_code(progress: &Progress, now_ms: u64) -> String {
    let json = serde_json::to_string(&Export {
        format: FORMAT.to_string(),
        schema: SCHEMA_VERSION,
        exported_ms: now_ms,
        progress: progress.clone(),
    })
    .expect("progress always serialises");
    format!("{CODE_PREFIX}{}", base64_encode(json.as_bytes()))
}

/// Reads an export file or code, checks it against `catalog`, and merges it into
/// `current`; on any error `current` is untouched.
pub fn import(text: &str, catalog: &Catalog, current: &Progress) -> Result<Progress, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(ImportError::Empty);
    }
    let json = match text.strip_prefix(CODE_PREFIX) {
        Some(code) => {
            let bytes = base64_decode(code).ok_or(ImportError::BadCode)?;
            String::from_utf8(bytes).map_err(|_| ImportError::BadCode)?
        }
        None => text.to_string(),
    };
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::WrongFormat);
    }
    let schema = value
        .get("schema")
        .and_then(|s| s.as_u64())
        .ok_or(ImportError::WrongFormat)?;
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    if schema > SCHEMA_VERSION {
        return Err(ImportError::FutureVersion(schema));
    }
    let progress_value = value
        .get("progress")
        .cloned()
        .ok_or(ImportError::WrongFormat)?;
    let progress_value = migrate(progress_value, schema).map_err(ImportError::BadShape)?;
    let imported: Progress =
        serde_json::from_value(progress_value).map_err(|e| ImportError::BadShape(e.to_string()))?;
    check_ids(&imported, catalog)?;
    check_numbers(&imported, catalog)?;
    Ok(merge(current, &imported))
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

#[derive(Serialize, Deserialize)]
struct Export {
    format: String,
    schema: u32,
    exported_ms: u64,
    progress: Progress,
}

fn check_ids(progress: &Progress, catalog: &Catalog) -> Result<(), ImportError> {
    let known = |set: &BTreeSet<String>, id: &String| {
        if set.contains(id) {
            Ok(())
        } else {
            Err(ImportError::UnknownId(id.clone()))
        }
    };
    progress
        .reading
        .keys()
        .try_for_each(|k| known(&catalog.items, k))?;
    progress
        .questions
        .keys()
        .try_for_each(|k| known(&catalog.questions, k))?;
    let known_quiz = |quiz: &String| {
        if catalog.quizzes.contains_key(quiz) {
            Ok(())
        } else {
            Err(ImportError::UnknownId(quiz.clone()))
        }
    };
    progress.best.keys().try_for_each(known_quiz)?;
    progress
        .attempts
        .iter()
        .try_for_each(|a| known_quiz(&a.quiz))?;
    progress.in_progress.keys().try_for_each(known_quiz)?;
    for session in progress.in_progress.values() {
        for slot in &session.slots {
            known(
                &catalog.questions,
                &format!("{}/{}", session.page, slot.question),
            )?;
        }
    }
    progress
        .favourites
        .iter()
        .chain(progress.favourite_changes.keys())
        .try_for_each(|r| known(&catalog.routes, r))?;
    progress
        .recite
        .keys()
        .try_for_each(|k| known(&catalog.quotations, k))?;
    for card in progress.review.cards() {
        match card.id.split_once("/quiz/") {
            Some((page, question)) => known(&catalog.questions, &format!("{page}/{question}"))?,
            None => known(&catalog.quotations, &card.id)?,
        }
    }
    Ok(())
}

/// Checks every number against what the app itself writes; the ids are known to be in
/// `catalog` already.
fn check_numbers(progress: &Progress, catalog: &Catalog) -> Result<(), ImportError> {
    use ImportError::*;
    let percent_at_most_100 = |field, key: &str, percent: u32| {
        if percent <= 100 {
            Ok(())
        } else {
            Err(PercentOver100 {
                field,
                key: key.to_string(),
                percent,
            })
        }
    };
    let moment = |field, key: &str, ms: u64| {
        if PLAUSIBLE_MS.contains(&ms) {
            Ok(())
        } else {
            Err(MomentOutOfRange {
                field,
                key: key.to_string(),
                ms,
            })
        }
    };
    let day = |field, key: &str, day: i64| {
        if PLAUSIBLE_DAYS.contains(&day) {
            Ok(())
        } else {
            Err(DayOutOfRange {
                field,
                key: key.to_string(),
                day,
            })
        }
    };
    let count = |field, key: &str, count: u32| {
        if count <= MAX_COUNT {
            Ok(())
        } else {
            Err(TooMany {
                field,
                key: key.to_string(),
                count,
            })
        }
    };
    for (key, reading) in &progress.reading {
        percent_at_most_100(Field::ReadingPercent, key, u32::from(reading.percent))?;
        if reading.position > 1000 {
            return Err(PositionPastEnd {
                key: key.clone(),
                position: reading.position,
            });
        }
        if reading.seconds > MAX_READING_SECONDS {
            return Err(TooLong {
                field: Field::ReadingTime,
                key: key.clone(),
                seconds: u64::from(reading.seconds),
            });
        }
    }
    for (field, at_ms) in [
        (Field::BackedUp, progress.backed_up_ms),
        (Field::Reminded, progress.reminded_ms),
    ] {
        if let Some(at_ms) = at_ms {
            moment(field, "", at_ms)?;
        }
    }
    for (route, at_ms) in &progress.favourite_changes {
        moment(Field::FavouriteChanged, route, *at_ms)?;
    }
    for attempt in &progress.attempts {
        let quiz = &attempt.quiz;
        let size = catalog.quizzes[quiz];
        if attempt.total == 0 || attempt.total > size {
            return Err(TotalOutOfRange {
                quiz: quiz.clone(),
                total: attempt.total,
                size,
            });
        }
        if attempt.score > attempt.total {
            return Err(ScoreAboveTotal {
                quiz: quiz.clone(),
                score: attempt.score,
                total: attempt.total,
            });
        }
        percent_at_most_100(Field::AttemptScore, quiz, attempt.percent)?;
        if attempt.percent != percent(attempt.score as usize, attempt.total as usize) {
            return Err(PercentNotScore {
                quiz: quiz.clone(),
                score: attempt.score,
                total: attempt.total,
                percent: attempt.percent,
            });
        }
        if attempt.time_ms > MAX_QUIZ_MS {
            return Err(TooLong {
                field: Field::QuizTime,
                key: quiz.clone(),
                seconds: attempt.time_ms / 1000,
            });
        }
        moment(Field::QuizFinished, quiz, attempt.finished_ms)?;
    }
    for (quiz, best) in &progress.best {
        percent_at_most_100(Field::BestScore, quiz, *best)?;
    }
    for (question, record) in &progress.questions {
        count(Field::Answers, question, record.n_right)?;
        count(Field::Answers, question, record.n_wrong)?;
    }
    for (quiz, session) in &progress.in_progress {
        count(Field::Attempts, quiz, session.attempt)?;
        if session.current >= session.slots.len() {
            return Err(ImpossibleSession { quiz: quiz.clone() });
        }
        if let Some(ms) = session.started_ms {
            moment(Field::QuizStarted, quiz, ms)?;
        }
        if let Some(ms) = session.finished_ms {
            moment(Field::QuizFinished, quiz, ms)?;
        }
    }
    for studied in &progress.days {
        day(Field::StudyDay, "", *studied)?;
    }
    for (quotation, recite) in &progress.recite {
        percent_at_most_100(
            Field::RecallPercent,
            quotation,
            u32::from(recite.best_recall_percent),
        )?;
    }
    for card in progress.review.cards() {
        let id = card.id.as_str();
        for graded in [Some(card.added), card.last_graded].into_iter().flatten() {
            day(Field::ReviewDay, id, graded.0)?;
        }
        // Due up to the longest interval after the last plausible grade.
        let latest_due = PLAUSIBLE_DAYS.end() + i64::from(MAX_INTERVAL);
        if !(*PLAUSIBLE_DAYS.start()..=latest_due).contains(&card.due.0) {
            return Err(DayOutOfRange {
                field: Field::ReviewDay,
                key: id.to_string(),
                day: card.due.0,
            });
        }
        count(Field::Grades, id, card.reviews)?;
        if card.lapses > card.reviews {
            return Err(TooMany {
                field: Field::Lapses,
                key: id.to_string(),
                count: card.lapses,
            });
        }
        let memory_possible = card.memory.is_none_or(|memory| memory.is_valid());
        let graded = card.memory.is_some() == (card.reviews > 0);
        if !memory_possible || !graded {
            return Err(ImpossibleSchedule {
                card: id.to_string(),
            });
        }
    }
    Ok(())
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

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding.
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes [`base64_encode`]'s output (also accepting standard `+/` and padding, and
/// ignoring line breaks a chat app may insert); `None` when it is not base64.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
        .map(|b| match b {
            b'+' => Some(62),
            b'/' => Some(63),
            _ => BASE64.iter().position(|&c| c == b).map(|p| p as u8),
        })
        .collect::<Option<_>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{base64_decode, base64_encode};

    #[test]
    fn base64_round_trips() {
        for text in ["", "a", "ab", "abc", "abcd", "学习伴侣", "{\"schema\":2}"] {
            assert_eq!(
                base64_decode(&base64_encode(text.as_bytes())).unwrap(),
                text.as_bytes()
            );
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_decode("TWE=").unwrap(), b"Ma");
        assert_eq!(base64_decode("T"), None);
        assert_eq!(base64_decode("TW*u"), None);
    }
}
