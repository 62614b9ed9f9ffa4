//! Counting a kiosk's anonymous statistics as visitors play (never the attract loop's rounds),
//! and keeping them on the kiosk; once a day they may be sent to the venue's address.

use bevy::prelude::*;

use super::idle::{IdleEvent, Stage};
use super::stats::{RoundCount, Stats};
use super::{Kiosk, KioskEvent, KioskSystems};
use crate::pack::live::ActivePack;
use crate::platform;
use crate::scenes::{Autoplay, PlayRequest, RoundOutcome};
use crate::screens::Screen;

const STATS_KEY: &str = "green-actor.kiosk-stats";
/// Time in a scene is written down at least this often (seconds), so a crash loses little.
const FLUSH_SECONDS: f32 = 30.0;

/// The kiosk's statistics and what the staff menu shows beside them.
#[derive(Resource, Debug, Default)]
pub struct KioskStats {
    pub stats: Stats,
    /// The store could not be read at start and was started afresh.
    pub started_afresh: bool,
    /// The last failure the kiosk recovered from, as the page recorded it.
    pub last_error: Option<String>,
    /// Seconds in the current scene not yet written down.
    unsaved_seconds: f32,
    /// Kept in the browser's store (not with `?persist=0` or in tests).
    persist: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<KioskStats>()
        .add_systems(Startup, load)
        .add_systems(
            Update,
            (count_events, count_level_start, count_scene_time).in_set(KioskSystems::React),
        )
        .add_systems(OnEnter(Screen::Results), count_round);
}

fn save(stats: &KioskStats) {
    if stats.persist {
        platform::save(STATS_KEY, &stats.stats.to_json());
    }
}

fn load(mut stats: ResMut<KioskStats>, options: Res<crate::options::LaunchOptions>) {
    stats.persist = options.persist;
    let stored = options.persist.then(|| platform::load(STATS_KEY)).flatten();
    let (loaded, afresh) = Stats::from_json(stored.as_deref());
    stats.stats = loaded;
    stats.started_afresh = afresh;
    if afresh {
        warn!("the kiosk's statistics could not be read; they start afresh");
    }
    let crashes = platform::take_kiosk_crashes();
    if !crashes.is_empty() {
        let (day, _) = platform::local_day_hour();
        for reason in &crashes {
            stats.stats.crash(&day, reason);
        }
        stats.last_error = crashes.last().cloned();
    }
    save(&stats);
}

fn count_events(
    mut events: MessageReader<KioskEvent>,
    kiosk: Res<Kiosk>,
    mut stats: ResMut<KioskStats>,
) {
    for KioskEvent(event) in events.read() {
        let (day, hour) = platform::local_day_hour();
        match event {
            IdleEvent::Woke => stats.stats.session(&day, hour),
            IdleEvent::Reset => {
                stats.stats.reset(&day);
                if let Some(url) = &kiosk.settings.stats_url {
                    platform::post_stats(url, &stats.stats.csv(), &day);
                }
            }
            IdleEvent::CountdownStarted | IdleEvent::Cancelled => continue,
        }
        save(&stats);
    }
}

/// A visitor's round of a level begins.
fn count_level_start(
    screen: Res<State<Screen>>,
    request: Res<PlayRequest>,
    pack: Res<ActivePack>,
    autoplay: Option<Res<Autoplay>>,
    mut stats: ResMut<KioskStats>,
) {
    if !screen.is_changed() || autoplay.is_some() {
        return;
    }
    let Screen::Playing(scene) = *screen.get() else {
        return;
    };
    let Some(level) = pack
        .0
        .scene(scene)
        .and_then(|s| s.levels().get(request.level).map(|l| l.id.clone()))
    else {
        return;
    };
    let (day, _) = platform::local_day_hour();
    stats.stats.level_started(&day, scene.name(), &level);
    save(&stats);
}

fn count_scene_time(
    time: Res<Time<Real>>,
    screen: Res<State<Screen>>,
    kiosk: Res<Kiosk>,
    mut stats: ResMut<KioskStats>,
    mut scene_of_unsaved: Local<Option<crate::pack::SceneId>>,
) {
    let now = match *screen.get() {
        Screen::Playing(scene) if kiosk.clock.stage != Stage::Attract => Some(scene),
        _ => None,
    };
    if let Some(scene) = now {
        stats.unsaved_seconds += time.delta_secs();
        *scene_of_unsaved = Some(scene);
    }
    let left_scene = now.is_none() && stats.unsaved_seconds > 0.0;
    if (left_scene || stats.unsaved_seconds >= FLUSH_SECONDS)
        && let Some(scene) = *scene_of_unsaved
    {
        let (day, _) = platform::local_day_hour();
        let seconds = f64::from(std::mem::take(&mut stats.unsaved_seconds));
        stats.stats.scene_seconds(&day, scene.name(), seconds);
        save(&stats);
    }
}

/// A visitor's finished round: completion, right answers and what was missed, by question id.
fn count_round(
    outcome: Option<Res<RoundOutcome>>,
    pack: Res<ActivePack>,
    autoplay: Option<Res<Autoplay>>,
    mut stats: ResMut<KioskStats>,
) {
    let (Some(outcome), None) = (outcome, autoplay) else {
        return;
    };
    let Some(scene) = pack.0.scene(outcome.scene) else {
        return;
    };
    let questions = scene.data.questions(outcome.level, outcome.seed);
    let mut round = RoundCount {
        scene: outcome.scene.name(),
        level: &outcome.level_id,
        passed: outcome.passed,
        answers: 0,
        right: 0,
        missed: Vec::new(),
    };
    for (question, given) in questions.iter().zip(&outcome.given) {
        round.answers += 1;
        if given.is_some_and(|g| question.right.contains(&g)) {
            round.right += 1;
        } else {
            round.missed.push(&question.id);
        }
    }
    let (day, _) = platform::local_day_hour();
    stats.stats.round_finished(&day, &round);
    save(&stats);
}
