//! A multiple-choice card: one of a question's or a design exercise's checks, then the verdict
//! and its explanation.

use crate::bank::CheckText;
use crate::components::answer::{with_content, with_exercise};
use crate::components::badges::LevelBadge;
use crate::components::personal::{BookmarkButton, NoteBox};
use crate::platform::dom;
use crate::progress::Outcome;
use crate::quiz::{Event, Face, Item};
use crate::state::design_content::use_design_checks;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The card asking check `check` of `item`, showing `face`.
#[component]
pub fn ChoiceCard(
    /// The question or design exercise.
    item: Item,
    /// Which of its checks.
    check: usize,
    /// What is shown.
    face: Face,
) -> impl IntoView {
    let state = use_app_state();
    let send = move |e: Event| state.quiz_event(e);
    let Some(key) = item.checks().get(check).copied() else {
        return view! { <p>"This check no longer exists."</p> }.into_any();
    };
    // The options in the order this quiz shows them (shuffled when dealt).
    let order = state.quiz.with_untracked(|s| {
        s.as_ref()
            .and_then(|s| s.cards.get(s.pos))
            .map(|c| c.shown_order(key.options))
            .unwrap_or_else(|| (0..key.options).collect())
    });
    let picked = move || {
        state.quiz.with(|s| {
            s.as_ref().and_then(|s| match s.answers.get(s.pos) {
                Some(Some(Outcome::Choice { picked, .. })) => Some(*picked),
                _ => None,
            })
        })
    };
    let body = move |text: Option<&CheckText>| {
        let Some(text) = text.cloned() else {
            return view! { <p>"This check no longer exists."</p> }.into_any();
        };
        let options = order
            .iter()
            .enumerate()
            .filter_map(|(place, &i)| Some((place, i, text.options.get(i)?)))
            .map(|(place, i, o)| {
                let class = move || match (face, picked()) {
                    (Face::Answered, _) if i == key.answer => "option right",
                    (Face::Answered, Some(p)) if p == i => "option wrong",
                    _ => "option",
                };
                view! {
                    <li>
                        <button
                            type="button"
                            class=class
                            disabled=face == Face::Answered
                            on:click=move |_| send(Event::Pick(place))
                        >
                            <kbd>{(place + 1).to_string()}</kbd>
                            " "
                            <span inner_html=o.clone()></span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let verdict = (face == Face::Answered).then(|| {
            let right = picked() == Some(key.answer);
            view! {
                <div
                    class=if right { "verdict right" } else { "verdict wrong" }
                    role="status"
                    data-testid="verdict"
                >
                    <p class="verdict-line">{if right { "Right." } else { "Not quite." }}</p>
                    <p inner_html=text.explanation.clone()></p>
                    <p>
                        <a href=dom::href(
                            &item.page(),
                        )>
                            {match item {
                                Item::Question(_) => "Read the full answer",
                                Item::Design(_) => "Read the whole exercise",
                            }}
                        </a>
                    </p>
                </div>
                {match item {
                    Item::Question(q) => {
                        Some(
                            view! {
                                <div class="personal">
                                    <BookmarkButton id=q.id />
                                    <NoteBox id=q.id />
                                </div>
                            },
                        )
                    }
                    Item::Design(_) => None,
                }}
            }
        });
        view! {
            <h1 id="card-h" inner_html=text.prompt.clone()></h1>
            <ol class="options">{options}</ol>
            {verdict}
        }
        .into_any()
    };
    let content = match item {
        Item::Question(q) => with_content(q, move |c| body(c.checks.get(check))).into_any(),
        Item::Design(d) => {
            let checks = use_design_checks(d);
            (move || with_exercise(checks.get(), |c| body(c.checks.get(check)))).into_any()
        }
    };
    view! {
        <div class="choice-card">
            <div class="meta">
                <LevelBadge level=item.level() />
                " "
                {matches!(item, Item::Design(_)).then_some("System design: ")}
                <span class="from">{item.title()}</span>
            </div>
            {content}
        </div>
    }
    .into_any()
}
