//! The class's results: importing results files or codes, the table per seat and per question,
//! the CSV export, and the projector page of the most-missed items with their reasons and sources.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::classroom::class::{QuestionTally, StepQuestions, percent};
use crate::classroom::{TeacherDesk, TeacherRequest};
use crate::pack::live::ActivePack;
use crate::platform;
use crate::ui::{self, UiParams};

/// How many of the most-missed questions the projector shows.
const PROJECTOR_MISSED: usize = 5;
/// A seat table's column width (logical points).
const COLUMN: f32 = 110.0;

pub(super) fn show(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    pack: &ActivePack,
    desk: &TeacherDesk,
    requests: &mut MessageWriter<TeacherRequest>,
) {
    let theme = params.theme.clone();
    let zoom = params.layout.zoom();
    let lang = params.language.0;
    let language = *params.language;
    let t = |key: &str| language.t(key);
    ui::title(ui, &t("class.class_title"), 28.0, theme.green_dark);
    let Some((code, _)) = &desk.lesson else {
        ui::paragraph(ui, &t("class.no_lesson_yet"), 19.0, theme.ink);
        return;
    };
    ui::paragraph(
        ui,
        &format!("{} {code}", t("class.lesson_code")),
        19.0,
        theme.ink,
    );
    ui::paragraph(ui, &t("class.import_hint"), 18.0, theme.ink);
    ui.horizontal_wrapped(|ui| {
        if ui::small_button(
            ui,
            &mut params.rects,
            zoom,
            "pick_results",
            &t("class.pick_results"),
        )
        .clicked()
        {
            requests.write(TeacherRequest::PickFiles);
        }
        if ui::small_button(
            ui,
            &mut params.rects,
            zoom,
            "type_results",
            &t("class.type_results"),
        )
        .clicked()
            && let Some(text) = platform::ask_text(&t("class.type_results"), "")
        {
            requests.write(TeacherRequest::Import {
                label: t("class.typed"),
                text,
            });
        }
        let seats = desk.class.seats.len();
        if seats > 0 {
            if ui::small_button(
                ui,
                &mut params.rects,
                zoom,
                "export_csv",
                &t("class.export_csv"),
            )
            .clicked()
            {
                requests.write(TeacherRequest::ExportCsv);
            }
            if ui::small_button(
                ui,
                &mut params.rects,
                zoom,
                "clear_class",
                &t("class.clear"),
            )
            .clicked()
            {
                requests.write(TeacherRequest::ClearClass);
            }
        }
    });
    for notice in &desk.notices {
        ui::paragraph(ui, notice.get(lang), 17.0, theme.muted);
    }
    let lesson = desk.questions(&pack.0);
    ui.add_space(10.0);
    seat_table(ui, params, desk, &lesson);
    ui.add_space(14.0);
    ui::title(ui, &t("class.per_question"), 24.0, theme.ink);
    for tally in desk.class.tallies(&lesson) {
        question_line(ui, params, &lesson, &tally, 17.0);
    }
}

fn seat_table(ui: &mut egui::Ui, params: &UiParams, desk: &TeacherDesk, lesson: &[StepQuestions]) {
    let theme = &params.theme;
    let language = *params.language;
    let t = |key: &str| language.t(key);
    let seats = desk.class.seats.len();
    ui::title(
        ui,
        &t("class.seats_in").replace("%{seats}", &seats.to_string()),
        24.0,
        theme.ink,
    );
    if seats == 0 {
        return;
    }
    egui::ScrollArea::horizontal()
        .id_salt("seat-table")
        .show(ui, |ui| {
            egui::Grid::new("seats")
                .striped(true)
                .min_col_width(COLUMN / 2.0)
                .show(ui, |ui| {
                    let cell = |ui: &mut egui::Ui, text: String, strong: bool| {
                        let text = egui::RichText::new(text).size(18.0).color(theme.ink);
                        ui.label(if strong { text.strong() } else { text });
                    };
                    cell(ui, t("class.seat"), true);
                    cell(ui, t("results.correct"), true);
                    for step in 0..lesson.len() {
                        cell(
                            ui,
                            t("class.level_n").replace("%{n}", &(step + 1).to_string()),
                            true,
                        );
                    }
                    ui.end_row();
                    for line in desk.class.lines() {
                        cell(ui, line.seat.to_string(), true);
                        cell(
                            ui,
                            format!(
                                "{} / {}  {}",
                                line.correct,
                                line.total,
                                percent(line.correct, line.total)
                            ),
                            false,
                        );
                        for (right, asked) in &line.steps {
                            cell(ui, format!("{right}/{asked}"), false);
                        }
                        ui.end_row();
                    }
                });
        });
}

/// "1.3 Tissue → residual waste: 4 of 10 right; most gave: recyclable (5)".
fn question_line(
    ui: &mut egui::Ui,
    params: &UiParams,
    lesson: &[StepQuestions],
    tally: &QuestionTally,
    size: f32,
) {
    let theme = &params.theme;
    let lang = params.language.0;
    let language = *params.language;
    let t = |key: &str| language.t(key);
    let Some(question) = lesson
        .get(tally.step)
        .and_then(|step| step.questions.get(tally.index))
    else {
        return;
    };
    let right = question
        .right
        .first()
        .and_then(|i| question.options.get(*i))
        .map_or("", |o| o.get(lang));
    let mut text = t("class.question_line")
        .replace("%{n}", &format!("{}.{}", tally.step + 1, tally.index + 1))
        .replace("%{title}", question.title.get(lang))
        .replace("%{answer}", right)
        .replace("%{right}", &tally.right.to_string())
        .replace("%{answered}", &tally.answered.to_string());
    if let Some((given, count)) = tally.commonest_wrong() {
        let gave = given
            .and_then(|g| question.options.get(g))
            .map_or_else(|| t("class.no_answer"), |o| o.get(lang).to_string());
        text.push_str(
            &t("class.most_gave_count")
                .replace("%{gave}", &gave)
                .replace("%{count}", &count.to_string()),
        );
    }
    let color = if tally.missed() > 0 {
        theme.error
    } else {
        theme.ink
    };
    ui::paragraph(ui, &text, size, color);
}

/// The projector page: the class's share of right answers and the most-missed items, each with
/// its right answer, the reason and its sources, in large type.
pub(super) fn projector(
    ui: &mut egui::Ui,
    params: &UiParams,
    pack: &ActivePack,
    desk: &TeacherDesk,
) {
    let theme = &params.theme;
    let lang = params.language.0;
    let language = *params.language;
    let t = |key: &str| language.t(key);
    let lesson = desk.questions(&pack.0);
    if desk.class.seats.is_empty() {
        ui::paragraph(ui, &t("class.projector_empty"), 22.0, theme.ink);
        return;
    }
    ui.vertical_centered(|ui| {
        let accuracy = (desk.class.accuracy() * 100.0).round();
        let headline = t("class.class_right")
            .replace("%{percent}", &accuracy.to_string())
            .replace("%{seats}", &desk.class.seats.len().to_string());
        ui::title(ui, &headline, 40.0, theme.green_dark);
        ui::paragraph(ui, &t("class.world_is_class"), 19.0, theme.muted);
    });
    ui.add_space(10.0);
    ui::title(ui, &t("class.missed_most"), 30.0, theme.ink);
    for tally in desk.class.most_missed(&lesson, PROJECTOR_MISSED) {
        let Some(question) = lesson
            .get(tally.step)
            .and_then(|s| s.questions.get(tally.index))
        else {
            continue;
        };
        ui.add_space(8.0);
        ui.horizontal_top(|ui| {
            ui.add(ui::icon(&params.icons, &question.icon, 72.0));
            ui.vertical(|ui| {
                question_line(ui, params, &lesson, &tally, 24.0);
                ui::paragraph(ui, question.reason.get(lang), 22.0, theme.ink);
                let citation = pack.0.cite(&question.source, question.approx);
                ui::citation_line(ui, &params.language, theme, &citation);
            });
        });
    }
}
