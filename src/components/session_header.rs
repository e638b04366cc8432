//! The bar above a quiz's card and a mock interview's question: how far along it is, and the
//! button that ends it.

use leptos::prelude::*;

/// A progress bar, the count in words, and the button that ends the session.
#[component]
pub fn SessionHeader(
    /// What the progress bar measures, for screen readers ("Quiz progress").
    label: &'static str,
    /// The count's `data-testid`.
    count_testid: &'static str,
    /// The items done so far and the number in all.
    #[prop(into)]
    progress: Signal<(usize, usize)>,
    /// The count as shown ("2 / 5", "Question 2 of 5").
    #[prop(into)]
    count: Signal<String>,
    /// The end button's words.
    end_label: &'static str,
    /// Called when the end button is pressed.
    on_end: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="quiz-progress">
            <progress
                max=move || progress.get().1
                value=move || progress.get().0
                aria-label=label
            ></progress>
            <span data-testid=count_testid>{move || count.get()}</span>
            <button type="button" class="link-button" on:click=move |_| on_end.run(())>
                {end_label}
            </button>
        </div>
    }
}
