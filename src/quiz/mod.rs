//! A quiz session as data: how it is set up, one [`Event`] enum, and one [`Session::apply`].
//! Pure: the clock and the shuffle seed are passed in; recording attempts into progress and saving
//! the session are the caller's job.

use crate::bank::designs::Design;
use crate::bank::{self, CheckKey, Level, Question};
use crate::order::Rng;
use crate::progress::{Attempt, Grade, Outcome, Progress, QuizRecord};
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    /// What kind of cards a quiz deals.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum QuizMode {
        /// Self-graded flashcards with the key points as a rubric.
        #[default]
        Flashcards => "flashcards", "Flashcards";
        /// The bank's multiple-choice checks, scored automatically.
        Choice => "choice", "Multiple choice";
        /// Both, shuffled together.
        Mixed => "mixed", "Mixed";
    }
}

crate::labelled_enum! {
    /// Which of the candidate questions a quiz draws from.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum Pool {
        /// All of them.
        #[default]
        All => "all", "All";
        /// Due for spaced-repetition review today.
        Due => "due", "Due for review";
        /// Never practised.
        New => "new", "New only";
        /// Missed in the last finished quiz.
        Missed => "missed", "Missed last time";
    }
}

/// The choices on the setup screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    /// How many cards (`None` = all).
    pub count: Option<usize>,
    /// Shuffle the cards.
    pub shuffled: bool,
    /// Which questions.
    pub pool: Pool,
    /// Card kind.
    pub mode: QuizMode,
    /// Add the system-design exercises' checks (multiple choice and mixed quizzes).
    pub designs: bool,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            count: Some(10),
            shuffled: true,
            pool: Pool::All,
            mode: QuizMode::Flashcards,
            designs: false,
        }
    }
}

/// What a card asks about: a question, or a design exercise (through one of its checks only: an
/// exercise is practised as a timed round, not as a flashcard).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A question of the bank.
    Question(&'static Question),
    /// A design exercise.
    Design(&'static Design),
}

impl Item {
    /// What `card` asks about, if the bank still has it.
    pub fn of(card: &Card) -> Option<Item> {
        if card.design {
            bank::design(&card.id).map(Item::Design)
        } else {
            bank::question(&card.id).map(Item::Question)
        }
    }

    /// Its id.
    pub fn id(self) -> &'static str {
        match self {
            Item::Question(q) => q.id,
            Item::Design(d) => d.id,
        }
    }

    /// Its multiple-choice checks.
    pub fn checks(self) -> &'static [CheckKey] {
        match self {
            Item::Question(q) => q.checks,
            Item::Design(d) => d.checks,
        }
    }

    /// Its level.
    pub fn level(self) -> Level {
        match self {
            Item::Question(q) => q.level,
            Item::Design(d) => d.level,
        }
    }

    /// Its topic ids.
    pub fn topics(self) -> &'static [&'static str] {
        match self {
            Item::Question(q) => q.topics,
            Item::Design(d) => d.topics,
        }
    }

    /// How it is named: the question's wording, the exercise's title.
    pub fn title(self) -> &'static str {
        match self {
            Item::Question(q) => q.question,
            Item::Design(d) => d.title,
        }
    }

    /// Its page, from the site's root.
    pub fn page(self) -> String {
        match self {
            Item::Question(q) => format!("/questions/{}", q.id),
            Item::Design(d) => format!("/designs/{}", d.id),
        }
    }
}

/// One card: a question, asked as a flashcard or through one of its checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Question id, or design exercise id when [`Card::design`].
    pub id: String,
    /// Whether it asks one of a design exercise's checks.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub design: bool,
    /// The check asked, for a multiple-choice card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<usize>,
    /// The order the check's options are shown in: `order[n]` is the option shown n-th. Shuffled
    /// when dealt (so an answer cannot be learned by its place) and kept with the quiz (so a
    /// reload shows the same order). Empty, or not a reordering of the options, means as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<usize>,
}

impl Card {
    /// The option shown at place `shown` (0-based) of a check with `options` options.
    pub fn option_at(&self, shown: usize, options: usize) -> usize {
        if self.order_fits(options) {
            self.order[shown.min(options.saturating_sub(1))]
        } else {
            shown
        }
    }

    /// The options of a check with `options` options, in the order shown.
    pub fn shown_order(&self, options: usize) -> Vec<usize> {
        (0..options).map(|n| self.option_at(n, options)).collect()
    }

    fn order_fits(&self, options: usize) -> bool {
        let mut sorted = self.order.clone();
        sorted.sort_unstable();
        sorted.len() == options && sorted.iter().enumerate().all(|(i, &o)| i == o)
    }
}

/// What the learner sees of the current card.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Face {
    /// The question only.
    #[default]
    Front,
    /// A flashcard's answer and rubric.
    Revealed,
    /// A multiple-choice card after picking: right or wrong, with the explanation.
    Answered,
}

/// Everything that can happen during a quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Typed a draft answer (flashcard front).
    Draft(String),
    /// Show the answer (flashcard).
    Reveal,
    /// Tick or untick key point `n` (revealed flashcard).
    Tick(usize),
    /// Grade the flashcard and move on.
    Grade(Grade),
    /// Pick the option shown `n`-th (multiple choice; see [`Card::order`]).
    Pick(usize),
    /// Move on after a multiple-choice answer.
    Next,
    /// Leave this card unanswered and move on.
    Skip,
    /// Go back one card.
    Back,
    /// End now.
    Finish,
}

/// A quiz in progress (or just finished). Serializable, so it survives reloads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// When it started (also its identity).
    pub started: u64,
    /// Card kind chosen.
    pub mode: QuizMode,
    /// The cards, in order.
    pub cards: Vec<Card>,
    /// Current card index (`cards.len()` once finished).
    pub pos: usize,
    /// What is shown of the current card.
    pub face: Face,
    /// The current card's draft answer.
    pub draft: String,
    /// The current card's ticked key points.
    pub ticked: Vec<usize>,
    /// The latest answer per card.
    pub answers: Vec<Option<Outcome>>,
    /// Every answer given, in order, as (card index, attempt). Never shortened.
    pub log: Vec<(usize, Attempt)>,
    /// When it ended.
    pub finished: Option<u64>,
}

impl Session {
    /// Deals a quiz from `candidates` (already filtered by the list view) following `setup`.
    /// `seed` drives the shuffle and the choice of checks; `due` says which are due for review
    /// (from the schedules). Design exercises join multiple-choice and mixed quizzes only, always
    /// as checks. Returns `None` when nothing qualifies.
    pub fn deal(
        setup: &Setup,
        candidates: &[Item],
        progress: &Progress,
        due: &dyn Fn(Item) -> bool,
        seed: u64,
        now: u64,
    ) -> Option<Session> {
        let missed = progress.missed_last_time();
        let mut pool: Vec<Item> = candidates
            .iter()
            .copied()
            .filter(|&item| match item {
                Item::Question(_) => true,
                Item::Design(_) => setup.mode != QuizMode::Flashcards && !item.checks().is_empty(),
            })
            .filter(|&item| match (setup.pool, item) {
                (Pool::All, _) => true,
                (Pool::New, Item::Question(q)) => progress.latest(q.id).is_none(),
                (Pool::New, Item::Design(d)) => progress.design_rounds(d.id).next().is_none(),
                (Pool::Missed, _) => missed.iter().any(|m| m == item.id()),
                (Pool::Due, _) => due(item),
            })
            .filter(|item| setup.mode != QuizMode::Choice || !item.checks().is_empty())
            .collect();
        let mut rng = Rng::new(seed);
        if setup.shuffled {
            rng.shuffle(&mut pool);
        }
        if let Some(n) = setup.count {
            pool.truncate(n);
        }
        if pool.is_empty() {
            return None;
        }
        let cards: Vec<Card> = pool
            .iter()
            .map(|&item| {
                let checks = item.checks();
                let choice = match (setup.mode, item) {
                    (QuizMode::Flashcards, _) => false,
                    (QuizMode::Choice, _) | (_, Item::Design(_)) => true,
                    (QuizMode::Mixed, _) => !checks.is_empty() && rng.below(2) == 0,
                };
                let check = choice.then(|| rng.below(checks.len()));
                let mut order: Vec<usize> = check
                    .map(|c| (0..checks[c].options).collect())
                    .unwrap_or_default();
                rng.shuffle(&mut order);
                Card {
                    id: item.id().to_string(),
                    design: matches!(item, Item::Design(_)),
                    check,
                    order,
                }
            })
            .collect();
        let n = cards.len();
        Some(Session {
            started: now,
            mode: setup.mode,
            cards,
            pos: 0,
            face: Face::Front,
            draft: String::new(),
            ticked: vec![],
            answers: vec![None; n],
            log: vec![],
            finished: None,
        })
    }

    /// The current card and what it asks about, unless finished. A design exercise's card
    /// without a check (only an edited save could hold one) counts as gone.
    pub fn current(&self) -> Option<(&Card, Item)> {
        let card = self.cards.get(self.pos)?;
        let item = Item::of(card)?;
        (card.check.is_some() || !card.design).then_some((card, item))
    }

    /// Whether the quiz has ended.
    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }

    /// The grade the current ticks suggest (flashcards).
    pub fn suggested_grade(&self) -> Option<Grade> {
        let (_, Item::Question(q)) = self.current()? else {
            return None;
        };
        Some(Grade::suggested(self.ticked.len(), q.key_points))
    }

    /// Makes a session read from storage fit together: one answer slot per card, and a position
    /// no further than the end. Returns whether anything had to change (a session this build
    /// deals always fits; a stored one may have been edited).
    pub fn repair(&mut self) -> bool {
        let fits = self.answers.len() == self.cards.len() && self.pos <= self.cards.len();
        self.answers.resize(self.cards.len(), None);
        self.pos = self.pos.min(self.cards.len());
        !fits
    }

    /// Applies one event. Events that make no sense in the current state are ignored, so no
    /// sequence of events can panic or break the session, whatever was stored.
    pub fn apply(mut self, event: Event, now: u64) -> Session {
        if self.finished.is_some() {
            return self;
        }
        // Every index below is then within bounds.
        self.repair();
        if event == Event::Finish {
            self.finished = Some(now);
            self.pos = self.cards.len();
            return self;
        }
        let Some((card, item)) = self.current().map(|(c, i)| (c.clone(), i)) else {
            // A card whose question left the bank: skip it rather than get stuck.
            return self.advance(now);
        };
        match (card.check, self.face, event) {
            (None, Face::Front, Event::Draft(text)) => self.draft = text,
            (None, Face::Front, Event::Reveal) => self.face = Face::Revealed,
            (None, Face::Revealed, Event::Tick(n)) if n < key_points(item) => {
                match self.ticked.iter().position(|&t| t == n) {
                    Some(i) => {
                        self.ticked.remove(i);
                    }
                    None => {
                        self.ticked.push(n);
                        crate::order::sort_dedup(&mut self.ticked);
                    }
                }
            }
            (None, Face::Revealed, Event::Grade(grade)) => {
                let draft = (!self.draft.trim().is_empty()).then(|| self.draft.clone());
                let outcome = Outcome::Flashcard {
                    grade,
                    ticked: self.ticked.clone(),
                    draft,
                };
                self.answer(outcome, now);
                return self.advance(now);
            }
            (Some(check), Face::Front, Event::Pick(shown)) => {
                let Some(c) = item.checks().get(check) else {
                    return self.advance(now);
                };
                if shown < c.options {
                    let picked = card.option_at(shown, c.options);
                    self.answer(
                        Outcome::Choice {
                            check,
                            picked,
                            correct: picked == c.answer,
                        },
                        now,
                    );
                    self.face = Face::Answered;
                }
            }
            (Some(_), Face::Answered, Event::Next) => return self.advance(now),
            (_, _, Event::Skip) => return self.advance(now),
            (_, _, Event::Back) if self.pos > 0 => {
                self.pos -= 1;
                self.restore_card();
            }
            _ => {}
        }
        self
    }

    /// Records `outcome` as the current card's answer. Answering a card again (after going back)
    /// replaces its earlier answer, in the quiz and in progress (through [`Attempt::revises`]).
    fn answer(&mut self, outcome: Outcome, now: u64) {
        let pos = self.pos;
        let revises = self.earlier().map(|a| a.at);
        if let Some(slot) = self.answers.get_mut(pos) {
            *slot = Some(outcome.clone());
        }
        let attempt = Attempt {
            at: now,
            outcome,
            revises,
        };
        self.log.push((pos, attempt));
    }

    /// The current card's answer given earlier in this quiz (shown when going back; a new grade
    /// replaces it).
    pub fn earlier(&self) -> Option<&Attempt> {
        let pos = self.pos;
        self.answers.get(pos).and_then(Option::as_ref)?;
        self.log
            .iter()
            .rev()
            .find(|(card, _)| *card == pos)
            .map(|(_, a)| a)
    }

    fn advance(mut self, now: u64) -> Session {
        self.pos = self.pos.saturating_add(1);
        if self.pos >= self.cards.len() {
            self.pos = self.cards.len();
            self.finished = Some(now);
        }
        self.restore_card();
        self
    }

    /// Shows the current card as it was left: an answered flashcard revealed with its ticks, an
    /// answered choice with its result, anything else fresh.
    fn restore_card(&mut self) {
        self.draft.clear();
        self.ticked.clear();
        self.face = Face::Front;
        if let Some(Some(outcome)) = self.answers.get(self.pos) {
            match outcome {
                Outcome::Flashcard { ticked, draft, .. } => {
                    self.face = Face::Revealed;
                    self.ticked = ticked.clone();
                    self.draft = draft.clone().unwrap_or_default();
                }
                Outcome::Choice { .. } => self.face = Face::Answered,
            }
        }
    }

    /// The figures for the summary screen.
    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            total: self.cards.len(),
            ..Default::default()
        };
        let topics = bank::topics();
        s.by_topic = topics.iter().map(|t| (t.id, 0, 0)).collect();
        s.by_level = Level::ALL.iter().map(|&l| (l, 0, 0)).collect();
        for (i, card) in self.cards.iter().enumerate() {
            // A stored session may have fewer answers than cards: the missing ones are skipped.
            let Some(Some(outcome)) = self.answers.get(i) else {
                s.skipped += 1;
                continue;
            };
            s.answered += 1;
            let right = outcome.grade() == Grade::Knew;
            if right {
                s.right += 1;
            } else {
                s.missed.push(card.id.clone());
                s.missed_items.extend(Item::of(card));
            }
            if let Some(item) = Item::of(card) {
                for row in s
                    .by_topic
                    .iter_mut()
                    .filter(|r| item.topics().contains(&r.0))
                {
                    row.1 += usize::from(right);
                    row.2 += 1;
                }
                for row in s.by_level.iter_mut().filter(|r| r.0 == item.level()) {
                    row.1 += usize::from(right);
                    row.2 += 1;
                }
            }
        }
        s.by_topic.retain(|r| r.2 > 0);
        s.by_level.retain(|r| r.2 > 0);
        s.duration_ms = self
            .finished
            .unwrap_or(self.started)
            .saturating_sub(self.started);
        s
    }

    /// The history entry for a finished quiz; `None` when nothing was answered (an empty quiz is
    /// discarded, not recorded as "0 of 0").
    pub fn record(&self) -> Option<QuizRecord> {
        let s = self.summary();
        if s.answered == 0 {
            return None;
        }
        Some(QuizRecord {
            started: self.started,
            finished: self.finished.unwrap_or(self.started),
            mode: self.mode.id().to_string(),
            asked: self.cards.iter().map(|c| c.id.clone()).collect(),
            missed: s.missed,
            right: s.right,
            answered: s.answered,
        })
    }
}

/// How many key points a flashcard of `item` has (none for a design exercise's card).
fn key_points(item: Item) -> usize {
    match item {
        Item::Question(q) => q.key_points,
        Item::Design(_) => 0,
    }
}

/// A quiz's result.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Cards dealt.
    pub total: usize,
    /// Cards answered.
    pub answered: usize,
    /// Cards skipped.
    pub skipped: usize,
    /// Answers graded "knew it" or right.
    pub right: usize,
    /// Ids answered "partly", "didn't know" or wrongly.
    pub missed: Vec<String>,
    /// What those are, of what the bank still has.
    pub missed_items: Vec<Item>,
    /// Per topic: (topic id, right, answered), topics with answers only.
    pub by_topic: Vec<(&'static str, usize, usize)>,
    /// Per level: (level, right, answered), levels with answers only.
    pub by_level: Vec<(Level, usize, usize)>,
    /// From start to finish.
    pub duration_ms: u64,
}

/// Formats a duration as "4 min 05 s" or "35 s".
pub fn format_duration(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 60 {
        format!("{} min {:02} s", s / 60, s % 60)
    } else {
        format!("{s} s")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
