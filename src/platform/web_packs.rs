//! The page's pack store (`packs.js`): Rust asks through `window.greenActorPacks`, the page answers
//! by pushing messages onto `window.__greenActorInbox`, read once a frame.

use std::collections::BTreeMap;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;

use super::web::{call_host, drain_inbox, js_get as get};

use crate::pack::Localized;
use crate::pack::shelf::{HostMessage, KeptPack, OpenPack, Origin};

fn text(target: &JsValue, key: &str) -> String {
    get(target, key).as_string().unwrap_or_default()
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn call(method: &str, argument: &JsValue) {
    call_host("greenActorPacks", method, &Array::of1(argument));
}

pub fn take_host_messages() -> Vec<HostMessage> {
    drain_inbox("__greenActorInbox")
        .iter()
        .filter_map(host_message)
        .collect()
}

fn host_message(message: &JsValue) -> Option<HostMessage> {
    match text(message, "kind").as_str() {
        "open" => {
            let origin = match text(message, "origin").as_str() {
                "kept" => Origin::Kept,
                "link" => Origin::Link,
                _ => Origin::Picked,
            };
            let files = Array::from(&get(message, "files"))
                .iter()
                .map(|file| {
                    let bytes = Uint8Array::new(&get(&file, "bytes")).to_vec();
                    (text(&file, "name"), bytes)
                })
                .collect();
            Some(HostMessage::Open(OpenPack {
                label: text(message, "label"),
                origin,
                files,
            }))
        }
        "kept" => {
            let packs = Array::from(&get(message, "packs"))
                .iter()
                .map(|pack| KeptPack {
                    id: text(&pack, "id"),
                    label: text(&pack, "label"),
                    title: Localized::new(text(&pack, "title_zh"), text(&pack, "title_en")),
                    version: text(&pack, "version"),
                })
                .collect();
            let active = get(message, "active").as_string();
            Some(HostMessage::Kept { packs, active })
        }
        "notice" => Some(HostMessage::Notice(Localized::new(
            text(message, "zh"),
            text(message, "en"),
        ))),
        _ => None,
    }
}

pub fn pick_pack_files() {
    call("pick", &JsValue::UNDEFINED);
}

pub fn keep_pack(pack: &KeptPack, files: &BTreeMap<String, Vec<u8>>) {
    let record: JsValue = Object::new().into();
    set(&record, "id", &JsValue::from_str(&pack.id));
    set(&record, "label", &JsValue::from_str(&pack.label));
    set(&record, "title_zh", &JsValue::from_str(&pack.title.zh));
    set(&record, "title_en", &JsValue::from_str(&pack.title.en));
    set(&record, "version", &JsValue::from_str(&pack.version));
    let list = Array::new();
    for (name, bytes) in files {
        let file: JsValue = Object::new().into();
        set(&file, "name", &JsValue::from_str(name));
        set(&file, "bytes", &Uint8Array::from(bytes.as_slice()).into());
        list.push(&file);
    }
    set(&record, "files", &list.into());
    call("keep", &record);
}

/// Makes a kept pack the one in use (the page then opens it); "" means the built-in pack.
pub fn use_kept_pack(id: &str) {
    call("use", &JsValue::from_str(id));
}

pub fn remove_kept_pack(id: &str) {
    call("remove", &JsValue::from_str(id));
}
