//! Low-carbon travel (绿色出行): a week of real trips through a mountain city. Each trip offers
//! ways to go; the player picks one, watches it on the city map and sees what it cost in CO₂,
//! minutes and yuan, while the city's sky and the shared eco-world answer the week's emissions.

mod assets;
mod autoplay;
mod cards;
mod check;
pub mod format;
mod hud;
mod input;
pub mod layout;
mod map;
mod outcome;
pub mod questions;
pub mod rules;
pub mod table;
mod test_state;
pub mod words;

use std::sync::Arc;

use bevy::prelude::*;

use self::format::{Level, TravelData, Trip};
pub use self::input::key_for_choice;
use self::rules::{Fit, Week, WeekSummary};
use super::{PlayRequest, Scene};
use crate::audio::{PlaySound, Sfx};
use crate::pack::live::ActivePack;
use crate::pack::{Parsed, SceneFormat, SceneId, SceneInput};
use crate::screens::{Navigate, Screen};
use crate::world::{EcoChange, EcoWorld};

pub const SCENE_ID: SceneId = SceneId("travel");
pub const SCREEN: Screen = Screen::Playing(SCENE_ID);

/// How long the finished week lingers before the results screen, in seconds.
const FINISH_DELAY: f32 = 1.2;
/// How much one trip moves the shared world: a trip at half of driving alone leaves it as it was,
/// one with no CO₂ cleans it by this much, one as heavy as driving alone dirties it by as much.
const ECO_PER_TRIP: f32 = 0.04;

/// The travel scene's pack format.
pub struct TravelFormat;

impl SceneFormat for TravelFormat {
    fn id(&self) -> SceneId {
        SCENE_ID
    }

    fn card_icons(&self) -> &'static [&'static str] {
        &["bicycle", "monorail", "bus"]
    }

    fn parse(&self, input: SceneInput<'_>) -> Parsed {
        check::parse(input)
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn schemas(&self) -> Vec<(&'static str, schemars::Schema)> {
        use crate::pack::schema::schema_of;
        vec![
            (
                "travel-data",
                schema_of::<format::DataFile>(
                    "绿色出行的数据文件：出行方式、地点和事实 / Low-carbon travel data file: modes, places and facts",
                ),
            ),
            (
                "travel-level",
                schema_of::<format::Level>(
                    "绿色出行的关卡文件：一周的出行 / A low-carbon travel level file: a week of trips",
                ),
            ),
        ]
    }
}

/// What registers the scene with the exhibit (see `scenes::all`).
pub fn scene() -> Scene {
    Scene {
        format: &TravelFormat,
        plugin,
        autoplayer: autoplay::plugin,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Intro,
    /// The trip's ways to go are on offer.
    Choosing,
    /// The chosen way is animating along the route.
    Travelling,
    /// The trip is made; its card shows what it cost.
    Arrived,
    Finished,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Intro => "intro",
            Phase::Choosing => "choosing",
            Phase::Travelling => "travelling",
            Phase::Arrived => "arrived",
            Phase::Finished => "finished",
        }
    }
}

/// The trip under way: the chosen way and how far along the route it is (0 to 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Journey {
    pub choice: usize,
    pub progress: f32,
    pub seconds: f32,
}

/// The week being played.
#[derive(Resource)]
pub struct Travel {
    pub data: Arc<TravelData>,
    pub level_index: usize,
    /// The trip on offer (or just made), by index.
    pub trip: usize,
    pub week: Week,
    pub phase: Phase,
    pub journey: Option<Journey>,
    /// A choice tapped that cannot be taken: its card says why.
    pub notice: Option<usize>,
    /// "Leave this round?" is on screen; the week waits.
    pub asking_to_leave: bool,
    pub leaving: Timer,
}

impl Travel {
    pub fn level(&self) -> &Level {
        &self.data.levels[self.level_index]
    }

    pub fn trips(&self) -> &[Trip] {
        &self.level().trips
    }

    pub fn current_trip(&self) -> Option<&Trip> {
        self.trips().get(self.trip)
    }

    /// The week so far: the trips made, beside driving them alone and the lowest-carbon way.
    pub fn summary(&self) -> WeekSummary {
        rules::summarize(&self.data, self.trips(), &self.week)
    }

    /// Driving every trip of the week alone: the CO₂ meter's full scale.
    pub fn all_car_week_grams(&self) -> f32 {
        self.trips()
            .iter()
            .filter_map(|trip| rules::all_car_cost(&self.data, trip))
            .map(|cost| cost.co2_grams)
            .sum()
    }

    /// How hazy the city's sky is after the trips made so far.
    pub fn haze(&self) -> f32 {
        let summary = self.summary();
        rules::haze(&summary.played, &summary.all_car)
    }

    /// The choice just made, with its fit, once the trip is under way or made.
    pub fn made(&self) -> Option<(usize, Fit)> {
        let trip = self.current_trip()?;
        let choice = *self.week.chosen.get(self.trip)?;
        Some((choice, rules::fit(&self.data, trip, &trip.choices[choice])))
    }

    /// Whether choices can be made now.
    pub fn running(&self) -> bool {
        self.phase == Phase::Choosing && !self.asking_to_leave
    }

    /// Leaving now would throw away trips already made.
    fn has_trips_to_lose(&self) -> bool {
        !self.week.chosen.is_empty() && self.phase != Phase::Finished
    }
}

/// Everything a player can do in this scene, from touch, mouse, keys or a test.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum TravelAction {
    Begin,
    /// Take the trip's choice at this index.
    Choose(usize),
    /// Skip the rest of the animation, or go on from the arrival card.
    Continue,
    /// Back or Escape: leaves at once before the first trip, otherwise asks first.
    Leave,
    ConfirmLeave,
    Stay,
}

fn plugin(app: &mut App) {
    app.add_message::<TravelAction>()
        .add_systems(OnEnter(SCREEN), start_week)
        .add_systems(OnExit(SCREEN), |mut commands: Commands| {
            commands.remove_resource::<Travel>()
        })
        .add_systems(
            Update,
            (
                input::read_pointer,
                input::read_keys,
                apply_actions,
                travel_on,
                finish,
                watched_journey,
            )
                .chain()
                .run_if(in_state(SCREEN).and_then(resource_exists::<Travel>)),
        )
        .add_plugins((
            assets::plugin,
            map::plugin,
            cards::plugin,
            hud::plugin,
            test_state::plugin,
        ));
}

fn start_week(
    mut commands: Commands,
    pack: Res<ActivePack>,
    request: Res<PlayRequest>,
    mut navigate: MessageWriter<Navigate>,
) {
    let Some(data) = pack
        .0
        .scene(SCENE_ID)
        .and_then(|scene| scene.shared::<TravelData>())
        .filter(|data| !data.levels.is_empty())
    else {
        navigate.write(Navigate::SceneSelect);
        return;
    };
    let level_index = request.level.min(data.levels.len() - 1);
    commands.insert_resource(Travel {
        data,
        level_index,
        trip: 0,
        week: Week::default(),
        phase: Phase::Intro,
        journey: None,
        notice: None,
        asking_to_leave: false,
        leaving: Timer::from_seconds(FINISH_DELAY, TimerMode::Once),
    });
}

fn apply_actions(
    mut actions: MessageReader<TravelAction>,
    mut travel: ResMut<Travel>,
    mut navigate: MessageWriter<Navigate>,
    mut sounds: MessageWriter<PlaySound>,
) {
    for action in actions.read() {
        let travel = &mut *travel;
        match (*action, travel.phase) {
            (TravelAction::Leave, _) if travel.asking_to_leave => travel.asking_to_leave = false,
            (TravelAction::Leave, _) if travel.has_trips_to_lose() => {
                travel.asking_to_leave = true;
            }
            (TravelAction::Leave | TravelAction::ConfirmLeave, _) => {
                navigate.write(Navigate::SceneSelect);
            }
            (TravelAction::Stay, _) => travel.asking_to_leave = false,
            (_, _) if travel.asking_to_leave => {}
            (TravelAction::Begin, Phase::Intro) => {
                travel.phase = Phase::Choosing;
                sounds.write(PlaySound(Sfx::Tap));
            }
            (TravelAction::Choose(index), Phase::Choosing) => choose(travel, index, &mut sounds),
            (TravelAction::Continue, Phase::Travelling) => {
                if let Some(journey) = travel.journey.as_mut() {
                    journey.progress = 1.0;
                }
            }
            (TravelAction::Continue, Phase::Arrived) => {
                travel.journey = None;
                travel.trip += 1;
                travel.phase = if travel.trip < travel.trips().len() {
                    Phase::Choosing
                } else {
                    travel.trip = travel.trips().len() - 1;
                    Phase::Finished
                };
                sounds.write(PlaySound(Sfx::Tap));
            }
            _ => {}
        }
    }
}

/// Takes a choice if the trip allows it; otherwise its card says why, and nothing is lost.
fn choose(travel: &mut Travel, index: usize, sounds: &mut MessageWriter<PlaySound>) {
    let Some(trip) = travel.current_trip() else {
        return;
    };
    let Some(choice) = trip.choices.get(index) else {
        return;
    };
    sounds.write(PlaySound(Sfx::Tap));
    if rules::unavailable(&travel.data, trip, choice).is_some() {
        travel.notice = Some(index);
        return;
    }
    let Some(cost) = rules::choice_cost(&travel.data, trip, choice) else {
        return;
    };
    travel.journey = Some(Journey {
        choice: index,
        progress: 0.0,
        seconds: rules::journey_seconds(cost.minutes),
    });
    travel.week.chosen.push(index);
    travel.notice = None;
    travel.phase = Phase::Travelling;
}

/// A journey being travelled is watched, not idleness.
fn watched_journey(travel: Res<Travel>, mut busy: ResMut<crate::scenes::Busy>) {
    if travel.phase == Phase::Travelling {
        busy.0 = true;
    }
}

/// Moves the journey along; on arrival, the sound, the shared world and the sky answer the trip.
fn travel_on(
    time: Res<Time>,
    mut travel: ResMut<Travel>,
    mut sounds: MessageWriter<PlaySound>,
    mut eco: MessageWriter<EcoChange>,
    mut world: ResMut<EcoWorld>,
) {
    if travel.phase != Phase::Travelling || travel.asking_to_leave {
        return;
    }
    let Some(journey) = travel.journey.as_mut() else {
        return;
    };
    journey.progress = (journey.progress + time.delta_secs() / journey.seconds).min(1.0);
    if journey.progress < 1.0 {
        return;
    }
    travel.phase = Phase::Arrived;
    let Some((_, fit)) = travel.made() else {
        return;
    };
    sounds.write(PlaySound(if fit == Fit::Heavy {
        Sfx::Wrong
    } else {
        Sfx::Correct
    }));
    if let Some(share) = trip_share_of_driving(&travel) {
        eco.write(EcoChange(ECO_PER_TRIP * (1.0 - 2.0 * share)));
    }
    world.haze = travel.haze();
}

/// The trip just made's CO₂ as a share of driving it alone (0 to 1).
fn trip_share_of_driving(travel: &Travel) -> Option<f32> {
    let trip = travel.current_trip()?;
    let choice = &trip.choices[*travel.week.chosen.get(travel.trip)?];
    let made = rules::choice_cost(&travel.data, trip, choice)?;
    let car = rules::all_car_cost(&travel.data, trip)?;
    Some(rules::haze(&made, &car))
}

fn finish(
    mut commands: Commands,
    time: Res<Time>,
    mut travel: ResMut<Travel>,
    pack: Res<ActivePack>,
    mut navigate: MessageWriter<Navigate>,
    mut sounds: MessageWriter<PlaySound>,
    mut done: Local<bool>,
) {
    if travel.phase != Phase::Finished {
        *done = false;
        return;
    }
    if !*done {
        *done = true;
        sounds.write(PlaySound(Sfx::LevelComplete));
        commands.insert_resource(outcome::outcome(&travel, &pack));
    }
    if travel.leaving.tick(time.delta()).just_finished() {
        navigate.write(Navigate::Results);
    }
}
