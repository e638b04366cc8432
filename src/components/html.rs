//! Static markup written as text, for parts of a page that never change once shown: the shortcut
//! tables and the set-up forms' choices. A typed view per table row or per input costs every area
//! that shows it a few KB gzip of wasm; a string costs a loop. Everything is escaped here.
//!
//! A set-up form ([`choices`]) reads a change back from the input itself (`on:change` on the
//! form, with the input's `value` naming what it sets: see [`Choice::value`] and [`split`]), so
//! only the signal holding the form's state is reactive.

use crate::platform::dom;

/// Appends `text` to `out` as HTML text (also safe inside a quoted attribute).
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// One input of a set-up form.
pub struct Choice {
    /// Its `value`: `what:which` for one of several (`count:5`), or a name for a box (`speak`).
    pub value: String,
    /// Whether it starts checked.
    pub checked: bool,
    /// What it says.
    pub label: String,
}

/// A fieldset of choices.
pub struct Group<'a> {
    /// Its legend.
    pub legend: &'a str,
    /// The inputs' `name` (one group of radio buttons shares it).
    pub name: &'a str,
    /// Checkboxes rather than radio buttons.
    pub boxes: bool,
    /// The inputs.
    pub choices: Vec<Choice>,
}

impl Choice {
    /// A choice.
    pub fn new(value: impl Into<String>, checked: bool, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            checked,
            label: label.into(),
        }
    }
}

/// The groups as fieldsets of labelled inputs, disabled until the app runs (see `dom::live`).
pub fn choices(groups: &[Group]) -> String {
    let mut out = String::new();
    for group in groups {
        out.push_str("<fieldset><legend>");
        escape_into(group.legend, &mut out);
        out.push_str("</legend>");
        for choice in &group.choices {
            out.push_str("<label class=\"option\"><input type=\"");
            out.push_str(if group.boxes { "checkbox" } else { "radio" });
            out.push_str("\" name=\"");
            escape_into(group.name, &mut out);
            out.push_str("\" value=\"");
            escape_into(&choice.value, &mut out);
            out.push('"');
            if choice.checked {
                out.push_str(" checked");
            }
            if !dom::live() {
                out.push_str(" disabled");
            }
            out.push('>');
            escape_into(&choice.label, &mut out);
            out.push_str("</label>");
        }
        out.push_str("</fieldset>");
    }
    out
}

/// An input's value as (what, which): `count:5` → (`count`, `Some("5")`), `speak` → (`speak`,
/// `None`).
pub fn split(value: &str) -> (&str, Option<&str>) {
    match value.split_once(':') {
        Some((what, which)) => (what, Some(which)),
        None => (value, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_escaped_labelled_inputs_waiting_for_the_app() {
        let html = choices(&[
            Group {
                legend: "How <many>",
                name: "count",
                boxes: false,
                choices: vec![
                    Choice::new("count:5", true, "5"),
                    Choice::new("count:all", false, "All"),
                ],
            },
            Group {
                legend: "Extras",
                name: "extra",
                boxes: true,
                choices: vec![Choice::new("speak", false, "Say \"hi\" & go")],
            },
        ]);
        assert_eq!(
            html,
            "<fieldset><legend>How &lt;many&gt;</legend>\
             <label class=\"option\"><input type=\"radio\" name=\"count\" value=\"count:5\" checked disabled>5</label>\
             <label class=\"option\"><input type=\"radio\" name=\"count\" value=\"count:all\" disabled>All</label>\
             </fieldset><fieldset><legend>Extras</legend>\
             <label class=\"option\"><input type=\"checkbox\" name=\"extra\" value=\"speak\" disabled>Say &quot;hi&quot; &amp; go</label>\
             </fieldset>"
        );
        assert_eq!(split("count:5"), ("count", Some("5")));
        assert_eq!(split("speak"), ("speak", None));
        assert_eq!(split(""), ("", None));
    }
}
