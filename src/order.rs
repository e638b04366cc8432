//! Sorting with one shared routine. The standard sorts are generic over the element and the
//! comparison, so every call site compiles its own copy of the sort (about 4 KB of wasm each;
//! 65 KB before this); these helpers sort a list of positions with the comparison behind a `dyn`,
//! so the sort itself is compiled once. For the lists the app sorts, the indirect call costs
//! nothing that shows.

use std::cmp::Ordering;

fn sort_positions(positions: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    // Ties broken by position: the result is stable.
    positions.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
}

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut positions: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut positions, &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(positions.into_iter().filter_map(|p| slots[p].take()));
}

/// Sorts `v` stably by the key `key` gives.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, &|a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` and removes repeats.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, &|a, b| a.cmp(b));
    v.dedup();
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sort_dedup_is_sorted_and_unique(v in proptest::collection::vec(0u8..20, 0..60)) {
            let mut ours = v.clone();
            sort_dedup(&mut ours);
            let mut std = v;
            std.sort();
            std.dedup();
            prop_assert_eq!(ours, std);
        }
    }
}

/// A small deterministic generator for shuffling (xorshift64*): the quiz and the mock interview
/// deal from a seed, so a stored session is reproducible and a test can pin one.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded by `seed` (scrambled, so that nearby seeds start far apart).
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0.max(1);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Shuffles `list` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, list: &mut [T]) {
        for i in (1..list.len()).rev() {
            list.swap(i, self.below(i + 1));
        }
    }
}
