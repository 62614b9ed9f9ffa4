//! The sorting scene's part of a pack: cities, bins, items and facts (its `data` file) and its
//! level files, as plain types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::pack::{Fact, LevelFile, LevelSummary, Localized, SceneData, summaries};

/// A city whose own official list the pack cites; levels that name it hold only what it says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct City {
    pub id: String,
    pub name: Localized,
    /// The keys of that city's own list or guide.
    pub source: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bin {
    pub id: String,
    pub name: Localized,
    /// `#RRGGBB`.
    pub color: String,
    pub icon: String,
    /// How to put things in it (clean, drained, intact…), shown on the level card.
    pub hint: Localized,
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
}

/// What one city's own list says about an item, cited to that list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CityRule {
    pub bin: String,
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub name: Localized,
    /// The bin under the national categories and the cited guides.
    pub bin: String,
    /// Why it goes there, shown after a mistake.
    pub reason: Localized,
    #[serde(default)]
    pub tricky: bool,
    #[serde(default)]
    pub tags: Vec<String>,
    pub icon: String,
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
    /// Where cities' lists disagree: city → what its list says. Such items appear only in
    /// levels that name a city with a rule for them.
    #[serde(default)]
    pub city_rules: Option<BTreeMap<String, CityRule>>,
    #[serde(default)]
    pub city_note: Option<Localized>,
}

impl Item {
    pub fn is_city_dependent(&self) -> bool {
        self.city_rules.is_some()
    }

    pub fn city_rule(&self, city: &str) -> Option<&CityRule> {
        self.city_rules.as_ref()?.get(city)
    }

    /// The right bin under a level's city rules.
    pub fn bin_for(&self, city: Option<&str>) -> &str {
        city.and_then(|city| self.city_rule(city))
            .map_or(self.bin.as_str(), |rule| rule.bin.as_str())
    }

    /// The sources and certainty of the answer under a level's city rules.
    pub fn answer_source(&self, city: Option<&str>) -> (&[String], bool) {
        match city.and_then(|city| self.city_rule(city)) {
            Some(rule) => (&rule.source, rule.approx),
            None => (&self.source, self.approx),
        }
    }

    /// Whether a level may use this item: a city-dependent item needs the level's city to have
    /// a rule for it; in a city's level every answer must come from that city's own list.
    pub fn fits(&self, city: Option<&City>) -> bool {
        match (city, &self.city_rules) {
            (None, rules) => rules.is_none(),
            (Some(city), Some(rules)) => rules.contains_key(&city.id),
            (Some(city), None) => self.source.iter().any(|key| city.source.contains(key)),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// One item waits until it is sorted.
    #[default]
    Single,
    /// Items ride a belt; one that reaches the end unsorted counts as missed.
    Conveyor,
}

/// Items chosen by tag instead of by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Draw {
    /// Items having any of these tags.
    pub tags: Vec<String>,
    /// Only tricky (true) or only plain (false) items; both when absent.
    #[serde(default)]
    pub tricky: Option<bool>,
    /// Each bin appears at least this often.
    #[serde(default)]
    pub per_bin_min: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub title: Localized,
    pub intro: Localized,
    #[serde(default)]
    pub items: Option<Vec<String>>,
    #[serde(default)]
    pub draw: Option<Draw>,
    pub count: usize,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub pace_seconds: Option<f32>,
    #[serde(default)]
    pub timer_seconds: Option<f32>,
    pub pass_mark: f32,
    /// A city from the data file's `cities`: every answer then comes from its own list.
    #[serde(default)]
    pub city: Option<String>,
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
/// one broken item does not take the others down).
#[cfg(not(target_arch = "wasm32"))]
#[derive(schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    /// Cities whose own lists some levels follow.
    #[serde(default)]
    pub cities: Vec<City>,
    pub bins: Vec<Bin>,
    pub items: Vec<Item>,
    /// Facts a level's results may show.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// Everything the sorting scene needs, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct SortingData {
    pub cities: Vec<City>,
    pub bins: Vec<Bin>,
    pub items: Vec<Item>,
    /// Ids of items in the data file left out for errors of their own.
    pub left_out: Vec<String>,
    pub facts: Vec<Fact>,
    pub levels: Vec<Level>,
}

impl SortingData {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    pub fn bin(&self, id: &str) -> Option<&Bin> {
        self.bins.iter().find(|bin| bin.id == id)
    }

    pub fn bin_index(&self, id: &str) -> Option<usize> {
        self.bins.iter().position(|bin| bin.id == id)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|fact| fact.id == id)
    }

    pub fn city(&self, id: &str) -> Option<&City> {
        self.cities.iter().find(|city| city.id == id)
    }

    /// The city a level names.
    pub fn level_city(&self, level: &Level) -> Option<&City> {
        self.city(level.city.as_deref()?)
    }
}

impl SceneData for SortingData {
    fn levels(&self) -> Vec<LevelSummary> {
        summaries(&self.levels)
    }

    fn contents(&self) -> Localized {
        Localized::new(
            format!("{} 个物品", self.items.len()),
            format!("{} items", self.items.len()),
        )
    }

    fn preview(&self, level: usize) -> Vec<Localized> {
        let Some(level) = self.levels.get(level) else {
            return Vec::new();
        };
        let pool = super::rules::eligible(self, level);
        let pass = (level.pass_mark * 100.0).round();
        let mut lines = vec![Localized::new(
            format!(
                "每轮 {} 件，从下面 {} 件中抽取；答对 {pass}% 过关",
                level.count,
                pool.len()
            ),
            format!(
                "{} items a round, drawn from the {} below; {pass}% correct to pass",
                level.count,
                pool.len()
            ),
        )];
        let city = self.level_city(level).map(|city| city.id.as_str());
        lines.extend(pool.iter().map(|&index| {
            let item = &self.items[index];
            let bin = self.bin(item.bin_for(city)).map(|bin| &bin.name);
            let (bin_zh, bin_en) = bin.map_or(("?", "?"), |name| (&name.zh, &name.en));
            Localized::new(
                format!("{} → {bin_zh}", item.name.zh),
                format!("{} → {bin_en}", item.name.en),
            )
        }));
        lines
    }

    fn questions(&self, level: usize, seed: u64) -> Vec<crate::pack::Question> {
        super::questions::questions(self, level, seed)
    }

    fn minutes(&self, level: usize) -> f32 {
        super::questions::minutes(self, level)
    }
}

pub use crate::pack::parse_hex_color;
