//! The level-pack format shared by all scenes: plain types, checking and loading (no rendering).

mod check;
pub mod loader;
pub mod locate;
mod manifest;
mod problem;
mod text;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate_cli;

use std::collections::BTreeMap;

pub use check::{FileCheck, key, parse_json};
pub use manifest::{FORMAT, Manifest, SceneEntry, files_named_in, is_safe_relative};
pub use problem::{Problem, Severity};
pub use text::{Lang, Localized, Source};

use crate::scenes::SceneKind;
use crate::scenes::sorting::level::{SortingData, parse_sorting};
use locate::Step;

/// The manifest file inside every pack folder.
pub const MANIFEST: &str = "pack.json";

/// The text of each file a pack names, or why it could not be read.
pub type Files = BTreeMap<String, Result<String, String>>;

/// A checked pack: only the parts that passed remain.
#[derive(Clone, Debug, PartialEq)]
pub struct Pack {
    pub manifest: Manifest,
    pub sorting: Option<SortingData>,
}

impl Pack {
    /// The scenes this pack can play, in manifest order.
    pub fn scenes(&self) -> Vec<SceneKind> {
        let mut scenes = Vec::new();
        if self.sorting.is_some() {
            scenes.push(SceneKind::Sorting);
        }
        scenes
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.manifest.sources.get(key)
    }
}

/// The outcome of reading a pack: what could be used and every problem found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackReport {
    pub pack: Option<Pack>,
    pub problems: Vec<Problem>,
}

impl PackReport {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
}

/// Checks a whole pack. Never panics: every problem becomes a [`Problem`] and broken parts are
/// left out while the rest loads.
pub fn parse_pack(manifest_text: &str, files: &Files) -> PackReport {
    let mut check = FileCheck::new(MANIFEST, manifest_text);
    let manifest = parse_json(&mut check, manifest_text)
        .and_then(|value| check.decode::<Manifest>(&[], value))
        .filter(|manifest| check_manifest(&mut check, manifest));
    let mut problems = check.problems;
    let Some(manifest) = manifest else {
        return PackReport {
            pack: None,
            problems,
        };
    };

    let mut sorting = None;
    for (i, entry) in manifest.scenes.iter().enumerate() {
        match SceneKind::from_name(&entry.scene) {
            Some(SceneKind::Sorting) => {
                let (data, found) = parse_sorting(entry, files, &manifest.sources);
                problems.extend(found);
                sorting = sorting.or(data);
            }
            None => {
                let mut check = FileCheck::new(MANIFEST, manifest_text);
                check.warn(
                    &[key("scenes"), Step::Index(i), key("scene")],
                    Localized::new(
                        format!("此版本还不支持场景「{}」，已跳过", entry.scene),
                        format!(
                            "this version does not know the scene \"{}\"; skipped",
                            entry.scene
                        ),
                    ),
                );
                problems.extend(check.problems);
            }
        }
    }

    let pack = Pack { manifest, sorting };
    if pack.scenes().is_empty() {
        let mut check = FileCheck::new(MANIFEST, manifest_text);
        check.error(
            &[key("scenes")],
            Localized::new("内容包里没有可以玩的场景", "the pack has no playable scene"),
        );
        problems.extend(check.problems);
        return PackReport {
            pack: None,
            problems,
        };
    }
    PackReport {
        pack: Some(pack),
        problems,
    }
}

fn check_manifest(check: &mut FileCheck<'_>, manifest: &Manifest) -> bool {
    if manifest.format != FORMAT {
        check.error(
            &[key("format")],
            Localized::new(
                format!(
                    "内容包格式版本 {} 不受支持（本程序读取版本 {FORMAT}）",
                    manifest.format
                ),
                format!(
                    "pack format {} is not supported (this build reads format {FORMAT})",
                    manifest.format
                ),
            ),
        );
        return false;
    }
    if manifest.id.trim().is_empty() {
        check.error(
            &[key("id")],
            Localized::new("id 不能为空", "the id is empty"),
        );
    }
    check.localized(&[key("title")], &manifest.title);
    if let Some(description) = &manifest.description {
        check.localized(&[key("description")], description);
    }
    for (name, source) in &manifest.sources {
        check.localized(&[key("sources"), key(name), key("title")], &source.title);
    }
    for (i, entry) in manifest.scenes.iter().enumerate() {
        for (j, path) in entry.data.iter().chain(entry.levels.iter()).enumerate() {
            if !is_safe_relative(path) {
                check.error(
                    &[
                        key("scenes"),
                        Step::Index(i),
                        key(if j == 0 && entry.data.is_some() {
                            "data"
                        } else {
                            "levels"
                        }),
                    ],
                    Localized::new(
                        format!("文件路径「{path}」必须是内容包内的相对路径"),
                        format!("the file path \"{path}\" must be relative and inside the pack"),
                    ),
                );
            }
        }
    }
    true
}

/// Reads a pack folder from disk (native tools and tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_pack_dir(dir: &std::path::Path) -> PackReport {
    let manifest_path = dir.join(MANIFEST);
    let manifest_text = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => text,
        Err(err) => {
            return PackReport {
                pack: None,
                problems: vec![Problem {
                    file: MANIFEST.to_string(),
                    path: String::new(),
                    line: None,
                    severity: Severity::Error,
                    message: Localized::new(
                        format!("无法读取 {}：{err}", manifest_path.display()),
                        format!("cannot read {}: {err}", manifest_path.display()),
                    ),
                }],
            };
        }
    };
    let files = files_named_in(&manifest_text)
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(dir.join(&path)).map_err(|err| err.to_string());
            (path, text)
        })
        .collect();
    parse_pack(&manifest_text, &files)
}
