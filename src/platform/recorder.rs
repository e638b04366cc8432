//! Recording an answer with the microphone (MediaRecorder). The browser asks for the microphone
//! only when recording starts; the audio stays in this tab's memory as a `blob:` URL for playback
//! and is gone when the tab closes: it is never stored or sent.

/// A recording in progress.
pub struct Recording {
    #[cfg(target_arch = "wasm32")]
    inner: browser::Live,
}

/// Starts recording from the microphone (asking for it first). Errors say why in plain words:
/// no microphone, permission refused, or no recording in this browser.
pub async fn start() -> Result<Recording, String> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::start().await.map(|inner| Recording { inner })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Err("Recording works in a browser only.".to_string())
    }
}

impl Recording {
    /// Stops recording and releases the microphone; resolves to a `blob:` URL to play it back.
    pub async fn stop(self) -> Result<String, String> {
        #[cfg(target_arch = "wasm32")]
        {
            self.inner.stop().await
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Err("Recording works in a browser only.".to_string())
        }
    }
}

/// Lets go of a recording's audio (its URL stops working).
pub fn release(url: &str) {
    #[cfg(target_arch = "wasm32")]
    let _ = web_sys::Url::revoke_object_url(url);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = url;
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    pub struct Live {
        recorder: web_sys::MediaRecorder,
        stream: web_sys::MediaStream,
        chunks: Rc<RefCell<Vec<web_sys::Blob>>>,
        _on_data: Closure<dyn FnMut(web_sys::BlobEvent)>,
    }

    pub async fn start() -> Result<Live, String> {
        let window = web_sys::window().ok_or("No window.")?;
        let devices = window
            .navigator()
            .media_devices()
            .map_err(|_| "This browser cannot record (no access to media devices here).")?;
        let constraints = web_sys::MediaStreamConstraints::new();
        constraints.set_audio(&JsValue::TRUE);
        let promise = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|_| "This browser cannot record.")?;
        let stream: web_sys::MediaStream = JsFuture::from(promise)
            .await
            .map_err(|e| {
                let name = e
                    .dyn_ref::<web_sys::DomException>()
                    .map(|d| d.name())
                    .unwrap_or_default();
                match name.as_str() {
                    "NotAllowedError" | "SecurityError" => {
                        "The microphone was not allowed. You can still answer out loud or type."
                            .to_string()
                    }
                    "NotFoundError" => "No microphone was found.".to_string(),
                    _ => "The microphone could not be opened.".to_string(),
                }
            })?
            .unchecked_into();
        let recorder = web_sys::MediaRecorder::new_with_media_stream(&stream)
            .map_err(|_| "This browser cannot record audio.")?;
        let chunks = Rc::new(RefCell::new(Vec::new()));
        let sink = chunks.clone();
        let on_data =
            Closure::<dyn FnMut(web_sys::BlobEvent)>::new(move |e: web_sys::BlobEvent| {
                if let Some(blob) = e.data() {
                    sink.borrow_mut().push(blob);
                }
            });
        recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
        recorder.start().map_err(|_| "Recording could not start.")?;
        Ok(Live {
            recorder,
            stream,
            chunks,
            _on_data: on_data,
        })
    }

    impl Live {
        pub async fn stop(self) -> Result<String, String> {
            let stopped = js_sys::Promise::new(&mut |resolve, _| {
                let done = Closure::once_into_js(move || {
                    let _ = resolve.call0(&JsValue::NULL);
                });
                self.recorder.set_onstop(Some(done.unchecked_ref()));
            });
            let _ = self.recorder.stop();
            let _ = JsFuture::from(stopped).await;
            for track in self.stream.get_tracks().iter() {
                if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                    track.stop();
                }
            }
            let parts = js_sys::Array::new();
            for blob in self.chunks.borrow().iter() {
                parts.push(blob);
            }
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(&self.recorder.mime_type());
            let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options)
                .map_err(|_| "The recording could not be kept.")?;
            web_sys::Url::create_object_url_with_blob(&blob)
                .map_err(|_| "The recording could not be kept.".to_string())
        }
    }
}
