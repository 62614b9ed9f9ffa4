//! Title: the name in both languages, one big start button, the language switch.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Navigate, Screen};
use crate::options::{LaunchOptions, Mode};
use crate::pack::live::ActivePack;
use crate::ui::{self, UiParams, UiSystems};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), crate::platform::signal_ready)
        .add_systems(Update, keys.run_if(in_state(Screen::Title)))
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(UiSystems).run_if(in_state(Screen::Title)),
        );
}

fn keys(input: Res<ButtonInput<KeyCode>>, mut navigate: MessageWriter<Navigate>) {
    if ui::confirm_pressed(&input) {
        navigate.write(Navigate::SceneSelect);
    }
}

/// About how wide the row of the classroom and packs buttons is, to centre it (logical points).
const LINKS_WIDTH: f32 = 250.0;

fn show(
    mut params: UiParams,
    options: Res<LaunchOptions>,
    pack: Option<Res<ActivePack>>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let classroom = options.mode == Mode::Classroom;
    let zoom = params.layout.zoom();
    let lang = params.language.0;
    let theme = params.theme.clone();
    let mut root = ui::root_ui(&ctx, "title");
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(&mut root, |ui| {
            ui.vertical_centered(|ui| {
                let width = ui.available_width();
                ui.add_space((ui.available_height() * 0.1).max(40.0));
                ui::card_frame(&theme).show(ui, |ui| {
                    ui.set_width((width - 64.0).min(720.0));
                    ui.vertical_centered(|ui| {
                        let size = (width / 6.0).min(84.0);
                        ui.horizontal(|ui| {
                            let icons =
                                ["seedling", "globe-showing-asia-australia", "deciduous-tree"];
                            let row = icons.len() as f32 * (size + 10.0);
                            ui.add_space(((ui.available_width() - row) / 2.0).max(0.0));
                            for name in icons {
                                ui.add(ui::icon(&params.icons, name, size));
                            }
                        });
                        let (main, other) = match lang {
                            crate::pack::Lang::Zh => ("绿色行动者", "Green Actor"),
                            crate::pack::Lang::En => ("Green Actor", "绿色行动者"),
                        };
                        let title_size = (width / 6.5).min(76.0);
                        ui.label(ui::title_text(main, title_size, theme.green_dark));
                        ui.label(ui::title_text(other, title_size * 0.42, theme.muted));
                        ui.add_space(6.0);
                        let tagline = params.language.t("title.tagline");
                        ui::paragraph(ui, &tagline, 22.0, theme.ink);
                        ui.add_space(20.0);
                        let button_width = ui.available_width().min(360.0);
                        let start = params.language.t("title.start");
                        let button = ui::big_button(
                            ui,
                            &mut params.rects,
                            zoom,
                            "start",
                            &start,
                            theme.green,
                            button_width,
                        );
                        if button.clicked() {
                            navigate.write(Navigate::SceneSelect);
                        }
                        ui.add_space(12.0);
                        ui.horizontal(|ui| {
                            ui.add_space(((ui.available_width() - 150.0) / 2.0).max(0.0));
                            ui::language_switch(ui, &mut params);
                        });
                        ui.add_space(12.0);
                        if let Some(pack) = &pack {
                            let running = super::packs::running_line(&params, &pack.0);
                            ui::paragraph(ui, &running, 17.0, theme.muted);
                        }
                        ui.horizontal(|ui| {
                            let packs = params.language.t("title.packs");
                            let class = params.language.t("title.class");
                            ui.add_space(((ui.available_width() - LINKS_WIDTH) / 2.0).max(0.0));
                            if classroom
                                && ui::small_button(ui, &mut params.rects, zoom, "class", &class)
                                    .clicked()
                            {
                                navigate.write(Navigate::Join);
                            }
                            // On a kiosk the packs are the staff's (their menu opens the manager).
                            if classroom
                                && ui::small_button(ui, &mut params.rects, zoom, "packs", &packs)
                                    .clicked()
                            {
                                navigate.write(Navigate::Packs);
                            }
                        });
                    });
                });
            });
        });
    Ok(())
}
