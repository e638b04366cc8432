//! The frame around every page: the header with the main navigation and the theme switch, and
//! the footer.

use crate::platform::{dom, sw};
use crate::state::use_app_state;
use leptos::prelude::*;

/// The header.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = use_app_state();
    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <header class="site-header">
            <a class="brand" href=dom::href("/")>
                <span class="brand-mark" aria-hidden="true">
                    "▸"
                </span>
                "Backprep"
            </a>
            <span class="tagline">"Backend interview prep, offline"</span>
            <nav class="header-actions" aria-label="Main">
                <a href=dom::href("/")>"Questions"</a>
                <a href=dom::href("/quiz")>"Quiz"</a>
                <a href=dom::href("/progress")>"Progress"</a>
                <button
                    type="button"
                    class="link-button"
                    data-testid="theme-toggle"
                    disabled=!dom::live()
                    title="Switch between system, light and dark"
                    on:click=move |_| state.set_theme(state.prefs.get_untracked().theme.next())
                >
                    {move || state.prefs.read().theme.label()}
                </button>
            </nav>
        </header>
    }
}

/// The footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Your progress stays in this browser. Nothing is sent anywhere. Press "
                <kbd>"?"</kbd> " for keyboard shortcuts."
            </p>
            {sw::build_id()
                .map(|b| {
                    view! {
                        <p class="build" data-testid="build-id">
                            "Build "
                            {b}
                        </p>
                    }
                })}
        </footer>
    }
}
