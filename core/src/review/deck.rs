//! The review deck: one card per quotation or missed quiz question, scheduled by FSRS-6,
//! and today's queue.

use serde::{Deserialize, Serialize};

use super::day::Day;
use super::fsrs::{Grade, Memory};
use super::ReviewError;

/// One thing to review, under an id the caller chose (`000/q-6sst/q2`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Card {
    pub id: String,
    /// The day the card was added.
    pub added: Day,
    /// What FSRS knows of the card; `None` until its first grade.
    pub memory: Option<Memory>,
    /// The next day the card is due; a new card is due the day it is added.
    pub due: Day,
    /// The day of the last grade, if any.
    pub last_graded: Option<Day>,
    /// Whether the last grade, on `last_graded`, was again: the card stays in that day's
    /// queue until it is recalled (the app's one relearning step).
    pub again_today: bool,
    /// Grades given, and how many of them were failures (again).
    pub reviews: u32,
    pub lapses: u32,
}

/// Every card of a reader, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "DeckData", into = "DeckData")]
pub struct Deck {
    cards: Vec<Card>,
}

impl Card {
    /// A new card, due on `today`.
    pub fn new(id: &str, today: Day) -> Card {
        Card {
            id: id.to_string(),
            added: today,
            memory: None,
            due: today,
            last_graded: None,
            again_today: false,
            reviews: 0,
            lapses: 0,
        }
    }

    /// Whether the card is in the queue of `today`: due by its schedule, or graded below
    /// good earlier today and not yet good since.
    pub fn is_due(&self, today: Day) -> bool {
        self.is_scheduled(today) || self.is_again_today(today)
    }

    /// Days past its due day on `today` (0 when due today or not yet due).
    pub fn days_overdue(&self, today: Day) -> i64 {
        today.days_since(self.due).max(0)
    }

    fn is_scheduled(&self, today: Day) -> bool {
        self.due <= today && !self.graded_on(today)
    }

    fn is_again_today(&self, today: Day) -> bool {
        self.again_today && self.graded_on(today)
    }

    /// Whether the card was graded on `today` (or, after the clock went back, later).
    fn graded_on(&self, today: Day) -> bool {
        self.last_graded.is_some_and(|day| day >= today)
    }

    /// Applies `grade` given on `today`: every grade is an FSRS review (a same-day one
    /// by the short-term formula), and the card is next due after the interval its new
    /// stability gives. Again also keeps the card in today's queue.
    fn grade(&mut self, grade: Grade, today: Day) {
        let since = self.last_graded.unwrap_or(self.added);
        let elapsed = u32::try_from(today.days_since(since).max(0)).unwrap_or(u32::MAX);
        let memory = match self.memory {
            Some(memory) => memory.after(grade, elapsed),
            None => Memory::first(grade),
        };
        self.memory = Some(memory);
        self.due = today.plus(memory.interval_days());
        self.again_today = grade == Grade::Again;
        self.last_graded = Some(today);
        self.reviews = self.reviews.saturating_add(1);
        self.lapses = self.lapses.saturating_add(u32::from(grade == Grade::Again));
    }
}

impl Default for Card {
    fn default() -> Card {
        Card::new("", Day::default())
    }
}

impl Deck {
    /// An empty deck.
    pub fn new() -> Deck {
        Deck::default()
    }

    /// Adds a card for `id`, due `today`; a card already there is left as it is.
    /// Returns whether a card was added.
    pub fn add_card(&mut self, id: &str, today: Day) -> bool {
        if self.card(id).is_some() {
            return false;
        }
        self.cards.push(Card::new(id, today));
        true
    }

    /// Records a review of card `id` on `today` and returns the card as it now stands.
    pub fn grade(&mut self, id: &str, grade: Grade, today: Day) -> Result<&Card, ReviewError> {
        let card = self
            .cards
            .iter_mut()
            .find(|card| card.id == id)
            .ok_or_else(|| ReviewError::UnknownCard(id.to_string()))?;
        card.grade(grade, today);
        Ok(card)
    }

    /// Today's queue: cards due by their schedule, the most overdue first, then cards
    /// failed earlier today; ties keep the order the cards were added.
    pub fn due(&self, today: Day) -> Vec<&Card> {
        let mut scheduled: Vec<&Card> = self
            .cards
            .iter()
            .filter(|c| c.is_scheduled(today))
            .collect();
        scheduled.sort_by_key(|card| card.due);
        scheduled.extend(self.cards.iter().filter(|c| c.is_again_today(today)));
        scheduled
    }

    /// The day card `id` is next due by its schedule (a card failed today is also in
    /// today's queue).
    pub fn next_due(&self, id: &str) -> Option<Day> {
        self.card(id).map(|card| card.due)
    }

    /// Removes card `id`, returning it if it was there.
    pub fn remove(&mut self, id: &str) -> Option<Card> {
        let idx = self.cards.iter().position(|card| card.id == id)?;
        Some(self.cards.remove(idx))
    }

    /// The card for `id`, if there is one.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|card| card.id == id)
    }

    /// Every card, in the order they were added.
    /// Both decks' cards, each id once: of two copies of a card, the one reviewed more
    /// often (then the one graded later) wins, so merging loses no review.
    pub fn merge(&self, other: &Deck) -> Deck {
        let mut cards = self.cards.clone();
        for theirs in &other.cards {
            match cards.iter_mut().find(|c| c.id == theirs.id) {
                Some(ours) => {
                    if (theirs.reviews, theirs.last_graded) > (ours.reviews, ours.last_graded) {
                        *ours = theirs.clone();
                    }
                }
                None => cards.push(theirs.clone()),
            }
        }
        Deck { cards }
    }

    pub fn cards(&self) -> &[Card] {
        &self.cards
    }

    pub fn len(&self) -> usize {
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }
}

/// The stored form of a deck. Reading it drops cards without an id and repeated ids
/// (the first wins), so hand-edited or merged data cannot break the deck.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct DeckData {
    cards: Vec<Card>,
}

impl From<DeckData> for Deck {
    fn from(data: DeckData) -> Deck {
        let mut deck = Deck::new();
        for card in data.cards {
            if !card.id.is_empty() && deck.card(&card.id).is_none() {
                deck.cards.push(card);
            }
        }
        deck
    }
}

impl From<Deck> for DeckData {
    fn from(deck: Deck) -> DeckData {
        DeckData { cards: deck.cards }
    }
}
