//! The sorting scene's own art: the bins, the belt and the sparkles of a right answer.

use bevy::prelude::*;

use crate::asset_tracking::AssetTracker;

/// Bin artwork is drawn for these shapes; other bin ids reuse them in order.
const BIN_SHAPES: [&str; 4] = ["R", "H", "F", "O"];

/// Loaded once at start-up (default handles where nothing is drawn, as in tests).
#[derive(Resource, Default)]
pub struct SortingArt {
    bin_bodies: Vec<Handle<Image>>,
    bin_lids: Vec<Handle<Image>>,
    pub conveyor: Handle<Image>,
    pub sparkle: Handle<Image>,
    pub leaf: Handle<Image>,
}

impl SortingArt {
    /// The body and lid for the bin at `index`.
    pub fn bin(&self, index: usize) -> (Handle<Image>, Handle<Image>) {
        let shape = index % BIN_SHAPES.len();
        (
            self.bin_bodies.get(shape).cloned().unwrap_or_default(),
            self.bin_lids.get(shape).cloned().unwrap_or_default(),
        )
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SortingArt>()
        .add_systems(Startup, load.run_if(resource_exists::<Assets<Image>>));
}

fn load(mut art: ResMut<SortingArt>, server: Res<AssetServer>, mut tracker: ResMut<AssetTracker>) {
    for shape in BIN_SHAPES {
        let body = tracker.load(&server, format!("sprites/bins/bin-{shape}-body.png"));
        let lid = tracker.load(&server, format!("sprites/bins/bin-{shape}-lid.png"));
        art.bin_bodies.push(body);
        art.bin_lids.push(lid);
    }
    art.conveyor = tracker.load(&server, "sprites/world/conveyor.png".into());
    art.sparkle = tracker.load(&server, "sprites/world/sparkle.png".into());
    art.leaf = tracker.load(&server, "sprites/world/leaf.png".into());
}
