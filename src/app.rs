//! Router, routes and shared state; the one persistence effect.

use crate::pages::{list::ListPage, not_found::NotFound, question::QuestionPage};
use crate::progress::Progress;
use crate::storage::{self, Mode, Notice};
use crate::web;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// State every page can reach through context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The user's progress (the single source of truth in memory).
    pub progress: RwSignal<Progress>,
    /// Whether progress is being saved.
    pub mode: RwSignal<Mode>,
    /// Messages about stored data, shown until dismissed.
    pub notices: RwSignal<Vec<Notice>>,
}

/// The state from context; every page is inside [`App`], which provides it.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let (loaded, mode, notices) = storage::local::load_progress(web::now_ms());
    let state = AppState {
        progress: RwSignal::new(loaded),
        mode: RwSignal::new(mode),
        notices: RwSignal::new(notices),
    };
    provide_context(state);

    // Persist progress whenever it changes (not on the first run: that is what was just loaded).
    Effect::new(move |previous: Option<()>| {
        let progress = state.progress.get();
        if previous.is_none() || state.mode.get_untracked() != Mode::ReadWrite {
            return;
        }
        if let Err(e) = storage::local::save_progress(&progress) {
            state.mode.set(Mode::MemoryOnly);
            let text = match e {
                storage::local::SaveError::QuotaExceeded => "Browser storage is full, so progress from now on is kept only until you close this tab.".to_string(),
                storage::local::SaveError::Unavailable(why) => format!("Progress could not be saved ({why}); it is kept only until you close this tab."),
            };
            state.notices.update(|n| n.push(Notice { text }));
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
            </header>
            <crate::components::notices::Notices />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=ListPage />
                    <Route path=path!("/questions/:id") view=QuestionPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Your progress stays in this browser. Nothing is sent anywhere."</p>
            </footer>
        </Router>
    }
}
