//! The app's state in one place: the user's progress, the quiz in progress, preferences, notices,
//! and the bank's content as it arrives. Pages and components read it through [`use_app_state`]
//! and change it only through its methods: progress through [`AppState::change`] (one
//! [`Change`] applied in one place, then saved), the quiz through [`AppState::quiz_event`].
//!
//! Saving happens here, right after each change, through `storage::store`; another tab's saves
//! are merged in as they happen. Nothing here draws anything.

pub mod change;
pub mod content;
pub mod design_content;
pub mod design_round;
pub mod interview;
pub mod recovery;
pub mod startup;
pub mod url;

pub use change::{Change, ResetScope};
pub use content::ContentStore;

use crate::bank::{self, Level};
use crate::list_view::{self, ListQuery};
use crate::meta::Area;
use crate::platform::{clock, dom, events, fetch};
use crate::prefs::{Prefs, Theme};
use crate::progress::Progress;
use crate::quiz::{Event, Session};
use crate::schedule::Schedule;
use crate::search;
use crate::storage::store;
pub use crate::storage::store::SaveError;
use crate::storage::{ActiveQuiz, Mode, Notice};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// State every page can reach through context (see [`use_app_state`]).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The user's progress (the single source of truth in memory).
    pub progress: ReadSignal<Progress>,
    set_progress: WriteSignal<Progress>,
    /// Whether progress is being saved.
    pub mode: ReadSignal<Mode>,
    set_mode: WriteSignal<Mode>,
    /// Display preferences.
    pub prefs: ReadSignal<Prefs>,
    set_prefs: WriteSignal<Prefs>,
    prefs_mode: Mode,
    /// Messages about stored data, shown until dismissed.
    pub notices: RwSignal<Vec<Notice>>,
    /// A newer build is installed and waiting for a reload.
    pub update_ready: RwSignal<bool>,
    /// The quiz in progress (or the last finished, for its summary).
    pub quiz: ReadSignal<Option<Session>>,
    set_quiz: WriteSignal<Option<Session>>,
    quiz_mode: Mode,
    /// When each answered question is next due, replayed from `progress`.
    pub schedule: Memo<Schedule>,
    /// Each question's content, fetched when needed.
    pub content: ContentStore,
    /// Whether search covers the answers' text yet (else the wordings only).
    pub search_complete: RwSignal<bool>,
    /// The part of the app this build serves (`None`: all of it).
    pub area: Option<Area>,
    /// A change could not be saved (storage full); the next change tries again.
    pub unsaved: RwSignal<bool>,
    /// The question page shown last in this visit: back to the list selects its row.
    pub last_question: StoredValue<Option<&'static str>>,
}

/// The state from context; the whole app is inside [`AppState::provide`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Loads what is stored and provides the state to every page below, for the part of the app
    /// `area` this build serves. In the browser it also starts the service worker and listens to
    /// other tabs.
    pub fn provide(area: Option<Area>) -> AppState {
        let now = clock::now_ms();
        let progress = store::load::<Progress>(now);
        let prefs = store::load::<Prefs>(now);
        let quiz = store::load::<ActiveQuiz>(now);
        let mut notices = progress.notices;
        // Preferences and the quiz are not worth a second "storage unavailable" message.
        if progress.mode != Mode::MemoryOnly {
            notices.extend(prefs.notices);
            notices.extend(quiz.notices);
        }
        let (progress_signal, set_progress) = signal(progress.data);
        let (mode, set_mode) = signal(progress.mode);
        let (prefs_signal, set_prefs) = signal(prefs.data);
        let (quiz_signal, set_quiz) = signal(quiz.data.session);
        let state = AppState {
            progress: progress_signal,
            set_progress,
            mode,
            set_mode,
            prefs: prefs_signal,
            set_prefs,
            prefs_mode: prefs.mode,
            notices: RwSignal::new(notices),
            update_ready: RwSignal::new(false),
            quiz: quiz_signal,
            set_quiz,
            quiz_mode: quiz.mode,
            // Replays only the questions whose answers changed since the last value.
            schedule: Memo::new(move |previous: Option<&Schedule>| {
                previous
                    .unwrap_or(&Schedule::default())
                    .updated(&progress_signal.read())
            }),
            content: ContentStore::new(),
            search_complete: RwSignal::new(search::bank_search().is_complete()),
            area,
            unsaved: RwSignal::new(false),
            last_question: StoredValue::new(None),
        };
        provide_context(state);
        dom::set_theme_attribute(state.prefs.get_untracked().theme.attribute());
        crate::platform::sw::register(move || state.update_ready.set(true));
        let progress_key = store::key_of::<Progress>();
        events::on_storage(move |key| {
            if key.as_deref() == Some(progress_key.as_str()) {
                state.take_in_other_tab();
            }
        });
        state
    }

    /// Makes `change` to progress and saves it. A change that cannot be saved is kept in this tab
    /// only (with a notice), except an all-or-nothing one (an import), which is then not made and
    /// the error returned.
    pub fn change(self, change: Change) -> Result<(), SaveError> {
        let mut next = self.progress.get_untracked();
        let mode = self.mode.get_untracked();
        if change.decides_all() && mode == Mode::ReadWrite {
            // This tab may not have heard of another's latest save yet.
            if let Some(stored) = store::read_current::<Progress>() {
                next.merge(&stored);
            }
        }
        let atomic = change.is_atomic();
        if !change.apply(&mut next, clock::now_ms()) {
            return Ok(());
        }
        match mode {
            Mode::ReadWrite => {}
            Mode::ReadOnly if atomic => return Err(SaveError::NewerData),
            // Not saved: a newer build's data must not be overwritten, or storage is unusable.
            Mode::ReadOnly | Mode::MemoryOnly => {
                self.set_progress.set(next);
                return Ok(());
            }
        }
        // A merging save, for deletions too: their marks keep the merge from undoing them.
        match store::save(&next) {
            Ok(stored) => {
                self.set_progress.set(stored);
                self.saving_again();
                Ok(())
            }
            Err(e) if atomic => Err(e),
            Err(SaveError::QuotaExceeded) => {
                // Kept here, and saved again with the next change once space is freed (a reset,
                // deleted backups): the quota is not a reason to stop trying.
                if !self.unsaved.get_untracked() {
                    self.unsaved.set(true);
                    self.notices
                        .update(|n| n.push(SaveError::QuotaExceeded.notice("progress")));
                }
                self.set_progress.set(next);
                Err(SaveError::QuotaExceeded)
            }
            Err(e) => {
                self.set_mode.set(Mode::MemoryOnly);
                self.notices.update(|n| n.push(e.notice("progress")));
                self.set_progress.set(next);
                Err(e)
            }
        }
    }

    /// This copy's backups of values that could not be used as stored, newest first.
    pub fn backups(self) -> Vec<store::Backup> {
        store::backups()
    }

    /// The text of backup `key`, if it is one of this copy's.
    pub fn backup_text(self, key: &str) -> Option<String> {
        store::backup_text(key)
    }

    /// Deletes backup `key`; the space freed may let a save that failed for lack of it work, so
    /// that is tried again.
    pub fn delete_backup(self, key: &str) {
        store::delete_backup(key);
        self.retry_save();
    }

    /// Tries again to save what could not be saved (after space was freed).
    pub fn retry_save(self) {
        if !self.unsaved.get_untracked() || self.mode.get_untracked() != Mode::ReadWrite {
            return;
        }
        if let Ok(stored) = store::save(&self.progress.get_untracked()) {
            self.set_progress.set(stored);
            self.saving_again();
        }
    }

    /// A save worked after one that did not: say so.
    fn saving_again(self) {
        if self.unsaved.get_untracked() {
            self.unsaved.set(false);
            self.notices.update(|n| {
                n.push(Notice {
                    text: "There is room in browser storage again: your progress is saved.".into(),
                })
            });
        }
    }

    /// Another tab saved progress: take it in (the `storage` event fires only in other tabs).
    fn take_in_other_tab(self) {
        if self.mode.get_untracked() != Mode::ReadWrite {
            return;
        }
        if let Some(theirs) = store::read_current::<Progress>() {
            let mut merged = self.progress.get_untracked();
            merged.merge(&theirs);
            if merged != self.progress.get_untracked() {
                self.set_progress.set(merged);
            }
        }
    }

    /// Applies a quiz event, records any new answer in progress (and the quiz in the history when it
    /// ends), and saves the quiz so it survives a reload. The only path by which a quiz changes.
    pub fn quiz_event(self, event: Event) {
        let Some(session) = self.quiz.get_untracked() else {
            return;
        };
        let (logged, was_finished) = (session.log.len(), session.is_finished());
        let next = session.apply(event, clock::now_ms());
        // A design exercise's check counts in the quiz and its record only: the exercise's own
        // schedule comes from its practice rounds, and its id is no question's.
        let answers: Vec<_> = next.log[logged..]
            .iter()
            .filter_map(|(card, attempt)| {
                let card = next.cards.get(*card).filter(|c| !c.design)?;
                Some((card.id.clone(), attempt.clone()))
            })
            .collect();
        let ended = !was_finished && next.is_finished();
        let finished = if ended { next.record() } else { None };
        let _ = self.change(Change::Quiz { answers, finished });
        // A quiz ended before any answer leaves no trace: no history entry, no summary.
        let empty = ended && next.summary().answered == 0;
        self.set_quiz((!empty).then_some(next));
    }

    /// Starts a quiz (replacing any other).
    pub fn start_quiz(self, session: Session) {
        self.set_quiz(Some(session));
    }

    /// Drops the quiz in progress.
    pub fn discard_quiz(self) {
        self.set_quiz(None);
    }

    fn set_quiz(self, session: Option<Session>) {
        if self.quiz_mode == Mode::ReadWrite {
            let _ = store::save(&ActiveQuiz {
                session: session.clone(),
            });
        }
        self.set_quiz.set(session);
    }

    /// Switches the colour theme, and saves it.
    pub fn set_theme(self, theme: Theme) {
        dom::set_theme_attribute(theme.attribute());
        self.change_prefs(|p| p.theme = theme);
    }

    /// Notes that progress was exported just now (the reminder to export starts counting again).
    pub fn exported(self) {
        let answers = self.progress.with_untracked(Progress::attempt_count);
        self.change_prefs(|p| p.last_export = Some((clock::now_ms(), answers)));
    }

    /// Sets (or, with `None`, removes) the interview-date plan.
    pub fn set_plan(self, plan: Option<crate::plan::PlanSettings>) {
        self.change_prefs(|p| p.plan = plan);
    }

    /// Today's plan, when one is set: the work for today, or why there is none.
    pub fn plan_today(self) -> Option<Result<crate::plan::Today, crate::plan::PlanProblem>> {
        self.with_plan(|settings, today, progress, schedule, questions, cal| {
            let designs = crate::bank::designs();
            crate::plan::today(settings, today, progress, schedule, questions, designs, cal)
        })
    }

    /// The plan's forecast from today to the interview, when one is set.
    pub fn plan_forecast(
        self,
    ) -> Option<Result<Vec<crate::plan::ForecastDay>, crate::plan::PlanProblem>> {
        self.with_plan(crate::plan::forecast)
    }

    /// `f` (one of the plan's views) over the plan set, today, this user's progress and schedule,
    /// and the bank; `None` with no plan. Tracks all of them.
    fn with_plan<T>(
        self,
        f: impl FnOnce(
            &crate::plan::PlanSettings,
            crate::stats::Day,
            &Progress,
            &Schedule,
            &[crate::bank::Question],
            &clock::UserCalendar,
        ) -> T,
    ) -> Option<T> {
        let settings = self.prefs.read().plan.clone()?;
        let (progress, schedule) = (self.progress.read(), self.schedule.read());
        Some(f(
            &settings,
            clock::today(),
            &progress,
            &schedule,
            crate::bank::questions(),
            &clock::UserCalendar,
        ))
    }

    /// Starts a flashcard quiz over `ids`, in that order (today's plan).
    pub fn start_quiz_over(self, ids: &[&str]) -> bool {
        let questions: Vec<crate::quiz::Item> = ids
            .iter()
            .filter_map(|id| crate::bank::question(id))
            .map(crate::quiz::Item::Question)
            .collect();
        let setup = crate::quiz::Setup {
            count: None,
            shuffled: false,
            pool: crate::quiz::Pool::All,
            mode: crate::quiz::QuizMode::Flashcards,
            designs: false,
        };
        let now = clock::now_ms();
        let progress = self.progress.get_untracked();
        match Session::deal(&setup, &questions, &progress, &|_| false, now, now) {
            Some(session) => {
                self.start_quiz(session);
                true
            }
            None => false,
        }
    }

    fn change_prefs(self, change: impl FnOnce(&mut Prefs)) {
        let mut prefs = self.prefs.get_untracked();
        change(&mut prefs);
        if self.prefs_mode == Mode::ReadWrite {
            let _ = store::save(&prefs);
        }
        self.set_prefs.set(prefs);
    }

    /// The questions of list view `query` (indexes into the bank) and the words to highlight,
    /// filtered with this user's statuses, due dates, bookmarks and notes. Tracks progress, the
    /// schedule and the search texts when called inside a reactive scope; a search before the
    /// texts have arrived fetches them (and searches the wordings meanwhile).
    pub fn list(self, query: &ListQuery) -> (Vec<usize>, BTreeSet<String>) {
        self.track_search(query);
        let (progress, schedule) = (self.progress.read(), self.schedule.read());
        let due_by = clock::end_of_today();
        list_view::run_bank(search::bank_search(), query, &|id| {
            list_view::user_marks(&progress, &schedule, due_by, id)
        })
    }

    /// The questions a quiz or mock interview takes from list view `query` (see
    /// [`list_view::selection`]: no search index needed). Tracks progress and the schedule.
    pub fn selection(self, query: &ListQuery) -> Vec<usize> {
        let (progress, schedule) = (self.progress.read(), self.schedule.read());
        let due_by = clock::end_of_today();
        list_view::selection(
            crate::bank::questions(),
            query,
            &search::bank_search().topic_ids,
            &|id| list_view::user_marks(&progress, &schedule, due_by, id),
        )
    }

    /// "Did you mean": the search `q` with its misspelt terms corrected, when that finds
    /// something (see [`search::BankSearch::suggest`]). Tracks the search texts.
    pub fn suggest(self, q: &str) -> Option<String> {
        let _ = self.search_complete.get();
        search::bank_search().suggest(q)
    }

    /// The counts on the level and topic chips for list view `query` (see
    /// [`list_view::facet_counts`]).
    pub fn facet_counts(self, query: &ListQuery) -> (Vec<(Level, usize)>, Vec<usize>) {
        self.track_search(query);
        let (progress, schedule) = (self.progress.read(), self.schedule.read());
        let due_by = clock::end_of_today();
        list_view::facet_counts_bank(search::bank_search(), query, &|id| {
            list_view::user_marks(&progress, &schedule, due_by, id)
        })
    }

    fn track_search(self, query: &ListQuery) {
        if self.search_complete.get() || search::tokens(&query.q).next().is_none() {
            return;
        }
        self.load_search_texts();
    }

    /// Fetches the search texts, once, so search covers the answers too.
    pub fn load_search_texts(self) {
        thread_local! {
            static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        if search::bank_search().is_complete() || ASKED.replace(true) {
            return;
        }
        leptos::task::spawn_local(async move {
            let loaded = fetch::text(bank::SEARCH_FILE)
                .await
                .ok()
                .and_then(|text| serde_json::from_str(&text).ok())
                .is_some_and(|texts| search::bank_search().provide(texts));
            if loaded {
                self.search_complete.set(true);
            } else {
                // Try again on the next search (back online, say).
                ASKED.set(false);
            }
        });
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::platform::storage as raw;
    use crate::progress::{Attempt, Grade};
    use crate::storage::encode;
    use crate::transfer::ImportMode;

    /// A tab as the app opens it. On the host every tab shares the in-memory store, and no storage
    /// event reaches a tab: it is a tab asleep in the background, holding the copy it loaded.
    fn open_tab() -> (Owner, AppState) {
        let owner = Owner::new();
        let state = owner.with(|| AppState::provide(None));
        (owner, state)
    }

    fn used() -> Progress {
        let mut p = Progress::default();
        p.mark_read("jwt", 1_700_000_000_000);
        p.record("jwt", Attempt::flashcard(1_700_000_001_000, Grade::Knew));
        p.set_bookmark("jwt", true, 1_700_000_002_000);
        p
    }

    fn stored() -> Progress {
        store::read_current::<Progress>().expect("stored progress")
    }

    /// Lets the clock move on: what is done at the very millisecond of a deletion counts as
    /// before it (no user acts in two tabs within one millisecond, but a test does).
    fn later() {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }

    #[test]
    fn a_reset_in_one_tab_is_not_undone_when_a_stale_tab_saves() {
        raw::reset();
        raw::set(crate::storage::PROGRESS_KEY, &encode(&used())).unwrap();
        let ((_a, a), (_b, b)) = (open_tab(), open_tab());
        a.change(Change::Reset(ResetScope::Everything)).unwrap();
        later();
        b.change(Change::Bookmark {
            id: "cdn".into(),
            on: true,
        })
        .unwrap();
        let p = stored();
        assert!(p.read.is_empty() && p.attempts.is_empty(), "{p:?}");
        assert!(p.is_bookmarked("cdn") && p.is_bookmarked("jwt"));
        assert_eq!(
            b.progress.get_untracked(),
            p,
            "the stale tab now shows the reset"
        );
        // A's next save keeps B's bookmark.
        later();
        a.change(Change::Read("acid".into())).unwrap();
        assert!(stored().is_bookmarked("cdn") && stored().is_read("acid"));
    }

    #[test]
    fn a_replace_in_one_tab_is_not_undone_when_a_stale_tab_saves() {
        raw::reset();
        raw::set(crate::storage::PROGRESS_KEY, &encode(&used())).unwrap();
        let ((_a, a), (_b, b)) = (open_tab(), open_tab());
        let mut file = Progress::default();
        file.mark_read("cdn", 1_600_000_000_000);
        a.change(Change::Import {
            progress: Box::new(file),
            how: ImportMode::Replace,
        })
        .unwrap();
        later();
        b.change(Change::Read("acid".into())).unwrap();
        let p = stored();
        assert!(
            !p.is_read("jwt") && p.is_read("cdn") && p.is_read("acid"),
            "{p:?}"
        );
        assert!(p.attempts.is_empty() && !p.is_bookmarked("jwt"), "{p:?}");
    }

    #[test]
    fn a_merge_import_in_a_stale_tab_after_a_reset_elsewhere_adds_the_file() {
        raw::reset();
        raw::set(crate::storage::PROGRESS_KEY, &encode(&used())).unwrap();
        let ((_a, a), (_b, b)) = (open_tab(), open_tab());
        a.change(Change::Reset(ResetScope::Everything)).unwrap();
        b.change(Change::Import {
            progress: Box::new(used()),
            how: ImportMode::Merge,
        })
        .unwrap();
        let p = stored();
        assert_eq!(p.latest("jwt"), Some(Grade::Knew), "{p:?}");
        assert!(p.reset_at.is_some());
    }

    #[test]
    fn after_a_full_quota_saving_resumes_once_space_is_freed() {
        raw::reset();
        let (_owner, tab) = open_tab();
        tab.change(Change::Read("jwt".into())).unwrap();
        raw::set_fault(Some(raw::Fault::QuotaBytes(10)));
        assert_eq!(
            tab.change(Change::Read("cdn".into())),
            Err(SaveError::QuotaExceeded)
        );
        assert!(tab.unsaved.get_untracked());
        assert_eq!(tab.mode.get_untracked(), Mode::ReadWrite, "still trying");
        assert!(
            tab.progress.get_untracked().is_read("cdn"),
            "kept in the tab"
        );
        let notices = tab.notices.get_untracked().len();
        // Still full: the next change is kept too, and says nothing more.
        assert!(tab.change(Change::Read("acid".into())).is_err());
        assert_eq!(tab.notices.get_untracked().len(), notices);
        // Space freed (backups deleted): the retry saves everything kept meanwhile.
        raw::set_fault(None);
        tab.retry_save();
        assert!(!tab.unsaved.get_untracked());
        let saved = stored();
        assert!(saved.is_read("cdn") && saved.is_read("acid"));
        assert!(tab
            .notices
            .get_untracked()
            .last()
            .unwrap()
            .text
            .contains("saved"));
        raw::reset();
    }
}
