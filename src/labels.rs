//! One declaration for the small enums the UI shows and the URL carries (levels, grades, statuses,
//! sorts, filters, quiz modes): each variant gets its id (for URLs, files and CSS) and its label
//! (for people), and the enum gets `ALL`, `id`, `label` and `from_id`.

/// Declares an enum whose variants each have an id and a label:
///
/// ```
/// backprep::labelled_enum! {
///     /// A colour.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Colour {
///         /// Red.
///         Red => "red", "Red";
///         /// Dark blue.
///         DarkBlue => "dark-blue", "Dark blue";
///     }
/// }
/// assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
/// assert_eq!(Colour::from_id("dark-blue"), Some(Colour::DarkBlue));
/// assert_eq!(Colour::Red.label(), "Red");
/// assert_eq!(Colour::from_id("green"), None);
/// ```
#[macro_export]
macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $id:literal, $label:literal; )+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every variant, in the order shown to the user.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            /// The id used in URLs, files and CSS classes.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// The name shown to the user.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// The variant with this id, if any.
            pub fn from_id(id: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.id() == id)
            }
        }
    };
}
