//! Entry point: the panic hook, then the app starts (see `backprep::boot`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    backprep::boot::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Backprep is a WebAssembly app: run `make serve` (see README.md).");
}
