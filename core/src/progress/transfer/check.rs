//! The checks an import passes before anything changes: every id is one the app knows,
//! every number one the app itself can write.

use std::collections::BTreeSet;

use super::{
    Catalog, Field, ImportError, MAX_COUNT, MAX_QUIZ_MS, MAX_READING_SECONDS, PLAUSIBLE_DAYS,
    PLAUSIBLE_MS,
};
use crate::progress::key::{CardKey, Key, Kind, QuestionKey, QuizKey};
use crate::progress::Progress;
use crate::quiz::session::percent;
use crate::review::MAX_INTERVAL;

/// Checks that every id names something in `catalog`.
pub(super) fn ids(progress: &Progress, catalog: &Catalog) -> Result<(), ImportError> {
    let known_quiz = |quiz: &QuizKey| {
        require(catalog.quizzes.contains_key(quiz), || {
            ImportError::UnknownId(quiz.to_string())
        })
    };
    progress
        .reading
        .keys()
        .try_for_each(|k| known(&catalog.items, k))?;
    progress
        .questions
        .keys()
        .try_for_each(|k| known(&catalog.questions, k))?;
    progress.best.keys().try_for_each(known_quiz)?;
    progress
        .attempts
        .iter()
        .try_for_each(|a| known_quiz(&a.quiz))?;
    progress.in_progress.keys().try_for_each(known_quiz)?;
    for session in progress.in_progress.values() {
        for slot in &session.slots {
            let question = QuestionKey::from_ids(&[&session.page, &slot.question])
                .map_err(|e| ImportError::UnknownId(e.text))?;
            known(&catalog.questions, &question)?;
        }
    }
    for route in progress
        .favourites
        .iter()
        .chain(progress.favourite_changes.keys())
    {
        require(catalog.routes.contains(route), || {
            ImportError::UnknownId(route.clone())
        })?;
    }
    progress
        .recite
        .keys()
        .try_for_each(|k| known(&catalog.quotations, k))?;
    for card in progress.review.cards() {
        match CardKey::parse(&card.id).map_err(|e| ImportError::UnknownId(e.text))? {
            CardKey::Question(question) => known(&catalog.questions, &question)?,
            CardKey::Quotation(quotation) => known(&catalog.quotations, &quotation)?,
        }
    }
    Ok(())
}

/// Checks every number against what the app itself writes; the ids are known to be in
/// `catalog` already.
pub(super) fn numbers(progress: &Progress, catalog: &Catalog) -> Result<(), ImportError> {
    use ImportError::*;
    let percent_at_most_100 = |field, key: &str, percent: u32| {
        require(percent <= 100, || PercentOver100 {
            field,
            key: key.to_string(),
            percent,
        })
    };
    let moment = |field, key: &str, ms: u64| {
        require(PLAUSIBLE_MS.contains(&ms), || MomentOutOfRange {
            field,
            key: key.to_string(),
            ms,
        })
    };
    let day = |field, key: &str, day: i64| {
        require(PLAUSIBLE_DAYS.contains(&day), || DayOutOfRange {
            field,
            key: key.to_string(),
            day,
        })
    };
    let count = |field, key: &str, count: u32| {
        require(count <= MAX_COUNT, || TooMany {
            field,
            key: key.to_string(),
            count,
        })
    };
    for (key, reading) in &progress.reading {
        let key = key.as_str();
        percent_at_most_100(Field::ReadingPercent, key, u32::from(reading.percent))?;
        require(reading.position <= 1000, || PositionPastEnd {
            key: key.to_string(),
            position: reading.position,
        })?;
        require(reading.seconds <= MAX_READING_SECONDS, || TooLong {
            field: Field::ReadingTime,
            key: key.to_string(),
            seconds: u64::from(reading.seconds),
        })?;
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
        let size = catalog.quizzes[&attempt.quiz];
        let (quiz, score, total) = (attempt.quiz.to_string(), attempt.score, attempt.total);
        require((1..=size).contains(&total), || TotalOutOfRange {
            quiz: quiz.clone(),
            total,
            size,
        })?;
        require(score <= total, || ScoreAboveTotal {
            quiz: quiz.clone(),
            score,
            total,
        })?;
        percent_at_most_100(Field::AttemptScore, &quiz, attempt.percent)?;
        let scored = percent(score as usize, total as usize);
        require(attempt.percent == scored, || PercentNotScore {
            quiz: quiz.clone(),
            score,
            total,
            percent: attempt.percent,
        })?;
        require(attempt.time_ms <= MAX_QUIZ_MS, || TooLong {
            field: Field::QuizTime,
            key: quiz.clone(),
            seconds: attempt.time_ms / 1000,
        })?;
        moment(Field::QuizFinished, &quiz, attempt.finished_ms)?;
    }
    for (quiz, best) in &progress.best {
        percent_at_most_100(Field::BestScore, quiz.as_str(), *best)?;
    }
    for (question, record) in &progress.questions {
        count(Field::Answers, question.as_str(), record.n_right)?;
        count(Field::Answers, question.as_str(), record.n_wrong)?;
    }
    for (quiz, session) in &progress.in_progress {
        let quiz = quiz.as_str();
        count(Field::Attempts, quiz, session.attempt)?;
        require(session.current < session.slots.len(), || {
            ImpossibleSession {
                quiz: quiz.to_string(),
            }
        })?;
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
        let recall = u32::from(recite.best_recall_percent);
        percent_at_most_100(Field::RecallPercent, quotation.as_str(), recall)?;
    }
    // Due up to the longest interval after the last plausible grade.
    let latest_due = PLAUSIBLE_DAYS.end() + i64::from(MAX_INTERVAL);
    for card in progress.review.cards() {
        let id = card.id.as_str();
        for graded in [Some(card.added), card.last_graded].into_iter().flatten() {
            day(Field::ReviewDay, id, graded.0)?;
        }
        let due = card.due.0;
        require(
            (*PLAUSIBLE_DAYS.start()..=latest_due).contains(&due),
            || DayOutOfRange {
                field: Field::ReviewDay,
                key: id.to_string(),
                day: due,
            },
        )?;
        count(Field::Grades, id, card.reviews)?;
        require(card.lapses <= card.reviews, || TooMany {
            field: Field::Lapses,
            key: id.to_string(),
            count: card.lapses,
        })?;
        let memory_possible = card.memory.is_none_or(|memory| memory.is_valid());
        let graded = card.memory.is_some() == (card.reviews > 0);
        require(memory_possible && graded, || ImpossibleSchedule {
            card: id.to_string(),
        })?;
    }
    Ok(())
}

/// Whether `key` is in `set`; an unknown key is refused.
fn known<K: Kind>(set: &BTreeSet<Key<K>>, key: &Key<K>) -> Result<(), ImportError> {
    require(set.contains(key), || {
        ImportError::UnknownId(key.to_string())
    })
}

/// Nothing when `holds`, otherwise the error `refusal` makes.
fn require(holds: bool, refusal: impl FnOnce() -> ImportError) -> Result<(), ImportError> {
    if holds {
        Ok(())
    } else {
        Err(refusal())
    }
}
