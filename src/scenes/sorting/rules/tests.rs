use std::collections::BTreeMap;

use super::*;
use crate::scenes::sorting::format::{Bin, City, CityRule, Draw, Item, Level, Mode};

fn text(s: &str) -> Localized {
    Localized::new(s, s)
}

fn bin(id: &str) -> Bin {
    Bin {
        id: id.into(),
        name: text(id),
        color: "#000000".into(),
        icon: "wastebasket".into(),
        hint: text(id),
        source: vec!["S1".into()],
        approx: false,
    }
}

fn item(id: &str, bin: &str, tags: &[&str], tricky: bool) -> Item {
    Item {
        id: id.into(),
        name: text(id),
        bin: bin.into(),
        reason: text("because"),
        tricky,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        icon: "wastebasket".into(),
        source: vec!["S5".into()],
        approx: false,
        city_rules: None,
        city_note: None,
    }
}

/// Real items from the facts: R01 newspaper (cited to Shanghai's guide only), R16 can, H01 rechargeable battery, H09 expired
/// medicine, F01 leftovers, F09 small bones, O12 ordinary dry cell, O07 big bones, and the
/// city-dependent H20 cosmetics (Chongqing H, Guangzhou O).
fn data() -> SortingData {
    let mut cosmetics = item("H20", "H", &["bathroom", "myth"], true);
    let rule = |bin: &str, source: &str| CityRule {
        bin: bin.into(),
        source: vec![source.into()],
        approx: false,
    };
    cosmetics.city_rules = Some(BTreeMap::from([
        ("chongqing".to_string(), rule("H", "S5")),
        ("guangzhou".to_string(), rule("O", "S13")),
    ]));
    let city = |id: &str, source: &str| City {
        id: id.into(),
        name: text(id),
        source: vec![source.into()],
    };
    let mut newspaper = item("R01", "R", &["everyday", "paper"], false);
    newspaper.source = vec!["S8".into()];
    SortingData {
        left_out: Vec::new(),
        cities: vec![city("chongqing", "S5"), city("guangzhou", "S13")],
        bins: ["R", "H", "F", "O"].into_iter().map(bin).collect(),
        items: vec![
            newspaper,
            item("R16", "R", &["everyday", "metal"], false),
            item("H01", "H", &["battery", "myth"], true),
            item("H09", "H", &["everyday", "medicine"], true),
            item("F01", "F", &["everyday", "kitchen"], false),
            item("F09", "F", &["kitchen", "bone", "myth"], true),
            item("O12", "O", &["battery", "myth"], true),
            item("O07", "O", &["everyday", "bone", "myth"], true),
            cosmetics,
        ],
        facts: Vec::new(),
        levels: Vec::new(),
    }
}

fn level(count: usize) -> Level {
    Level {
        id: "test".into(),
        title: text("t"),
        intro: text("i"),
        items: None,
        draw: Some(Draw {
            tags: vec!["everyday".into(), "myth".into()],
            tricky: None,
            per_bin_min: 0,
        }),
        count,
        mode: Mode::Single,
        pace_seconds: None,
        timer_seconds: None,
        pass_mark: 0.6,
        city: None,
        outcome_fact: None,
    }
}

fn index(data: &SortingData, id: &str) -> usize {
    data.items.iter().position(|i| i.id == id).unwrap()
}

fn bin_of(data: &SortingData, id: &str) -> usize {
    data.bin_index(&data.items[index(data, id)].bin).unwrap()
}

#[test]
fn right_answers_score_and_build_a_streak() {
    let data = data();
    let order = ["R01", "O12", "F09", "H01"]
        .map(|id| index(&data, id))
        .to_vec();
    let mut round = Round::new(order, None);
    let scores: Vec<u32> = ["R01", "O12", "F09", "H01"]
        .into_iter()
        .map(|id| round.answer(&data, bin_of(&data, id)).unwrap().points)
        .collect();
    assert_eq!(scores, vec![10, 12, 14, 16]);
    assert_eq!(round.streak(), 4);
    assert_eq!(round.score(), 52);
    assert!(round.is_finished());
}

#[test]
fn a_wrong_answer_scores_nothing_and_resets_the_streak() {
    let data = data();
    let order = ["R01", "O12", "F01"].map(|id| index(&data, id)).to_vec();
    let mut round = Round::new(order, None);
    round.answer(&data, 0).unwrap();
    // The classic myth: an ordinary dry cell put into the hazardous bin.
    let verdict = round.answer(&data, 1).unwrap();
    assert!(!verdict.correct);
    assert_eq!(
        verdict.expected, 3,
        "dry cells are residual waste in Chongqing"
    );
    assert_eq!(verdict.points, 0);
    assert_eq!(round.streak(), 0);
    let verdict = round.answer(&data, 2).unwrap();
    assert_eq!(verdict.points, POINTS_CORRECT);
}

#[test]
fn the_streak_bonus_is_capped() {
    let data = data();
    let order = vec![index(&data, "R01"); 10];
    let mut round = Round::new(order, None);
    let last = (0..10)
        .map(|_| round.answer(&data, 0).unwrap().points)
        .last()
        .unwrap();
    assert_eq!(last, POINTS_CORRECT + STREAK_BONUS_MAX);
}

#[test]
fn pass_mark_is_a_share_of_all_items() {
    let data = data();
    let order = ["R01", "R16", "F01", "O07", "H09"]
        .map(|id| index(&data, id))
        .to_vec();
    let mut lvl = level(5);
    lvl.pass_mark = 0.6;
    let mut round = Round::new(order.clone(), None);
    for id in ["R01", "R16", "F01"] {
        round.answer(&data, bin_of(&data, id)).unwrap();
    }
    round.answer(&data, 2).unwrap(); // big bones into food waste: wrong
    round.miss(&data).unwrap(); // medicine rode past
    let summary = round.summary(&data, &lvl);
    assert_eq!((summary.correct, summary.total), (3, 5));
    assert!(summary.passed, "3/5 meets a 0.6 pass mark");
    assert_eq!(
        summary
            .missed
            .iter()
            .map(|a| data.items[a.item].id.as_str())
            .collect::<Vec<_>>(),
        ["O07", "H09"]
    );
    lvl.pass_mark = 0.7;
    assert!(!round.summary(&data, &lvl).passed);
}

#[test]
fn per_bin_tallies_count_the_expected_bin() {
    let data = data();
    let order = ["R01", "R16", "O12"].map(|id| index(&data, id)).to_vec();
    let mut round = Round::new(order, None);
    round.answer(&data, 0).unwrap();
    round.answer(&data, 3).unwrap(); // can into residual: wrong
    round.answer(&data, 3).unwrap();
    let summary = round.summary(&data, &level(3));
    let recyclable = summary.per_bin[0];
    assert_eq!((recyclable.correct, recyclable.total), (1, 2));
    assert_eq!(
        (summary.per_bin[3].correct, summary.per_bin[3].total),
        (1, 1)
    );
}

#[test]
fn stopping_leaves_the_rest_missed() {
    let data = data();
    let order = ["R01", "R16", "F01"].map(|id| index(&data, id)).to_vec();
    let mut round = Round::new(order, None);
    round.answer(&data, 0).unwrap();
    round.stop();
    assert!(round.is_finished());
    let summary = round.summary(&data, &level(3));
    assert_eq!(summary.missed.len(), 2);
    assert!(summary.missed.iter().all(|a| a.chosen.is_none()));
}

#[test]
fn draws_use_tags_and_the_tricky_filter() {
    let data = data();
    let mut lvl = level(3);
    lvl.draw = Some(Draw {
        tags: vec!["battery".into(), "bone".into()],
        tricky: Some(true),
        per_bin_min: 0,
    });
    let pool = eligible(&data, &lvl);
    let ids: Vec<&str> = pool.iter().map(|i| data.items[*i].id.as_str()).collect();
    assert_eq!(ids, ["H01", "F09", "O12", "O07"]);
    let order = draw_round(&data, &lvl, 1).unwrap();
    assert_eq!(order.len(), 3);
    assert!(order.iter().all(|i| pool.contains(i)));
}

#[test]
fn draws_honour_the_per_bin_minimum() {
    let data = data();
    let mut lvl = level(4);
    lvl.draw = Some(Draw {
        tags: vec!["everyday".into(), "myth".into()],
        tricky: None,
        per_bin_min: 1,
    });
    for seed in 0..20 {
        let order = draw_round(&data, &lvl, seed).unwrap();
        let mut bins: Vec<usize> = order
            .iter()
            .map(|i| data.bin_index(&data.items[*i].bin).unwrap())
            .collect();
        bins.sort();
        assert_eq!(bins, [0, 1, 2, 3], "seed {seed}");
    }
}

#[test]
fn impossible_draws_are_reported() {
    let data = data();
    let mut lvl = level(30);
    assert!(matches!(
        draw_round(&data, &lvl, 0),
        Err(DrawError::NotEnough { need: 30, .. })
    ));
    lvl.count = 8;
    lvl.draw.as_mut().unwrap().per_bin_min = 3;
    assert!(matches!(
        draw_round(&data, &lvl, 0),
        Err(DrawError::BinTooRare { .. })
    ));
}

#[test]
fn city_dependent_items_stay_out_unless_the_level_names_a_city() {
    let data = data();
    let cosmetics = index(&data, "H20");
    let lvl = level(4);
    assert!(!eligible(&data, &lvl).contains(&cosmetics));
    let mut chongqing = level(4);
    chongqing.city = Some("chongqing".into());
    assert!(eligible(&data, &chongqing).contains(&cosmetics));
}

#[test]
fn a_city_level_holds_only_answers_its_own_list_gives() {
    let data = data();
    let mut guangzhou = level(4);
    guangzhou.city = Some("guangzhou".into());
    let pool = eligible(&data, &guangzhou);
    assert_eq!(
        pool,
        vec![index(&data, "H20")],
        "only cosmetics has a Guangzhou rule; the rest cite Chongqing's or Shanghai's lists"
    );
    let mut chongqing = level(4);
    chongqing.city = Some("chongqing".into());
    let pool = eligible(&data, &chongqing);
    assert!(
        !pool.contains(&index(&data, "R01")),
        "cited to Shanghai only"
    );
    assert!(
        pool.contains(&index(&data, "O12")),
        "cited to Chongqing's list"
    );
}

#[test]
fn city_rules_decide_the_right_bin() {
    let data = data();
    let cosmetics = index(&data, "H20");
    let mut round = Round::new(vec![cosmetics], Some("guangzhou".into()));
    assert_eq!(round.expected_bin(&data), Some(3));
    assert!(round.answer(&data, 3).unwrap().correct);
    let round = Round::new(vec![cosmetics], Some("chongqing".into()));
    assert_eq!(round.expected_bin(&data), Some(1));
}

#[test]
fn the_same_seed_gives_the_same_round() {
    let data = data();
    let lvl = level(6);
    assert_eq!(
        draw_round(&data, &lvl, 42).unwrap(),
        draw_round(&data, &lvl, 42).unwrap()
    );
    let differs = (0..10)
        .any(|seed| draw_round(&data, &lvl, seed).unwrap() != draw_round(&data, &lvl, 42).unwrap());
    assert!(differs);
}

#[test]
fn the_belt_slows_after_an_item_slips_past_and_never_runs_faster_than_the_level() {
    let mut belt = BeltPace::new(9.0);
    belt.sorted_right();
    assert_eq!(belt.seconds(), 9.0, "never faster than the level's pace");
    belt.slipped_past();
    assert!((belt.seconds() - 9.0 * BELT_SLOWDOWN).abs() < 1e-4);
    for _ in 0..10 {
        belt.slipped_past();
    }
    assert_eq!(belt.seconds(), 9.0 * BELT_SLOWEST, "slowest is capped");
    belt.sorted_right();
    assert!(
        belt.seconds() < 9.0 * BELT_SLOWEST,
        "right answers pick it up again"
    );
    for _ in 0..50 {
        belt.sorted_right();
    }
    assert_eq!(belt.seconds(), 9.0);
}
