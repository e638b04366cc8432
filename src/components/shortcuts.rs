//! The `?` overlay listing every keyboard shortcut.

use crate::components::html::escape_into;
use crate::components::keyboard::use_keys;
use crate::keys::{self, Action, Place};
use leptos::prelude::*;

/// The shortcut tables (`keys::HELP`) as HTML: a table per place, with a caption, a row per key.
pub fn help_html() -> String {
    let mut out = String::new();
    for (heading, rows) in keys::HELP {
        out.push_str("<table class=\"shortcut-table\"><caption>");
        escape_into(heading, &mut out);
        out.push_str("</caption><tbody>");
        for (k, what) in rows.iter() {
            out.push_str("<tr><td><kbd>");
            escape_into(k, &mut out);
            out.push_str("</kbd></td><td>");
            escape_into(what, &mut out);
            out.push_str("</td></tr>");
        }
        out.push_str("</tbody></table>");
    }
    out
}

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
                    // Static text, written as HTML once: a typed view per table, row and cell
                    // cost every area about 6 KB gzip of wasm for no behaviour.
                    <div inner_html=help_html()></div>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_listed_as_escaped_html() {
        let html = help_html();
        for (heading, rows) in keys::HELP {
            assert!(html.contains(&format!("<caption>{heading}</caption>")));
            for (k, what) in rows.iter() {
                let k = k.replace('&', "&amp;").replace('<', "&lt;");
                assert!(html.contains(&format!("<tr><td><kbd>{k}</kbd></td><td>{what}</td></tr>")));
            }
        }
        assert_eq!(html.matches("<table").count(), keys::HELP.len());
    }
}
