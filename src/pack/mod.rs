//! The level-pack format shared by all scenes: plain types, checking and loading. It knows no
//! scene: each scene registers a [`SceneFormat`] and `parse_pack` hands it its manifest entry.

pub mod archive;
mod check;
pub mod live;
pub mod loader;
pub mod locate;
mod manifest;
pub mod pictures;
mod problem;
mod scene_files;
mod scene_format;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod shelf;
mod suggest;
pub mod table;
mod text;
pub mod upload;

use std::collections::{BTreeMap, HashSet};

pub use check::{FileCheck, MAX_TEXT_CHARS, key, parse_json};
pub use manifest::{FORMAT, Manifest, SceneEntry, files_named_in, is_safe_relative};
pub use problem::{MAX_LISTED_PROBLEMS, Problem, Severity, listed};
pub use scene_files::{
    Fact, LevelFile, MAX_FILE_BYTES, MAX_LIST_ENTRIES, NOT_UTF8, decode_entries, file_problem,
    file_text, ids_written, parse_scene, read_data_file, read_facts, read_levels, read_levels_with,
    summaries, too_large, unknown_fact, with,
};
pub use scene_format::{
    LevelSummary, PackScene, Parsed, Question, SceneData, SceneFormat, SceneFormats, SceneId,
    SceneInput,
};
pub use suggest::{left_out, nearest, with_suggestion};
pub use text::{Citation, Lang, Localized, Source, parse_hex_color};

use locate::Step;

/// The manifest file inside every pack folder.
pub const MANIFEST: &str = "pack.json";

/// The text of each file a pack names, or why it could not be read.
pub type Files = BTreeMap<String, Result<String, String>>;

/// A checked pack: only the parts that passed remain; its scenes in manifest order.
#[derive(Clone, Debug)]
pub struct Pack {
    pub manifest: Manifest,
    pub scenes: Vec<PackScene>,
    /// The pack's own pictures that passed their checks, by path.
    pub pictures: pictures::Pictures,
}

impl Pack {
    pub fn scene(&self, id: SceneId) -> Option<&PackScene> {
        self.scenes.iter().find(|scene| scene.id() == id)
    }

    /// A scene's own checked data.
    pub fn data<T: SceneData>(&self, id: SceneId) -> Option<&T> {
        self.scene(id)?.data::<T>()
    }

    pub fn scene_ids(&self) -> Vec<SceneId> {
        self.scenes.iter().map(PackScene::id).collect()
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.manifest.sources.get(key)
    }

    /// Source keys → their titles. Checking guarantees every key is in the manifest.
    pub fn cite(&self, keys: &[String], approx: bool) -> Citation {
        Citation {
            sources: keys
                .iter()
                .filter_map(|key| self.source(key))
                .map(|source| source.title.clone())
                .collect(),
            approx,
        }
    }
}

/// The outcome of reading a pack: what could be used and every problem found.
#[derive(Clone, Debug, Default)]
pub struct PackReport {
    pub pack: Option<Pack>,
    pub problems: Vec<Problem>,
}

impl PackReport {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }

    /// A report for a pack that could not be read at all.
    pub fn unreadable(file: &str, message: Localized) -> Self {
        PackReport {
            pack: None,
            problems: vec![file_problem(file, Severity::Error, message)],
        }
    }
}

/// Checks a whole pack with the scene formats this build knows. Never panics: every problem
/// becomes a [`Problem`] and broken parts are left out while the rest loads.
pub fn parse_pack(manifest_text: &str, files: &Files, formats: &SceneFormats) -> PackReport {
    parse_pack_with(manifest_text, files, pictures::Pictures::new(), formats)
}

/// [`parse_pack`] for a pack with pictures of its own (checked by `pictures::check_pictures`).
pub fn parse_pack_with(
    manifest_text: &str,
    files: &Files,
    pictures: pictures::Pictures,
    formats: &SceneFormats,
) -> PackReport {
    let mut check = FileCheck::new(MANIFEST, manifest_text);
    let manifest = parse_json(&mut check, manifest_text)
        .and_then(|value| check.decode::<Manifest>(&[], value))
        .filter(|manifest| check_manifest(&mut check, manifest, files));
    let Some(manifest) = manifest else {
        return PackReport {
            pack: None,
            problems: check.problems,
        };
    };

    let mut scenes = Vec::new();
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    for (i, entry) in manifest.scenes.iter().enumerate() {
        let at = [key("scenes"), Step::Index(i), key("scene")];
        let Some(format) = formats.get(&entry.scene) else {
            check.warn(
                &at,
                Localized::new(
                    format!(
                        "此版本还不支持场景「{}」，已跳过（支持：{}）",
                        entry.scene,
                        formats.names().join("、")
                    ),
                    format!(
                        "this version does not know the scene \"{}\"; skipped (known: {})",
                        entry.scene,
                        formats.names().join(", ")
                    ),
                ),
            );
            continue;
        };
        if !seen.insert(format.id()) {
            check.error(
                &at,
                Localized::new(
                    format!("场景「{}」写了两次；每个场景只能出现一次", entry.scene),
                    format!(
                        "the scene \"{}\" is listed twice; each scene may appear once",
                        entry.scene
                    ),
                ),
            );
            continue;
        }
        let parsed = format.parse(SceneInput {
            entry,
            files,
            sources: &manifest.sources,
            pictures: &pictures,
        });
        problems.extend(parsed.problems);
        if let Some(data) = parsed.data {
            scenes.push(PackScene { format, data });
        }
    }
    if scenes.is_empty() {
        check.error(
            &[key("scenes")],
            Localized::new("内容包里没有可以玩的场景", "the pack has no playable scene"),
        );
    }
    let mut all = check.problems;
    all.extend(problems);
    PackReport {
        pack: (!scenes.is_empty()).then_some(Pack {
            manifest,
            scenes,
            pictures,
        }),
        problems: all,
    }
}

fn check_manifest(check: &mut FileCheck<'_>, manifest: &Manifest, files: &Files) -> bool {
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
        let named = entry
            .data
            .iter()
            .map(|path| (vec![key("data")], path))
            .chain(
                entry
                    .levels
                    .iter()
                    .enumerate()
                    .map(|(j, path)| (vec![key("levels"), Step::Index(j)], path)),
            )
            .chain(
                entry
                    .tables
                    .iter()
                    .enumerate()
                    .map(|(j, path)| (vec![key("tables"), Step::Index(j)], path)),
            );
        for (field, path) in named {
            let at = [vec![key("scenes"), Step::Index(i)], field].concat();
            if !is_safe_relative(path) {
                check.error(
                    &at,
                    Localized::new(
                        format!("文件路径「{path}」必须是内容包内的相对路径"),
                        format!("the file path \"{path}\" must be relative and inside the pack"),
                    ),
                );
            } else if !files.contains_key(path) {
                check.error(
                    &at,
                    Localized::new(
                        format!("找不到文件「{path}」"),
                        format!("the file \"{path}\" is missing"),
                    ),
                );
            }
        }
    }
    true
}

/// Reads and checks a pack folder from disk (native tools and tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_pack_dir(dir: &std::path::Path, formats: &SceneFormats) -> PackReport {
    live::parse_files(&live::read_folder(dir), formats)
}
