//! Packs load at any time: from a folder (an asset path, a URL path on the web) or from files in
//! memory (an upload, a folder read from disk). The running exhibit switches to the new pack with
//! its report; when nothing in it is playable, the built-in pack stands in and nothing is lost.

use std::collections::BTreeMap;
use std::sync::Arc;

use bevy::asset::LoadState;
use bevy::prelude::*;

use super::loader::PackFiles;
use super::pictures::{check_pictures, is_picture};
use super::{
    Files, Localized, MANIFEST, Pack, PackReport, Problem, SceneFormats, parse_pack,
    parse_pack_with,
};
use crate::options::{LaunchOptions, StartPack};

/// The pack that ships with the exhibit, under `assets/`.
pub const BUILTIN_PACK: &str = "packs/default";

/// Where a pack comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum PackSource {
    /// A folder under the asset root, e.g. `packs/default`.
    Folder(String),
    /// Files in memory, name → bytes, `pack.json` among them; `label` names them for people.
    Files {
        label: String,
        files: BTreeMap<String, Vec<u8>>,
    },
}

impl PackSource {
    pub fn label(&self) -> &str {
        match self {
            PackSource::Folder(folder) => folder,
            PackSource::Files { label, .. } => label,
        }
    }

    pub fn is_builtin(&self) -> bool {
        *self == PackSource::Folder(BUILTIN_PACK.to_string())
    }
}

/// Load a pack, check it and switch the running exhibit to it.
#[derive(Message, Clone, Debug)]
pub struct LoadPack(pub PackSource);

/// The scene formats this build registered; scenes add theirs with `SceneRegistry::register`.
#[derive(Resource, Clone, Debug, Default, Deref, DerefMut)]
pub struct SceneRegistry(pub SceneFormats);

/// The checked pack the exhibit is running.
#[derive(Resource, Clone, Debug)]
pub struct ActivePack(pub Arc<Pack>);

/// What the latest pack load said: which pack runs, every problem found, and whether the
/// built-in pack stood in for one that had nothing playable.
#[derive(Resource, Clone, Debug, Default)]
pub struct PackStatus {
    pub label: String,
    pub problems: Vec<Problem>,
    /// The pack asked for, when the built-in pack stands in for it.
    pub rejected: Option<String>,
}

/// Sent when the running exhibit switched to another pack.
#[derive(Message, Clone, Debug)]
pub struct PackSwitched;

/// A folder being read, and the problems of a rejected pack waiting for the built-in one.
#[derive(Resource, Default)]
struct Pending {
    folder: Option<(PackSource, Handle<PackFiles>)>,
    rejected: Option<(String, Vec<Problem>)>,
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<SceneRegistry>()
        .init_resource::<PackStatus>()
        .init_resource::<Pending>()
        .add_message::<LoadPack>()
        .add_message::<PackSwitched>()
        .add_systems(Startup, load_start_pack)
        .add_systems(PreUpdate, (start_loads, finish_folder_load).chain());
}

fn load_start_pack(options: Res<LaunchOptions>, mut load: MessageWriter<LoadPack>) {
    load.write(LoadPack(start_source(&options.pack)));
}

/// Where the start pack comes from.
pub fn start_source(pack: &StartPack) -> PackSource {
    match pack {
        StartPack::Builtin => PackSource::Folder(BUILTIN_PACK.to_string()),
        StartPack::Named(name) => PackSource::Folder(format!("packs/{name}")),
        StartPack::Path(path) => PackSource::Files {
            label: path.display().to_string(),
            files: read_path(path),
        },
    }
}

/// A pack folder on disk as files in memory: `pack.json` and every file it names that could be
/// read (what is missing is reported when the pack is checked).
#[cfg(not(target_arch = "wasm32"))]
pub fn read_folder(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(manifest) = std::fs::read(dir.join(MANIFEST)) else {
        return BTreeMap::new();
    };
    let named = super::files_named_in(&String::from_utf8_lossy(&manifest));
    let mut files: BTreeMap<String, Vec<u8>> = named
        .into_iter()
        .chain(pictures_in(dir))
        .filter_map(|name| Some((name.clone(), std::fs::read(dir.join(&name)).ok()?)))
        .collect();
    files.insert(MANIFEST.to_string(), manifest);
    files
}

/// A pack on disk: a folder, or one file (a `.zip`, or a manifest) read as an upload is.
#[cfg(not(target_arch = "wasm32"))]
fn read_path(path: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    if path.is_dir() {
        return read_folder(path);
    }
    let name = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    std::fs::read(path)
        .ok()
        .and_then(|bytes| super::upload::pack_files(vec![(name, bytes)]).ok())
        .unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn read_path(_path: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    BTreeMap::new()
}

/// The pictures anywhere in a pack folder, as paths inside it (at most a zip's worth of files).
#[cfg(not(target_arch = "wasm32"))]
fn pictures_in(dir: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if found.len() >= super::archive::MAX_ENTRIES {
                return found;
            }
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(inside) = path.strip_prefix(dir)
                && let Some(name) = inside.to_str().filter(|name| is_picture(name))
            {
                found.push(name.replace('\\', "/"));
            }
        }
    }
    found
}

/// The web has no disk to read; a path there names nothing.
#[cfg(target_arch = "wasm32")]
pub fn read_folder(_dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    BTreeMap::new()
}

/// Text from bytes: UTF-8, with a byte-order mark (as Windows editors write it) dropped.
pub fn utf8_text(bytes: Vec<u8>) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|_| super::NOT_UTF8.to_string())?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// Checks files held in memory as a pack.
pub fn parse_files(files: &BTreeMap<String, Vec<u8>>, formats: &SceneFormats) -> PackReport {
    let Some(manifest) = files.get(MANIFEST) else {
        return PackReport::unreadable(
            MANIFEST,
            Localized::new(
                "找不到或无法读取 pack.json",
                "pack.json is missing or cannot be read",
            ),
        );
    };
    if let Some(problem) = super::too_large(MANIFEST, manifest.len()) {
        return PackReport {
            pack: None,
            problems: vec![problem],
        };
    }
    let manifest_text = match utf8_text(manifest.clone()) {
        Ok(text) => text,
        Err(reason) => {
            return PackReport::unreadable(
                MANIFEST,
                Localized::new(
                    format!("无法读取：{reason}"),
                    format!("cannot read: {reason}"),
                ),
            );
        }
    };
    let (pictures, refused) = check_pictures(files);
    let texts: Files = files
        .iter()
        .filter(|(name, _)| name.as_str() != MANIFEST && !is_picture(name))
        .map(|(name, bytes)| (name.clone(), utf8_text(bytes.clone())))
        .collect();
    let mut report = parse_pack_with(&manifest_text, &texts, pictures, formats);
    report.problems.splice(0..0, refused);
    report
}

fn start_loads(
    mut requests: MessageReader<LoadPack>,
    mut pending: ResMut<Pending>,
    server: Res<AssetServer>,
    registry: Res<SceneRegistry>,
    mut switch: Switch,
) {
    for LoadPack(source) in requests.read() {
        match source {
            PackSource::Folder(folder) => start_folder(&mut pending, &server, folder),
            PackSource::Files { files, .. } => {
                // The latest request wins: a folder still loading is not switched to afterwards.
                pending.folder = None;
                let report = parse_files(files, &registry);
                if switch.apply(source, report, &mut pending) {
                    start_folder(&mut pending, &server, BUILTIN_PACK);
                }
            }
        }
    }
}

fn start_folder(pending: &mut Pending, server: &AssetServer, folder: &str) {
    let handle = server.load(format!("{folder}/{MANIFEST}"));
    pending.folder = Some((PackSource::Folder(folder.to_string()), handle));
}

fn finish_folder_load(
    mut pending: ResMut<Pending>,
    server: Res<AssetServer>,
    mut loaded: ResMut<Assets<PackFiles>>,
    registry: Res<SceneRegistry>,
    mut switch: Switch,
) {
    let Some((source, handle)) = pending.folder.clone() else {
        return;
    };
    let report = if let Some(read) = loaded.remove(&handle) {
        parse_pack(&read.manifest_text, &read.files, &registry)
    } else if let LoadState::Failed(err) = server.load_state(&handle) {
        PackReport::unreadable(
            MANIFEST,
            Localized::new(
                format!("无法读取内容包：{err}"),
                format!("cannot read the pack: {err}"),
            ),
        )
    } else {
        return;
    };
    pending.folder = None;
    if switch.apply(&source, report, &mut pending) {
        start_folder(&mut pending, &server, BUILTIN_PACK);
    }
}

/// What switching packs writes.
#[derive(bevy::ecs::system::SystemParam)]
struct Switch<'w, 's> {
    commands: Commands<'w, 's>,
    status: ResMut<'w, PackStatus>,
    switched: MessageWriter<'w, PackSwitched>,
}

impl Switch<'_, '_> {
    /// Switches to the pack, or keeps its problems and answers true when the built-in pack must
    /// be loaded in its place.
    fn apply(&mut self, source: &PackSource, report: PackReport, pending: &mut Pending) -> bool {
        let (shown, more) = super::listed(&report.problems);
        for problem in shown {
            warn!("{}: {}", source.label(), problem.describe(super::Lang::En));
        }
        if let Some(more) = more {
            warn!("{}: {}", source.label(), more.en);
        }
        if report.pack.is_none() && !source.is_builtin() {
            pending.rejected = Some((source.label().to_string(), report.problems));
            return true;
        }
        let (rejected, mut problems) = pending
            .rejected
            .take()
            .map_or((None, Vec::new()), |(label, problems)| {
                (Some(label), problems)
            });
        problems.extend(report.problems);
        *self.status = PackStatus {
            label: source.label().to_string(),
            problems,
            rejected,
        };
        // When even the built-in pack is unusable, whatever runs now keeps running.
        if let Some(pack) = report.pack {
            self.commands.insert_resource(ActivePack(Arc::new(pack)));
            self.switched.write(PackSwitched);
        }
        false
    }
}
