//! Files the user saves (an export) and chooses (an import).

/// Why a chosen file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// Over the size limit (bytes).
    TooLarge(usize),
    /// The browser could not read it.
    Unreadable,
}

pub use imp::{chosen_file, download, read, ChosenFile};

impl From<ReadError> for crate::transfer::ImportError {
    /// What the import tells the user when the file could not be read: its size, or that the
    /// browser could not read it (never that it is "not JSON": nothing of it was seen).
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::TooLarge(bytes) => crate::transfer::ImportError::TooLarge { bytes },
            ReadError::Unreadable => crate::transfer::ImportError::Unreadable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ReadError;
    use crate::transfer::ImportError;

    /// A file the browser could not read was reported as "could not be read as a Backprep export
    /// … (JSON)", as if its content had been seen and found wrong.
    #[test]
    fn an_unreadable_file_is_reported_as_unreadable_not_as_not_json() {
        let e = ImportError::from(ReadError::Unreadable);
        assert_eq!(e, ImportError::Unreadable);
        let text = e.to_string();
        assert!(text.contains("could not read this file"), "{text}");
        assert!(!text.contains("JSON") && !text.contains("export"), "{text}");
        assert!(text.ends_with("Nothing was changed."), "{text}");
        assert_eq!(
            ImportError::from(ReadError::TooLarge(20_000_000)),
            ImportError::TooLarge { bytes: 20_000_000 }
        );
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::ReadError;
    use wasm_bindgen::JsCast;

    /// A file the user picked in a file input.
    pub struct ChosenFile(web_sys::File);

    /// The file picked in the `<input type="file">` this change event came from, after which the
    /// input is emptied so that picking the same file again fires `change` again.
    pub fn chosen_file(ev: &leptos::ev::Event) -> Option<ChosenFile> {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
        let file = input.files().and_then(|f| f.get(0));
        input.set_value("");
        file.map(ChosenFile)
    }

    /// Reads a chosen file as text, refusing files over `max_bytes` before reading them.
    pub async fn read(file: ChosenFile, max_bytes: usize) -> Result<String, ReadError> {
        let size = file.0.size();
        if size > max_bytes as f64 {
            return Err(ReadError::TooLarge(size as usize));
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.0.text())
            .await
            .map_err(|_| ReadError::Unreadable)?;
        text.as_string().ok_or(ReadError::Unreadable)
    }

    /// Offers `text` as a file download named `name`.
    pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
        let fail = |_| "the browser could not create the file".to_string();
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob =
            web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let a = document
            .create_element("a")
            .map_err(|_| "no link")?
            .dyn_into::<web_sys::HtmlAnchorElement>()
            .map_err(|_| "no link")?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        // Revoke on a later tick: Chromium starts the download asynchronously.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                10_000,
            );
        }
        Ok(())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::ReadError;

    /// A file the user picked (none on the host).
    pub enum ChosenFile {}

    /// No file is ever picked on the host.
    pub fn chosen_file(_ev: &leptos::ev::Event) -> Option<ChosenFile> {
        None
    }

    /// Unreachable: no file is ever picked on the host.
    pub async fn read(file: ChosenFile, _max_bytes: usize) -> Result<String, ReadError> {
        match file {}
    }

    /// Downloads are a browser matter.
    pub fn download(_name: &str, _text: &str, _mime: &str) -> Result<(), String> {
        Err("downloads need a browser".into())
    }
}
