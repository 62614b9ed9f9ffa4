//! The page's side of kiosk mode (`kiosk.js`): whether this page is a kiosk and its config file,
//! crashes recorded before a reload, the daily statistics POST, health figures, and leaving.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

use super::web::{call_host, call_host_value, js_get};

const HOST: &str = "greenActorKiosk";

fn host() -> JsValue {
    web_sys::window().map_or(JsValue::UNDEFINED, |window| js_get(&window, HOST))
}

fn call(method: &str, arguments: &[JsValue]) -> JsValue {
    call_host_value(HOST, method, &arguments.iter().collect::<Array>())
}

/// Whether the page found `kiosk.json` beside it (or was opened with `?mode=kiosk`).
pub fn kiosk_page_active() -> bool {
    js_get(&host(), "active").as_bool().unwrap_or(false)
}

/// The text of `kiosk.json`, when the page has one.
pub fn kiosk_config_text() -> Option<String> {
    js_get(&host(), "configText").as_string()
}

/// Why the page reloaded itself since the last start ("panic: …", "webgl-lost", …).
pub fn take_kiosk_crashes() -> Vec<String> {
    call("takeCrashes", &[])
        .dyn_into::<Array>()
        .map(|crashes| crashes.iter().filter_map(|c| c.as_string()).collect())
        .unwrap_or_default()
}

/// Nobody is playing: a waiting update may take over now.
pub fn kiosk_idle_moment() {
    call_host(HOST, "idleMoment", &Array::new());
}

pub fn post_stats(url: &str, csv: &str, day: &str) {
    call(
        "postStats",
        &[
            JsValue::from_str(url),
            JsValue::from_str(csv),
            JsValue::from_str(day),
        ],
    );
}

/// The page's JavaScript heap, where the browser tells it.
pub fn js_heap_bytes() -> Option<f64> {
    call("memoryBytes", &[]).as_f64()
}

/// The wasm module's linear memory (it only grows).
pub fn wasm_memory_bytes() -> Option<f64> {
    let memory = wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()?;
    let bytes = memory
        .buffer()
        .dyn_into::<js_sys::ArrayBuffer>()
        .ok()?
        .byte_length() as f64;
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(
            &window,
            &JsValue::from_str("__greenActorWasmMemoryBytes"),
            &JsValue::from_f64(bytes),
        );
    }
    Some(bytes)
}

pub fn offline_state() -> String {
    call("swState", &[])
        .as_string()
        .unwrap_or_else(|| "none".into())
}

pub fn last_stats_post() -> String {
    js_get(&host(), "lastPost").as_string().unwrap_or_default()
}

/// To the same page without kiosk mode.
pub fn exit_kiosk() {
    call_host(HOST, "exit", &Array::new());
}

/// Today's date (local, "YYYY-MM-DD") and the hour.
pub fn local_day_hour() -> (String, u32) {
    let now = js_sys::Date::new_0();
    let day = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    (day, now.get_hours())
}

/// A browser test asks for a panic (`window.__greenActorForcePanic = true`, with `?test=1`).
pub fn forced_panic_requested() -> bool {
    web_sys::window()
        .map(|window| js_get(&window, "__greenActorForcePanic"))
        .and_then(|flag| flag.as_bool())
        .unwrap_or(false)
}
