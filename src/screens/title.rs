//! Title: the name in both languages, one big start button, the language switch.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Navigate, Screen, ScreensUi};
use crate::ui::{self, UiParams};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), crate::platform::signal_ready)
        .add_systems(Update, keys.run_if(in_state(Screen::Title)))
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(ScreensUi).run_if(in_state(Screen::Title)),
        );
}

fn keys(input: Res<ButtonInput<KeyCode>>, mut navigate: MessageWriter<Navigate>) {
    if input.any_just_pressed([KeyCode::Enter, KeyCode::Space, KeyCode::NumpadEnter]) {
        navigate.write(Navigate::SceneSelect);
    }
}

fn show(mut params: UiParams, mut navigate: MessageWriter<Navigate>) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let zoom = params.layout.zoom();
    let lang = params.language.0;
    let theme = params.theme.clone();
    egui::CentralPanel::default().frame(egui::Frame::NONE).show(
        &mut ui::root_ui(&ctx, "title"),
        |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space((ui.available_height() * 0.12).max(56.0));
                ui.horizontal(|ui| {
                    let icons = ["seedling", "globe-showing-asia-australia", "deciduous-tree"];
                    let size = 84.0;
                    let width = icons.len() as f32 * (size + 10.0);
                    ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
                    for name in icons {
                        if let Some(image) = ui::icon(&params.icons, name, size) {
                            ui.add(image);
                        }
                    }
                });
                let (main, other) = match lang {
                    crate::pack::Lang::Zh => ("绿色行动者", "Green Actor"),
                    crate::pack::Lang::En => ("Green Actor", "绿色行动者"),
                };
                ui.label(ui::title_text(main, 76.0, theme.green_dark));
                ui.label(ui::title_text(other, 32.0, theme.muted));
                ui.add_space(10.0);
                ui.label(
                    egui::RichText::new(params.language.t("title.tagline"))
                        .size(24.0)
                        .color(theme.ink),
                );
                ui.add_space(28.0);
                let width = ui.available_width().min(360.0);
                if ui::big_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    "start",
                    &params.language.t("title.start"),
                    theme.green,
                    width,
                )
                .clicked()
                {
                    navigate.write(Navigate::SceneSelect);
                }
                ui.add_space(18.0);
                ui.horizontal(|ui| {
                    ui.add_space(((ui.available_width() - 150.0) / 2.0).max(0.0));
                    ui::language_switch(ui, &mut params);
                });
            });
        },
    );
    Ok(())
}
