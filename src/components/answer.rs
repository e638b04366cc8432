//! A question's content as the question page shows it: the 20-second answer, the key points, the
//! full answer, where weak answers go wrong, and the likely follow-ups. Also the wrapper that
//! shows content once it has arrived.

use crate::bank::{Content, Question};
use crate::state::content::Entry;
use crate::state::use_app_state;
use leptos::prelude::*;
use std::sync::Arc;

/// Shows `view(content)` once `q`'s content is here; meanwhile a short wait message, and if it
/// cannot be fetched, why, with a retry.
pub fn with_content<V: IntoView + 'static>(
    q: &'static Question,
    view: impl Fn(Arc<Content>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    move || match state.content.get(q) {
        Entry::Ready(c) => view(c).into_any(),
        Entry::Loading => view! {
            <p class="muted loading" role="status">
                "Loading the answer…"
            </p>
        }
        .into_any(),
        Entry::Failed(why) => view! {
            <div class="notice" role="alert" data-testid="content-failed">
                <p>{format!("The answer could not be loaded: {why}.")}</p>
                <button type="button" class="button" on:click=move |_| state.content.retry(q)>
                    "Try again"
                </button>
            </div>
        }
        .into_any(),
    }
}

/// `ready`'s view of a design exercise's content (or of the part `T` read) once it is here;
/// until then, that it is loading, or why it could not be loaded. Shared by the exercise page,
/// its practice round and a quiz's design card.
pub fn with_exercise<T>(
    entry: crate::state::design_content::Entry<T>,
    ready: impl FnOnce(Arc<T>) -> AnyView,
) -> AnyView {
    use crate::state::design_content::Entry;
    match entry {
        Entry::Ready(c) => ready(c),
        Entry::Loading => view! {
            <p class="muted loading" role="status">
                "Loading the exercise…"
            </p>
        }
        .into_any(),
        Entry::Failed(why) => view! {
            <div class="notice" role="alert" data-testid="content-failed">
                <p>{format!("The exercise could not be loaded: {why}.")}</p>
            </div>
        }
        .into_any(),
    }
}

/// The reminder every behavioral answer carries.
pub const STORY_TIP: &str = "Speak for about two minutes, and tell a story of your own: the example shows the shape of a good answer, not its content.";

/// The answer's sections, in reading order.
#[component]
pub fn AnswerSections(
    /// Whose content.
    q: &'static Question,
    /// The content.
    content: Arc<Content>,
) -> impl IntoView {
    let c = content;
    view! {
        <section class="summary" aria-labelledby="summary-h">
            <h2 id="summary-h">"In 20 seconds"</h2>
            <p inner_html=c.summary.clone()></p>
        </section>
        <section class="key-points" aria-labelledby="kp-h">
            <h2 id="kp-h">"Key points"</h2>
            <ul>
                {c
                    .key_points
                    .iter()
                    .map(|k| view! { <li inner_html=k.clone()></li> })
                    .collect_view()}
            </ul>
        </section>
        <section class="answer" aria-labelledby="answer-h">
            <h2 id="answer-h">"The full answer"</h2>
            {q.is_behavioral().then(|| view! { <p class="story-tip">{STORY_TIP}</p> })}
            <div class="prose" inner_html=c.answer.clone()></div>
        </section>
        <Pitfalls content=c.clone() />
    }
}

/// What weak answers say, and for behavioral questions a weak answer set against a strong one.
#[component]
pub fn Pitfalls(
    /// The content.
    content: Arc<Content>,
) -> impl IntoView {
    let c = content;
    (!c.pitfalls.is_empty() || c.contrast.is_some()).then(|| {
        view! {
            <section class="pitfalls" aria-labelledby="pitfalls-h" data-testid="pitfalls">
                <h2 id="pitfalls-h">"Where answers go wrong"</h2>
                <ul>
                    {c
                        .pitfalls
                        .iter()
                        .map(|p| view! { <li inner_html=p.clone()></li> })
                        .collect_view()}
                </ul>
                {c
                    .contrast
                    .clone()
                    .map(|contrast| {
                        view! {
                            <dl class="contrast">
                                <dt>"A weak answer"</dt>
                                <dd inner_html=contrast.weak></dd>
                                <dt>"A strong answer"</dt>
                                <dd inner_html=contrast.strong></dd>
                            </dl>
                        }
                    })}
            </section>
        }
    })
}

/// The questions an interviewer is likely to ask next.
#[component]
pub fn FollowUps(
    /// The content.
    content: Arc<Content>,
) -> impl IntoView {
    view! {
        <section class="follow-ups" aria-labelledby="fu-h">
            <h2 id="fu-h">"Likely follow-ups"</h2>
            <ul>
                {content.follow_ups.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}
            </ul>
        </section>
    }
}
