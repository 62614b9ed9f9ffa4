//! The classroom's part of the browser tests' state: the join screen, the student's lesson and
//! the teacher's desk.

use bevy::prelude::*;
use serde_json::json;

use super::result::Answer;
use super::{JoinDraft, StudentLesson, TeacherDesk, TeacherTab};
use crate::i18n::Language;
use crate::pack::live::ActivePack;
use crate::test_hooks::{PublishScenes, SceneTestState};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Last, publish.in_set(PublishScenes));
}

fn publish(
    draft: Res<JoinDraft>,
    lesson: Option<Res<StudentLesson>>,
    desk: Res<TeacherDesk>,
    pack: Option<Res<ActivePack>>,
    language: Res<Language>,
    mut state: ResMut<SceneTestState>,
) {
    let student = lesson.map(|lesson| {
        json!({
            "code": lesson.code,
            "seat": lesson.seat,
            "step": lesson.step(),
            "steps": lesson.plan.steps.len(),
            "over": lesson.is_over(),
            "result_code": lesson.result_code(),
            "answers": lesson.answers.iter().map(|step| step.iter().map(|a| *a == Answer::Right).collect::<Vec<_>>()).collect::<Vec<_>>(),
        })
    });
    let missed: Vec<String> = match &pack {
        Some(pack) => {
            let questions = desk.questions(&pack.0);
            desk.class
                .most_missed(&questions, usize::MAX)
                .iter()
                .filter_map(|t| Some(questions.get(t.step)?.questions.get(t.index)?.id.clone()))
                .collect()
        }
        None => Vec::new(),
    };
    let tab = match desk.tab {
        TeacherTab::Plan => "plan",
        TeacherTab::Class => "class",
        TeacherTab::Projector => "projector",
    };
    state.0.insert(
        "classroom",
        json!({
            "join": {
                "code": draft.code,
                "seat": draft.seat,
                "problem": draft.problem.as_ref().map(|p| language.pick(p).to_string()),
            },
            "student": student,
            "teacher": {
                "tab": tab,
                "draft": desk.draft.iter().map(|s| [s.scene, s.level]).collect::<Vec<_>>(),
                "lesson": desk.lesson.as_ref().map(|(code, _)| code.clone()),
                "seats": desk.class.lines().iter().map(|l| json!({"seat": l.seat, "correct": l.correct, "total": l.total})).collect::<Vec<_>>(),
                "most_missed": missed,
                "notices": desk.notices.iter().map(|n| language.pick(n).to_string()).collect::<Vec<_>>(),
            },
        }),
    );
}
