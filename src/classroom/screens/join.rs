//! Joining a lesson: the lesson code (filled in by the lesson's link) and a seat number from a
//! number pad — no name, no keyboard needed. During the lesson this is the student's lesson page:
//! which levels are done, continue, or finish now.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::page;
use crate::classroom::lesson::LessonPlan;
use crate::classroom::{JoinDraft, StudentLesson, StudentRequest};
use crate::pack::live::ActivePack;
use crate::platform;
use crate::screens::{Navigate, Screen};
use crate::ui::{self, UiParams, UiSystems};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiSystems).run_if(in_state(Screen::Join)),
    );
}

/// The longest seat number (99).
const SEAT_DIGITS: usize = 2;

fn show(
    mut params: UiParams,
    pack: Res<ActivePack>,
    lesson: Option<Res<StudentLesson>>,
    mut draft: ResMut<JoinDraft>,
    mut requests: MessageWriter<StudentRequest>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    if lesson.is_none() && ui::corner_home(&ctx, &mut params) {
        navigate.write(Navigate::Title);
    }
    page(&ctx, &mut params, "join", ui::CARD_WIDTH, |ui, params| {
        ui.vertical_centered(|ui| match lesson.as_deref() {
            Some(lesson) => progress(ui, params, &pack, lesson, &mut requests),
            None => join(ui, params, &pack, &mut draft, &mut requests, &mut navigate),
        });
    });
    Ok(())
}

fn join(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    pack: &ActivePack,
    draft: &mut JoinDraft,
    requests: &mut MessageWriter<StudentRequest>,
    navigate: &mut MessageWriter<Navigate>,
) {
    let theme = params.theme.clone();
    let zoom = params.layout.zoom();
    let language = *params.language;
    let t = |key: &str| language.t(key);
    // The teacher's way in is first, so it is never scrolled out of sight.
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
        let teacher = t("class.i_am_teacher");
        if ui::small_button(ui, &mut params.rects, zoom, "teacher", &teacher).clicked() {
            navigate.write(Navigate::Teacher);
        }
    });
    ui::title(ui, &t("class.join_title"), 34.0, theme.green_dark);
    ui::paragraph(ui, &t("class.join_hint"), 19.0, theme.ink);
    ui.add_space(10.0);
    ui::title(ui, &t("class.lesson_code"), 22.0, theme.ink);
    let shown = if draft.code.is_empty() {
        "—".to_string()
    } else {
        draft.code.clone()
    };
    ui.label(
        egui::RichText::new(shown)
            .size(30.0)
            .monospace()
            .strong()
            .color(theme.ink),
    );
    if ui::small_button(
        ui,
        &mut params.rects,
        zoom,
        "type_code",
        &t("class.type_code"),
    )
    .clicked()
        && let Some(typed) = platform::ask_text(&t("class.type_code"), &draft.code)
    {
        draft.code = typed.trim().to_uppercase();
    }
    if let Ok(plan) = LessonPlan::from_code(&draft.code, &pack.0) {
        let lang = params.language.0;
        for step in 0..plan.steps.len() {
            let title = plan.title(&pack.0, step);
            ui::paragraph(
                ui,
                &format!("{}. {}", step + 1, title.get(lang)),
                18.0,
                theme.muted,
            );
        }
    }
    ui.add_space(10.0);
    ui::title(ui, &t("class.seat"), 22.0, theme.ink);
    let seat = if draft.seat.is_empty() {
        "—".to_string()
    } else {
        draft.seat.clone()
    };
    ui.label(
        egui::RichText::new(seat)
            .size(44.0)
            .strong()
            .color(theme.green_dark),
    );
    number_pad(ui, params, draft);
    if let Some(problem) = &draft.problem {
        ui.add_space(6.0);
        ui::paragraph(ui, params.language.pick(problem), 19.0, theme.error);
    }
    ui.add_space(12.0);
    let ready = !draft.code.is_empty() && !draft.seat.is_empty();
    let fill = if ready { theme.green } else { theme.muted };
    let width = ui.available_width().min(360.0);
    let start = ui::big_button(
        ui,
        &mut params.rects,
        zoom,
        "join_start",
        &t("class.start"),
        fill,
        width,
    );
    if start.clicked() && ready {
        requests.write(StudentRequest::Join {
            code: draft.code.clone(),
            seat: draft.seat.parse().unwrap_or(0),
        });
    }
}

/// The seat number from the number pad: at most two digits, never starting with 0.
fn number_pad(ui: &mut egui::Ui, params: &mut UiParams, draft: &mut JoinDraft) {
    let Some(key) = ui::number_pad(ui, params, "seat") else {
        return;
    };
    match key {
        ui::PadKey::Clear => draft.seat.clear(),
        ui::PadKey::Back => {
            draft.seat.pop();
        }
        ui::PadKey::Digit(digit)
            if draft.seat.len() < SEAT_DIGITS && !(draft.seat.is_empty() && digit == '0') =>
        {
            draft.seat.push(digit);
        }
        ui::PadKey::Digit(_) => {}
    }
    draft.problem = None;
}

fn progress(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    pack: &ActivePack,
    lesson: &StudentLesson,
    requests: &mut MessageWriter<StudentRequest>,
) {
    let theme = params.theme.clone();
    let zoom = params.layout.zoom();
    let lang = params.language.0;
    let language = *params.language;
    let t = |key: &str| language.t(key);
    ui.add(ui::icon(&params.icons, "books", 72.0));
    ui::title(ui, &t("class.lesson"), 32.0, theme.green_dark);
    ui::paragraph(
        ui,
        &t("class.seat_n").replace("%{seat}", &lesson.seat.to_string()),
        22.0,
        theme.ink,
    );
    ui.add_space(8.0);
    for step in 0..lesson.plan.steps.len() {
        let title = lesson.plan.title(&pack.0, step);
        let (mark, color) = if step < lesson.step() {
            ("✓", theme.green_dark)
        } else if step == lesson.step() {
            ("→", theme.ink)
        } else {
            ("·", theme.muted)
        };
        ui::paragraph(
            ui,
            &format!("{mark} {}. {}", step + 1, title.get(lang)),
            20.0,
            color,
        );
    }
    ui.add_space(14.0);
    let width = ui.available_width().min(360.0);
    let next = if lesson.is_over() {
        t("class.see_card")
    } else {
        t("class.continue")
    };
    if ui::big_button(
        ui,
        &mut params.rects,
        zoom,
        "lesson_continue",
        &next,
        theme.green,
        width,
    )
    .clicked()
    {
        requests.write(StudentRequest::Continue);
    }
    if !lesson.is_over() {
        ui.add_space(10.0);
        if ui::small_button(
            ui,
            &mut params.rects,
            zoom,
            "lesson_finish",
            &t("class.finish_now"),
        )
        .clicked()
        {
            requests.write(StudentRequest::Finish);
        }
    }
}
