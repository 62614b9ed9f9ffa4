//! The scenes and what every scene plugs into: registration, a request to play a level, and a
//! scene-neutral outcome for the results screen.

pub mod sorting;
pub mod travel;

use bevy::prelude::*;

use crate::pack::live::SceneRegistry;
use crate::pack::{Citation, Localized, SceneFormat, SceneFormats, SceneId};

/// A scene as the exhibit knows it: its pack format and the plugin that plays it.
#[derive(Clone, Copy)]
pub struct Scene {
    pub format: &'static dyn SceneFormat,
    pub plugin: fn(&mut App),
}

/// Every scene this build can play, one line each. A pack decides which of them appear, and in
/// what order.
pub fn all() -> Vec<Scene> {
    vec![sorting::scene()]
}

/// The pack formats of every scene, for checking packs outside the running exhibit.
pub fn formats() -> SceneFormats {
    SceneFormats::new(all().into_iter().map(|scene| scene.format))
}

/// Registers a scene: its format joins the pack checker and its plugin joins the app.
pub trait AddScene {
    fn add_scene(&mut self, scene: Scene) -> &mut Self;
}

impl AddScene for App {
    fn add_scene(&mut self, scene: Scene) -> &mut Self {
        self.init_resource::<SceneRegistry>();
        self.world_mut()
            .resource_mut::<SceneRegistry>()
            .register(scene.format);
        (scene.plugin)(self);
        self
    }
}

/// The levels passed in this session, shown on the scene select.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct PassedLevels(pub std::collections::HashSet<(SceneId, String)>);

/// Which level to play next; set by the scene select and the results screen.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlayRequest {
    pub scene: SceneId,
    pub level: usize,
}

/// A labelled tally for the results screen (e.g. one bin's accuracy).
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub label: Localized,
    pub color: Color,
    pub correct: usize,
    pub total: usize,
}

/// Something the player got wrong, and the lesson in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    pub id: String,
    pub icon: String,
    pub title: Localized,
    pub answer: Localized,
    pub color: Color,
    pub reason: Localized,
}

/// A true statement with its sources, for "what this means in the real world".
#[derive(Clone, Debug, PartialEq)]
pub struct SourcedText {
    pub text: Localized,
    pub citation: Citation,
}

/// What a finished round leaves for the results screen.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct RoundOutcome {
    pub scene: SceneId,
    pub level: usize,
    pub level_id: String,
    pub level_title: Localized,
    pub correct: usize,
    pub total: usize,
    pub score: u32,
    pub best_streak: u32,
    pub passed: bool,
    pub has_next: bool,
    pub tallies: Vec<Tally>,
    pub lessons: Vec<Lesson>,
    pub fact: Option<SourcedText>,
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<PlayRequest>()
        .init_resource::<PassedLevels>();
    for scene in all() {
        app.add_scene(scene);
    }
}
