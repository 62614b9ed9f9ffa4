//! The sorting scene's entry in the browser tests' state: the round, the item on offer and
//! where each bin is.

use bevy::prelude::*;
use serde_json::{Value, json};

use super::view::{Current, FieldLayout};
use super::{SCENE_ID, SCREEN, Sorting};
use crate::i18n::Language;
use crate::layout::Layout;
use crate::test_hooks::{PublishScenes, SceneTestState, rect_json};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Last,
        publish
            .in_set(PublishScenes)
            .run_if(resource_exists::<Sorting>),
    )
    .add_systems(OnExit(SCREEN), |mut state: ResMut<SceneTestState>| {
        state.0.remove(SCENE_ID.name());
    });
}

fn publish(
    sorting: Res<Sorting>,
    field: Res<FieldLayout>,
    layout: Res<Layout>,
    language: Res<Language>,
    current: Query<&Transform, With<Current>>,
    mut state: ResMut<SceneTestState>,
) {
    let current = sorting
        .round
        .current()
        .zip(current.single().ok())
        .map(|(item, transform)| {
            let at = layout.to_screen(transform.translation.truncate());
            let item = &sorting.data.items[item];
            json!({"id": item.id, "bin": item.bin_for(sorting.city()), "x": at.x, "y": at.y})
        });
    let bins: Vec<Value> = sorting
        .data
        .bins
        .iter()
        .zip(&field.bins)
        .map(|(bin, rect)| {
            let mut value = rect_json(*rect);
            value["id"] = json!(bin.id);
            value
        })
        .collect();
    let feedback = sorting.feedback.as_ref().map(|feedback| {
        json!({
            "item": sorting.data.items[feedback.item].id,
            "chosen": feedback.verdict.chosen.map(|b| sorting.data.bins[b].id.clone()),
            "correct": sorting.data.bins[feedback.verdict.expected].id,
            "reason": language.pick(&sorting.data.items[feedback.item].reason),
        })
    });
    let entry = json!({
        "level": sorting.level().id,
        "level_title": language.pick(&sorting.level().title),
        "level_index": sorting.level_index,
        "phase": sorting.phase.name(),
        "current": current,
        "bins": bins,
        "score": sorting.round.score(),
        "streak": sorting.round.streak(),
        "sorted": sorting.round.sorted(),
        "total": sorting.round.total(),
        "correct": sorting.round.correct(),
        "feedback": feedback,
    });
    state.0.insert(SCENE_ID.name(), entry);
}
