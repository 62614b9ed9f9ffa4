//! Scene select: one large illustrated card per scene the pack holds, in the pack's order, with
//! its levels.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Navigate, Screen};
use crate::pack::live::ActivePack;
use crate::scenes::PassedLevels;
use crate::ui::{self, UiParams, UiSystems};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, keys.run_if(in_state(Screen::SceneSelect)))
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(UiSystems).run_if(in_state(Screen::SceneSelect)),
        );
}

fn keys(
    input: Res<ButtonInput<KeyCode>>,
    pack: Res<ActivePack>,
    mut navigate: MessageWriter<Navigate>,
) {
    if ui::confirm_pressed(&input)
        && let Some(scene) = pack.0.scene_ids().first()
    {
        navigate.write(Navigate::Play(*scene, 0));
    }
    if input.just_pressed(KeyCode::Escape) {
        navigate.write(Navigate::Title);
    }
}

/// Level buttons side by side when the card is at least this wide (logical points).
const TWO_COLUMNS_FROM: f32 = 520.0;

fn show(
    mut params: UiParams,
    pack: Res<ActivePack>,
    passed: Res<PassedLevels>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let zoom = params.layout.zoom();
    let theme = params.theme.clone();
    let lang = params.language.0;
    ui::corner_language_switch(&ctx, &mut params);
    if ui::corner_home(&ctx, &mut params) {
        navigate.write(Navigate::Title);
    }
    egui::CentralPanel::default().frame(egui::Frame::NONE).show(
        &mut ui::root_ui(&ctx, "scene-select"),
        |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.add_space(76.0);
                    ui::title(
                        ui,
                        &params.language.t("scenes.heading"),
                        40.0,
                        theme.green_dark,
                    );
                    ui.add_space(12.0);
                    for scene in &pack.0.scenes {
                        let id = scene.id();
                        let width = ui::card_width(&ctx, ui::CARD_WIDTH);
                        ui::card_frame(&theme).show(ui, |ui| {
                            ui.set_width(width - 44.0);
                            ui.vertical_centered(|ui| {
                                ui.horizontal(|ui| {
                                    let size = 72.0;
                                    let icons = scene.format.card_icons();
                                    ui.add_space(
                                        ((ui.available_width()
                                            - icons.len() as f32 * (size + 10.0))
                                            / 2.0)
                                            .max(0.0),
                                    );
                                    for name in icons {
                                        ui.add(ui::icon(&params.icons, name, size));
                                    }
                                });
                                let key = format!("scene.{id}");
                                ui::title(
                                    ui,
                                    &params.language.t(&format!("{key}.title")),
                                    34.0,
                                    theme.ink,
                                );
                                ui::paragraph(
                                    ui,
                                    &params.language.t(&format!("{key}.summary")),
                                    20.0,
                                    theme.ink,
                                );
                                ui.add_space(8.0);
                                let play = params.language.t("scenes.play");
                                if ui::big_button(
                                    ui,
                                    &mut params.rects,
                                    zoom,
                                    &format!("scene_{id}"),
                                    &play,
                                    theme.green,
                                    300.0,
                                )
                                .clicked()
                                {
                                    navigate.write(Navigate::Play(id, 0));
                                }
                                ui.add_space(6.0);
                                ui.label(
                                    egui::RichText::new(params.language.t("scenes.levels"))
                                        .size(18.0)
                                        .color(theme.ink),
                                );
                                let columns = if ui.available_width() >= TWO_COLUMNS_FROM {
                                    2
                                } else {
                                    1
                                };
                                let button_width = (ui.available_width()
                                    - 10.0 * (columns - 1) as f32)
                                    / columns as f32;
                                let levels = scene.levels();
                                for row in levels.chunks(columns).enumerate() {
                                    let (row, chunk) = row;
                                    ui.horizontal(|ui| {
                                        for (column, level) in chunk.iter().enumerate() {
                                            let number = row * columns + column;
                                            let label = format!(
                                                "{}  {}",
                                                number + 1,
                                                level.title.get(lang)
                                            );
                                            let done = passed.0.contains(&(id, level.id.clone()));
                                            let name = format!("level_{id}_{}", number + 1);
                                            if ui::level_button(
                                                ui,
                                                &mut params,
                                                &name,
                                                &label,
                                                done,
                                                button_width,
                                            )
                                            .clicked()
                                            {
                                                navigate.write(Navigate::Play(id, number));
                                            }
                                        }
                                    });
                                }
                            });
                        });
                        ui.add_space(16.0);
                    }
                });
            });
        },
    );
    Ok(())
}
