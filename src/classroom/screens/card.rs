//! The student's results card at the end of a lesson: the score, each level's share of right
//! answers, what was missed and why, and the result code (with its QR) to hand in or save.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::page;
use crate::classroom::class::percent;
use crate::classroom::qr::{self, Modules};
use crate::classroom::result::Answer;
use crate::classroom::{StudentLesson, StudentRequest};
use crate::pack::live::ActivePack;
use crate::screens::Screen;
use crate::ui::{self, UiParams, UiSystems};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::LessonCard), make_qr)
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(UiSystems).run_if(in_state(Screen::LessonCard)),
        );
}

/// The result code's QR, made once when the card opens.
#[derive(Resource)]
struct CodeQr(Option<Modules>);

/// The QR's side (logical points).
const QR_SIDE: f32 = 200.0;

fn make_qr(mut commands: Commands, lesson: Option<Res<StudentLesson>>) {
    let modules = lesson.and_then(|lesson| qr::modules(&lesson.result_code()));
    commands.insert_resource(CodeQr(modules));
}

fn show(
    mut params: UiParams,
    pack: Res<ActivePack>,
    lesson: Option<Res<StudentLesson>>,
    code_qr: Option<Res<CodeQr>>,
    mut requests: MessageWriter<StudentRequest>,
) -> Result {
    let Some(lesson) = lesson else { return Ok(()) };
    let ctx = params.contexts.ctx_mut()?.clone();
    page(
        &ctx,
        &mut params,
        "lesson-card",
        ui::WIDE_CARD_WIDTH,
        |ui, params| {
            let theme = params.theme.clone();
            let zoom = params.layout.zoom();
            let lang = params.language.0;
            let language = *params.language;
            let t = |key: &str| language.t(key);
            let result = lesson.result();
            ui.vertical_centered(|ui| {
                ui.add(ui::icon(&params.icons, "trophy", 72.0));
                ui::title(ui, &t("class.card_title"), 34.0, theme.green_dark);
                ui::paragraph(
                    ui,
                    &t("class.seat_n").replace("%{seat}", &lesson.seat.to_string()),
                    22.0,
                    theme.ink,
                );
                let score = format!(
                    "{} {} / {}",
                    t("results.correct"),
                    result.correct(),
                    result.total()
                );
                ui::title(ui, &score, 34.0, theme.ink);
            });
            ui.add_space(8.0);
            for (topic, right, total) in lesson.topics(&pack.0) {
                topic_bar(ui, params, topic.get(lang), right, total);
            }
            for (step, answers) in result.steps.iter().enumerate() {
                let right = answers.iter().filter(|a| a.is_right()).count();
                let title = lesson.plan.title(&pack.0, step);
                let line = format!(
                    "{}. {}: {right} / {}",
                    step + 1,
                    title.get(lang),
                    answers.len()
                );
                ui::paragraph(ui, &line, 17.0, theme.muted);
            }
            missed(ui, params, &pack, &lesson);
            ui.add_space(14.0);
            ui.vertical_centered(|ui| {
                ui::title(ui, &t("class.result_code"), 24.0, theme.ink);
                ui::paragraph(ui, &t("class.result_code_hint"), 17.0, theme.muted);
                ui.label(
                    egui::RichText::new(lesson.result_code())
                        .size(26.0)
                        .monospace()
                        .strong()
                        .color(theme.ink),
                );
                if let Some(modules) = code_qr.as_ref().and_then(|q| q.0.as_ref()) {
                    let side = QR_SIDE.min(ui.available_width());
                    let response = qr::show(ui, modules, side);
                    ui::record(&mut params.rects, zoom, "result_qr", response.rect);
                }
                ui.add_space(12.0);
                let width = ui.available_width().min(360.0);
                if ui::big_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    "save_result",
                    &t("class.save_result"),
                    theme.green,
                    width,
                )
                .clicked()
                {
                    requests.write(StudentRequest::Save);
                }
                ui.add_space(10.0);
                if ui::small_button(ui, &mut params.rects, zoom, "lesson_done", &t("class.done"))
                    .clicked()
                {
                    requests.write(StudentRequest::Leave);
                }
            });
        },
    );
    Ok(())
}

/// The widest a topic's name column grows (logical points).
const TOPIC_LABEL_WIDTH: f32 = 150.0;

/// One topic's share of right answers as a bar with its figures.
fn topic_bar(ui: &mut egui::Ui, params: &UiParams, topic: &str, right: usize, total: usize) {
    let theme = &params.theme;
    ui.horizontal(|ui| {
        let label = (ui.available_width() * 0.35).min(TOPIC_LABEL_WIDTH);
        ui.add_sized(
            egui::vec2(label, 28.0),
            egui::Label::new(egui::RichText::new(topic).size(19.0).color(theme.ink)).wrap(),
        );
        let share = if total == 0 {
            0.0
        } else {
            right as f32 / total as f32
        };
        ui.add(
            egui::ProgressBar::new(share)
                .fill(theme.green)
                .desired_width((ui.available_width() - 110.0).max(40.0)),
        );
        let figures = format!("{right} / {total} {}", percent(right, total));
        ui.label(
            egui::RichText::new(figures)
                .size(19.0)
                .strong()
                .color(theme.green_dark),
        );
    });
}

/// Each question missed: what it was, the right answer, what was given and why.
fn missed(ui: &mut egui::Ui, params: &UiParams, pack: &ActivePack, lesson: &StudentLesson) {
    let theme = &params.theme;
    let lang = params.language.0;
    let language = *params.language;
    let t = |key: &str| language.t(key);
    let mut heading = false;
    for (step, answers) in lesson.answers.iter().enumerate() {
        let questions = lesson.plan.questions(&pack.0, step);
        for (question, answer) in questions.iter().zip(answers) {
            let Answer::Wrong(given) = answer else {
                continue;
            };
            if !heading {
                ui.add_space(12.0);
                ui::title(ui, &t("class.missed"), 24.0, theme.ink);
                heading = true;
            }
            let right = question
                .right
                .first()
                .and_then(|i| question.options.get(*i))
                .map_or("", |o| o.get(lang));
            let gave = given
                .and_then(|g| question.options.get(g))
                .map_or_else(|| t("class.no_answer"), |o| o.get(lang).to_string());
            ui.horizontal_top(|ui| {
                ui.add(ui::icon(&params.icons, &question.icon, 48.0));
                ui.vertical(|ui| {
                    let head = format!("{} → {}", question.title.get(lang), right);
                    ui.label(
                        egui::RichText::new(head)
                            .size(20.0)
                            .strong()
                            .color(theme.green_dark),
                    );
                    ui::paragraph(
                        ui,
                        &format!("{} {gave}", t("class.you_chose")),
                        17.0,
                        theme.muted,
                    );
                    ui::paragraph(ui, question.reason.get(lang), 17.0, theme.ink);
                });
            });
        }
    }
}
