//! The built-in icon library (rasterized Fluent Emoji), listed in `assets/sprites/icons/index.json`.

use std::sync::OnceLock;

#[derive(serde::Deserialize)]
struct Index {
    icons: Vec<String>,
}

/// Every icon name, sorted.
pub fn names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        serde_json::from_str::<Index>(include_str!("../assets/sprites/icons/index.json"))
            .map(|index| index.icons)
            .unwrap_or_default()
    })
}

pub fn exists(name: &str) -> bool {
    names()
        .binary_search_by(|probe| probe.as_str().cmp(name))
        .is_ok()
}

pub fn path(name: &str) -> String {
    format!("sprites/icons/{name}.png")
}
