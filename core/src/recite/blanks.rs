//! The blanking rules: which spans of a quotation become blanks at levels 2 and 3. The
//! rules themselves are described in the module documentation of [`crate::recite`].

use super::split::{is_closing_quote, is_opening_quote, Analysis, CharClass, Piece};
use super::{lexicon::CONJUNCTIONS, Level};

/// The rule that chose a blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyRule {
    /// A quoted phrase or title of at most twelve characters (“四个意识”).
    Quoted,
    /// A number with its unit or measure word (2035年, 第五批, 两个).
    Number,
    /// An item of a list joined by pauses (悟原理、求真理、明事理).
    Parallel,
    /// The content-heaviest span at the end of a piece (…走向未来).
    Tail,
    /// A phrase of three or more characters that occurs in two pieces (依靠学习).
    Repeated,
    /// Two words joined by 和/与/及 (坚持和发展).
    Pair,
    /// The first words of the longest stretch of a piece left without a blank.
    Head,
}

/// A blank the rules chose: characters `start..end` of the quotation (counted in
/// `char`s, not bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySpan {
    pub start: usize,
    pub end: usize,
    pub rule: KeyRule,
}

/// The blanks of `text` at `level`, in text order, never overlapping or touching. Levels 2 and 3
/// have blanks; level 1 (read) has none and level 4 (whole text) is not cut into blanks.
pub fn key_spans(text: &str, level: Level) -> Vec<KeySpan> {
    if !matches!(level, Level::Hinted | Level::Blanks) {
        return Vec::new();
    }
    let analysis = Analysis::new(text);
    let mut chooser = Chooser {
        analysis: &analysis,
        chosen: Vec::new(),
    };
    chooser.choose_key_terms();
    if level == Level::Blanks {
        chooser.choose_more();
    }
    let mut spans = chooser.chosen;
    spans.sort_by_key(|span| span.start);
    spans
}

/// The most blanks a piece gets at level 3.
const MAX_BLANKS_PER_PIECE: usize = 2;
/// A piece this long gets its tail term at level 2 beside another key term.
const LONG_PIECE: usize = 8;
/// The longest quoted phrase that is blanked whole.
const MAX_QUOTED: usize = 12;
/// The longest repeated phrase looked for.
const MAX_REPEATED: usize = 12;
/// Characters a tail or head term aims for, and the most it takes.
const TERM_AIM: usize = 4;
const TERM_MAX: usize = 6;

struct Chooser<'a> {
    analysis: &'a Analysis,
    chosen: Vec<KeySpan>,
}

impl Chooser<'_> {
    /// Level 2: one key term per piece — quoted, else a number, else a parallel item, else
    /// the tail term; a long piece also gets its tail term beside a number or parallel
    /// item, and a piece that only introduces a quoted phrase gets none.
    fn choose_key_terms(&mut self) {
        let parallel = self.parallel_items();
        for (idx, piece) in self.analysis.pieces.clone().into_iter().enumerate() {
            let tail = self.tail_term(piece);
            if self.is_quoted(idx) {
                if piece.end - piece.start <= MAX_QUOTED {
                    self.push(piece, KeyRule::Quoted);
                }
                continue;
            }
            let key = match self.numbers(piece).first() {
                Some(number) => Some((*number, KeyRule::Number)),
                None => parallel
                    .iter()
                    .find(|(p, _)| *p == idx)
                    .map(|(_, item)| (*item, KeyRule::Parallel)),
            };
            match (key, tail) {
                (Some((span, rule)), tail) => {
                    self.push(span, rule);
                    let long = piece.end - piece.start >= LONG_PIECE;
                    if let Some(tail) = tail.filter(|t| long && !self.overlaps(*t)) {
                        self.push(tail, KeyRule::Tail);
                    }
                }
                (None, Some(tail)) if !self.introduces_quote(idx) => self.push(tail, KeyRule::Tail),
                (None, _) => {}
            }
        }
    }

    /// Level 3: up to two blanks per piece, adding in turn other numbers, repeated
    /// phrases, pairs, tail terms and head terms where they fit.
    fn choose_more(&mut self) {
        let pieces = self.analysis.pieces.clone();
        let numbers: Vec<Piece> = pieces.iter().flat_map(|p| self.numbers(*p)).collect();
        for number in numbers {
            self.try_push(number, KeyRule::Number);
        }
        for span in self.repeated_phrases() {
            self.try_push(span, KeyRule::Repeated);
        }
        for span in self.pairs() {
            self.try_push(span, KeyRule::Pair);
        }
        for piece in &pieces {
            if let Some(tail) = self.tail_term(*piece) {
                self.try_push(tail, KeyRule::Tail);
            }
        }
        for (idx, piece) in pieces.iter().enumerate() {
            if let Some((head, first_word)) = self.head_term(idx, *piece) {
                if !self.try_push(head, KeyRule::Head) && first_word != head {
                    self.try_push(first_word, KeyRule::Head);
                }
            }
        }
    }

    fn push(&mut self, span: Piece, rule: KeyRule) {
        self.chosen.push(KeySpan {
            start: span.start,
            end: span.end,
            rule,
        });
    }

    /// Adds `span` at level 3 if it neither overlaps nor touches a blank, and its piece
    /// has no blank yet, or has room for another and its clause keeps a quarter of its
    /// characters visible.
    fn try_push(&mut self, span: Piece, rule: KeyRule) -> bool {
        let Some(piece_idx) = self.piece_idx(span) else {
            return false;
        };
        let piece = self.analysis.pieces[piece_idx];
        let inside = |c: &&KeySpan, p: Piece| p.start <= c.start && c.end <= p.end;
        let in_piece = self.chosen.iter().filter(|c| inside(c, piece)).count();
        let clause = self.analysis.clause_of[piece_idx];
        let clause_pieces: Vec<Piece> = (0..self.analysis.pieces.len())
            .filter(|i| self.analysis.clause_of[*i] == clause)
            .map(|i| self.analysis.pieces[i])
            .collect();
        let clause_len: usize = clause_pieces.iter().map(|p| p.end - p.start).sum();
        let blanked: usize = self
            .chosen
            .iter()
            .filter(|c| clause_pieces.iter().any(|p| inside(c, *p)))
            .map(|c| c.end - c.start)
            .sum();
        let visible = clause_len.saturating_sub(blanked + span.end - span.start);
        let fits = in_piece == 0 || (in_piece < MAX_BLANKS_PER_PIECE && visible * 4 >= clause_len);
        if self.overlaps(span) || !fits {
            return false;
        }
        self.push(span, rule);
        true
    }

    /// Whether `span` overlaps or directly touches a chosen blank: two blanks in a row
    /// would read as one.
    fn overlaps(&self, span: Piece) -> bool {
        self.chosen
            .iter()
            .any(|c| c.start <= span.end && span.start <= c.end)
    }

    fn piece_idx(&self, span: Piece) -> Option<usize> {
        self.analysis
            .pieces
            .iter()
            .position(|p| p.start <= span.start && span.end <= p.end)
    }

    fn piece_of(&self, span: Piece) -> Option<Piece> {
        self.piece_idx(span).map(|idx| self.analysis.pieces[idx])
    }

    /// Whether piece `idx` stands between an opening and a closing quote mark.
    fn is_quoted(&self, idx: usize) -> bool {
        self.analysis
            .before(idx)
            .chars()
            .last()
            .is_some_and(is_opening_quote)
            && self
                .analysis
                .after(idx)
                .chars()
                .next()
                .is_some_and(is_closing_quote)
    }

    /// Whether piece `idx` is followed directly by a quoted phrase (增强“四个意识”).
    fn introduces_quote(&self, idx: usize) -> bool {
        self.analysis.after(idx).chars().all(is_opening_quote)
            && idx + 1 < self.analysis.pieces.len()
            && self.is_quoted(idx + 1)
    }

    /// The items of lists joined by pauses (、). Pieces of at most four characters are
    /// items; their length `n` (the shortest) also cuts an item from a longer neighbour:
    /// the last `n` characters of the piece before the first item, the first `n` of the
    /// piece after the last. Two long neighbours form a list when the second starts with
    /// a word of three or four characters before its first function word (发展壮大的…).
    fn parallel_items(&self) -> Vec<(usize, Piece)> {
        let pieces = &self.analysis.pieces;
        let mut items = Vec::new();
        let mut first = 0;
        while first < pieces.len() {
            let mut last = first;
            while last + 1 < pieces.len() && self.analysis.after(last) == "、" {
                last += 1;
            }
            items.extend(self.list_items(first, last));
            first = last + 1;
        }
        items.retain(|(_, item)| self.is_content_span(*item));
        items
    }

    fn list_items(&self, first: usize, last: usize) -> Vec<(usize, Piece)> {
        let pieces = &self.analysis.pieces;
        let len = |idx: usize| pieces[idx].end - pieces[idx].start;
        let head = |idx: usize, n: usize| Piece {
            start: pieces[idx].start,
            end: pieces[idx].start + n,
        };
        let tail = |idx: usize, n: usize| Piece {
            start: pieces[idx].end - n,
            end: pieces[idx].end,
        };
        let mut items = Vec::new();
        if first == last {
            return items;
        }
        let short = |idx: usize| len(idx) <= 4;
        if let Some(n) = (first..=last).filter(|i| short(*i)).map(len).min() {
            for idx in first..=last {
                let before_short = idx < last && short(idx + 1);
                let after_short = idx > first && short(idx - 1);
                if short(idx) || (before_short && !after_short) {
                    items.push((idx, tail(idx, n)));
                } else if after_short {
                    items.push((idx, head(idx, n)));
                }
            }
        } else {
            for idx in first..last {
                let n = self.leading_content(idx + 1);
                if (3..=4).contains(&n) && len(idx) >= n {
                    items.push((idx, tail(idx, n)));
                    items.push((idx + 1, head(idx + 1, n)));
                }
            }
            items.dedup_by_key(|(idx, _)| *idx);
        }
        items
    }

    /// How many content characters piece `idx` starts with.
    fn leading_content(&self, idx: usize) -> usize {
        let piece = self.analysis.pieces[idx];
        (piece.start..piece.end)
            .take_while(|i| self.analysis.class[*i] == CharClass::Content)
            .count()
    }

    /// Whether `span` neither starts nor ends in a function word.
    fn is_content_span(&self, span: Piece) -> bool {
        span.start < span.end
            && self.analysis.class[span.start] == CharClass::Content
            && self.analysis.class[span.end - 1] == CharClass::Content
    }

    /// The numbers of a piece: digits (with a decimal point, comma or percent sign) or
    /// Chinese numerals, with a leading 第 and a following unit or measure word.
    fn numbers(&self, piece: Piece) -> Vec<Piece> {
        let chars = &self.analysis.chars;
        let mut numbers = Vec::new();
        let mut idx = piece.start;
        while idx < piece.end {
            let digits = (idx..piece.end)
                .take_while(|i| is_digit(chars[*i]) || (*i > idx && is_digit_mark(chars[*i])))
                .count();
            let numerals = (idx..piece.end)
                .take_while(|i| CHINESE_NUMERALS.contains(chars[*i]))
                .count();
            let unit = |at: usize| at < piece.end && UNITS.contains(chars[at]);
            let number = if digits > 0 {
                Some(digits + usize::from(unit(idx + digits)))
            } else if numerals > 0 && unit(idx + numerals) {
                Some(numerals + 1)
            } else {
                None
            };
            match number {
                Some(n) => {
                    let start = if idx > piece.start && chars[idx - 1] == '第' {
                        idx - 1
                    } else {
                        idx
                    };
                    numbers.push(Piece {
                        start,
                        end: idx + n,
                    });
                    idx += n;
                }
                None => idx += 1,
            }
        }
        numbers
    }

    /// The tail term of a piece: its last run of two or more content characters, cut to
    /// whole words from the end until it has four characters (at most six); a run of fewer
    /// than four after 和/与/及 takes the last word before the conjunction with it.
    fn tail_term(&self, piece: Piece) -> Option<Piece> {
        let runs = self.analysis.runs(piece.start, piece.end, |_| true);
        let pos = runs.iter().rposition(|r| r.end - r.start >= 2)?;
        let run = runs[pos];
        if run.end - run.start < TERM_AIM && pos > 0 {
            let before = runs[pos - 1];
            let conj = run.start - 1;
            if before.end == conj && CONJUNCTIONS.contains(&self.analysis.chars[conj]) {
                let left = self.analysis.words_from_end(before, 2, 2);
                return Some(Piece {
                    start: left.start,
                    end: run.end,
                });
            }
        }
        Some(self.analysis.words_from_end(run, TERM_AIM, TERM_MAX))
    }

    /// Phrases of three to twelve content characters that occur in two or more pieces,
    /// longest first; every occurrence is a candidate.
    fn repeated_phrases(&self) -> Vec<Piece> {
        let runs: Vec<Piece> = self
            .analysis
            .pieces
            .iter()
            .flat_map(|p| self.analysis.runs(p.start, p.end, |_| true))
            .collect();
        let mut found: Vec<Piece> = Vec::new();
        for len in (3..=MAX_REPEATED).rev() {
            for run in &runs {
                for start in run.start..(run.end + 1).saturating_sub(len) {
                    let phrase = &self.analysis.chars[start..start + len];
                    let occurrences: Vec<Piece> = runs
                        .iter()
                        .flat_map(|r| {
                            (r.start..(r.end + 1).saturating_sub(len))
                                .filter(|s| &self.analysis.chars[*s..*s + len] == phrase)
                                .map(move |s| Piece {
                                    start: s,
                                    end: s + len,
                                })
                        })
                        .collect();
                    let pieces: Vec<Option<Piece>> =
                        occurrences.iter().map(|o| self.piece_of(*o)).collect();
                    let in_two_pieces = pieces.iter().any(|p| *p != pieces[0]);
                    let inside_found =
                        |o: &Piece| found.iter().any(|f| f.start <= o.start && o.end <= f.end);
                    if in_two_pieces && !occurrences.iter().any(inside_found) {
                        found.extend(occurrences);
                    }
                }
            }
        }
        found.sort_by_key(|p| p.start);
        found.dedup();
        found
    }

    /// Two words joined by 和/与/及 inside a piece: the last word before the conjunction
    /// and the first word after it, each of at least two characters.
    fn pairs(&self) -> Vec<Piece> {
        let mut pairs = Vec::new();
        for piece in &self.analysis.pieces {
            let runs = self.analysis.runs(piece.start, piece.end, |_| true);
            for pair in runs.windows(2) {
                let (left, right) = (pair[0], pair[1]);
                let conj = left.end;
                if right.start != conj + 1 || !CONJUNCTIONS.contains(&self.analysis.chars[conj]) {
                    continue;
                }
                let left = self.analysis.words_from_end(left, 2, 2);
                let right = self.analysis.words_from_start(right, 2, 2);
                if left.end - left.start >= 2 && right.end - right.start >= 2 {
                    pairs.push(Piece {
                        start: left.start,
                        end: right.end,
                    });
                }
            }
        }
        pairs
    }

    /// The head term of piece `idx`: the longest run still without a blank, after the
    /// opening it shares with another piece (更加需要…, 跟上…); whole when the run lies
    /// between function words or punctuation and has at most six characters, else cut
    /// to whole words from its start until four. Also returns its first word, tried when
    /// the head term leaves too little visible.
    fn head_term(&self, idx: usize, piece: Piece) -> Option<(Piece, Piece)> {
        let shared_end = piece.start + self.shared_opening(idx);
        let free =
            |i: usize| i >= shared_end && !self.chosen.iter().any(|c| c.start <= i && i < c.end);
        let runs = self.analysis.runs(piece.start, piece.end, free);
        // `max_by_key` keeps the last of equals; reversed, that is the first in the text.
        let run = runs
            .iter()
            .rev()
            .max_by_key(|r| r.end - r.start)
            .copied()
            .filter(|r| r.end - r.start >= 2)?;
        let content = |i: usize| self.analysis.class[i] == CharClass::Content;
        let starts_naturally = run.start == piece.start || !content(run.start - 1);
        let ends_naturally = run.end == piece.end || !content(run.end);
        let head = if starts_naturally && ends_naturally && run.end - run.start <= TERM_MAX {
            run
        } else {
            self.analysis.words_from_start(run, TERM_AIM, TERM_AIM + 1)
        };
        let first_word = self.analysis.words_from_start(run, 2, 3);
        Some((head, first_word))
    }

    /// How many characters piece `idx` shares at its start with another piece, when it
    /// is at least two (a repeated opening such as 更加需要 or 跟上).
    fn shared_opening(&self, idx: usize) -> usize {
        let chars = &self.analysis.chars;
        let piece = self.analysis.pieces[idx];
        let shared = self
            .analysis
            .pieces
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != idx)
            .map(|(_, other)| {
                chars[piece.start..piece.end]
                    .iter()
                    .zip(&chars[other.start..other.end])
                    .take_while(|(a, b)| a == b)
                    .count()
            })
            .max()
            .unwrap_or(0);
        if shared >= 2 && shared < piece.end - piece.start {
            shared
        } else {
            0
        }
    }
}

const CHINESE_NUMERALS: &str = "零一二三四五六七八九十百千万亿两";
const UNITS: &str = "个项条种次届批年月日号天岁名位人支家所件场轮元%％万亿余多";

fn is_digit(c: char) -> bool {
    crate::text::fold_width(c).is_ascii_digit()
}

fn is_digit_mark(c: char) -> bool {
    matches!(crate::text::fold_width(c), '.' | ',')
}
