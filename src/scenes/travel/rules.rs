//! The travel rules, free of Bevy: what a choice costs in CO₂, minutes and yuan, which choices a
//! trip allows, and how a week compares with an all-car week and the lowest-carbon week.

use super::format::{Choice, FactorBasis, Mode, TravelData, Trip};
use crate::pack::Localized;

/// What one way of making a trip costs, for everyone travelling.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cost {
    pub co2_grams: f32,
    pub minutes: f32,
    pub yuan: f32,
}

impl std::ops::Add for Cost {
    type Output = Cost;

    fn add(self, other: Cost) -> Cost {
        Cost {
            co2_grams: self.co2_grams + other.co2_grams,
            minutes: self.minutes + other.minutes,
            yuan: self.yuan + other.yuan,
        }
    }
}

impl Cost {
    pub fn co2_kg(&self) -> f32 {
        self.co2_grams / 1000.0
    }
}

/// One leg of `km` by `mode` for `travellers` people: a shared vehicle's emissions and running
/// costs are counted once; a seat's for each traveller.
pub fn leg_cost(mode: &Mode, km: f32, travellers: u32) -> Cost {
    let shares = |whole_vehicle: bool| {
        if whole_vehicle {
            1.0
        } else {
            travellers as f32
        }
    };
    Cost {
        co2_grams: km * mode.grams_per_km * shares(mode.per_vehicle),
        minutes: km / mode.speed_kmh * 60.0 + mode.wait_minutes,
        yuan: (mode.cost_fixed + mode.cost_per_km * km) * shares(mode.fare_per_vehicle),
    }
}

/// A whole choice, leg after leg; None when a leg names a mode the pack lacks.
pub fn choice_cost(data: &TravelData, trip: &Trip, choice: &Choice) -> Option<Cost> {
    choice.legs.iter().try_fold(Cost::default(), |total, leg| {
        Some(total + leg_cost(data.mode(&leg.mode)?, leg.km, trip.travellers))
    })
}

/// Whether a choice fits the trip: nothing rules it out and it arrives in time.
pub fn is_feasible(data: &TravelData, trip: &Trip, choice: &Choice) -> bool {
    choice.ruled_out.is_none()
        && choice_cost(data, trip, choice)
            .is_some_and(|cost| cost.minutes <= trip.time_limit_minutes)
}

/// Why a choice cannot be taken on this trip.
#[derive(Clone, Debug, PartialEq)]
pub enum Unavailable {
    /// The level says why (a grandparent cannot walk that far).
    RuledOut(Localized),
    /// It would arrive late: it takes this many minutes, and the trip allows `limit`.
    TooSlow { minutes: f32, limit: f32 },
}

/// What stops a choice, if anything.
pub fn unavailable(data: &TravelData, trip: &Trip, choice: &Choice) -> Option<Unavailable> {
    if let Some(why) = &choice.ruled_out {
        return Some(Unavailable::RuledOut(why.clone()));
    }
    let minutes = choice_cost(data, trip, choice)?.minutes;
    (minutes > trip.time_limit_minutes).then_some(Unavailable::TooSlow {
        minutes,
        limit: trip.time_limit_minutes,
    })
}

/// The feasible choice with the least CO₂ (the first of equals), by index.
pub fn lowest_carbon(data: &TravelData, trip: &Trip) -> Option<usize> {
    trip.choices
        .iter()
        .enumerate()
        .filter(|(_, choice)| is_feasible(data, trip, choice))
        .filter_map(|(i, choice)| Some((i, choice_cost(data, trip, choice)?)))
        .min_by(|(_, a), (_, b)| a.co2_grams.total_cmp(&b.co2_grams))
        .map(|(i, _)| i)
}

/// How a choice's CO₂ sits among the trip's feasible choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The least CO₂ of every choice that fits the trip, even when that is a car.
    Lowest,
    /// More than the least, but not much more.
    Moderate,
    /// Much more than the least: over half-way from the lowest to the highest feasible choice,
    /// and at least `HEAVY_MIN_GRAMS` more.
    Heavy,
}

/// Above this share of the way from the lowest to the highest feasible CO₂, a choice is heavy.
pub const HEAVY_SHARE: f32 = 0.5;
/// A difference smaller than this (grams of CO₂) never makes a choice heavy.
pub const HEAVY_MIN_GRAMS: f32 = 200.0;

pub fn fit(data: &TravelData, trip: &Trip, choice: &Choice) -> Fit {
    let feasible: Vec<f32> = trip
        .choices
        .iter()
        .filter(|choice| is_feasible(data, trip, choice))
        .filter_map(|choice| choice_cost(data, trip, choice).map(|cost| cost.co2_grams))
        .collect();
    let Some(co2) = choice_cost(data, trip, choice).map(|cost| cost.co2_grams) else {
        return Fit::Moderate;
    };
    let lowest = feasible.iter().copied().fold(f32::INFINITY, f32::min);
    let highest = feasible.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let above = co2 - lowest;
    if above <= 0.0 {
        Fit::Lowest
    } else if above > HEAVY_SHARE * (highest - lowest) && above >= HEAVY_MIN_GRAMS {
        Fit::Heavy
    } else {
        Fit::Moderate
    }
}

/// The same trip driven alone: by the trip's own choice in the baseline car where it has one (an
/// expressway drive for a long trip), otherwise in the baseline car over the trip's distance.
pub fn all_car_cost(data: &TravelData, trip: &Trip) -> Option<Cost> {
    let is_baseline_car =
        |id: &str| id == data.baseline || data.mode(id).is_some_and(|mode| mode.baseline_car);
    let by_car = trip
        .choices
        .iter()
        .find(|choice| choice.legs.iter().all(|leg| is_baseline_car(&leg.mode)));
    match by_car {
        Some(choice) => choice.legs.iter().try_fold(Cost::default(), |total, leg| {
            Some(total + leg_cost(data.mode(&leg.mode)?, leg.km, 1))
        }),
        None => Some(leg_cost(data.mode(&data.baseline)?, trip.distance_km, 1)),
    }
}

/// A week as played: each trip's chosen choice (by index).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Week {
    pub chosen: Vec<usize>,
}

/// What a week comes to, beside the all-car week and the lowest-carbon week that meets every
/// constraint.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekSummary {
    pub played: Cost,
    pub all_car: Cost,
    pub lowest: Cost,
    /// The trip whose choice saved the most CO₂ against driving it alone, and how much.
    pub best_saving: Option<(usize, f32)>,
}

/// Sums a week. Trips without a choice yet are left out of all three totals alike.
pub fn summarize(data: &TravelData, trips: &[Trip], week: &Week) -> WeekSummary {
    let mut played = Cost::default();
    let mut all_car = Cost::default();
    let mut lowest = Cost::default();
    let mut best_saving: Option<(usize, f32)> = None;
    for (i, (trip, &chosen)) in trips.iter().zip(&week.chosen).enumerate() {
        let Some(cost) = trip
            .choices
            .get(chosen)
            .and_then(|choice| choice_cost(data, trip, choice))
        else {
            continue;
        };
        let car = all_car_cost(data, trip).unwrap_or_default();
        played = played + cost;
        all_car = all_car + car;
        let best = lowest_carbon(data, trip)
            .and_then(|index| choice_cost(data, trip, &trip.choices[index]))
            .unwrap_or(cost);
        lowest = lowest + best;
        let saving = car.co2_grams - cost.co2_grams;
        if saving > 0.0 && best_saving.is_none_or(|(_, most)| saving > most) {
            best_saving = Some((i, saving));
        }
    }
    WeekSummary {
        played,
        all_car,
        lowest,
        best_saving,
    }
}

/// How hazy the city's sky is drawn: the week's CO₂ so far as a share of driving every trip so
/// far alone (0 = as clear as it gets, 1 = as hazy as an all-car week).
pub fn haze(played: &Cost, all_car: &Cost) -> f32 {
    if all_car.co2_grams <= 0.0 {
        0.0
    } else {
        (played.co2_grams / all_car.co2_grams).clamp(0.0, 1.0)
    }
}

/// How long the trip's animation runs, in seconds: proportional to its minutes, within bounds a
/// visitor can watch.
pub fn journey_seconds(minutes: f32) -> f32 {
    (minutes * JOURNEY_SECONDS_PER_MINUTE).clamp(JOURNEY_MIN_SECONDS, JOURNEY_MAX_SECONDS)
}

pub const JOURNEY_SECONDS_PER_MINUTE: f32 = 0.05;
pub const JOURNEY_MIN_SECONDS: f32 = 1.2;
pub const JOURNEY_MAX_SECONDS: f32 = 4.0;

/// Which leg of a choice is under way `progress` (0 to 1) along it, legs sharing the way by their
/// kilometres.
pub fn leg_at(choice: &Choice, progress: f32) -> usize {
    let total: f32 = choice.legs.iter().map(|leg| leg.km).sum();
    let mut covered = 0.0;
    for (i, leg) in choice.legs.iter().enumerate() {
        covered += leg.km;
        if progress * total < covered {
            return i;
        }
    }
    choice.legs.len().saturating_sub(1)
}

/// Whether a week is green: its CO₂ is at most half-way from the lowest-carbon week to the
/// all-car week.
pub fn is_green_week(summary: &WeekSummary) -> bool {
    summary.played.co2_grams
        <= summary.lowest.co2_grams
            + GREEN_WEEK_SHARE * (summary.all_car.co2_grams - summary.lowest.co2_grams)
}

pub const GREEN_WEEK_SHARE: f32 = 0.5;

/// The source keys of these modes' factors, each once, and whether any of them is approximate
/// (marked so, or the game's own estimate).
pub fn factor_sources<'m>(modes: impl IntoIterator<Item = &'m Mode>) -> (Vec<String>, bool) {
    let mut keys: Vec<String> = Vec::new();
    let mut approx = false;
    for mode in modes {
        approx |= mode.approx || mode.basis == FactorBasis::Estimate;
        for key in &mode.source {
            if !keys.contains(key) {
                keys.push(key.clone());
            }
        }
    }
    (keys, approx)
}

/// Whether these trips' ways mix the UK and the Chinese factor sets, which count differently
/// (modes that emit nothing count in neither).
pub fn mixes_bases<'t>(data: &TravelData, trips: impl IntoIterator<Item = &'t Trip>) -> bool {
    let bases: Vec<FactorBasis> = trips
        .into_iter()
        .flat_map(|trip| &trip.choices)
        .flat_map(|choice| &choice.legs)
        .filter_map(|leg| data.mode(&leg.mode))
        .filter(|mode| mode.grams_per_km > 0.0)
        .map(|mode| mode.basis)
        .collect();
    bases.contains(&FactorBasis::UkDesnz2022) && bases.contains(&FactorBasis::China)
}

/// Kilometres of driving alone in the baseline car that emit the same CO₂: a comparison any
/// child can picture, made from the pack's own factor.
pub fn as_car_km(data: &TravelData, co2_grams: f32) -> Option<f32> {
    let car = data.mode(&data.baseline)?;
    (car.grams_per_km > 0.0).then(|| co2_grams / car.grams_per_km)
}

/// The volume of that much CO₂ in party balloons: 1 kg of CO₂ takes about 0.51 m³ at 0 °C and
/// 1 atm (ideal gas: 22.414 L/mol ÷ 44.01 g/mol = 0.509 L/g), and a party balloon holds about 10 L.
pub fn as_balloons(co2_grams: f32) -> f32 {
    co2_grams * LITRES_PER_GRAM_CO2 / BALLOON_LITRES
}

/// Litres a gram of CO₂ fills at 0 °C and 1 atm (molar volume over molar mass).
pub const LITRES_PER_GRAM_CO2: f32 = 22.414 / 44.01;
/// A round party balloon about 27 cm across holds about 10 litres (4/3·π·13.5³ cm³).
pub const BALLOON_LITRES: f32 = 10.0;

#[cfg(test)]
mod tests;
