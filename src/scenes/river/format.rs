//! The river scene's part of a pack: the GB 3838-2002 limit table, pollution sources, actions,
//! seasons, weather and wildlife (its `data` file), and stretches of river (its level files), as
//! plain types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::pack::{Fact, LevelFile, LevelSummary, Localized, SceneData, summaries};

/// A water-quality class of GB 3838-2002: Ⅰ (best) to Ⅴ, and worse than Ⅴ (劣Ⅴ).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum WaterClass {
    I,
    II,
    III,
    IV,
    V,
    #[serde(rename = "worse-than-V")]
    WorseThanV,
}

impl WaterClass {
    pub const ALL: [WaterClass; 6] = [
        WaterClass::I,
        WaterClass::II,
        WaterClass::III,
        WaterClass::IV,
        WaterClass::V,
        WaterClass::WorseThanV,
    ];

    /// 0 for Ⅰ up to 5 for worse than Ⅴ.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(index: usize) -> WaterClass {
        WaterClass::ALL[index.min(5)]
    }

    /// The Roman numeral the standard writes.
    pub fn numeral(self) -> &'static str {
        ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"][self.index()]
    }

    /// The numeral in plain letters, for English text and tests.
    pub fn latin(self) -> &'static str {
        ["I", "II", "III", "IV", "V", "worse than V"][self.index()]
    }
}

/// Whether a water body is a river or a lake: the standard's phosphorus limits differ.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum WaterBody {
    #[default]
    River,
    Lake,
}

/// Where on the Yangtze a stretch lies; wildlife names the reaches it lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Reach {
    /// A tributary (嘉陵江, a city stream).
    Tributary,
    /// The upper main stem (Chongqing, the Three Gorges).
    Upper,
    /// The middle main stem (below Yichang).
    Middle,
    /// The lower main stem (below Hukou).
    Lower,
    /// Dongting Lake (洞庭湖).
    Dongting,
    /// Poyang Lake (鄱阳湖).
    Poyang,
}

/// One indicator of the standard and its limits for classes Ⅰ to Ⅴ (mg/L).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// `do`, `cod`, `nh3n`, `tp`: what sources' loads and actions' cuts name.
    pub id: String,
    pub name: Localized,
    pub unit: String,
    /// The limit is a minimum (dissolved oxygen); otherwise a maximum.
    #[serde(default)]
    pub minimum: bool,
    /// The limits of classes Ⅰ, Ⅱ, Ⅲ, Ⅳ and Ⅴ, in that order.
    pub limits: [f32; 5],
    /// Different limits for lakes and reservoirs (total phosphorus).
    #[serde(default)]
    pub lake_limits: Option<[f32; 5]>,
}

impl Indicator {
    /// The limits that apply to a water body: the lake limits for a lake where the standard has
    /// them (total phosphorus), the river limits otherwise.
    pub fn limits_for(&self, body: WaterBody) -> [f32; 5] {
        match (body, self.lake_limits) {
            (WaterBody::Lake, Some(lake)) => lake,
            _ => self.limits,
        }
    }
}

/// A class's name and what water of that class is fit for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClassInfo {
    pub class: WaterClass,
    pub label: Localized,
    pub uses: Localized,
    /// The water's colour on screen, `#rrggbb`.
    pub color: String,
}

/// The sector a source belongs to, for the shares the game teaches (§3.3 of the facts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Sector {
    Farming,
    Domestic,
    Industry,
    Litter,
    /// Waste that belongs in the hazardous bin (batteries, medicines).
    Hazardous,
}

/// Something on the banks that pollutes the river.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub name: Localized,
    pub icon: String,
    pub sector: Sector,
    /// What it adds to the water of the stretch it enters, by indicator id, in mg/L at a flow of
    /// 1 (negative for dissolved oxygen, which it uses up).
    #[serde(default)]
    pub loads: BTreeMap<String, f32>,
    /// Rain washes it in: its loads follow the season's and the weather's runoff.
    #[serde(default)]
    pub runoff: bool,
    /// Pieces of floating litter it adds.
    #[serde(default)]
    pub litter: u32,
    /// It poisons the water in ways the four indicators do not measure (heavy metals): fish leave
    /// its stretch while it is there.
    #[serde(default)]
    pub hazard: bool,
    /// What it emits and why, for the source's card.
    pub why: Localized,
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
}

/// Where an action works.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// On the stretch where it is placed.
    #[default]
    Stretch,
    /// Along the whole river of the level (a fishing ban).
    River,
}

/// Something a river chief can do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: String,
    pub name: Localized,
    pub icon: String,
    pub cost: u32,
    /// Seasons after it is placed until it works (at least 1).
    pub delay: u32,
    #[serde(default)]
    pub scope: Scope,
    /// The sources it works on, by id.
    #[serde(default)]
    pub fixes: Vec<String>,
    /// The share of those sources' loads it removes, by indicator id; `litter` for litter.
    #[serde(default)]
    pub cut: BTreeMap<String, f32>,
    /// It stops hazardous sources (they are collected): fish return.
    #[serde(default)]
    pub clears_hazards: bool,
    /// The share of the stretch's pollution (from here and upstream) it holds back, by indicator.
    #[serde(default)]
    pub retain: BTreeMap<String, f32>,
    /// It bans fishing: the porpoise needs this to return.
    #[serde(default)]
    pub fishing_ban: bool,
    /// What it does, for its button and card.
    pub does: Localized,
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
}

/// A season's effect on the river: more rain washes more off the fields; more water dilutes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Season {
    pub id: String,
    pub name: Localized,
    pub icon: String,
    pub runoff: f32,
    pub flow: f32,
}

/// Weather a season may bring, drawn with the round's seed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Weather {
    pub id: String,
    pub name: Localized,
    pub icon: String,
    /// The chance of this weather in a season, 0 to 1.
    pub chance: f32,
    pub runoff: f32,
    pub flow: f32,
}

/// An animal that lives in the river when the water and the law allow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Species {
    pub id: String,
    pub name: Localized,
    pub icon: String,
    /// The worst class it lives in.
    pub needs: WaterClass,
    /// The reaches it lives in; nowhere else.
    pub reaches: Vec<Reach>,
    /// It returns only under a fishing ban.
    #[serde(default)]
    pub needs_ban: bool,
    pub about: Localized,
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
}

/// A species the river has lost: told, never shown returning.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lost {
    pub id: String,
    pub name: Localized,
    pub icon: String,
    pub about: Localized,
    pub source: Vec<String>,
}

/// Which sources the session's sorting mistakes become on the river.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FromSorting {
    /// A hazardous item put in another bin.
    pub hazardous: String,
    /// Any other item put in the wrong bin.
    pub other: String,
}

/// A source on a stretch, and how much of it there is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Placed {
    pub source: String,
    #[serde(default = "one")]
    pub amount: f32,
}

fn one() -> f32 {
    1.0
}

/// One stretch of river (or a lake) in a level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stretch {
    pub id: String,
    pub name: Localized,
    pub reach: Reach,
    #[serde(default)]
    pub body: WaterBody,
    /// The stretch it flows into; none for the last.
    #[serde(default)]
    pub into: Option<String>,
    /// The water it gains of its own (rain, small streams), relative to the others.
    pub flow: f32,
    /// Its water with no source on it, by indicator id (mg/L).
    pub clean: BTreeMap<String, f32>,
    #[serde(default)]
    pub sources: Vec<Placed>,
    /// Its course on the map, as fractions of the map (x downstream in a wide window); a lake is
    /// drawn around its first point.
    pub course: Vec<[f32; 2]>,
}

/// What a level asks: every stretch (or the named ones) at this class or better.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub class: WaterClass,
    #[serde(default)]
    pub stretches: Option<Vec<String>>,
}

/// A river to look after: one round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub title: Localized,
    pub intro: Localized,
    pub stretches: Vec<Stretch>,
    /// The actions offered, by id.
    pub actions: Vec<String>,
    pub budget: u32,
    pub seasons: u32,
    /// The season the round starts in, by id.
    pub start: String,
    pub goal: Goal,
    /// The stretch where the session's sorting mistakes show up.
    #[serde(default)]
    pub dump_at: Option<String>,
    /// The real measures the results tell about, by fact id.
    #[serde(default)]
    pub measures: Vec<String>,
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
/// one broken source does not take the others down).
#[cfg(not(target_arch = "wasm32"))]
#[derive(schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    pub indicators: Vec<Indicator>,
    /// The limit table's sources (GB 3838-2002).
    pub limits_source: Vec<String>,
    pub classes: Vec<ClassInfo>,
    /// The share of a stretch's pollution that reaches the next one, by indicator id.
    pub carry: BTreeMap<String, f32>,
    pub carry_source: Vec<String>,
    pub seasons: Vec<Season>,
    #[serde(default)]
    pub weather: Vec<Weather>,
    pub sources: Vec<Source>,
    pub actions: Vec<Action>,
    pub species: Vec<Species>,
    #[serde(default)]
    pub lost: Vec<Lost>,
    pub from_sorting: FromSorting,
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// Everything the river scene needs, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct RiverData {
    pub indicators: Vec<Indicator>,
    pub limits_source: Vec<String>,
    pub classes: Vec<ClassInfo>,
    pub carry: BTreeMap<String, f32>,
    pub carry_source: Vec<String>,
    pub seasons: Vec<Season>,
    pub weather: Vec<Weather>,
    pub sources: Vec<Source>,
    pub actions: Vec<Action>,
    pub species: Vec<Species>,
    pub lost: Vec<Lost>,
    pub from_sorting: FromSorting,
    pub facts: Vec<Fact>,
    pub levels: Vec<Level>,
}

impl RiverData {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|action| action.id == id)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|fact| fact.id == id)
    }

    pub fn season(&self, id: &str) -> Option<&Season> {
        self.seasons.iter().find(|season| season.id == id)
    }

    pub fn class_info(&self, class: WaterClass) -> Option<&ClassInfo> {
        self.classes.iter().find(|info| info.class == class)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|indicator| indicator.id == id)
    }
}

impl SceneData for RiverData {
    fn levels(&self) -> Vec<LevelSummary> {
        summaries(&self.levels)
    }

    fn contents(&self) -> Localized {
        Localized::new(
            format!(
                "{} 个污染源、{} 种行动",
                self.sources.len(),
                self.actions.len()
            ),
            format!(
                "{} pollution sources, {} actions",
                self.sources.len(),
                self.actions.len()
            ),
        )
    }

    fn preview(&self, level: usize) -> Vec<Localized> {
        let Some(level) = self.levels.get(level) else {
            return Vec::new();
        };
        let mut lines = vec![Localized::new(
            format!(
                "{} 个季度、预算 {}：让每段河达到 {} 类或更好",
                level.seasons,
                level.budget,
                level.goal.class.numeral()
            ),
            format!(
                "{} seasons, budget {}: every stretch class {} or better",
                level.seasons,
                level.budget,
                level.goal.class.latin()
            ),
        )];
        lines.extend(level.stretches.iter().map(|stretch| {
            let names = |lang: fn(&Localized) -> &str, separator: &str| {
                stretch
                    .sources
                    .iter()
                    .filter_map(|placed| self.source(&placed.source))
                    .map(|source| lang(&source.name).to_string())
                    .collect::<Vec<_>>()
                    .join(separator)
            };
            Localized::new(
                format!("{}：{}", stretch.name.zh, names(|l| &l.zh, "、")),
                format!("{}: {}", stretch.name.en, names(|l| &l.en, ", ")),
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
