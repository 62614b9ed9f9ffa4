//! The read-only state the browser tests read (`window.greenActor.state()` with `?test=1`).

use bevy::prelude::*;
use serde_json::{Value, json};

use crate::i18n::Language;
use crate::layout::Layout;
use crate::options::LaunchOptions;
use crate::platform;
use crate::scenes::RoundOutcome;
use crate::scenes::sorting::Sorting;
use crate::scenes::sorting::view::{Current, FieldLayout};
use crate::screens::{PackProblems, Screen};
use crate::ui::UiRects;

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(
        Last,
        publish.run_if(|options: Res<LaunchOptions>| options.test_hooks),
    );
}

fn rect_json(rect: Rect) -> Value {
    json!({"x": rect.min.x, "y": rect.min.y, "w": rect.width(), "h": rect.height()})
}

#[allow(clippy::too_many_arguments)]
fn publish(
    mut frame: Local<u64>,
    screen: Res<State<Screen>>,
    language: Res<Language>,
    rects: Res<UiRects>,
    problems: Res<PackProblems>,
    layout: Res<Layout>,
    sorting: Option<Res<Sorting>>,
    field: Res<FieldLayout>,
    outcome: Option<Res<RoundOutcome>>,
    current: Query<&Transform, With<Current>>,
) {
    *frame += 1;
    let scene = match screen.get() {
        Screen::Playing(scene) => Some(scene.name()),
        _ => None,
    };
    let buttons: serde_json::Map<String, Value> = rects
        .0
        .iter()
        .map(|(name, rect)| (name.clone(), rect_json(*rect)))
        .collect();
    let sorting = sorting.map(|sorting| {
        let current = sorting.round.current().zip(current.single().ok()).map(
            |(item, transform)| {
                let at = layout.to_screen(transform.translation.truncate());
                let item = &sorting.data.items[item];
                json!({"id": item.id, "bin": item.bin_for(sorting.city()), "x": at.x, "y": at.y})
            },
        );
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
        json!({
            "level": sorting.level().id,
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
        })
    });
    let results = outcome
        .filter(|_| *screen.get() == Screen::Results)
        .map(|outcome| {
            json!({
                "scene": outcome.scene.name(),
                "level": outcome.level_id,
                "correct": outcome.correct,
                "total": outcome.total,
                "score": outcome.score,
                "passed": outcome.passed,
                "missed": outcome.lessons.iter().map(|l| l.id.clone()).collect::<Vec<_>>(),
            })
        });
    let state = json!({
        "screen": screen.get().name(),
        "scene": scene,
        "lang": language.0.code(),
        "frame": *frame,
        "title": language.t("app.title"),
        "buttons": buttons,
        "errors": problems.0.iter().filter(|p| p.is_error()).map(|p| p.describe(language.0)).collect::<Vec<_>>(),
        "sorting": sorting,
        "results": results,
    });
    platform::publish_test_state(&state.to_string());
}
