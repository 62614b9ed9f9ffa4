//! The river's pure rules: GB 3838-2002 classes from indicator values (the worst indicator
//! decides), pollution carried downstream and mixed where rivers join, actions with a cost and a
//! delay, seasons and seeded weather, and the wildlife the water and the law allow.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::format::{Action, Indicator, Level, RiverData, Scope, Stretch, WaterBody, WaterClass};

/// The indicator whose sources the results rank by sector (total phosphorus).
pub const PHOSPHORUS: &str = "tp";
/// The key of `Action::cut` that removes floating litter.
pub const LITTER: &str = "litter";
/// The most of each kind of sorting mistake that shows on the river.
pub const MOST_MISTAKES: u32 = 3;

/// The class of one indicator's value: a minimum (dissolved oxygen) must be reached, a maximum
/// not exceeded; lakes use the lake limits where the standard has them.
pub fn classify(indicator: &Indicator, value: f32, body: WaterBody) -> WaterClass {
    let limits = indicator.limits_for(body);
    let within = |limit: f32| {
        if indicator.minimum {
            value >= limit
        } else {
            value <= limit
        }
    };
    limits
        .iter()
        .position(|&limit| within(limit))
        .map_or(WaterClass::WorseThanV, WaterClass::from_index)
}

/// A stretch's class and the indicator that decides it: the worst one (single-factor
/// assessment). Values are in the order of `data.indicators`.
pub fn worst(indicators: &[Indicator], values: &[f32], body: WaterBody) -> (WaterClass, usize) {
    indicators
        .iter()
        .zip(values)
        .enumerate()
        .map(|(index, (indicator, &value))| (classify(indicator, value, body), index))
        .fold((WaterClass::I, 0), |worst, next| {
            if next.0 > worst.0 { next } else { worst }
        })
}

/// An action taken: which, where, and when (how many seasons had passed).
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    pub action: String,
    pub stretch: usize,
    pub season: u32,
}

/// Extra sources the rest of the session adds (sorting mistakes), on the level's `dump_at`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extras {
    pub hazardous: u32,
    pub other: u32,
}

/// Whether `taken` works at step `step` (seasons passed).
pub fn working(data: &RiverData, taken: &Taken, step: u32) -> bool {
    data.action(&taken.action)
        .is_some_and(|action| step >= taken.season + action.delay)
}

/// Why an action cannot be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Unknown,
    NotOffered,
    AlreadyTaken,
    TooExpensive,
    /// Nothing on this stretch for it to work on.
    NothingToFix,
}

/// The budget left after the actions taken.
pub fn budget_left(data: &RiverData, level: &Level, taken: &[Taken]) -> u32 {
    let spent: u32 = taken
        .iter()
        .filter_map(|taken| data.action(&taken.action))
        .map(|action| action.cost)
        .sum();
    level.budget.saturating_sub(spent)
}

/// Whether `action` may be taken on `stretch` now.
pub fn can_take(
    data: &RiverData,
    level: &Level,
    taken: &[Taken],
    extras: &Extras,
    action_id: &str,
    stretch: usize,
) -> Result<(), Refusal> {
    let action = data.action(action_id).ok_or(Refusal::Unknown)?;
    if !level.actions.iter().any(|id| id == action_id) {
        return Err(Refusal::NotOffered);
    }
    let again = taken
        .iter()
        .any(|t| t.action == action_id && (action.scope == Scope::River || t.stretch == stretch));
    if again {
        return Err(Refusal::AlreadyTaken);
    }
    if action.cost > budget_left(data, level, taken) {
        return Err(Refusal::TooExpensive);
    }
    if action.scope == Scope::Stretch && !has_work(data, action, level, extras, stretch) {
        return Err(Refusal::NothingToFix);
    }
    Ok(())
}

/// A stretch action works on the stretch's water (`retain`) or on a source there it fixes (the
/// session's sorting mistakes included).
fn has_work(
    data: &RiverData,
    action: &Action,
    level: &Level,
    extras: &Extras,
    stretch: usize,
) -> bool {
    !action.retain.is_empty()
        || stretch_sources(data, level, extras, stretch)
            .iter()
            .any(|(id, _)| action.fixes.iter().any(|fix| fix == id))
}

/// The sources on a stretch the player sees, with their amounts: the level's, and on `dump_at`
/// the session's sorting mistakes (at most `MOST_MISTAKES` of each kind).
pub fn stretch_sources(
    data: &RiverData,
    level: &Level,
    extras: &Extras,
    stretch: usize,
) -> Vec<(String, f32)> {
    let Some(here) = level.stretches.get(stretch) else {
        return Vec::new();
    };
    let mut list: Vec<(String, f32)> = here
        .sources
        .iter()
        .map(|placed| (placed.source.clone(), placed.amount))
        .collect();
    if level.dump_at.as_deref() == Some(here.id.as_str()) {
        let mistakes = [
            (&data.from_sorting.hazardous, extras.hazardous),
            (&data.from_sorting.other, extras.other),
        ];
        for (id, count) in mistakes {
            if count > 0 {
                list.push((id.clone(), count.min(MOST_MISTAKES) as f32));
            }
        }
    }
    list
}

/// The stretches in an order where every stretch comes after those flowing into it. None when
/// the course loops or names a stretch that is not there.
pub fn upstream_first(level: &Level) -> Option<Vec<usize>> {
    let index = |id: &str| level.stretches.iter().position(|s| s.id == id);
    let mut into = Vec::with_capacity(level.stretches.len());
    for stretch in &level.stretches {
        into.push(match &stretch.into {
            Some(id) => Some(index(id)?),
            None => None,
        });
    }
    let mut waiting: Vec<usize> = (0..level.stretches.len())
        .map(|s| into.iter().filter(|&&i| i == Some(s)).count())
        .collect();
    let mut order: Vec<usize> = (0..waiting.len()).filter(|&s| waiting[s] == 0).collect();
    let mut next = 0;
    while next < order.len() {
        if let Some(down) = into[order[next]] {
            waiting[down] -= 1;
            if waiting[down] == 0 {
                order.push(down);
            }
        }
        next += 1;
    }
    (order.len() == level.stretches.len()).then_some(order)
}

/// Each stretch's flow: its own water and everything flowing into it.
pub fn flows(level: &Level) -> Vec<f32> {
    let mut flow: Vec<f32> = level.stretches.iter().map(|s| s.flow).collect();
    for s in upstream_first(level).unwrap_or_default() {
        if let Some(down) = downstream(level, s) {
            flow[down] += flow[s];
        }
    }
    flow
}

fn downstream(level: &Level, stretch: usize) -> Option<usize> {
    let into = level.stretches.get(stretch)?.into.as_deref()?;
    level.stretches.iter().position(|s| s.id == into)
}

/// The season (index into `data.seasons`) of step `step`.
pub fn season_at(data: &RiverData, level: &Level, step: u32) -> usize {
    let count = data.seasons.len().max(1);
    let start = data
        .seasons
        .iter()
        .position(|s| s.id == level.start)
        .unwrap_or(0);
    (start + step as usize) % count
}

/// The weather of step `step` (index into `data.weather`), drawn from the round's seed; none at
/// the start.
pub fn weather_at(data: &RiverData, seed: u64, step: u32) -> Option<usize> {
    if step == 0 {
        return None;
    }
    let mut rng = StdRng::seed_from_u64(seed ^ (u64::from(step)).wrapping_mul(WEATHER_STEP));
    let roll: f32 = rng.random();
    let mut below = 0.0;
    data.weather.iter().position(|weather| {
        below += weather.chance;
        roll < below
    })
}

/// Spreads the steps' weather draws apart (an odd constant: the golden ratio in 64 bits).
const WEATHER_STEP: u64 = 0x9E37_79B9_7F4A_7C15;

/// One stretch at one step.
#[derive(Clone, Debug, PartialEq)]
pub struct StretchState {
    pub class: WaterClass,
    /// The indicator that decides the class (index into `data.indicators`).
    pub deciding: usize,
    /// By indicator, in the order of `data.indicators`.
    pub values: Vec<f32>,
    pub litter: u32,
    pub hazard: bool,
    /// The species living here (indices into `data.species`).
    pub wildlife: Vec<usize>,
}

/// The whole river at one step.
#[derive(Clone, Debug, PartialEq)]
pub struct RiverState {
    pub step: u32,
    pub season: usize,
    pub weather: Option<usize>,
    pub stretches: Vec<StretchState>,
}

/// Everything that shapes the river at a step.
pub struct Situation<'a> {
    pub data: &'a RiverData,
    pub level: &'a Level,
    pub taken: &'a [Taken],
    pub extras: &'a Extras,
    pub seed: u64,
}

impl Situation<'_> {
    /// The actions working at `step`, with where they were taken.
    fn working(&self, step: u32) -> Vec<(&Action, usize)> {
        self.taken
            .iter()
            .filter(|taken| working(self.data, taken, step))
            .filter_map(|taken| Some((self.data.action(&taken.action)?, taken.stretch)))
            .collect()
    }

    /// The river at step `step` (seasons passed).
    pub fn at(&self, step: u32) -> RiverState {
        let (data, level) = (self.data, self.level);
        let season = season_at(data, level, step);
        let weather = weather_at(data, self.seed, step);
        let (mut runoff, mut flow_factor) = data
            .seasons
            .get(season)
            .map_or((1.0, 1.0), |s| (s.runoff, s.flow));
        if let Some(w) = weather.and_then(|w| data.weather.get(w)) {
            runoff *= w.runoff;
            flow_factor *= w.flow;
        }
        let working = self.working(step);
        let flows = flows(level);
        let count = level.stretches.len();
        let mut excess = vec![vec![0.0_f32; data.indicators.len()]; count];
        let mut litter = vec![0.0_f32; count];
        let mut hazard = vec![false; count];
        for s in upstream_first(level).unwrap_or_default() {
            let dilution = flows[s] * flow_factor;
            for (id, amount) in stretch_sources(data, level, self.extras, s) {
                let Some(source) = data.source(&id) else {
                    continue;
                };
                let fixing: Vec<&Action> = working
                    .iter()
                    .filter(|(action, at)| {
                        (action.scope == Scope::River || *at == s) && action.fixes.contains(&id)
                    })
                    .map(|(action, _)| *action)
                    .collect();
                let left = |key: &str| {
                    fixing
                        .iter()
                        .map(|action| 1.0 - action.cut.get(key).copied().unwrap_or(0.0))
                        .product::<f32>()
                };
                let wash = if source.runoff { runoff } else { 1.0 };
                for (i, indicator) in data.indicators.iter().enumerate() {
                    let load = source.loads.get(&indicator.id).copied().unwrap_or(0.0);
                    excess[s][i] += amount * load * wash * left(&indicator.id) / dilution;
                }
                litter[s] += amount * source.litter as f32 * left(LITTER);
                if source.hazard && !fixing.iter().any(|action| action.clears_hazards) {
                    hazard[s] |= amount > 0.0;
                }
            }
            for (action, at) in &working {
                if *at != s {
                    continue;
                }
                for (i, indicator) in data.indicators.iter().enumerate() {
                    let held = action.retain.get(&indicator.id).copied().unwrap_or(0.0);
                    excess[s][i] *= 1.0 - held;
                }
            }
            if let Some(down) = downstream(level, s) {
                let share = flows[s] / flows[down];
                for (i, indicator) in data.indicators.iter().enumerate() {
                    let carry = data.carry.get(&indicator.id).copied().unwrap_or(0.0);
                    let carried = excess[s][i] * carry * share;
                    excess[down][i] += carried;
                }
            }
        }
        let ban = working.iter().any(|(action, _)| action.fishing_ban);
        let stretches = level
            .stretches
            .iter()
            .enumerate()
            .map(|(s, stretch)| {
                let values: Vec<f32> = data
                    .indicators
                    .iter()
                    .enumerate()
                    .map(|(i, indicator)| {
                        let clean = stretch.clean.get(&indicator.id).copied().unwrap_or(0.0);
                        (clean + excess[s][i]).max(0.0)
                    })
                    .collect();
                let (class, deciding) = worst(&data.indicators, &values, stretch.body);
                let wildlife = living(data, stretch, class, ban, hazard[s]);
                StretchState {
                    class,
                    deciding,
                    values,
                    litter: litter[s].round() as u32,
                    hazard: hazard[s],
                    wildlife,
                }
            })
            .collect();
        RiverState {
            step,
            season,
            weather,
            stretches,
        }
    }
}

/// The species that live in a stretch of this class: in their own reaches only, under a fishing
/// ban if they need one, and none beside a hazard.
pub fn living(
    data: &RiverData,
    stretch: &Stretch,
    class: WaterClass,
    ban: bool,
    hazard: bool,
) -> Vec<usize> {
    data.species
        .iter()
        .enumerate()
        .filter(|(_, species)| {
            !hazard
                && class <= species.needs
                && species.reaches.contains(&stretch.reach)
                && (ban || !species.needs_ban)
        })
        .map(|(index, _)| index)
        .collect()
}

/// How a round stands after a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Playing,
    Won,
    Lost,
}

/// Whether every stretch the goal names is at its class or better.
pub fn goal_met(level: &Level, state: &RiverState) -> bool {
    level
        .stretches
        .iter()
        .zip(&state.stretches)
        .filter(|(stretch, _)| {
            level
                .goal
                .stretches
                .as_ref()
                .is_none_or(|named| named.contains(&stretch.id))
        })
        .all(|(_, now)| now.class <= level.goal.class)
}

/// Won as soon as a season ends with the goal met; lost when the last season ends without it.
pub fn verdict(level: &Level, state: &RiverState) -> Verdict {
    if state.step == 0 {
        Verdict::Playing
    } else if goal_met(level, state) {
        Verdict::Won
    } else if state.step >= level.seasons {
        Verdict::Lost
    } else {
        Verdict::Playing
    }
}

/// How far the river is from class Ⅲ in all: each indicator's value over its Ⅲ limit (the limit
/// over the value for a minimum), summed over stretches. Lower is cleaner.
pub fn pollution(data: &RiverData, level: &Level, state: &RiverState) -> f32 {
    const GOOD: usize = WaterClass::III as usize;
    level
        .stretches
        .iter()
        .zip(&state.stretches)
        .map(|(stretch, now)| {
            data.indicators
                .iter()
                .zip(&now.values)
                .map(|(indicator, &value)| {
                    let limits = indicator.limits_for(stretch.body);
                    let limit = limits[GOOD];
                    if indicator.minimum {
                        limit / value.max(0.1)
                    } else {
                        value / limit
                    }
                })
                .sum::<f32>()
        })
        .sum()
}

/// The action taken that did most for the water at `step`: the one whose absence would leave
/// the river dirtiest. With its share of the whole improvement (0 to 1).
pub fn did_most(situation: &Situation<'_>, step: u32) -> Option<(usize, f32)> {
    let with_all = pollution(situation.data, situation.level, &situation.at(step));
    let none = Situation {
        taken: &[],
        ..*situation
    };
    let untouched = pollution(situation.data, situation.level, &none.at(step));
    let gain = untouched - with_all;
    if gain <= 0.0 {
        return None;
    }
    (0..situation.taken.len())
        .map(|index| {
            let mut without = situation.taken.to_vec();
            without.remove(index);
            let rest = Situation {
                taken: &without,
                ..*situation
            };
            let lost = pollution(situation.data, situation.level, &rest.at(step)) - with_all;
            (index, lost)
        })
        .filter(|(_, lost)| *lost > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(index, lost)| (index, (lost / gain).min(1.0)))
}

/// What one unit of a source adds of total phosphorus (none for a negative load).
pub fn phosphorus_of(source: &super::format::Source) -> f32 {
    source
        .loads
        .get(PHOSPHORUS)
        .copied()
        .unwrap_or(0.0)
        .max(0.0)
}

/// Each sector's share of the total phosphorus the level's sources put in (before any action), for
/// the lesson that farming, not factories, is the largest source.
pub fn phosphorus_shares(data: &RiverData, level: &Level) -> Vec<(super::format::Sector, f32)> {
    let mut shares: Vec<(super::format::Sector, f32)> = Vec::new();
    for stretch in &level.stretches {
        for placed in &stretch.sources {
            let Some(source) = data.source(&placed.source) else {
                continue;
            };
            let tp = phosphorus_of(source) * placed.amount;
            match shares
                .iter_mut()
                .find(|(sector, _)| *sector == source.sector)
            {
                Some((_, sum)) => *sum += tp,
                None => shares.push((source.sector, tp)),
            }
        }
    }
    let total: f32 = shares.iter().map(|(_, tp)| tp).sum();
    if total > 0.0 {
        for (_, tp) in &mut shares {
            *tp /= total;
        }
    }
    shares.retain(|(_, share)| *share > 0.0);
    shares.sort_by(|a, b| b.1.total_cmp(&a.1));
    shares
}

#[cfg(test)]
mod tests;
