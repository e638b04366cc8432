//! Keyboard shortcuts as data: which key does what, where. Pure, so it is unit-tested; the pages
//! only carry out the [`Action`] they get back.

/// Where the key was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The question list.
    List,
    /// A question page.
    Question,
}

/// What a key press asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Star or unstar the question.
    Bookmark,
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
}

/// The action for `press` at `place`, if any.
pub fn action(place: Place, press: Press<'_>) -> Option<Action> {
    if press.modified {
        return None;
    }
    use Action::*;
    if press.typing {
        // In the search box only navigation keys act; letters are text.
        return match (place, press.key) {
            (Place::List, "ArrowDown") => Some(Next),
            (Place::List, "ArrowUp") => Some(Previous),
            (Place::List, "Enter") => Some(Open),
            (Place::List, "Escape") => Some(Clear),
            _ => None,
        };
    }
    match (place, press.key) {
        (_, "?") => Some(ToggleHelp),
        (_, "/") => Some(FocusSearch),
        (Place::List, "j" | "ArrowDown") => Some(Next),
        (Place::List, "k" | "ArrowUp") => Some(Previous),
        (Place::List, "Enter") => Some(Open),
        (Place::List, "Escape") => Some(Clear),
        (Place::Question, "Escape") => Some(BackToList),
        (Place::Question, "ArrowLeft" | "k") => Some(PreviousQuestion),
        (Place::Question, "ArrowRight" | "j") => Some(NextQuestion),
        (Place::Question, "b") => Some(Bookmark),
        _ => None,
    }
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

/// Every shortcut, for the `?` overlay: (keys, what it does).
pub const HELP: &[(&str, &str)] = &[
    ("/", "Search"),
    ("j or ↓", "Next result"),
    ("k or ↑", "Previous result"),
    ("Enter", "Open the selected question"),
    ("Esc", "Clear the search, or go back to the list"),
    ("← / →", "Previous / next question in the list"),
    ("b", "Bookmark the question (on its page)"),
    ("?", "Show or hide these shortcuts"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn p(key: &str) -> Press<'_> {
        Press {
            key,
            modified: false,
            typing: false,
        }
    }

    #[test]
    fn letters_are_text_while_typing() {
        let typing = Press {
            key: "j",
            modified: false,
            typing: true,
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
        assert_eq!(action(Place::Question, p("b")), Some(Action::Bookmark));
        assert_eq!(action(Place::List, p("b")), None);
        assert_eq!(
            action(
                Place::List,
                Press {
                    key: "j",
                    modified: true,
                    typing: false
                }
            ),
            None
        );
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
