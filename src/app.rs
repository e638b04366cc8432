//! Router, routes and shared state; the one persistence effect.

use crate::bank::Level;
use crate::pages::{
    dashboard::Dashboard,
    list::ListPage,
    not_found::NotFound,
    question::QuestionPage,
    quiz::{QuizPlay, QuizSetup},
};
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::quiz::{Event, Session};
use crate::schedule::Schedule;
use crate::search::{self, ListQuery};
use crate::storage::ActiveQuiz;
use crate::storage::{self, local, Mode, Notice};
use crate::web;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::collections::BTreeSet;

/// State every page can reach through context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The user's progress (the single source of truth in memory).
    pub progress: RwSignal<Progress>,
    /// Whether progress is being saved.
    pub mode: RwSignal<Mode>,
    /// Display preferences.
    pub prefs: RwSignal<Prefs>,
    /// Whether preferences are being saved.
    pub prefs_mode: Mode,
    /// Messages about stored data, shown until dismissed.
    pub notices: RwSignal<Vec<Notice>>,
    /// A newer build is installed and waiting for a reload.
    pub update_ready: RwSignal<bool>,
    /// The quiz in progress (or the last finished, for its summary).
    pub quiz: RwSignal<Option<Session>>,
    /// When each answered question is next due, replayed from `progress`.
    pub schedule: Memo<Schedule>,
}

impl AppState {
    /// Applies a quiz event, records any new answer in progress (and the quiz in the history when it
    /// ends). The only path by which a quiz changes.
    pub fn quiz_event(self, event: Event) {
        let Some(session) = self.quiz.get_untracked() else {
            return;
        };
        let (logged, was_finished) = (session.log.len(), session.is_finished());
        let next = session.apply(event, web::now_ms());
        let new: Vec<_> = next.log[logged..].to_vec();
        let finished_now = !was_finished && next.is_finished();
        if !new.is_empty() || finished_now {
            self.progress.update(|p| {
                for (card, attempt) in new {
                    p.record(&next.cards[card].id, attempt);
                }
                if finished_now {
                    p.quizzes.push(next.record());
                }
            });
        }
        self.quiz.set(Some(next));
    }

    /// The questions of list view `query` (indexes into the bank) and the words to highlight,
    /// filtered with this user's statuses, due dates, bookmarks and notes. Tracks progress and the
    /// schedule when called inside a reactive scope.
    pub fn list(self, query: &ListQuery) -> (Vec<usize>, BTreeSet<String>) {
        let (progress, schedule) = (self.progress.read(), self.schedule.read());
        let due_by = web::end_of_today();
        search::bank_search().run(query, &|id| search::mine(&progress, &schedule, due_by, id))
    }

    /// The counts on the level and topic chips for list view `query` (see [`search::facet_counts`]).
    pub fn facet_counts(self, query: &ListQuery) -> (Vec<(Level, usize)>, Vec<usize>) {
        let (progress, schedule) = (self.progress.read(), self.schedule.read());
        let due_by = web::end_of_today();
        search::bank_search()
            .facet_counts(query, &|id| search::mine(&progress, &schedule, due_by, id))
    }
}

/// The state from context; every page is inside [`App`], which provides it.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let now = web::now_ms();
    let progress = local::load::<Progress>(now);
    let prefs = local::load::<Prefs>(now);
    let quiz = local::load::<ActiveQuiz>(now);
    let mut notices = progress.notices;
    // Preferences and the quiz are not worth a second "storage unavailable" message.
    if progress.mode != Mode::MemoryOnly {
        notices.extend(prefs.notices);
        notices.extend(quiz.notices);
    }
    let progress_signal = RwSignal::new(progress.data);
    let state = AppState {
        progress: progress_signal,
        // Replays only the questions whose answers changed since the last value.
        schedule: Memo::new(move |previous: Option<&Schedule>| {
            previous
                .unwrap_or(&Schedule::default())
                .updated(&progress_signal.read())
        }),
        mode: RwSignal::new(progress.mode),
        prefs: RwSignal::new(prefs.data),
        prefs_mode: prefs.mode,
        notices: RwSignal::new(notices),
        update_ready: RwSignal::new(false),
        quiz: RwSignal::new(quiz.data.session),
    };
    let quiz_mode = quiz.mode;
    provide_context(state);
    crate::sw::register(move || state.update_ready.set(true));

    // Persist progress whenever it changes (not on the first run: that is what was just loaded).
    Effect::new(move |previous: Option<()>| {
        let progress = state.progress.get();
        if previous.is_none() || state.mode.get_untracked() != Mode::ReadWrite {
            return;
        }
        match local::save(&progress) {
            // Another tab's progress was merged in: show it here too.
            Ok(merged) if merged != progress => state.progress.set(merged),
            Ok(_) => {}
            Err(e) => {
                state.mode.set(Mode::MemoryOnly);
                let text = match e {
                    local::SaveError::QuotaExceeded => "Browser storage is full, so progress from now on is kept only until you close this tab.".to_string(),
                    local::SaveError::NewerData => "A newer version of Backprep saved progress in another tab; this tab stops saving so it does not overwrite it. Reload to switch.".to_string(),
                    local::SaveError::Unavailable(why) => format!("Progress could not be saved ({why}); it is kept only until you close this tab."),
                };
                state.notices.update(|n| n.push(Notice { text }));
            }
        }
    });

    // Another tab saved: take its progress in (the `storage` event fires only in other tabs).
    let _ = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().as_deref() == Some(storage::PROGRESS_KEY)
            && state.mode.get_untracked() == Mode::ReadWrite
        {
            if let Some(theirs) = local::read_current::<Progress>() {
                let mut merged = state.progress.get_untracked();
                merged.merge(&theirs);
                if merged != state.progress.get_untracked() {
                    state.progress.set(merged);
                }
            }
        }
    });

    // The quiz in progress is saved after every step, so it survives a reload or a closed tab.
    Effect::new(move |previous: Option<()>| {
        let session = state.quiz.get();
        if previous.is_some() && quiz_mode == Mode::ReadWrite {
            let _ = local::save(&ActiveQuiz { session });
        }
    });

    // The theme lives on <html data-theme>, and is saved when changed.
    Effect::new(move |previous: Option<()>| {
        let prefs = state.prefs.get();
        web::set_theme_attribute(prefs.theme.attribute());
        if previous.is_some() && state.prefs_mode == Mode::ReadWrite {
            let _ = local::save(&prefs);
        }
    });

    let base = web::base_path();
    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <a class="brand" href=web::href("/")>
                    <span class="brand-mark" aria-hidden="true">"▸"</span>
                    "Backprep"
                </a>
                <span class="tagline">"Backend interview prep, offline"</span>
                <nav class="header-actions" aria-label="Main">
                    <a href=web::href("/")>"Questions"</a>
                    <a href=web::href("/quiz")>"Quiz"</a>
                    <a href=web::href("/progress")>"Progress"</a>
                    <button
                        type="button"
                        class="link-button"
                        data-testid="theme-toggle"
                        title="Switch between system, light and dark"
                        on:click=move |_| state.prefs.update(|p| p.theme = p.theme.next())
                    >
                        {move || state.prefs.read().theme.label()}
                    </button>
                </nav>
            </header>
            <Show when=move || state.update_ready.get()>
                <div class="notices" role="status">
                    <div class="notice update" data-testid="update-ready">
                        <p>"A new version is ready."</p>
                        <button type="button" class="button" on:click=|_| crate::sw::apply_update()>
                            "Reload"
                        </button>
                    </div>
                </div>
            </Show>
            <crate::components::notices::Notices />
            <crate::components::shortcuts::ShortcutHelp />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=ListPage />
                    <Route path=path!("/questions/:id") view=QuestionPage />
                    <Route path=path!("/quiz") view=QuizSetup />
                    <Route path=path!("/quiz/play") view=QuizPlay />
                    <Route path=path!("/progress") view=Dashboard />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "Your progress stays in this browser. Nothing is sent anywhere. Press "
                    <kbd>"?"</kbd>
                    " for keyboard shortcuts."
                </p>
                {crate::sw::build_id().map(|b| view! { <p class="build" data-testid="build-id">"Build " {b}</p> })}
            </footer>
        </Router>
    }
}
