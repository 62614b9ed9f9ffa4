//! The sorting scene's own checks, on top of the pack's shared file and level reading.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use serde_json::Value;

use super::format::{Level, Mode, SortingData, parse_hex_color};
use super::rules;
use crate::pack::locate::Step;
use crate::pack::pictures::Pictures;
use crate::pack::table::{Merged, read_tables, relocate};
use crate::pack::{
    FileCheck, Localized, Parsed, SceneInput, Source, decode_entries, ids_written, key, left_out,
    parse_scene, read_facts, unknown_fact, with, with_suggestion,
};

/// Bins a sorting level can show side by side.
const BINS: std::ops::RangeInclusive<usize> = 2..=6;
/// The shortest crossing a conveyor may have: long enough to read a label and move a finger.
const MIN_PACE_SECONDS: f32 = 2.0;
/// The shortest level timer worth showing.
const MIN_TIMER_SECONDS: f32 = 10.0;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawData {
    #[serde(default)]
    cities: Vec<Value>,
    bins: Vec<Value>,
    items: Vec<Value>,
    #[serde(default)]
    facts: Vec<Value>,
}

/// Checks the scene's data file and levels; broken entries are left out, each with a problem.
/// Rows of the entry's `tables` join the data file's items.
pub fn parse(input: SceneInput<'_>) -> Parsed {
    let sources = input.sources;
    let pictures = input.pictures;
    let (tables, table_problems) = read_tables(input.entry, input.files, super::table::items);
    let data_file = input.entry.data.clone().unwrap_or_default();
    let mut merged = Vec::new();
    let mut parsed = parse_scene(
        input,
        |file, mut raw: RawData| {
            for (table, rows) in tables {
                merged.push(Merged {
                    table,
                    into: data_file.clone(),
                    list: "items",
                    first: raw.items.len(),
                    lines: rows.iter().map(|(line, _)| *line).collect(),
                });
                raw.items.extend(rows.into_iter().map(|(_, item)| item));
            }
            check_data(file, raw, sources, pictures)
        },
        |_, _| {},
        check_level,
        |data: &mut SortingData, levels| data.levels = levels,
        Localized::new(
            "分类场景没有可用的关卡",
            "the sorting scene has no usable level",
        ),
    );
    relocate(&mut parsed.problems, &merged);
    parsed.problems.splice(0..0, table_problems);
    parsed
}

fn check_data(
    file: &mut FileCheck<'_>,
    raw: RawData,
    sources: &BTreeMap<String, Source>,
    pictures: &Pictures,
) -> SortingData {
    let mut cities = Vec::new();
    for (path, city) in decode_entries::<super::format::City>(file, "cities", raw.cities) {
        file.localized(&with(&path, "name"), &city.name);
        file.sources(&path, &city.source, sources);
        cities.push((path, city));
    }
    file.unique_ids(
        cities
            .iter()
            .map(|(path, city)| (path.as_slice(), city.id.as_str())),
    );
    let cities: Vec<_> = cities.into_iter().map(|(_, city)| city).collect();

    let mut bins = Vec::new();
    for (path, bin) in decode_entries::<super::format::Bin>(file, "bins", raw.bins) {
        file.localized(&with(&path, "name"), &bin.name);
        file.localized(&with(&path, "hint"), &bin.hint);
        file.sources(&path, &bin.source, sources);
        if parse_hex_color(&bin.color).is_none() {
            file.error(
                &with(&path, "color"),
                Localized::new(
                    format!("颜色「{}」应写成 #RRGGBB", bin.color),
                    format!("colour \"{}\" must be #RRGGBB", bin.color),
                ),
            );
        }
        file.icon(&with(&path, "icon"), &bin.icon, pictures);
        bins.push((path, bin));
    }
    file.unique_ids(
        bins.iter()
            .map(|(path, bin)| (path.as_slice(), bin.id.as_str())),
    );
    let bins: Vec<_> = bins.into_iter().map(|(_, bin)| bin).collect();
    if !BINS.contains(&bins.len()) {
        file.error(
            &[key("bins")],
            Localized::new(
                format!(
                    "需要 {} 到 {} 个垃圾桶，现有 {} 个",
                    BINS.start(),
                    BINS.end(),
                    bins.len()
                ),
                format!(
                    "needs {} to {} bins, found {}",
                    BINS.start(),
                    BINS.end(),
                    bins.len()
                ),
            ),
        );
    }
    let bin_ids: HashSet<&str> = bins.iter().map(|b| b.id.as_str()).collect();

    let written = ids_written(&raw.items);
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    for (path, item) in decode_entries::<super::format::Item>(file, "items", raw.items) {
        let before = file.error_count();
        file.localized(&with(&path, "name"), &item.name);
        file.localized(&with(&path, "reason"), &item.reason);
        if let Some(note) = &item.city_note {
            file.localized(&with(&path, "city_note"), note);
        }
        file.sources(&path, &item.source, sources);
        file.icon(&with(&path, "icon"), &item.icon, pictures);
        check_bin(file, &with(&path, "bin"), &item.bin, &bin_ids);
        for (city, rule) in item.city_rules.iter().flatten() {
            let at = [with(&path, "city_rules"), vec![key(city)]].concat();
            match cities.iter().find(|c| &c.id == city) {
                None => file.error(
                    &at,
                    Localized::new(
                        format!("城市「{city}」没有列在 cities 里"),
                        format!("the city \"{city}\" is not listed in cities"),
                    ),
                ),
                Some(listed) if !rule.source.iter().any(|key| listed.source.contains(key)) => file
                    .error(
                        &with(&at, "source"),
                        Localized::new(
                            format!(
                                "城市规则必须引用{}自己的清单（{}）",
                                listed.name.zh,
                                listed.source.join("、")
                            ),
                            format!(
                                "a city rule must cite {}'s own list ({})",
                                listed.name.en,
                                listed.source.join(", ")
                            ),
                        ),
                    ),
                Some(_) => {}
            }
            check_bin(file, &with(&at, "bin"), &rule.bin, &bin_ids);
            file.sources(&at, &rule.source, sources);
        }
        if !seen.insert(item.id.clone()) {
            file.error(
                &with(&path, "id"),
                Localized::new(
                    format!("物品 id「{}」重复了", item.id),
                    format!("item id \"{}\" is used twice", item.id),
                ),
            );
        }
        if file.error_count() == before {
            items.push(item);
        }
    }

    let facts = read_facts(file, raw.facts, sources);
    let left_out = written
        .into_iter()
        .filter(|id| {
            !items
                .iter()
                .any(|item: &super::format::Item| &item.id == id)
        })
        .collect();

    SortingData {
        cities,
        bins,
        items,
        left_out,
        facts,
        levels: Vec::new(),
    }
}

fn check_bin(file: &mut FileCheck<'_>, path: &[Step], bin: &str, bins: &HashSet<&str>) {
    if !bins.contains(bin) {
        let mut known: Vec<&str> = bins.iter().copied().collect();
        known.sort_unstable();
        let message = Localized::new(
            format!("没有 id 为「{bin}」的垃圾桶"),
            format!("there is no bin with id \"{bin}\""),
        );
        file.error(path, with_suggestion(message, bin, &known));
    }
}

fn check_level(file: &mut FileCheck<'_>, level: &Level, data: &SortingData) {
    file.localized(&[key("intro")], &level.intro);
    if !(0.0..=1.0).contains(&level.pass_mark) {
        file.error(
            &[key("pass_mark")],
            Localized::new(
                "及格线应在 0 到 1 之间（例如 0.6）",
                "pass_mark must be between 0 and 1 (e.g. 0.6)",
            ),
        );
    }
    if level.count == 0 {
        file.error(
            &[key("count")],
            Localized::new("物品数量至少为 1", "count must be at least 1"),
        );
    }
    check_pace(file, level);
    let city = match &level.city {
        Some(id) => match data.city(id) {
            Some(city) => Some(city),
            None => {
                file.error(
                    &[key("city")],
                    Localized::new(
                        format!("城市「{id}」没有列在数据文件的 cities 里"),
                        format!("the city \"{id}\" is not listed in the data file's cities"),
                    ),
                );
                return;
            }
        },
        None => None,
    };
    if let Some(fact) = &level.outcome_fact
        && data.fact(fact).is_none()
    {
        file.error(&[key("outcome_fact")], unknown_fact(fact, &data.facts));
    }
    match (&level.items, &level.draw) {
        (Some(ids), None) => {
            for (i, id) in ids.iter().enumerate() {
                let at = [key("items"), Step::Index(i)];
                match data.item(id) {
                    None if data.left_out.contains(id) => {
                        file.error(&at, left_out(("物品", "item"), id))
                    }
                    None => file.error(
                        &at,
                        with_suggestion(
                            Localized::new(
                                format!("找不到物品「{id}」"),
                                format!("there is no item with id \"{id}\""),
                            ),
                            id,
                            &data
                                .items
                                .iter()
                                .map(|item| item.id.as_str())
                                .collect::<Vec<_>>(),
                        ),
                    ),
                    Some(item) if !item.fits(city) => file.error(&at, misfit(item, city)),
                    Some(_) => {}
                }
            }
            if ids.len() < level.count {
                file.error(
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
            if let Err(err) = rules::check_draw_possible(data, level) {
                file.error(&[key("draw")], err.message());
            }
        }
        _ => file.error(
            &[],
            Localized::new(
                "关卡必须且只能写 items 或 draw 其中之一",
                "a level needs exactly one of items or draw",
            ),
        ),
    }
}

/// Why an item cannot be in a level: its answer depends on the city, or the level's city's own
/// list does not give it.
fn misfit(item: &super::format::Item, city: Option<&super::format::City>) -> Localized {
    match city {
        None => Localized::new(
            format!("「{}」的分类因城市而异，关卡需写明 city", item.name.zh),
            format!(
                "\"{}\" is sorted differently in different cities; the level must name its city",
                item.name.en
            ),
        ),
        Some(city) => Localized::new(
            format!(
                "「{}」的答案不是来自{}自己的清单（需引用 {} 或写 city_rules.{}）",
                item.name.zh,
                city.name.zh,
                city.source.join("、"),
                city.id
            ),
            format!(
                "the answer for \"{}\" does not come from {}'s own list (cite {} or add city_rules.{})",
                item.name.en,
                city.name.en,
                city.source.join(", "),
                city.id
            ),
        ),
    }
}

fn check_pace(file: &mut FileCheck<'_>, level: &Level) {
    match (level.mode, level.pace_seconds) {
        (Mode::Conveyor, None) => file.error(
            &[key("pace_seconds")],
            Localized::new(
                "传送带关卡需要 pace_seconds（物品通过传送带的秒数）",
                "a conveyor level needs pace_seconds (seconds an item takes to cross)",
            ),
        ),
        (_, Some(pace)) if pace < MIN_PACE_SECONDS => file.error(
            &[key("pace_seconds")],
            Localized::new(
                format!("pace_seconds 至少为 {MIN_PACE_SECONDS} 秒"),
                format!("pace_seconds must be at least {MIN_PACE_SECONDS}"),
            ),
        ),
        _ => {}
    }
    let Some(timer) = level.timer_seconds else {
        return;
    };
    if timer < MIN_TIMER_SECONDS {
        file.error(
            &[key("timer_seconds")],
            Localized::new(
                format!("计时至少 {MIN_TIMER_SECONDS} 秒"),
                format!("timer_seconds must be at least {MIN_TIMER_SECONDS}"),
            ),
        );
    }
    if let (Mode::Conveyor, Some(pace)) = (level.mode, level.pace_seconds)
        && pace * level.count as f32 <= timer
    {
        file.warn(
            &[key("timer_seconds")],
            Localized::new(
                format!(
                    "传送带送完 {} 件物品只需 {} 秒，{timer} 秒的计时永远不会用完",
                    level.count,
                    pace * level.count as f32
                ),
                format!(
                    "the belt brings all {} items within {} s, so a {timer} s timer can never run out",
                    level.count,
                    pace * level.count as f32
                ),
            ),
        );
    }
}
