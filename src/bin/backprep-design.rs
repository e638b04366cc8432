//! Entry point of the design area (the design exercises): see
//! `backprep::meta::Area`. A prerendered exercise page's content is taken in first.

#[cfg(target_arch = "wasm32")]
fn main() {
    backprep::state::recovery::install();
    backprep::boot::preload_design_content();
    backprep::boot::start(backprep::app::DesignApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Backprep is a WebAssembly app: run `make serve` (see README.md).");
}
