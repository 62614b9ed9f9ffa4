use super::*;
use crate::pack::Localized;
use crate::scenes::travel::format::{FactorBasis, Leg, Weather};

fn text(s: &str) -> Localized {
    Localized::new(s, s)
}

/// A mode with facts.md §2.2's game factor (g CO₂ per passenger-km, per vehicle-km for cars).
fn mode(id: &str, grams: f32, per_vehicle: bool, speed: f32, wait: f32) -> Mode {
    Mode {
        id: id.into(),
        name: text(id),
        icon: "bus".into(),
        grams_per_km: grams,
        per_vehicle,
        baseline_car: false,
        basis: FactorBasis::UkDesnz2022,
        year: 2022,
        speed_kmh: speed,
        wait_minutes: wait,
        cost_fixed: if per_vehicle { 0.0 } else { 2.0 },
        cost_per_km: if per_vehicle { 0.7 } else { 0.0 },
        fare_per_vehicle: per_vehicle,
        source: vec!["T1".into()],
        approx: false,
        estimated_speed_cost: true,
        note: None,
    }
}

fn data() -> TravelData {
    TravelData {
        left_out: Vec::new(),
        modes: vec![
            mode("walk", 0.0, false, 4.5, 0.0),
            mode("bike", 0.0, false, 12.0, 0.0),
            mode("bus", 80.0, false, 15.0, 8.0),
            mode("metro", 30.0, false, 30.0, 6.0),
            mode("car_petrol", 170.0, true, 22.0, 5.0),
        ],
        places: Vec::new(),
        facts: Vec::new(),
        baseline: "car_petrol".into(),
        levels: Vec::new(),
    }
}

fn choice(legs: &[(&str, f32)]) -> Choice {
    Choice {
        legs: legs
            .iter()
            .map(|(mode, km)| Leg {
                mode: mode.to_string(),
                km: *km,
            })
            .collect(),
        ruled_out: None,
    }
}

fn trip(km: f32, travellers: u32, minutes: f32, choices: Vec<Choice>) -> Trip {
    Trip {
        id: "t".into(),
        name: text("t"),
        from: "a".into(),
        to: "b".into(),
        distance_km: km,
        hills: false,
        river_crossing: false,
        weather: Weather::Sunny,
        who: None,
        carrying: None,
        travellers,
        time_limit_minutes: minutes,
        choices,
    }
}

fn kg(data: &TravelData, trip: &Trip, index: usize) -> f32 {
    choice_cost(data, trip, &trip.choices[index])
        .unwrap()
        .co2_kg()
}

/// facts.md §2.2: "a 10 km commute gives car 1.7 kg; bus 0.8 kg; metro 0.3 kg; bike 0".
#[test]
fn a_ten_km_commute_matches_the_worked_example_by_hand() {
    let data = data();
    let commute = trip(
        10.0,
        1,
        90.0,
        vec![
            choice(&[("car_petrol", 10.0)]),
            choice(&[("bus", 10.0)]),
            choice(&[("metro", 10.0)]),
            choice(&[("bike", 10.0)]),
        ],
    );
    let expected = [1.7, 0.8, 0.3, 0.0];
    for (i, want) in expected.into_iter().enumerate() {
        assert!((kg(&data, &commute, i) - want).abs() < 1e-4, "choice {i}");
    }
}

#[test]
fn a_car_shared_by_three_divides_its_emissions_while_seats_add_up() {
    let data = data();
    let friends = trip(
        10.0,
        3,
        90.0,
        vec![choice(&[("car_petrol", 10.0)]), choice(&[("bus", 10.0)])],
    );
    assert!(
        (kg(&data, &friends, 0) - 1.7).abs() < 1e-4,
        "one car, whoever is in it"
    );
    assert!(
        (kg(&data, &friends, 1) - 2.4).abs() < 1e-4,
        "three bus seats"
    );
    assert_eq!(
        lowest_carbon(&data, &friends),
        Some(0),
        "sharing the car beats three bus seats"
    );
}

#[test]
fn a_two_leg_trip_adds_its_legs() {
    let data = data();
    let trip = trip(9.0, 1, 90.0, vec![choice(&[("bike", 1.5), ("metro", 7.5)])]);
    let cost = choice_cost(&data, &trip, &trip.choices[0]).unwrap();
    assert!(
        (cost.co2_grams - 225.0).abs() < 1e-3,
        "1.5 km of bike is 0 g, 7.5 km of metro 225 g"
    );
    let minutes = 1.5 / 12.0 * 60.0 + 7.5 / 30.0 * 60.0 + 6.0;
    assert!((cost.minutes - minutes).abs() < 1e-3);
}

#[test]
fn time_limits_and_stated_constraints_rule_choices_out() {
    let data = data();
    let mut grandma = trip(
        6.0,
        2,
        40.0,
        vec![
            choice(&[("walk", 6.0)]),
            choice(&[("bus", 6.0)]),
            choice(&[("car_petrol", 6.0)]),
        ],
    );
    assert!(
        !is_feasible(&data, &grandma, &grandma.choices[0]),
        "80 minutes on foot is too long"
    );
    assert!(is_feasible(&data, &grandma, &grandma.choices[1]));
    assert_eq!(lowest_carbon(&data, &grandma), Some(1));
    grandma.choices[1].ruled_out = Some(text("the bus stop is up 200 steps"));
    assert_eq!(
        lowest_carbon(&data, &grandma),
        Some(2),
        "when only the car fits, the car is the sensible choice"
    );
}

#[test]
fn a_week_is_compared_with_an_all_car_week_and_the_lowest_feasible_week() {
    let data = data();
    let trips = vec![
        trip(
            2.0,
            1,
            30.0,
            vec![choice(&[("walk", 2.0)]), choice(&[("car_petrol", 2.0)])],
        ),
        trip(
            10.0,
            1,
            45.0,
            vec![choice(&[("bus", 10.0)]), choice(&[("metro", 10.0)])],
        ),
    ];
    let week = Week { chosen: vec![1, 0] };
    let summary = summarize(&data, &trips, &week);
    assert!((summary.played.co2_grams - (340.0 + 800.0)).abs() < 1e-3);
    assert!((summary.all_car.co2_grams - 170.0 * 12.0).abs() < 1e-3);
    assert!(
        (summary.lowest.co2_grams - (0.0 + 300.0)).abs() < 1e-3,
        "walk, then metro"
    );
    assert_eq!(
        summary.best_saving.map(|(trip, _)| trip),
        Some(1),
        "the bus saved 900 g"
    );
}

#[test]
fn comparisons_come_from_the_packs_own_factor_and_physics() {
    let data = data();
    assert_eq!(as_car_km(&data, 1700.0), Some(10.0));
    // 1 kg of CO₂ fills about 509 litres at 0 °C: about 51 ten-litre balloons.
    assert!((as_balloons(1000.0) - 50.93).abs() < 0.05);
}

#[test]
fn an_unavailable_choice_says_why_in_the_levels_words_or_in_minutes() {
    let data = data();
    let mut ruled = choice(&[("bike", 3.0)]);
    ruled.ruled_out = Some(text("too heavy to carry"));
    let school = trip(3.0, 1, 20.0, vec![choice(&[("walk", 3.0)]), ruled]);
    assert_eq!(
        unavailable(&data, &school, &school.choices[1]),
        Some(Unavailable::RuledOut(text("too heavy to carry")))
    );
    match unavailable(&data, &school, &school.choices[0]) {
        Some(Unavailable::TooSlow { minutes, limit }) => {
            assert!(
                (minutes - 40.0).abs() < 1e-3,
                "3 km at 4.5 km/h is 40 minutes"
            );
            assert_eq!(limit, 20.0);
        }
        other => panic!("walking 3 km in 20 minutes should be too slow, got {other:?}"),
    }
}

#[test]
fn the_lowest_feasible_choice_is_lowest_even_when_it_is_a_car() {
    let data = data();
    let mut walk = choice(&[("walk", 10.0)]);
    walk.ruled_out = Some(text("grandma cannot walk 10 km"));
    // 10 km: walking is ruled out, the bus takes 48 minutes against a 40-minute limit.
    let visit = trip(
        10.0,
        1,
        40.0,
        vec![
            walk,
            choice(&[("bus", 10.0)]),
            choice(&[("car_petrol", 10.0)]),
        ],
    );
    assert_eq!(fit(&data, &visit, &visit.choices[2]), Fit::Lowest);
}

#[test]
fn a_choice_is_heavy_only_when_far_above_the_lowest() {
    let data = data();
    // 10 km, 90 minutes: metro 300 g, bus 800 g, car 1700 g.
    let commute = trip(
        10.0,
        1,
        90.0,
        vec![
            choice(&[("metro", 10.0)]),
            choice(&[("bus", 10.0)]),
            choice(&[("car_petrol", 10.0)]),
        ],
    );
    let fits: Vec<Fit> = commute
        .choices
        .iter()
        .map(|c| fit(&data, &commute, c))
        .collect();
    assert_eq!(fits, [Fit::Lowest, Fit::Moderate, Fit::Heavy]);
    // 1 km: the car's 170 g is the most, but under HEAVY_MIN_GRAMS more than walking.
    let short = trip(
        1.0,
        1,
        30.0,
        vec![choice(&[("walk", 1.0)]), choice(&[("car_petrol", 1.0)])],
    );
    assert_eq!(fit(&data, &short, &short.choices[1]), Fit::Moderate);
}

#[test]
fn the_sky_hazes_with_the_share_of_an_all_car_week() {
    let cost = |grams: f32| Cost {
        co2_grams: grams,
        ..Cost::default()
    };
    assert_eq!(haze(&cost(0.0), &cost(0.0)), 0.0, "nothing travelled yet");
    assert_eq!(haze(&cost(0.0), &cost(1700.0)), 0.0);
    assert!((haze(&cost(850.0), &cost(1700.0)) - 0.5).abs() < 1e-6);
    assert_eq!(haze(&cost(3400.0), &cost(1700.0)), 1.0, "capped");
}

#[test]
fn a_journey_animates_in_time_proportional_to_its_minutes_within_bounds() {
    assert!((journey_seconds(40.0) - 2.0).abs() < 1e-6);
    assert!(journey_seconds(60.0) > journey_seconds(40.0));
    assert_eq!(journey_seconds(5.0), JOURNEY_MIN_SECONDS);
    assert_eq!(journey_seconds(300.0), JOURNEY_MAX_SECONDS);
}

#[test]
fn a_week_is_green_up_to_half_way_from_the_lowest_to_all_car() {
    let summary = |played: f32| WeekSummary {
        played: Cost {
            co2_grams: played,
            ..Cost::default()
        },
        all_car: Cost {
            co2_grams: 5000.0,
            ..Cost::default()
        },
        lowest: Cost {
            co2_grams: 1000.0,
            ..Cost::default()
        },
        best_saving: None,
    };
    assert!(is_green_week(&summary(1000.0)));
    assert!(is_green_week(&summary(3000.0)));
    assert!(!is_green_week(&summary(3001.0)));
}

#[test]
fn the_leg_under_way_follows_the_kilometres() {
    let walk_then_metro = choice(&[("walk", 1.0), ("metro", 3.0)]);
    assert_eq!(leg_at(&walk_then_metro, 0.0), 0);
    assert_eq!(leg_at(&walk_then_metro, 0.2), 0);
    assert_eq!(leg_at(&walk_then_metro, 0.3), 1);
    assert_eq!(leg_at(&walk_then_metro, 1.0), 1);
}

#[test]
fn a_ways_sources_are_listed_once_and_an_estimate_makes_them_approximate() {
    let mut data = data();
    data.modes[2].source = vec!["T1".into(), "T4".into()];
    let (keys, approx) = factor_sources(&data.modes[..3]);
    assert_eq!(keys, ["T1", "T4"]);
    assert!(!approx);
    data.modes[1].basis = FactorBasis::Estimate;
    assert!(
        factor_sources(&data.modes[..3]).1,
        "an estimate is approximate"
    );
}

#[test]
fn trips_mix_factor_sets_only_when_emitting_modes_come_from_both() {
    let mut data = data();
    let commute = trip(
        10.0,
        1,
        90.0,
        vec![choice(&[("walk", 10.0)]), choice(&[("bus", 10.0)])],
    );
    data.modes[0].basis = FactorBasis::China;
    assert!(
        !mixes_bases(&data, [&commute]),
        "walking emits nothing, so its set does not count"
    );
    data.modes[2].basis = FactorBasis::China;
    let ride = trip(
        10.0,
        1,
        90.0,
        vec![choice(&[("car_petrol", 10.0)]), choice(&[("bus", 10.0)])],
    );
    assert!(mixes_bases(&data, [&ride]), "a UK car beside a Chinese bus");
}
