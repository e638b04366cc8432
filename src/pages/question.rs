//! `/questions/:id`: one question with its answer.

use crate::app::use_app_state;
use crate::bank::{self, Question};
use crate::components::badges::{LevelBadge, TopicLink};
use crate::pages::not_found::NotFound;
use crate::web;
use leptos::prelude::*;
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

#[component]
fn QuestionView(q: &'static Question) -> impl IntoView {
    let state = use_app_state();
    web::set_title(q.question);
    // Opening the page is the first piece of progress we keep.
    state.progress.update(|p| {
        p.mark_read(q.id, web::now_ms());
    });
    view! {
        <article class="question-page" data-testid="question-page">
            <p class="back"><a href=web::href("/")>"← All questions"</a></p>
            <h1>{q.question}</h1>
            <div class="meta">
                <LevelBadge level=q.level />
                {q.topic_list().map(|t| view! { <TopicLink topic=t /> }).collect_view()}
            </div>
            <Show when=move || !q.also_asked_as.is_empty()>
                <details class="also-asked">
                    <summary>"Also asked as"</summary>
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
