//! Waste sorting by China's four national categories (GB/T 19095-2019).

mod assets;
mod autoplay;
mod check;
mod effects;
pub mod format;
mod hud;
mod input;
pub mod questions;
pub mod rules;
pub mod table;
mod test_state;
pub mod view;

use std::sync::Arc;

use bevy::prelude::*;

use self::format::Mode;
use self::format::{Level, SortingData};
pub use self::input::key_for_bin;
use self::rules::{BeltPace, Round, Verdict};
use super::{Bar, Headline, Lesson, PlayRequest, RoundOutcome, Scene, SourcedText};
use crate::audio::{PlaySound, Sfx};
use crate::options::LaunchOptions;
use crate::pack::live::ActivePack;
use crate::pack::{Parsed, SceneFormat, SceneId, SceneInput};
use crate::screens::{Navigate, Screen};
use crate::world::{EcoChange, Misplaced};

pub const SCENE_ID: SceneId = SceneId("sorting");
pub const SCREEN: Screen = Screen::Playing(SCENE_ID);

/// How long the finished round lingers (celebration) before the results screen, in seconds.
const FINISH_DELAY: f32 = 1.2;
/// How much a right answer cleans the shared world, and a wrong one dirties it.
const ECO_GAIN_CORRECT: f32 = 0.04;
const ECO_LOSS_WRONG: f32 = 0.03;
/// A streak chime every this many right answers in a row.
const STREAK_CHIME_EVERY: u32 = 3;
/// The hazardous bin's id (GB/T 19095-2019's 有害垃圾): a mistake that should have gone there
/// shows on the river as hazardous waste dumped.
const HAZARDOUS_BIN: &str = "H";

/// The sorting scene's pack format.
pub struct SortingFormat;

impl SceneFormat for SortingFormat {
    fn id(&self) -> SceneId {
        SCENE_ID
    }

    fn card_icons(&self) -> &'static [&'static str] {
        &["recycling-symbol", "wastebasket", "green-apple"]
    }

    fn parse(&self, input: SceneInput<'_>) -> Parsed {
        check::parse(input)
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn schemas(&self) -> Vec<(&'static str, schemars::Schema)> {
        use crate::pack::schema::schema_of;
        vec![
            (
                "sorting-data",
                schema_of::<format::DataFile>(
                    "垃圾分类的数据文件：垃圾桶、物品、城市和事实 / Waste sorting data file: bins, items, cities and facts",
                ),
            ),
            (
                "sorting-level",
                schema_of::<format::Level>("垃圾分类的关卡文件 / A waste sorting level file"),
            ),
        ]
    }
}

/// What registers the scene with the exhibit (see `scenes::all`).
pub fn scene() -> Scene {
    Scene {
        format: &SortingFormat,
        plugin,
        autoplayer: autoplay::plugin,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Intro,
    Playing,
    Feedback,
    Finished,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Intro => "intro",
            Phase::Playing => "playing",
            Phase::Feedback => "feedback",
            Phase::Finished => "finished",
        }
    }
}

/// What the player got wrong just now, shown on the feedback card.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    pub item: usize,
    pub verdict: Verdict,
    /// When the card appeared (real seconds since start).
    pub shown_at: f64,
}

/// The feedback card's button takes no tap this soon after the card appears: the tap that put an
/// item in a bin under the card must not also dismiss the card before the "why" is read.
pub const FEEDBACK_TAP_GUARD_SECONDS: f64 = 0.5;

/// The round being played.
#[derive(Resource)]
pub struct Sorting {
    pub data: Arc<SortingData>,
    pub level_index: usize,
    /// The seed the round was drawn with.
    pub seed: u64,
    pub round: Round,
    pub phase: Phase,
    pub feedback: Option<Feedback>,
    pub time_left: Option<f32>,
    /// The belt's pace, in conveyor levels.
    pub belt: Option<BeltPace>,
    /// "Leave this round?" is on screen; the round waits.
    pub asking_to_leave: bool,
    /// Counts down the celebration once the round is finished.
    pub leaving: Timer,
}

impl Sorting {
    /// Whether the belt, the clock and the player's moves run now.
    pub fn running(&self) -> bool {
        self.phase == Phase::Playing && !self.asking_to_leave
    }

    /// Leaving now would throw away answers already given.
    fn has_answers_to_lose(&self) -> bool {
        self.round.sorted() > 0 && matches!(self.phase, Phase::Playing | Phase::Feedback)
    }

    pub fn level(&self) -> &Level {
        &self.data.levels[self.level_index]
    }

    pub fn city(&self) -> Option<&str> {
        self.level().city.as_deref()
    }

    /// The level's city, as the pack names it.
    pub fn city_name(&self) -> Option<&crate::pack::Localized> {
        self.data.level_city(self.level()).map(|city| &city.name)
    }
}

/// Everything a player can do in this scene, from touch, mouse, keys or a test.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum SortAction {
    Begin,
    /// Put the current item in the bin at this index.
    Sort(usize),
    /// The current item rode past the end of the belt.
    Missed,
    Continue,
    /// Back or Escape: leaves at once before the first answer, otherwise asks first.
    Leave,
    /// The visitor confirmed leaving the round.
    ConfirmLeave,
    /// The visitor chose to keep playing.
    Stay,
}

/// Sent when an answer is recorded, for the view to animate.
#[derive(Message, Clone, Copy, Debug)]
pub struct Sorted {
    pub item: usize,
    pub verdict: Verdict,
}

fn plugin(app: &mut App) {
    app.add_message::<SortAction>()
        .add_message::<Sorted>()
        .add_systems(OnEnter(SCREEN), start_round)
        .add_systems(OnExit(SCREEN), |mut commands: Commands| {
            commands.remove_resource::<Sorting>()
        })
        .add_systems(
            Update,
            (
                input::read_pointer,
                input::read_keys,
                apply_actions,
                tick_clock,
                finish,
            )
                .chain()
                .run_if(in_state(SCREEN).and_then(resource_exists::<Sorting>)),
        )
        .add_plugins((
            assets::plugin,
            view::plugin,
            effects::plugin,
            hud::plugin,
            test_state::plugin,
        ));
}

fn start_round(
    mut commands: Commands,
    pack: Res<ActivePack>,
    request: Res<PlayRequest>,
    options: Res<LaunchOptions>,
    shared: Res<crate::scenes::SharedSeed>,
    mut navigate: MessageWriter<Navigate>,
) {
    let Some(data) = pack
        .0
        .scene(SCENE_ID)
        .and_then(|s| s.shared::<SortingData>())
    else {
        navigate.write(Navigate::SceneSelect);
        return;
    };
    let level_index = request.level.min(data.levels.len().saturating_sub(1));
    let level = &data.levels[level_index];
    let seed = shared.0.or(options.seed).unwrap_or_else(rand::random);
    let order = match rules::draw_round(&data, level, seed) {
        Ok(order) => order,
        Err(err) => {
            error!("{}", err.message().en);
            navigate.write(Navigate::SceneSelect);
            return;
        }
    };
    let round = Round::new(order, level.city.clone());
    let time_left = level.timer_seconds;
    let belt = match (level.mode, level.pace_seconds) {
        (Mode::Conveyor, Some(pace)) => Some(BeltPace::new(pace)),
        _ => None,
    };
    commands.insert_resource(Sorting {
        data,
        level_index,
        seed,
        round,
        phase: Phase::Intro,
        feedback: None,
        time_left,
        belt,
        asking_to_leave: false,
        leaving: Timer::from_seconds(FINISH_DELAY, TimerMode::Once),
    });
}

#[allow(clippy::too_many_arguments)]
fn apply_actions(
    mut actions: MessageReader<SortAction>,
    mut sorting: ResMut<Sorting>,
    mut navigate: MessageWriter<Navigate>,
    mut sorted: MessageWriter<Sorted>,
    mut sounds: MessageWriter<PlaySound>,
    mut eco: MessageWriter<EcoChange>,
    mut misplaced: MessageWriter<Misplaced>,
    time: Res<Time<Real>>,
) {
    for action in actions.read() {
        let sorting = &mut *sorting;
        match (*action, sorting.phase) {
            (SortAction::Leave, _) if sorting.asking_to_leave => sorting.asking_to_leave = false,
            (SortAction::Leave, _) if sorting.has_answers_to_lose() => {
                sorting.asking_to_leave = true;
            }
            (SortAction::Leave | SortAction::ConfirmLeave, _) => {
                navigate.write(Navigate::SceneSelect);
            }
            (SortAction::Stay, _) => sorting.asking_to_leave = false,
            (_, _) if sorting.asking_to_leave => {}
            (SortAction::Begin, Phase::Intro) => {
                sorting.phase = Phase::Playing;
                sounds.write(PlaySound(Sfx::Tap));
            }
            (SortAction::Sort(_) | SortAction::Missed, Phase::Playing) => {
                let Some(item) = sorting.round.current() else {
                    continue;
                };
                let verdict = match *action {
                    SortAction::Sort(bin) if bin < sorting.data.bins.len() => {
                        sorting.round.answer(&sorting.data, bin)
                    }
                    SortAction::Missed => sorting.round.miss(&sorting.data),
                    _ => None,
                };
                let Some(verdict) = verdict else { continue };
                sorted.write(Sorted { item, verdict });
                if let Some(belt) = sorting.belt.as_mut() {
                    match (*action, verdict.correct) {
                        (SortAction::Missed, _) => belt.slipped_past(),
                        (_, true) => belt.sorted_right(),
                        _ => {}
                    }
                }
                if verdict.correct {
                    sounds.write(PlaySound(Sfx::Correct));
                    if verdict.streak > 0 && verdict.streak % STREAK_CHIME_EVERY == 0 {
                        sounds.write(PlaySound(Sfx::Streak));
                    }
                    eco.write(EcoChange(ECO_GAIN_CORRECT));
                } else {
                    sounds.write(PlaySound(Sfx::Wrong));
                    eco.write(EcoChange(-ECO_LOSS_WRONG));
                    let expected = sorting.data.bins.get(verdict.expected);
                    misplaced.write(Misplaced {
                        hazardous: expected.is_some_and(|bin| bin.id == HAZARDOUS_BIN),
                    });
                    sorting.phase = Phase::Feedback;
                    sorting.feedback = Some(Feedback {
                        item,
                        verdict,
                        shown_at: time.elapsed_secs_f64(),
                    });
                }
            }
            (SortAction::Continue, Phase::Feedback) => {
                sorting.phase = Phase::Playing;
                sorting.feedback = None;
                sounds.write(PlaySound(Sfx::Tap));
            }
            _ => {}
        }
    }
}

fn tick_clock(time: Res<Time>, mut sorting: ResMut<Sorting>) {
    if !sorting.running() {
        return;
    }
    if let Some(left) = sorting.time_left.as_mut() {
        *left -= time.delta_secs();
        if *left <= 0.0 {
            *left = 0.0;
            sorting.round.stop();
        }
    }
}

fn finish(
    mut commands: Commands,
    time: Res<Time>,
    mut sorting: ResMut<Sorting>,
    pack: Res<ActivePack>,
    mut navigate: MessageWriter<Navigate>,
    mut sounds: MessageWriter<PlaySound>,
) {
    if sorting.phase == Phase::Playing && sorting.round.is_finished() {
        sorting.phase = Phase::Finished;
        sounds.write(PlaySound(Sfx::LevelComplete));
        commands.insert_resource(outcome(&sorting, &pack));
    }
    if sorting.phase == Phase::Finished && sorting.leaving.tick(time.delta()).just_finished() {
        navigate.write(Navigate::Results);
    }
}

fn outcome(sorting: &Sorting, pack: &ActivePack) -> RoundOutcome {
    let data = &sorting.data;
    let level = sorting.level();
    let summary = sorting.round.summary(data, level);
    let bin_color = |bin: usize| view::bin_color(&data.bins[bin]);
    let bars = summary
        .per_bin
        .iter()
        .filter(|tally| tally.total > 0)
        .map(|tally| {
            let count = format!("{} / {}", tally.correct, tally.total);
            Bar {
                label: data.bins[tally.bin].name.clone(),
                color: bin_color(tally.bin),
                fraction: tally.correct as f32 / tally.total as f32,
                value: crate::pack::Localized::new(count.clone(), count),
            }
        })
        .collect();
    let lessons = summary
        .missed
        .iter()
        .map(|answer| {
            let item = &data.items[answer.item];
            Lesson {
                id: item.id.clone(),
                icon: item.icon.clone(),
                title: item.name.clone(),
                answer: data.bins[answer.expected].name.clone(),
                color: bin_color(answer.expected),
                reason: item.reason.clone(),
            }
        })
        .collect();
    let fact = level
        .outcome_fact
        .as_deref()
        .and_then(|id| data.fact(id))
        .map(|fact| SourcedText::of(fact, &pack.0));
    RoundOutcome {
        scene: SCENE_ID,
        level: sorting.level_index,
        level_id: level.id.clone(),
        level_title: level.title.clone(),
        headline: Headline::Answers {
            correct: summary.correct,
            total: summary.total,
            score: summary.score,
            best_streak: summary.best_streak,
        },
        passed: summary.passed,
        has_next: sorting.level_index + 1 < data.levels.len(),
        bars_heading: None,
        bars,
        lessons_heading: "results.lessons",
        lessons,
        notes: Vec::new(),
        fact,
        given: sorting.round.given(),
        seed: sorting.seed,
    }
}
