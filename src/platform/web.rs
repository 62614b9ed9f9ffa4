//! Browser host: localStorage, the test-state global and the loading-overlay handshake.

use wasm_bindgen::JsValue;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn save(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Writes the JSON read by `window.greenActor.state()` (only with `?test=1`).
pub fn publish_test_state(json: &str) {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(
            &window,
            &JsValue::from_str("__greenActorState"),
            &JsValue::from_str(json),
        );
    }
}

/// Tells the page the first frame is drawn, so it can hide its loading overlay.
pub fn signal_ready() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(ready) = js_sys::Reflect::get(&window, &JsValue::from_str("greenActorReady")) else {
        return;
    };
    if let Some(function) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&ready) {
        let _ = function.call0(&window);
    }
}

/// The page's URL query as key/value pairs.
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    let keys = ["lang", "test", "seed", "persist", "pack", "lesson", "mode"];
    for key in keys.into_iter().chain(crate::options::KIOSK_TIME_KEYS) {
        if let Some(value) = params.get(key) {
            pairs.push((key.to_string(), value));
        }
    }
    pairs
}

/// Whether the device reports a touch screen (`navigator.maxTouchPoints`).
pub fn has_touch_screen() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window, &JsValue::from_str("navigator"))
        .and_then(|navigator| {
            js_sys::Reflect::get(&navigator, &JsValue::from_str("maxTouchPoints"))
        })
        .ok()
        .and_then(|points| points.as_f64())
        .is_some_and(|points| points > 0.0)
}

/// A property of a JS object, or undefined.
pub(super) fn js_get(target: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `window[host][method](arguments…)`, when the page has it.
pub(super) fn call_host(host: &str, method: &str, arguments: &js_sys::Array) {
    call_host_value(host, method, arguments);
}

/// Calls `window[host][method](arguments…)` and gives what it returned (undefined without it).
pub(super) fn call_host_value(host: &str, method: &str, arguments: &js_sys::Array) -> JsValue {
    let Some(window) = web_sys::window() else {
        return JsValue::UNDEFINED;
    };
    let object = js_get(&window, host);
    wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&js_get(&object, method))
        .and_then(|function| function.apply(&object, arguments).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// Empties the page's array `window[name]` and gives what it held (messages the page posted).
pub(super) fn drain_inbox(name: &str) -> Vec<JsValue> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let inbox = js_get(&window, name);
    let Some(inbox) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Array>(&inbox) else {
        return Vec::new();
    };
    if inbox.length() == 0 {
        return Vec::new();
    }
    inbox
        .splice(0, inbox.length(), &JsValue::UNDEFINED)
        .iter()
        .filter(|message| !message.is_undefined())
        .collect()
}
