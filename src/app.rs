//! The whole app: the state, the frame and the routes. Wiring only.

use crate::components::notices::{Notices, UpdateNotice};
use crate::components::shortcuts::ShortcutHelp;
use crate::components::site::{SiteFooter, SiteHeader};
use crate::pages::{
    dashboard::Dashboard, list::ListPage, not_found::NotFound, question::QuestionPage,
    quiz_play::QuizPlay, quiz_setup::QuizSetup,
};
use crate::platform::dom;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app, inside `<div id="app">` (the element a prerendered page's app takes over).
#[component]
pub fn App() -> impl IntoView {
    AppState::provide();
    view! {
        <div id="app">
            <Router base=dom::base_path()>
                <SiteHeader />
                <UpdateNotice />
                <Notices />
                <ShortcutHelp />
                <main id="main" tabindex="-1">
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("/") view=ListPage />
                        <Route path=path!("/questions/:id") view=QuestionPage />
                        <Route path=path!("/quiz") view=QuizSetup />
                        <Route path=path!("/quiz/play") view=QuizPlay />
                        <Route path=path!("/progress") view=Dashboard />
                    </Routes>
                </main>
                <SiteFooter />
            </Router>
        </div>
    }
}
