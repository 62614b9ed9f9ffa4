//! Native host: settings in a small JSON file in the user's config folder.

use std::path::PathBuf;

fn settings_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("green-actor").join("settings.json"))
}

fn read_all() -> serde_json::Map<String, serde_json::Value> {
    settings_path()
        .and_then(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn load(key: &str) -> Option<String> {
    read_all().get(key)?.as_str().map(str::to_string)
}

pub fn save(key: &str, value: &str) {
    let Some(path) = settings_path() else { return };
    let mut all = read_all();
    all.insert(key.to_string(), value.into());
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(text) = serde_json::to_string_pretty(&all) {
        let _ = std::fs::write(path, text);
    }
}

/// Native runs have no page to publish to; the state is for the browser tests.
pub fn publish_test_state(_json: &str) {}

pub fn signal_ready() {}

/// Native windows here are driven by mouse and keyboard.
pub fn has_touch_screen() -> bool {
    false
}

/// Native runs take a pack with `--pack PATH`; there is no page to hand files over or keep them.
pub fn take_host_messages() -> Vec<crate::pack::shelf::HostMessage> {
    Vec::new()
}

pub fn pick_pack_files() {}

pub fn keep_pack(
    _pack: &crate::pack::shelf::KeptPack,
    _files: &std::collections::BTreeMap<String, Vec<u8>>,
) {
}

pub fn use_kept_pack(_id: &str) {}

pub fn remove_kept_pack(_id: &str) {}

/// Native runs save a file into the working folder (the browser offers it as a download).
pub fn save_file(name: &str, _mime: &str, bytes: &[u8]) {
    if let Err(error) = std::fs::write(name, bytes) {
        bevy::log::warn!("could not save {name}: {error}");
    }
}

/// Native runs take results through the teacher's typed codes; there is no file chooser.
pub fn pick_result_files() {}

pub fn take_result_files() -> Vec<(String, String)> {
    Vec::new()
}

/// Native windows have no text prompt of their own.
pub fn ask_text(_message: &str, _current: &str) -> Option<String> {
    None
}

/// The exhibit's address is the browser's; a native run gives the query alone.
pub fn page_link(query: &str) -> String {
    format!("?{query}")
}
