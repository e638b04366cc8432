//! The capacity calculator on a design exercise's estimate: eight inputs filled in with the
//! exercise's numbers, and the figures recomputed as the user types (`crate::capacity`). With
//! scripts off the prerendered page shows the exercise's figures; the inputs need the app.

use crate::capacity::{self, Field, Inputs};
use crate::platform::dom;
use leptos::prelude::*;

/// The calculator, starting from `inputs`.
#[component]
pub fn CapacityCalculator(
    /// The exercise's numbers.
    inputs: Inputs,
) -> impl IntoView {
    let start = inputs.clone();
    let texts: Vec<RwSignal<String>> = Field::ALL
        .iter()
        .map(|&f| RwSignal::new(capacity::fmt_input(inputs.get(f))))
        .collect();
    let texts = StoredValue::new(texts);
    // Each field read from its text: the number, or why it is not one.
    let read = move |i: usize| -> Result<f64, capacity::InputError> {
        let f = Field::ALL[i];
        let text = texts.with_value(|t| t[i].get());
        let v = capacity::parse_number(&text)?;
        Inputs::check_field(f, v).map(|()| v)
    };
    let current = Memo::new(move |_| {
        let mut next = start.clone();
        for (i, &f) in Field::ALL.iter().enumerate() {
            match read(i) {
                Ok(v) => next.set(f, v),
                Err(_) => next.set(f, f64::NAN),
            }
        }
        next
    });
    let reset = {
        let inputs = inputs.clone();
        move |_| {
            texts.with_value(|t| {
                for (i, &f) in Field::ALL.iter().enumerate() {
                    t[i].set(capacity::fmt_input(inputs.get(f)));
                }
            })
        }
    };
    let fields = Field::ALL
        .iter()
        .enumerate()
        .map(|(i, &f)| {
            let id = format!("calc-{}", f.id());
            let msg_id = format!("{id}-msg");
            let text = texts.with_value(|t| t[i]);
            let error = move || read(i).err().map(|e| e.message());
            view! {
                <div class="calc-field">
                    <label for=id.clone()>{f.label()}</label>
                    <input
                        id=id
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        spellcheck="false"
                        disabled=!dom::live()
                        aria-describedby=msg_id.clone()
                        aria-invalid=move || error().map(|_| "true")
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                    <span class="calc-message" id=msg_id>
                        {error}
                    </span>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="calculator" data-testid="calculator" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>"Capacity calculator: change any number"</legend>
                <div class="calc-fields">{fields}</div>
                <button type="button" class="link-button" disabled=!dom::live() on:click=reset>
                    "Reset to the exercise's numbers"
                </button>
            </fieldset>
            <div aria-live="polite">
                {move || match current.get().outputs() {
                    Ok(o) => {
                        view! {
                            <table class="calc-table">
                                <caption>"Estimate"</caption>
                                <tbody>
                                    {o
                                        .rows()
                                        .into_iter()
                                        .map(|(label, value)| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{label}</th>
                                                    <td>{value}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }
                    Err(_) => {
                        let bad: Vec<&str> = (0..Field::ALL.len())
                            .filter(|&i| read(i).is_err())
                            .map(|i| Field::ALL[i].label())
                            .collect();
                        let line = if bad.is_empty() {
                            capacity::OutputError::TooLarge.message()
                        } else {
                            format!("Fix {} to see the figures.", bad.join(", "))
                        };
                        view! {
                            <table class="calc-table">
                                <caption>"Estimate"</caption>
                                <tbody>
                                    <tr>
                                        <td>"—"</td>
                                        <td class="calc-message">{line}</td>
                                    </tr>
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }
                }}
            </div>
        </form>
    }
}
