//! The river scene's own checks, on top of the pack's shared file and level reading: the limit
//! table's shape, every id a source, action, stretch or level names, and a course that flows.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::format::{
    Action, ClassInfo, FromSorting, Indicator, Level, Lost, RiverData, Season, Source, Species,
    WaterBody, WaterClass, Weather,
};
use super::rules::{self, LITTER};
use crate::pack::locate::Step;
use crate::pack::pictures::Pictures;
use crate::pack::{
    FileCheck, Localized, Parsed, SceneInput, decode_entries, key, parse_scene, read_facts,
    unknown_fact, with, with_suggestion,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawData {
    indicators: Vec<Value>,
    limits_source: Vec<String>,
    classes: Vec<Value>,
    carry: BTreeMap<String, f32>,
    carry_source: Vec<String>,
    seasons: Vec<Value>,
    #[serde(default)]
    weather: Vec<Value>,
    sources: Vec<Value>,
    actions: Vec<Value>,
    species: Vec<Value>,
    #[serde(default)]
    lost: Vec<Value>,
    from_sorting: FromSorting,
    #[serde(default)]
    facts: Vec<Value>,
}

/// The most stretches a level may have, sources a stretch may hold and actions a level may
/// offer: what fits a phone's map and card with room for a finger (see `layout`).
pub const MAX_STRETCHES: usize = 7;
pub const MAX_SOURCES: usize = 3;
pub const MAX_ACTIONS: usize = 6;

type Known<'a> = &'a BTreeMap<String, crate::pack::Source>;

pub fn parse(input: SceneInput<'_>) -> Parsed {
    let sources = input.sources;
    let pictures = input.pictures;
    parse_scene(
        input,
        |file, raw: RawData| check_data(file, raw, sources, pictures),
        |_, _| {},
        check_level,
        |data: &mut RiverData, levels| data.levels = levels,
        Localized::new(
            "河流场景没有可用的关卡",
            "the river scene has no usable level",
        ),
    )
}

fn unknown(kind: (&str, &str), id: &str, known: &[&str]) -> Localized {
    let message = Localized::new(
        format!("找不到{}「{id}」", kind.0),
        format!("there is no {} with id \"{id}\"", kind.1),
    );
    with_suggestion(message, id, known)
}

/// A season's or weather's runoff and flow factors.
fn check_factors(file: &mut FileCheck<'_>, path: &[Step], runoff: f32, flow: f32) {
    if runoff < 0.0 || flow <= 0.0 {
        file.error(
            path,
            Localized::new(
                "径流系数不能为负，水量系数必须大于 0",
                "runoff must not be negative and flow must be above 0",
            ),
        );
    }
}

fn share_problem() -> Localized {
    Localized::new("比例应在 0 到 1 之间", "a share must be between 0 and 1")
}

fn check_data(
    file: &mut FileCheck<'_>,
    raw: RawData,
    known: Known<'_>,
    pictures: &Pictures,
) -> RiverData {
    let mut indicators = decode_entries::<Indicator>(file, "indicators", raw.indicators);
    indicators.retain(|(path, indicator)| {
        let before = file.error_count();
        file.localized(&with(path, "name"), &indicator.name);
        for (field, limits) in [
            ("limits", Some(indicator.limits)),
            ("lake_limits", indicator.lake_limits),
        ] {
            let Some(limits) = limits else { continue };
            let ordered = limits.windows(2).all(|w| {
                if indicator.minimum {
                    w[0] >= w[1]
                } else {
                    w[0] <= w[1]
                }
            });
            if !ordered || limits.iter().any(|v| *v < 0.0) {
                file.error(
                    &with(path, field),
                    Localized::new(
                        "限值要从Ⅰ类到Ⅴ类依次放宽（下限递减，上限递增），且不能为负",
                        "limits must loosen from class I to V (a minimum falls, a maximum rises) and not be negative",
                    ),
                );
            }
        }
        file.error_count() == before
    });
    file.unique_ids(
        indicators
            .iter()
            .map(|(p, i)| (p.as_slice(), i.id.as_str())),
    );
    let indicators: Vec<Indicator> = indicators.into_iter().map(|(_, i)| i).collect();
    let ids: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
    file.sources(&[key("limits_source")], &raw.limits_source, known);

    let mut classes = decode_entries::<ClassInfo>(file, "classes", raw.classes);
    classes.retain(|(path, info)| {
        let before = file.error_count();
        file.localized(&with(path, "label"), &info.label);
        file.localized(&with(path, "uses"), &info.uses);
        if crate::pack::parse_hex_color(&info.color).is_none() {
            file.error(
                &with(path, "color"),
                Localized::new("颜色要写成 #rrggbb", "a colour is written #rrggbb"),
            );
        }
        file.error_count() == before
    });
    let classes: Vec<ClassInfo> = classes.into_iter().map(|(_, c)| c).collect();
    for class in WaterClass::ALL {
        if classes.iter().filter(|info| info.class == class).count() != 1 {
            file.error(
                &[key("classes")],
                Localized::new(
                    format!("{}类要正好写一次", class.numeral()),
                    format!("class {} must be listed exactly once", class.latin()),
                ),
            );
        }
    }

    for (id, share) in &raw.carry {
        if !ids.contains(&id.as_str()) {
            file.error(
                &[key("carry"), key(id)],
                unknown(("指标", "indicator"), id, &ids),
            );
        } else if !(0.0..=1.0).contains(share) {
            file.error(&[key("carry"), key(id)], share_problem());
        }
    }
    file.sources(&[key("carry_source")], &raw.carry_source, known);

    let mut seasons = decode_entries::<Season>(file, "seasons", raw.seasons);
    seasons.retain(|(path, season)| {
        let before = file.error_count();
        file.localized(&with(path, "name"), &season.name);
        file.icon(&with(path, "icon"), &season.icon, pictures);
        check_factors(file, path, season.runoff, season.flow);
        file.error_count() == before
    });
    file.unique_ids(seasons.iter().map(|(p, s)| (p.as_slice(), s.id.as_str())));
    if seasons.is_empty() {
        file.error(
            &[key("seasons")],
            Localized::new("至少要有一个季节", "at least one season is needed"),
        );
    }

    let mut weather = decode_entries::<Weather>(file, "weather", raw.weather);
    weather.retain(|(path, w)| {
        let before = file.error_count();
        file.localized(&with(path, "name"), &w.name);
        file.icon(&with(path, "icon"), &w.icon, pictures);
        if !(0.0..=1.0).contains(&w.chance) {
            file.error(&with(path, "chance"), share_problem());
        }
        check_factors(file, path, w.runoff, w.flow);
        file.error_count() == before
    });
    if weather.iter().map(|(_, w)| w.chance).sum::<f32>() > 1.0 + f32::EPSILON {
        file.error(
            &[key("weather")],
            Localized::new(
                "各种天气的概率加起来不能超过 1",
                "the weather's chances must not add up to more than 1",
            ),
        );
    }

    let mut sources = decode_entries::<Source>(file, "sources", raw.sources);
    sources.retain(|(path, source)| {
        let before = file.error_count();
        file.localized(&with(path, "name"), &source.name);
        file.localized(&with(path, "why"), &source.why);
        file.icon(&with(path, "icon"), &source.icon, pictures);
        file.sources(path, &source.source, known);
        for id in source.loads.keys() {
            if !ids.contains(&id.as_str()) {
                file.error(
                    &with(&with(path, "loads"), id),
                    unknown(("指标", "indicator"), id, &ids),
                );
            }
        }
        file.error_count() == before
    });
    file.unique_ids(sources.iter().map(|(p, s)| (p.as_slice(), s.id.as_str())));
    let sources: Vec<Source> = sources.into_iter().map(|(_, s)| s).collect();
    let source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();

    let mut actions = decode_entries::<Action>(file, "actions", raw.actions);
    actions.retain(|(path, action)| {
        let before = file.error_count();
        file.localized(&with(path, "name"), &action.name);
        file.localized(&with(path, "does"), &action.does);
        file.icon(&with(path, "icon"), &action.icon, pictures);
        file.sources(path, &action.source, known);
        if action.delay == 0 {
            file.error(
                &with(path, "delay"),
                Localized::new(
                    "行动至少要一个季节后才见效（delay 至少为 1）",
                    "an action works a season later at the soonest (delay at least 1)",
                ),
            );
        }
        for fix in &action.fixes {
            if !source_ids.contains(&fix.as_str()) {
                file.error(
                    &with(path, "fixes"),
                    unknown(("污染源", "source"), fix, &source_ids),
                );
            }
        }
        for (field, shares) in [("cut", &action.cut), ("retain", &action.retain)] {
            for (id, share) in shares {
                let litter = field == "cut" && id == LITTER;
                if !litter && !ids.contains(&id.as_str()) {
                    file.error(
                        &with(&with(path, field), id),
                        unknown(("指标", "indicator"), id, &ids),
                    );
                } else if !(0.0..=1.0).contains(share) {
                    file.error(&with(&with(path, field), id), share_problem());
                }
            }
        }
        file.error_count() == before
    });
    file.unique_ids(actions.iter().map(|(p, a)| (p.as_slice(), a.id.as_str())));

    let mut species = decode_entries::<Species>(file, "species", raw.species);
    species.retain(|(path, one)| {
        let before = file.error_count();
        file.localized(&with(path, "name"), &one.name);
        file.localized(&with(path, "about"), &one.about);
        file.icon(&with(path, "icon"), &one.icon, pictures);
        file.sources(path, &one.source, known);
        if one.reaches.is_empty() {
            file.error(
                &with(path, "reaches"),
                Localized::new("要写出它生活在哪些河段", "name the reaches it lives in"),
            );
        }
        file.error_count() == before
    });
    let mut lost = decode_entries::<Lost>(file, "lost", raw.lost);
    lost.retain(|(path, one)| {
        let before = file.error_count();
        file.localized(&with(path, "name"), &one.name);
        file.localized(&with(path, "about"), &one.about);
        file.icon(&with(path, "icon"), &one.icon, pictures);
        file.sources(path, &one.source, known);
        file.error_count() == before
    });
    for (field, id) in [
        ("hazardous", &raw.from_sorting.hazardous),
        ("other", &raw.from_sorting.other),
    ] {
        if !source_ids.contains(&id.as_str()) {
            file.error(
                &[key("from_sorting"), key(field)],
                unknown(("污染源", "source"), id, &source_ids),
            );
        }
    }
    let facts = read_facts(file, raw.facts, known);
    RiverData {
        indicators,
        limits_source: raw.limits_source,
        classes,
        carry: raw.carry,
        carry_source: raw.carry_source,
        seasons: seasons.into_iter().map(|(_, s)| s).collect(),
        weather: weather.into_iter().map(|(_, w)| w).collect(),
        sources,
        actions: actions.into_iter().map(|(_, a)| a).collect(),
        species: species.into_iter().map(|(_, s)| s).collect(),
        lost: lost.into_iter().map(|(_, l)| l).collect(),
        from_sorting: raw.from_sorting,
        facts,
        levels: Vec::new(),
    }
}

fn check_level(file: &mut FileCheck<'_>, level: &Level, data: &RiverData) {
    file.localized(&[key("intro")], &level.intro);
    let count = level.stretches.len();
    if !(1..=MAX_STRETCHES).contains(&count) {
        file.error(&[key("stretches")], Localized::new(
            format!("一关要有 1 到 {MAX_STRETCHES} 段河（现在是 {count} 段）：手机屏幕放不下更多"),
            format!("a level needs 1 to {MAX_STRETCHES} stretches (it has {count}): a phone has room for no more"),
        ));
    }
    let paths: Vec<Vec<Step>> = (0..count)
        .map(|i| vec![key("stretches"), Step::Index(i)])
        .collect();
    file.unique_ids(
        paths
            .iter()
            .zip(&level.stretches)
            .map(|(p, s)| (p.as_slice(), s.id.as_str())),
    );
    let stretch_ids: Vec<&str> = level.stretches.iter().map(|s| s.id.as_str()).collect();
    let source_ids: Vec<&str> = data.sources.iter().map(|s| s.id.as_str()).collect();
    for (path, stretch) in paths.iter().zip(&level.stretches) {
        file.localized(&with(path, "name"), &stretch.name);
        if let Some(into) = &stretch.into
            && !stretch_ids.contains(&into.as_str())
        {
            file.error(
                &with(path, "into"),
                unknown(("河段", "stretch"), into, &stretch_ids),
            );
        }
        if stretch.flow <= 0.0 {
            file.error(
                &with(path, "flow"),
                Localized::new("水量必须大于 0", "flow must be above 0"),
            );
        }
        for indicator in &data.indicators {
            if !stretch.clean.contains_key(&indicator.id) {
                file.error(
                    &with(path, "clean"),
                    Localized::new(
                        format!("缺少指标「{}」的本底值", indicator.id),
                        format!("the clean value of \"{}\" is missing", indicator.id),
                    ),
                );
            }
        }
        for id in stretch.clean.keys() {
            if data.indicator(id).is_none() {
                let ids: Vec<&str> = data.indicators.iter().map(|i| i.id.as_str()).collect();
                file.warn(
                    &with(&with(path, "clean"), id),
                    unknown(("指标", "indicator"), id, &ids),
                );
            }
        }
        if stretch.sources.len() > MAX_SOURCES {
            file.error(
                &with(path, "sources"),
                Localized::new(
                    format!("每段河最多 {MAX_SOURCES} 个污染源"),
                    format!("a stretch holds at most {MAX_SOURCES} sources"),
                ),
            );
        }
        for (j, placed) in stretch.sources.iter().enumerate() {
            let at = [with(path, "sources"), vec![Step::Index(j), key("source")]].concat();
            if data.source(&placed.source).is_none() {
                file.error(
                    &at,
                    unknown(("污染源", "source"), &placed.source, &source_ids),
                );
            }
            if placed.amount <= 0.0 {
                file.error(
                    &at,
                    Localized::new("数量必须大于 0", "amount must be above 0"),
                );
            }
        }
        let least = if stretch.body == WaterBody::Lake {
            1
        } else {
            2
        };
        let outside = stretch
            .course
            .iter()
            .flatten()
            .any(|v| !(0.0..=1.0).contains(v));
        if stretch.course.len() < least || outside {
            file.error(
                &with(path, "course"),
                Localized::new(
                    "河道要有至少 2 个点（湖泊 1 个），都在 0 到 1 之间",
                    "a course needs at least 2 points (a lake 1), each between 0 and 1",
                ),
            );
        }
    }
    let links_known = level
        .stretches
        .iter()
        .all(|s| s.into.as_deref().is_none_or(|id| stretch_ids.contains(&id)));
    if count > 0 && links_known && rules::upstream_first(level).is_none() {
        file.error(
            &[key("stretches")],
            Localized::new(
                "河段的 into 连成了一个圈：河水总要流到下游去",
                "the stretches' into links make a loop: a river must flow on downstream",
            ),
        );
    }
    if level.actions.is_empty() || level.actions.len() > MAX_ACTIONS {
        file.error(
            &[key("actions")],
            Localized::new(
                format!("一关要有 1 到 {MAX_ACTIONS} 种行动"),
                format!("a level offers 1 to {MAX_ACTIONS} actions"),
            ),
        );
    }
    let action_ids: Vec<&str> = data.actions.iter().map(|a| a.id.as_str()).collect();
    for (i, id) in level.actions.iter().enumerate() {
        if data.action(id).is_none() {
            file.error(
                &[key("actions"), Step::Index(i)],
                unknown(("行动", "action"), id, &action_ids),
            );
        }
    }
    if level.budget == 0 || level.seasons == 0 {
        file.error(
            &[],
            Localized::new(
                "预算和季节数都必须大于 0",
                "budget and seasons must both be above 0",
            ),
        );
    }
    if data.season(&level.start).is_none() {
        let ids: Vec<&str> = data.seasons.iter().map(|s| s.id.as_str()).collect();
        file.error(
            &[key("start")],
            unknown(("季节", "season"), &level.start, &ids),
        );
    }
    for id in level.goal.stretches.iter().flatten() {
        if !stretch_ids.contains(&id.as_str()) {
            file.error(
                &[key("goal"), key("stretches")],
                unknown(("河段", "stretch"), id, &stretch_ids),
            );
        }
    }
    if let Some(id) = &level.dump_at
        && !stretch_ids.contains(&id.as_str())
    {
        file.error(
            &[key("dump_at")],
            unknown(("河段", "stretch"), id, &stretch_ids),
        );
    }
    for (i, id) in level.measures.iter().enumerate() {
        if data.fact(id).is_none() {
            file.error(
                &[key("measures"), Step::Index(i)],
                unknown_fact(id, &data.facts),
            );
        }
    }
    if let Some(fact) = &level.outcome_fact
        && data.fact(fact).is_none()
    {
        file.error(&[key("outcome_fact")], unknown_fact(fact, &data.facts));
    }
}
