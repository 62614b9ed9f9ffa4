//! The river scene's pack data: the shipped limit table is GB 3838-2002's (facts §3.1) cell by
//! cell, the porpoise lives only where §3.5 says, every figure is sourced, the shares teach that
//! farming is the largest phosphorus source, and broken river files give located, bilingual
//! problems without taking the good level down.

use std::path::Path;

use green_actor::pack::read_pack_dir;
use green_actor::scenes::formats;
use green_actor::scenes::river::SCENE_ID;
use green_actor::scenes::river::format::{Reach, RiverData, Sector, WaterClass};
use green_actor::scenes::river::rules;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn default_river() -> RiverData {
    let report = read_pack_dir(&root().join("assets/packs/default"), &formats());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let pack = report.pack.expect("the default pack loads");
    pack.data::<RiverData>(SCENE_ID)
        .expect("the default pack lists the river scene")
        .clone()
}

/// GB 3838-2002 Table 1 as facts.md §3.1 gives it: classes Ⅰ to Ⅴ, mg/L.
const TABLE: [(&str, bool, [f32; 5]); 4] = [
    ("do", true, [7.5, 6.0, 5.0, 3.0, 2.0]),
    ("cod", false, [15.0, 15.0, 20.0, 30.0, 40.0]),
    ("nh3n", false, [0.15, 0.5, 1.0, 1.5, 2.0]),
    ("tp", false, [0.02, 0.1, 0.2, 0.3, 0.4]),
];
const LAKE_TP: [f32; 5] = [0.01, 0.025, 0.05, 0.1, 0.2];

#[test]
fn the_shipped_limit_table_equals_gb_3838_2002_cell_by_cell() {
    let data = default_river();
    assert_eq!(data.indicators.len(), TABLE.len());
    for (id, minimum, limits) in TABLE {
        let indicator = data.indicator(id).unwrap_or_else(|| panic!("no {id}"));
        assert_eq!(indicator.minimum, minimum, "{id}: minimum or maximum");
        for (class, (shipped, standard)) in indicator.limits.iter().zip(limits).enumerate() {
            assert_eq!(
                *shipped,
                standard,
                "{id}, class {}",
                WaterClass::ALL[class].latin()
            );
        }
        let lake = indicator.lake_limits;
        if id == "tp" {
            assert_eq!(lake, Some(LAKE_TP), "phosphorus in lakes");
        } else {
            assert_eq!(lake, None, "{id} has no separate lake limits");
        }
    }
    assert!(!data.limits_source.is_empty());
    assert_eq!(data.classes.len(), 6);
}

#[test]
fn the_porpoise_lives_only_in_the_middle_and_lower_main_stem_and_the_two_lakes() {
    let data = default_river();
    let porpoise = data
        .species
        .iter()
        .find(|s| s.id.contains("porpoise"))
        .expect("the finless porpoise is in the data");
    let mut reaches = porpoise.reaches.clone();
    reaches.sort_by_key(|r| format!("{r:?}"));
    assert_eq!(
        reaches,
        vec![Reach::Dongting, Reach::Lower, Reach::Middle, Reach::Poyang]
    );
    assert!(porpoise.needs_ban, "it returns under the fishing ban");
    assert!(porpoise.about.en.contains("1,012") && porpoise.about.en.contains("1,249"));
    for level in &data.levels {
        for stretch in &level.stretches {
            let body_is_lake = stretch.body == green_actor::scenes::river::format::WaterBody::Lake;
            let lake_reach = matches!(stretch.reach, Reach::Dongting | Reach::Poyang);
            assert_eq!(
                body_is_lake, lake_reach,
                "{}: a lake is Dongting or Poyang",
                stretch.id
            );
        }
    }
}

#[test]
fn lost_species_are_told_never_shown_living() {
    let data = default_river();
    assert!(data.lost.len() >= 2);
    for lost in &data.lost {
        assert!(
            !data.species.iter().any(|s| s.icon == lost.icon),
            "{} returns",
            lost.id
        );
        assert!(!lost.source.is_empty());
    }
}

#[test]
fn every_source_action_species_and_fact_is_sourced() {
    let data = default_river();
    for source in &data.sources {
        assert!(!source.source.is_empty(), "source {}", source.id);
    }
    for action in &data.actions {
        assert!(!action.source.is_empty(), "action {}", action.id);
        assert!(action.delay >= 1);
    }
    for fact in &data.facts {
        assert!(!fact.source.is_empty(), "fact {}", fact.id);
    }
}

#[test]
fn farming_is_the_largest_phosphorus_source_of_the_farming_level_and_of_all_levels_together() {
    let data = default_river();
    assert!(data.levels.len() >= 4, "{} levels", data.levels.len());
    let farming = data
        .levels
        .iter()
        .find(|l| l.id == "river-3")
        .expect("the farming plain");
    assert_eq!(
        rules::phosphorus_shares(&data, farming)[0].0,
        Sector::Farming
    );
    let mut total = [0.0_f32; 3];
    for level in &data.levels {
        for (sector, share) in rules::phosphorus_shares(&data, level) {
            match sector {
                Sector::Farming => total[0] += share,
                Sector::Domestic => total[1] += share,
                Sector::Industry => total[2] += share,
                _ => {}
            }
        }
    }
    assert!(total[0] > total[1] && total[1] > total[2], "{total:?}");
}

#[test]
fn the_real_measures_are_in_the_data_with_their_dates() {
    let data = default_river();
    let text: String = data.facts.iter().map(|f| f.text.en.clone()).collect();
    for needle in ["2016", "2018", "2021", "Class II"] {
        assert!(text.contains(needle), "no {needle} in the facts");
    }
    let zh: String = data.facts.iter().map(|f| f.text.zh.clone()).collect();
    for needle in ["2021年1月1日", "2021年3月1日"] {
        assert!(zh.contains(needle), "no {needle} in the facts");
    }
}

#[test]
fn broken_river_files_give_located_bilingual_problems() {
    let report = read_pack_dir(&root().join("tests/fixtures/broken-river"), &formats());
    let find = |file: &str, path: &str| {
        report
            .problems
            .iter()
            .find(|p| p.file == file && p.path == path)
            .unwrap_or_else(|| panic!("no problem at {file} {path}: {:#?}", report.problems))
    };
    let data = "river/river.json";
    let order = find(data, "indicators[2].limits");
    assert_eq!(order.line, Some(5));
    assert!(order.message.en.contains("loosen") && order.message.zh.contains("放宽"));
    let delay = find(data, "actions[1].delay");
    assert!(delay.message.en.contains("delay at least 1"));
    let fix = find(data, "actions[1].fixes");
    assert!(
        fix.message.en.ends_with("(did you mean \"sewage\"?)"),
        "{fix:?}"
    );
    assert!(fix.message.zh.ends_with("（是不是想写「sewage」？）"));
    find(data, "actions[1].cut.ph");
    find(data, "from_sorting.hazardous");
    let level = "river/levels/2.json";
    let source = find(level, "stretches[0].sources[0].source");
    assert!(source.message.en.contains("\"sewge\""));
    find(level, "stretches[1].clean");
    find(level, "stretches[1].course");
    let looped = find(level, "stretches");
    assert!(looped.message.en.contains("loop") && looped.message.zh.contains("圈"));
    find(level, "actions[1]");
    find(level, "start");
    let pack = report.pack.as_ref().expect("the good level still loads");
    let river = pack
        .data::<RiverData>(SCENE_ID)
        .expect("the river still plays");
    assert_eq!(river.levels.len(), 1, "only the good level");
    assert_eq!(river.levels[0].title.en, "A good river");
    assert!(
        river.action("magic").is_none(),
        "a broken action is left out"
    );
    assert!(
        river.indicator("cod").is_none(),
        "a broken indicator is left out"
    );
}
