//! `/designs/:id`: one worked design exercise, in the order an interviewer expects: the prompt,
//! the clarifying questions with the interviewer's answers, requirements, the estimate with its
//! calculator, the API and data model, the high-level design with its diagram, the deep dives,
//! bottlenecks, what a senior answer adds, pitfalls, follow-ups and the rubric.

use crate::bank::design_content::{ClarifyText, DesignContent};
use crate::bank::designs::{self, Design};
use crate::components::answer::with_exercise;
use crate::components::badges::{LevelBadge, TopicLink};
use crate::components::capacity_calculator::CapacityCalculator;
use crate::pages::not_found::NotFound;
use crate::platform::dom;
use crate::state::design_content::use_design_content;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// The exercise page, or not-found for an unknown id.
#[component]
pub fn DesignPage() -> impl IntoView {
    let params = use_params_map();
    let found = Memo::new(move |_| params.read().get("id").and_then(|id| designs::design(&id)));
    move || match found.get() {
        Some(d) => view! { <DesignView d=d /> }.into_any(),
        None => view! { <NotFound what="design exercise" /> }.into_any(),
    }
}

#[component]
fn DesignView(d: &'static Design) -> impl IntoView {
    dom::set_title(d.title);
    let content = use_design_content(d.id, d.content);
    view! {
        <article class="design-page" data-testid="design-page">
            <nav class="question-nav" aria-label="Design navigation">
                <a class="back" href=dom::href("/designs")>
                    "← All design exercises"
                </a>
            </nav>
            <h1>{d.title}</h1>
            <div class="meta">
                <LevelBadge level=d.level />
                {d.topic_list().map(|t| view! { <TopicLink topic=t /> }).collect_view()}
            </div>
            <p class="design-summary">{d.summary}</p>
            <p class="design-actions">
                <a
                    class="button start"
                    href=dom::href(&format!("/designs/{}/practice", d.id))
                    data-testid="practice-link"
                >
                    "Practice it against the clock"
                </a>
            </p>
            {move || with_exercise(
                content.get(),
                |c| view! { <DesignSections d=d c=c /> }.into_any(),
            )}
        </article>
    }
}

/// Clarifying questions with the interviewer's answers, as list items.
pub fn clarify_items<'a>(items: impl IntoIterator<Item = &'a ClarifyText>) -> AnyView {
    items
        .into_iter()
        .map(|q| {
            view! {
                <li>
                    <p class="clarify-q">{q.question.clone()}</p>
                    <p class="clarify-a">
                        <span class="visually-hidden">"Interviewer: "</span>
                        <span inner_html=q.answer.clone()></span>
                    </p>
                </li>
            }
        })
        .collect_view()
        .into_any()
}

/// A `##` section of the model answer.
fn section(id: &'static str, title: &'static str, html: String) -> impl IntoView {
    let h = format!("{id}-h");
    let labelled_by = h.clone();
    view! {
        <section class=format!("design-section design-{id}") aria-labelledby=labelled_by>
            <h2 id=h>{title}</h2>
            <div class="prose" inner_html=html></div>
        </section>
    }
}

#[component]
fn DesignSections(d: &'static Design, c: Arc<DesignContent>) -> impl IntoView {
    let clarify = clarify_items(&c.clarify);
    let diagram_text = c
        .diagram_text
        .iter()
        .map(|line| view! { <li>{line.clone()}</li> })
        .collect_view();
    const STAGES: [&str; 6] = [
        "Clarify",
        "Estimate",
        "API and data model",
        "High-level design",
        "Deep dive",
        "Wrap-up",
    ];
    let rubric = STAGES
        .iter()
        .zip(c.rubric.iter())
        .map(|(stage, points)| {
            view! {
                <h3>{*stage}</h3>
                <ul>
                    {points.iter().map(|p| view! { <li inner_html=p.clone()></li> }).collect_view()}
                </ul>
            }
        })
        .collect_view();
    view! {
        <section class="design-prompt" aria-labelledby="prompt-h">
            <h2 id="prompt-h">"The prompt"</h2>
            <blockquote>
                <p>{c.prompt.clone()}</p>
            </blockquote>
        </section>
        <section class="design-clarify" aria-labelledby="clarify-h">
            <h2 id="clarify-h">"Clarifying questions"</h2>
            <ol class="clarify-list">{clarify}</ol>
        </section>
        {section("requirements", "Requirements", c.requirements.clone())}
        <section class="design-section design-estimate" aria-labelledby="estimate-h">
            <h2 id="estimate-h">"Estimate"</h2>
            <div class="prose" inner_html=c.estimate.clone()></div>
            <CapacityCalculator inputs=c.inputs.clone() />
        </section>
        {section("api", "API and data model", c.api.clone())}
        <section class="design-section design-design" aria-labelledby="design-h">
            <h2 id="design-h">"High-level design"</h2>
            <figure class="design-diagram">
                <div
                    class="diagram-box"
                    tabindex="0"
                    role="group"
                    aria-label="Diagram"
                    inner_html=c.diagram_svg.clone()
                ></div>
                <figcaption>
                    <details>
                        <summary>"The diagram in words"</summary>
                        <ul class="diagram-text">{diagram_text}</ul>
                    </details>
                </figcaption>
            </figure>
            <div class="prose" inner_html=c.design.clone()></div>
        </section>
        {section("deep-dives", "Deep dives", c.deep_dives.clone())}
        {section("bottlenecks", "Bottlenecks and failure modes", c.bottlenecks.clone())}
        {section("senior", "What a senior answer adds", c.senior.clone())}
        <section class="pitfalls" aria-labelledby="pitfalls-h">
            <h2 id="pitfalls-h">"Where weak answers go wrong"</h2>
            <ul>
                {c.pitfalls.iter().map(|p| view! { <li inner_html=p.clone()></li> }).collect_view()}
            </ul>
        </section>
        <section class="follow-ups" aria-labelledby="fu-h">
            <h2 id="fu-h">"Follow-up questions"</h2>
            <ul>{c.follow_ups.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}</ul>
        </section>
        <section class="design-rubric" aria-labelledby="rubric-h">
            <h2 id="rubric-h">"What the interviewer listens for"</h2>
            {rubric}
        </section>
        <section class="related" aria-labelledby="rel-h">
            <h2 id="rel-h">"Questions this design leans on"</h2>
            <ul>
                {d
                    .related
                    .iter()
                    .filter_map(|r| crate::bank::question(r))
                    .map(|r| {
                        view! {
                            <li>
                                <a href=dom::href(&format!("/questions/{}", r.id))>{r.question}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
