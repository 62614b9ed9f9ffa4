//! The scenes and what every scene plugs into: registration, a request to play a level, and a
//! scene-neutral outcome for the results screen.

pub mod river;
pub mod sorting;
pub mod travel;

use bevy::prelude::*;

use crate::pack::live::SceneRegistry;
use crate::pack::{Citation, Localized, SceneFormat, SceneFormats, SceneId};

/// A scene as the exhibit knows it: its pack format, the plugin that plays it, and its automated
/// player (a kiosk's attract loop shows each scene playing itself).
#[derive(Clone, Copy)]
pub struct Scene {
    pub format: &'static dyn SceneFormat,
    pub plugin: fn(&mut App),
    /// Plays the scene while [`Autoplay`] exists, through the same actions a player's taps, drags
    /// and keys become, so the real rules decide what happens.
    pub autoplayer: fn(&mut App),
}

/// While this resource exists the scene on screen plays itself (a kiosk's attract loop).
#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub struct Autoplay {
    /// Seconds between the automated player's moves.
    pub pace: f32,
    /// Every this many answers, a wrong one, so the attract loop shows the feedback too.
    pub mistake_every: usize,
}

impl Default for Autoplay {
    fn default() -> Self {
        Autoplay {
            pace: 1.4,
            mistake_every: 4,
        }
    }
}

impl Autoplay {
    /// Whether the automated player moves now: `wait` seconds after its last move, counted in
    /// `waited`.
    pub fn due(waited: &mut f32, delta: f32, wait: f32) -> bool {
        *waited += delta;
        let due = *waited >= wait;
        if due {
            *waited = 0.0;
        }
        due
    }
}

pub fn autoplaying(autoplay: Option<Res<Autoplay>>) -> bool {
    autoplay.is_some()
}

/// Set by a scene every frame an animation runs that the visitor watches (a trip being
/// travelled): a kiosk does not count that time as idleness. Cleared at the start of each frame.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct Busy(pub bool);

/// Every scene this build can play, one line each. A pack decides which of them appear, and in
/// what order.
pub fn all() -> Vec<Scene> {
    vec![sorting::scene(), travel::scene(), river::scene()]
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
        (scene.autoplayer)(self);
        self
    }
}

/// The levels passed in this session, shown on the scene select.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct PassedLevels(pub std::collections::HashSet<(SceneId, String)>);

/// The scenes and levels visitors are offered (a kiosk's staff may switch some off): all of the
/// pack's unless named here.
#[derive(Resource, Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Offered {
    /// The scene ids that are on; None for all.
    pub scenes: Option<Vec<String>>,
    /// Per scene id, the level ids that are on; a scene not named has all of its levels on.
    pub levels: std::collections::BTreeMap<String, Vec<String>>,
}

impl Offered {
    pub fn scene_on(&self, scene: &str) -> bool {
        self.scenes
            .as_ref()
            .is_none_or(|on| on.iter().any(|s| s == scene))
    }

    pub fn level_on(&self, scene: &str, level: &str) -> bool {
        self.levels
            .get(scene)
            .is_none_or(|on| on.iter().any(|l| l == level))
    }
}

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
    /// The seed the round's questions were drawn with (`SceneData::questions(level, seed)`).
    pub seed: u64,
}

/// A seed every seat of a lesson shares, so the whole class gets the same questions; rounds
/// take it before the launch seed.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct SharedSeed(pub Option<u64>);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<PlayRequest>()
        .init_resource::<PassedLevels>()
        .init_resource::<SharedSeed>()
        .init_resource::<Offered>()
        .init_resource::<Busy>()
        .add_systems(First, |mut busy: ResMut<Busy>| {
            busy.set_if_neq(Busy(false));
        });
    for scene in all() {
        app.add_scene(scene);
    }
}
