//! The app's first render, spread over several short tasks. A prerendered page is already on
//! screen while the app renders beside it; a page with much to build (the list's 111 rows) builds
//! it in slices, one task each, so the browser never blocks for long, and holds the page's
//! takeover until what is in view is built (the rest follows, out of view, after the takeover).
//! `boot` takes over when nothing is held; it says beforehand how many rows the prerendered page
//! shows down to the bottom of the window ([`set_rows_in_view`]).

use std::cell::{Cell, RefCell};

thread_local! {
    static HELD: Cell<usize> = const { Cell::new(0) };
    static ROWS_IN_VIEW: Cell<usize> = const { Cell::new(usize::MAX) };
    static WHEN_FREE: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
}

/// Records how many list rows the prerendered page shows, from the top to the bottom of the
/// window (where the reader may have scrolled to).
pub fn set_rows_in_view(rows: usize) {
    ROWS_IN_VIEW.set(rows);
}

/// How many rows must be built before the takeover (all, unless `boot` said otherwise).
pub fn rows_in_view() -> usize {
    ROWS_IN_VIEW.get()
}

/// Holds the takeover until the returned [`Hold`] is released (or dropped).
pub fn hold() -> Hold {
    HELD.set(HELD.get() + 1);
    Hold { released: false }
}

/// A hold on the takeover.
pub struct Hold {
    released: bool,
}

impl Hold {
    /// Lets the takeover happen, as far as this hold goes.
    pub fn release(mut self) {
        self.release_once();
    }

    fn release_once(&mut self) {
        if self.released {
            return;
        }
        self.released = true;
        let left = HELD.get().saturating_sub(1);
        HELD.set(left);
        if left == 0 {
            if let Some(f) = WHEN_FREE.with_borrow_mut(Option::take) {
                f();
            }
        }
    }
}

impl Drop for Hold {
    fn drop(&mut self) {
        self.release_once();
    }
}

/// Runs `f` now if nothing holds the takeover, else when the last hold is released.
pub fn when_free(f: impl FnOnce() + 'static) {
    if HELD.get() == 0 {
        f();
    } else {
        WHEN_FREE.with_borrow_mut(|w| *w = Some(Box::new(f)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn the_takeover_waits_for_every_hold() {
        let done = Rc::new(Cell::new(false));
        let a = hold();
        let b = hold();
        let flag = done.clone();
        when_free(move || flag.set(true));
        a.release();
        assert!(!done.get());
        drop(b);
        assert!(done.get());
        let flag = done.clone();
        done.set(false);
        when_free(move || flag.set(true));
        assert!(done.get(), "nothing held: at once");
    }
}
