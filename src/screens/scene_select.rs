//! Scene select: one large illustrated card per scene the pack contains, with its levels.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{LoadedPack, Navigate, Screen, ScreensUi};
use crate::scenes::SceneKind;
use crate::ui::{self, UiParams};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, keys.run_if(in_state(Screen::SceneSelect)))
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(ScreensUi).run_if(in_state(Screen::SceneSelect)),
        );
}

fn keys(
    input: Res<ButtonInput<KeyCode>>,
    pack: Res<LoadedPack>,
    mut navigate: MessageWriter<Navigate>,
) {
    if input.any_just_pressed([KeyCode::Enter, KeyCode::Space, KeyCode::NumpadEnter])
        && let Some(scene) = pack.0.scenes().first()
    {
        navigate.write(Navigate::Play(*scene, 0));
    }
    if input.just_pressed(KeyCode::Escape) {
        navigate.write(Navigate::Title);
    }
}

fn level_count(pack: &LoadedPack, scene: SceneKind) -> usize {
    match scene {
        SceneKind::Sorting => pack.0.sorting.as_ref().map_or(0, |s| s.levels.len()),
    }
}

fn show(
    mut params: UiParams,
    pack: Res<LoadedPack>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let zoom = params.layout.zoom();
    let theme = params.theme.clone();
    ui::corner_language_switch(&ctx, &mut params);
    egui::CentralPanel::default().frame(egui::Frame::NONE).show(
        &mut ui::root_ui(&ctx, "scene-select"),
        |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(72.0);
                ui.label(ui::title_text(
                    &params.language.t("scenes.heading"),
                    40.0,
                    theme.green_dark,
                ));
                ui.add_space(12.0);
                for scene in pack.0.scenes() {
                    let width = ui.available_width().min(620.0);
                    ui::card_frame(&theme).show(ui, |ui| {
                        ui.set_width(width - 44.0);
                        ui.vertical_centered(|ui| {
                            ui.horizontal(|ui| {
                                let size = 96.0;
                                let icons = scene.card_icons();
                                ui.add_space(
                                    ((ui.available_width() - icons.len() as f32 * (size + 10.0))
                                        / 2.0)
                                        .max(0.0),
                                );
                                for name in icons {
                                    ui.add(ui::icon(&params.icons, name, size));
                                }
                            });
                            let key = format!("scene.{}", scene.name());
                            ui.label(ui::title_text(
                                &params.language.t(&format!("{key}.title")),
                                34.0,
                                theme.ink,
                            ));
                            ui.label(
                                egui::RichText::new(params.language.t(&format!("{key}.summary")))
                                    .size(20.0)
                                    .color(theme.muted),
                            );
                            ui.add_space(8.0);
                            let play = params.language.t("scenes.play");
                            if ui::big_button(
                                ui,
                                &mut params.rects,
                                zoom,
                                &format!("scene_{}", scene.name()),
                                &play,
                                theme.green,
                                300.0,
                            )
                            .clicked()
                            {
                                navigate.write(Navigate::Play(scene, 0));
                            }
                            ui.add_space(6.0);
                            ui.label(
                                egui::RichText::new(params.language.t("scenes.levels"))
                                    .size(18.0)
                                    .color(theme.muted),
                            );
                            ui.horizontal_wrapped(|ui| {
                                let count = level_count(&pack, scene);
                                ui.add_space(
                                    ((ui.available_width() - count as f32 * 64.0) / 2.0).max(0.0),
                                );
                                for level in 0..count {
                                    let name = format!("level_{}_{}", scene.name(), level + 1);
                                    if ui::small_button(
                                        ui,
                                        &mut params.rects,
                                        zoom,
                                        &name,
                                        &(level + 1).to_string(),
                                    )
                                    .clicked()
                                    {
                                        navigate.write(Navigate::Play(scene, level));
                                    }
                                }
                            });
                        });
                    });
                    ui.add_space(16.0);
                }
                if ui::small_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    "home",
                    &params.language.t("common.home"),
                )
                .clicked()
                {
                    navigate.write(Navigate::Title);
                }
            });
        },
    );
    Ok(())
}
