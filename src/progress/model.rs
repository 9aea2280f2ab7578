//! The reader's progress and settings, and the actions that change them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Everything the app remembers for a reader, on the device only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub settings: Settings,
    /// Reading state per item, keyed by `<page>/<item>` (e.g. `000/a-byfe`).
    pub reading: BTreeMap<String, ItemReading>,
    /// Favourite routes (`000/a-byfe.html`, `000/q-6sst-q2.html`), oldest first.
    pub favourites: Vec<String>,
}

/// How the reader wants the text shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub font_step: FontStep,
    pub theme: ThemeChoice,
}

/// One of the text sizes, from 100% to 200%.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct FontStep(u8);

/// The colour theme; `System` follows the device until the reader chooses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
    /// 护眼: warm paper tones.
    Sepia,
}

/// How far a reader got in one item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemReading {
    /// The furthest point reached, 0–100.
    pub percent: u8,
    /// Whether the end of the item was reached once.
    pub read: bool,
    /// Where the reader last was, in thousandths of the item's height, to restore.
    pub position: u16,
    /// Time spent reading, in seconds.
    pub seconds: u32,
}

/// A change to the progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressAction {
    SetFontStep(FontStep),
    SetTheme(ThemeChoice),
    /// The reader is at `position` (thousandths) of item `key`, having seen `percent`.
    Scrolled {
        key: String,
        percent: u8,
        position: u16,
    },
    /// The reader spent `seconds` more on item `key`.
    Spent {
        key: String,
        seconds: u32,
    },
    ToggleFavourite(String),
    /// Replace everything, e.g. with progress saved by another tab.
    Replace(Box<Progress>),
}

impl FontStep {
    /// The text sizes offered, in percent of the base size.
    pub const PERCENTS: [u16; 6] = [100, 115, 130, 150, 175, 200];

    /// The step at `index`, if there is one.
    pub fn new(index: u8) -> Option<FontStep> {
        (usize::from(index) < Self::PERCENTS.len()).then_some(FontStep(index))
    }

    pub fn index(self) -> u8 {
        self.0
    }

    pub fn percent(self) -> u16 {
        Self::PERCENTS[usize::from(self.0)]
    }

    /// The next larger step, or this one at the largest.
    pub fn larger(self) -> FontStep {
        FontStep::new(self.0 + 1).unwrap_or(self)
    }

    /// The next smaller step, or this one at the smallest.
    pub fn smaller(self) -> FontStep {
        FontStep(self.0.saturating_sub(1))
    }
}

impl TryFrom<u8> for FontStep {
    type Error = String;

    fn try_from(index: u8) -> Result<FontStep, String> {
        FontStep::new(index).ok_or_else(|| format!("font step {index} is out of range"))
    }
}

impl From<FontStep> for u8 {
    fn from(step: FontStep) -> u8 {
        step.0
    }
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 4] = [
        ThemeChoice::System,
        ThemeChoice::Light,
        ThemeChoice::Dark,
        ThemeChoice::Sepia,
    ];

    /// The name shown to the reader.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "跟随系统",
            ThemeChoice::Light => "白天",
            ThemeChoice::Dark => "夜间",
            ThemeChoice::Sepia => "护眼",
        }
    }

    /// The value of `<html data-theme>`; `None` lets the system decide.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some("light"),
            ThemeChoice::Dark => Some("dark"),
            ThemeChoice::Sepia => Some("sepia"),
        }
    }
}

impl Progress {
    /// The progress after `action`; the reading state only ever moves forward.
    pub fn apply(&self, action: ProgressAction) -> Progress {
        const END_PERCENT: u8 = 98;
        let mut next = self.clone();
        match action {
            ProgressAction::SetFontStep(step) => next.settings.font_step = step,
            ProgressAction::SetTheme(theme) => next.settings.theme = theme,
            ProgressAction::Scrolled {
                key,
                percent,
                position,
            } => {
                let reading = next.reading.entry(key).or_default();
                let percent = percent.min(100);
                reading.percent = reading.percent.max(percent);
                reading.read |= percent >= END_PERCENT;
                reading.position = position.min(1000);
            }
            ProgressAction::Spent { key, seconds } => {
                let reading = next.reading.entry(key).or_default();
                reading.seconds = reading.seconds.saturating_add(seconds);
            }
            ProgressAction::ToggleFavourite(route) => {
                match next.favourites.iter().position(|f| *f == route) {
                    Some(idx) => {
                        next.favourites.remove(idx);
                    }
                    None => next.favourites.push(route),
                }
            }
            ProgressAction::Replace(progress) => next = *progress,
        }
        next
    }

    /// The reading state of item `key`, unread if never opened.
    pub fn reading_of(&self, key: &str) -> ItemReading {
        self.reading.get(key).copied().unwrap_or_default()
    }

    pub fn is_favourite(&self, route: &str) -> bool {
        self.favourites.iter().any(|f| f == route)
    }
}

/// The key of an item in [`Progress::reading`].
pub fn item_key(page_id: &str, item_id: &str) -> String {
    format!("{page_id}/{item_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrolled(key: &str, percent: u8, position: u16) -> ProgressAction {
        ProgressAction::Scrolled {
            key: key.into(),
            percent,
            position,
        }
    }

    #[test]
    fn reading_moves_forward_and_marks_read_at_the_end() {
        let p = Progress::default()
            .apply(scrolled("000/a", 40, 400))
            .apply(scrolled("000/a", 10, 100));
        assert_eq!(
            p.reading_of("000/a"),
            ItemReading {
                percent: 40,
                read: false,
                position: 100,
                seconds: 0
            }
        );
        let p = p
            .apply(scrolled("000/a", 100, 1000))
            .apply(scrolled("000/a", 5, 50));
        assert!(p.reading_of("000/a").read);
        assert_eq!(p.reading_of("000/a").percent, 100);
        assert_eq!(p.reading_of("000/b"), ItemReading::default());
    }

    #[test]
    fn time_adds_up_and_favourites_toggle() {
        let spent = |s| ProgressAction::Spent {
            key: "000/a".into(),
            seconds: s,
        };
        let p = Progress::default().apply(spent(10)).apply(spent(u32::MAX));
        assert_eq!(p.reading_of("000/a").seconds, u32::MAX);
        let fav = |r: &str| ProgressAction::ToggleFavourite(r.into());
        let p = p.apply(fav("000/a.html")).apply(fav("000/b.html"));
        assert_eq!(p.favourites, ["000/a.html", "000/b.html"]);
        let p = p.apply(fav("000/a.html"));
        assert_eq!(p.favourites, ["000/b.html"]);
        assert!(p.is_favourite("000/b.html") && !p.is_favourite("000/a.html"));
    }

    #[test]
    fn font_steps_stay_in_range() {
        let largest = FontStep::new(5).unwrap();
        assert_eq!(largest.percent(), 200);
        assert_eq!(largest.larger(), largest);
        assert_eq!(FontStep::default().smaller(), FontStep::default());
        assert_eq!(FontStep::new(6), None);
        assert_eq!(FontStep::default().larger().percent(), 115);
    }
}
