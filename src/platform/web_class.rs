//! The page's side of classroom mode (`classroom.js`): saving a file, picking results files, a
//! text prompt that brings up the device's own keyboard, and the page's own link.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;

use super::web::{call_host, drain_inbox, js_get};

fn call(method: &str, arguments: &Array) {
    call_host("greenActorClass", method, arguments);
}

/// Offers `bytes` as a download named `name`.
pub fn save_file(name: &str, mime: &str, bytes: &[u8]) {
    let arguments = Array::new();
    arguments.push(&JsValue::from_str(name));
    arguments.push(&JsValue::from_str(mime));
    arguments.push(&Uint8Array::from(bytes).into());
    call("save", &arguments);
}

pub fn pick_result_files() {
    call("pick", &Array::new());
}

/// Results files picked or dropped since the last call: name and text.
pub fn take_result_files() -> Vec<(String, String)> {
    drain_inbox("__greenActorClassInbox")
        .iter()
        .filter_map(|file| {
            Some((
                js_get(file, "name").as_string()?,
                js_get(file, "text").as_string()?,
            ))
        })
        .collect()
}

/// The browser's own text prompt (the device's keyboard, paste included); None when cancelled.
pub fn ask_text(message: &str, current: &str) -> Option<String> {
    web_sys::window()?
        .prompt_with_message_and_default(message, current)
        .ok()
        .flatten()
}

/// This page's address with `query` (`lesson=…`) instead of its own.
pub fn page_link(query: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return format!("?{query}");
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}?{query}")
}
