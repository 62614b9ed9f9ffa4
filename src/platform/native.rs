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

/// Native runs are kiosks only by `--mode=kiosk`; they have no config file beside a page.
pub fn kiosk_page_active() -> bool {
    false
}

pub fn kiosk_config_text() -> Option<String> {
    None
}

pub fn take_kiosk_crashes() -> Vec<String> {
    Vec::new()
}

pub fn kiosk_idle_moment() {}

pub fn post_stats(_url: &str, _csv: &str, _day: &str) {}

pub fn js_heap_bytes() -> Option<f64> {
    None
}

pub fn wasm_memory_bytes() -> Option<f64> {
    None
}

pub fn offline_state() -> String {
    "none".into()
}

pub fn last_stats_post() -> String {
    String::new()
}

pub fn exit_kiosk() {}

/// Today's date and hour in UTC (a native run has no time zone database).
pub fn local_day_hour() -> (String, u32) {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, hour) = (seconds / 86_400, (seconds % 86_400) / 3600);
    let (year, month, day) = civil_from_days(days as i64);
    (format!("{year:04}-{month:02}-{day:02}"), hour as u32)
}

/// Howard Hinnant's days-to-civil-date algorithm (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

pub fn forced_panic_requested() -> bool {
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_since_1970_become_dates() {
        assert_eq!(super::civil_from_days(0), (1970, 1, 1));
        assert_eq!(super::civil_from_days(20_786), (2026, 11, 29));
        assert_eq!(super::civil_from_days(11_016), (2000, 2, 29));
    }
}
