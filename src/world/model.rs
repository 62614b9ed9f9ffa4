//! The eco-world's model: the land (how clean the scenes have left it), the air (the last travel
//! week's haze), the water (the river's stretches at class Ⅲ or better) and the session's sorting
//! mistakes, which the river shows as sources of its own. Pure: messages in, state out.

use bevy::prelude::*;

/// Shared by all scenes.
#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub struct EcoWorld {
    /// The land: 0 = polluted, 1 = thriving.
    pub cleanliness: f32,
    /// The air after the travel week so far: 0 = clear, 1 = as hazy as an all-car week.
    pub haze: f32,
    /// The water: the share of the last river round's stretches at class Ⅲ or better, 0 to 1;
    /// None before the river is played.
    pub water: Option<f32>,
    /// Items the session put in the wrong bin that belonged in the hazardous one (batteries,
    /// medicines), and all other items put in the wrong bin.
    pub misplaced_hazardous: u32,
    pub misplaced_other: u32,
}

impl Default for EcoWorld {
    fn default() -> Self {
        EcoWorld {
            cleanliness: 0.45,
            haze: 0.0,
            water: None,
            misplaced_hazardous: 0,
            misplaced_other: 0,
        }
    }
}

/// A scene's effect on the world: a change of cleanliness, which stays within 0 to 1.
#[derive(Message, Clone, Copy, Debug)]
pub struct EcoChange(pub f32);

/// An item put in the wrong bin; `hazardous` when it belonged in the hazardous bin.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct Misplaced {
    pub hazardous: bool,
}

/// A river round's state of the water: the share of its stretches at class Ⅲ or better.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub struct WaterReport(pub f32);

/// What the water looks like in the other scenes' backdrops when nobody has played the river.
pub const UNKNOWN_WATER: f32 = 0.5;

impl EcoWorld {
    pub fn change(&mut self, delta: f32) {
        self.cleanliness = (self.cleanliness + delta).clamp(0.0, 1.0);
    }

    pub fn misplaced(&mut self, item: Misplaced) {
        if item.hazardous {
            self.misplaced_hazardous += 1;
        } else {
            self.misplaced_other += 1;
        }
    }

    pub fn report_water(&mut self, WaterReport(share): WaterReport) {
        self.water = Some(share.clamp(0.0, 1.0));
    }

    /// The water as the backdrops show it: 0 = murky, 1 = clear.
    pub fn water_shown(&self) -> f32 {
        self.water.unwrap_or(UNKNOWN_WATER)
    }
}

pub(super) fn apply_messages(
    mut changes: MessageReader<EcoChange>,
    mut misplaced: MessageReader<Misplaced>,
    mut water: MessageReader<WaterReport>,
    mut world: ResMut<EcoWorld>,
) {
    for EcoChange(delta) in changes.read() {
        world.change(*delta);
    }
    for item in misplaced.read() {
        world.misplaced(*item);
    }
    for report in water.read() {
        world.report_water(*report);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleanliness_stays_between_zero_and_one() {
        let mut world = EcoWorld::default();
        world.change(5.0);
        assert_eq!(world.cleanliness, 1.0);
        world.change(-5.0);
        assert_eq!(world.cleanliness, 0.0);
    }

    #[test]
    fn sorting_mistakes_are_counted_by_kind() {
        let mut world = EcoWorld::default();
        world.misplaced(Misplaced { hazardous: true });
        world.misplaced(Misplaced { hazardous: false });
        world.misplaced(Misplaced { hazardous: false });
        assert_eq!((world.misplaced_hazardous, world.misplaced_other), (1, 2));
    }

    #[test]
    fn the_water_is_unknown_until_a_river_round_reports_it() {
        let mut world = EcoWorld::default();
        assert_eq!(world.water, None);
        assert_eq!(world.water_shown(), UNKNOWN_WATER);
        world.report_water(WaterReport(0.75));
        assert_eq!(world.water, Some(0.75));
        assert_eq!(world.water_shown(), 0.75);
    }
}
