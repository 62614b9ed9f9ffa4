//! The travel scene's part of a pack: modes of transport with sourced emission factors, places on
//! the city map and facts (its `data` file), and weeks of trips (its level files), as plain types.

use serde::{Deserialize, Serialize};

use crate::pack::{Fact, LevelFile, LevelSummary, Localized, SceneData, summaries};

/// Where an emission factor comes from, so that no comparison mixes sets without saying so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FactorBasis {
    /// UK DESNZ 2022 conversion factors (CO₂e; flights include non-CO₂ warming).
    #[serde(rename = "uk-desnz-2022")]
    UkDesnz2022,
    /// Chinese measurements (CO₂ only, e.g. high-speed rail and aviation 2019).
    China,
    /// The game's own estimate from other figures (shown as approximate).
    Estimate,
}

/// A way to travel: how much CO₂ it emits, how fast it goes and what it costs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Mode {
    pub id: String,
    pub name: Localized,
    pub icon: String,
    /// Grams of CO₂(e) per passenger-km, or per vehicle-km when `per_vehicle`.
    pub grams_per_km: f32,
    /// The factor counts the whole vehicle (a car): sharing it divides it among the travellers.
    #[serde(default)]
    pub per_vehicle: bool,
    /// The baseline car on another road (an expressway): a week of driving alone uses it where
    /// the trip offers it.
    #[serde(default)]
    pub baseline_car: bool,
    pub basis: FactorBasis,
    /// The year the factor describes.
    pub year: u16,
    /// Average door-to-door speed in km/h (hills and traffic included).
    pub speed_kmh: f32,
    /// Minutes of waiting, parking or walking to a stop per leg.
    #[serde(default)]
    pub wait_minutes: f32,
    /// Yuan per leg (a fare, a flag-fall) and per km; per traveller unless `fare_per_vehicle`.
    #[serde(default)]
    pub cost_fixed: f32,
    #[serde(default)]
    pub cost_per_km: f32,
    /// The cost is the vehicle's (fuel, a taxi fare), shared by everyone in it.
    #[serde(default)]
    pub fare_per_vehicle: bool,
    /// The emission factor's sources.
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
    /// Speed and cost are the game's estimates, not sourced figures.
    #[serde(default)]
    pub estimated_speed_cost: bool,
    #[serde(default)]
    pub note: Option<Localized>,
}

/// A place on the stylised city map; `map` is its position as fractions of the map's size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: Localized,
    pub map: [f32; 2],
}

/// One part of a journey by one mode.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Leg {
    pub mode: String,
    pub km: f32,
}

/// A way to make a trip: one leg, or two (bike + metro).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub legs: Vec<Leg>,
    /// Why this choice does not fit the trip (a grandparent cannot walk that far, a sofa does
    /// not fit on a bike); shown instead of a scolding.
    #[serde(default)]
    pub ruled_out: Option<Localized>,
}

impl Choice {
    /// The ids of the modes it uses, in order, each once (walk, cableway, walk → walk, cableway).
    pub fn modes(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for leg in &self.legs {
            if !ids.contains(&leg.mode.as_str()) {
                ids.push(&leg.mode);
            }
        }
        ids
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Weather {
    #[default]
    Sunny,
    Rain,
}

/// One journey of the week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Trip {
    pub id: String,
    pub name: Localized,
    pub from: String,
    pub to: String,
    /// The straight-forward road distance, for the all-car comparison.
    pub distance_km: f32,
    #[serde(default)]
    pub hills: bool,
    #[serde(default)]
    pub river_crossing: bool,
    #[serde(default)]
    pub weather: Weather,
    /// Who travels, when it matters ("奶奶和你" / "Grandma and you").
    #[serde(default)]
    pub who: Option<Localized>,
    #[serde(default)]
    pub carrying: Option<Localized>,
    #[serde(default = "one")]
    pub travellers: u32,
    pub time_limit_minutes: f32,
    pub choices: Vec<Choice>,
}

fn one() -> u32 {
    1
}

/// A week of trips: one round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub title: Localized,
    pub intro: Localized,
    pub trips: Vec<Trip>,
    #[serde(default)]
    pub outcome_fact: Option<String>,
}

impl LevelFile for Level {
    fn id(&self) -> &str {
        &self.id
    }

    fn title(&self) -> &Localized {
        &self.title
    }
}

/// The data file as its schema describes it (the checker reads each entry on its own, so that
/// one broken mode does not take the others down).
#[cfg(not(target_arch = "wasm32"))]
#[derive(schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    /// The mode an all-car week uses: a petrol car driven alone.
    pub baseline: String,
    pub modes: Vec<Mode>,
    #[serde(default)]
    pub places: Vec<Place>,
    /// Facts a week's results may show.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// Everything the travel scene needs, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct TravelData {
    pub modes: Vec<Mode>,
    /// Ids of modes in the data file left out for errors of their own.
    pub left_out: Vec<String>,
    pub places: Vec<Place>,
    pub facts: Vec<Fact>,
    /// The mode an "all-car week" uses: a petrol car driven alone.
    pub baseline: String,
    pub levels: Vec<Level>,
}

impl TravelData {
    pub fn mode(&self, id: &str) -> Option<&Mode> {
        self.modes.iter().find(|mode| mode.id == id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|place| place.id == id)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|fact| fact.id == id)
    }
}

impl SceneData for TravelData {
    fn levels(&self) -> Vec<LevelSummary> {
        summaries(&self.levels)
    }

    fn contents(&self) -> Localized {
        Localized::new(
            format!("{} 种出行方式", self.modes.len()),
            format!("{} modes of transport", self.modes.len()),
        )
    }

    fn preview(&self, level: usize) -> Vec<Localized> {
        let Some(level) = self.levels.get(level) else {
            return Vec::new();
        };
        let mut lines = vec![Localized::new(
            format!("{} 次出行，每次从几种方式中选一种", level.trips.len()),
            format!("{} trips, each made one of several ways", level.trips.len()),
        )];
        let place = |id: &str| self.place(id).map(|place| place.name.clone());
        let mode = |id: &str| self.mode(id).map(|mode| mode.name.clone());
        lines.extend(level.trips.iter().map(|trip| {
            let names = |lang: fn(&Localized) -> &str, separator: &str| {
                trip.choices
                    .iter()
                    .map(|choice| {
                        let modes = choice.modes();
                        let names: Vec<String> = modes
                            .iter()
                            .map(|id| mode(id).map_or(id.to_string(), |n| lang(&n).to_string()))
                            .collect();
                        names.join("+")
                    })
                    .collect::<Vec<_>>()
                    .join(separator)
            };
            let (from, to) = (place(&trip.from), place(&trip.to));
            let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
            Localized::new(
                format!(
                    "{}：{} → {}，{} 公里，限时 {} 分钟；{}",
                    trip.name.zh,
                    from.zh,
                    to.zh,
                    trip.distance_km,
                    trip.time_limit_minutes,
                    names(|l| &l.zh, "、")
                ),
                format!(
                    "{}: {} → {}, {} km, {} minutes at most; {}",
                    trip.name.en,
                    from.en,
                    to.en,
                    trip.distance_km,
                    trip.time_limit_minutes,
                    names(|l| &l.en, ", ")
                ),
            )
        }));
        lines
    }

    fn questions(&self, level: usize, _seed: u64) -> Vec<crate::pack::Question> {
        super::questions::questions(self, level)
    }

    fn minutes(&self, level: usize) -> f32 {
        super::questions::minutes(self, level)
    }
}
