//! When to suggest a backup: once a reader has something worth keeping and has made no
//! backup code for a month, and never more than once a week. Pure: the time comes in.
//!
//! WeChat may clear a page's storage (on logout, or when the phone is short of space), and
//! a browser may too when it has not granted persistent storage; the backup code, sent to
//! 文件传输助手, is what survives that.

use super::model::Progress;

/// A day in milliseconds.
const DAY_MS: u64 = 86_400_000;
/// How long a backup is fresh: with none made since, a reminder is due.
pub const BACKUP_FRESH_MS: u64 = 30 * DAY_MS;
/// The least time between two reminders.
pub const REMIND_AT_MOST_EVERY_MS: u64 = 7 * DAY_MS;

/// Whether the reader has done something it would hurt to lose: finished a quiz, has a
/// review card or a recitation, read an item to its end, or kept a favourite.
/// Settings and half-read items alone are not worth a reminder.
pub fn worth_keeping(progress: &Progress) -> bool {
    !progress.attempts.is_empty()
        || !progress.review.is_empty()
        || !progress.recite.is_empty()
        || !progress.favourites.is_empty()
        || progress.reading.values().any(|reading| reading.read)
}

/// Whether to suggest a backup at `now_ms`: something is worth keeping, no backup code was
/// made in the last 30 days (or ever), and the reader was not reminded in the last 7 days.
/// A clock set back before the last backup or reminder counts as "just now".
pub fn backup_due(progress: &Progress, now_ms: u64) -> bool {
    let within = |at: Option<u64>, span: u64| at.is_some_and(|at| now_ms < at.saturating_add(span));
    worth_keeping(progress)
        && !within(progress.backed_up_ms, BACKUP_FRESH_MS)
        && !within(progress.reminded_ms, REMIND_AT_MOST_EVERY_MS)
}
