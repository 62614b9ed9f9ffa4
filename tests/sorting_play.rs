//! Whole rounds of the sorting scene, played headless through the same input a visitor makes:
//! drag and drop and tap-tap (pointer messages, mouse and touch) and the number keys.

mod common;

use bevy::picking::pointer::PointerId;
use bevy::prelude::*;
use green_actor::pack::live::ActivePack;
use green_actor::scenes::sorting::format::{Mode, SortingData};
use green_actor::scenes::sorting::view::{Current, FieldLayout};
use green_actor::scenes::sorting::{Phase, SCENE_ID, Sorting, key_for_bin};
use green_actor::scenes::{Headline, RoundOutcome};
use green_actor::screens::{Navigate, Screen};

fn start(app: &mut App, level: usize) {
    app.world_mut()
        .write_message(Navigate::Play(SCENE_ID, level));
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
    (expected(app) + 1) % sorting(app).data.bins.len()
}

/// The results' right answers, total and score.
fn answers(outcome: &RoundOutcome) -> (usize, usize, u32) {
    match outcome.headline {
        Headline::Answers {
            correct,
            total,
            score,
            ..
        } => (correct, total, score),
        Headline::Figure { .. } => panic!("sorting results count answers"),
    }
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
    let (correct, total, score) = answers(&outcome);
    assert_eq!((correct, total), (7, 8));
    assert!(outcome.passed);
    assert_eq!(outcome.lessons.len(), 1);
    assert_eq!(outcome.lessons[0].id, wrong_id);
    assert!(!outcome.lessons[0].reason.zh.is_empty() && !outcome.lessons[0].reason.en.is_empty());
    // 10 + 0 (the mistake) then a fresh streak of six: 10, 12, 14, 16, 18, 20.
    assert_eq!(score, 10 + 10 + 12 + 14 + 16 + 18 + 20);
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
    let (correct, total, _) = answers(&outcome);
    assert_eq!(correct, total);
    assert!(outcome.lessons.is_empty());
}

#[test]
fn a_round_by_number_keys() {
    let mut app = common::loaded(3);
    start(&mut app, 1);
    for _ in 0..sorting(&app).round.total() {
        item_at(&mut app);
        let code = key_for_bin(expected(&app)).expect("every bin has a key");
        common::key(&mut app, code);
    }
    let outcome = finish_to_results(&mut app);
    let (correct, total, _) = answers(&outcome);
    assert_eq!(correct, total);
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
    let conveyor = sorting_level_index(&app, Mode::Conveyor);
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

fn sorting_level_index(app: &App, mode: Mode) -> usize {
    let pack = app.world().resource::<ActivePack>();
    let data = pack.0.data::<SortingData>(SCENE_ID).unwrap();
    data.levels
        .iter()
        .position(|l| l.mode == mode)
        .expect("the default pack has a level of that mode")
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

#[test]
fn leaving_a_round_with_answers_asks_first_and_keeping_on_resumes_it() {
    use green_actor::scenes::sorting::SortAction;
    let mut app = common::loaded(13);
    start(&mut app, 0);
    common::key(&mut app, KeyCode::Escape);
    common::frames(&mut app, 2);
    assert_eq!(
        common::screen(&app),
        Screen::SceneSelect,
        "before the first answer nothing is lost: Back leaves at once"
    );
    start(&mut app, 0);
    item_at(&mut app);
    let code = key_for_bin(expected(&app)).unwrap();
    common::key(&mut app, code);
    common::key(&mut app, KeyCode::Escape);
    common::frames(&mut app, 2);
    assert_eq!(common::screen(&app), Screen::Playing(SCENE_ID));
    assert!(
        sorting(&app).asking_to_leave,
        "a round with answers asks first"
    );
    common::key(&mut app, key_for_bin(0).unwrap());
    assert_eq!(
        sorting(&app).round.sorted(),
        1,
        "the round waits while it asks"
    );
    app.world_mut().write_message(SortAction::Stay);
    common::frames(&mut app, 2);
    assert!(!sorting(&app).asking_to_leave);
    assert_eq!(common::screen(&app), Screen::Playing(SCENE_ID));
    common::key(&mut app, KeyCode::Escape);
    app.world_mut().write_message(SortAction::ConfirmLeave);
    common::frames(&mut app, 3);
    assert_eq!(common::screen(&app), Screen::SceneSelect);
}
