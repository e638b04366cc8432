//! `/questions/:id`: one question with its answer. The URL may carry the list view it was opened
//! from (`?q=…&level=…`), which gives "back to the list" and previous/next their meaning.

use crate::app::use_app_state;
use crate::bank::{self, Question};
use crate::components::badges::{LevelBadge, TopicLink};
use crate::components::personal::{BookmarkButton, NextReview, NoteBox};
use crate::keys::{self, Action, Place, Press};
use crate::pages::list::use_list_query;
use crate::pages::not_found::NotFound;
use crate::web;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

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

#[component]
fn QuestionView(q: &'static Question) -> impl IntoView {
    let state = use_app_state();
    let query = use_list_query();
    let navigate = use_navigate();
    web::set_title(q.question);
    // Opening the page is the first piece of progress we keep. Only the first opening changes
    // anything, so later visits do not wake the save effect (which rewrites all of progress).
    if !state.progress.with_untracked(|p| p.is_read(q.id)) {
        state.progress.update(|p| {
            p.mark_read(q.id, web::now_ms());
        });
    }

    // Where this question sits in the list it was opened from.
    let neighbours = Memo::new(move |_| {
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
    let list_href = move || web::href(&format!("/{}", qs()));
    let question_href =
        move |other: &Question| web::href(&format!("/questions/{}{}", other.id, qs()));

    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let (typing, _) = web::key_target(&ev);
        let key = ev.key();
        let press = Press {
            key: &key,
            modified: ev.ctrl_key() || ev.meta_key() || ev.alt_key(),
            typing,
        };
        let target = match keys::action(Place::Question, press) {
            Some(Action::BackToList) => Some(format!(
                "/{}",
                query.with_untracked(|l| l.to_query_string())
            )),
            Some(Action::PreviousQuestion) => neighbours.get_untracked().0.map(|p| {
                format!(
                    "/questions/{}{}",
                    p.id,
                    query.with_untracked(|l| l.to_query_string())
                )
            }),
            Some(Action::NextQuestion) => neighbours.get_untracked().1.map(|n| {
                format!(
                    "/questions/{}{}",
                    n.id,
                    query.with_untracked(|l| l.to_query_string())
                )
            }),
            Some(Action::Bookmark) => {
                state.progress.update(|p| {
                    let on = !p.is_bookmarked(q.id);
                    p.set_bookmark(q.id, on, web::now_ms());
                });
                None
            }
            Some(Action::FocusSearch) => Some(format!(
                "/{}",
                query.with_untracked(|l| l.to_query_string())
            )),
            _ => None,
        };
        if let Some(path) = target {
            ev.prevent_default();
            navigate(&web::nav_path(&path), Default::default());
        }
    });
    on_cleanup(move || handle.remove());

    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        // Copy the link without the list context: it names the question, wherever it was found.
        let url = web::current_url();
        let plain = url.split('?').next().unwrap_or(&url).to_string();
        spawn_local(async move {
            copied.set(Some(web::copy_to_clipboard(&plain).await));
        });
    };

    view! {
        <article class="question-page" data-testid="question-page">
            <nav class="question-nav" aria-label="Question navigation">
                <a class="back" href=list_href>
                    {move || if query.read().is_filtered() { "← Back to the list" } else { "← All questions" }}
                </a>
                <span class="position" data-testid="position">
                    {move || neighbours.get().2.map(|(p, n)| format!("{p} of {n}"))}
                </span>
                <span class="prev-next">
                    {move || neighbours.get().0.map(|p| view! {
                        <a href=question_href(p) rel="prev" title=p.question>"← Previous"</a>
                    })}
                    {move || neighbours.get().1.map(|n| view! {
                        <a href=question_href(n) rel="next" title=n.question>"Next →"</a>
                    })}
                </span>
            </nav>
            <h1>{q.question}</h1>
            <div class="meta">
                <LevelBadge level=q.level />
                {q.topic_list().map(|t| view! { <TopicLink topic=t /> }).collect_view()}
                <BookmarkButton id=q.id />
                <NextReview id=q.id />
                <button type="button" class="link-button copy-link" on:click=copy>
                    {move || match copied.get() {
                        None => "Copy link",
                        Some(true) => "Link copied",
                        Some(false) => "Copy failed: use the address bar",
                    }}
                </button>
            </div>
            <Show when=move || !q.also_asked_as.is_empty()>
                <details class="also-asked">
                    <summary>{format!("Also asked as ({})", q.also_asked_as.len())}</summary>
                    <ul>{q.also_asked_as.iter().map(|w| view! { <li>{*w}</li> }).collect_view()}</ul>
                </details>
            </Show>
            <section class="summary" aria-labelledby="summary-h">
                <h2 id="summary-h">"In 20 seconds"</h2>
                <p inner_html=q.summary.html></p>
            </section>
            <section class="key-points" aria-labelledby="kp-h">
                <h2 id="kp-h">"Key points"</h2>
                <ul>{q.key_points.iter().map(|k| view! { <li inner_html=k.html></li> }).collect_view()}</ul>
            </section>
            <section class="answer" aria-labelledby="answer-h">
                <h2 id="answer-h">"The full answer"</h2>
                <div class="prose" inner_html=q.answer.html></div>
            </section>
            <NoteBox id=q.id />
            <section class="follow-ups" aria-labelledby="fu-h">
                <h2 id="fu-h">"Likely follow-ups"</h2>
                <ul>{q.follow_ups.iter().map(|f| view! { <li>{*f}</li> }).collect_view()}</ul>
            </section>
            <section class="related" aria-labelledby="rel-h">
                <h2 id="rel-h">"Related questions"</h2>
                <ul>
                    {q.related.iter().filter_map(|r| bank::question(r)).map(|r| view! {
                        <li><a href=web::href(&format!("/questions/{}", r.id))>{r.question}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        </article>
    }
}
