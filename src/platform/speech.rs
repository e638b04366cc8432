//! Reading text aloud with the browser's speech synthesis, offline: only voices on this device
//! (`localService`) are used, so nothing is sent anywhere and it works without a network.

/// Whether a voice on this device can read aloud (false on the host, or with no local voice;
/// browsers load their voice list lazily, so this may turn true a moment after the page opens).
pub fn available() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        local_voice().is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// Reads `text` aloud with a local voice, stopping whatever was being read. Returns whether it
/// could (no local voice: false, and nothing happens).
pub fn speak(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let (Some(synth), Some(voice)) = (synth(), local_voice()) else {
            return false;
        };
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
            return false;
        };
        utterance.set_voice(Some(&voice));
        utterance.set_lang(&voice.lang());
        synth.cancel();
        synth.speak(&utterance);
        true
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

/// Stops reading.
pub fn stop() {
    #[cfg(target_arch = "wasm32")]
    if let Some(synth) = synth() {
        synth.cancel();
    }
}

#[cfg(target_arch = "wasm32")]
fn synth() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// A voice on this device, English first (the bank is written in English).
#[cfg(target_arch = "wasm32")]
fn local_voice() -> Option<web_sys::SpeechSynthesisVoice> {
    use wasm_bindgen::JsCast;
    let voices: Vec<web_sys::SpeechSynthesisVoice> = synth()?
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into().ok())
        .filter(|v: &web_sys::SpeechSynthesisVoice| v.local_service())
        .collect();
    voices
        .iter()
        .find(|v| v.lang().starts_with("en"))
        .or(voices.first())
        .cloned()
}
