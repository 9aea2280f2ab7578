//! Merging two copies of a reader's progress — another tab's, or an imported file — so
//! that nothing either holds is lost: the furthest reading, every answer and attempt,
//! every day studied, and for favourites and quizzes in progress the later choice.

use std::collections::BTreeMap;

use super::key::QuizKey;
use super::model::{Attempt, ItemReading, Progress, QuestionRecord};
use crate::quiz::QuizSession;

/// `ours` and `theirs` combined. Settings stay ours: they belong to this device.
/// Merging is idempotent (`merge(a, a) == a`) and merging the result again changes nothing.
pub fn merge(ours: &Progress, theirs: &Progress) -> Progress {
    let mut merged = ours.clone();
    for (key, reading) in &theirs.reading {
        let entry = merged.reading.entry(key.clone()).or_default();
        *entry = furthest(entry, reading);
    }
    merge_favourites(&mut merged, theirs);
    merged.attempts = merge_attempts(&ours.attempts, &theirs.attempts);
    for (quiz, best) in &theirs.best {
        let entry = merged.best.entry(quiz.clone()).or_default();
        *entry = (*entry).max(*best);
    }
    for (question, record) in &theirs.questions {
        match merged.questions.get(question) {
            Some(mine) if answered(mine) >= answered(record) => {}
            _ => {
                merged.questions.insert(question.clone(), record.clone());
            }
        }
    }
    for (quiz, session) in &theirs.in_progress {
        match merged.in_progress.get(quiz) {
            Some(mine) if !later_session(session, mine) => {}
            _ => {
                merged.in_progress.insert(quiz.clone(), session.clone());
            }
        }
    }
    merged.days.extend(theirs.days.iter().copied());
    for (quotation, theirs) in &theirs.recite {
        let entry = merged.recite.entry(quotation.clone()).or_default();
        entry.highest_passed = entry.highest_passed.max(theirs.highest_passed);
        entry.best_recall_percent = entry.best_recall_percent.max(theirs.best_recall_percent);
    }
    merged.review = ours.review.merge(&theirs.review);
    merged.backed_up_ms = ours.backed_up_ms.max(theirs.backed_up_ms);
    merged.reminded_ms = ours.reminded_ms.max(theirs.reminded_ms);
    merged
}

fn furthest(a: &ItemReading, b: &ItemReading) -> ItemReading {
    ItemReading {
        percent: a.percent.max(b.percent),
        read: a.read || b.read,
        // The position of whichever copy got further: the same reader continues there.
        position: if b.percent > a.percent {
            b.position
        } else {
            a.position
        },
        // Not a sum: both copies may count the same minutes.
        seconds: a.seconds.max(b.seconds),
    }
}

fn merge_favourites(merged: &mut Progress, theirs: &Progress) {
    let changed = |p: &Progress, route: &str| p.favourite_changes.get(route).copied();
    for route in theirs
        .favourites
        .iter()
        .chain(theirs.favourite_changes.keys())
    {
        let their_time = changed(theirs, route);
        let our_time = changed(merged, route);
        let theirs_later = match (their_time, our_time) {
            (Some(t), Some(o)) => t > o,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            // Neither side knows when: keep a favourite either side has.
            (None, None) => theirs.favourites.contains(route),
        };
        if !theirs_later {
            continue;
        }
        let they_have = theirs.favourites.contains(route);
        let we_have = merged.favourites.contains(route);
        if they_have && !we_have {
            merged.favourites.push(route.clone());
        } else if !they_have && we_have {
            merged.favourites.retain(|f| f != route);
        }
        if let Some(time) = their_time {
            merged.favourite_changes.insert(route.clone(), time);
        }
    }
}

/// Both histories, each attempt once, oldest first, the newest kept.
fn merge_attempts(ours: &[Attempt], theirs: &[Attempt]) -> Vec<Attempt> {
    let mut by_key: BTreeMap<(u64, QuizKey), Attempt> = BTreeMap::new();
    for attempt in ours.iter().chain(theirs) {
        by_key
            .entry((attempt.finished_ms, attempt.quiz.clone()))
            .or_insert_with(|| attempt.clone());
    }
    let mut all: Vec<Attempt> = by_key.into_values().collect();
    let excess = all.len().saturating_sub(Progress::MAX_ATTEMPTS);
    all.drain(..excess);
    all
}

fn answered(record: &QuestionRecord) -> u64 {
    u64::from(record.n_right) + u64::from(record.n_wrong)
}

/// Whether `a` is the later state of the quiz: started later (a retry), or the same
/// attempt further along.
fn later_session(a: &QuizSession, b: &QuizSession) -> bool {
    let checked = |s: &QuizSession| s.slots.iter().filter(|slot| slot.correct.is_some()).count();
    (a.attempt, a.started_ms, checked(a)) > (b.attempt, b.started_ms, checked(b))
}
