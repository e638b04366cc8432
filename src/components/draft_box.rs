//! The box for an answer typed while answering (optional), as a quiz's flashcard and a mock
//! interview offer it: at most `progress::MAX_DRAFT_CHARS` characters.

use leptos::prelude::*;

/// A labelled text area holding `text`, reporting each change.
#[component]
pub fn DraftBox(
    /// The text area's id (its label points at it).
    id: &'static str,
    /// The label's words.
    label: &'static str,
    /// Rows shown.
    rows: &'static str,
    /// The text typed so far.
    #[prop(into)]
    text: Signal<String>,
    /// Called with the whole text after each change.
    on_input: Callback<String>,
) -> impl IntoView {
    view! {
        <label for=id class="draft-label">
            {label}
        </label>
        <textarea
            id=id
            rows=rows
            maxlength=crate::progress::MAX_DRAFT_CHARS.to_string()
            prop:value=move || text.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        ></textarea>
    }
}
