//! Router, routes and shared state; the one persistence effect.

use crate::pages::{list::ListPage, not_found::NotFound, question::QuestionPage};
use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::storage::{self, local, Mode, Notice};
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
    /// Display preferences.
    pub prefs: RwSignal<Prefs>,
    /// Whether preferences are being saved.
    pub prefs_mode: Mode,
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
    let now = web::now_ms();
    let progress = local::load::<Progress>(now);
    let prefs = local::load::<Prefs>(now);
    let mut notices = progress.notices;
    // Preferences are not worth a second "storage unavailable" message.
    if progress.mode != Mode::MemoryOnly {
        notices.extend(prefs.notices);
    }
    let state = AppState {
        progress: RwSignal::new(progress.data),
        mode: RwSignal::new(progress.mode),
        prefs: RwSignal::new(prefs.data),
        prefs_mode: prefs.mode,
        notices: RwSignal::new(notices),
    };
    provide_context(state);

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
                <span class="header-actions">
                    <button
                        type="button"
                        class="link-button"
                        data-testid="theme-toggle"
                        title="Switch between system, light and dark"
                        on:click=move |_| state.prefs.update(|p| p.theme = p.theme.next())
                    >
                        {move || state.prefs.read().theme.label()}
                    </button>
                </span>
            </header>
            <crate::components::notices::Notices />
            <crate::components::shortcuts::ShortcutHelp />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=ListPage />
                    <Route path=path!("/questions/:id") view=QuestionPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "Your progress stays in this browser. Nothing is sent anywhere. Press "
                    <kbd>"?"</kbd>
                    " for keyboard shortcuts."
                </p>
            </footer>
        </Router>
    }
}
