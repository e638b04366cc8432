//! Keeping the user's data safe: whether the browser agreed to keep it, a reminder to export when
//! much has been done since the last export, and the backups of stored data that could not be used.

use crate::numbers::counted;
use crate::platform::clock::UserCalendar;
use crate::platform::{dom, files, storage};
use crate::progress::Progress;
use crate::state::use_app_state;
use crate::stats::{self, Calendar};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The "Keeping it safe" part of the data panel.
#[component]
pub fn SafetyNet() -> impl IntoView {
    let state = use_app_state();
    // None: not asked yet (or the browser cannot say).
    let kept = RwSignal::new(None::<bool>);
    Effect::new(move |_| {
        spawn_local(async move {
            kept.try_set(storage::persisted().await);
        });
    });
    let ask = move |_| {
        spawn_local(async move {
            kept.try_set(storage::persist().await.or(Some(false)));
        });
    };
    let due = move || {
        let answers = state.progress.with(Progress::attempt_count);
        state.prefs.with(|p| p.export_due(answers))
    };
    let backups = RwSignal::new(state.backups());
    let delete = move |key: String| {
        state.delete_backup(&key);
        backups.set(state.backups());
    };
    let download = move |key: String, name: String| {
        if let Some(text) = state.backup_text(&key) {
            let _ = files::download(&name, &text, "application/json");
        }
    };
    view! {
        <div class="safety" data-testid="safety">
            <h3>"Keeping it safe"</h3>
            <p data-testid="persisted">
                {move || match kept.get() {
                    Some(true) => {
                        "Your browser has agreed to keep Backprep's data even when space runs low."
                    }
                    Some(false) | None => {
                        "Your browser may clear Backprep's data when space runs low: export a copy now and then."
                    }
                }} " " <Show when=move || kept.get() != Some(true)>
                    <button type="button" class="link-button" disabled=!dom::live() on:click=ask>
                        "Ask the browser to keep it"
                    </button>
                </Show>
            </p>
            {move || {
                due()
                    .map(|since| {
                        view! {
                            <p class="notice reminder" role="status" data-testid="export-reminder">
                                {format!(
                                    "You have given {} since your last export: export a copy to keep them safe.",
                                    counted(since, "answer", "answers"),
                                )}
                                {dom::is_safari()
                                    .then_some(
                                        " Safari deletes what a site stores after seven days without a visit.",
                                    )}
                            </p>
                        }
                    })
            }}
            <Show when=move || !backups.read().is_empty()>
                <h4>"Backups"</h4>
                <p class="muted">
                    "Stored data that Backprep could not use as it was (unreadable, or upgraded to a newer format) is kept here, the newest few of each kind."
                </p>
                <ul class="backups" data-testid="backups">
                    {move || {
                        backups
                            .get()
                            .into_iter()
                            .map(|b| {
                                let day = stats::iso_date(UserCalendar.day_of(b.at));
                                let name = format!("backprep-backup-{}-{day}.json", b.what);
                                let (k1, k2) = (b.key.clone(), b.key.clone());
                                view! {
                                    <li>
                                        {format!(
                                            "{} from {} ({})",
                                            b.what,
                                            stats::format_day(UserCalendar.day_of(b.at)),
                                            counted(b.bytes, "byte", "bytes"),
                                        )} " "
                                        <button
                                            type="button"
                                            class="link-button"
                                            on:click=move |_| download(k1.clone(), name.clone())
                                        >
                                            "Download"
                                        </button> " "
                                        <button
                                            type="button"
                                            class="link-button"
                                            on:click=move |_| delete(k2.clone())
                                        >
                                            "Delete"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </div>
    }
}
