//! The frame around every page: the header with the main navigation and the theme switch, and
//! the footer.

use crate::meta::Area;
use crate::platform::{dom, sw};
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The header.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = use_app_state();
    let location = use_location();
    // The part of the site shown, for marking its link ("page" for screen readers too).
    let area = Memo::new(move |_| {
        let path = location.pathname.get();
        let base = dom::base_path();
        let within = path
            .strip_prefix(base.trim_end_matches('/'))
            .unwrap_or(&path);
        Area::of_path(if within.is_empty() { "/" } else { within })
    });
    let current = move |a: Area| move || (area.get() == a).then_some("page");

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
            <div class="header-end">
                <nav class="header-actions" aria-label="Main">
                    <a href=dom::href("/") aria-current=current(Area::Study)>
                        "Questions"
                    </a>
                    <a href=dom::href("/quiz") aria-current=current(Area::Practice)>
                        "Quiz"
                    </a>
                    <a href=dom::href("/interview") aria-current=current(Area::Interview)>
                        "Interview"
                    </a>
                    <a href=dom::href("/designs") aria-current=current(Area::Design)>
                        "Design"
                    </a>
                    <a href=dom::href("/progress") aria-current=current(Area::Progress)>
                        "Progress"
                    </a>
                </nav>
                // Not a place to go, so outside the navigation; on a phone it shares the brand's row.
                <button
                    type="button"
                    class="link-button theme-toggle"
                    data-testid="theme-toggle"
                    disabled=!dom::live()
                    title="Switch between system, light and dark"
                    on:click=move |_| state.set_theme(state.prefs.get_untracked().theme.next())
                >
                    {move || state.prefs.read().theme.label()}
                </button>
            </div>
        </header>
    }
}

/// The footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Your progress stays in this browser. Nothing is sent anywhere."
                <span class="key-hint">" Press " <kbd>"?"</kbd> " for keyboard shortcuts."</span>
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

/// The study loop's route changes (the study area mounts this; the other areas move by page
/// loads). After a route change (a new page, not the first) the focus goes to the main content,
/// as a page load would start there: a keyboard or screen reader user is not left on a link that
/// is gone (back to the list then puts it on the row it left: `pages::list`). And every history
/// entry keeps where the window was scrolled when a click left it, so back to the list can put
/// it there again.
#[component]
pub fn RouteFocus() -> impl IntoView {
    crate::platform::events::on_click_first(dom::remember_scroll);
    let location = use_location();
    Effect::new(move |was: Option<String>| {
        let path = location.pathname.get();
        if was.as_ref().is_some_and(|w| *w != path) {
            dom::focus_main();
        }
        path
    });
}
