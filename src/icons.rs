//! The built-in icon library (rasterized Fluent Emoji and drawings in the same style), listed in
//! `assets/sprites/icons/index.json`, and its handles; the running pack's own pictures join it
//! under their paths.

use std::collections::HashMap;
use std::sync::OnceLock;

use bevy::asset::RenderAssetUsages;
use bevy::image::{CompressedImageFormats, ImageSampler, ImageType};
use bevy::prelude::*;

use crate::asset_tracking::AssetTracker;
use crate::pack::live::{ActivePack, PackSwitched};
use crate::pack::pictures::is_picture;

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

/// Every icon's image, loaded once at start-up (empty where nothing is drawn, as in tests).
#[derive(Resource, Default)]
pub struct Icons(HashMap<String, Handle<Image>>);

impl Icons {
    /// The icon's image; a name the library lacks (checking rules that out) draws nothing.
    pub fn get(&self, name: &str) -> Handle<Image> {
        self.0.get(name).cloned().unwrap_or_default()
    }

    pub fn handle(&self, name: &str) -> Option<&Handle<Image>> {
        self.0.get(name)
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Icons>()
        .add_systems(Startup, load.run_if(resource_exists::<Assets<Image>>))
        .add_systems(
            Update,
            add_pack_pictures.run_if(resource_exists::<Assets<Image>>),
        );
}

/// A pack's own pictures join the icons under their paths when the pack starts running, and
/// leave with it.
fn add_pack_pictures(
    mut switched: MessageReader<PackSwitched>,
    pack: Option<Res<ActivePack>>,
    mut icons: ResMut<Icons>,
    mut images: ResMut<Assets<Image>>,
) {
    if switched.read().count() == 0 {
        return;
    }
    let Some(pack) = pack else {
        return;
    };
    icons.0.retain(|name, _| !is_picture(name));
    for (name, bytes) in &pack.0.pictures {
        let decoded = Image::from_buffer(
            bytes,
            ImageType::Extension("png"),
            CompressedImageFormats::NONE,
            true,
            ImageSampler::Default,
            RenderAssetUsages::default(),
        );
        match decoded {
            Ok(image) => {
                icons.0.insert(name.clone(), images.add(image));
            }
            Err(err) => warn!("{name}: {err}"),
        }
    }
}

fn load(mut icons: ResMut<Icons>, server: Res<AssetServer>, mut tracker: ResMut<AssetTracker>) {
    for name in names() {
        let handle = tracker.load(&server, path(name));
        icons.0.insert(name.clone(), handle);
    }
}
