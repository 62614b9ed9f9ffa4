//! A river level as a class's questions: each of the level's sources, the offered actions as
//! answers, and the actions that work on it (or clean the water of its stretch) as the right ones.

use super::format::{Level, RiverData};
use crate::pack::{Localized, Question};

/// Reading the level card and the results (seconds).
const OVERHEAD_SECONDS: f32 = 100.0;
/// Looking at a season's river, acting and watching it pass (seconds).
const SECONDS_PER_SEASON: f32 = 25.0;

/// The level's sources in the order of its stretches, each with the stretch it is on.
pub fn level_sources(level: &Level) -> Vec<(usize, &str)> {
    level
        .stretches
        .iter()
        .enumerate()
        .flat_map(|(s, stretch)| {
            stretch
                .sources
                .iter()
                .map(move |placed| (s, placed.source.as_str()))
        })
        .collect()
}

/// The seed does not matter: the sources are the level's own, in its order.
pub fn questions(data: &RiverData, level: usize) -> Vec<Question> {
    let Some(level) = data.levels.get(level) else {
        return Vec::new();
    };
    let offered: Vec<_> = level
        .actions
        .iter()
        .filter_map(|id| data.action(id))
        .collect();
    level_sources(level)
        .into_iter()
        .filter_map(|(s, id)| {
            let source = data.source(id)?;
            let right: Vec<usize> = offered
                .iter()
                .enumerate()
                .filter(|(_, action)| action.fixes.iter().any(|fix| fix == id))
                .map(|(index, _)| index)
                .collect();
            let stretch = &level.stretches[s];
            Some(Question {
                id: format!("{}/{}", stretch.id, id),
                title: Localized::new(
                    format!("{}：{}", stretch.name.zh, source.name.zh),
                    format!("{}: {}", stretch.name.en, source.name.en),
                ),
                icon: source.icon.clone(),
                options: offered.iter().map(|action| action.name.clone()).collect(),
                right,
                reason: source.why.clone(),
                source: source.source.clone(),
                approx: source.approx,
            })
        })
        .collect()
}

pub fn minutes(data: &RiverData, level: usize) -> f32 {
    let seasons = data.levels.get(level).map_or(0, |level| level.seasons);
    (seasons as f32 * SECONDS_PER_SEASON + OVERHEAD_SECONDS) / 60.0
}
