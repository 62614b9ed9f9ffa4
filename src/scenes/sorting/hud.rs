//! The sorting scene's overlays: the top bar, the level intro card and the "why" card.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Phase, SCREEN, SortAction, Sorting};
use crate::audio::{Muted, ToggleMute};
use crate::screens::{LoadedPack, Navigate, ScreensUi};
use crate::ui::{self, UiParams};
use crate::world::EcoWorld;

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
    world: Res<EcoWorld>,
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
    let narrow = params.layout.narrow();

    let status = |ui: &mut egui::Ui| {
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
        let score = format!("{} {}", language.t("hud.score"), sorting.round.score());
        ui.label(
            egui::RichText::new(score)
                .size(22.0)
                .color(theme.green_dark),
        );
        if sorting.round.streak() >= 2 {
            let streak = format!("{} ×{}", language.t("hud.streak"), sorting.round.streak());
            ui.label(
                egui::RichText::new(streak)
                    .size(22.0)
                    .strong()
                    .color(theme.gold),
            );
        }
        let health = egui::ProgressBar::new(world.cleanliness)
            .desired_width(90.0)
            .desired_height(14.0)
            .fill(theme.green);
        ui.label(
            egui::RichText::new(language.t("hud.world"))
                .size(18.0)
                .color(theme.muted),
        );
        ui.add(health).on_hover_text(language.t("hud.world_hint"));
        if let Some(left) = sorting.time_left {
            let time = format!("{} {:.0}", language.t("hud.time"), left.ceil());
            ui.label(egui::RichText::new(time).size(22.0).color(theme.ink));
        }
    };
    let mut controls = |ui: &mut egui::Ui, params: &mut UiParams| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui::language_switch(ui, params);
            let sound = if muted.0 {
                "muted-speaker"
            } else {
                "speaker-high-volume"
            };
            let label = language.t(if muted.0 {
                "hud.sound_off"
            } else {
                "hud.sound_on"
            });
            let image = ui::icon(&params.icons, sound, 30.0);
            let button = ui
                .add(egui::Button::image(image).min_size(egui::vec2(52.0, 48.0)))
                .on_hover_text(label);
            ui::record(&mut params.rects, zoom, "mute", button.rect);
            if button.clicked() {
                mute.write(ToggleMute);
            }
        });
    };
    egui::Panel::top("sorting-hud")
        .frame(
            egui::Frame::new()
                .fill(egui::Color32::from_white_alpha(215))
                .inner_margin(egui::Margin::symmetric(10, 6)),
        )
        .show(&mut ui::root_ui(&ctx, "sorting"), |ui| {
            ui.horizontal(|ui| {
                let back = language.t("common.back");
                if ui::small_button(ui, &mut params.rects, zoom, "home", &back).clicked() {
                    navigate.write(Navigate::SceneSelect);
                }
                if !narrow {
                    status(ui);
                }
                controls(ui, &mut params);
            });
            if narrow {
                ui.horizontal(|ui| status(ui));
            }
        });

    match sorting.phase {
        Phase::Intro => {
            centered_card(&ctx, &theme, "sorting-intro", |ui| {
                ui.add(ui::icon(&params.icons, "recycling-symbol", 72.0));
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
                    ui.add(ui::icon(&params.icons, &item.icon, 64.0));
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
