//! The sorting scene's part of a pack: bins, items, facts (`data`) and level files.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::icons;
use crate::pack::locate::Step;
use crate::pack::{FileCheck, Files, Localized, Problem, SceneEntry, Source, key, parse_json};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bin {
    pub id: String,
    pub name: Localized,
    /// `#RRGGBB`.
    pub color: String,
    pub icon: String,
    pub hint: Localized,
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub name: Localized,
    /// The bin under the pack's own city rules.
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
    /// Where cities disagree: city → bin. Such items only appear in levels that name a city.
    #[serde(default)]
    pub city_rules: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub city_note: Option<Localized>,
}

impl Item {
    pub fn is_city_dependent(&self) -> bool {
        self.city_rules.is_some()
    }

    /// The right bin under a level's city rules.
    pub fn bin_for(&self, city: Option<&str>) -> &str {
        city.and_then(|city| self.city_rules.as_ref()?.get(city))
            .map(String::as_str)
            .unwrap_or(&self.bin)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub text: Localized,
    pub source: Vec<String>,
    #[serde(default)]
    pub approx: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub outcome_fact: Option<String>,
}

/// Everything the sorting scene needs, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct SortingData {
    pub city: String,
    pub bins: Vec<Bin>,
    pub items: Vec<Item>,
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawData {
    city: String,
    bins: Vec<Value>,
    items: Vec<Value>,
    #[serde(default)]
    facts: Vec<Value>,
}

/// Checks the scene's data file and levels; broken items and levels are left out.
pub fn parse_sorting(
    entry: &SceneEntry,
    files: &Files,
    sources: &BTreeMap<String, Source>,
) -> (Option<SortingData>, Vec<Problem>) {
    let mut problems = Vec::new();
    let Some(data_path) = &entry.data else {
        problems.push(missing_file_problem("pack.json", "sorting"));
        return (None, problems);
    };
    let Some(text) = file_text(files, data_path, &mut problems) else {
        return (None, problems);
    };
    let mut check = FileCheck::new(data_path, text);
    let data = parse_json(&mut check, text)
        .and_then(|value| check.decode::<RawData>(&[], value))
        .map(|raw| check_data(&mut check, raw, sources));
    problems.append(&mut check.problems);
    let Some(mut data) = data else {
        return (None, problems);
    };

    for path in &entry.levels {
        let Some(text) = file_text(files, path, &mut problems) else {
            continue;
        };
        let mut check = FileCheck::new(path, text);
        let level =
            parse_json(&mut check, text).and_then(|value| check.decode::<Level>(&[], value));
        if let Some(level) = level {
            let before = check.error_count();
            check_level(&mut check, &level, &data);
            if data.levels.iter().any(|other| other.id == level.id) {
                check.error(
                    &[key("id")],
                    Localized::new(
                        format!("关卡 id「{}」重复了", level.id),
                        format!("level id \"{}\" is used twice", level.id),
                    ),
                );
            }
            if check.error_count() == before {
                data.levels.push(level);
            }
        }
        problems.append(&mut check.problems);
    }

    if data.levels.is_empty() {
        problems.push(Problem {
            file: data_path.clone(),
            path: String::new(),
            line: None,
            severity: crate::pack::Severity::Error,
            message: Localized::new(
                "分类场景没有可用的关卡",
                "the sorting scene has no usable level",
            ),
        });
        return (None, problems);
    }
    (Some(data), problems)
}

fn file_text<'f>(files: &'f Files, path: &str, problems: &mut Vec<Problem>) -> Option<&'f str> {
    match files.get(path) {
        Some(Ok(text)) => Some(text),
        Some(Err(reason)) => {
            problems.push(Problem {
                file: path.to_string(),
                path: String::new(),
                line: None,
                severity: crate::pack::Severity::Error,
                message: Localized::new(
                    format!("无法读取文件：{reason}"),
                    format!("cannot read the file: {reason}"),
                ),
            });
            None
        }
        None => {
            problems.push(missing_file_problem(path, path));
            None
        }
    }
}

fn missing_file_problem(file: &str, what: &str) -> Problem {
    Problem {
        file: file.to_string(),
        path: String::new(),
        line: None,
        severity: crate::pack::Severity::Error,
        message: Localized::new(
            format!("找不到文件「{what}」"),
            format!("the file \"{what}\" is missing"),
        ),
    }
}

fn check_data(
    check: &mut FileCheck<'_>,
    raw: RawData,
    sources: &BTreeMap<String, Source>,
) -> SortingData {
    let mut bins = Vec::new();
    for (i, value) in raw.bins.into_iter().enumerate() {
        let path = [key("bins"), Step::Index(i)];
        let Some(bin) = check.decode::<Bin>(&path, value) else {
            continue;
        };
        check.localized(&with(&path, "name"), &bin.name);
        check.localized(&with(&path, "hint"), &bin.hint);
        check.sources(&path, &bin.source, sources);
        if parse_hex_color(&bin.color).is_none() {
            check.error(
                &with(&path, "color"),
                Localized::new(
                    format!("颜色「{}」应写成 #RRGGBB", bin.color),
                    format!("colour \"{}\" must be #RRGGBB", bin.color),
                ),
            );
        }
        check_icon(check, &with(&path, "icon"), &bin.icon);
        bins.push((i, bin));
    }
    check.unique_ids("bins", bins.iter().map(|(i, b)| (*i, b.id.as_str())));
    let bins: Vec<Bin> = bins.into_iter().map(|(_, bin)| bin).collect();
    if !(2..=6).contains(&bins.len()) {
        check.error(
            &[key("bins")],
            Localized::new(
                format!("需要 2 到 6 个垃圾桶，现有 {} 个", bins.len()),
                format!("needs 2 to 6 bins, found {}", bins.len()),
            ),
        );
    }
    let bin_ids: HashSet<&str> = bins.iter().map(|b| b.id.as_str()).collect();

    let mut items = Vec::new();
    let mut seen = HashSet::new();
    for (i, value) in raw.items.into_iter().enumerate() {
        let path = [key("items"), Step::Index(i)];
        let Some(item) = check.decode::<Item>(&path, value) else {
            continue;
        };
        let before = check.error_count();
        check.localized(&with(&path, "name"), &item.name);
        check.localized(&with(&path, "reason"), &item.reason);
        if let Some(note) = &item.city_note {
            check.localized(&with(&path, "city_note"), note);
        }
        check.sources(&path, &item.source, sources);
        check_icon(check, &with(&path, "icon"), &item.icon);
        let rules = item.city_rules.iter().flat_map(|rules| rules.iter());
        for (bin, at) in std::iter::once((&item.bin, with(&path, "bin"))).chain(
            rules.map(|(city, bin)| (bin, [with(&path, "city_rules"), vec![key(city)]].concat())),
        ) {
            if !bin_ids.contains(bin.as_str()) {
                check.error(
                    &at,
                    Localized::new(
                        format!("没有 id 为「{bin}」的垃圾桶"),
                        format!("there is no bin with id \"{bin}\""),
                    ),
                );
            }
        }
        if !seen.insert(item.id.clone()) {
            check.error(
                &with(&path, "id"),
                Localized::new(
                    format!("物品 id「{}」重复了", item.id),
                    format!("item id \"{}\" is used twice", item.id),
                ),
            );
        }
        if check.error_count() == before {
            items.push(item);
        }
    }

    let mut facts = Vec::new();
    for (i, value) in raw.facts.into_iter().enumerate() {
        let path = [key("facts"), Step::Index(i)];
        let Some(fact) = check.decode::<Fact>(&path, value) else {
            continue;
        };
        check.localized(&with(&path, "text"), &fact.text);
        check.sources(&path, &fact.source, sources);
        facts.push((i, fact));
    }
    check.unique_ids("facts", facts.iter().map(|(i, f)| (*i, f.id.as_str())));
    let facts = facts.into_iter().map(|(_, fact)| fact).collect();

    SortingData {
        city: raw.city,
        bins,
        items,
        facts,
        levels: Vec::new(),
    }
}

fn check_level(check: &mut FileCheck<'_>, level: &Level, data: &SortingData) {
    check.localized(&[key("title")], &level.title);
    check.localized(&[key("intro")], &level.intro);
    if !(0.0..=1.0).contains(&level.pass_mark) {
        check.error(
            &[key("pass_mark")],
            Localized::new(
                "及格线应在 0 到 1 之间（例如 0.6）",
                "pass_mark must be between 0 and 1 (e.g. 0.6)",
            ),
        );
    }
    if level.count == 0 {
        check.error(
            &[key("count")],
            Localized::new("物品数量至少为 1", "count must be at least 1"),
        );
    }
    match (level.mode, level.pace_seconds) {
        (super::level::Mode::Conveyor, None) => check.error(
            &[key("pace_seconds")],
            Localized::new(
                "传送带关卡需要 pace_seconds（物品通过传送带的秒数）",
                "a conveyor level needs pace_seconds (seconds an item takes to cross)",
            ),
        ),
        (_, Some(pace)) if pace < 2.0 => check.error(
            &[key("pace_seconds")],
            Localized::new(
                "pace_seconds 至少为 2 秒",
                "pace_seconds must be at least 2",
            ),
        ),
        _ => {}
    }
    if level.timer_seconds.is_some_and(|t| t < 10.0) {
        check.error(
            &[key("timer_seconds")],
            Localized::new("计时至少 10 秒", "timer_seconds must be at least 10"),
        );
    }
    if let Some(city) = &level.city
        && city != &data.city
        && !data.items.iter().any(|item| {
            item.city_rules
                .as_ref()
                .is_some_and(|r| r.contains_key(city))
        })
    {
        check.warn(
            &[key("city")],
            Localized::new(
                format!("没有物品为城市「{city}」写了规则"),
                format!("no item has rules for the city \"{city}\""),
            ),
        );
    }
    if let Some(fact) = &level.outcome_fact
        && data.fact(fact).is_none()
    {
        check.error(
            &[key("outcome_fact")],
            Localized::new(
                format!("找不到事实「{fact}」"),
                format!("there is no fact with id \"{fact}\""),
            ),
        );
    }
    match (&level.items, &level.draw) {
        (Some(ids), None) => {
            for (i, id) in ids.iter().enumerate() {
                let at = [key("items"), Step::Index(i)];
                match data.item(id) {
                    None => check.error(
                        &at,
                        Localized::new(format!("找不到物品「{id}」"), format!("there is no item with id \"{id}\"")),
                    ),
                    Some(item) if item.is_city_dependent() && level.city.is_none() => check.error(
                        &at,
                        Localized::new(
                            format!("「{}」的分类因城市而异，关卡需写明 city", item.name.zh),
                            format!("\"{}\" is sorted differently in different cities; the level must name its city", item.name.en),
                        ),
                    ),
                    Some(_) => {}
                }
            }
            if ids.len() < level.count {
                check.error(
                    &[key("count")],
                    Localized::new(
                        format!("count 为 {}，但只列出了 {} 个物品", level.count, ids.len()),
                        format!(
                            "count is {} but only {} items are listed",
                            level.count,
                            ids.len()
                        ),
                    ),
                );
            }
        }
        (None, Some(_)) => {
            let pool = super::rules::eligible(data, level);
            if let Err(err) = super::rules::check_draw_possible(data, level, &pool) {
                check.error(&[key("draw")], err.message());
            }
        }
        _ => check.error(
            &[],
            Localized::new(
                "关卡必须且只能写 items 或 draw 其中之一",
                "a level needs exactly one of items or draw",
            ),
        ),
    }
}

fn check_icon(check: &mut FileCheck<'_>, path: &[Step], icon: &str) {
    if !icons::exists(icon) {
        check.error(
            path,
            Localized::new(
                format!("没有名为「{icon}」的图标"),
                format!("there is no icon named \"{icon}\""),
            ),
        );
    }
}

fn with(path: &[Step], name: &str) -> Vec<Step> {
    let mut at = path.to_vec();
    at.push(key(name));
    at
}

/// `#RRGGBB` → linear-free sRGB bytes.
pub fn parse_hex_color(hex: &str) -> Option<[u8; 3]> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}
