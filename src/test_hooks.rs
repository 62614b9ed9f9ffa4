//! The read-only state the browser tests read (`window.greenActor.state()` with `?test=1`).
//! Scene-neutral: each scene publishes its own entry into [`SceneTestState`] (in `PublishScenes`),
//! and this module only carries it.

use std::collections::BTreeMap;

use bevy::prelude::*;
use serde_json::{Value, json};

use crate::i18n::Language;
use crate::options::LaunchOptions;
use crate::pack::live::{ActivePack, PackStatus};
use crate::platform;
use crate::scenes::{Headline, RoundOutcome};
use crate::screens::Screen;
use crate::ui::UiRects;
use crate::world::EcoWorld;

/// Each scene's own entry, by scene name; a scene removes its entry when it is left.
#[derive(Resource, Default)]
pub struct SceneTestState(pub BTreeMap<&'static str, Value>);

/// Scenes write their entries in this set, before the state is published.
#[derive(SystemSet, Clone, Debug, PartialEq, Eq, Hash)]
pub struct PublishScenes;

pub fn enabled(options: Res<LaunchOptions>) -> bool {
    options.test_hooks
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<SceneTestState>()
        .configure_sets(Last, PublishScenes.run_if(enabled))
        .add_systems(Last, publish.after(PublishScenes).run_if(enabled));
}

pub fn rect_json(rect: Rect) -> Value {
    json!({"x": rect.min.x, "y": rect.min.y, "w": rect.width(), "h": rect.height()})
}

#[allow(clippy::too_many_arguments)]
fn publish(
    mut frame: Local<u64>,
    screen: Res<State<Screen>>,
    language: Res<Language>,
    rects: Option<Res<UiRects>>,
    status: Res<PackStatus>,
    pack: Option<Res<ActivePack>>,
    scenes: Res<SceneTestState>,
    outcome: Option<Res<RoundOutcome>>,
    world: Res<EcoWorld>,
) {
    *frame += 1;
    let scene = match screen.get() {
        Screen::Playing(scene) => Some(scene.name()),
        _ => None,
    };
    let buttons: serde_json::Map<String, Value> = rects
        .iter()
        .flat_map(|rects| rects.0.iter())
        .map(|(name, rect)| (name.clone(), rect_json(*rect)))
        .collect();
    let results = outcome
        .filter(|_| *screen.get() == Screen::Results)
        .map(|outcome| {
            let mut results = json!({
                "scene": outcome.scene.name(),
                "level": outcome.level_id,
                "passed": outcome.passed,
                "missed": outcome.lessons.iter().map(|l| l.id.clone()).collect::<Vec<_>>(),
                "bars": outcome.bars.iter().map(|bar| json!({
                    "label": language.pick(&bar.label),
                    "value": language.pick(&bar.value),
                })).collect::<Vec<_>>(),
            });
            match &outcome.headline {
                Headline::Answers {
                    correct,
                    total,
                    score,
                    ..
                } => {
                    results["correct"] = json!(correct);
                    results["total"] = json!(total);
                    results["score"] = json!(score);
                }
                Headline::Figure { value, detail } => {
                    results["figure"] = json!(language.pick(value));
                    results["detail"] = json!(language.pick(detail));
                }
            }
            results
        });
    let pack = pack.map(|pack| {
        json!({
            "id": pack.0.manifest.id,
            "version": pack.0.manifest.version,
            "label": status.label,
            "rejected": status.rejected,
            "scenes": pack.0.scenes.iter().map(|scene| json!({
                "id": scene.id().name(),
                "levels": scene.levels().iter().map(|level| level.id.clone()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    });
    let mut state = json!({
        "screen": screen.get().name(),
        "scene": scene,
        "lang": language.0.code(),
        "frame": *frame,
        "title": language.t("app.title"),
        "buttons": buttons,
        "pack": pack,
        "errors": crate::pack::listed(status.problems.iter().filter(|p| p.is_error())).0.iter().map(|p| p.describe(language.0)).collect::<Vec<_>>(),
        "results": results,
        "world": {
            "cleanliness": world.cleanliness,
            "haze": world.haze,
            "water": world.water,
            "misplaced_hazardous": world.misplaced_hazardous,
            "misplaced_other": world.misplaced_other,
        },
    });
    for (name, entry) in &scenes.0 {
        state[*name] = entry.clone();
    }
    platform::publish_test_state(&state.to_string());
}
