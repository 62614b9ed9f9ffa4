//! Whole river rounds played headless through the same input a visitor makes: taps on a stretch's
//! badge, a source and the card's action rows, and the season button; a level won and a level
//! lost; the session's sorting mistakes on the river; the autoplayer's round.

mod common;

use bevy::picking::pointer::PointerId;
use bevy::prelude::*;
use green_actor::scenes::river::format::WaterClass;
use green_actor::scenes::river::layout::RiverLayout;
use green_actor::scenes::river::rules::Verdict;
use green_actor::scenes::river::{Phase, River, SCENE_ID};
use green_actor::scenes::{Autoplay, Headline, RoundOutcome};
use green_actor::screens::{Navigate, Screen};
use green_actor::world::{EcoWorld, Misplaced};

const FINGER: PointerId = PointerId::Touch(1);

fn river(app: &App) -> &River {
    app.world().resource::<River>()
}

fn parts(app: &mut App) -> RiverLayout {
    common::frames(app, 1);
    app.world().resource::<RiverLayout>().clone()
}

fn start(app: &mut App, level: usize) {
    app.world_mut()
        .write_message(Navigate::Play(SCENE_ID, level));
    common::frames(app, 3);
    assert_eq!(river(app).phase, Phase::Intro);
    let begin = parts(app).begin.center();
    common::tap(app, FINGER, begin);
    common::frames(app, 1);
    assert_eq!(river(app).phase, Phase::Planning);
}

fn stretch_index(app: &App, id: &str) -> usize {
    river(app)
        .level()
        .stretches
        .iter()
        .position(|s| s.id == id)
        .unwrap_or_else(|| panic!("no stretch {id}"))
}

/// Taps a stretch's badge, then the card's row for `action`.
fn act(app: &mut App, stretch: &str, action: &str) {
    let s = stretch_index(app, stretch);
    let badge = parts(app).stretches[s].badge.center();
    common::tap(app, FINGER, badge);
    common::frames(app, 1);
    assert_eq!(river(app).selected.map(|sel| sel.stretch), Some(s));
    let index = river(app)
        .level()
        .actions
        .iter()
        .position(|a| a == action)
        .unwrap_or_else(|| panic!("{action} is not offered"));
    let row = parts(app)
        .rows
        .iter()
        .find(|(_, i)| *i == index)
        .map(|(rect, _)| rect.center())
        .unwrap_or_else(|| panic!("no row for {action} on {stretch}"));
    let before = river(app).taken.len();
    common::tap(app, FINGER, row);
    common::frames(app, 1);
    assert_eq!(
        river(app).taken.len(),
        before + 1,
        "{action} on {stretch} was taken"
    );
}

/// Presses the season button and waits for the season to pass.
fn next_season(app: &mut App) {
    let step = river(app).now.step;
    let button = parts(app).next_season.center();
    common::tap(app, FINGER, button);
    common::run_until(app, "the season to pass", |app| {
        let river = river(app);
        river.now.step == step + 1 && river.phase != Phase::Passing
    });
}

fn class_of(app: &App, stretch: &str) -> WaterClass {
    river(app).now.stretches[stretch_index(app, stretch)].class
}

#[test]
fn a_city_stream_is_won_by_treating_sewage_fixing_pipes_cutting_fertiliser_and_reporting() {
    let mut app = common::loaded(11);
    start(&mut app, 0);
    let town_before = class_of(&app, "old-town");
    assert!(
        town_before > WaterClass::III,
        "the town's water starts dirty: {town_before:?}"
    );
    // A tap on a source opens its story with its sources.
    let source = parts(&mut app).stretches[stretch_index(&app, "fields")].sources[0].center();
    common::tap(&mut app, FINGER, source);
    common::frames(&mut app, 1);
    assert_eq!(river(&app).selected.and_then(|s| s.source), Some(0));
    act(&mut app, "old-town", "sewage-plant");
    act(&mut app, "old-town", "fix-pipes");
    act(&mut app, "fields", "less-fertiliser");
    act(&mut app, "outfall", "report-12369");
    next_season(&mut app);
    assert_eq!(
        river(&app).verdict,
        Verdict::Playing,
        "the plant takes two seasons"
    );
    next_season(&mut app);
    assert_eq!(river(&app).verdict, Verdict::Won);
    for stretch in ["fields", "old-town", "outfall"] {
        assert!(class_of(&app, stretch) <= WaterClass::III, "{stretch}");
    }
    assert!(
        river(&app)
            .now
            .stretches
            .iter()
            .any(|s| !s.wildlife.is_empty()),
        "fish return to water of class III or better"
    );
    common::run_until(&mut app, "the results", |app| {
        common::screen(app) == Screen::Results
    });
    let outcome = app.world().resource::<RoundOutcome>().clone();
    assert!(outcome.passed);
    let Headline::Figure { value, .. } = &outcome.headline else {
        panic!("a river round ends with its stretches")
    };
    assert!(value.en.starts_with("3 / 3"), "{}", value.en);
    assert_eq!(outcome.bars.len(), 3);
    assert!(
        outcome
            .lessons
            .iter()
            .any(|l| l.id == "sewage-plant" || l.id == "fix-pipes")
    );
    assert!(!outcome.notes.is_empty(), "the real measures, with sources");
    assert!(outcome.notes.iter().all(|n| !n.citation.sources.is_empty()));
    assert_eq!(app.world().resource::<EcoWorld>().water, Some(1.0));
}

#[test]
fn a_city_stream_spent_on_litter_is_lost_when_the_seasons_run_out() {
    let mut app = common::loaded(12);
    start(&mut app, 0);
    act(&mut app, "old-town", "litter-trap");
    act(&mut app, "outfall", "litter-trap");
    act(&mut app, "outfall", "clean-up-day");
    act(&mut app, "fields", "less-fertiliser");
    // A second plant cannot be afforded after the budget is spent.
    let seasons = river(&app).level().seasons;
    for _ in 0..seasons {
        next_season(&mut app);
    }
    assert_eq!(river(&app).verdict, Verdict::Lost);
    assert!(class_of(&app, "old-town") > WaterClass::III);
    common::run_until(&mut app, "the results", |app| {
        common::screen(app) == Screen::Results
    });
    let outcome = app.world().resource::<RoundOutcome>();
    assert!(!outcome.passed);
    assert_eq!(outcome.given.len(), river_questions(&app));
}

fn river_questions(app: &App) -> usize {
    let pack = app
        .world()
        .resource::<green_actor::pack::live::ActivePack>();
    pack.0
        .scene(SCENE_ID)
        .map_or(0, |scene| scene.data.questions(0, 0).len())
}

#[test]
fn sorting_mistakes_show_up_on_the_river_as_a_hazard_and_litter() {
    let mut app = common::loaded(13);
    for hazardous in [true, true, false] {
        app.world_mut().write_message(Misplaced { hazardous });
    }
    common::frames(&mut app, 1);
    start(&mut app, 0);
    let town = stretch_index(&app, "old-town");
    let sources = river(&app).sources_on(town);
    assert!(
        sources
            .iter()
            .any(|(id, n)| id == "dumped-battery" && *n == 2.0),
        "{sources:?}"
    );
    assert!(sources.iter().any(|(id, _)| id == "stray-litter"));
    let now = &river(&app).now.stretches[town];
    assert!(now.hazard && now.litter > 0);
    assert!(now.wildlife.is_empty());
    // The clean-up day clears what the session dumped.
    act(&mut app, "old-town", "clean-up-day");
    next_season(&mut app);
    assert!(!river(&app).now.stretches[town].hazard);
}

#[test]
fn the_attract_loop_plays_a_whole_river_round_by_itself() {
    let mut app = common::loaded(14);
    app.insert_resource(Autoplay {
        pace: 0.05,
        mistake_every: 0,
    });
    app.world_mut().write_message(Navigate::Play(SCENE_ID, 0));
    common::run_until(&mut app, "the round to end", |app| {
        common::screen(app) == Screen::Results
    });
    assert!(
        app.world().resource::<RoundOutcome>().passed,
        "the automated river chief wins"
    );
}
