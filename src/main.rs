//! Entry point of the study area (the list, the question pages and not-found; see
//! `backprep::meta::Area`): the panic hook, a prerendered question page's content, then the app
//! starts (see `backprep::boot`). A development build (`trunk serve`) has no prerendered pages and
//! no other areas' builds, so it mounts every page.

#[cfg(target_arch = "wasm32")]
fn main() {
    backprep::state::recovery::install();
    backprep::boot::preload_content();
    #[cfg(debug_assertions)]
    {
        backprep::boot::preload_design_content();
        backprep::boot::start_study(backprep::app::App);
    }
    #[cfg(not(debug_assertions))]
    backprep::boot::start_study(backprep::app::StudyApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Backprep is a WebAssembly app: run `make serve` (see README.md).");
}
