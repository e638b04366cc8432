//! Entry point of the list area (the question list): the panic hook, then the
//! app starts (see `backprep::boot`). A development build (`trunk serve`) has no prerendered
//! pages and no other areas' builds, so it mounts every page.

#[cfg(target_arch = "wasm32")]
fn main() {
    backprep::state::recovery::install();
    #[cfg(debug_assertions)]
    {
        backprep::boot::preload_content();
        backprep::boot::preload_design_content();
        backprep::boot::start(backprep::app::App);
    }
    #[cfg(not(debug_assertions))]
    backprep::boot::start(backprep::app::ListApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Backprep is a WebAssembly app: run `make serve` (see README.md).");
}
