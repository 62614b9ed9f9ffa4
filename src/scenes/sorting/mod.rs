//! Waste sorting by China's four national categories (GB/T 19095-2019).

mod effects;
mod hud;
mod input;
pub mod level;
pub mod rules;
pub mod view;

use std::sync::Arc;

use bevy::prelude::*;

use self::level::{Level, SortingData};
use self::rules::{Round, Verdict};
use crate::audio::{PlaySound, Sfx};
use crate::options::LaunchOptions;
use crate::pack::Localized;
use crate::scenes::{Lesson, PlayRequest, RoundOutcome, SceneKind, SourcedText, Tally};
use crate::screens::{LoadedPack, Navigate, Screen};
use crate::world::EcoChange;

pub const SCREEN: Screen = Screen::Playing(SceneKind::Sorting);

/// How long the finished round lingers (celebration) before the results screen.
const FINISH_DELAY: f32 = 1.2;

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
}

/// The round being played.
#[derive(Resource)]
pub struct Sorting {
    pub data: Arc<SortingData>,
    pub level_index: usize,
    pub round: Round,
    pub phase: Phase,
    pub feedback: Option<Feedback>,
    pub time_left: Option<f32>,
    pub finished_for: f32,
}

impl Sorting {
    pub fn level(&self) -> &Level {
        &self.data.levels[self.level_index]
    }

    pub fn city(&self) -> Option<&str> {
        self.level().city.as_deref()
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
}

/// Sent when an answer is recorded, for the view to animate.
#[derive(Message, Clone, Copy, Debug)]
pub struct Sorted {
    pub item: usize,
    pub verdict: Verdict,
}

pub(crate) fn plugin(app: &mut App) {
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
        .add_plugins((view::plugin, effects::plugin, hud::plugin));
}

fn start_round(
    mut commands: Commands,
    pack: Res<LoadedPack>,
    request: Res<PlayRequest>,
    options: Res<LaunchOptions>,
    mut navigate: MessageWriter<Navigate>,
) {
    let Some(data) = pack.0.sorting.clone() else {
        navigate.write(Navigate::SceneSelect);
        return;
    };
    let level_index = request.level.min(data.levels.len().saturating_sub(1));
    let level = &data.levels[level_index];
    let seed = options.seed.unwrap_or_else(rand::random);
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
    commands.insert_resource(Sorting {
        data: Arc::new(data),
        level_index,
        round,
        phase: Phase::Intro,
        feedback: None,
        time_left,
        finished_for: 0.0,
    });
}

fn apply_actions(
    mut actions: MessageReader<SortAction>,
    mut sorting: ResMut<Sorting>,
    mut sorted: MessageWriter<Sorted>,
    mut sounds: MessageWriter<PlaySound>,
    mut eco: MessageWriter<EcoChange>,
) {
    for action in actions.read() {
        let sorting = &mut *sorting;
        match (*action, sorting.phase) {
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
                if verdict.correct {
                    sounds.write(PlaySound(Sfx::Correct));
                    if verdict.streak >= 3 && verdict.streak % 3 == 0 {
                        sounds.write(PlaySound(Sfx::Streak));
                    }
                    eco.write(EcoChange(0.04));
                } else {
                    sounds.write(PlaySound(Sfx::Wrong));
                    eco.write(EcoChange(-0.03));
                    sorting.phase = Phase::Feedback;
                    sorting.feedback = Some(Feedback { item, verdict });
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
    if sorting.phase != Phase::Playing {
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
    pack: Res<LoadedPack>,
    mut navigate: MessageWriter<Navigate>,
    mut sounds: MessageWriter<PlaySound>,
) {
    if sorting.phase == Phase::Playing && sorting.round.is_finished() {
        sorting.phase = Phase::Finished;
        sounds.write(PlaySound(Sfx::LevelComplete));
        commands.insert_resource(outcome(&sorting, &pack));
    }
    if sorting.phase == Phase::Finished {
        sorting.finished_for += time.delta_secs();
        if sorting.finished_for >= FINISH_DELAY {
            sorting.finished_for = f32::NEG_INFINITY;
            navigate.write(Navigate::Results);
        }
    }
}

fn outcome(sorting: &Sorting, pack: &LoadedPack) -> RoundOutcome {
    let data = &sorting.data;
    let level = sorting.level();
    let summary = sorting.round.summary(data, level);
    let bin_color = |bin: usize| view::bin_color(&data.bins[bin]);
    let tallies = summary
        .per_bin
        .iter()
        .filter(|tally| tally.total > 0)
        .map(|tally| Tally {
            label: data.bins[tally.bin].name.clone(),
            color: bin_color(tally.bin),
            correct: tally.correct,
            total: tally.total,
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
        .map(|fact| SourcedText {
            text: fact.text.clone(),
            sources: fact
                .source
                .iter()
                .map(|key| {
                    pack.0
                        .source(key)
                        .map_or_else(|| Localized::new(key, key), |s| s.title.clone())
                })
                .collect(),
            approx: fact.approx,
        });
    RoundOutcome {
        scene: SceneKind::Sorting,
        level: sorting.level_index,
        level_id: level.id.clone(),
        level_title: level.title.clone(),
        correct: summary.correct,
        total: summary.total,
        score: summary.score,
        best_streak: summary.best_streak,
        passed: summary.passed,
        has_next: sorting.level_index + 1 < data.levels.len(),
        tallies,
        lessons,
        fact,
    }
}
