//! `pack.json`: what a pack is, who made it, what it cites and which scene files it holds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::{Localized, Source};

/// The pack format this build reads.
pub const FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    pub id: String,
    pub version: String,
    pub title: Localized,
    #[serde(default)]
    pub description: Option<Localized>,
    pub authors: Vec<String>,
    pub licence: String,
    #[serde(default)]
    pub sources: BTreeMap<String, Source>,
    pub scenes: Vec<SceneEntry>,
}

/// One scene in the pack: its name, its shared data file and its level files, in play order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SceneEntry {
    pub scene: String,
    #[serde(default)]
    pub data: Option<String>,
    pub levels: Vec<String>,
    /// Spreadsheets (CSV) whose rows join the scene's data: sorting items, travel trips.
    #[serde(default)]
    pub tables: Vec<String>,
}

/// Reads just enough of a manifest to know which files to fetch before a full check.
pub fn files_named_in(manifest_text: &str) -> Vec<String> {
    serde_json::from_str::<serde_json::Value>(manifest_text)
        .ok()
        .and_then(|value| value.get("scenes").cloned())
        .and_then(|scenes| scenes.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .flat_map(|entry| {
            let data = entry
                .get("data")
                .and_then(|v| v.as_str())
                .map(str::to_string);
            let list = |field: &str| {
                entry
                    .get(field)
                    .and_then(|v| v.as_array())
                    .map(|list| {
                        list.iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            };
            data.into_iter().chain(list("levels")).chain(list("tables"))
        })
        .filter(|path| is_safe_relative(path))
        .collect()
}

/// A pack may only name files inside itself.
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && path.split('/').all(|part| !part.is_empty() && part != "..")
}
