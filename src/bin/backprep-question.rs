//! Entry point of the question area (the question pages, the not-found page and the offline
//! shell; see `backprep::meta::Area`): a prerendered question page's content is taken in first.

#[cfg(target_arch = "wasm32")]
fn main() {
    backprep::state::recovery::install();
    backprep::boot::preload_content();
    backprep::boot::start(backprep::app::QuestionApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Backprep is a WebAssembly app: run `make serve` (see README.md).");
}
