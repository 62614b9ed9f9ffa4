//! The kiosk's part of the browser tests' state: its stage, the attract loop and the statistics.

use bevy::prelude::*;
use serde_json::json;

use super::Kiosk;
use super::attract::AttractLoop;
use super::idle::Stage;
use super::record::KioskStats;
use super::staff::StaffDesk;
use crate::platform;
use crate::test_hooks::{PublishScenes, SceneTestState};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, publish.in_set(PublishScenes));
}

fn publish(
    kiosk: Res<Kiosk>,
    attract: Res<AttractLoop>,
    stats: Res<KioskStats>,
    desk: Res<StaffDesk>,
    mut state: ResMut<SceneTestState>,
) {
    // A browser test asks for a panic this way, to see the kiosk recover from it.
    if platform::forced_panic_requested() {
        panic!("a browser test forced this panic");
    }
    let (day, _) = platform::local_day_hour();
    let today = stats.stats.days.get(&day);
    let countdown = match kiosk.clock.stage {
        Stage::Countdown { left } => Some(left),
        _ => None,
    };
    state.0.insert(
        "kiosk",
        json!({
            "stage": kiosk.clock.stage.name(),
            "countdown_left": countdown,
            "attract_scene": attract.showing.map(|(scene, _)| scene.name()),
            "attract_turns": attract.turns_begun,
            "resets": today.map_or(0, |c| c.resets),
            "sessions": stats.stats.sessions_on(&day),
            "crashes": today.map_or(0, |c| c.crashes.values().sum::<u32>()),
            "staff_unlocked": desk.unlocked,
            "language": kiosk.settings.language.code(),
            "idle_seconds": kiosk.settings.idle_seconds,
            // Also left in `window.__greenActorWasmMemoryBytes` for the soak benchmark.
            "wasm_memory_bytes": platform::wasm_memory_bytes(),
            "csv": stats.stats.csv(),
        }),
    );
}
