//! Player input → travel actions: a tap or click on a way-to-go card (through Bevy's pointer
//! messages, which merge touch and mouse), the number keys, Enter and Escape.

use bevy::picking::pointer::{PointerAction, PointerButton, PointerInput};
use bevy::prelude::*;

use super::layout::TravelLayout;
use super::{Phase, Travel, TravelAction};

/// The digit key that takes the trip's choice at `index`.
pub fn key_for_choice(index: usize) -> Option<KeyCode> {
    crate::ui::number_key(index)
}

pub(super) fn read_pointer(
    mut pointer: MessageReader<PointerInput>,
    travel: Res<Travel>,
    parts: Res<TravelLayout>,
    mut actions: MessageWriter<TravelAction>,
) {
    for input in pointer.read() {
        if !travel.running() {
            continue;
        }
        if let PointerAction::Press(PointerButton::Primary) = input.action
            && let Some(card) = parts.card_at(input.location.position)
        {
            actions.write(TravelAction::Choose(card));
        }
    }
}

pub(super) fn read_keys(
    keys: Res<ButtonInput<KeyCode>>,
    travel: Res<Travel>,
    mut actions: MessageWriter<TravelAction>,
) {
    if keys.just_pressed(KeyCode::Escape) {
        actions.write(TravelAction::Leave);
    }
    if travel.asking_to_leave {
        return;
    }
    let confirm = crate::ui::confirm_pressed(&keys);
    match travel.phase {
        Phase::Intro if confirm => {
            actions.write(TravelAction::Begin);
        }
        Phase::Travelling | Phase::Arrived if confirm => {
            actions.write(TravelAction::Continue);
        }
        Phase::Choosing => {
            let count = travel.current_trip().map_or(0, |trip| trip.choices.len());
            for index in crate::ui::numbers_pressed(&keys, count) {
                actions.write(TravelAction::Choose(index));
            }
        }
        _ => {}
    }
}
