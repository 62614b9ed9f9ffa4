//! Kiosk mode headless, with the clock under the test's control (50 ms a frame): the attract loop
//! with each scene's automated player, the two-stage idle reset, the session wipe, and the
//! statistics a visitor's round leaves.

mod common;

use bevy::picking::pointer::PointerId;
use bevy::prelude::*;
use green_actor::LaunchOptions;
use green_actor::i18n::{Language, SetLanguage};
use green_actor::kiosk::Kiosk;
use green_actor::kiosk::attract::AttractLoop;
use green_actor::kiosk::idle::Stage;
use green_actor::options::Mode;
use green_actor::pack::Lang;
use green_actor::scenes::sorting::{self, SortAction, Sorting};
use green_actor::scenes::{Autoplay, RoundOutcome, river, travel};
use green_actor::screens::{Navigate, Screen};
use green_actor::world::EcoWorld;

const IDLE: f32 = 5.0;
/// Each scene's turn in the attract loop.
const TURN: f32 = 20.0;
const COUNTDOWN: f32 = 3.0;
/// Frames per second of the test clock.
const FPS: f32 = 20.0;

/// A kiosk whose scenes each play themselves for `attract` seconds in the attract loop.
fn kiosk_with_turns_of(attract: f32) -> App {
    let options = LaunchOptions {
        seed: Some(11),
        persist: false,
        mode: Mode::Kiosk,
        kiosk_times: vec![
            ("idle".into(), IDLE.to_string()),
            ("countdown".into(), COUNTDOWN.to_string()),
            ("attract".into(), attract.to_string()),
        ],
        ..default()
    };
    common::to_title(common::app_with(options))
}

fn kiosk_app() -> App {
    kiosk_with_turns_of(TURN)
}

fn stage(app: &App) -> Stage {
    app.world().resource::<Kiosk>().clock.stage
}

fn seconds(app: &mut App, seconds: f32) {
    common::frames(app, (seconds * FPS).round() as usize);
}

/// A tap in the middle of the window, where no hidden corner is.
fn touch(app: &mut App) {
    common::tap(app, PointerId::Touch(1), Vec2::new(683.0, 400.0));
    common::frames(app, 2);
}

/// Runs until `done`, for at most `limit` seconds of game time.
fn play_until(app: &mut App, what: &str, limit: f32, done: impl Fn(&App) -> bool) {
    for _ in 0..(limit * FPS) as usize {
        app.update();
        if done(app) {
            return;
        }
    }
    panic!(
        "no {what} within {limit} s; screen {:?}",
        common::screen(app)
    );
}

#[test]
fn a_kiosk_starts_by_playing_itself() {
    let mut app = kiosk_app();
    common::frames(&mut app, 3);
    assert_eq!(stage(&app), Stage::Attract);
    assert!(app.world().contains_resource::<Autoplay>());
    assert!(matches!(common::screen(&app), Screen::Playing(_)));
    seconds(&mut app, 120.0);
    assert_eq!(
        stage(&app),
        Stage::Attract,
        "nobody touched it: no countdown"
    );
}

#[test]
fn each_scene_plays_itself_to_its_results_with_no_input() {
    for scene in [sorting::SCENE_ID, travel::SCENE_ID, river::SCENE_ID] {
        let mut app = common::loaded(3);
        app.insert_resource(Autoplay::default());
        app.world_mut().write_message(Navigate::Play(scene, 0));
        play_until(&mut app, "results", 300.0, |app| {
            common::screen(app) == Screen::Results
        });
        let outcome = app.world().resource::<RoundOutcome>();
        assert_eq!(outcome.scene, scene);
        // A river chief acts where it helps most, not on every source's stretch.
        let answered = outcome.given.iter().filter(|given| given.is_some()).count();
        let wanted = if scene == river::SCENE_ID {
            1
        } else {
            outcome.given.len()
        };
        assert!(
            answered >= wanted,
            "{}: the automated player answered {answered} of {}",
            scene.name(),
            outcome.given.len()
        );
    }
}

#[test]
fn the_attract_loop_takes_the_scenes_in_turn() {
    let mut app = kiosk_app();
    let mut shown = Vec::new();
    for _ in 0..4 {
        common::frames(&mut app, 2);
        let (scene, _) = app.world().resource::<AttractLoop>().showing.unwrap();
        shown.push(scene);
        seconds(&mut app, TURN);
    }
    assert_eq!(
        shown,
        [
            sorting::SCENE_ID,
            travel::SCENE_ID,
            river::SCENE_ID,
            sorting::SCENE_ID
        ]
    );
}

#[test]
fn a_touch_turns_the_attract_loop_into_a_fresh_game_of_the_scene_shown() {
    let mut app = kiosk_app();
    seconds(&mut app, 6.0);
    let world_before = *app.world().resource::<EcoWorld>();
    assert_ne!(
        world_before,
        EcoWorld::default(),
        "the automated player changed the world"
    );
    touch(&mut app);
    assert_eq!(stage(&app), Stage::Active);
    assert!(!app.world().contains_resource::<Autoplay>());
    assert_eq!(common::screen(&app), Screen::Playing(sorting::SCENE_ID));
    let sorting = app.world().resource::<Sorting>();
    assert_eq!(
        sorting.phase,
        sorting::Phase::Intro,
        "a fresh round waits for the visitor"
    );
    assert_eq!(*app.world().resource::<EcoWorld>(), EcoWorld::default());
}

#[test]
fn still_there_counts_down_after_the_idle_time_and_a_touch_cancels_it() {
    let mut app = kiosk_app();
    touch(&mut app);
    seconds(&mut app, IDLE - 1.0);
    assert_eq!(stage(&app), Stage::Active);
    seconds(&mut app, 1.5);
    assert!(matches!(stage(&app), Stage::Countdown { .. }));
    touch(&mut app);
    assert_eq!(stage(&app), Stage::Active);
    assert!(
        matches!(common::screen(&app), Screen::Playing(_)),
        "the game goes on"
    );
}

#[test]
fn walking_away_wipes_the_session_and_the_loop_returns() {
    let mut app = kiosk_app();
    touch(&mut app);
    app.world_mut().write_message(SetLanguage(Lang::En));
    app.world_mut().write_message(SortAction::Begin);
    common::frames(&mut app, 2);
    app.world_mut().resource_mut::<EcoWorld>().cleanliness = 0.95;
    seconds(&mut app, IDLE + COUNTDOWN + 1.0);
    assert_eq!(stage(&app), Stage::Attract);
    assert_eq!(
        app.world().resource::<Language>().0,
        Lang::Zh,
        "the venue's language"
    );
    assert_eq!(*app.world().resource::<EcoWorld>(), EcoWorld::default());
    assert!(app.world().contains_resource::<Autoplay>());
    common::frames(&mut app, 3);
    assert!(matches!(common::screen(&app), Screen::Playing(_)));
}

/// A visitor's round of the sorting level on screen, by the actions taps and keys make: the first
/// item wrong, the rest right. Gives the number of items.
fn play_a_sorting_round_with_one_mistake(app: &mut App) -> usize {
    assert_eq!(common::screen(app), Screen::Playing(sorting::SCENE_ID));
    app.world_mut().write_message(SortAction::Begin);
    common::frames(app, 2);
    let total = app.world().resource::<Sorting>().round.total();
    for i in 0..total {
        let sorting = app.world().resource::<Sorting>();
        let right = sorting.round.expected_bin(&sorting.data).unwrap();
        let bin = if i == 0 {
            (right + 1) % sorting.data.bins.len()
        } else {
            right
        };
        app.world_mut().write_message(SortAction::Sort(bin));
        common::frames(app, 2);
        if i == 0 {
            app.world_mut().write_message(SortAction::Continue);
            common::frames(app, 2);
        }
    }
    play_until(app, "the visitor's results", 10.0, |app| {
        common::screen(app) == Screen::Results
    });
    total
}

#[test]
fn a_visitors_round_is_counted_and_the_attract_loops_are_not() {
    // Turns long enough for the automated player to finish its round.
    let mut app = kiosk_with_turns_of(90.0);
    // The attract loop plays a whole round first: nothing of it is counted.
    play_until(&mut app, "the attract round's results", 120.0, |app| {
        common::screen(app) == Screen::Results
    });
    let csv = |app: &App| {
        app.world()
            .resource::<green_actor::kiosk::record::KioskStats>()
            .stats
            .csv()
    };
    assert!(!csv(&app).contains("level_started"), "{}", csv(&app));
    touch(&mut app);
    let total = play_a_sorting_round_with_one_mistake(&mut app);
    let csv = csv(&app);
    assert!(csv.contains(",sessions,,,,1\n"), "{csv}");
    assert!(csv.contains(",level_started,sorting,"), "{csv}");
    let figure = |metric: &str| -> usize {
        let line = csv
            .lines()
            .find(|line| line.contains(&format!(",{metric},sorting,")))
            .unwrap_or_else(|| panic!("no {metric} in {csv}"));
        line.rsplit(',').next().unwrap().parse().unwrap()
    };
    assert_eq!(figure("answers"), total);
    assert_eq!(figure("right_answers"), total - 1);
    assert_eq!(csv.matches(",missed_item,sorting,").count(), 1, "{csv}");
    assert!(csv.contains(",seconds_in_scene,sorting,"), "{csv}");
}

#[test]
fn a_long_press_in_the_corner_and_the_pin_open_the_staff_menu() {
    use green_actor::kiosk::staff::{HOLD_SECONDS, StaffDesk, StaffRequest};
    let mut app = kiosk_app();
    let corner = Vec2::new(20.0, 20.0);
    common::press(&mut app, PointerId::Mouse, corner);
    seconds(&mut app, HOLD_SECONDS as f32 - 1.0);
    assert_ne!(
        common::screen(&app),
        Screen::Staff,
        "not before the hold time"
    );
    seconds(&mut app, 1.5);
    common::release(&mut app, PointerId::Mouse, corner);
    common::frames(&mut app, 2);
    assert_eq!(common::screen(&app), Screen::Staff);
    for digit in "1111".chars() {
        app.world_mut().write_message(StaffRequest::Digit(digit));
    }
    app.world_mut().write_message(StaffRequest::EnterPin);
    common::frames(&mut app, 2);
    assert!(
        !app.world().resource::<StaffDesk>().unlocked,
        "a wrong PIN is refused"
    );
    for digit in green_actor::kiosk::config::DEFAULT_PIN.chars() {
        app.world_mut().write_message(StaffRequest::Digit(digit));
    }
    app.world_mut().write_message(StaffRequest::EnterPin);
    common::frames(&mut app, 2);
    assert!(app.world().resource::<StaffDesk>().unlocked);
    app.world_mut()
        .write_message(StaffRequest::IdleSeconds(10.0));
    common::frames(&mut app, 2);
    assert_eq!(
        app.world().resource::<Kiosk>().settings.idle_seconds,
        IDLE + 10.0
    );
}

#[test]
fn a_short_press_in_the_corner_opens_nothing() {
    let mut app = kiosk_app();
    let corner = Vec2::new(20.0, 20.0);
    common::press(&mut app, PointerId::Mouse, corner);
    seconds(&mut app, 1.0);
    common::release(&mut app, PointerId::Mouse, corner);
    seconds(&mut app, 3.0);
    assert_ne!(common::screen(&app), Screen::Staff);
}

#[test]
fn next_level_skips_a_level_staff_switched_off() {
    let mut app = kiosk_app();
    app.world_mut()
        .resource_mut::<Kiosk>()
        .settings
        .offered
        .levels
        .insert(
            "sorting".into(),
            vec!["sorting-1".into(), "sorting-3".into()],
        );
    common::frames(&mut app, 2);
    touch(&mut app);
    play_a_sorting_round_with_one_mistake(&mut app);
    common::key(&mut app, KeyCode::Enter);
    common::frames(&mut app, 3);
    assert_eq!(
        app.world().resource::<Sorting>().level_index,
        2,
        "sorting-2 is off"
    );
}
