//! Shared by the benchmarks (tests/*_bench.rs): the browser's clock and a header line.

/// The browser's high-resolution clock, in ms.
pub fn now_ms() -> f64 {
    web_sys::window()
        .expect("window")
        .performance()
        .expect("performance")
        .now()
}

/// "<what> (release WASM, <user agent>)", the first line a benchmark prints.
pub fn header(what: &str) -> String {
    let agent = web_sys::window()
        .expect("window")
        .navigator()
        .user_agent()
        .unwrap_or_default();
    format!("{what} (release WASM, {agent})")
}
