use std::collections::BTreeMap;

use super::*;
use crate::pack::Localized;
use crate::scenes::river::format::{
    Action, ClassInfo, FromSorting, Goal, Indicator, Level, Placed, Reach, RiverData, Scope,
    Season, Sector, Source, Species, Stretch, WaterBody, WaterClass, Weather,
};

fn text(s: &str) -> Localized {
    Localized::new(s, s)
}

fn map(pairs: &[(&str, f32)]) -> BTreeMap<String, f32> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// GB 3838-2002's limits for the four indicators the game uses (facts §3.1).
fn indicators() -> Vec<Indicator> {
    let indicator = |id: &str, minimum: bool, limits: [f32; 5], lake: Option<[f32; 5]>| Indicator {
        id: id.into(),
        name: text(id),
        unit: "mg/L".into(),
        minimum,
        limits,
        lake_limits: lake,
    };
    vec![
        indicator("do", true, [7.5, 6.0, 5.0, 3.0, 2.0], None),
        indicator("cod", false, [15.0, 15.0, 20.0, 30.0, 40.0], None),
        indicator("nh3n", false, [0.15, 0.5, 1.0, 1.5, 2.0], None),
        indicator(
            "tp",
            false,
            [0.02, 0.1, 0.2, 0.3, 0.4],
            Some([0.01, 0.025, 0.05, 0.1, 0.2]),
        ),
    ]
}

fn source(id: &str, sector: Sector, loads: &[(&str, f32)]) -> Source {
    Source {
        id: id.into(),
        name: text(id),
        icon: "factory".into(),
        sector,
        loads: map(loads),
        runoff: sector == Sector::Farming,
        litter: 0,
        hazard: sector == Sector::Hazardous,
        why: text(id),
        source: vec![],
        approx: true,
    }
}

fn action(id: &str, cost: u32, delay: u32, fixes: &[&str], cut: &[(&str, f32)]) -> Action {
    Action {
        id: id.into(),
        name: text(id),
        icon: "factory".into(),
        cost,
        delay,
        scope: Scope::Stretch,
        fixes: fixes.iter().map(|s| s.to_string()).collect(),
        cut: map(cut),
        clears_hazards: false,
        retain: BTreeMap::new(),
        fishing_ban: false,
        does: text(id),
        source: vec![],
        approx: true,
    }
}

fn clean() -> BTreeMap<String, f32> {
    map(&[("do", 8.0), ("cod", 10.0), ("nh3n", 0.2), ("tp", 0.05)])
}

fn stretch(
    id: &str,
    reach: Reach,
    into: Option<&str>,
    flow: f32,
    sources: &[(&str, f32)],
) -> Stretch {
    Stretch {
        id: id.into(),
        name: text(id),
        reach,
        body: WaterBody::River,
        into: into.map(str::to_string),
        flow,
        clean: clean(),
        sources: sources
            .iter()
            .map(|(s, amount)| Placed {
                source: s.to_string(),
                amount: *amount,
            })
            .collect(),
        course: vec![[0.1, 0.5], [0.3, 0.5]],
    }
}

/// A town on a tributary above a farm on the main stem, flowing on into the porpoise's reach.
fn data() -> RiverData {
    let mut ban = action("ban", 1, 1, &[], &[]);
    ban.scope = Scope::River;
    ban.fishing_ban = true;
    let mut cleanup = action("cleanup", 1, 1, &["battery", "litter"], &[("litter", 1.0)]);
    cleanup.clears_hazards = true;
    let mut wetland = action("wetland", 3, 2, &[], &[]);
    wetland.retain = map(&[("tp", 0.5), ("nh3n", 0.5)]);
    let season = |id: &str, runoff: f32, flow: f32| Season {
        id: id.into(),
        name: text(id),
        icon: "sun".into(),
        runoff,
        flow,
    };
    let species = |id: &str, reaches: Vec<Reach>, needs_ban: bool| Species {
        id: id.into(),
        name: text(id),
        icon: id.into(),
        needs: WaterClass::III,
        reaches,
        needs_ban,
        about: text(id),
        source: vec![],
        approx: false,
    };
    let level = Level {
        id: "test".into(),
        title: text("test"),
        intro: text("test"),
        stretches: vec![
            stretch(
                "town",
                Reach::Tributary,
                Some("farm"),
                1.0,
                &[("sewage", 1.0)],
            ),
            stretch(
                "farm",
                Reach::Upper,
                Some("lower"),
                1.0,
                &[("fertiliser", 1.0)],
            ),
            stretch("lower", Reach::Middle, None, 2.0, &[]),
        ],
        actions: vec![
            "plant".into(),
            "buffer".into(),
            "ban".into(),
            "cleanup".into(),
            "wetland".into(),
        ],
        budget: 10,
        seasons: 3,
        start: "spring".into(),
        goal: Goal {
            class: WaterClass::III,
            stretches: None,
        },
        dump_at: Some("town".into()),
        measures: vec![],
        outcome_fact: None,
    };
    RiverData {
        indicators: indicators(),
        limits_source: vec![],
        classes: WaterClass::ALL
            .iter()
            .map(|&class| ClassInfo {
                class,
                label: text(class.latin()),
                uses: text(class.latin()),
                color: "#336699".into(),
            })
            .collect(),
        carry: map(&[("do", 0.5), ("cod", 0.5), ("nh3n", 0.5), ("tp", 0.5)]),
        carry_source: vec![],
        seasons: vec![season("spring", 1.0, 1.0), season("summer", 2.0, 1.0)],
        weather: vec![Weather {
            id: "storm".into(),
            name: text("storm"),
            icon: "cloud-with-rain".into(),
            chance: 0.5,
            runoff: 1.5,
            flow: 1.0,
        }],
        sources: vec![
            source(
                "sewage",
                Sector::Domestic,
                &[("do", -4.0), ("cod", 20.0), ("nh3n", 1.6), ("tp", 0.1)],
            ),
            source("fertiliser", Sector::Farming, &[("tp", 0.3)]),
            source("battery", Sector::Hazardous, &[]),
            Source {
                litter: 2,
                ..source("litter", Sector::Litter, &[])
            },
        ],
        actions: vec![
            action(
                "plant",
                4,
                2,
                &["sewage"],
                &[("do", 0.9), ("cod", 0.9), ("nh3n", 0.9), ("tp", 0.8)],
            ),
            action("buffer", 2, 1, &["fertiliser"], &[("tp", 0.8)]),
            ban,
            cleanup,
            wetland,
        ],
        species: vec![
            species(
                "fish",
                vec![Reach::Tributary, Reach::Upper, Reach::Middle],
                false,
            ),
            species(
                "porpoise",
                vec![Reach::Middle, Reach::Lower, Reach::Dongting, Reach::Poyang],
                true,
            ),
        ],
        lost: vec![],
        from_sorting: FromSorting {
            hazardous: "battery".into(),
            other: "litter".into(),
        },
        facts: vec![],
        levels: vec![level],
    }
}

fn situation<'a>(data: &'a RiverData, taken: &'a [Taken], extras: &'a Extras) -> Situation<'a> {
    Situation {
        data,
        level: &data.levels[0],
        taken,
        extras,
        seed: 7,
    }
}

fn taken(action: &str, stretch: usize, season: u32) -> Taken {
    Taken {
        action: action.into(),
        stretch,
        season,
    }
}

#[test]
fn each_indicator_is_classed_at_and_on_both_sides_of_every_boundary() {
    let indicators = indicators();
    for indicator in &indicators {
        for (class_index, &limit) in indicator.limits.iter().enumerate() {
            let at = classify(indicator, limit, WaterBody::River);
            let class = WaterClass::from_index(class_index);
            // Equal limits (COD's Ⅰ and Ⅱ are both 15) put a value at the limit in the better class.
            let first = indicator.limits.iter().position(|&l| l == limit).unwrap();
            assert_eq!(
                at,
                WaterClass::from_index(first),
                "{} at {limit}",
                indicator.id
            );
            let step = limit * 0.01;
            let (better, worse) = if indicator.minimum {
                (limit + step, limit - step)
            } else {
                (limit - step, limit + step)
            };
            assert!(
                classify(indicator, better, WaterBody::River) <= class,
                "{} just inside {limit}",
                indicator.id
            );
            // Just outside, the next class with a looser limit (worse than Ⅴ after Ⅴ).
            let next = (class_index + 1..5)
                .find(|&k| indicator.limits[k] != limit)
                .unwrap_or(5);
            assert_eq!(
                classify(indicator, worse, WaterBody::River),
                WaterClass::from_index(next),
                "{} just outside {limit}",
                indicator.id
            );
        }
    }
}

#[test]
fn dissolved_oxygen_is_a_minimum_and_the_others_maxima() {
    let indicators = indicators();
    assert_eq!(
        classify(&indicators[0], 9.0, WaterBody::River),
        WaterClass::I
    );
    assert_eq!(
        classify(&indicators[0], 1.0, WaterBody::River),
        WaterClass::WorseThanV
    );
    assert_eq!(
        classify(&indicators[1], 5.0, WaterBody::River),
        WaterClass::I
    );
    assert_eq!(
        classify(&indicators[1], 41.0, WaterBody::River),
        WaterClass::WorseThanV
    );
}

#[test]
fn lakes_use_the_lake_limits_for_phosphorus_and_rivers_the_river_limits() {
    let tp = &indicators()[3];
    assert_eq!(classify(tp, 0.08, WaterBody::River), WaterClass::II);
    assert_eq!(classify(tp, 0.08, WaterBody::Lake), WaterClass::IV);
    // COD has no lake limits: the same either way.
    let cod = &indicators()[1];
    assert_eq!(
        classify(cod, 25.0, WaterBody::Lake),
        classify(cod, 25.0, WaterBody::River)
    );
}

#[test]
fn the_worst_indicator_decides_a_stretchs_class() {
    let indicators = indicators();
    // DO Ⅰ, COD Ⅰ, ammonia Ⅱ, phosphorus Ⅴ → Ⅴ, decided by phosphorus.
    let (class, deciding) = worst(&indicators, &[8.0, 10.0, 0.4, 0.35], WaterBody::River);
    assert_eq!((class, deciding), (WaterClass::V, 3));
    let (class, deciding) = worst(&indicators, &[2.5, 10.0, 0.1, 0.01], WaterBody::River);
    assert_eq!((class, deciding), (WaterClass::V, 0));
}

#[test]
fn pollution_is_carried_downstream_shrinking_and_mixed_by_flow() {
    let data = data();
    let state = situation(&data, &[], &Extras::default()).at(0);
    let nh3n = |s: usize| state.stretches[s].values[2] - 0.2;
    // The town's sewage enters at 1.6 over a flow of 1.
    assert!((nh3n(0) - 1.6).abs() < 1e-4);
    // Half is carried on into the farm stretch, whose flow is the tributary's 1 plus its own 1.
    assert!((nh3n(1) - 1.6 * 0.5 * 1.0 / 2.0).abs() < 1e-4);
    // And half of that into the lower stretch, diluted again by its own water.
    assert!((nh3n(2) - 0.4 * 0.5 * 2.0 / 4.0).abs() < 1e-4);
    assert!(nh3n(0) > nh3n(1) && nh3n(1) > nh3n(2));
    // Dissolved oxygen falls where sewage enters and recovers downstream.
    assert!(state.stretches[0].values[0] < state.stretches[2].values[0]);
}

#[test]
fn an_action_works_only_after_its_delay_and_only_on_its_sources() {
    let data = data();
    let plan = [taken("plant", 0, 0)];
    let extras = Extras::default();
    let with = situation(&data, &plan, &extras);
    let without = situation(&data, &[], &extras);
    // Delay 2: nothing changes after one season, the sewage is cut after two.
    assert_eq!(with.at(1).stretches[0], without.at(1).stretches[0]);
    let cut = with.at(2).stretches[0].values[2] - 0.2;
    let uncut = without.at(2).stretches[0].values[2] - 0.2;
    assert!((cut - uncut * 0.1).abs() < 1e-4, "{cut} vs {uncut}");
    // The farm's fertiliser is another source: untouched.
    let tp_farm_local = |state: &RiverState| state.stretches[1].values[3];
    assert!(tp_farm_local(&with.at(2)) < tp_farm_local(&without.at(2)));
    assert!(tp_farm_local(&with.at(2)) > 0.05 + 0.3 * 0.5 * 0.9);
}

#[test]
fn a_wetland_holds_back_pollution_passing_through_its_stretch() {
    let data = data();
    let plan = [taken("wetland", 1, 0)];
    let extras = Extras::default();
    let with = situation(&data, &plan, &extras).at(2);
    let without = situation(&data, &[], &extras).at(2);
    let excess = |state: &RiverState, s: usize| state.stretches[s].values[3] - 0.05;
    assert!((excess(&with, 1) - excess(&without, 1) * 0.5).abs() < 1e-4);
    // What it held back does not reach the stretch below either.
    assert!(excess(&with, 2) < excess(&without, 2));
}

#[test]
fn the_porpoise_lives_only_in_its_reaches_and_only_under_a_fishing_ban() {
    let data = data();
    let stretches = &data.levels[0].stretches;
    // Clean water everywhere, no ban: fish only.
    assert_eq!(
        living(&data, &stretches[2], WaterClass::II, false, false),
        vec![0]
    );
    // With the ban, the porpoise joins in the middle reach…
    assert_eq!(
        living(&data, &stretches[2], WaterClass::II, true, false),
        vec![0, 1]
    );
    // …never upstream in Chongqing's reach or on a tributary, however clean.
    assert_eq!(
        living(&data, &stretches[1], WaterClass::I, true, false),
        vec![0]
    );
    assert_eq!(
        living(&data, &stretches[0], WaterClass::I, true, false),
        vec![0]
    );
    // Not in water worse than Ⅲ, and nothing beside dumped hazardous waste.
    assert!(living(&data, &stretches[2], WaterClass::IV, true, false).is_empty());
    assert!(living(&data, &stretches[2], WaterClass::I, true, true).is_empty());
}

#[test]
fn the_same_seed_gives_the_same_seasons_and_weather() {
    let data = data();
    let extras = Extras::default();
    let a = situation(&data, &[], &extras);
    let b = situation(&data, &[], &extras);
    for step in 0..6 {
        assert_eq!(a.at(step), b.at(step));
    }
    assert_eq!(
        weather_at(&data, 7, 0),
        None,
        "no weather before the first season"
    );
    let draws: Vec<Option<usize>> = (1..40).map(|step| weather_at(&data, 7, step)).collect();
    assert!(
        draws.contains(&Some(0)) && draws.contains(&None),
        "{draws:?}"
    );
    let seasons: Vec<usize> = (0..4)
        .map(|step| season_at(&data, &data.levels[0], step))
        .collect();
    assert_eq!(seasons, vec![0, 1, 0, 1]);
}

#[test]
fn storms_wash_more_fertiliser_off_the_fields_but_not_more_sewage() {
    let data = data();
    let extras = Extras::default();
    let situation = situation(&data, &[], &extras);
    let stormy = (1..40)
        .find(|&s| weather_at(&data, 7, s) == Some(0) && season_at(&data, &data.levels[0], s) == 0);
    let calm = (1..40)
        .find(|&s| weather_at(&data, 7, s).is_none() && season_at(&data, &data.levels[0], s) == 0);
    let (stormy, calm) = (situation.at(stormy.unwrap()), situation.at(calm.unwrap()));
    assert!(stormy.stretches[1].values[3] > calm.stretches[1].values[3]);
    assert_eq!(stormy.stretches[0].values[2], calm.stretches[0].values[2]);
}

#[test]
fn actions_cost_budget_once_per_stretch_and_need_something_to_work_on() {
    let data = data();
    let level = &data.levels[0];
    let extras = Extras::default();
    assert_eq!(can_take(&data, level, &[], &extras, "plant", 0), Ok(()));
    assert_eq!(
        can_take(&data, level, &[], &extras, "plant", 1),
        Err(Refusal::NothingToFix)
    );
    let plan = [taken("plant", 0, 0)];
    assert_eq!(
        can_take(&data, level, &plan, &extras, "plant", 0),
        Err(Refusal::AlreadyTaken)
    );
    assert_eq!(budget_left(&data, level, &plan), 6);
    let plan = [
        taken("plant", 0, 0),
        taken("wetland", 1, 0),
        taken("buffer", 1, 0),
    ];
    assert_eq!(budget_left(&data, level, &plan), 1);
    assert_eq!(
        can_take(&data, level, &plan, &extras, "wetland", 2),
        Err(Refusal::TooExpensive)
    );
    // A river-wide ban once for the whole river.
    let plan = [taken("ban", 2, 0)];
    assert_eq!(
        can_take(&data, level, &plan, &extras, "ban", 0),
        Err(Refusal::AlreadyTaken)
    );
    assert_eq!(
        can_take(&data, level, &[], &extras, "nothing", 0),
        Err(Refusal::Unknown)
    );
}

#[test]
fn sorting_mistakes_become_sources_on_the_dump_stretch_and_a_clean_up_clears_them() {
    let data = data();
    let extras = Extras {
        hazardous: 5,
        other: 1,
    };
    let sources = stretch_sources(&data, &data.levels[0], &extras, 0);
    assert_eq!(
        sources,
        vec![
            ("sewage".to_string(), 1.0),
            ("battery".into(), MOST_MISTAKES as f32),
            ("litter".into(), 1.0)
        ]
    );
    assert!(stretch_sources(&data, &data.levels[0], &extras, 1).len() == 1);
    let dirty = situation(&data, &[], &extras).at(1);
    assert!(dirty.stretches[0].hazard);
    assert_eq!(dirty.stretches[0].litter, 2);
    let plan = [taken("cleanup", 0, 0)];
    let cleaned = situation(&data, &plan, &extras).at(1);
    assert!(!cleaned.stretches[0].hazard);
    assert_eq!(cleaned.stretches[0].litter, 0);
}

#[test]
fn a_round_is_won_when_a_season_ends_with_the_goal_met_and_lost_when_the_seasons_run_out() {
    let data = data();
    let level = &data.levels[0];
    let extras = Extras::default();
    let idle = situation(&data, &[], &extras);
    assert_eq!(verdict(level, &idle.at(0)), Verdict::Playing);
    assert_eq!(verdict(level, &idle.at(1)), Verdict::Playing);
    assert_eq!(verdict(level, &idle.at(3)), Verdict::Lost);
    let plan = [taken("plant", 0, 0), taken("buffer", 1, 0)];
    let working = situation(&data, &plan, &extras);
    assert_ne!(
        verdict(level, &working.at(1)),
        Verdict::Won,
        "the plant is not built yet"
    );
    assert_eq!(
        verdict(level, &working.at(2)),
        Verdict::Won,
        "{:?}",
        working.at(2)
    );
}

#[test]
fn the_action_that_did_most_is_the_one_whose_absence_leaves_the_river_dirtiest() {
    let data = data();
    let extras = Extras::default();
    let plan = [taken("buffer", 1, 0), taken("plant", 0, 0)];
    let situation = situation(&data, &plan, &extras);
    let (index, share) = did_most(&situation, 2).unwrap();
    assert_eq!(plan[index].action, "plant");
    assert!(share > 0.5 && share <= 1.0, "{share}");
    let none = Situation {
        taken: &[],
        ..situation
    };
    assert_eq!(did_most(&none, 2), None);
}

#[test]
fn phosphorus_shares_rank_the_sectors() {
    let data = data();
    let shares = phosphorus_shares(&data, &data.levels[0]);
    assert_eq!(shares[0].0, Sector::Farming);
    assert!((shares[0].1 - 0.75).abs() < 1e-4);
    assert!((shares.iter().map(|(_, s)| s).sum::<f32>() - 1.0).abs() < 1e-4);
}

#[test]
fn a_course_that_loops_has_no_upstream_order() {
    let mut data = data();
    data.levels[0].stretches[2].into = Some("town".into());
    assert_eq!(upstream_first(&data.levels[0]), None);
}
