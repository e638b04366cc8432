//! The `?` overlay listing every keyboard shortcut.

use crate::components::keyboard::use_keys;
use crate::keys::{self, Action, Place};
use leptos::prelude::*;

/// Listens for `?` anywhere (outside text fields) and shows the shortcut list; Esc or the close
/// button hides it and returns focus.
#[component]
pub fn ShortcutHelp() -> impl IntoView {
    let open = RwSignal::new(false);
    let close_ref: NodeRef<leptos::html::Button> = NodeRef::new();
    use_keys(
        move || {
            if open.get_untracked() {
                Place::Dialog
            } else {
                Place::Other
            }
        },
        move |action, press| match action {
            Action::ToggleHelp => {
                open.update(|o| *o = !*o);
                true
            }
            Action::CloseDialog => {
                // The dialog owns Esc: the page under it must not also act on it.
                press.stop_others();
                open.set(false);
                true
            }
            _ => false,
        },
    );
    Effect::new(move |_| {
        if open.get() {
            if let Some(b) = close_ref.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <Show when=move || open.get()>
            <div class="overlay" on:click=move |_| open.set(false)>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="shortcuts-h"
                    data-testid="shortcuts"
                    on:click=|ev| ev.stop_propagation()
                >
                    <h2 id="shortcuts-h">"Keyboard shortcuts"</h2>
                    {keys::HELP
                        .iter()
                        .map(|(heading, rows)| {
                            view! {
                                <table class="shortcut-table">
                                    <caption>{*heading}</caption>
                                    <tbody>
                                        {rows
                                            .iter()
                                            .map(|(k, what)| {
                                                view! {
                                                    <tr>
                                                        <td>
                                                            <kbd>{*k}</kbd>
                                                        </td>
                                                        <td>{*what}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                        })
                        .collect_view()}
                    <button
                        type="button"
                        class="button"
                        node_ref=close_ref
                        on:click=move |_| open.set(false)
                    >
                        "Close"
                    </button>
                </div>
            </div>
        </Show>
    }
}
