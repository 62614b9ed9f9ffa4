//! A visitor's session, wiped when they walk away or the next one arrives: the round, the
//! language (back to the venue's), the shared eco-world, the levels passed, the mute button.

use bevy::prelude::*;

use super::idle::IdleEvent;
use super::{Kiosk, KioskEvent, KioskSystems};
use crate::audio::Muted;
use crate::i18n::Language;
use crate::input_seen::InputSeen;
use crate::options::LaunchOptions;
use crate::scenes::{PassedLevels, SharedSeed};
use crate::world::EcoWorld;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (wipe_on_reset_or_arrival, apply_volume).in_set(KioskSystems::React),
    );
}

/// The venue's language from the start, unless the URL forces one.
pub(super) fn venue_language(
    kiosk: Res<Kiosk>,
    options: Res<LaunchOptions>,
    mut language: ResMut<Language>,
) {
    if options.lang.is_none() {
        language.0 = kiosk.settings.language;
    }
}

#[allow(clippy::too_many_arguments)]
fn wipe_on_reset_or_arrival(
    mut events: MessageReader<KioskEvent>,
    kiosk: Res<Kiosk>,
    mut language: ResMut<Language>,
    mut world: ResMut<EcoWorld>,
    mut passed: ResMut<PassedLevels>,
    mut shared: ResMut<SharedSeed>,
    mut muted: ResMut<Muted>,
    mut seen: ResMut<InputSeen>,
) {
    let wipe = events
        .read()
        .any(|KioskEvent(event)| matches!(event, IdleEvent::Reset | IdleEvent::Woke));
    if !wipe {
        return;
    }
    language.set_if_neq(Language(kiosk.settings.language));
    // The attract loop's rounds changed the world too: every visitor starts from the same one.
    *world = EcoWorld::default();
    passed.0.clear();
    *shared = SharedSeed::default();
    muted.set_if_neq(Muted(false));
    seen.keyboard = false;
}

fn apply_volume(kiosk: Res<Kiosk>, volume: Option<ResMut<GlobalVolume>>) {
    if let Some(mut volume) = volume
        && kiosk.is_changed()
    {
        volume.volume = bevy::audio::Volume::Linear(kiosk.settings.volume);
    }
}
