//! The seam every scene plugs into: a scene declares its pack format (its manifest name, the
//! parser for its files, its card art) and `parse_pack` hands each manifest entry to it.

use std::any::Any;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use super::{Files, Localized, Problem, SceneEntry, Source};

/// A scene's name as `pack.json` writes it, and as screens and tests know it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SceneId(pub &'static str);

impl SceneId {
    pub fn name(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for SceneId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// What a scene-select card shows of one level before it is played.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelSummary {
    pub id: String,
    pub title: Localized,
}

/// One question of a level as a class sees it: what is asked, the answers offered, which count
/// as right and why, with the reason's sources.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub title: Localized,
    pub icon: String,
    /// The answers offered, by index (the bins, the ways to make a trip).
    pub options: Vec<Localized>,
    /// The options that count as right.
    pub right: Vec<usize>,
    pub reason: Localized,
    pub source: Vec<String>,
    pub approx: bool,
}

/// A scene's checked part of a pack. Each scene downcasts to its own type.
pub trait SceneData: Any + Send + Sync + fmt::Debug {
    /// The playable levels, in play order.
    fn levels(&self) -> Vec<LevelSummary>;

    /// One line for `validate`, e.g. "115 items" (the level count is added by the caller).
    fn contents(&self) -> Localized;

    /// What the pack manager shows of a level before anyone plays it: a line saying how it is
    /// played, then a line per item, trip or place in it.
    fn preview(&self, level: usize) -> Vec<Localized>;

    /// The questions a round of `level` asks with `seed`, in the order it asks them: the same seed
    /// gives the same questions, so a class shares them.
    fn questions(&self, level: usize, seed: u64) -> Vec<Question>;

    /// About how many minutes a round of `level` takes, reading and results included.
    fn minutes(&self, level: usize) -> f32;
}

/// What a scene's parser is given: its manifest entry, the pack's files and its sources.
pub struct SceneInput<'a> {
    pub entry: &'a SceneEntry,
    pub files: &'a Files,
    pub sources: &'a BTreeMap<String, Source>,
    /// The pack's own pictures, which an `icon` may name by path.
    pub pictures: &'a super::pictures::Pictures,
}

/// What a scene's parser gives back: its data (None when nothing is playable) and every problem.
pub struct Parsed {
    pub data: Option<Arc<dyn SceneData>>,
    pub problems: Vec<Problem>,
}

/// A scene's pack format. Registered once per build; `pack/` never names a scene.
pub trait SceneFormat: Send + Sync + 'static {
    fn id(&self) -> SceneId;

    /// Icons (from the built-in icon library) that illustrate the scene's card.
    fn card_icons(&self) -> &'static [&'static str];

    /// Checks the scene's files; broken items and levels are left out, never silently.
    fn parse(&self, input: SceneInput<'_>) -> Parsed;

    /// JSON Schemas of the scene's files by name (`sorting-data`, `sorting-level`), for editors.
    #[cfg(not(target_arch = "wasm32"))]
    fn schemas(&self) -> Vec<(&'static str, schemars::Schema)> {
        Vec::new()
    }
}

/// The scene formats this build knows.
#[derive(Clone, Default)]
pub struct SceneFormats(Vec<&'static dyn SceneFormat>);

impl SceneFormats {
    pub fn new(formats: impl IntoIterator<Item = &'static dyn SceneFormat>) -> Self {
        SceneFormats(formats.into_iter().collect())
    }

    pub fn register(&mut self, format: &'static dyn SceneFormat) {
        self.0.retain(|known| known.id() != format.id());
        self.0.push(format);
    }

    pub fn get(&self, name: &str) -> Option<&'static dyn SceneFormat> {
        self.0
            .iter()
            .copied()
            .find(|format| format.id().name() == name)
    }

    pub fn all(&self) -> impl Iterator<Item = &'static dyn SceneFormat> + '_ {
        self.0.iter().copied()
    }

    pub fn names(&self) -> Vec<&'static str> {
        self.0.iter().map(|format| format.id().name()).collect()
    }
}

impl fmt::Debug for SceneFormats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

/// One playable scene of a pack: its format and its checked data.
#[derive(Clone)]
pub struct PackScene {
    pub format: &'static dyn SceneFormat,
    pub data: Arc<dyn SceneData>,
}

impl PackScene {
    pub fn id(&self) -> SceneId {
        self.format.id()
    }

    pub fn levels(&self) -> Vec<LevelSummary> {
        self.data.levels()
    }

    /// The scene's own data type, or None when `T` is not it.
    pub fn data<T: SceneData>(&self) -> Option<&T> {
        (self.data.as_ref() as &dyn Any).downcast_ref::<T>()
    }

    /// The same, shared (for a round that keeps it while the pack may change).
    pub fn shared<T: SceneData>(&self) -> Option<Arc<T>> {
        (self.data.clone() as Arc<dyn Any + Send + Sync>)
            .downcast::<T>()
            .ok()
    }
}

impl fmt::Debug for PackScene {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PackScene")
            .field("id", &self.id())
            .field("data", &self.data)
            .finish()
    }
}
