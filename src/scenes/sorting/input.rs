//! Player input → sort actions: drag and drop or tap-tap with a finger or the mouse (through
//! Bevy's pointer messages, which merge both), and keys 1–4, Enter and Escape.

use bevy::picking::pointer::{PointerAction, PointerButton, PointerInput};
use bevy::prelude::*;

use super::view::{Current, FieldLayout, Held, Selected, bin_at};
use super::{Phase, SortAction, Sorting};
use crate::layout::Layout;

/// The item on offer, as input sees it.
type ItemQuery<'w, 's> = Query<
    'w,
    's,
    (
        Entity,
        &'static mut Transform,
        Option<&'static mut Held>,
        Has<Selected>,
    ),
    With<Current>,
>;

/// A press that moves less than this is a tap, not a drag.
const TAP_SLOP: f32 = 12.0;

#[allow(clippy::too_many_arguments)]
pub(super) fn read_pointer(
    mut commands: Commands,
    mut pointer: MessageReader<PointerInput>,
    sorting: Res<Sorting>,
    field: Res<FieldLayout>,
    layout: Res<Layout>,
    mut items: ItemQuery,
    mut actions: MessageWriter<SortAction>,
) {
    for input in pointer.read() {
        let at = input.location.position;
        if !sorting.running() {
            continue;
        }
        let item = items.single_mut().ok();
        match input.action {
            PointerAction::Press(PointerButton::Primary) => {
                if let Some((entity, transform, held, _)) = item {
                    let centre = layout.to_screen(transform.translation.truncate());
                    if held.is_none() && centre.distance(at) <= field.item_size * 0.6 {
                        commands.entity(entity).insert(Held {
                            pointer: input.pointer_id,
                            offset: centre - at,
                            start: at,
                            moved: false,
                        });
                        continue;
                    }
                    if held.is_none()
                        && let Some(bin) = bin_at(&field, at)
                    {
                        commands.entity(entity).remove::<Selected>();
                        actions.write(SortAction::Sort(bin));
                    }
                }
            }
            PointerAction::Move { .. } => {
                if let Some((_, mut transform, Some(mut held), _)) = item
                    && held.pointer == input.pointer_id
                {
                    if at.distance(held.start) > TAP_SLOP {
                        held.moved = true;
                    }
                    let world = layout.to_world(at + held.offset);
                    transform.translation.x = world.x;
                    transform.translation.y = world.y;
                }
            }
            PointerAction::Release(PointerButton::Primary) => {
                if let Some((entity, _, Some(held), selected)) = item
                    && held.pointer == input.pointer_id
                {
                    commands.entity(entity).remove::<Held>();
                    if held.moved || at.distance(held.start) > TAP_SLOP {
                        commands.entity(entity).remove::<Selected>();
                        if let Some(bin) = bin_at(&field, at) {
                            actions.write(SortAction::Sort(bin));
                        }
                    } else if selected {
                        commands.entity(entity).remove::<Selected>();
                    } else {
                        commands.entity(entity).insert(Selected);
                    }
                }
            }
            PointerAction::Cancel => {
                if let Some((entity, _, Some(held), _)) = item
                    && held.pointer == input.pointer_id
                {
                    commands.entity(entity).remove::<Held>();
                }
            }
            _ => {}
        }
    }
}

/// The digit key that sorts into the bin at `bin` (left to right).
pub fn key_for_bin(bin: usize) -> Option<KeyCode> {
    crate::ui::number_key(bin)
}

pub(super) fn read_keys(
    keys: Res<ButtonInput<KeyCode>>,
    sorting: Res<Sorting>,
    mut actions: MessageWriter<SortAction>,
) {
    if keys.just_pressed(KeyCode::Escape) {
        actions.write(SortAction::Leave);
    }
    let confirm = crate::ui::confirm_pressed(&keys);
    if sorting.asking_to_leave {
        return;
    }
    match sorting.phase {
        Phase::Intro if confirm => {
            actions.write(SortAction::Begin);
        }
        Phase::Feedback if confirm => {
            actions.write(SortAction::Continue);
        }
        Phase::Playing => {
            for bin in crate::ui::numbers_pressed(&keys, sorting.data.bins.len()) {
                actions.write(SortAction::Sort(bin));
            }
        }
        _ => {}
    }
}
