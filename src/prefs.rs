//! Display preferences (pure data).

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

/// The user's display preferences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Colour scheme.
    pub theme: Theme,
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
}
