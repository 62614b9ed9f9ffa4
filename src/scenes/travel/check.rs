//! The travel scene's own checks, on top of the pack's shared file and level reading.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::format::{FactorBasis, Level, Mode, Place, TravelData};
use super::rules;
use super::table::TableTrip;
use crate::pack::locate::Step;
use crate::pack::pictures::Pictures;
use crate::pack::table::{Merged, cell_problem, read_tables, relocate};
use crate::pack::{
    FileCheck, Localized, Parsed, SceneInput, Source, decode_entries, ids_written, key, left_out,
    parse_scene, read_facts, unknown_fact, with, with_suggestion,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawData {
    baseline: String,
    modes: Vec<Value>,
    #[serde(default)]
    places: Vec<Value>,
    #[serde(default)]
    facts: Vec<Value>,
}

/// The most ways to go one trip may offer: the cards must fit a phone's screen with room for a
/// finger (see `layout::tests`).
pub const MAX_CHOICES: usize = 5;

/// Checks the scene's data file and its weeks; broken entries are left out, each with a problem.
/// Rows of the entry's `tables` join the trips of the week their `week` column names.
pub fn parse(input: SceneInput<'_>) -> Parsed {
    let sources = input.sources;
    let pictures = input.pictures;
    let (tables, table_problems) = read_tables(input.entry, input.files, super::table::trips);
    let mut waiting: Vec<(String, TableTrip)> = tables
        .into_iter()
        .flat_map(|(table, trips)| trips.into_iter().map(move |trip| (table.clone(), trip)))
        .collect();
    let mut weeks = Vec::new();
    let mut merged = Vec::new();
    let mut parsed = parse_scene(
        input,
        |file, raw: RawData| check_data(file, raw, sources, pictures),
        |path, level| {
            let Some(week) = level.get("id").and_then(Value::as_str).map(str::to_string) else {
                return;
            };
            let (joining, rest): (Vec<_>, Vec<_>) =
                waiting.drain(..).partition(|(_, row)| row.week == week);
            waiting = rest;
            weeks.push(week);
            join_week(path, level, joining, &mut merged);
        },
        check_level,
        |data: &mut TravelData, levels| data.levels = levels,
        Localized::new(
            "出行场景没有可用的关卡",
            "the travel scene has no usable level",
        ),
    );
    relocate(&mut parsed.problems, &merged);
    let known: Vec<&str> = weeks.iter().map(String::as_str).collect();
    let orphans = waiting.iter().map(|(table, row)| {
        let message = Localized::new(
            format!("没有 id 为「{}」的一周（关卡）", row.week),
            format!("there is no week (level) with id \"{}\"", row.week),
        );
        cell_problem(
            table,
            row.line,
            "week",
            with_suggestion(message, &row.week, &known),
        )
    });
    let before: Vec<_> = table_problems.into_iter().chain(orphans).collect();
    parsed.problems.splice(0..0, before);
    parsed
}

/// Appends a table's trips to a week's `trips`, remembering which rows they came from.
fn join_week(
    path: &str,
    level: &mut Value,
    joining: Vec<(String, TableTrip)>,
    merged: &mut Vec<Merged>,
) {
    if joining.is_empty() {
        return;
    }
    let Some(fields) = level.as_object_mut() else {
        return;
    };
    let trips = fields
        .entry("trips")
        .or_insert_with(|| Value::Array(Vec::new()));
    let Some(trips) = trips.as_array_mut() else {
        return;
    };
    for (table, row) in joining {
        match merged.last_mut() {
            Some(last) if last.table == table && last.into == path => last.lines.push(row.line),
            _ => merged.push(Merged {
                table,
                into: path.to_string(),
                list: "trips",
                first: trips.len(),
                lines: vec![row.line],
            }),
        }
        trips.push(row.trip);
    }
}

fn check_data(
    file: &mut FileCheck<'_>,
    raw: RawData,
    sources: &BTreeMap<String, Source>,
    pictures: &Pictures,
) -> TravelData {
    let written = ids_written(&raw.modes);
    let mut modes = decode_entries::<Mode>(file, "modes", raw.modes);
    modes.retain(|(path, mode)| check_mode(file, path, mode, sources, pictures));
    file.unique_ids(
        modes
            .iter()
            .map(|(path, mode)| (path.as_slice(), mode.id.as_str())),
    );
    let modes: Vec<Mode> = modes.into_iter().map(|(_, mode)| mode).collect();
    let left_out = written
        .into_iter()
        .filter(|id| !modes.iter().any(|mode| &mode.id == id))
        .collect();
    if !modes.iter().any(|mode| mode.id == raw.baseline) {
        file.error(
            &[key("baseline")],
            Localized::new(
                format!("基准出行方式「{}」不在 modes 里", raw.baseline),
                format!(
                    "the baseline mode \"{}\" is not among the modes",
                    raw.baseline
                ),
            ),
        );
    }

    let places = decode_entries::<Place>(file, "places", raw.places);
    for (path, place) in &places {
        file.localized(&with(path, "name"), &place.name);
        if place.map.iter().any(|v| !(0.0..=1.0).contains(v)) {
            file.error(
                &with(path, "map"),
                Localized::new(
                    "地图位置应在 0 到 1 之间",
                    "a map position must be between 0 and 1",
                ),
            );
        }
    }
    file.unique_ids(
        places
            .iter()
            .map(|(path, place)| (path.as_slice(), place.id.as_str())),
    );

    let facts = read_facts(file, raw.facts, sources);

    TravelData {
        modes,
        left_out,
        places: places.into_iter().map(|(_, place)| place).collect(),
        facts,
        baseline: raw.baseline,
        levels: Vec::new(),
    }
}

/// A mode is kept only when every figure it shows can be trusted and traced.
fn check_mode(
    file: &mut FileCheck<'_>,
    path: &[Step],
    mode: &Mode,
    sources: &BTreeMap<String, Source>,
    pictures: &Pictures,
) -> bool {
    let before = file.error_count();
    file.localized(&with(path, "name"), &mode.name);
    file.sources(path, &mode.source, sources);
    file.icon(&with(path, "icon"), &mode.icon, pictures);
    if mode.grams_per_km < 0.0 || mode.speed_kmh <= 0.0 || mode.wait_minutes < 0.0 {
        file.error(
            path,
            Localized::new(
                "排放因子和等候时间不能为负，速度必须大于 0",
                "grams_per_km and wait_minutes must not be negative, and speed_kmh must be above 0",
            ),
        );
    }
    if mode.baseline_car && !mode.per_vehicle {
        file.error(
            &with(path, "baseline_car"),
            Localized::new(
                "基准汽车按整辆车计算排放（per_vehicle: true）",
                "a baseline car counts the whole vehicle (per_vehicle: true)",
            ),
        );
    }
    if mode.basis == FactorBasis::Estimate && !mode.approx {
        file.error(
            &with(path, "approx"),
            Localized::new(
                "估算的排放因子必须标为约数（approx: true）",
                "an estimated factor must be marked approximate (approx: true)",
            ),
        );
    }
    file.error_count() == before
}

fn check_level(file: &mut FileCheck<'_>, level: &Level, data: &TravelData) {
    file.localized(&[key("intro")], &level.intro);
    if level.trips.is_empty() {
        file.error(
            &[key("trips")],
            Localized::new("一周至少要有一次出行", "a week needs at least one trip"),
        );
    }
    let paths: Vec<Vec<Step>> = (0..level.trips.len())
        .map(|i| vec![key("trips"), Step::Index(i)])
        .collect();
    file.unique_ids(
        paths
            .iter()
            .zip(&level.trips)
            .map(|(path, trip)| (path.as_slice(), trip.id.as_str())),
    );
    for (path, trip) in paths.iter().zip(&level.trips) {
        file.localized(&with(path, "name"), &trip.name);
        for (end, place) in [("from", &trip.from), ("to", &trip.to)] {
            if data.place(place).is_none() {
                let known: Vec<&str> = data.places.iter().map(|p| p.id.as_str()).collect();
                let message = Localized::new(
                    format!("找不到地点「{place}」"),
                    format!("there is no place with id \"{place}\""),
                );
                file.error(&with(path, end), with_suggestion(message, place, &known));
            }
        }
        if trip.distance_km <= 0.0 || trip.time_limit_minutes <= 0.0 || trip.travellers == 0 {
            file.error(
                path,
                Localized::new(
                    "距离、时限和出行人数都必须大于 0",
                    "distance_km, time_limit_minutes and travellers must all be above 0",
                ),
            );
        }
        for (c, choice) in trip.choices.iter().enumerate() {
            let at = [with(path, "choices"), vec![Step::Index(c)]].concat();
            if let Some(why) = &choice.ruled_out {
                file.localized(&with(&at, "ruled_out"), why);
            }
            for (l, leg) in choice.legs.iter().enumerate() {
                let leg_at = [with(&at, "legs"), vec![Step::Index(l)]].concat();
                if data.left_out.contains(&leg.mode) {
                    file.error(
                        &with(&leg_at, "mode"),
                        left_out(("出行方式", "mode"), &leg.mode),
                    );
                } else if data.mode(&leg.mode).is_none() {
                    let known: Vec<&str> = data.modes.iter().map(|m| m.id.as_str()).collect();
                    let message = Localized::new(
                        format!("找不到出行方式「{}」", leg.mode),
                        format!("there is no mode with id \"{}\"", leg.mode),
                    );
                    file.error(
                        &with(&leg_at, "mode"),
                        with_suggestion(message, &leg.mode, &known),
                    );
                }
                if leg.km <= 0.0 {
                    file.error(
                        &with(&leg_at, "km"),
                        Localized::new(
                            "每段路程必须大于 0 公里",
                            "each leg must be longer than 0 km",
                        ),
                    );
                }
            }
        }
        if !(1..=MAX_CHOICES).contains(&trip.choices.len()) {
            file.error(
                &with(path, "choices"),
                Localized::new(
                    format!(
                        "每趟出行要有 1 到 {MAX_CHOICES} 种走法（现在是 {} 种）：手机屏幕放不下更多卡片",
                        trip.choices.len()
                    ),
                    format!(
                        "a trip needs 1 to {MAX_CHOICES} ways to go (it has {}): a phone has room for no more cards",
                        trip.choices.len()
                    ),
                ),
            );
        }
        let all_known = trip
            .choices
            .iter()
            .all(|choice| choice.legs.iter().all(|leg| data.mode(&leg.mode).is_some()));
        if all_known && rules::lowest_carbon(data, trip).is_none() {
            file.error(
                &with(path, "choices"),
                Localized::new(
                    "这次出行没有一个能按时到达、又没被排除的选择",
                    "no choice of this trip arrives in time without being ruled out",
                ),
            );
        }
    }
    if let Some(fact) = &level.outcome_fact
        && data.fact(fact).is_none()
    {
        file.error(&[key("outcome_fact")], unknown_fact(fact, &data.facts));
    }
}
