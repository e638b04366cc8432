//! `/designs`: every design exercise, with its level, topics and where the user stands on it.

use crate::bank::designs;
use crate::components::design_row::DesignRow;
use crate::platform::dom;
use leptos::prelude::*;

/// The list of design exercises.
#[component]
pub fn DesignsPage() -> impl IntoView {
    dom::set_title("System design");
    view! {
        <section class="designs-page" data-testid="designs-page">
            <h1>"System design exercises"</h1>
            <p class="lede">
                {format!(
                    "{} worked designs in the order an interviewer runs the round: clarify, estimate, API and data model, high-level design, deep dives, wrap-up. Read one, then practise it against the clock.",
                    designs::designs().len(),
                )}
            </p>
            <ul class="design-list">
                {designs::designs().iter().map(|d| view! { <DesignRow d=d /> }).collect_view()}
            </ul>
        </section>
    }
}
