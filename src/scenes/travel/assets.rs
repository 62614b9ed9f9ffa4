//! The travel scene's own art: the city map.

use bevy::prelude::*;

use crate::asset_tracking::AssetTracker;

/// Loaded once at start-up (default handles where nothing is drawn, as in tests).
#[derive(Resource, Default)]
pub struct TravelArt {
    pub map: Handle<Image>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TravelArt>()
        .add_systems(Startup, load.run_if(resource_exists::<Assets<Image>>));
}

fn load(mut art: ResMut<TravelArt>, server: Res<AssetServer>, mut tracker: ResMut<AssetTracker>) {
    art.map = tracker.load(&server, "sprites/world/city-map.png".into());
}
