//! Results: score, accuracy per category, what was missed and why, and a real-world fact.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Navigate, Screen, ScreensUi};
use crate::scenes::RoundOutcome;
use crate::ui::{self, UiParams};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, keys.run_if(in_state(Screen::Results)))
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(ScreensUi).run_if(in_state(Screen::Results)),
        );
}

fn keys(
    input: Res<ButtonInput<KeyCode>>,
    outcome: Option<Res<RoundOutcome>>,
    mut navigate: MessageWriter<Navigate>,
) {
    let Some(outcome) = outcome else { return };
    if input.any_just_pressed([KeyCode::Enter, KeyCode::Space, KeyCode::NumpadEnter]) {
        let level = if outcome.has_next {
            outcome.level + 1
        } else {
            outcome.level
        };
        navigate.write(Navigate::Play(outcome.scene, level));
    }
    if input.just_pressed(KeyCode::Escape) {
        navigate.write(Navigate::SceneSelect);
    }
}

fn show(
    mut params: UiParams,
    outcome: Option<Res<RoundOutcome>>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let Some(outcome) = outcome else {
        return Ok(());
    };
    let ctx = params.contexts.ctx_mut()?.clone();
    let zoom = params.layout.zoom();
    let theme = params.theme.clone();
    let lang = params.language.0;
    let language = *params.language;
    let t = |key: &str| language.t(key);
    ui::corner_language_switch(&ctx, &mut params);
    egui::CentralPanel::default().frame(egui::Frame::NONE).show(
        &mut ui::root_ui(&ctx, "results"),
        |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.add_space(64.0);
                    let width = ui.available_width().min(760.0);
                    ui::card_frame(&theme).show(ui, |ui| {
                        ui.set_width(width - 44.0);
                        ui.vertical_centered(|ui| {
                            let (icon, headline) = if outcome.passed {
                                ("trophy", t("results.passed"))
                            } else {
                                ("flexed-biceps", t("results.try_again"))
                            };
                            ui.add(ui::icon(&params.icons, icon, 88.0));
                            ui.label(ui::title_text(&headline, 40.0, theme.green_dark));
                            ui.label(
                                egui::RichText::new(outcome.level_title.get(lang))
                                    .size(22.0)
                                    .color(theme.muted),
                            );
                            ui.add_space(6.0);
                            ui.label(ui::title_text(
                                &format!(
                                    "{} {} / {}",
                                    t("results.correct"),
                                    outcome.correct,
                                    outcome.total
                                ),
                                34.0,
                                theme.ink,
                            ));
                            ui.label(
                                egui::RichText::new(format!(
                                    "{} {}   ·   {} {}",
                                    t("results.score"),
                                    outcome.score,
                                    t("results.best_streak"),
                                    outcome.best_streak
                                ))
                                .size(22.0)
                                .color(theme.ink),
                            );
                        });
                        ui.add_space(12.0);
                        for tally in &outcome.tallies {
                            ui.horizontal(|ui| {
                                ui.add_sized(
                                    egui::vec2(180.0, 28.0),
                                    egui::Label::new(
                                        egui::RichText::new(tally.label.get(lang))
                                            .size(20.0)
                                            .color(theme.ink),
                                    ),
                                );
                                let fraction = if tally.total == 0 {
                                    0.0
                                } else {
                                    tally.correct as f32 / tally.total as f32
                                };
                                ui.add(
                                    egui::ProgressBar::new(fraction)
                                        .fill(ui::color32(tally.color))
                                        .desired_width((ui.available_width() - 80.0).max(60.0)),
                                );
                                let count = format!("{} / {}", tally.correct, tally.total);
                                ui.label(
                                    egui::RichText::new(count)
                                        .size(20.0)
                                        .strong()
                                        .color(theme.ink),
                                );
                            });
                        }
                        if !outcome.lessons.is_empty() {
                            ui.add_space(14.0);
                            ui.label(ui::title_text(&t("results.lessons"), 26.0, theme.ink));
                            for lesson in &outcome.lessons {
                                ui.horizontal(|ui| {
                                    ui.add(ui::icon(&params.icons, &lesson.icon, 56.0));
                                    ui.vertical(|ui| {
                                        ui.label(
                                            egui::RichText::new(format!(
                                                "{} → {}",
                                                lesson.title.get(lang),
                                                lesson.answer.get(lang)
                                            ))
                                            .size(21.0)
                                            .strong()
                                            .color(ui::color32(lesson.color)),
                                        );
                                        ui.label(
                                            egui::RichText::new(lesson.reason.get(lang))
                                                .size(18.0)
                                                .color(theme.ink),
                                        );
                                    });
                                });
                            }
                        }
                        if let Some(fact) = &outcome.fact {
                            ui.add_space(14.0);
                            ui.label(ui::title_text(&t("results.real_world"), 26.0, theme.ink));
                            ui.label(
                                egui::RichText::new(fact.text.get(lang))
                                    .size(20.0)
                                    .color(theme.ink),
                            );
                            let sources: Vec<&str> =
                                fact.sources.iter().map(|s| s.get(lang)).collect();
                            let approx = if fact.approx {
                                format!(" ({})", t("common.approx"))
                            } else {
                                String::new()
                            };
                            ui.label(
                                egui::RichText::new(format!(
                                    "{} {}{approx}",
                                    t("common.source"),
                                    sources.join("；")
                                ))
                                .size(15.0)
                                .color(theme.muted),
                            );
                        }
                    });
                    ui.add_space(16.0);
                    ui.horizontal_wrapped(|ui| {
                        let buttons = if outcome.has_next { 3.0 } else { 2.0 };
                        ui.add_space(((ui.available_width() - buttons * 250.0) / 2.0).max(0.0));
                        if outcome.has_next
                            && ui::big_button(
                                ui,
                                &mut params.rects,
                                zoom,
                                "next_level",
                                &t("results.next"),
                                theme.green,
                                230.0,
                            )
                            .clicked()
                        {
                            navigate.write(Navigate::Play(outcome.scene, outcome.level + 1));
                        }
                        if ui::big_button(
                            ui,
                            &mut params.rects,
                            zoom,
                            "retry",
                            &t("results.retry"),
                            theme.green_dark,
                            230.0,
                        )
                        .clicked()
                        {
                            navigate.write(Navigate::Play(outcome.scene, outcome.level));
                        }
                        if ui::big_button(
                            ui,
                            &mut params.rects,
                            zoom,
                            "scenes",
                            &t("results.scenes"),
                            theme.muted,
                            230.0,
                        )
                        .clicked()
                        {
                            navigate.write(Navigate::SceneSelect);
                        }
                    });
                    ui.add_space(24.0);
                });
            });
        },
    );
    Ok(())
}
