//! The browser edges, behind one door: localStorage, the clock and calendar, the document (base
//! path, title, theme, scrolling), window events, fetching the bank's data files, file download
//! and upload, the clipboard, the service worker, speech synthesis and microphone recording.
//!
//! Each module has a browser implementation and a host one (in memory, or doing nothing), chosen
//! by target, with the same functions. So every component also runs on the host: the prerenderer
//! renders pages with it, and `cargo test` renders components to HTML. Nothing outside this module
//! calls `web_sys` for these.

pub mod clipboard;
pub mod clock;
pub mod dom;
pub mod events;
pub mod fetch;
pub mod files;
pub mod recorder;
pub mod speech;
pub mod storage;
pub mod sw;
