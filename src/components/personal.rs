//! The user's own marks on a question: a bookmark star, a personal note, and when it is next due.

use crate::keys;
use crate::notes;
use crate::platform::clock::{self, UserCalendar};
use crate::platform::dom;
use crate::state::{use_app_state, Change};
use crate::stats::{self, Calendar};
use leptos::prelude::*;

/// A star that bookmarks question `id`.
#[component]
pub fn BookmarkButton(
    /// The question id.
    id: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    let on = move || state.progress.read().is_bookmarked(id);
    view! {
        <button
            type="button"
            class="bookmark-button"
            disabled=!dom::live()
            class:on=on
            data-testid="bookmark"
            aria-pressed=move || on().to_string()
            title="Bookmark this question (b)"
            on:click=move |_| {
                let on = !state.progress.with_untracked(|p| p.is_bookmarked(id));
                let _ = state
                    .change(Change::Bookmark {
                        id: id.to_string(),
                        on,
                    });
            }
        >
            <span aria-hidden="true">{move || if on() { "★" } else { "☆" }}</span>
            {move || if on() { " Bookmarked" } else { " Bookmark" }}
        </button>
    }
}

/// The personal note on question `id`: rendered Markdown, with an editor.
#[component]
pub fn NoteBox(
    /// The question id.
    id: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let note = Memo::new(move |_| state.progress.read().note(id).map(str::to_string));
    let textarea: NodeRef<leptos::html::Textarea> = NodeRef::new();
    let start = move || {
        draft.set(note.get_untracked().unwrap_or_default());
        editing.set(true);
        request_animation_frame(move || {
            if let Some(t) = textarea.get_untracked() {
                let _ = t.focus();
            }
        });
    };
    let save = move || {
        // Saved only when the note really changed.
        let _ = state.change(Change::Note {
            id: id.to_string(),
            text: draft.get_untracked(),
        });
        editing.set(false);
    };
    view! {
        <section class="note-box" aria-labelledby=format!("note-h-{id}") data-testid="note-box">
            <h2 id=format!("note-h-{id}")>"Your note"</h2>
            <Show
                when=move || editing.get()
                fallback=move || {
                    view! {
                        {move || match note.get() {
                            Some(text) => {
                                view! {
                                    <div
                                        class="note prose"
                                        data-testid="note"
                                        inner_html=notes::render(&text)
                                    ></div>
                                }
                                    .into_any()
                            }
                            None => {
                                view! {
                                    <p class="muted">
                                        "No note yet. Notes are private and searchable."
                                    </p>
                                }
                                    .into_any()
                            }
                        }}
                        <button
                            type="button"
                            class="link-button"
                            data-testid="edit-note"
                            disabled=!dom::live()
                            on:click=move |_| start()
                        >
                            {move || if note.read().is_some() { "Edit note" } else { "Add a note" }}
                        </button>
                    }
                }
            >
                <label class="visually-hidden" for=format!("note-{id}")>
                    "Your note (Markdown)"
                </label>
                <textarea
                    id=format!("note-{id}")
                    node_ref=textarea
                    rows="6"
                    maxlength=notes::MAX_NOTE_CHARS.to_string()
                    data-testid="note-input"
                    placeholder="Markdown: **bold**, `code`, - lists, [links](https://…). Ctrl+Enter saves, Esc cancels."
                    prop:value=move || draft.get()
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        let key = ev.key();
                        let press = keys::Press {
                            key: &key,
                            modified: ev.ctrl_key() || ev.meta_key(),
                            typing: true,
                            on_control: false,
                        };
                        match keys::action(keys::Place::Editor, press) {
                            Some(keys::Action::SaveEdit) => {
                                ev.prevent_default();
                                save();
                            }
                            Some(keys::Action::CancelEdit) => {
                                ev.prevent_default();
                                ev.stop_propagation();
                                editing.set(false);
                            }
                            _ => {}
                        }
                    }
                ></textarea>
                <div class="note-actions">
                    <button
                        type="button"
                        class="button"
                        data-testid="save-note"
                        on:click=move |_| save()
                    >
                        "Save note"
                    </button>
                    " "
                    <button type="button" on:click=move |_| editing.set(false)>
                        "Cancel"
                    </button>
                    <span class="muted count">
                        {move || {
                            format!("{} / {}", draft.read().chars().count(), notes::MAX_NOTE_CHARS)
                        }}
                    </span>
                </div>
            </Show>
        </section>
    }
}

/// "Next review: …" for question `id`, when it has been answered.
#[component]
pub fn NextReview(
    /// The question id.
    id: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    move || {
        state.schedule.read().get(id).map(|r| {
            let (due, today) = (UserCalendar.day_of(r.due), clock::today());
            let when = match due - today {
                d if d <= 0 => "due today".to_string(),
                1 => format!("due tomorrow ({})", stats::format_day(due)),
                d => format!("due in {d} days ({})", stats::format_day(due)),
            };
            view! {
                <span class="next-review" data-testid="next-review">
                    {format!("Next review: {when}")}
                </span>
            }
        })
    }
}
