//! The river scene's entry in the browser tests' state: the phase, the season, the budget, each
//! stretch's class with where its badge and sources are, the card's action rows and the wildlife.

use bevy::prelude::*;
use serde_json::{Value, json};

use super::layout::RiverLayout;
use super::{River, SCENE_ID, SCREEN};
use crate::test_hooks::{PublishScenes, SceneTestState, rect_json};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Last,
        publish
            .in_set(PublishScenes)
            .run_if(resource_exists::<River>),
    )
    .add_systems(OnExit(SCREEN), |mut state: ResMut<SceneTestState>| {
        state.0.remove(SCENE_ID.name());
    });
}

fn publish(river: Res<River>, parts: Res<RiverLayout>, mut state: ResMut<SceneTestState>) {
    let data = &river.data;
    let level = river.level();
    let stretches: Vec<Value> = level
        .stretches
        .iter()
        .enumerate()
        .map(|(s, stretch)| {
            let now = &river.now.stretches[s];
            let part = parts.stretches.get(s);
            let sources: Vec<Value> = river
                .sources_on(s)
                .iter()
                .enumerate()
                .map(|(j, (id, amount))| {
                    let mut value = part
                        .and_then(|p| p.sources.get(j))
                        .map_or(json!({}), |r| rect_json(*r));
                    value["id"] = json!(id);
                    value["amount"] = json!(amount);
                    value
                })
                .collect();
            let wildlife: Vec<&str> = now
                .wildlife
                .iter()
                .filter_map(|&i| data.species.get(i))
                .map(|species| species.id.as_str())
                .collect();
            json!({
                "id": stretch.id,
                "class": now.class.latin(),
                "start_class": river.start.stretches[s].class.latin(),
                "deciding": data.indicators.get(now.deciding).map(|i| i.id.clone()),
                "values": now.values,
                "litter": now.litter,
                "hazard": now.hazard,
                "wildlife": wildlife,
                "badge": part.map(|p| rect_json(p.badge)),
                "sources": sources,
            })
        })
        .collect();
    let rows: Vec<Value> = parts
        .rows
        .iter()
        .map(|(rect, index)| {
            let mut value = rect_json(*rect);
            value["action"] = json!(level.actions.get(*index));
            value["index"] = json!(index);
            value
        })
        .collect();
    let taken: Vec<Value> = river
        .taken
        .iter()
        .map(|t| json!({"action": t.action, "stretch": t.stretch, "season": t.season}))
        .collect();
    let entry = json!({
        "level": level.id,
        "level_index": river.level_index,
        "phase": river.phase.name(),
        "step": river.now.step,
        "seasons": level.seasons,
        "season": data.seasons.get(river.now.season).map(|s| s.id.clone()),
        "weather": river.now.weather.and_then(|w| data.weather.get(w)).map(|w| w.id.clone()),
        "budget_left": river.budget_left(),
        "verdict": format!("{:?}", river.verdict).to_lowercase(),
        "selected": river.selected.map(|s| s.stretch),
        "inspected": river.selected.and_then(|s| s.source),
        "notice": river.notice.map(|(index, why)| json!({"index": index, "why": format!("{why:?}")})),
        "stretches": stretches,
        "rows": rows,
        "taken": taken,
        "next_season": rect_json(parts.next_season),
        "close": rect_json(parts.close),
        "begin": rect_json(parts.begin),
        "map": rect_json(parts.map),
        "extras": {"hazardous": river.extras.hazardous, "other": river.extras.other},
    });
    state.0.insert(SCENE_ID.name(), entry);
}
