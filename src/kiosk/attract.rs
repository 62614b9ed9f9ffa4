//! The attract loop: while nobody is there, each scene that is on plays itself in turn (its own
//! automated player, through the scene seam), one level after another. A touch starts a fresh
//! game of the scene being shown.

use bevy::prelude::*;

use super::idle::{IdleEvent, Stage};
use super::{Kiosk, KioskEvent, KioskSystems};
use crate::pack::live::ActivePack;
use crate::pack::{Pack, SceneId};
use crate::platform;
use crate::scenes::{Autoplay, Offered};
use crate::screens::{Navigate, Screen};

/// The loop's place: which turn, how long it has run, and what is on screen.
#[derive(Resource, Debug, Default)]
pub struct AttractLoop {
    pub turn: usize,
    pub elapsed: f32,
    pub showing: Option<(SceneId, usize)>,
    /// Turns begun since the kiosk started.
    pub turns_begun: usize,
}

/// Every (scene, level) that is on, taking the scenes in turn: the first level of each scene,
/// then the second of each, and so on.
pub fn turns(pack: &Pack, offered: &Offered) -> Vec<(SceneId, usize)> {
    let scenes: Vec<(SceneId, Vec<usize>)> = pack
        .scenes
        .iter()
        .filter(|scene| offered.scene_on(scene.id().name()))
        .map(|scene| {
            let id = scene.id();
            let levels = scene
                .levels()
                .iter()
                .enumerate()
                .filter(|(_, level)| offered.level_on(id.name(), &level.id))
                .map(|(index, _)| index)
                .collect();
            (id, levels)
        })
        .collect();
    let rounds = scenes
        .iter()
        .map(|(_, levels)| levels.len())
        .max()
        .unwrap_or(0);
    (0..rounds)
        .flat_map(|round| {
            scenes
                .iter()
                .filter_map(move |(id, levels)| levels.get(round).map(|level| (*id, *level)))
        })
        .collect()
}

/// A scene's first level that is on.
pub fn first_level(pack: &Pack, offered: &Offered, scene: SceneId) -> usize {
    turns(pack, offered)
        .into_iter()
        .find(|(id, _)| *id == scene)
        .map_or(0, |(_, level)| level)
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AttractLoop>().add_systems(
        Update,
        (offer_what_is_on, leave_on_touch, drive)
            .chain()
            .in_set(KioskSystems::React),
    );
}

fn offer_what_is_on(kiosk: Res<Kiosk>, mut offered: ResMut<Offered>) {
    if kiosk.is_changed() {
        offered.set_if_neq(kiosk.settings.offered.clone());
    }
}

/// A visitor arrived: the scene being shown starts afresh for them, played by them. A reset
/// starts the loop at once.
fn leave_on_touch(
    mut commands: Commands,
    mut events: MessageReader<KioskEvent>,
    mut attract: ResMut<AttractLoop>,
    pack: Res<ActivePack>,
    offered: Res<Offered>,
    mut navigate: MessageWriter<Navigate>,
) {
    for KioskEvent(event) in events.read() {
        match event {
            IdleEvent::Woke => {
                commands.remove_resource::<Autoplay>();
                let go = match attract.showing.take() {
                    Some((scene, _)) => {
                        Navigate::Play(scene, first_level(&pack.0, &offered, scene))
                    }
                    None => Navigate::Title,
                };
                navigate.write(go);
            }
            IdleEvent::Reset => {
                attract.showing = None;
                platform::kiosk_idle_moment();
            }
            IdleEvent::CountdownStarted | IdleEvent::Cancelled => {}
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn drive(
    mut commands: Commands,
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    screen: Res<State<Screen>>,
    pack: Res<ActivePack>,
    offered: Res<Offered>,
    autoplay: Option<Res<Autoplay>>,
    mut attract: ResMut<AttractLoop>,
    mut navigate: MessageWriter<Navigate>,
) {
    if kiosk.clock.stage != Stage::Attract || *screen.get() == Screen::Loading {
        return;
    }
    if autoplay.is_none() {
        commands.insert_resource(Autoplay::default());
    }
    attract.elapsed += time.delta_secs();
    if attract.showing.is_some() && attract.elapsed < kiosk.settings.attract_seconds {
        return;
    }
    let turns = turns(&pack.0, &offered);
    if turns.is_empty() {
        return;
    }
    let (scene, level) = turns[attract.turn % turns.len()];
    attract.turn = (attract.turn + 1) % turns.len();
    attract.turns_begun += 1;
    attract.elapsed = 0.0;
    attract.showing = Some((scene, level));
    navigate.write(Navigate::Play(scene, level));
}
