//! The one eco-world every scene shares: its model (land, air, water and the session's sorting
//! mistakes) and the backdrop that shows it behind every screen.

mod backdrop;
mod model;

use bevy::prelude::*;

pub use backdrop::{sky_color, water_color};
pub use model::{EcoChange, EcoWorld, Misplaced, UNKNOWN_WATER, WaterReport};

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<EcoWorld>()
        .add_message::<EcoChange>()
        .add_message::<Misplaced>()
        .add_message::<WaterReport>()
        .add_systems(
            Update,
            model::apply_messages.before(backdrop::BackdropSystems),
        )
        .add_plugins(backdrop::plugin);
}
