//! A travel week as a class's questions: each trip, its ways as answers, and the lowest-carbon way
//! that fits it as the right one, with the sources of the factors behind it.

use super::format::TravelData;
use super::{rules, words};
use crate::pack::Question;

/// Reading the level card and the week's results (seconds).
const OVERHEAD_SECONDS: f32 = 90.0;
/// Reading a trip, choosing and watching the journey (seconds).
const SECONDS_PER_TRIP: f32 = 40.0;

/// The seed does not matter: a week's trips are the level's own, in its order.
pub fn questions(data: &TravelData, level: usize) -> Vec<Question> {
    let Some(level) = data.levels.get(level) else {
        return Vec::new();
    };
    level
        .trips
        .iter()
        .map(|trip| {
            let right: Vec<usize> = (0..trip.choices.len())
                .filter(|&i| {
                    let choice = &trip.choices[i];
                    rules::is_feasible(data, trip, choice)
                        && rules::fit(data, trip, choice) == rules::Fit::Lowest
                })
                .collect();
            let best = right.first().map(|&i| &trip.choices[i]);
            let icon = best
                .and_then(|choice| choice.legs.iter().max_by(|a, b| a.km.total_cmp(&b.km)))
                .and_then(|leg| data.mode(&leg.mode))
                .map(|mode| mode.icon.clone())
                .unwrap_or_default();
            let modes = trip
                .choices
                .iter()
                .flat_map(|choice| choice.modes())
                .filter_map(|id| data.mode(id));
            let (source, approx) = rules::factor_sources(modes);
            let reason = match best
                .and_then(|choice| Some((choice, rules::choice_cost(data, trip, choice)?)))
            {
                Some((choice, cost)) => words::both(|lang| {
                    crate::i18n::tr(lang, "travel.lowest_fitting")
                        .replace("%{way}", words::choice_name(data, choice).get(lang))
                        .replace("%{co2}", &words::co2(cost.co2_grams, lang))
                }),
                None => Default::default(),
            };
            Question {
                id: trip.id.clone(),
                title: trip.name.clone(),
                icon,
                options: trip
                    .choices
                    .iter()
                    .map(|choice| words::choice_name(data, choice))
                    .collect(),
                right,
                reason,
                source,
                approx,
            }
        })
        .collect()
}

pub fn minutes(data: &TravelData, level: usize) -> f32 {
    let trips = data.levels.get(level).map_or(0, |level| level.trips.len());
    (trips as f32 * SECONDS_PER_TRIP + OVERHEAD_SECONDS) / 60.0
}
