//! A lesson headless, end to end: the teacher plans it, two seats join with its code and play it
//! with the keys a student presses, and the teacher imports their result codes into the class.

mod common;

use bevy::prelude::*;
use green_actor::classroom::lesson::Step;
use green_actor::classroom::{StudentLesson, StudentRequest, TeacherDesk, TeacherRequest};
use green_actor::pack::live::ActivePack;
use green_actor::pack::{Lang, SceneId};
use green_actor::scenes::sorting::{self, Sorting, key_for_bin};
use green_actor::scenes::travel::{self, Travel, key_for_choice};
use green_actor::screens::Screen;

fn scene_index(app: &App, id: SceneId) -> usize {
    let pack = &app.world().resource::<ActivePack>().0;
    pack.scenes
        .iter()
        .position(|scene| scene.id() == id)
        .unwrap()
}

/// The teacher's lesson: the first sorting level, then the first travel week.
fn plan_lesson(teacher: &mut App) -> String {
    let steps = [
        Step {
            scene: scene_index(teacher, sorting::SCENE_ID),
            level: 0,
        },
        Step {
            scene: scene_index(teacher, travel::SCENE_ID),
            level: 0,
        },
    ];
    for step in steps {
        teacher.world_mut().write_message(TeacherRequest::Add(step));
    }
    teacher
        .world_mut()
        .write_message(TeacherRequest::MakeLesson);
    common::frames(teacher, 2);
    let desk = teacher.world().resource::<TeacherDesk>();
    assert_eq!(desk.draft, steps);
    desk.lesson
        .as_ref()
        .expect("a lesson code is made")
        .0
        .clone()
}

fn screen_is(app: &App, screen: Screen) -> bool {
    common::screen(app) == screen
}

/// Sorts the round with the number keys: right every time except the items numbered in `wrong`.
/// Returns the item ids in the order they came.
fn sort_round(app: &mut App, wrong: &[usize]) -> Vec<String> {
    common::run_until(app, "the sorting round", |app| {
        app.world().get_resource::<Sorting>().is_some()
    });
    common::frames(app, 2);
    common::key(app, KeyCode::Enter);
    let mut order = Vec::new();
    for i in 0.. {
        let sorting = app.world().resource::<Sorting>();
        let Some(current) = sorting.round.current() else {
            break;
        };
        order.push(sorting.data.items[current].id.clone());
        let expected = sorting.round.expected_bin(&sorting.data).unwrap();
        let bin = if wrong.contains(&i) {
            (expected + 1) % sorting.data.bins.len()
        } else {
            expected
        };
        common::key(app, key_for_bin(bin).unwrap());
        if wrong.contains(&i) {
            common::key(app, KeyCode::Enter);
        }
    }
    common::run_until(app, "the sorting results", |app| {
        screen_is(app, Screen::Results)
    });
    order
}

/// Makes every trip of the week the lowest-carbon way that fits.
fn travel_greenest_week(app: &mut App) {
    common::run_until(app, "the travel week", |app| {
        app.world().get_resource::<Travel>().is_some()
    });
    common::frames(app, 2);
    common::key(app, KeyCode::Enter);
    loop {
        let travel = app.world().resource::<Travel>();
        if travel.phase != travel::Phase::Choosing {
            break;
        }
        let trip = travel.current_trip().unwrap();
        let best = travel::rules::lowest_carbon(&travel.data, trip).unwrap();
        common::key(app, key_for_choice(best).unwrap());
        common::run_until(app, "the arrival", |app| {
            app.world().resource::<Travel>().phase == travel::Phase::Arrived
        });
        common::key(app, KeyCode::Enter);
        common::frames(app, 2);
    }
    common::run_until(app, "the travel results", |app| {
        screen_is(app, Screen::Results)
    });
}

/// A student joins at `seat`, plays the lesson and hands back the result code; also the order of
/// the sorting items they were asked.
fn play_lesson(code: &str, seat: u8, wrong: &[usize], launch_seed: u64) -> (String, Vec<String>) {
    let mut app = common::loaded(launch_seed);
    app.world_mut().write_message(StudentRequest::Join {
        code: code.to_string(),
        seat,
    });
    common::frames(&mut app, 3);
    let order = sort_round(&mut app, wrong);
    app.world_mut().write_message(StudentRequest::Continue);
    travel_greenest_week(&mut app);
    app.world_mut().write_message(StudentRequest::Continue);
    common::run_until(&mut app, "the results card", |app| {
        screen_is(app, Screen::LessonCard)
    });
    let lesson = app.world().resource::<StudentLesson>();
    assert!(lesson.is_over());
    assert_eq!(lesson.answers.len(), 2, "both levels are recorded");
    let pack = app.world().resource::<ActivePack>().0.clone();
    let topics = lesson.topics(&pack);
    let names: Vec<&str> = topics.iter().map(|(name, ..)| name.en.as_str()).collect();
    assert_eq!(
        names,
        ["Waste sorting", "Low-carbon travel"],
        "one topic per scene"
    );
    let sorted = &lesson.answers[0];
    let right = sorted.iter().filter(|a| a.is_right()).count();
    assert_eq!((topics[0].1, topics[0].2), (right, sorted.len()));
    (lesson.result_code(), order)
}

#[test]
fn two_seats_play_a_lesson_and_the_teacher_sees_the_class() {
    let mut teacher = common::loaded(1);
    let code = plan_lesson(&mut teacher);

    // Different launch seeds: the lesson's own seed gives both seats the same items.
    let (seat_3, order_3) = play_lesson(&code, 3, &[0, 2], 11);
    let (seat_12, order_12) = play_lesson(&code, 12, &[2], 99);
    assert_eq!(order_3, order_12, "every seat gets the same questions");

    for text in [
        seat_3.clone(),
        format!("{}\n{}", seat_12, seat_3.to_lowercase()),
    ] {
        teacher.world_mut().write_message(TeacherRequest::Import {
            label: "codes".into(),
            text,
        });
        common::frames(&mut teacher, 2);
    }
    let desk = teacher.world().resource::<TeacherDesk>();
    let lines = desk.class.lines();
    let sorting_items = order_3.len();
    let trips = lines[0].total - sorting_items;
    assert_eq!(lines.len(), 2, "seat 3 imported twice counts once");
    assert_eq!(
        (lines[0].seat, lines[0].correct),
        (3, sorting_items - 2 + trips)
    );
    assert_eq!(
        (lines[1].seat, lines[1].correct),
        (12, sorting_items - 1 + trips)
    );
    assert_eq!(
        lines[0].steps[1],
        (trips, trips),
        "the greenest week is all right"
    );

    let pack = teacher.world().resource::<ActivePack>().0.clone();
    let questions = desk.questions(&pack);
    let missed = desk.class.most_missed(&questions, 3);
    assert_eq!(
        (missed[0].step, missed[0].index, missed[0].missed()),
        (0, 2, 2),
        "both seats missed item 3"
    );
    assert_eq!(
        (missed[1].step, missed[1].index, missed[1].missed()),
        (0, 0, 1)
    );
    assert_eq!(questions[0].questions[2].id, order_3[2]);

    let csv = String::from_utf8(desk.class.csv(&questions, Lang::En)).unwrap();
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[0].starts_with("Seat,Right,Questions,Accuracy,1. "),
        "{}",
        rows[0]
    );
    let total = sorting_items + trips;
    assert!(
        rows[1].starts_with(&format!("3,{},{total},", total - 2)),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].starts_with(&format!("12,{},{total},", total - 1)),
        "{}",
        rows[2]
    );
}

#[test]
fn the_teacher_refuses_a_changed_code_and_one_from_another_lesson() {
    let mut teacher = common::loaded(1);
    let code = plan_lesson(&mut teacher);
    let (result, _) = play_lesson(&code, 5, &[], 3);

    let mut tampered: Vec<char> = result.chars().collect();
    let at = tampered.iter().rposition(|c| *c != '-').unwrap() - 6;
    tampered[at] = if tampered[at] == 'A' { 'B' } else { 'A' };
    let tampered: String = tampered.into_iter().collect();
    let file = format!(
        "{{\"format\": \"green-actor-result\", \"lesson\": \"ZZZZ-ZZZZ\", \"seat\": 5, \"code\": \"{result}\"}}"
    );
    for (label, text) in [("typed", tampered), ("green-actor-seat-05.json", file)] {
        teacher.world_mut().write_message(TeacherRequest::Import {
            label: label.into(),
            text,
        });
        common::frames(&mut teacher, 2);
        let desk = teacher.world().resource::<TeacherDesk>();
        assert!(desk.class.seats.is_empty(), "{label} is refused");
        assert!(desk.notices[0].en.contains(label), "{:?}", desk.notices);
    }
    let notices = &teacher.world().resource::<TeacherDesk>().notices;
    assert!(
        notices[0].en.contains("another lesson") && notices[0].zh.contains("另一节课"),
        "{notices:?}"
    );
}

#[test]
fn a_code_for_another_pack_is_refused_at_the_join_screen() {
    let mut teacher = common::loaded(1);
    let code = plan_lesson(&mut teacher);
    let mut student = common::app_with(green_actor::LaunchOptions {
        pack: green_actor::options::StartPack::Named("shanghai".into()),
        persist: false,
        lesson: Some(code.clone()),
        ..Default::default()
    });
    common::run_until(&mut student, "the join screen", |app| {
        screen_is(app, Screen::Join)
    });
    student
        .world_mut()
        .write_message(StudentRequest::Join { code, seat: 4 });
    common::frames(&mut student, 2);
    let draft = student
        .world()
        .resource::<green_actor::classroom::JoinDraft>();
    let problem = draft.problem.as_ref().expect("the join screen says why");
    assert!(
        problem.en.contains("another pack") && problem.zh.contains("另一个内容包"),
        "{problem:?}"
    );
    assert!(student.world().get_resource::<StudentLesson>().is_none());
}

fn default_pack() -> green_actor::pack::Pack {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/packs/default");
    green_actor::pack::read_pack_dir(&dir, &green_actor::scenes::formats())
        .pack
        .expect("the built-in pack is playable")
}

#[test]
fn a_lesson_code_reads_back_its_levels_and_refuses_a_changed_character() {
    use green_actor::classroom::lesson::{LessonError, LessonPlan};
    let pack = default_pack();
    let steps = vec![
        Step { scene: 1, level: 2 },
        Step { scene: 0, level: 0 },
        Step { scene: 0, level: 4 },
    ];
    let plan = LessonPlan::new(0xABCDE, &pack, steps.clone());
    let code = plan.code();
    assert!(code.len() <= 24, "{code} is short enough to read out");
    assert_eq!(LessonPlan::from_code(&code, &pack), Ok(plan.clone()));
    assert_eq!(
        LessonPlan::from_code(&code.to_lowercase().replace('-', " "), &pack),
        Ok(plan.clone())
    );
    let mut changed: Vec<char> = code.chars().collect();
    changed[1] = if changed[1] == '7' { '8' } else { '7' };
    let changed: String = changed.into_iter().collect();
    assert!(matches!(
        LessonPlan::from_code(&changed, &pack),
        Err(LessonError::Code(_))
    ));
    assert_eq!(plan.seed(0), plan.seed(0));
    assert_ne!(
        plan.seed(0),
        plan.seed(1),
        "each level of a lesson draws its own items"
    );
    let sorting_questions = plan.questions(&pack, 1);
    assert_eq!(
        sorting_questions,
        plan.questions(&pack, 1),
        "the same lesson asks the same questions"
    );
    assert!(
        sorting_questions
            .iter()
            .all(|q| q.right.len() == 1 && !q.source.is_empty())
    );
    let minutes = plan.minutes(&pack);
    assert!(
        (3.0..=40.0).contains(&minutes),
        "three levels take {minutes} minutes"
    );
}

#[test]
fn a_travel_question_counts_the_lowest_carbon_way_that_fits_as_right() {
    use green_actor::scenes::travel::format::TravelData;
    let pack = default_pack();
    let data: &TravelData = pack.data(travel::SCENE_ID).unwrap();
    let questions = pack.scene(travel::SCENE_ID).unwrap().data.questions(0, 0);
    let level = &data.levels[0];
    assert_eq!(questions.len(), level.trips.len());
    for (question, trip) in questions.iter().zip(&level.trips) {
        let best = travel::rules::lowest_carbon(data, trip).unwrap();
        assert!(
            question.right.contains(&best),
            "{}: {:?} lacks {best}",
            trip.id,
            question.right
        );
        for &right in &question.right {
            assert!(travel::rules::is_feasible(data, trip, &trip.choices[right]));
        }
        assert_eq!(question.options.len(), trip.choices.len());
        assert!(!question.reason.zh.is_empty() && !question.source.is_empty());
    }
}
