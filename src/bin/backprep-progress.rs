//! Entry point of the progress area (the dashboard, export and import): see
//! `backprep::meta::Area`.

#[cfg(target_arch = "wasm32")]
fn main() {
    backprep::state::recovery::install();
    backprep::boot::start(backprep::app::ProgressApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Backprep is a WebAssembly app: run `make serve` (see README.md).");
}
