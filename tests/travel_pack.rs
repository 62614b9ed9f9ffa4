//! The travel scene's pack data: the default pack's modes and weeks check clean, every factor is
//! sourced, every trip can be made, and broken travel files give located, bilingual problems.
//! (The scene is not registered yet, so these read its files directly through its format.)

use std::path::Path;

use green_actor::pack::{Files, Localized, Parsed, SceneEntry, SceneFormat, SceneInput, Source};
use green_actor::scenes::travel::TravelFormat;
use green_actor::scenes::travel::format::{FactorBasis, TravelData};
use green_actor::scenes::travel::rules;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Reads a pack folder's travel files the way the pack reader will once the scene is listed.
fn parse_travel(pack: &Path) -> Parsed {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(pack.join("pack.json")).unwrap()).unwrap();
    let sources: std::collections::BTreeMap<String, Source> =
        serde_json::from_value(manifest["sources"].clone()).unwrap();
    let mut levels: Vec<String> = std::fs::read_dir(pack.join("travel/levels"))
        .unwrap()
        .map(|e| format!("travel/levels/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    levels.sort();
    let entry = SceneEntry {
        scene: "travel".into(),
        data: Some("travel/modes.json".into()),
        levels: levels.clone(),
    };
    let files: Files = std::iter::once("travel/modes.json".to_string())
        .chain(levels)
        .map(|name| {
            let text = std::fs::read_to_string(pack.join(&name)).map_err(|e| e.to_string());
            (name, text)
        })
        .collect();
    TravelFormat.parse(SceneInput {
        entry: &entry,
        files: &files,
        sources: &sources,
    })
}

fn default_travel() -> TravelData {
    let parsed = parse_travel(&root().join("assets/packs/default"));
    assert!(parsed.problems.is_empty(), "{:#?}", parsed.problems);
    let data = parsed.data.expect("the travel data loads");
    (data.as_ref() as &dyn std::any::Any)
        .downcast_ref::<TravelData>()
        .unwrap()
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
    let parsed = parse_travel(&root().join("tests/fixtures/broken-travel"));
    let find = |file: &str, path: &str| {
        parsed
            .problems
            .iter()
            .find(|p| p.file == file && p.path == path)
            .unwrap_or_else(|| panic!("no problem at {file} {path}: {:#?}", parsed.problems))
    };
    let estimate = find("travel/modes.json", "modes[2].approx");
    assert_eq!(estimate.line, Some(13));
    assert!(estimate.message.en.contains("approximate") && estimate.message.zh.contains("约数"));
    let place = find("travel/levels/1.json", "trips[0].to");
    assert!(place.message.en.contains("\"moon\""));
    let stuck = find("travel/levels/1.json", "trips[1].choices");
    assert!(stuck.message.en.contains("no choice"));
    let good: &Localized = &parsed
        .data
        .as_ref()
        .map(|data| data.levels()[0].title.clone())
        .expect("the good week still loads");
    assert_eq!(good.en, "A good week");
}
