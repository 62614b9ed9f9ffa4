//! A student's lesson kept on their own device while it lasts: the lesson code and the result code
//! so far (a seat number and answers, nothing else). A phone that drops the page while the
//! results file is sent, or a reload mid-lesson, loses nothing. "Done" forgets it.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::code::canonical;
use super::lesson::LessonPlan;
use super::result::SeatResult;
use super::student::StudentLesson;
use crate::options::LaunchOptions;
use crate::pack::Pack;
use crate::platform;

const STORE_KEY: &str = "green-actor.student";

#[derive(Serialize, Deserialize)]
struct Kept {
    lesson: String,
    result: String,
    ended_early: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        keep.run_if(resource_exists_and_changed::<StudentLesson>.and_then(persisting)),
    );
}

fn persisting(options: Res<LaunchOptions>) -> bool {
    options.persist
}

fn keep(lesson: Res<StudentLesson>) {
    let kept = Kept {
        lesson: lesson.code.clone(),
        result: lesson.result_code(),
        ended_early: lesson.ended_early,
    };
    if let Ok(text) = serde_json::to_string(&kept) {
        platform::save(STORE_KEY, &text);
    }
}

/// Forgets the kept lesson (the student pressed "Done").
pub(super) fn forget(options: &LaunchOptions) {
    if options.persist {
        platform::save(STORE_KEY, "");
    }
}

/// The kept lesson, when there is one for the running pack and no other lesson's link was opened.
pub(super) fn resume(options: &LaunchOptions, pack: &Pack) -> Option<StudentLesson> {
    if !options.persist {
        return None;
    }
    let kept: Kept = serde_json::from_str(&platform::load(STORE_KEY)?).ok()?;
    if options
        .lesson
        .as_deref()
        .is_some_and(|link| canonical(link) != canonical(&kept.lesson))
    {
        return None;
    }
    let plan = LessonPlan::from_code(&kept.lesson, pack).ok()?;
    let result = SeatResult::from_code(&kept.result, &kept.lesson).ok()?;
    Some(StudentLesson {
        code: plan.code(),
        plan,
        seat: result.seat,
        answers: result.steps,
        ended_early: kept.ended_early,
    })
}
