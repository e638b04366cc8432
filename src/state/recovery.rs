//! What the user sees if the app fails: a panic replaces the page with a short recovery screen
//! (what happened, that their saved progress is safe, a reload link and an export of the stored
//! data) instead of leaving a frozen page. The screen is plain HTML with no wasm behind it: after a
//! panic the wasm module is gone.

/// Installs the panic hook (in the browser; nothing on the host).
pub fn install() {
    #[cfg(target_arch = "wasm32")]
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// The export file for a stored progress value (`{"version":N,"data":…}`), as the data panel would
/// write it; the stored text as it is when it is not such a value.
pub fn export_of(stored: &str, now_ms: u64) -> String {
    let Ok(serde_json::Value::Object(envelope)) = serde_json::from_str::<serde_json::Value>(stored)
    else {
        return stored.to_string();
    };
    serde_json::json!({
        "app": crate::transfer::APP,
        "kind": crate::transfer::KIND,
        "version": envelope.get("version").cloned().unwrap_or_default(),
        "exported_at": now_ms,
        "data": envelope.get("data").cloned().unwrap_or_default(),
    })
    .to_string()
}

#[cfg(target_arch = "wasm32")]
fn show() {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(body) = document.body() else { return };
    let here = window.location().href().unwrap_or_default();
    // The stored progress, read directly (nothing else of the app may run now).
    let key = crate::storage::store::key_of::<crate::progress::Progress>();
    let stored = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(&key).ok().flatten());
    let export = stored.map(|s| export_of(&s, js_sys::Date::now().max(0.0) as u64));
    let export_link = export.and_then(|text| {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        web_sys::Url::create_object_url_with_blob(&blob).ok()
    });
    let Ok(main) = document.create_element("main") else {
        return;
    };
    main.set_class_name("recovery");
    let _ = main.set_attribute("role", "alert");
    let _ = main.set_attribute("data-testid", "recovery");
    let mut html = String::from(
        "<h1>Something went wrong</h1>\
         <p>Backprep stopped because of an error in the app. Your saved progress is safe: it is \
         stored in this browser, and this error did not change it.</p><p>",
    );
    html.push_str(&format!(
        "<a class=\"button\" href=\"{}\">Reload</a>",
        here.replace('&', "&amp;").replace('"', "&quot;")
    ));
    if let Some(url) = export_link {
        html.push_str(&format!(
            " <a class=\"button secondary\" download=\"backprep-progress-rescued.json\" href=\"{url}\">Export your data</a>"
        ));
    }
    html.push_str("</p>");
    main.set_inner_html(&html);
    body.set_inner_html("");
    let _ = body.append_child(main.unchecked_ref());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rescue_export_imports_back() {
        let mut p = crate::progress::Progress::default();
        p.mark_read("jwt", 1_700_000_000_000);
        let stored = crate::storage::encode(&p);
        let file = export_of(&stored, 1_700_000_000_500);
        let incoming = crate::transfer::parse(&file, |_| true, 1_700_000_001_000)
            .expect("the rescue file imports");
        assert!(incoming.progress.is_read("jwt"));
        assert_eq!(export_of("{not json", 1), "{not json");
    }
}
