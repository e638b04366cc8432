//! Entry point of the practice area (quizzes): see `backprep::meta::Area`.

#[cfg(target_arch = "wasm32")]
fn main() {
    backprep::state::recovery::install();
    backprep::boot::start(backprep::app::PracticeApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Backprep is a WebAssembly app: run `make serve` (see README.md).");
}
