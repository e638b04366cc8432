//! Preferences and this browser's own bookkeeping (pure data): the theme, the interview-date
//! plan, and when progress was last exported (for the reminder to keep a copy).

use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    /// Colour scheme choice.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Theme {
        /// Follow the operating system.
        #[default]
        System => "system", "Theme: system";
        /// Always light.
        Light => "light", "Theme: light";
        /// Always dark.
        Dark => "dark", "Theme: dark";
    }
}

impl Theme {
    /// The next choice when the toggle is pressed: system → light → dark → system.
    pub fn next(self) -> Theme {
        let i = Theme::ALL.iter().position(|t| *t == self).unwrap_or(0);
        Theme::ALL[(i + 1) % Theme::ALL.len()]
    }

    /// Value for the `data-theme` attribute on `<html>` (`None` follows the system).
    pub fn attribute(self) -> Option<&'static str> {
        (self != Theme::System).then(|| self.id())
    }
}

/// The user's preferences, kept in this browser only (not exported).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Colour scheme.
    pub theme: Theme,
    /// The last export: when (ms) and how many answers progress held then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_export: Option<(u64, usize)>,
    /// The interview-date plan, if one is set (kept with the preferences of this browser: a
    /// date to prepare for, not a record of what was done).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<crate::plan::PlanSettings>,
}

/// After how many answers since the last export (or ever, with none) the app suggests one.
pub const EXPORT_AFTER_ANSWERS: usize = 30;

impl Prefs {
    /// How many answers were given since the last export, when that is enough to suggest another.
    pub fn export_due(&self, answers: usize) -> Option<usize> {
        let since = answers.saturating_sub(self.last_export.map_or(0, |(_, n)| n));
        (since >= EXPORT_AFTER_ANSWERS).then_some(since)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggle_cycles_through_all_three() {
        let mut t = Theme::System;
        let mut seen = vec![t];
        for _ in 0..3 {
            t = t.next();
            seen.push(t);
        }
        assert_eq!(
            seen,
            vec![Theme::System, Theme::Light, Theme::Dark, Theme::System]
        );
        assert_eq!(Theme::System.attribute(), None);
    }

    #[test]
    fn an_export_is_suggested_after_enough_answers_since_the_last() {
        let mut p = Prefs::default();
        assert_eq!(p.export_due(29), None);
        assert_eq!(p.export_due(30), Some(30));
        p.last_export = Some((5, 40));
        assert_eq!(p.export_due(60), None);
        assert_eq!(p.export_due(70), Some(30));
        assert_eq!(
            p.export_due(10),
            None,
            "fewer answers than at the export (a reset)"
        );
    }
}
