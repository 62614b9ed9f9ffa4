//! The travel scene's entry in the browser tests' state: the week, the trip on offer, where each
//! way-to-go card is and what the rules say it costs, the sky and the vehicle.

use bevy::prelude::*;
use serde_json::{Value, json};

use super::layout::TravelLayout;
use super::map::Vehicle;
use super::{SCENE_ID, SCREEN, Travel, rules, words};
use crate::i18n::Language;
use crate::layout::Layout;
use crate::test_hooks::{PublishScenes, SceneTestState, rect_json};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Last,
        publish
            .in_set(PublishScenes)
            .run_if(resource_exists::<Travel>),
    )
    .add_systems(OnExit(SCREEN), |mut state: ResMut<SceneTestState>| {
        state.0.remove(SCENE_ID.name());
    });
}

fn publish(
    travel: Res<Travel>,
    parts: Res<TravelLayout>,
    layout: Res<Layout>,
    language: Res<Language>,
    vehicle: Query<(&Transform, &Visibility), With<Vehicle>>,
    mut state: ResMut<SceneTestState>,
) {
    let data = &travel.data;
    let choices: Vec<Value> = travel
        .current_trip()
        .map(|trip| {
            trip.choices
                .iter()
                .zip(&parts.cards)
                .map(|(choice, rect)| {
                    let cost = rules::choice_cost(data, trip, choice).unwrap_or_default();
                    let mut value = rect_json(*rect);
                    value["label"] = json!(language.pick(&words::choice_name(data, choice)));
                    value["available"] = json!(rules::unavailable(data, trip, choice).is_none());
                    value["co2_grams"] = json!(cost.co2_grams);
                    value["minutes"] = json!(cost.minutes);
                    value["yuan"] = json!(cost.yuan);
                    value
                })
                .collect()
        })
        .unwrap_or_default();
    let summary = travel.summary();
    let vehicle = vehicle
        .single()
        .ok()
        .filter(|(_, visibility)| **visibility != Visibility::Hidden)
        .map(|(transform, _)| {
            let at = layout.to_screen(transform.translation.truncate());
            json!({"x": at.x, "y": at.y})
        });
    let made = travel
        .made()
        .map(|(choice, fit)| json!({"choice": choice, "fit": format!("{fit:?}").to_lowercase()}));
    let entry = json!({
        "level": travel.level().id,
        "level_index": travel.level_index,
        "phase": travel.phase.name(),
        "trip": travel.trip,
        "trip_id": travel.current_trip().map(|trip| trip.id.clone()),
        "trips": travel.trips().len(),
        "choices": choices,
        "chosen": travel.week.chosen,
        "made": made,
        "notice": travel.notice,
        "week_co2_grams": summary.played.co2_grams,
        "all_car_co2_grams": summary.all_car.co2_grams,
        "haze": travel.haze(),
        "map": rect_json(parts.map),
        "vehicle": vehicle,
        "progress": travel.journey.map(|journey| journey.progress),
    });
    state.0.insert(SCENE_ID.name(), entry);
}
