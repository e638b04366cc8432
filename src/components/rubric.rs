//! A question's key points as a rubric to tick after an answer: the same on a quiz's flashcard
//! and in a mock interview's review.

use leptos::either::Either;
use leptos::prelude::*;

/// "Which key points did you cover?": a box for each of `key_points`, lettered a, b, c… as the
/// keys that tick them.
#[component]
pub fn KeyPointRubric(
    /// The key points, as HTML.
    key_points: Vec<String>,
    /// The indexes of the key points ticked.
    #[prop(into)]
    ticked: Signal<Vec<usize>>,
    /// Called with a key point's index when its box is ticked or unticked.
    on_tick: Callback<usize>,
    /// Whether the letters carry the `key-hint` class, as the interview's do (the quiz's do not;
    /// both are hidden alike where there is no keyboard, by `.tick kbd`).
    #[prop(optional)]
    key_hint_class: bool,
) -> impl IntoView {
    view! {
        <fieldset class="rubric">
            <legend>"Which key points did you cover?"</legend>
            {key_points
                .into_iter()
                .enumerate()
                .map(|(i, k)| {
                    let letter = ((b'a' + i as u8) as char).to_string();
                    let letter = if key_hint_class {
                        Either::Left(view! { <kbd class="key-hint">{letter}</kbd> })
                    } else {
                        Either::Right(view! { <kbd>{letter}</kbd> })
                    };
                    view! {
                        <label class="tick">
                            <input
                                type="checkbox"
                                prop:checked=move || ticked.with(|t| t.contains(&i))
                                on:change=move |_| on_tick.run(i)
                            />
                            {letter}
                            <span inner_html=k></span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
