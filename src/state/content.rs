//! The bank's content as it arrives: each question's content file is fetched the first time a page
//! or a quiz card needs it and kept for the session. A prerendered page hands over the content it
//! was rendered with ([`preload`]), so it shows with no fetch; the host reads the files compiled in.

use crate::bank::{Content, Question};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where one question's content stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// Being fetched.
    Loading,
    /// Here.
    Ready(Arc<Content>),
    /// Could not be fetched; the reason, for the user.
    Failed(String),
}

thread_local! {
    static PRELOADED: std::cell::RefCell<Vec<Content>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Content that came with the page (a prerendered question page carries its own), taken in when
/// the store is created.
pub fn preload(content: Content) {
    PRELOADED.with_borrow_mut(|p| p.push(content));
}

/// Each question's content, by id.
#[derive(Clone, Copy)]
pub struct ContentStore {
    entries: RwSignal<BTreeMap<&'static str, Entry>>,
}

impl ContentStore {
    /// A store holding what came with the page.
    pub fn new() -> Self {
        let mut entries = BTreeMap::new();
        for content in PRELOADED.with_borrow_mut(std::mem::take) {
            if let Some(q) = crate::bank::question(&content.id) {
                entries.insert(q.id, Entry::Ready(Arc::new(content)));
            }
        }
        ContentStore {
            entries: RwSignal::new(entries),
        }
    }

    /// The content of `q` (tracked), starting to fetch it if nobody has yet.
    pub fn get(self, q: &'static Question) -> Entry {
        #[cfg(not(target_arch = "wasm32"))]
        {
            // The host has every file compiled in: no waiting.
            match crate::bank::content::compiled(q.id) {
                Some(c) => Entry::Ready(Arc::new(c)),
                None => Entry::Failed("no such question".into()),
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let entry = self.entries.with(|e| e.get(q.id).cloned());
            entry.unwrap_or_else(|| {
                self.fetch(q);
                Entry::Loading
            })
        }
    }

    /// Starts fetching the content of `q` unless it is here or on its way (the next quiz card,
    /// say).
    pub fn prefetch(self, q: &'static Question) {
        if self.entries.with_untracked(|e| !e.contains_key(q.id)) {
            self.fetch(q);
        }
    }

    /// Fetches `q`'s content again after a failure.
    pub fn retry(self, q: &'static Question) {
        self.fetch(q);
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn fetch(self, _q: &'static Question) {}

    #[cfg(target_arch = "wasm32")]
    fn fetch(self, q: &'static Question) {
        // Marked on a later tick: `get` runs while a view is being built.
        leptos::task::spawn_local(async move {
            let pending = self
                .entries
                .with_untracked(|e| matches!(e.get(q.id), Some(Entry::Loading | Entry::Ready(_))));
            if pending {
                return;
            }
            self.entries.update(|e| {
                e.insert(q.id, Entry::Loading);
            });
            let entry = match crate::platform::fetch::text(q.content).await {
                Ok(text) => match serde_json::from_str::<Content>(&text) {
                    Ok(c) if c.id == q.id => Entry::Ready(Arc::new(c)),
                    _ => Entry::Failed("the answer file is damaged; reload the page".into()),
                },
                Err(why) => Entry::Failed(why),
            };
            self.entries.update(|e| {
                e.insert(q.id, entry);
            });
        });
    }
}

impl Default for ContentStore {
    fn default() -> Self {
        Self::new()
    }
}
