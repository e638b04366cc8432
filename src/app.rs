//! The app: the state, the frame around every page, and the routes of each area (see
//! `meta::Area`). Each area's wasm mounts only its own routes, so it carries only its own pages;
//! a development build and the host mount them all. Wiring only.

use crate::components::notices::{Notices, UpdateNotice};
use crate::components::shortcuts::ShortcutHelp;
use crate::components::site::{RouteFocus, SiteFooter, SiteHeader};
use crate::meta::Area;
use crate::pages::{
    dashboard::Dashboard, design::DesignPage, design_practice::DesignPracticePage,
    designs::DesignsPage, interview::InterviewPage, list::ListPage, not_found::NotFound,
    question::QuestionPage, quiz_play::QuizPlay, quiz_setup::QuizSetup,
};
use crate::platform::{dom, events};
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The state, and the frame every page sits in, inside `<div id="app">` (the element a
/// prerendered page's app takes over). `area` is the part of the app this build serves (`None`:
/// all of it).
#[component]
fn Frame(area: Option<Area>, children: Children) -> impl IntoView {
    AppState::provide(area);
    if let Some(area) = area {
        events::on_other_app_link(move |path| Area::of_path(path) != area);
    }
    view! {
        <div id="app">
            <Router base=dom::base_path()>
                <SiteHeader />
                <UpdateNotice />
                <Notices />
                <ShortcutHelp />
                <main id="main" tabindex="-1">
                    {children()}
                </main>
                <SiteFooter />
            </Router>
        </div>
    }
}

/// The study loop: the list, the question pages and what an unknown address shows, one app, so
/// moving between them is a route change (no page load, no second start).
#[component]
pub fn StudyApp() -> impl IntoView {
    view! {
        <Frame area=Some(Area::Study)>
            <RouteFocus />
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/") view=ListPage />
                <Route path=path!("/questions/:id") view=QuestionPage />
            </Routes>
        </Frame>
    }
}

/// Quizzes.
#[component]
pub fn PracticeApp() -> impl IntoView {
    view! {
        <Frame area=Some(Area::Practice)>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/quiz") view=QuizSetup />
                <Route path=path!("/quiz/play") view=QuizPlay />
            </Routes>
        </Frame>
    }
}

/// Mock interviews.
#[component]
pub fn InterviewApp() -> impl IntoView {
    view! {
        <Frame area=Some(Area::Interview)>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/interview") view=InterviewPage />
            </Routes>
        </Frame>
    }
}

/// The progress dashboard.
#[component]
pub fn ProgressApp() -> impl IntoView {
    view! {
        <Frame area=Some(Area::Progress)>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/progress") view=Dashboard />
            </Routes>
        </Frame>
    }
}

/// The design exercises.
#[component]
pub fn DesignApp() -> impl IntoView {
    view! {
        <Frame area=Some(Area::Design)>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/designs") view=DesignsPage />
                <Route path=path!("/designs/:id") view=DesignPage />
                <Route path=path!("/designs/:id/practice") view=DesignPracticePage />
            </Routes>
        </Frame>
    }
}

/// Every page in one app: a development build (`trunk serve`), and host tests.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame area=None>
            <RouteFocus />
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/") view=ListPage />
                <Route path=path!("/questions/:id") view=QuestionPage />
                <Route path=path!("/quiz") view=QuizSetup />
                <Route path=path!("/quiz/play") view=QuizPlay />
                <Route path=path!("/interview") view=InterviewPage />
                <Route path=path!("/progress") view=Dashboard />
                <Route path=path!("/designs") view=DesignsPage />
                <Route path=path!("/designs/:id") view=DesignPage />
                <Route path=path!("/designs/:id/practice") view=DesignPracticePage />
            </Routes>
        </Frame>
    }
}

/// The app of `area` (the host renders each page with the app that serves it).
pub fn area_app(area: Area) -> AnyView {
    match area {
        Area::Study => view! { <StudyApp /> }.into_any(),
        Area::Practice => view! { <PracticeApp /> }.into_any(),
        Area::Interview => view! { <InterviewApp /> }.into_any(),
        Area::Progress => view! { <ProgressApp /> }.into_any(),
        Area::Design => view! { <DesignApp /> }.into_any(),
    }
}
