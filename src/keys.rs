//! Keyboard shortcuts as data: which key does what, where. Pure, so it is unit-tested; pages only
//! carry out the [`Action`] they get back (through `components::keyboard::use_keys`).

use crate::progress::Grade;
use crate::quiz::{Event, Face};

/// Where the key was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The question list.
    List,
    /// A question page.
    Question,
    /// A quiz card.
    Quiz {
        /// A multiple-choice card (else a flashcard).
        choice: bool,
        /// What is shown of it.
        face: Face,
        /// The grade the ticked key points suggest (a revealed flashcard).
        suggested: Option<Grade>,
    },
    /// A mock interview, at this stage of the current question.
    Interview(InterviewStage),
    /// The timed part of a design practice round.
    DesignRound,
    /// Anywhere else (the dashboard, the quiz setup): only the global keys.
    Other,
    /// A dialog is open over the page.
    Dialog,
    /// Writing in a text editor (a note).
    Editor,
}

/// Where a mock interview's current question stands, as far as keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterviewStage {
    /// Shown, not started.
    Ready,
    /// Being answered (the question or its follow-up).
    Answering,
    /// The answer under review: tick key points, grade.
    Review {
        /// Graded already (so Enter goes on).
        graded: bool,
    },
    /// The follow-up's answer under review: grade.
    FollowUpReview {
        /// Graded already (so Enter goes on).
        graded: bool,
    },
    /// Over.
    Finished,
}

/// What a key press asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Put the cursor in the search box.
    FocusSearch,
    /// Select the next result.
    Next,
    /// Select the previous result.
    Previous,
    /// Open the selected result (or the first).
    Open,
    /// Clear the search and filters, or leave the search box when already clear.
    Clear,
    /// Return to the list the question was opened from.
    BackToList,
    /// Previous question in that list.
    PreviousQuestion,
    /// Next question in that list.
    NextQuestion,
    /// Show or hide the shortcut overlay.
    ToggleHelp,
    /// Close the open dialog.
    CloseDialog,
    /// Save what is being edited.
    SaveEdit,
    /// Leave the editor without saving.
    CancelEdit,
    /// Star or unstar the question.
    Bookmark,
    /// Something to do on the quiz card.
    Quiz(Event),
    /// Something to do in the mock interview.
    Interview(crate::interview::Event),
    /// Go on from a graded answer: to the follow-up, the next question or the report.
    InterviewContinue,
    /// Start or stop recording the answer.
    ToggleRecording,
    /// Something to do in a design practice round's timed part.
    Design(DesignKey),
}

/// What a key asks of a design practice round's timed part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DesignKey {
    /// Pause, or resume.
    Pause,
    /// On to the next stage (from the wrap-up: to the review).
    NextStage,
    /// Back to the previous stage.
    PreviousStage,
    /// Ask the interviewer the next clarifying question.
    Ask,
    /// Put the cursor in the stage's notes.
    Notes,
    /// Leave the notes (so the keys above work).
    LeaveNotes,
}

/// A key press, reduced to what matters here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Press<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// Ctrl, Alt or Meta held (shortcuts then belong to the browser).
    pub modified: bool,
    /// Focus is in a text field.
    pub typing: bool,
    /// Focus is on a link, button or summary: its own Enter and Space win.
    pub on_control: bool,
}

/// The action for `press` at `place`, if any.
pub fn action(place: Place, press: Press<'_>) -> Option<Action> {
    use Action::*;
    if place == Place::Editor {
        // Plain Enter is a new line; Ctrl (or ⌘) + Enter saves.
        return match (press.key, press.modified) {
            ("Enter", true) => Some(SaveEdit),
            ("Escape", _) => Some(CancelEdit),
            _ => None,
        };
    }
    if press.modified || (press.on_control && matches!(press.key, "Enter" | " ")) {
        return None;
    }
    if press.typing {
        // In the search box only navigation keys act; letters are text.
        return match (place, press.key) {
            (Place::List, "ArrowDown") => Some(Next),
            (Place::List, "ArrowUp") => Some(Previous),
            (Place::List, "Enter") => Some(Open),
            (Place::List, "Escape") => Some(Clear),
            (Place::DesignRound, "Escape") => Some(Design(DesignKey::LeaveNotes)),
            _ => None,
        };
    }
    if press.key == "?" {
        return Some(ToggleHelp);
    }
    match (place, press.key) {
        (Place::Dialog, "Escape") => Some(CloseDialog),
        (Place::List | Place::Question, "/") => Some(FocusSearch),
        (Place::List, "j" | "ArrowDown") => Some(Next),
        (Place::List, "k" | "ArrowUp") => Some(Previous),
        (Place::List, "Enter") => Some(Open),
        (Place::List, "Escape") => Some(Clear),
        (Place::Question, "Escape") => Some(BackToList),
        (Place::Question, "ArrowLeft" | "k") => Some(PreviousQuestion),
        (Place::Question, "ArrowRight" | "j") => Some(NextQuestion),
        (Place::Question, "b") => Some(Bookmark),
        (
            Place::Quiz {
                choice,
                face,
                suggested,
            },
            key,
        ) => quiz_key(choice, face, suggested, key).map(Quiz),
        (Place::Interview(stage), key) => interview_key(stage, key),
        (Place::DesignRound, key) => {
            let key = match key {
                " " => DesignKey::Pause,
                "n" | "ArrowRight" => DesignKey::NextStage,
                "ArrowLeft" => DesignKey::PreviousStage,
                "a" => DesignKey::Ask,
                "e" => DesignKey::Notes,
                _ => return None,
            };
            Some(Design(key))
        }
        _ => None,
    }
}

/// In a mock interview: Space or Enter starts answering, D or Enter stops, R records, a–f tick
/// key points, 1/2/3 grade, Enter goes on once graded.
fn interview_key(stage: InterviewStage, key: &str) -> Option<Action> {
    use crate::interview::Event as E;
    let grade = |k: &str| match k {
        "1" | "2" | "3" => k.parse::<usize>().ok().map(|d| Grade::ALL[d - 1]),
        _ => None,
    };
    let letter = |k: &str| {
        let c = k.chars().next()?;
        (k.len() == 1 && ('a'..='f').contains(&c)).then(|| (c as u8 - b'a') as usize)
    };
    match (stage, key) {
        (InterviewStage::Ready, " " | "Enter") => Some(Action::Interview(E::Start)),
        (InterviewStage::Answering, "d" | "D" | "Enter") => Some(Action::Interview(E::Done)),
        (InterviewStage::Answering, "r" | "R") => Some(Action::ToggleRecording),
        (InterviewStage::Review { graded: true }, "Enter" | " ")
        | (InterviewStage::FollowUpReview { graded: true }, "Enter" | " ") => {
            Some(Action::InterviewContinue)
        }
        (InterviewStage::Review { .. } | InterviewStage::FollowUpReview { .. }, k)
            if grade(k).is_some() =>
        {
            grade(k).map(|g| Action::Interview(E::Grade(g)))
        }
        (InterviewStage::Review { .. }, k) => letter(k).map(|l| Action::Interview(E::Tick(l))),
        _ => None,
    }
}

/// On a quiz card: Space reveals or moves on, 1/2/3 grade a revealed flashcard (Enter or Space
/// takes the suggested grade), letters a–f tick its key points, 1–5 or a–e pick a multiple-choice option,
/// S skips, ← goes back.
fn quiz_key(choice: bool, face: Face, suggested: Option<Grade>, key: &str) -> Option<Event> {
    let letter = |k: &str| -> Option<usize> {
        let c = k.chars().next()?;
        (k.len() == 1 && c.is_ascii_lowercase()).then(|| (c as u8 - b'a') as usize)
    };
    let digit = |k: &str| -> Option<usize> {
        k.parse::<usize>()
            .ok()
            .filter(|d| (1..=9).contains(d))
            .map(|d| d - 1)
    };
    match (choice, face, key) {
        (_, _, "s" | "S") => Some(Event::Skip),
        (_, _, "ArrowLeft") => Some(Event::Back),
        (false, Face::Front, " ") => Some(Event::Reveal),
        (false, Face::Revealed, "Enter" | " ") => suggested.map(Event::Grade),
        (false, Face::Revealed, k) => match (digit(k), letter(k)) {
            (Some(d), _) if d < 3 => Some(Event::Grade(Grade::ALL[d])),
            (_, Some(l)) if l < 6 => Some(Event::Tick(l)),
            _ => None,
        },
        (true, Face::Front, k) => digit(k)
            .or_else(|| letter(k).filter(|l| *l < 5))
            .map(Event::Pick),
        (true, Face::Answered, " " | "Enter") => Some(Event::Next),
        _ => None,
    }
}

/// Where the keyboard is on `session`'s current card (none once it is over).
pub fn quiz_place(session: &crate::quiz::Session) -> Option<Place> {
    let (card, _) = session.current()?;
    Some(Place::Quiz {
        choice: card.check.is_some(),
        face: session.face,
        suggested: session.suggested_grade(),
    })
}

/// Moves a selection within `len` items: `None` starts at the first (or last, going up); the ends
/// stop rather than wrap.
pub fn step(selected: Option<usize>, len: usize, forward: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (selected, forward) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(i), true) => (i + 1).min(len - 1),
        (Some(i), false) => i.saturating_sub(1).min(len - 1),
    })
}

/// Every shortcut, for the `?` overlay, by where it works: (heading, [(keys, what it does)]).
pub const HELP: &[(&str, &[(&str, &str)])] = &[
    (
        "List and questions",
        &[
            ("/", "Search"),
            ("j or ↓", "Next result"),
            ("k or ↑", "Previous result"),
            ("Enter", "Open the selected question"),
            ("Esc", "Clear the search, or go back to the list"),
            ("← / →", "Previous / next question in the list"),
            ("b", "Bookmark the question (on its page)"),
        ],
    ),
    (
        "Quiz",
        &[
            ("Space", "Show the answer; then take the suggested grade"),
            ("a–f", "Tick a key point you covered"),
            ("1 / 2 / 3", "Grade: didn't know / partly / knew it"),
            ("Enter", "Take the suggested grade; next card after a check"),
            ("1–5 or a–e", "Pick a multiple-choice option"),
            ("s", "Skip the card"),
            ("←", "Back one card (a new grade replaces the old)"),
        ],
    ),
    (
        "Mock interview",
        &[
            ("Space", "Start answering"),
            ("d", "Done answering"),
            ("r", "Record or stop"),
            ("a–f, 1 / 2 / 3", "Tick key points, grade"),
            ("Enter", "Go on once graded"),
        ],
    ),
    (
        "Design practice",
        &[
            ("Space", "Pause or resume"),
            ("n or →", "Next stage"),
            ("←", "Previous stage"),
            ("a", "Ask the interviewer (while clarifying)"),
            ("e / Esc", "Write notes / leave them"),
        ],
    ),
    ("Anywhere", &[("?", "Show or hide these shortcuts")]),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn p(key: &str) -> Press<'_> {
        Press {
            key,
            modified: false,
            typing: false,
            on_control: false,
        }
    }

    #[test]
    fn design_round_keys_and_notes_keep_their_letters() {
        let d = |k| action(Place::DesignRound, p(k));
        assert_eq!(d(" "), Some(Action::Design(DesignKey::Pause)));
        assert_eq!(d("n"), Some(Action::Design(DesignKey::NextStage)));
        assert_eq!(d("ArrowRight"), Some(Action::Design(DesignKey::NextStage)));
        assert_eq!(
            d("ArrowLeft"),
            Some(Action::Design(DesignKey::PreviousStage))
        );
        assert_eq!(d("a"), Some(Action::Design(DesignKey::Ask)));
        assert_eq!(d("e"), Some(Action::Design(DesignKey::Notes)));
        assert_eq!(d("x"), None);
        let typing = Press {
            typing: true,
            ..p("n")
        };
        assert_eq!(
            action(Place::DesignRound, typing),
            None,
            "n is text in the notes"
        );
        assert_eq!(
            action(Place::DesignRound, Press { key: " ", ..typing }),
            None
        );
        assert_eq!(
            action(
                Place::DesignRound,
                Press {
                    key: "Escape",
                    ..typing
                }
            ),
            Some(Action::Design(DesignKey::LeaveNotes))
        );
        let on_button = Press {
            on_control: true,
            ..p(" ")
        };
        assert_eq!(
            action(Place::DesignRound, on_button),
            None,
            "Space on a button presses it"
        );
        assert_eq!(
            action(
                Place::DesignRound,
                Press {
                    modified: true,
                    ..p("n")
                }
            ),
            None
        );
    }

    #[test]
    fn letters_are_text_while_typing() {
        let typing = Press {
            typing: true,
            ..p("j")
        };
        assert_eq!(action(Place::List, typing), None);
        assert_eq!(action(Place::List, Press { key: "/", ..typing }), None);
        assert_eq!(
            action(
                Place::List,
                Press {
                    key: "ArrowDown",
                    ..typing
                }
            ),
            Some(Action::Next)
        );
        assert_eq!(
            action(
                Place::List,
                Press {
                    key: "Escape",
                    ..typing
                }
            ),
            Some(Action::Clear)
        );
    }

    #[test]
    fn list_and_question_keys() {
        assert_eq!(action(Place::List, p("j")), Some(Action::Next));
        assert_eq!(action(Place::List, p("k")), Some(Action::Previous));
        assert_eq!(action(Place::List, p("/")), Some(Action::FocusSearch));
        assert_eq!(
            action(Place::Question, p("Escape")),
            Some(Action::BackToList)
        );
        assert_eq!(
            action(Place::Question, p("ArrowRight")),
            Some(Action::NextQuestion)
        );
        assert_eq!(action(Place::Question, p("?")), Some(Action::ToggleHelp));
        assert_eq!(action(Place::Other, p("?")), Some(Action::ToggleHelp));
        assert_eq!(action(Place::Other, p("/")), None);
        assert_eq!(
            action(Place::Dialog, p("Escape")),
            Some(Action::CloseDialog)
        );
        assert_eq!(action(Place::Other, p("Escape")), None);
        assert_eq!(action(Place::Question, p("b")), Some(Action::Bookmark));
        assert_eq!(action(Place::List, p("b")), None);
        assert_eq!(
            action(
                Place::List,
                Press {
                    modified: true,
                    ..p("j")
                }
            ),
            None
        );
    }

    #[test]
    fn a_focused_link_or_button_keeps_its_enter_and_space() {
        let on_link = Press {
            on_control: true,
            ..p("Enter")
        };
        assert_eq!(action(Place::List, on_link), None);
        let card = Place::Quiz {
            choice: false,
            face: Face::Front,
            suggested: None,
        };
        assert_eq!(
            action(
                card,
                Press {
                    on_control: true,
                    ..p(" ")
                }
            ),
            None
        );
        assert_eq!(action(card, p(" ")), Some(Action::Quiz(Event::Reveal)));
    }

    #[test]
    fn quiz_keys_map_to_events_by_card_and_face() {
        let quiz = |choice, face, suggested, key| match action(
            Place::Quiz {
                choice,
                face,
                suggested,
            },
            p(key),
        ) {
            Some(Action::Quiz(e)) => Some(e),
            _ => None,
        };
        assert_eq!(quiz(false, Face::Front, None, " "), Some(Event::Reveal));
        assert_eq!(
            quiz(false, Face::Front, None, "1"),
            None,
            "no grading before the answer is shown"
        );
        assert_eq!(
            quiz(false, Face::Revealed, None, "1"),
            Some(Event::Grade(Grade::DidntKnow))
        );
        assert_eq!(
            quiz(false, Face::Revealed, None, "3"),
            Some(Event::Grade(Grade::Knew))
        );
        assert_eq!(quiz(false, Face::Revealed, None, "b"), Some(Event::Tick(1)));
        assert_eq!(
            quiz(false, Face::Revealed, Some(Grade::DidntKnow), "Enter"),
            Some(Event::Grade(Grade::DidntKnow))
        );
        assert_eq!(quiz(false, Face::Revealed, None, "s"), Some(Event::Skip));
        assert_eq!(
            quiz(false, Face::Revealed, None, "ArrowLeft"),
            Some(Event::Back)
        );
        assert_eq!(quiz(true, Face::Front, None, "2"), Some(Event::Pick(1)));
        assert_eq!(quiz(true, Face::Front, None, "c"), Some(Event::Pick(2)));
        assert_eq!(quiz(true, Face::Answered, None, "Enter"), Some(Event::Next));
        assert_eq!(quiz(true, Face::Answered, None, "2"), None);
    }

    #[test]
    fn interview_keys_follow_the_stage() {
        use crate::interview::Event as E;
        let at = |stage, key| action(Place::Interview(stage), p(key));
        assert_eq!(
            at(InterviewStage::Ready, " "),
            Some(Action::Interview(E::Start))
        );
        assert_eq!(
            at(InterviewStage::Answering, "d"),
            Some(Action::Interview(E::Done))
        );
        assert_eq!(
            at(InterviewStage::Answering, "r"),
            Some(Action::ToggleRecording)
        );
        assert_eq!(at(InterviewStage::Answering, "a"), None);
        let review = InterviewStage::Review { graded: false };
        assert_eq!(at(review, "b"), Some(Action::Interview(E::Tick(1))));
        assert_eq!(
            at(review, "3"),
            Some(Action::Interview(E::Grade(Grade::Knew)))
        );
        assert_eq!(at(review, "Enter"), None, "not graded yet");
        assert_eq!(
            at(InterviewStage::Review { graded: true }, "Enter"),
            Some(Action::InterviewContinue)
        );
        assert_eq!(
            at(InterviewStage::FollowUpReview { graded: false }, "1"),
            Some(Action::Interview(E::Grade(Grade::DidntKnow)))
        );
        assert_eq!(
            at(InterviewStage::FollowUpReview { graded: false }, "a"),
            None
        );
        assert_eq!(at(InterviewStage::Finished, " "), None);
    }

    #[test]
    fn the_editor_saves_on_ctrl_enter_and_cancels_on_escape() {
        let typing = |key, modified| Press {
            key,
            modified,
            typing: true,
            on_control: false,
        };
        assert_eq!(
            action(Place::Editor, typing("Enter", true)),
            Some(Action::SaveEdit)
        );
        assert_eq!(action(Place::Editor, typing("Enter", false)), None);
        assert_eq!(
            action(Place::Editor, typing("Escape", false)),
            Some(Action::CancelEdit)
        );
        assert_eq!(action(Place::Editor, typing("b", false)), None);
    }

    #[test]
    fn step_stops_at_the_ends() {
        assert_eq!(step(None, 0, true), None);
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(None, 3, false), Some(2));
        assert_eq!(step(Some(2), 3, true), Some(2));
        assert_eq!(step(Some(0), 3, false), Some(0));
        assert_eq!(step(Some(5), 3, false), Some(2));
    }
}
