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
    vec![sorting::scene(), travel::scene()]
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

/// A labelled bar on the results screen (one bin's accuracy, one week's CO₂).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: Localized,
    pub color: Color,
    /// How full the bar is, 0 to 1.
    pub fraction: f32,
    /// The figure beside it ("3 / 4", "2.4 kg").
    pub value: Localized,
}

/// The top of the results card.
#[derive(Clone, Debug, PartialEq)]
pub enum Headline {
    /// Right answers out of all, the score and the best streak.
    Answers {
        correct: usize,
        total: usize,
        score: u32,
        best_streak: u32,
    },
    /// One big figure and what it means (a week's CO₂ against an all-car week).
    Figure { value: Localized, detail: Localized },
}

/// Something to remember from the round (an item missed and why, the choice that saved most).
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

impl SourcedText {
    /// A pack's fact card with its sources cited.
    pub fn of(fact: &crate::pack::Fact, pack: &crate::pack::Pack) -> Self {
        SourcedText {
            text: fact.text.clone(),
            citation: pack.cite(&fact.source, fact.approx),
        }
    }
}

/// What a finished round leaves for the results screen.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct RoundOutcome {
    pub scene: SceneId,
    pub level: usize,
    pub level_id: String,
    pub level_title: Localized,
    pub headline: Headline,
    pub passed: bool,
    pub has_next: bool,
    /// The bars' heading (an i18n key), if they need one.
    pub bars_heading: Option<&'static str>,
    pub bars: Vec<Bar>,
    /// The lessons' heading (an i18n key).
    pub lessons_heading: &'static str,
    pub lessons: Vec<Lesson>,
    /// Lines under the lessons (how the figures were counted, with their sources).
    pub notes: Vec<SourcedText>,
    pub fact: Option<SourcedText>,
    /// What was answered to each of the level's questions (`SceneData::questions`), in order, by
    /// option index; None where nothing was given in time.
    pub given: Vec<Option<usize>>,
}

/// A seed every seat of a lesson shares, so the whole class gets the same questions; rounds
/// take it before the launch seed.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct SharedSeed(pub Option<u64>);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<PlayRequest>()
        .init_resource::<PassedLevels>()
        .init_resource::<SharedSeed>();
    for scene in all() {
        app.add_scene(scene);
    }
}
