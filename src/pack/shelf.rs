//! The pack manager's model: a pack someone opens (a file, a drop, a link) is checked and
//! previewed before it is used; packs in use are kept by the host (the browser's IndexedDB,
//! through the page's `packs.js`) and come back after a reload. The built-in pack is never
//! replaced, only stood in front of.

use std::collections::BTreeMap;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::PackReport;
use super::live::{BUILTIN_PACK, LoadPack, PackSource, SceneRegistry, parse_files};
use super::text::Localized;
use super::upload::pack_files;
use crate::platform;

/// Where an opened pack came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Chosen in the file picker or dropped on the page: previewed first.
    Picked,
    /// A `?pack=URL` link: previewed first.
    Link,
    /// Kept by the host from an earlier visit: used at once.
    Kept,
}

/// A pack handed to the exhibit: its files as they were picked (a `.zip`, or `pack.json` with
/// the files it names).
#[derive(Message, Clone, Debug)]
pub struct OpenPack {
    pub label: String,
    pub origin: Origin,
    pub files: Vec<(String, Vec<u8>)>,
}

/// A pack the host keeps, as the manager lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptPack {
    pub id: String,
    pub label: String,
    pub title: Localized,
    pub version: String,
}

/// The packs the host keeps, the one in use (None: the built-in pack) and the latest notice
/// from the store (full, reset, a link that could not be read).
#[derive(Resource, Clone, Debug, Default)]
pub struct Shelf {
    pub kept: Vec<KeptPack>,
    pub active: Option<String>,
    pub notice: Option<Localized>,
}

/// A pack opened and checked but not yet used.
#[derive(Clone, Debug)]
pub struct Opened {
    pub label: String,
    pub files: BTreeMap<String, Vec<u8>>,
    pub report: PackReport,
}

impl Opened {
    /// The name the host keeps it under: the same pack and version replace each other.
    pub fn id(&self) -> String {
        self.report.pack.as_ref().map_or_else(
            || self.label.clone(),
            |pack| format!("{}@{}", pack.manifest.id, pack.manifest.version),
        )
    }
}

/// The pack being looked at in the manager, if any.
#[derive(Resource, Clone, Debug, Default)]
pub struct Preview(pub Option<Opened>);

/// What the manager's buttons ask for.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum ShelfRequest {
    /// Open the host's file picker.
    Pick,
    /// Use the previewed pack and keep it.
    UseOpened,
    /// Close the preview without using it.
    Discard,
    UseKept(String),
    Remove(String),
    UseBuiltin,
}

/// What the host reports back.
#[derive(Clone, Debug)]
pub enum HostMessage {
    Open(OpenPack),
    Kept {
        packs: Vec<KeptPack>,
        active: Option<String>,
    },
    Notice(Localized),
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Shelf>()
        .init_resource::<Preview>()
        .add_message::<OpenPack>()
        .add_message::<ShelfRequest>()
        .add_systems(PreUpdate, (read_host, open, requests).chain());
}

fn read_host(mut opened: MessageWriter<OpenPack>, mut shelf: ResMut<Shelf>) {
    for message in platform::take_host_messages() {
        match message {
            HostMessage::Open(pack) => {
                opened.write(pack);
            }
            HostMessage::Kept { packs, active } => {
                shelf.kept = packs;
                shelf.active = active;
            }
            HostMessage::Notice(notice) => {
                warn!("{}", notice.en);
                shelf.notice = Some(notice);
            }
        }
    }
}

fn open(
    mut opened: MessageReader<OpenPack>,
    registry: Res<SceneRegistry>,
    mut preview: ResMut<Preview>,
    mut load: MessageWriter<LoadPack>,
) {
    for pack in opened.read() {
        let files = pack_files(pack.files.clone());
        if pack.origin == Origin::Kept {
            let files = files.unwrap_or_default();
            load.write(LoadPack(PackSource::Files {
                label: pack.label.clone(),
                files,
            }));
            continue;
        }
        let report = match &files {
            Ok(files) => parse_files(files, &registry),
            Err(why) => PackReport::unreadable(&pack.label, why.clone()),
        };
        preview.0 = Some(Opened {
            label: pack.label.clone(),
            files: files.unwrap_or_default(),
            report,
        });
    }
}

fn requests(
    mut asked: MessageReader<ShelfRequest>,
    mut preview: ResMut<Preview>,
    mut shelf: ResMut<Shelf>,
    mut load: MessageWriter<LoadPack>,
) {
    for request in asked.read() {
        match request {
            ShelfRequest::Pick => platform::pick_pack_files(),
            ShelfRequest::Discard => preview.0 = None,
            ShelfRequest::UseOpened => {
                let Some(opened) = preview.0.take() else {
                    continue;
                };
                let Some(pack) = &opened.report.pack else {
                    preview.0 = Some(opened);
                    continue;
                };
                let kept = KeptPack {
                    id: opened.id(),
                    label: opened.label.clone(),
                    title: pack.manifest.title.clone(),
                    version: pack.manifest.version.clone(),
                };
                platform::keep_pack(&kept, &opened.files);
                shelf.active = Some(kept.id.clone());
                shelf.kept.retain(|other| other.id != kept.id);
                shelf.kept.push(kept);
                load.write(LoadPack(PackSource::Files {
                    label: opened.label,
                    files: opened.files,
                }));
            }
            ShelfRequest::UseKept(id) => platform::use_kept_pack(id),
            ShelfRequest::Remove(id) => {
                platform::remove_kept_pack(id);
                shelf.kept.retain(|kept| &kept.id != id);
                if shelf.active.as_ref() == Some(id) {
                    shelf.active = None;
                    load.write(LoadPack(PackSource::Folder(BUILTIN_PACK.to_string())));
                }
            }
            ShelfRequest::UseBuiltin => {
                platform::use_kept_pack("");
                shelf.active = None;
                load.write(LoadPack(PackSource::Folder(BUILTIN_PACK.to_string())));
            }
        }
    }
}
