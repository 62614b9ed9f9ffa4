//! The built-in icon library (rasterized Fluent Emoji and drawings in the same style), listed in
//! `assets/sprites/icons/index.json`, and its handles.

use std::collections::HashMap;
use std::sync::OnceLock;

use bevy::prelude::*;

use crate::asset_tracking::AssetTracker;

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
        .add_systems(Startup, load.run_if(resource_exists::<Assets<Image>>));
}

fn load(mut icons: ResMut<Icons>, server: Res<AssetServer>, mut tracker: ResMut<AssetTracker>) {
    for name in names() {
        let handle = tracker.load(&server, path(name));
        icons.0.insert(name.clone(), handle);
    }
}
