//! Sound effects with a remembered mute switch. Browsers start audio only after a gesture; every
//! sound here answers one, and the page resumes the audio context on the first touch.

use bevy::prelude::*;

use std::collections::HashMap;

use crate::asset_tracking::AssetTracker;
use crate::options::LaunchOptions;
use crate::platform;

const STORAGE_KEY: &str = "green-actor.muted";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sfx {
    Correct,
    Wrong,
    Tap,
    Drop,
    LevelComplete,
    Streak,
}

impl Sfx {
    pub const ALL: [Sfx; 6] = [
        Sfx::Correct,
        Sfx::Wrong,
        Sfx::Tap,
        Sfx::Drop,
        Sfx::LevelComplete,
        Sfx::Streak,
    ];

    pub fn file(self) -> &'static str {
        match self {
            Sfx::Correct => "correct",
            Sfx::Wrong => "wrong",
            Sfx::Tap => "tap",
            Sfx::Drop => "drop",
            Sfx::LevelComplete => "level-complete",
            Sfx::Streak => "streak",
        }
    }
}

/// Every sound effect's audio (empty where nothing plays, as in tests).
#[derive(Resource, Default)]
pub struct Sounds(HashMap<Sfx, Handle<AudioSource>>);

#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaySound(pub Sfx);

#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Muted(pub bool);

#[derive(Message, Clone, Copy, Debug)]
pub struct ToggleMute;

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<PlaySound>()
        .add_message::<ToggleMute>()
        .init_resource::<Muted>()
        .init_resource::<Sounds>()
        .add_systems(
            Startup,
            (
                remember_mute,
                load_sounds.run_if(resource_exists::<Assets<AudioSource>>),
            ),
        )
        .add_systems(Update, (toggle_mute, play).chain());
}

fn load_sounds(
    mut sounds: ResMut<Sounds>,
    server: Res<AssetServer>,
    mut tracker: ResMut<AssetTracker>,
) {
    for sfx in Sfx::ALL {
        let handle = tracker.load(&server, format!("audio/{}.ogg", sfx.file()));
        sounds.0.insert(sfx, handle);
    }
}

fn remember_mute(mut muted: ResMut<Muted>, options: Res<LaunchOptions>) {
    if options.persist {
        muted.0 = platform::load(STORAGE_KEY).as_deref() == Some("1");
    }
}

fn toggle_mute(
    mut toggles: MessageReader<ToggleMute>,
    mut muted: ResMut<Muted>,
    options: Res<LaunchOptions>,
) {
    for _ in toggles.read() {
        muted.0 = !muted.0;
        if options.persist {
            platform::save(STORAGE_KEY, if muted.0 { "1" } else { "0" });
        }
    }
}

fn play(
    mut commands: Commands,
    mut sounds: MessageReader<PlaySound>,
    muted: Res<Muted>,
    audio: Res<Sounds>,
) {
    for PlaySound(sfx) in sounds.read() {
        let Some(handle) = audio.0.get(sfx) else {
            continue;
        };
        if !muted.0 {
            commands.spawn((AudioPlayer::new(handle.clone()), PlaybackSettings::DESPAWN));
        }
    }
}
