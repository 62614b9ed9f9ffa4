//! A sorting round as a class's questions: each item drawn, the bins as answers, and the reason
//! with the source of the list it follows.

use super::format::SortingData;
use super::rules;
use crate::pack::Question;

/// Reading the level card and the results, on top of the sorting itself (seconds).
const OVERHEAD_SECONDS: f32 = 90.0;
/// A child sorting an item at their own pace, the feedback after a mistake included (seconds).
const SECONDS_PER_ITEM: f32 = 8.0;

pub fn questions(data: &SortingData, level: usize, seed: u64) -> Vec<Question> {
    let Some(level) = data.levels.get(level) else {
        return Vec::new();
    };
    let city = level.city.as_deref();
    let options: Vec<_> = data.bins.iter().map(|bin| bin.name.clone()).collect();
    rules::draw_round(data, level, seed)
        .unwrap_or_default()
        .into_iter()
        .map(|index| {
            let item = &data.items[index];
            let rule = city.and_then(|city| item.city_rule(city));
            let (source, approx) = match rule {
                Some(rule) => (rule.source.clone(), rule.approx),
                None => (item.source.clone(), item.approx),
            };
            Question {
                id: item.id.clone(),
                title: item.name.clone(),
                icon: item.icon.clone(),
                options: options.clone(),
                right: data.bin_index(item.bin_for(city)).into_iter().collect(),
                reason: item.reason.clone(),
                source,
                approx,
            }
        })
        .collect()
}

pub fn minutes(data: &SortingData, level: usize) -> f32 {
    let Some(level) = data.levels.get(level) else {
        return 0.0;
    };
    let sorting = level
        .timer_seconds
        .or(level.pace_seconds.map(|pace| pace * level.count as f32))
        .unwrap_or(SECONDS_PER_ITEM * level.count as f32);
    (sorting + OVERHEAD_SECONDS) / 60.0
}
