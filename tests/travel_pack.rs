//! The travel scene's pack data: the default pack's modes and weeks check clean, every factor is
//! sourced, every trip can be made, and broken travel files give located, bilingual problems.

use std::path::Path;

use green_actor::pack::read_pack_dir;
use green_actor::scenes::formats;
use green_actor::scenes::travel::SCENE_ID;
use green_actor::scenes::travel::format::{FactorBasis, TravelData};
use green_actor::scenes::travel::rules;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn default_travel() -> TravelData {
    let report = read_pack_dir(&root().join("assets/packs/default"), &formats());
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let pack = report.pack.expect("the default pack loads");
    pack.data::<TravelData>(SCENE_ID)
        .expect("the default pack lists the travel scene")
        .clone()
}

#[test]
fn the_default_travel_data_has_six_weeks_and_sourced_factors() {
    let data = default_travel();
    assert!(data.levels.len() >= 6, "{} weeks", data.levels.len());
    for mode in &data.modes {
        assert!(!mode.source.is_empty(), "{} has no source", mode.id);
        assert!(mode.year >= 2000, "{} has no year", mode.id);
        if mode.basis == FactorBasis::Estimate {
            assert!(
                mode.approx,
                "{}: an estimate is shown as approximate",
                mode.id
            );
        }
    }
}

#[test]
fn every_trip_of_every_week_can_be_made() {
    let data = default_travel();
    for level in &data.levels {
        for trip in &level.trips {
            assert!(
                rules::lowest_carbon(&data, trip).is_some(),
                "{} / {} has no feasible choice",
                level.id,
                trip.id
            );
        }
    }
}

/// facts.md §2.2's worked example, from the shipped factor table: 10 km by car 1.7 kg, by bus
/// 0.8 kg, by metro 0.3 kg.
#[test]
fn the_shipped_factors_give_the_worked_ten_km_example() {
    let data = default_travel();
    for (mode, kg) in [
        ("car_petrol", 1.7),
        ("bus", 0.8),
        ("metro", 0.3),
        ("bike", 0.0),
    ] {
        let mode = data
            .mode(mode)
            .unwrap_or_else(|| panic!("{mode} is shipped"));
        let cost = rules::leg_cost(mode, 10.0, 1);
        assert!(
            (cost.co2_kg() - kg).abs() < 1e-4,
            "{}: {}",
            mode.id,
            cost.co2_kg()
        );
    }
}

#[test]
fn broken_travel_files_give_located_bilingual_problems() {
    let report = read_pack_dir(&root().join("tests/fixtures/broken-travel"), &formats());
    let find = |file: &str, path: &str| {
        report
            .problems
            .iter()
            .find(|p| p.file == file && p.path == path)
            .unwrap_or_else(|| panic!("no problem at {file} {path}: {:#?}", report.problems))
    };
    let estimate = find("travel/modes.json", "modes[2].approx");
    assert_eq!(estimate.line, Some(13));
    assert!(estimate.message.en.contains("approximate") && estimate.message.zh.contains("约数"));
    let place = find("travel/levels/1.json", "trips[0].to");
    assert!(place.message.en.contains("\"moon\""));
    assert!(
        !place.message.en.contains("did you mean"),
        "nothing is near the moon"
    );
    let typo = find("travel/levels/1.json", "trips[0].choices[1].legs[0].mode");
    assert!(
        typo.message.en.ends_with("(did you mean \"walk\"?)"),
        "{typo:?}"
    );
    assert!(typo.message.zh.ends_with("（是不是想写「walk」？）"));
    let stuck = find("travel/levels/1.json", "trips[1].choices");
    assert!(stuck.message.en.contains("no choice"));
    let pack = report.pack.as_ref().expect("the good week still loads");
    let levels = pack.scene(SCENE_ID).expect("travel still plays").levels();
    assert_eq!(levels.len(), 1, "only the good week");
    assert_eq!(levels[0].title.en, "A good week");
}
