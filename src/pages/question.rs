//! `/questions/:id`: one question with its answer. The URL may carry the list view it was opened
//! from (`?q=…&level=…`), which gives "back to the list" and previous/next their meaning.

use crate::bank::{self, Question};
use crate::components::answer::{with_content, AnswerSections, FollowUps};
use crate::components::badges::{LevelBadge, TopicLink};
use crate::components::keyboard::use_keys;
use crate::components::personal::{BookmarkButton, NextReview, NoteBox};
use crate::components::question_row::row_id;
use crate::keys::{Action, Place};
use crate::pages::not_found::NotFound;
use crate::platform::{clipboard, dom};
use crate::state::url::{use_go, use_list_query};
use crate::state::{use_app_state, Change};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

/// The question page, or not-found for an unknown id.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = use_params_map();
    let found = Memo::new(move |_| params.read().get("id").and_then(|id| bank::question(&id)));
    move || match found.get() {
        Some(q) => view! { <QuestionView q=q /> }.into_any(),
        None => view! { <NotFound what="question" /> }.into_any(),
    }
}

/// The previous and next question in the list view the page was opened from, and where this one
/// sits in it ("3 of 12").
type Neighbours = (
    Option<&'static Question>,
    Option<&'static Question>,
    Option<(usize, usize)>,
);

#[component]
fn QuestionView(q: &'static Question) -> impl IntoView {
    let state = use_app_state();
    let query = use_list_query();
    dom::set_title(q.question);
    state.last_question.set_value(Some(q.id));
    // Opening the page is the first piece of progress we keep (a second opening changes nothing
    // and saves nothing).
    let _ = state.change(Change::Read(q.id.to_string()));
    let neighbours = Memo::new(move |_| -> Neighbours {
        let (shown, _) = state.list(&query.get());
        let pos = shown.iter().position(|&i| bank::questions()[i].id == q.id);
        let at = |p: Option<usize>| p.and_then(|p| shown.get(p)).map(|&i| &bank::questions()[i]);
        match pos {
            Some(p) => (
                at(p.checked_sub(1)),
                at(Some(p + 1)),
                Some((p + 1, shown.len())),
            ),
            None => (None, None, None),
        }
    });
    let qs = move || query.with(|l| l.to_query_string());
    let question_href =
        move |other: &Question| dom::href(&format!("/questions/{}{}", other.id, qs()));
    use_question_keys(q, neighbours);

    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        // Copy the link without the list context: it names the question, wherever it was found.
        let url = dom::current_url();
        let plain = url.split('?').next().unwrap_or(&url).to_string();
        spawn_local(async move {
            copied.set(Some(clipboard::copy(&plain).await));
            // The confirmation goes after a moment, so a second copy confirms again.
            set_timeout(
                move || {
                    // The page may have been left meanwhile (a route change).
                    let _ = copied.try_set(None);
                },
                std::time::Duration::from_millis(2500),
            );
        });
    };
    let wordings = q.distinct_wordings();
    // Previous and next, at the top and again at the end of the answer.
    let prev_next = move || {
        view! {
            <span class="prev-next">
                {move || {
                    neighbours
                        .get()
                        .0
                        .map(|p| {
                            view! {
                                <a href=question_href(p) rel="prev" title=p.question>
                                    "← Previous"
                                </a>
                            }
                        })
                }}
                {move || {
                    neighbours
                        .get()
                        .1
                        .map(|n| {
                            view! {
                                <a href=question_href(n) rel="next" title=n.question>
                                    "Next →"
                                </a>
                            }
                        })
                }}
            </span>
        }
    };

    view! {
        <article class="question-page" data-testid="question-page">
            <nav class="question-nav" aria-label="Question navigation">
                <a class="back" href=move || dom::href(&format!("/{}#{}", qs(), row_id(q.id)))>
                    {move || {
                        if query.read().is_filtered() {
                            "← Back to the list"
                        } else {
                            "← All questions"
                        }
                    }}
                </a>
                <span class="position" data-testid="position">
                    {move || neighbours.get().2.map(|(p, n)| format!("{p} of {n}"))}
                </span>
                {prev_next()}
            </nav>
            <h1>{q.question}</h1>
            <div class="meta">
                <LevelBadge level=q.level />
                {q.topic_list().map(|t| view! { <TopicLink topic=t /> }).collect_view()}
                <BookmarkButton id=q.id />
                <NextReview id=q.id />
                <button
                    type="button"
                    class="link-button copy-link"
                    disabled=!dom::live()
                    on:click=copy
                >
                    {move || match copied.get() {
                        None => "Copy link",
                        Some(true) => "Link copied",
                        Some(false) => "Copy failed: use the address bar",
                    }}
                </button>
            </div>
            {(!wordings.is_empty())
                .then(|| {
                    view! {
                        <details class="also-asked">
                            <summary>{format!("Also asked as ({})", wordings.len())}</summary>
                            <ul>
                                {wordings.iter().map(|w| view! { <li>{*w}</li> }).collect_view()}
                            </ul>
                        </details>
                    }
                })}
            {with_content(q, move |c| view! { <AnswerSections q=q content=c /> })}
            <NoteBox id=q.id />
            {with_content(q, |c| view! { <FollowUps content=c /> })}
            <section class="related" aria-labelledby="rel-h">
                <h2 id="rel-h">"Related questions"</h2>
                <ul>
                    {q
                        .related
                        .iter()
                        .filter_map(|r| bank::question(r))
                        .map(|r| {
                            view! {
                                <li>
                                    <a href=dom::href(
                                        &format!("/questions/{}", r.id),
                                    )>{r.question}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <nav class="question-nav end-nav" aria-label="Previous and next question">
                {prev_next()}
            </nav>
        </article>
    }
}

/// The page's keys: Esc back to the list, ←/→ (or k/j) previous and next, b bookmarks, / searches.
fn use_question_keys(q: &'static Question, neighbours: Memo<Neighbours>) {
    let state = use_app_state();
    let query = use_list_query();
    let go = use_go();
    use_keys(
        || Place::Question,
        move |action, _| {
            let qs = query.with_untracked(|l| l.to_query_string());
            let target = match action {
                Action::BackToList | Action::FocusSearch => Some(format!("/{qs}")),
                Action::PreviousQuestion => neighbours
                    .get_untracked()
                    .0
                    .map(|p| format!("/questions/{}{qs}", p.id)),
                Action::NextQuestion => neighbours
                    .get_untracked()
                    .1
                    .map(|n| format!("/questions/{}{qs}", n.id)),
                Action::Bookmark => {
                    let on = !state.progress.with_untracked(|p| p.is_bookmarked(q.id));
                    let _ = state.change(Change::Bookmark {
                        id: q.id.to_string(),
                        on,
                    });
                    None
                }
                _ => None,
            };
            match target {
                Some(path) => {
                    go(&path);
                    true
                }
                None => false,
            }
        },
    );
}
