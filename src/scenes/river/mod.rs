//! River protection (保护母亲河): the player is a river chief for a stretch of the Yangtze. Sources
//! on the banks load the water; actions cost budget and work after a delay; each season the
//! river's GB 3838-2002 classes answer, and fish and the finless porpoise return where the water
//! and the law allow. The session's sorting mistakes show up on the river.

mod autoplay;
mod card;
mod check;
pub mod format;
mod input;
pub mod layout;
mod outcome;
mod paint;
pub mod questions;
pub mod rules;
mod test_state;

use std::sync::Arc;

use bevy::prelude::*;

use self::format::{Level, RiverData};
use self::rules::{Extras, Refusal, RiverState, Situation, Taken, Verdict};
use super::{PlayRequest, Scene, SharedSeed};
use crate::audio::{PlaySound, Sfx};
use crate::pack::live::ActivePack;
use crate::pack::{Parsed, SceneFormat, SceneId, SceneInput};
use crate::screens::{Navigate, Screen};
use crate::world::{EcoChange, EcoWorld, WaterReport};

pub const SCENE_ID: SceneId = SceneId("river");
pub const SCREEN: Screen = Screen::Playing(SCENE_ID);

/// How long a season takes to pass on screen, in seconds (the river's colours change over it).
const SEASON_SECONDS: f32 = 1.6;
/// How long the finished round lingers before the results screen, in seconds.
const FINISH_DELAY: f32 = 2.5;
/// How much the shared world's land changes per stretch that ends the round better (or worse)
/// than it began.
const ECO_PER_CLASS: f32 = 0.02;

/// The river scene's pack format.
pub struct RiverFormat;

impl SceneFormat for RiverFormat {
    fn id(&self) -> SceneId {
        SCENE_ID
    }

    fn card_icons(&self) -> &'static [&'static str] {
        &["water-wave", "yangtze-finless-porpoise", "fish"]
    }

    fn parse(&self, input: SceneInput<'_>) -> Parsed {
        check::parse(input)
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn schemas(&self) -> Vec<(&'static str, schemars::Schema)> {
        use crate::pack::schema::schema_of;
        vec![
            (
                "river-data",
                schema_of::<format::DataFile>(
                    "保护母亲河的数据文件：水质标准、污染源、行动和物种 / River data file: the water standard, sources, actions and species",
                ),
            ),
            (
                "river-level",
                schema_of::<format::Level>(
                    "保护母亲河的关卡文件：一段河 / A river level file: one stretch of river",
                ),
            ),
        ]
    }
}

/// What registers the scene with the exhibit (see `scenes::all`).
pub fn scene() -> Scene {
    Scene {
        format: &RiverFormat,
        plugin,
        autoplayer: autoplay::plugin,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Intro,
    /// The river waits for the player: inspect, act, or pass a season.
    Planning,
    /// A season is passing; the river changes on screen.
    Passing,
    Finished,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Intro => "intro",
            Phase::Planning => "planning",
            Phase::Passing => "passing",
            Phase::Finished => "finished",
        }
    }
}

/// What the card beside the river shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub stretch: usize,
    /// A source of the stretch being read about (index into `rules::stretch_sources`).
    pub source: Option<usize>,
}

/// The round being played.
#[derive(Resource)]
pub struct River {
    pub data: Arc<RiverData>,
    pub level_index: usize,
    pub seed: u64,
    /// The session's sorting mistakes, as they stood when the round began.
    pub extras: Extras,
    pub taken: Vec<Taken>,
    /// The river at the start and now.
    pub start: RiverState,
    pub now: RiverState,
    /// The river before the season now passing (its colours blend into `now`'s).
    pub before: RiverState,
    pub phase: Phase,
    pub selected: Option<Selection>,
    /// An action tapped that cannot be taken, and why.
    pub notice: Option<(usize, Refusal)>,
    pub verdict: Verdict,
    /// How far the season now passing has gone, 0 to 1.
    pub passing: f32,
    pub asking_to_leave: bool,
    pub leaving: Timer,
}

impl River {
    pub fn level(&self) -> &Level {
        &self.data.levels[self.level_index]
    }

    pub fn situation(&self) -> Situation<'_> {
        Situation {
            data: &self.data,
            level: self.level(),
            taken: &self.taken,
            extras: &self.extras,
            seed: self.seed,
        }
    }

    pub fn budget_left(&self) -> u32 {
        rules::budget_left(&self.data, self.level(), &self.taken)
    }

    /// The level's offered actions, in order.
    pub fn offered(&self) -> Vec<&format::Action> {
        self.level()
            .actions
            .iter()
            .filter_map(|id| self.data.action(id))
            .collect()
    }

    /// Whether the offered action at `index` may be taken on `stretch` now.
    pub fn can_take(&self, index: usize, stretch: usize) -> Result<(), Refusal> {
        let id = self.level().actions.get(index).ok_or(Refusal::Unknown)?;
        rules::can_take(
            &self.data,
            self.level(),
            &self.taken,
            &self.extras,
            id,
            stretch,
        )
    }

    /// The actions taken on `stretch` (and river-wide), with the step each starts working.
    pub fn taken_on(&self, stretch: usize) -> Vec<(&format::Action, u32)> {
        self.taken
            .iter()
            .filter_map(|taken| {
                let action = self.data.action(&taken.action)?;
                let here = taken.stretch == stretch || action.scope == format::Scope::River;
                here.then_some((action, taken.season + action.delay))
            })
            .collect()
    }

    /// The sources on `stretch`, the session's mistakes included.
    pub fn sources_on(&self, stretch: usize) -> Vec<(String, f32)> {
        rules::stretch_sources(&self.data, self.level(), &self.extras, stretch)
    }

    /// Whether the player can act now.
    pub fn running(&self) -> bool {
        self.phase == Phase::Planning && !self.asking_to_leave
    }

    /// The share of stretches at class Ⅲ or better now.
    pub fn good_share(&self) -> f32 {
        let count = self.now.stretches.len().max(1) as f32;
        let good = self
            .now
            .stretches
            .iter()
            .filter(|s| s.class <= format::WaterClass::III)
            .count();
        good as f32 / count
    }

    fn has_work_to_lose(&self) -> bool {
        (!self.taken.is_empty() || self.now.step > 0) && self.phase != Phase::Finished
    }
}

/// Everything a player can do in this scene, from touch, mouse, keys or a test.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum RiverAction {
    Begin,
    /// Open a stretch's card (a tap on its water, its name or its class).
    Select(usize),
    /// Read about a source of a stretch (index into `rules::stretch_sources`).
    Inspect {
        stretch: usize,
        source: usize,
    },
    /// Take the level's offered action at this index on the selected stretch.
    Take(usize),
    CloseCard,
    /// Let a season pass.
    NextSeason,
    /// Escape: closes the card if one is open; otherwise as `Back`.
    Leave,
    /// The back button: leaves at once before anything is done, otherwise asks first.
    Back,
    ConfirmLeave,
    Stay,
}

fn plugin(app: &mut App) {
    app.add_message::<RiverAction>()
        .init_resource::<layout::RiverLayout>()
        .add_systems(OnEnter(SCREEN), start_round)
        .add_systems(OnExit(SCREEN), |mut commands: Commands| {
            commands.remove_resource::<River>()
        })
        .add_systems(
            Update,
            (
                layout::compute_layout,
                input::read_pointer,
                input::read_keys,
                apply_actions,
                pass_season,
                finish,
            )
                .chain()
                .run_if(in_state(SCREEN).and_then(resource_exists::<River>)),
        )
        .add_plugins((paint::plugin, test_state::plugin));
}

fn start_round(
    mut commands: Commands,
    pack: Res<ActivePack>,
    request: Res<PlayRequest>,
    shared: Res<SharedSeed>,
    options: Res<crate::options::LaunchOptions>,
    world: Res<EcoWorld>,
    mut navigate: MessageWriter<Navigate>,
) {
    let Some(data) = pack
        .0
        .scene(SCENE_ID)
        .and_then(|scene| scene.shared::<RiverData>())
        .filter(|data| !data.levels.is_empty())
    else {
        navigate.write(Navigate::SceneSelect);
        return;
    };
    let level_index = request.level.min(data.levels.len() - 1);
    let seed = shared.0.or(options.seed).unwrap_or_else(rand::random);
    let extras = Extras {
        hazardous: world.misplaced_hazardous,
        other: world.misplaced_other,
    };
    let level = &data.levels[level_index];
    let start = Situation {
        data: &data,
        level,
        taken: &[],
        extras: &extras,
        seed,
    }
    .at(0);
    commands.insert_resource(River {
        level_index,
        seed,
        extras,
        taken: Vec::new(),
        before: start.clone(),
        now: start.clone(),
        start,
        phase: Phase::Intro,
        selected: None,
        notice: None,
        verdict: Verdict::Playing,
        passing: 1.0,
        asking_to_leave: false,
        leaving: Timer::from_seconds(FINISH_DELAY, TimerMode::Once),
        data,
    });
}

fn apply_actions(
    mut actions: MessageReader<RiverAction>,
    mut river: ResMut<River>,
    mut navigate: MessageWriter<Navigate>,
    mut sounds: MessageWriter<PlaySound>,
) {
    for action in actions.read() {
        let river = &mut *river;
        let action = match action {
            RiverAction::Back => {
                river.selected = None;
                RiverAction::Leave
            }
            other => *other,
        };
        match (action, river.phase) {
            (RiverAction::Leave, _) if river.asking_to_leave => river.asking_to_leave = false,
            (RiverAction::Leave, Phase::Planning) if river.selected.is_some() => {
                river.selected = None;
                river.notice = None;
            }
            (RiverAction::Leave, _) if river.has_work_to_lose() => river.asking_to_leave = true,
            (RiverAction::Leave | RiverAction::ConfirmLeave, _) => {
                navigate.write(Navigate::SceneSelect);
            }
            (RiverAction::Stay, _) => river.asking_to_leave = false,
            (_, _) if river.asking_to_leave => {}
            (RiverAction::Begin, Phase::Intro) => {
                river.phase = Phase::Planning;
                sounds.write(PlaySound(Sfx::Tap));
            }
            (RiverAction::Select(stretch), Phase::Planning)
                if stretch < river.level().stretches.len() =>
            {
                river.selected = Some(Selection {
                    stretch,
                    source: None,
                });
                river.notice = None;
                sounds.write(PlaySound(Sfx::Tap));
            }
            (RiverAction::Inspect { stretch, source }, Phase::Planning)
                if source < river.sources_on(stretch).len() =>
            {
                river.selected = Some(Selection {
                    stretch,
                    source: Some(source),
                });
                river.notice = None;
                sounds.write(PlaySound(Sfx::Tap));
            }
            (RiverAction::Take(index), Phase::Planning) => take(river, index, &mut sounds),
            (RiverAction::CloseCard, _) => {
                river.selected = None;
                river.notice = None;
            }
            (RiverAction::NextSeason, Phase::Planning) => {
                river.before = river.now.clone();
                let step = river.now.step + 1;
                river.now = river.situation().at(step);
                river.verdict = rules::verdict(river.level(), &river.now);
                river.passing = 0.0;
                river.notice = None;
                river.phase = Phase::Passing;
                sounds.write(PlaySound(Sfx::Drop));
            }
            _ => {}
        }
    }
}

/// Takes an offered action on the selected stretch if the rules allow; otherwise the card says
/// why, and nothing is spent.
fn take(river: &mut River, index: usize, sounds: &mut MessageWriter<PlaySound>) {
    let Some(selection) = river.selected else {
        return;
    };
    let Some(id) = river.level().actions.get(index).cloned() else {
        return;
    };
    match river.can_take(index, selection.stretch) {
        Ok(()) => {
            river.taken.push(Taken {
                action: id,
                stretch: selection.stretch,
                season: river.now.step,
            });
            river.notice = None;
            sounds.write(PlaySound(Sfx::Correct));
        }
        Err(refusal) => {
            river.notice = Some((index, refusal));
            sounds.write(PlaySound(Sfx::Wrong));
        }
    }
}

/// The season passes on screen; then the river waits for the player again, or the round ends.
fn pass_season(
    time: Res<Time>,
    mut river: ResMut<River>,
    mut sounds: MessageWriter<PlaySound>,
    mut busy: ResMut<super::Busy>,
) {
    if river.phase != Phase::Passing {
        return;
    }
    busy.0 = true;
    river.passing = (river.passing + time.delta_secs() / SEASON_SECONDS).min(1.0);
    if river.passing < 1.0 {
        return;
    }
    river.phase = match river.verdict {
        Verdict::Playing => Phase::Planning,
        Verdict::Won => {
            sounds.write(PlaySound(Sfx::LevelComplete));
            Phase::Finished
        }
        Verdict::Lost => {
            sounds.write(PlaySound(Sfx::Wrong));
            Phase::Finished
        }
    };
}

#[allow(clippy::too_many_arguments)]
fn finish(
    mut commands: Commands,
    time: Res<Time>,
    mut river: ResMut<River>,
    pack: Res<ActivePack>,
    mut navigate: MessageWriter<Navigate>,
    mut eco: MessageWriter<EcoChange>,
    mut water: MessageWriter<WaterReport>,
    mut done: Local<bool>,
) {
    if river.phase != Phase::Finished {
        *done = false;
        return;
    }
    if !*done {
        *done = true;
        let better: i32 = river
            .start
            .stretches
            .iter()
            .zip(&river.now.stretches)
            .map(|(start, now)| start.class.index() as i32 - now.class.index() as i32)
            .sum();
        eco.write(EcoChange(ECO_PER_CLASS * better as f32));
        water.write(WaterReport(river.good_share()));
        commands.insert_resource(outcome::outcome(&river, &pack));
    }
    if river.leaving.tick(time.delta()).just_finished() {
        navigate.write(Navigate::Results);
    }
}
