//! "Your data": export everything to a file, import a file back (after a preview, merging or
//! replacing), or reset progress.

use crate::bank;
use crate::components::reset::ResetProgress;
use crate::components::safety::SafetyNet;
use crate::platform::clock::{self, UserCalendar};
use crate::platform::dom;
use crate::platform::files;
use crate::state::{use_app_state, Change, SaveError};
use crate::stats::{self, Calendar};
use crate::transfer::{self, ImportError, ImportMode, Incoming};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The export / import / reset panel.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = use_app_state();
    let pending = RwSignal::new(None::<Incoming>);
    let message = RwSignal::new(None::<(bool, String)>);

    let export = move |_| {
        let now = clock::now_ms();
        let text = transfer::export(&state.progress.get_untracked(), now);
        let name = transfer::file_name(&stats::iso_date(UserCalendar.day_of(now)));
        message.set(Some(
            match files::download(&name, &text, "application/json") {
                Ok(()) => {
                    state.exported();
                    (true, format!("Exported to {name}."))
                }
                Err(e) => (false, format!("Export failed: {e}.")),
            },
        ));
    };

    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = files::chosen_file(&ev) else {
            return;
        };
        pending.set(None);
        message.set(None);
        spawn_local(async move {
            let parsed = match files::read(file, transfer::MAX_FILE_BYTES).await {
                Ok(text) => {
                    transfer::parse(&text, |id| bank::question(id).is_some(), clock::now_ms())
                }
                Err(e) => Err(ImportError::from(e)),
            };
            // The page may have been left while the file was read: then there is nobody to tell.
            match parsed {
                Ok(incoming) => {
                    pending.try_set(Some(incoming));
                }
                Err(e) => {
                    message.try_set(Some((false, e.to_string())));
                }
            }
        });
    };

    let apply = move |how: ImportMode| {
        let Some(incoming) = pending.get_untracked() else {
            return;
        };
        let what = incoming.preview.summary();
        let change = Change::Import {
            progress: Box::new(incoming.progress),
            how,
        };
        // One write of the whole result: it lands entirely or not at all.
        match state.change(change) {
            Ok(()) => {
                pending.set(None);
                message.set(Some((
                    true,
                    match how {
                        ImportMode::Merge => format!("Imported and merged: {what}."),
                        ImportMode::Replace => format!("Replaced your data with the file's: {what}."),
                    },
                )));
            }
            Err(SaveError::NewerData) => message.set(Some((false, "Your data was saved by a newer version of Backprep, which this tab must not overwrite. Reload to update, then import again. Nothing was changed.".into()))),
            Err(e) => message.set(Some((false, format!("Import failed: your data could not be saved: {e}. Nothing was changed.")))),
        }
    };

    view! {
        <section class="data-panel" aria-labelledby="data-h" data-testid="data-panel">
            <h2 id="data-h">"Your data"</h2>
            <p class="muted">
                "Everything stays in this browser. Export a copy to move it to another browser or keep a backup; import merges it back or replaces what is here."
            </p>
            <div class="data-actions">
                <button
                    type="button"
                    class="button"
                    data-testid="export"
                    disabled=!dom::live()
                    on:click=export
                >
                    "Export progress"
                </button>
                <label class="button secondary file-button">
                    "Import a file…"
                    <input
                        type="file"
                        disabled=!dom::live()
                        accept=".json,application/json"
                        class="visually-hidden"
                        data-testid="import-file"
                        on:change=chosen
                    />
                </label>
            </div>
            {move || {
                pending
                    .get()
                    .map(|incoming| {
                        view! {
                            <ImportPreview
                                preview=incoming.preview
                                on_apply=Callback::new(apply)
                                on_cancel=Callback::new(move |()| pending.set(None))
                            />
                        }
                    })
            }}
            {move || {
                message
                    .get()
                    .map(|(ok, text)| {
                        view! {
                            <p
                                class=if ok { "data-message ok" } else { "data-message error" }
                                role=if ok { "status" } else { "alert" }
                                data-testid="data-message"
                            >
                                {text}
                            </p>
                        }
                    })
            }}
            <SafetyNet />
            <ResetProgress />
        </section>
    }
}

/// What a chosen file holds, and merge, replace or cancel.
#[component]
fn ImportPreview(
    preview: crate::transfer::Preview,
    on_apply: Callback<ImportMode>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let p = preview;
    let when = p
        .exported_at
        .map(|t| format!(" exported {}", stats::format_day(UserCalendar.day_of(t))))
        .unwrap_or_default();
    let unknown = (p.unknown_ids > 0).then(|| {
        format!(
            " {} of its questions are not in this version of the bank; their progress is kept for when they are.",
            p.unknown_ids,
        )
    });
    view! {
        <div
            class="import-preview"
            role="group"
            aria-labelledby="preview-h"
            data-testid="import-preview"
        >
            <h3 id="preview-h">"Import this file?"</h3>
            <p data-testid="import-summary">
                {format!("A file{when} with {}: merge or replace?", p.summary())} {unknown}
            </p>
            <p class="muted">
                "Merge keeps everything here and adds the file's. Replace makes your data exactly the file's."
            </p>
            <button
                type="button"
                class="button"
                data-testid="import-merge"
                on:click=move |_| on_apply.run(ImportMode::Merge)
            >
                "Merge"
            </button>
            " "
            <button
                type="button"
                class="button danger"
                data-testid="import-replace"
                on:click=move |_| on_apply.run(ImportMode::Replace)
            >
                "Replace"
            </button>
            " "
            <button type="button" on:click=move |_| on_cancel.run(())>
                "Cancel"
            </button>
        </div>
    }
}
