//! Whole rounds of the sorting scene, played headless through the same input a visitor makes:
//! drag and drop and tap-tap (pointer messages, mouse and touch) and the number keys.

mod common;

use bevy::picking::pointer::PointerId;
use bevy::prelude::*;
use green_actor::scenes::sorting::view::{Current, FieldLayout};
use green_actor::scenes::sorting::{Phase, Sorting};
use green_actor::scenes::{RoundOutcome, SceneKind};
use green_actor::screens::{Navigate, Screen};

fn start(app: &mut App, level: usize) {
    app.world_mut()
        .write_message(Navigate::Play(SceneKind::Sorting, level));
    common::frames(app, 3);
    assert_eq!(phase(app), Phase::Intro);
    common::key(app, KeyCode::Enter);
    common::frames(app, 2);
    assert_eq!(phase(app), Phase::Playing);
}

fn sorting(app: &App) -> &Sorting {
    app.world().resource::<Sorting>()
}

fn phase(app: &App) -> Phase {
    sorting(app).phase
}

fn expected(app: &App) -> usize {
    let sorting = sorting(app);
    sorting
        .round
        .expected_bin(&sorting.data)
        .expect("an item is on offer")
}

fn current_id(app: &App) -> String {
    let sorting = sorting(app);
    sorting.data.items[sorting.round.current().unwrap()]
        .id
        .clone()
}

/// Where the item on offer is drawn, in screen pixels.
fn item_at(app: &mut App) -> Vec2 {
    common::frames(app, 1);
    let layout = *app.world().resource::<green_actor::layout::Layout>();
    let mut query = app
        .world_mut()
        .query_filtered::<&Transform, With<Current>>();
    let transform = query
        .single(app.world())
        .expect("the item on offer is spawned");
    layout.to_screen(transform.translation.truncate())
}

fn bin_at(app: &App, bin: usize) -> Vec2 {
    app.world().resource::<FieldLayout>().bins[bin].center()
}

fn wrong_bin(app: &App) -> usize {
    (expected(app) + 1) % 4
}

fn finish_to_results(app: &mut App) -> RoundOutcome {
    common::run_until(app, "the results screen", |app| {
        common::screen(app) == Screen::Results
    });
    app.world().resource::<RoundOutcome>().clone()
}

#[test]
fn a_round_by_mouse_drag_with_one_mistake() {
    let mut app = common::loaded(7);
    start(&mut app, 0);
    let total = sorting(&app).round.total();
    assert_eq!(total, 8, "the walk-up level has eight items");
    let mut wrong_id = String::new();
    for i in 0..total {
        let from = item_at(&mut app);
        let bin = if i == 1 {
            wrong_bin(&app)
        } else {
            expected(&app)
        };
        if i == 1 {
            wrong_id = current_id(&app);
        }
        let to = bin_at(&app, bin);
        common::drag(&mut app, PointerId::Mouse, from, to);
        if i == 1 {
            assert_eq!(phase(&app), Phase::Feedback, "a mistake shows the why card");
            let feedback = sorting(&app).feedback.clone().unwrap();
            assert!(!feedback.verdict.correct);
            assert_eq!(sorting(&app).round.streak(), 0);
            common::key(&mut app, KeyCode::Enter);
            assert_eq!(phase(&app), Phase::Playing, "one tap or key resumes play");
        }
    }
    assert_eq!(sorting(&app).round.correct(), 7);
    let outcome = finish_to_results(&mut app);
    assert_eq!((outcome.correct, outcome.total), (7, 8));
    assert!(outcome.passed);
    assert_eq!(outcome.lessons.len(), 1);
    assert_eq!(outcome.lessons[0].id, wrong_id);
    assert!(!outcome.lessons[0].reason.zh.is_empty() && !outcome.lessons[0].reason.en.is_empty());
    // 10 + 0 (the mistake) then a fresh streak of six: 10, 12, 14, 16, 18, 20.
    assert_eq!(outcome.score, 10 + 10 + 12 + 14 + 16 + 18 + 20);
    assert!(outcome.fact.is_some(), "the results show a real-world fact");
    assert!(outcome.has_next);
}

#[test]
fn a_round_by_touch_tap_tap() {
    let mut app = common::loaded(11);
    start(&mut app, 0);
    let finger = PointerId::Touch(1);
    for _ in 0..sorting(&app).round.total() {
        let item = item_at(&mut app);
        common::tap(&mut app, finger, item);
        let bin = bin_at(&app, expected(&app));
        common::tap(&mut app, finger, bin);
    }
    let outcome = finish_to_results(&mut app);
    assert_eq!(outcome.correct, outcome.total);
    assert!(outcome.lessons.is_empty());
}

#[test]
fn a_round_by_number_keys() {
    let mut app = common::loaded(3);
    start(&mut app, 1);
    let keys = [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
    ];
    for _ in 0..sorting(&app).round.total() {
        item_at(&mut app);
        let code = keys[expected(&app)];
        common::key(&mut app, code);
    }
    let outcome = finish_to_results(&mut app);
    assert_eq!(outcome.correct, outcome.total);
    assert_eq!(outcome.level, 1);
}

#[test]
fn a_drop_outside_every_bin_returns_the_item() {
    let mut app = common::loaded(5);
    start(&mut app, 0);
    let from = item_at(&mut app);
    common::drag(&mut app, PointerId::Mouse, from, Vec2::new(20.0, 100.0));
    assert_eq!(sorting(&app).round.sorted(), 0);
    common::frames(&mut app, 2);
    assert!(
        item_at(&mut app).distance(from) < 1.0,
        "the item goes back to its place"
    );
}

#[test]
fn an_item_that_rides_past_on_the_belt_is_a_miss_with_its_reason() {
    let mut app = common::loaded(9);
    let conveyor = sorting_level_index(&app, "conveyor");
    start(&mut app, conveyor);
    let first = current_id(&app);
    common::run_until(&mut app, "the item to ride past", |app| {
        phase(app) == Phase::Feedback
    });
    let feedback = sorting(&app).feedback.clone().unwrap();
    assert_eq!(feedback.verdict.chosen, None);
    assert_eq!(sorting(&app).data.items[feedback.item].id, first);
    common::key(&mut app, KeyCode::Space);
    assert_eq!(phase(&app), Phase::Playing);
}

fn sorting_level_index(app: &App, mode: &str) -> usize {
    let pack = app.world().resource::<green_actor::screens::LoadedPack>();
    let levels = &pack.0.sorting.as_ref().unwrap().levels;
    levels
        .iter()
        .position(|l| format!("{:?}", l.mode).to_lowercase() == mode)
        .expect("the default pack has a conveyor level")
}

#[test]
fn the_same_seed_gives_the_same_round() {
    let order = |seed| {
        let mut app = common::loaded(seed);
        start(&mut app, 0);
        sorting(&app).round.order().to_vec()
    };
    assert_eq!(order(21), order(21));
}
