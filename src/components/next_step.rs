//! The home page's one next step: the action that fits where the learner is (resume the quiz in
//! progress, review what is due, quiz the filtered list, or start a first quiz).

use crate::list_view::ListQuery;
use crate::platform::dom;
use crate::state::url::use_go;
use crate::state::use_app_state;
use leptos::prelude::*;

/// What the home page offers first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Go on with the quiz in progress, at card `at` (1-based) of `of`.
    Resume {
        /// The card reached.
        at: usize,
        /// Cards dealt.
        of: usize,
    },
    /// Today's share of the interview-date plan.
    Plan {
        /// New questions.
        new: usize,
        /// Reviews due.
        reviews: usize,
        /// Design rounds (new exercises and those due again).
        designs: usize,
    },
    /// Review the questions due today.
    Review(usize),
    /// Quiz the questions the filtered list shows.
    QuizThese(usize),
    /// Nothing to go on with: start a quiz.
    Start,
    /// A filtered list showing nothing: no quiz to offer.
    Nothing,
}

impl NextStep {
    /// The step for: the quiz in progress (card reached, cards), today's plan (new, reviews,
    /// design rounds) when it has work left, the questions due today, whether the list is filtered and how many
    /// it shows. A filtered list is the learner's explicit choice and comes first; then an
    /// unfinished quiz, then the plan, then reviews.
    pub fn of(
        quiz: Option<(usize, usize)>,
        plan: Option<(usize, usize, usize)>,
        due: usize,
        filtered: bool,
        shown: usize,
    ) -> NextStep {
        match (filtered, quiz, plan, due) {
            (true, ..) if shown == 0 => NextStep::Nothing,
            (true, ..) => NextStep::QuizThese(shown),
            (false, Some((at, of)), ..) => NextStep::Resume { at, of },
            (false, None, Some((new, reviews, designs)), _) => NextStep::Plan {
                new,
                reviews,
                designs,
            },
            (false, None, None, n) if n > 0 => NextStep::Review(n),
            _ => NextStep::Start,
        }
    }

    /// The button's words.
    pub fn label(&self) -> String {
        match self {
            NextStep::Resume { at, of } => format!("Resume quiz ({at} of {of})"),
            NextStep::Plan {
                new: 0,
                reviews: 0,
                designs,
            } => format!(
                "Start today's plan ({})",
                crate::numbers::counted(*designs, "design round", "design rounds")
            ),
            NextStep::Plan {
                new,
                reviews,
                designs,
            } => {
                let designs = match designs {
                    0 => String::new(),
                    &n => format!(
                        ", {}",
                        crate::numbers::counted(n, "design round", "design rounds")
                    ),
                };
                format!("Start today's plan ({new} new, {reviews} reviews{designs})")
            }
            NextStep::Review(n) => format!("Review {n} due"),
            NextStep::QuizThese(n) => format!("Quiz me on these ({n})"),
            NextStep::Start => "Start a quiz".into(),
            NextStep::Nothing => String::new(),
        }
    }

    /// Where it leads, within the site, for list view `q` showing the questions `shown` (ids, in
    /// order: a search's results travel with it).
    pub fn path(&self, q: &ListQuery, shown: &[&str]) -> String {
        match self {
            NextStep::Resume { .. } => "/quiz/play".into(),
            NextStep::Review(_) => "/quiz?only=due".into(),
            _ => format!("/quiz{}", q.selection_query_string(shown)),
        }
    }
}

/// The primary action: one button, for the step that fits.
#[component]
pub fn NextStepButton(
    /// The list view.
    query: Memo<ListQuery>,
    /// Questions due today.
    due: Memo<usize>,
    /// The questions the list shows (ids, in order).
    #[prop(into)]
    shown: Signal<Vec<&'static str>>,
) -> impl IntoView {
    let state = use_app_state();
    let go = use_go();
    // Today's plan, when it has work left: the questions, new first, and the design rounds.
    let plan = Memo::new(move |_| match state.plan_today() {
        Some(Ok(t)) if !t.is_done() => {
            let designs: Vec<&'static str> = t.design_ids().collect();
            Some((t.new, t.reviews, designs))
        }
        _ => None,
    });
    let step = Memo::new(move |_| {
        let quiz = state.quiz.with(|s| {
            s.as_ref()
                .filter(|s| !s.is_finished())
                .map(|s| (s.pos + 1, s.cards.len()))
        });
        let work = plan.with(|p| p.as_ref().map(|(n, r, d)| (n.len(), r.len(), d.len())));
        NextStep::of(
            quiz,
            work,
            due.get(),
            query.read().is_filtered(),
            shown.with(Vec::len),
        )
    });
    move || {
        let s = step.get();
        // Questions first, in a quiz; once they are done, the first design round (its own page).
        if let NextStep::Plan {
            new: 0, reviews: 0, ..
        } = s
        {
            let first = plan.with(|p| p.as_ref().and_then(|(_, _, d)| d.first().copied()))?;
            return Some(
                view! {
                    <a
                        class="button primary-action"
                        data-testid="start-plan"
                        href=dom::href(&format!("/designs/{first}/practice"))
                    >
                        {s.label()}
                    </a>
                }
                .into_any(),
            );
        }
        if let NextStep::Plan { .. } = s {
            let go = go.clone();
            let start = move |_| {
                let ids: Vec<&str> = plan
                    .get_untracked()
                    .map(|(n, r, _)| n.into_iter().chain(r).collect())
                    .unwrap_or_default();
                if state.start_quiz_over(&ids) {
                    go("/quiz/play");
                }
            };
            return Some(
                view! {
                    <button
                        type="button"
                        class="button primary-action"
                        data-testid="start-plan"
                        on:click=start
                    >
                        {s.label()}
                    </button>
                }
                .into_any(),
            );
        }
        (s != NextStep::Nothing).then(|| {
            let testid = match s {
                NextStep::Review(_) => "review-due",
                NextStep::Resume { .. } => "resume-quiz",
                _ => "start-quiz",
            };
            view! {
                <a
                    class="button primary-action quiz-these"
                    data-testid=testid
                    href=move || dom::href(&shown.with(|ids| step.read().path(&query.read(), ids)))
                >
                    {s.label()}
                </a>
            }
            .into_any()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::NextStep::{self, *};

    #[test]
    fn one_step_that_fits() {
        assert_eq!(NextStep::of(None, None, 0, false, 111), Start);
        assert_eq!(NextStep::of(None, None, 9, false, 111), Review(9));
        let plan = Some((6, 4, 0));
        assert_eq!(
            NextStep::of(None, plan, 9, false, 111),
            Plan {
                new: 6,
                reviews: 4,
                designs: 0
            }
        );
        assert_eq!(
            NextStep::of(None, plan, 9, false, 111).label(),
            "Start today's plan (6 new, 4 reviews)"
        );
        let with_designs = NextStep::of(None, Some((6, 4, 1)), 9, false, 111);
        assert_eq!(
            with_designs.label(),
            "Start today's plan (6 new, 4 reviews, 1 design round)"
        );
        let designs_only = NextStep::of(None, Some((0, 0, 2)), 0, false, 111);
        assert_eq!(designs_only.label(), "Start today's plan (2 design rounds)");
        assert_eq!(
            NextStep::of(Some((3, 10)), plan, 9, false, 111),
            Resume { at: 3, of: 10 }
        );
        assert_eq!(NextStep::of(Some((3, 10)), plan, 9, true, 4), QuizThese(4));
        assert_eq!(
            NextStep::of(None, None, 0, true, 0),
            Nothing,
            "an empty search offers no quiz"
        );
        assert_eq!(Review(9).label(), "Review 9 due");
        assert_eq!(
            Resume { at: 3, of: 10 }.path(&Default::default(), &[]),
            "/quiz/play"
        );
        use crate::list_view::ListQuery;
        let search = ListQuery {
            q: "tcp".into(),
            levels: vec![crate::bank::Level::Beginner],
            ..Default::default()
        };
        assert_eq!(
            QuizThese(2).path(&search, &["tcp-vs-udp", "tcp-handshake"]),
            "/quiz?q=tcp&level=beginner&found=tcp-vs-udp,tcp-handshake",
            "a search's results travel with it"
        );
        let filtered = ListQuery {
            topics: vec!["databases".into()],
            ..Default::default()
        };
        assert_eq!(
            QuizThese(2).path(&filtered, &["a", "b"]),
            "/quiz?topic=databases",
            "filters alone need no list of questions"
        );
    }
}
