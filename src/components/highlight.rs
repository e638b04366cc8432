//! Text with matched search words marked, built from text nodes and `<mark>` elements only: the
//! query never reaches the page as HTML.

use crate::search;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// `text` with every word in `matched` wrapped in `<mark>`.
#[component]
pub fn Highlighted(
    /// The plain text shown.
    #[prop(into)]
    text: String,
    /// Lowercase words to mark.
    matched: Arc<BTreeSet<String>>,
) -> impl IntoView {
    search::highlight(&text, &matched)
        .into_iter()
        .map(|(run, hit)| {
            let run = run.to_string();
            if hit {
                view! { <mark>{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}
