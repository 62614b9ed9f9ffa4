//! Player input → river actions: a tap or click on the map, the card or the season button
//! (through Bevy's pointer messages, which merge touch and mouse), and keys: Enter begins or
//! passes a season, a digit takes the card's action of that number, Escape closes the card or
//! leaves.

use bevy::picking::pointer::{PointerAction, PointerButton, PointerInput};
use bevy::prelude::*;

use super::layout::{Hit, RiverLayout};
use super::{Phase, River, RiverAction};

pub(super) fn read_pointer(
    mut pointer: MessageReader<PointerInput>,
    river: Res<River>,
    parts: Res<RiverLayout>,
    mut actions: MessageWriter<RiverAction>,
) {
    for input in pointer.read() {
        if river.asking_to_leave || !matches!(river.phase, Phase::Intro | Phase::Planning) {
            continue;
        }
        let PointerAction::Press(PointerButton::Primary) = input.action else {
            continue;
        };
        let hit = parts.hit(
            input.location.position,
            river.phase,
            river.selected.is_some(),
        );
        let action = match hit {
            Some(Hit::Begin) => RiverAction::Begin,
            Some(Hit::NextSeason) => RiverAction::NextSeason,
            Some(Hit::Close) => RiverAction::CloseCard,
            Some(Hit::Action(index)) => RiverAction::Take(index),
            Some(Hit::Source { stretch, source }) => RiverAction::Inspect { stretch, source },
            Some(Hit::Stretch(stretch)) => RiverAction::Select(stretch),
            None => continue,
        };
        actions.write(action);
    }
}

pub(super) fn read_keys(
    keys: Res<ButtonInput<KeyCode>>,
    river: Res<River>,
    parts: Res<RiverLayout>,
    mut actions: MessageWriter<RiverAction>,
) {
    if keys.just_pressed(KeyCode::Escape) {
        actions.write(RiverAction::Leave);
    }
    if river.asking_to_leave {
        return;
    }
    let confirm = crate::ui::confirm_pressed(&keys);
    match river.phase {
        Phase::Intro if confirm => {
            actions.write(RiverAction::Begin);
        }
        Phase::Planning => {
            if confirm {
                actions.write(RiverAction::NextSeason);
            }
            let count = river.level().stretches.len();
            if keys.just_pressed(KeyCode::ArrowRight) || keys.just_pressed(KeyCode::ArrowDown) {
                let next = river.selected.map_or(0, |s| (s.stretch + 1) % count);
                actions.write(RiverAction::Select(next));
            }
            if keys.just_pressed(KeyCode::ArrowLeft) || keys.just_pressed(KeyCode::ArrowUp) {
                let next = river
                    .selected
                    .map_or(0, |s| (s.stretch + count - 1) % count);
                actions.write(RiverAction::Select(next));
            }
            if river.selected.is_some() {
                for row in crate::ui::numbers_pressed(&keys, parts.rows.len()) {
                    actions.write(RiverAction::Take(parts.rows[row].1));
                }
            }
        }
        _ => {}
    }
}
