//! Shown for an unknown route or an unknown question id.

use crate::platform::dom;
use leptos::prelude::*;

/// A helpful not-found page with a way back.
#[component]
pub fn NotFound(
    /// What was not found ("page" or "question").
    #[prop(default = "page")]
    what: &'static str,
) -> impl IntoView {
    dom::set_title("Not found");
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>{format!("This {what} does not exist")}</h1>
            <p>
                "The link may be mistyped, or the " {what}
                " may have been renamed. Every question is listed on the home page."
            </p>
            <p>
                <a class="button" href=dom::href("/")>
                    "Go to all questions"
                </a>
            </p>
        </section>
    }
}
