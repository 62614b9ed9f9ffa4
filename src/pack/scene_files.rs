//! What every scene's parser does with its files, written once: read a file, decode its JSON,
//! read the level files (shared checks, unique ids, a level kept only if it added no errors) and
//! report problems about a whole file.

use serde::de::DeserializeOwned;

use super::locate::Step;
use super::{FileCheck, Files, Localized, Problem, SceneEntry, Severity, key, parse_json};

/// A level file's shape, as far as the shared checks need it.
pub trait LevelFile: DeserializeOwned {
    fn id(&self) -> &str;
    fn title(&self) -> &Localized;
}

/// A problem about a whole file (missing, unreadable, nothing usable in it).
pub fn file_problem(file: &str, severity: Severity, message: Localized) -> Problem {
    Problem {
        file: file.to_string(),
        path: String::new(),
        line: None,
        column: None,
        severity,
        message,
    }
}

/// The most entries a list in a data file may hold (items, modes, places, facts): far more than
/// a round can use (the default pack has 115 items), few enough to check at once.
pub const MAX_LIST_ENTRIES: usize = 5000;

/// Why a file's bytes are not text: not UTF-8 (a spreadsheet saved as GBK, a picture).
pub const NOT_UTF8: &str = "not UTF-8 text";

/// A pack file larger than this is refused before it is read as JSON (a pack's largest file, the
/// default sorting items, is 70 KB; twenty thousand items are 10 MB).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// The problem for a file over [`MAX_FILE_BYTES`], if it is.
pub fn too_large(path: &str, bytes: usize) -> Option<Problem> {
    let megabytes = |bytes: usize| format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
    (bytes > MAX_FILE_BYTES).then(|| {
        file_problem(
            path,
            Severity::Error,
            Localized::new(
                format!(
                    "文件太大（{} MB），内容包里的文件最大 {} MB",
                    megabytes(bytes),
                    megabytes(MAX_FILE_BYTES)
                ),
                format!(
                    "the file is too large ({} MB); a pack file may be at most {} MB",
                    megabytes(bytes),
                    megabytes(MAX_FILE_BYTES)
                ),
            ),
        )
    })
}

/// The text of a file the manifest names, or (unless it is missing, which the manifest check
/// reports where it is named) a problem saying why there is none.
pub fn file_text<'f>(files: &'f Files, path: &str, problems: &mut Vec<Problem>) -> Option<&'f str> {
    match files.get(path) {
        Some(Ok(text)) if text.len() > MAX_FILE_BYTES => {
            problems.extend(too_large(path, text.len()));
            None
        }
        Some(Ok(text)) => Some(text),
        Some(Err(reason)) if reason == NOT_UTF8 => {
            problems.push(file_problem(
                path,
                Severity::Error,
                Localized::new(
                    "文件不是 UTF-8 编码。表格请在 Excel 或 WPS 里另存为“CSV UTF-8”（普通的“CSV”是 GBK 编码）。",
                    "the file is not UTF-8 text; save a spreadsheet from Excel or WPS as \"CSV UTF-8\" (plain \"CSV\" is GBK)",
                ),
            ));
            None
        }
        Some(Err(reason)) => {
            problems.push(file_problem(
                path,
                Severity::Error,
                Localized::new(
                    format!("无法读取文件：{reason}"),
                    format!("cannot read the file: {reason}"),
                ),
            ));
            None
        }
        // A missing file is reported in pack.json, where it is named.
        None => None,
    }
}

/// Reads the scene's `data` file and decodes it as `T`, then lets `check` turn it into the
/// scene's checked data with the same `FileCheck` (so its problems carry lines).
pub fn read_data_file<T: DeserializeOwned, D>(
    entry: &SceneEntry,
    files: &Files,
    problems: &mut Vec<Problem>,
    check: impl FnOnce(&mut FileCheck<'_>, T) -> D,
) -> Option<(String, D)> {
    let Some(path) = &entry.data else {
        problems.push(file_problem(
            super::MANIFEST,
            Severity::Error,
            Localized::new(
                format!("场景「{}」需要 data 文件", entry.scene),
                format!("the scene \"{}\" needs a data file", entry.scene),
            ),
        ));
        return None;
    };
    let text = file_text(files, path, problems)?;
    let mut file = FileCheck::new(path, text);
    let data = parse_json(&mut file, text)
        .and_then(|value| file.decode::<T>(&[], value))
        .map(|raw| check(&mut file, raw));
    problems.append(&mut file.problems);
    data.map(|data| (path.clone(), data))
}

/// Reads every level file: decodes it, checks its id and title, runs the scene's own `check`,
/// rejects an id used before, and keeps the level only if it added no errors.
pub fn read_levels<L: LevelFile>(
    entry: &SceneEntry,
    files: &Files,
    problems: &mut Vec<Problem>,
    check: impl FnMut(&mut FileCheck<'_>, &L),
) -> Vec<L> {
    read_levels_with(entry, files, problems, |_, _| {}, check)
}

/// [`read_levels`], with `extend` adding to each level file's JSON before it is decoded (rows of
/// a table that belong to it).
pub fn read_levels_with<L: LevelFile>(
    entry: &SceneEntry,
    files: &Files,
    problems: &mut Vec<Problem>,
    mut extend: impl FnMut(&str, &mut serde_json::Value),
    mut check: impl FnMut(&mut FileCheck<'_>, &L),
) -> Vec<L> {
    let mut levels: Vec<L> = Vec::new();
    for path in &entry.levels {
        let Some(text) = file_text(files, path, problems) else {
            continue;
        };
        let mut file = FileCheck::new(path, text);
        let level = parse_json(&mut file, text).and_then(|mut value| {
            extend(path, &mut value);
            file.decode::<L>(&[], value)
        });
        if let Some(level) = level {
            let before = file.error_count();
            if level.id().trim().is_empty() {
                file.error(
                    &[key("id")],
                    Localized::new("id 不能为空", "the id is empty"),
                );
            } else if levels.iter().any(|other| other.id() == level.id()) {
                file.error(
                    &[key("id")],
                    Localized::new(
                        format!("关卡 id「{}」重复了", level.id()),
                        format!("level id \"{}\" is used twice", level.id()),
                    ),
                );
            }
            file.localized(&[key("title")], level.title());
            check(&mut file, &level);
            if file.error_count() == before {
                levels.push(level);
            }
        }
        problems.append(&mut file.problems);
    }
    levels
}

/// `path` with one more key, for the fields of a list entry.
pub fn with(path: &[Step], name: &str) -> Vec<Step> {
    let mut at = path.to_vec();
    at.push(key(name));
    at
}

/// Decodes each entry of a list in a data file, reporting the broken ones and keeping the rest
/// with their paths (for the scene's own checks).
pub fn decode_entries<T: DeserializeOwned>(
    file: &mut FileCheck<'_>,
    list: &str,
    values: Vec<serde_json::Value>,
) -> Vec<(Vec<Step>, T)> {
    if values.len() > MAX_LIST_ENTRIES {
        file.error(
            &[key(list)],
            Localized::new(
                format!(
                    "{list} 里有 {} 项，最多 {MAX_LIST_ENTRIES} 项；后面的没有读",
                    values.len()
                ),
                format!(
                    "{list} has {} entries; at most {MAX_LIST_ENTRIES}, the rest were not read",
                    values.len()
                ),
            ),
        );
    }
    values
        .into_iter()
        .take(MAX_LIST_ENTRIES)
        .enumerate()
        .filter_map(|(i, value)| {
            let path = vec![key(list), Step::Index(i)];
            file.decode::<T>(&path, value)
                .map(|decoded| (path, decoded))
        })
        .collect()
}

/// The ids a list in a data file was written with, broken entries too, so that a reference to
/// one left out for its own errors can say so.
pub fn ids_written(values: &[serde_json::Value]) -> Vec<String> {
    values
        .iter()
        .filter_map(|value| Some(value.get("id")?.as_str()?.to_string()))
        .collect()
}

/// A true statement a scene shows with its sources ("in the real world…").
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub text: Localized,
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
}

/// The problem for a level naming a fact its scene does not have, with the nearest ones.
pub fn unknown_fact(fact: &str, facts: &[Fact]) -> Localized {
    let known: Vec<&str> = facts.iter().map(|f| f.id.as_str()).collect();
    let message = Localized::new(
        format!("找不到事实「{fact}」"),
        format!("there is no fact with id \"{fact}\""),
    );
    super::with_suggestion(message, fact, &known)
}

/// Checks a data file's `facts`: both languages, listed sources, unique ids.
pub fn read_facts(
    file: &mut FileCheck<'_>,
    values: Vec<serde_json::Value>,
    sources: &std::collections::BTreeMap<String, super::Source>,
) -> Vec<Fact> {
    let facts = decode_entries::<Fact>(file, "facts", values);
    for (path, fact) in &facts {
        file.localized(&with(path, "text"), &fact.text);
        file.sources(path, &fact.source, sources);
    }
    file.unique_ids(
        facts
            .iter()
            .map(|(path, fact)| (path.as_slice(), fact.id.as_str())),
    );
    facts.into_iter().map(|(_, fact)| fact).collect()
}

/// What the scene select shows of a scene's levels.
pub fn summaries<L: LevelFile>(levels: &[L]) -> Vec<super::LevelSummary> {
    levels
        .iter()
        .map(|level| super::LevelSummary {
            id: level.id().to_string(),
            title: level.title().clone(),
        })
        .collect()
}

/// A scene's whole parse: its data file through `check_data`, then its level files through
/// `check_level`; with no usable level the scene is left out, saying so in both languages.
pub fn parse_scene<Raw, Data, L>(
    input: super::SceneInput<'_>,
    check_data: impl FnOnce(&mut FileCheck<'_>, Raw) -> Data,
    extend_level: impl FnMut(&str, &mut serde_json::Value),
    check_level: impl FnMut(&mut FileCheck<'_>, &L, &Data),
    attach: impl FnOnce(&mut Data, Vec<L>),
    no_level: Localized,
) -> super::Parsed
where
    Raw: DeserializeOwned,
    Data: super::SceneData,
    L: LevelFile,
{
    let mut check_level = check_level;
    let mut problems = Vec::new();
    let Some((data_path, mut data)) =
        read_data_file(input.entry, input.files, &mut problems, check_data)
    else {
        return super::Parsed {
            data: None,
            problems,
        };
    };
    let levels = read_levels_with(
        input.entry,
        input.files,
        &mut problems,
        extend_level,
        |file, level| check_level(file, level, &data),
    );
    if levels.is_empty() {
        problems.push(file_problem(&data_path, Severity::Error, no_level));
        return super::Parsed {
            data: None,
            problems,
        };
    }
    attach(&mut data, levels);
    super::Parsed {
        data: Some(std::sync::Arc::new(data)),
        problems,
    }
}
