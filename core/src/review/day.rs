//! Days in the reader's own calendar: the one clock reading the scheduler works with.

use serde::{Deserialize, Serialize};

use crate::content::IsoDate;

/// A day in the reader's local calendar, counted from 1970-01-01 (day 0).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Day(pub i64);

/// Milliseconds in a day.
pub const MS_PER_DAY: i64 = 86_400_000;

impl Day {
    /// The local day at `epoch_ms` (milliseconds since 1970-01-01T00:00Z) for a reader whose
    /// clock is `utc_offset_minutes` ahead of UTC: +480 in Beijing, −300 in New York, i.e.
    /// `-new Date().getTimezoneOffset()` in JavaScript at that moment.
    pub fn local(epoch_ms: i64, utc_offset_minutes: i32) -> Day {
        let local_ms = epoch_ms.saturating_add(i64::from(utc_offset_minutes) * 60_000);
        Day(local_ms.div_euclid(MS_PER_DAY))
    }

    /// The day `days` later.
    pub fn plus(self, days: u32) -> Day {
        Day(self.0.saturating_add(i64::from(days)))
    }

    /// How many days `self` comes after `earlier` (negative if before).
    pub fn days_since(self, earlier: Day) -> i64 {
        self.0.saturating_sub(earlier.0)
    }

    /// The calendar date of this day, for showing; `None` outside the years 1–65535.
    pub fn date(self) -> Option<IsoDate> {
        // Howard Hinnant's `civil_from_days`: days to a proleptic Gregorian date.
        let z = self.0.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        IsoDate::new(
            u16::try_from(year).ok().filter(|y| *y > 0)?,
            month as u8,
            day as u8,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_dates() {
        let date = |day: i64| Day(day).date().map(|d| d.to_string());
        assert_eq!(date(0).as_deref(), Some("1970-01-01"));
        assert_eq!(date(-1).as_deref(), Some("1969-12-31"));
        assert_eq!(date(19_723).as_deref(), Some("2024-01-01"));
        assert_eq!(date(19_782).as_deref(), Some("2024-02-29"));
        assert_eq!(date(11_016).as_deref(), Some("2000-02-29"));
        assert_eq!(date(i64::MAX), None);
        assert_eq!(date(-719_163), None, "year 0 is out of range");
        assert_eq!(date(-719_162).as_deref(), Some("0001-01-01"));
    }
}
