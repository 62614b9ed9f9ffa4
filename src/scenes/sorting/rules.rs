//! The sorting rules, free of Bevy: which items a level draws, what counts as right, the score.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::format::{Level, SortingData};
use crate::pack::Localized;

/// Points for a right answer; a streak adds a bonus, a timer never does.
pub const POINTS_CORRECT: u32 = 10;
pub const STREAK_BONUS_STEP: u32 = 2;
pub const STREAK_BONUS_MAX: u32 = 10;

#[derive(Clone, Debug, PartialEq)]
pub enum DrawError {
    NotEnough {
        need: usize,
        have: usize,
    },
    BinTooRare {
        bin: String,
        need: usize,
        have: usize,
    },
}

impl DrawError {
    pub fn message(&self) -> Localized {
        match self {
            DrawError::NotEnough { need, have } => Localized::new(
                format!("需要 {need} 个物品，符合条件的只有 {have} 个"),
                format!("needs {need} items but only {have} match"),
            ),
            DrawError::BinTooRare { bin, need, have } => Localized::new(
                format!("每个桶至少 {need} 个物品，但「{bin}」只有 {have} 个"),
                format!("needs at least {need} items for each bin, but bin \"{bin}\" has {have}"),
            ),
        }
    }
}

/// Indices of the items a level may use: those it lists or draws that fit its city rules.
pub fn eligible(data: &SortingData, level: &Level) -> Vec<usize> {
    let city = data.level_city(level);
    let chosen = |i: &usize| match (&level.items, &level.draw) {
        (Some(ids), _) => ids.contains(&data.items[*i].id),
        (None, Some(draw)) => {
            let item = &data.items[*i];
            item.tags.iter().any(|tag| draw.tags.contains(tag))
                && draw.tricky.is_none_or(|tricky| tricky == item.tricky)
        }
        (None, None) => false,
    };
    (0..data.items.len())
        .filter(chosen)
        .filter(|i| data.items[*i].fits(city))
        .collect()
}

fn per_bin_min(level: &Level) -> usize {
    level.draw.as_ref().map_or(0, |draw| draw.per_bin_min)
}

/// Whether the level's eligible items can fill its count and its per-bin minimum.
pub fn check_draw_possible(data: &SortingData, level: &Level) -> Result<(), DrawError> {
    check_pool(data, level, &eligible(data, level))
}

fn check_pool(data: &SortingData, level: &Level, pool: &[usize]) -> Result<(), DrawError> {
    if pool.len() < level.count {
        return Err(DrawError::NotEnough {
            need: level.count,
            have: pool.len(),
        });
    }
    let min = per_bin_min(level);
    for bin in &data.bins {
        let have = pool
            .iter()
            .filter(|i| data.items[**i].bin_for(level.city.as_deref()) == bin.id)
            .count();
        if have < min {
            return Err(DrawError::BinTooRare {
                bin: bin.id.clone(),
                need: min,
                have,
            });
        }
    }
    if min * data.bins.len() > level.count {
        return Err(DrawError::NotEnough {
            need: min * data.bins.len(),
            have: level.count,
        });
    }
    Ok(())
}

/// The items of one round, in play order. The same seed always gives the same round.
pub fn draw_round(data: &SortingData, level: &Level, seed: u64) -> Result<Vec<usize>, DrawError> {
    let mut pool = eligible(data, level);
    check_pool(data, level, &pool)?;
    let mut rng = StdRng::seed_from_u64(seed);
    pool.shuffle(&mut rng);
    let min = per_bin_min(level);
    let mut chosen = Vec::with_capacity(level.count);
    for bin in &data.bins {
        let of_bin: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|i| data.items[*i].bin_for(level.city.as_deref()) == bin.id)
            .take(min)
            .collect();
        chosen.extend(of_bin);
    }
    for i in pool {
        if chosen.len() >= level.count {
            break;
        }
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.shuffle(&mut rng);
    Ok(chosen)
}

/// One decision: which bin the player chose (None when the item went past or time ran out).
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub item: usize,
    pub chosen: Option<usize>,
    pub expected: usize,
}

impl Answer {
    pub fn is_correct(&self) -> bool {
        self.chosen == Some(self.expected)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Verdict {
    pub correct: bool,
    pub expected: usize,
    pub chosen: Option<usize>,
    pub points: u32,
    pub streak: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    order: Vec<usize>,
    answers: Vec<Answer>,
    city: Option<String>,
    streak: u32,
    best_streak: u32,
    score: u32,
    stopped: bool,
}

impl Round {
    pub fn new(order: Vec<usize>, city: Option<String>) -> Self {
        Round {
            order,
            answers: Vec::new(),
            city,
            streak: 0,
            best_streak: 0,
            score: 0,
            stopped: false,
        }
    }

    pub fn current(&self) -> Option<usize> {
        if self.stopped {
            return None;
        }
        self.order.get(self.answers.len()).copied()
    }

    pub fn order(&self) -> &[usize] {
        &self.order
    }

    pub fn sorted(&self) -> usize {
        self.answers.len()
    }

    pub fn total(&self) -> usize {
        self.order.len()
    }

    pub fn correct(&self) -> usize {
        self.answers.iter().filter(|a| a.is_correct()).count()
    }

    pub fn streak(&self) -> u32 {
        self.streak
    }

    pub fn score(&self) -> u32 {
        self.score
    }

    /// The bin given for each item of the round, in order; None for items missed or not reached.
    pub fn given(&self) -> Vec<Option<usize>> {
        (0..self.order.len())
            .map(|i| self.answers.get(i).and_then(|answer| answer.chosen))
            .collect()
    }

    pub fn is_finished(&self) -> bool {
        self.current().is_none()
    }

    /// The bin index the current item belongs in.
    pub fn expected_bin(&self, data: &SortingData) -> Option<usize> {
        let item = &data.items[self.current()?];
        data.bin_index(item.bin_for(self.city.as_deref()))
    }

    /// The player put the current item into bin `chosen`.
    pub fn answer(&mut self, data: &SortingData, chosen: usize) -> Option<Verdict> {
        self.record(data, Some(chosen))
    }

    /// The current item went past unsorted (conveyor).
    pub fn miss(&mut self, data: &SortingData) -> Option<Verdict> {
        self.record(data, None)
    }

    /// Time is up: the rest stay unsorted and count as missed.
    pub fn stop(&mut self) {
        self.stopped = true;
    }

    fn record(&mut self, data: &SortingData, chosen: Option<usize>) -> Option<Verdict> {
        let item = self.current()?;
        let expected = self.expected_bin(data)?;
        let answer = Answer {
            item,
            chosen,
            expected,
        };
        let correct = answer.is_correct();
        let points = if correct {
            let bonus = (self.streak * STREAK_BONUS_STEP).min(STREAK_BONUS_MAX);
            self.streak += 1;
            self.best_streak = self.best_streak.max(self.streak);
            POINTS_CORRECT + bonus
        } else {
            self.streak = 0;
            0
        };
        self.score += points;
        self.answers.push(answer);
        Some(Verdict {
            correct,
            expected,
            chosen,
            points,
            streak: self.streak,
        })
    }

    pub fn summary(&self, data: &SortingData, level: &Level) -> Summary {
        let mut missed: Vec<Answer> = self
            .answers
            .iter()
            .filter(|a| !a.is_correct())
            .cloned()
            .collect();
        for item in self.order.iter().skip(self.answers.len()) {
            let expected = data
                .bin_index(data.items[*item].bin_for(self.city.as_deref()))
                .unwrap_or(0);
            missed.push(Answer {
                item: *item,
                chosen: None,
                expected,
            });
        }
        let per_bin = (0..data.bins.len())
            .map(|bin| {
                let total = self.order.iter().filter(|i| {
                    data.bin_index(data.items[**i].bin_for(self.city.as_deref())) == Some(bin)
                });
                BinTally {
                    bin,
                    total: total.count(),
                    correct: self
                        .answers
                        .iter()
                        .filter(|a| a.expected == bin && a.is_correct())
                        .count(),
                }
            })
            .collect();
        let correct = self.correct();
        let total = self.total();
        let accuracy = if total == 0 {
            0.0
        } else {
            correct as f32 / total as f32
        };
        Summary {
            correct,
            total,
            accuracy,
            passed: accuracy + f32::EPSILON >= level.pass_mark,
            score: self.score,
            best_streak: self.best_streak,
            per_bin,
            missed,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BinTally {
    pub bin: usize,
    pub correct: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub correct: usize,
    pub total: usize,
    pub accuracy: f32,
    pub passed: bool,
    pub score: u32,
    pub best_streak: u32,
    pub per_bin: Vec<BinTally>,
    pub missed: Vec<Answer>,
}

#[cfg(test)]
mod tests;

/// How much slower the belt gets after an item slips past, and the slowest it gets (as a
/// multiple of the level's pace): a child or a grandparent reading a long label catches up.
pub const BELT_SLOWDOWN: f32 = 1.3;
pub const BELT_SLOWEST: f32 = 2.0;
/// How much of the slowdown each right answer takes back.
pub const BELT_RECOVERY: f32 = 1.1;

/// Seconds an item takes to cross the belt: the level's pace, slower after misses, never faster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BeltPace {
    level: f32,
    now: f32,
}

impl BeltPace {
    pub fn new(level_seconds: f32) -> Self {
        BeltPace {
            level: level_seconds,
            now: level_seconds,
        }
    }

    pub fn seconds(&self) -> f32 {
        self.now
    }

    /// An item slipped past: the next ones ride slower.
    pub fn slipped_past(&mut self) {
        self.now = (self.now * BELT_SLOWDOWN).min(self.level * BELT_SLOWEST);
    }

    /// A right answer: the belt picks up a little, up to the level's own pace.
    pub fn sorted_right(&mut self) {
        self.now = (self.now / BELT_RECOVERY).max(self.level);
    }
}
