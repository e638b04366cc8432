//! The design practice round's state: the round in progress (or the last one over, for its report)
//! and the length last chosen, loaded and saved under their own key. Provided by the practice page
//! only. A round's record goes into progress through [`AppState::change`] when its review closes.

use super::{AppState, Change};
use crate::design_practice::{Event, Length, Round};
use crate::platform::clock;
use crate::storage::{store, ActiveDesignRound, Mode};
use leptos::prelude::*;

/// The round and the length last chosen.
#[derive(Clone, Copy)]
pub struct DesignRoundState {
    /// The round in progress (or the last one over).
    pub round: ReadSignal<Option<Round>>,
    set_round: WriteSignal<Option<Round>>,
    /// The length last chosen (offered again next time).
    pub length: RwSignal<Length>,
    mode: Mode,
    app: AppState,
}

/// The round state from context (see [`DesignRoundState::provide`]).
pub fn use_design_round() -> DesignRoundState {
    expect_context::<DesignRoundState>()
}

impl DesignRoundState {
    /// Loads the stored round and provides it to the page below; a notice says what had to be
    /// repaired or could not be read, as for the other stored values.
    pub fn provide() -> DesignRoundState {
        let app = super::use_app_state();
        let loaded = store::load::<ActiveDesignRound>(clock::now_ms());
        if loaded.mode != Mode::MemoryOnly && !loaded.notices.is_empty() {
            app.notices.update(|n| n.extend(loaded.notices));
        }
        let (round, set_round) = signal(loaded.data.session);
        let state = DesignRoundState {
            round,
            set_round,
            length: RwSignal::new(loaded.data.length),
            mode: loaded.mode,
            app,
        };
        provide_context(state);
        state
    }

    /// Applies an event, records the round in progress when its review closes, and saves the
    /// round so it survives a reload. The only path by which a round changes.
    pub fn event(self, event: Event) {
        let Some(round) = self.round.get_untracked() else {
            return;
        };
        let was_over = round.is_over();
        let next = round.apply(event, clock::now_ms());
        if !was_over {
            if let Some(record) = next.record() {
                let _ = self.app.change(Change::Design(record));
            }
        }
        self.save(Some(next));
    }

    /// Starts a round (replacing any other) and its clock, remembering its length.
    pub fn start(self, round: Round) {
        self.length.set(round.length);
        let started = round.apply(Event::Start, clock::now_ms());
        self.save(Some(started));
    }

    /// Drops the round (in progress or its report).
    pub fn discard(self) {
        self.save(None);
    }

    fn save(self, round: Option<Round>) {
        if self.mode == Mode::ReadWrite {
            let _ = store::save(&ActiveDesignRound {
                length: self.length.get_untracked(),
                session: round.clone(),
            });
        }
        self.set_round.set(round);
    }
}
