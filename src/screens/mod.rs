//! The exhibit's screens and the moves between them.

mod loading;
mod results;
mod scene_select;
mod title;

use bevy::prelude::*;

pub use loading::{LoadedPack, LoadingTracker, PackProblems};

use crate::scenes::{PlayRequest, SceneKind};

#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Loading,
    Title,
    SceneSelect,
    Playing(SceneKind),
    Results,
}

impl Screen {
    pub fn name(self) -> &'static str {
        match self {
            Screen::Loading => "loading",
            Screen::Title => "title",
            Screen::SceneSelect => "scene_select",
            Screen::Playing(_) => "playing",
            Screen::Results => "results",
        }
    }
}

/// The egui systems that draw screens; shared UI setup runs before them.
#[derive(SystemSet, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ScreensUi;

/// What a visitor asked for, from a button, a key or a test.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Navigate {
    Title,
    SceneSelect,
    Play(SceneKind, usize),
    Results,
}

pub(crate) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<Navigate>()
        .add_plugins((
            loading::plugin,
            title::plugin,
            scene_select::plugin,
            results::plugin,
        ))
        .add_systems(PostUpdate, navigate);
}

fn navigate(
    mut requests: MessageReader<Navigate>,
    mut next: ResMut<NextState<Screen>>,
    mut play: ResMut<PlayRequest>,
) {
    let Some(request) = requests.read().last() else {
        return;
    };
    let target = match *request {
        Navigate::Title => Screen::Title,
        Navigate::SceneSelect => Screen::SceneSelect,
        Navigate::Results => Screen::Results,
        Navigate::Play(scene, level) => {
            *play = PlayRequest { scene, level };
            Screen::Playing(scene)
        }
    };
    // `set` re-enters even the same screen, so "play again" starts afresh.
    next.set(target);
}
