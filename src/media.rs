//! Art, sound and font handles, loaded once while the loading screen shows progress.

use std::collections::HashMap;

use bevy::prelude::*;
use bevy::text::Font;

use crate::audio::Sfx;
use crate::icons;
use crate::screens::LoadingTracker;

/// The subset Noto Sans SC font; the same bytes feed Bevy text and egui.
pub const FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-GreenActor.otf");

/// Bin artwork is drawn for these shapes; other bin ids reuse them in order.
pub const BIN_SHAPES: [&str; 4] = ["R", "H", "F", "O"];

pub const WORLD_SPRITES: [&str; 5] = ["ground", "conveyor", "sparkle", "leaf", "litter"];

#[derive(Resource, Default, Clone)]
pub struct GameAssets {
    pub font: Handle<Font>,
    pub icons: HashMap<String, Handle<Image>>,
    pub bin_bodies: Vec<Handle<Image>>,
    pub bin_lids: Vec<Handle<Image>>,
    pub world: HashMap<&'static str, Handle<Image>>,
    pub sounds: HashMap<Sfx, Handle<AudioSource>>,
}

impl GameAssets {
    pub fn icon(&self, name: &str) -> Handle<Image> {
        self.icons.get(name).cloned().unwrap_or_default()
    }

    pub fn world(&self, name: &str) -> Handle<Image> {
        self.world.get(name).cloned().unwrap_or_default()
    }

    /// The body and lid for the bin at `index`.
    pub fn bin(&self, index: usize) -> (Handle<Image>, Handle<Image>) {
        let shape = index % BIN_SHAPES.len();
        (
            self.bin_bodies.get(shape).cloned().unwrap_or_default(),
            self.bin_lids.get(shape).cloned().unwrap_or_default(),
        )
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Startup, load);
}

fn load(
    mut commands: Commands,
    server: Res<AssetServer>,
    mut fonts: ResMut<Assets<Font>>,
    mut tracker: ResMut<LoadingTracker>,
) {
    let mut assets = GameAssets {
        font: fonts.add(Font::from_bytes(FONT_BYTES.to_vec())),
        ..default()
    };
    for name in icons::names() {
        let handle: Handle<Image> = server.load(icons::path(name));
        tracker.handles.push(handle.clone().untyped());
        assets.icons.insert(name.clone(), handle);
    }
    for shape in BIN_SHAPES {
        let body: Handle<Image> = server.load(format!("sprites/bins/bin-{shape}-body.png"));
        let lid: Handle<Image> = server.load(format!("sprites/bins/bin-{shape}-lid.png"));
        tracker.handles.push(body.clone().untyped());
        tracker.handles.push(lid.clone().untyped());
        assets.bin_bodies.push(body);
        assets.bin_lids.push(lid);
    }
    for name in WORLD_SPRITES {
        let handle: Handle<Image> = server.load(format!("sprites/world/{name}.png"));
        tracker.handles.push(handle.clone().untyped());
        assets.world.insert(name, handle);
    }
    for sfx in Sfx::ALL {
        let handle: Handle<AudioSource> = server.load(format!("audio/{}.ogg", sfx.file()));
        tracker.handles.push(handle.clone().untyped());
        assets.sounds.insert(sfx, handle);
    }
    commands.insert_resource(assets);
}
