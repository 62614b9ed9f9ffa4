//! The river scene playing itself (a kiosk's attract loop): it begins, opens the stretch where
//! one action would clean the river most for its cost, takes that action, and lets a season pass
//! when nothing it can afford helps, all through `RiverAction`, the path taps and keys take.
//! Now and then it takes a cheap action that does little, so the attract loop shows a loss too.

use bevy::prelude::*;

use super::rules::{self, Situation, Taken};
use super::{Phase, River, RiverAction, SCREEN};
use crate::scenes::{Autoplay, autoplaying};

/// How long a season's river stays on screen before the automated player goes on (seconds).
const WATCH_SEASON_SECONDS: f32 = 2.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        play.before(super::apply_actions).run_if(
            in_state(SCREEN)
                .and_then(resource_exists::<River>)
                .and_then(autoplaying),
        ),
    );
}

fn play(
    time: Res<Time>,
    autoplay: Res<Autoplay>,
    river: Res<River>,
    mut waited: Local<f32>,
    mut actions: MessageWriter<RiverAction>,
) {
    if river.asking_to_leave {
        actions.write(RiverAction::Stay);
        return;
    }
    let wait = if river.phase == Phase::Planning && river.selected.is_none() {
        WATCH_SEASON_SECONDS
    } else {
        autoplay.pace
    };
    if !Autoplay::due(&mut waited, time.delta_secs(), wait) {
        return;
    }
    match river.phase {
        Phase::Intro => {
            actions.write(RiverAction::Begin);
        }
        Phase::Planning => {
            let wrong_turn = autoplay.mistake_every > 0
                && (river.taken.len() + 1).is_multiple_of(autoplay.mistake_every);
            match (best_move(&river, wrong_turn), river.selected) {
                (Some((stretch, action)), Some(open)) if open.stretch == stretch => {
                    actions.write(RiverAction::Take(action));
                }
                (Some((stretch, _)), _) => {
                    actions.write(RiverAction::Select(stretch));
                }
                (None, _) => {
                    actions.write(RiverAction::NextSeason);
                }
            }
        }
        Phase::Passing | Phase::Finished => {}
    }
}

/// The stretch and offered action that cleans the river most per budget point by the end of the
/// round; or, on a wrong turn, the cheapest action that can be taken. None when nothing helps.
pub fn best_move(river: &River, wrong_turn: bool) -> Option<(usize, usize)> {
    let level = river.level();
    let last = level.seasons;
    let situation = river.situation();
    let now = rules::pollution(&river.data, level, &situation.at(last));
    let mut moves = Vec::new();
    for stretch in 0..level.stretches.len() {
        for (index, id) in level.actions.iter().enumerate() {
            if river.can_take(index, stretch).is_err() {
                continue;
            }
            let mut taken = river.taken.clone();
            taken.push(Taken {
                action: id.clone(),
                stretch,
                season: river.now.step,
            });
            let after = Situation {
                taken: &taken,
                ..river.situation()
            };
            let gain = now - rules::pollution(&river.data, level, &after.at(last));
            let cost = river.data.action(id).map_or(1, |a| a.cost.max(1)) as f32;
            moves.push(((stretch, index), gain, cost));
        }
    }
    if wrong_turn {
        return moves
            .iter()
            .min_by(|a, b| a.2.total_cmp(&b.2))
            .map(|(at, _, _)| *at);
    }
    moves
        .into_iter()
        .filter(|(_, gain, _)| *gain > 0.0)
        .max_by(|a, b| (a.1 / a.2).total_cmp(&(b.1 / b.2)))
        .map(|(at, _, _)| at)
}
