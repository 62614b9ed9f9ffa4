//! Whole weeks of the travel scene, played headless through the same input a visitor makes: taps
//! with a finger, clicks with the mouse and the number keys on the way-to-go cards.

mod common;

use bevy::picking::pointer::PointerId;
use bevy::prelude::*;
use green_actor::scenes::travel::layout::TravelLayout;
use green_actor::scenes::travel::{Phase, SCENE_ID, Travel, key_for_choice};
use green_actor::scenes::{Headline, RoundOutcome};
use green_actor::screens::{Navigate, Screen};
use green_actor::world::EcoWorld;

fn start(app: &mut App, level: usize) {
    app.world_mut()
        .write_message(Navigate::Play(SCENE_ID, level));
    common::frames(app, 3);
    assert_eq!(phase(app), Phase::Intro);
    common::key(app, KeyCode::Enter);
    common::frames(app, 2);
    assert_eq!(phase(app), Phase::Choosing);
}

fn travel(app: &App) -> &Travel {
    app.world().resource::<Travel>()
}

fn phase(app: &App) -> Phase {
    travel(app).phase
}

/// The middle of the card for the trip's choice at `index`, in screen pixels.
fn card(app: &mut App, index: usize) -> Vec2 {
    common::frames(app, 1);
    app.world().resource::<TravelLayout>().cards[index].center()
}

/// Waits for the trip to arrive, then goes on from the arrival card with Enter.
fn arrive_and_go_on(app: &mut App) {
    assert_eq!(phase(app), Phase::Travelling, "a choice sets off at once");
    common::run_until(app, "the arrival card", |app| phase(app) == Phase::Arrived);
    common::key(app, KeyCode::Enter);
}

fn figure(outcome: &RoundOutcome) -> (String, String) {
    match &outcome.headline {
        Headline::Figure { value, detail } => (value.en.clone(), detail.en.clone()),
        Headline::Answers { .. } => panic!("a travel week ends with its CO₂, not answers"),
    }
}

/// Week 1 by hand from the default pack's factors (facts.md §2.2): walking 0 g; 0.4 km walking
/// and 2.8 km of metro at 30 g/km = 84 g; 2.4 km of petrol car at 170 g/km = 408 g. Driving every
/// trip alone: 408 + 3.2 × 170 = 544 (the bookshop trip has no car choice, so its distance is
/// driven) + 408 = 1,360 g.
#[test]
fn a_week_by_touch_mouse_and_keys_adds_up_to_the_factor_table() {
    let mut app = common::loaded(1);
    start(&mut app, 0);
    let finger = PointerId::Touch(1);

    // Trip 1: the bike is ruled out on this steep road: a tap says why and changes nothing.
    let bike = card(&mut app, 3);
    common::tap(&mut app, finger, bike);
    assert_eq!(travel(&app).notice, Some(3), "the bike's card says why");
    assert_eq!(phase(&app), Phase::Choosing);
    assert!(travel(&app).week.chosen.is_empty());
    let walk = card(&mut app, 0);
    common::tap(&mut app, finger, walk);
    assert_eq!(travel(&app).week.chosen, [0]);
    assert_eq!(travel(&app).notice, None);
    arrive_and_go_on(&mut app);

    // Trip 2: walk and metro, by mouse.
    assert_eq!(phase(&app), Phase::Choosing);
    assert_eq!(travel(&app).trip, 1);
    let metro = card(&mut app, 1);
    common::tap(&mut app, PointerId::Mouse, metro);
    arrive_and_go_on(&mut app);
    let haze_after_two = travel(&app).haze();
    assert!(
        (haze_after_two - 84.0 / (408.0 + 544.0)).abs() < 1e-4,
        "the sky shows the week so far against driving it: {haze_after_two}"
    );

    // Trip 3: late for school. Walking 2 km takes 27 minutes of the 20 there are; the car fits.
    common::key(&mut app, key_for_choice(0).unwrap());
    assert_eq!(travel(&app).notice, Some(0), "too slow: the card says so");
    common::key(&mut app, key_for_choice(2).unwrap());
    assert_eq!(phase(&app), Phase::Travelling);
    common::run_until(&mut app, "the arrival card", |app| {
        phase(app) == Phase::Arrived
    });
    let summary = travel(&app).summary();
    assert!((summary.played.co2_grams - 492.0).abs() < 0.01);
    assert!((summary.all_car.co2_grams - 1360.0).abs() < 0.01);
    assert!(
        travel(&app).haze() > haze_after_two,
        "the car hazes the sky"
    );
    assert!(
        (app.world().resource::<EcoWorld>().haze - travel(&app).haze()).abs() < 1e-6,
        "the shared world carries the week's air to the other scenes"
    );
    common::key(&mut app, KeyCode::Enter);

    common::run_until(&mut app, "the results screen", |app| {
        common::screen(app) == Screen::Results
    });
    let outcome = app.world().resource::<RoundOutcome>().clone();
    let (value, detail) = figure(&outcome);
    assert_eq!(value, "This week: 490 g of CO₂");
    assert!(detail.contains("870 g less"), "{detail}");
    assert!(
        detail.contains("(64% less)"),
        "868 of 1,360 g saved: {detail}"
    );
    assert_eq!(
        outcome.bars.len(),
        3,
        "your week, all-car and lowest-carbon"
    );
    assert_eq!(outcome.bars[1].value.en, "1.4 kg");
    // The lowest-carbon week: walk (0) + walk and metro (84) + the bus, as walking is too slow.
    let lowest = &outcome.bars[2].value.en;
    assert!(lowest.ends_with(" g"), "{lowest}");
    assert!(outcome.passed, "492 g is well under half-way to 1,360 g");
    assert_eq!(
        outcome.lessons.len(),
        1,
        "the choice that saved most is named"
    );
    assert_eq!(
        outcome.lessons[0].id, "school-bookshop",
        "544 − 84 = 460 g saved"
    );
    assert!(
        outcome.fact.is_some(),
        "a real Chongqing fact with its source"
    );
    assert!(!outcome.notes.is_empty() && !outcome.notes[0].citation.sources.is_empty());
    assert!(outcome.has_next);
}

#[test]
fn space_during_the_journey_skips_to_the_arrival_and_leaving_asks_first() {
    let mut app = common::loaded(2);
    start(&mut app, 3);
    let way = card(&mut app, 0);
    common::tap(&mut app, PointerId::Touch(7), way);
    assert_eq!(phase(&app), Phase::Travelling);
    common::key(&mut app, KeyCode::Space);
    common::frames(&mut app, 1);
    assert_eq!(
        phase(&app),
        Phase::Arrived,
        "Space skips the rest of the ride"
    );
    common::key(&mut app, KeyCode::Escape);
    assert!(
        travel(&app).asking_to_leave,
        "a trip made is not thrown away unasked"
    );
    common::key(&mut app, KeyCode::Escape);
    assert!(!travel(&app).asking_to_leave, "Escape again keeps playing");
    assert_eq!(common::screen(&app), Screen::Playing(SCENE_ID));
}

#[test]
fn every_level_of_the_default_pack_can_be_played_to_the_end_by_keys() {
    let mut app = common::loaded(3);
    let levels = {
        start(&mut app, 0);
        travel(&app).data.levels.len()
    };
    assert!(levels >= 6);
    for level in 0..levels {
        if level > 0 {
            start(&mut app, level);
        }
        while phase(&app) == Phase::Choosing {
            let travel_now = travel(&app);
            let data = travel_now.data.clone();
            let trip = travel_now.current_trip().unwrap().clone();
            let feasible = (0..trip.choices.len())
                .find(|&i| {
                    green_actor::scenes::travel::rules::is_feasible(&data, &trip, &trip.choices[i])
                })
                .expect("every trip has a way that fits");
            common::key(&mut app, key_for_choice(feasible).unwrap());
            common::key(&mut app, KeyCode::Enter);
            common::frames(&mut app, 1);
            assert_eq!(phase(&app), Phase::Arrived);
            common::key(&mut app, KeyCode::Enter);
        }
        common::run_until(&mut app, "the results screen", |app| {
            common::screen(app) == Screen::Results
        });
        let outcome = app.world().resource::<RoundOutcome>();
        assert_eq!(outcome.level, level);
        assert_eq!(outcome.has_next, level + 1 < levels);
    }
}
