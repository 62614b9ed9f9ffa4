//! The sorting scene's overlays: the top bar, the level intro card and the "why" card.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Phase, SCREEN, SortAction, Sorting};
use crate::audio::{Muted, ToggleMute};
use crate::screens::{LoadedPack, Navigate, ScreensUi};
use crate::ui::{self, UiParams};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(ScreensUi)
            .run_if(in_state(SCREEN).and_then(resource_exists::<Sorting>)),
    );
}

#[allow(clippy::too_many_arguments)]
fn show(
    mut params: UiParams,
    sorting: Res<Sorting>,
    pack: Res<LoadedPack>,
    muted: Res<Muted>,
    mut actions: MessageWriter<SortAction>,
    mut navigate: MessageWriter<Navigate>,
    mut mute: MessageWriter<ToggleMute>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let zoom = params.layout.zoom();
    let theme = params.theme.clone();
    let language = *params.language;
    let lang = language.0;
    let level = sorting.level();
    let narrow = params.layout.size.x / zoom < 640.0;

    egui::Panel::top("sorting-hud")
        .frame(
            egui::Frame::new()
                .fill(egui::Color32::from_white_alpha(215))
                .inner_margin(egui::Margin::symmetric(10, 6)),
        )
        .show(&mut ui::root_ui(&ctx, "sorting"), |ui| {
            ui.horizontal(|ui| {
                if ui::small_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    "home",
                    &language.t("common.back"),
                )
                .clicked()
                {
                    navigate.write(Navigate::SceneSelect);
                }
                let progress = format!(
                    "{} / {}",
                    sorting.round.sorted().min(sorting.round.total()),
                    sorting.round.total()
                );
                if !narrow {
                    ui.label(ui::title_text(level.title.get(lang), 22.0, theme.ink));
                }
                ui.label(
                    egui::RichText::new(progress)
                        .size(22.0)
                        .strong()
                        .color(theme.ink),
                );
                ui.label(
                    egui::RichText::new(format!(
                        "{} {}",
                        language.t("hud.score"),
                        sorting.round.score()
                    ))
                    .size(22.0)
                    .color(theme.green_dark),
                );
                if sorting.round.streak() >= 2 {
                    ui.label(
                        egui::RichText::new(format!(
                            "{} ×{}",
                            language.t("hud.streak"),
                            sorting.round.streak()
                        ))
                        .size(22.0)
                        .strong()
                        .color(theme.gold),
                    );
                }
                if let Some(left) = sorting.time_left {
                    ui.label(
                        egui::RichText::new(format!("⏱ {:.0}", left.ceil()))
                            .size(22.0)
                            .color(theme.ink),
                    );
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui::language_switch(ui, &mut params);
                    let sound = if muted.0 {
                        "muted-speaker"
                    } else {
                        "speaker-high-volume"
                    };
                    let button = match ui::icon(&params.icons, sound, 30.0) {
                        Some(image) => {
                            ui.add(egui::Button::image(image).min_size(egui::vec2(52.0, 48.0)))
                        }
                        None => ui.add(
                            egui::Button::new(if muted.0 { "🔇" } else { "🔊" })
                                .min_size(egui::vec2(52.0, 48.0)),
                        ),
                    };
                    ui::record(&mut params.rects, zoom, "mute", button.rect);
                    if button.clicked() {
                        mute.write(ToggleMute);
                    }
                });
            });
        });

    match sorting.phase {
        Phase::Intro => {
            centered_card(&ctx, &theme, "sorting-intro", |ui| {
                if let Some(image) = ui::icon(&params.icons, "recycling-symbol", 72.0) {
                    ui.add(image);
                }
                ui.label(ui::title_text(
                    level.title.get(lang),
                    34.0,
                    theme.green_dark,
                ));
                ui.label(
                    egui::RichText::new(level.intro.get(lang))
                        .size(22.0)
                        .color(theme.ink),
                );
                ui.add_space(4.0);
                ui.label(
                    egui::RichText::new(language.t("sorting.how_to"))
                        .size(18.0)
                        .color(theme.muted),
                );
                if level.city.is_some() {
                    ui.label(
                        egui::RichText::new(language.t("sorting.city_rules"))
                            .size(18.0)
                            .color(theme.muted),
                    );
                }
                ui.add_space(8.0);
                if ui::big_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    "begin",
                    &language.t("sorting.begin"),
                    theme.green,
                    280.0,
                )
                .clicked()
                {
                    actions.write(SortAction::Begin);
                }
            });
        }
        Phase::Feedback => {
            let Some(feedback) = &sorting.feedback else {
                return Ok(());
            };
            let item = &sorting.data.items[feedback.item];
            let bin = &sorting.data.bins[feedback.verdict.expected];
            centered_card(&ctx, &theme, "sorting-feedback", |ui| {
                ui.horizontal(|ui| {
                    if let Some(image) = ui::icon(&params.icons, &item.icon, 64.0) {
                        ui.add(image);
                    }
                    ui.vertical(|ui| {
                        let headline = if feedback.verdict.chosen.is_some() {
                            language.t("sorting.not_quite")
                        } else {
                            language.t("sorting.missed")
                        };
                        ui.label(egui::RichText::new(headline).size(20.0).color(theme.muted));
                        ui.label(ui::title_text(item.name.get(lang), 30.0, theme.ink));
                    });
                });
                ui.label(
                    egui::RichText::new(format!(
                        "{} {}",
                        language.t("sorting.goes_in"),
                        bin.name.get(lang)
                    ))
                    .size(28.0)
                    .strong()
                    .color(ui::color32(super::view::bin_color(bin))),
                );
                ui.label(
                    egui::RichText::new(item.reason.get(lang))
                        .size(22.0)
                        .color(theme.ink),
                );
                if let Some(note) = &item.city_note {
                    ui.label(
                        egui::RichText::new(note.get(lang))
                            .size(18.0)
                            .color(theme.muted),
                    );
                }
                let sources: Vec<&str> = item
                    .source
                    .iter()
                    .map(|key| {
                        pack.0
                            .source(key)
                            .map_or(key.as_str(), |s| s.title.get(lang))
                    })
                    .collect();
                let approx = if item.approx {
                    format!(" ({})", language.t("common.approx"))
                } else {
                    String::new()
                };
                ui.label(
                    egui::RichText::new(format!(
                        "{} {}{approx}",
                        language.t("common.source"),
                        sources.join("；")
                    ))
                    .size(14.0)
                    .color(theme.muted),
                );
                ui.add_space(6.0);
                if ui::big_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    "continue",
                    &language.t("sorting.continue"),
                    theme.green,
                    260.0,
                )
                .clicked()
                {
                    actions.write(SortAction::Continue);
                }
            });
        }
        Phase::Playing if sorting.round.sorted() == 0 => {
            egui::Area::new(egui::Id::new("sorting-hint"))
                .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 86.0))
                .interactable(false)
                .show(&ctx, |ui| {
                    ui.label(
                        egui::RichText::new(language.t("sorting.how_to"))
                            .size(20.0)
                            .color(theme.ink)
                            .background_color(egui::Color32::from_white_alpha(200)),
                    );
                });
        }
        _ => {}
    }
    Ok(())
}

fn centered_card(
    ctx: &egui::Context,
    theme: &ui::Theme,
    id: &str,
    add: impl FnOnce(&mut egui::Ui),
) {
    let width = (ctx.content_rect().width() - 24.0).min(620.0);
    egui::Area::new(egui::Id::new(id))
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, -40.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui::card_frame(theme).show(ui, |ui| {
                ui.set_width(width - 44.0);
                ui.vertical_centered(|ui| add(ui));
            });
        });
}
