//! A design exercise's content as it arrives: a prerendered exercise page hands over the content
//! it was rendered with ([`preload`]); otherwise the page fetches its data file once. The host
//! reads the files compiled in.

use crate::bank::design_content::{DesignChecks, DesignContent};
use crate::bank::designs::Design;
use leptos::prelude::*;
use std::sync::Arc;

/// Where one exercise's content (or a part of it, `T`) stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry<T = DesignContent> {
    /// Being fetched.
    Loading,
    /// Here.
    Ready(Arc<T>),
    /// Could not be fetched; the reason, for the user.
    Failed(String),
}

thread_local! {
    static PRELOADED: std::cell::RefCell<Option<DesignContent>> = const { std::cell::RefCell::new(None) };
}

/// Content that came with the page, taken by the first [`use_design_content`] for its id.
pub fn preload(content: DesignContent) {
    PRELOADED.with_borrow_mut(|p| *p = Some(content));
}

/// The content of the exercise `id`, whose data file is `file` (a signal: it arrives later when
/// fetched).
pub fn use_design_content(id: &'static str, file: &'static str) -> ReadSignal<Entry> {
    #[cfg(target_arch = "wasm32")]
    {
        let preloaded = PRELOADED.with_borrow_mut(|p| p.take_if(|c| c.id == id));
        if let Some(c) = preloaded {
            let (entry, _) = signal(Entry::Ready(Arc::new(c)));
            return entry;
        }
    }
    load(file, move |c: &DesignContent| c.id == id)
}

/// The multiple-choice checks of exercise `d`, read from its data file (a quiz needs no more).
pub fn use_design_checks(d: &'static Design) -> ReadSignal<Entry<DesignChecks>> {
    load(d.content, move |c: &DesignChecks| c.id == d.id)
}

/// Reads data file `file` as a `T` that `fits` (its id is the one asked for): from the files
/// compiled in on the host, fetched in the browser.
fn load<T>(file: &'static str, fits: impl Fn(&T) -> bool + 'static) -> ReadSignal<Entry<T>>
where
    T: serde::de::DeserializeOwned + Send + Sync + 'static,
{
    #[cfg(not(target_arch = "wasm32"))]
    {
        let entry = crate::bank::files::text(file)
            .and_then(|t| serde_json::from_str::<T>(t).ok())
            .filter(|c| fits(c))
            .map_or_else(
                || Entry::Failed("no such exercise".into()),
                |c| Entry::Ready(Arc::new(c)),
            );
        let (entry, _) = signal(entry);
        entry
    }
    #[cfg(target_arch = "wasm32")]
    {
        let (entry, set_entry) = signal(Entry::Loading);
        leptos::task::spawn_local(async move {
            let got = match crate::platform::fetch::text(file).await {
                Ok(text) => match serde_json::from_str::<T>(&text) {
                    Ok(c) if fits(&c) => Entry::Ready(Arc::new(c)),
                    _ => Entry::Failed("the exercise's file is damaged; reload the page".into()),
                },
                Err(why) => Entry::Failed(why),
            };
            set_entry.set(got);
        });
        entry
    }
}
