//! The scenes and what every scene plugs into: a kind, a request to play a level, an outcome.

pub mod sorting;

use bevy::prelude::*;
use serde::Serialize;

use crate::pack::Localized;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SceneKind {
    #[default]
    Sorting,
}

impl SceneKind {
    pub fn from_name(name: &str) -> Option<SceneKind> {
        match name {
            "sorting" => Some(SceneKind::Sorting),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SceneKind::Sorting => "sorting",
        }
    }

    /// The icons that illustrate the scene's card.
    pub fn card_icons(self) -> &'static [&'static str] {
        match self {
            SceneKind::Sorting => &["recycling-symbol", "wastebasket", "green-apple"],
        }
    }
}

/// Which level to play next; set by the scene select and the results screen.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlayRequest {
    pub scene: SceneKind,
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
    pub sources: Vec<Localized>,
    pub approx: bool,
}

/// What a finished round leaves for the results screen.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct RoundOutcome {
    pub scene: SceneKind,
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
        .add_plugins(sorting::plugin);
}
