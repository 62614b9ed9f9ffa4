//! Low-carbon travel (绿色出行) through a mountain city: its pack format, checks and pure rules.
//! The scene's view, input and round are still to come; until they are, it is not registered in
//! `scenes::all()` and no pack lists it.

mod check;
pub mod format;
pub mod rules;

use crate::pack::{Parsed, SceneFormat, SceneId, SceneInput};

pub const SCENE_ID: SceneId = SceneId("travel");

/// The travel scene's pack format.
pub struct TravelFormat;

impl SceneFormat for TravelFormat {
    fn id(&self) -> SceneId {
        SCENE_ID
    }

    fn card_icons(&self) -> &'static [&'static str] {
        &["bicycle", "metro", "bus"]
    }

    fn parse(&self, input: SceneInput<'_>) -> Parsed {
        check::parse(input)
    }
}
