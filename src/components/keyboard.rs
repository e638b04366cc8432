//! The one way pages handle keys: `keys` decides what a press means where, the page says what to
//! do about it.

use crate::keys::{self, Action, Place};
use crate::platform::events::{self, KeyPress};

/// Calls `on_action` with the action of every key press at the place `place()` says the keyboard
/// is; when it returns true, the browser's own handling of the key is prevented. The listener
/// lives as long as the calling component.
pub fn use_keys(
    place: impl Fn() -> Place + 'static,
    on_action: impl Fn(Action, &KeyPress) -> bool + 'static,
) {
    events::on_keydown(move |press| {
        if let Some(action) = keys::action(place(), press.press()) {
            if on_action(action, press) {
                press.prevent_default();
            }
        }
    });
}
