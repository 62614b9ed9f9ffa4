//! Planning a lesson: the running pack's levels to add, the lesson's order with its time against a
//! 40-minute lesson, and the lesson code with its link and QR once it is made.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::classroom::TeacherDesk;
use crate::classroom::TeacherRequest;
use crate::classroom::lesson::{LESSON_MINUTES, Step};
use crate::classroom::qr::{self, Modules};
use crate::pack::live::ActivePack;
use crate::ui::{self, UiParams};

/// The lesson link's QR (logical points).
const QR_SIDE: f32 = 220.0;

pub(super) fn show(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    pack: &ActivePack,
    desk: &TeacherDesk,
    link_qr: Option<&(String, Modules)>,
    requests: &mut MessageWriter<TeacherRequest>,
) {
    let theme = params.theme.clone();
    let zoom = params.layout.zoom();
    let lang = params.language.0;
    let language = *params.language;
    let t = |key: &str| language.t(key);
    ui::title(ui, &t("class.plan_title"), 28.0, theme.green_dark);
    ui::paragraph(ui, &t("class.plan_hint"), 18.0, theme.ink);
    for (scene_index, scene) in pack.0.scenes.iter().enumerate() {
        ui.add_space(8.0);
        ui::title(
            ui,
            &t(&format!("scene.{}.title", scene.id().name())),
            22.0,
            theme.ink,
        );
        ui.horizontal_wrapped(|ui| {
            for (level, summary) in scene.levels().iter().enumerate() {
                let minutes = scene.data.minutes(level).round();
                let label = format!(
                    "＋ {}  · {minutes} {}",
                    summary.title.get(lang),
                    t("class.minutes")
                );
                let name = format!("add_{scene_index}_{level}");
                if ui::small_button(ui, &mut params.rects, zoom, &name, &label).clicked() {
                    requests.write(TeacherRequest::Add(Step {
                        scene: scene_index,
                        level,
                    }));
                }
            }
        });
    }
    ui.add_space(14.0);
    ui::title(ui, &t("class.this_lesson"), 24.0, theme.ink);
    if desk.draft.is_empty() {
        ui::paragraph(ui, &t("class.empty_lesson"), 18.0, theme.muted);
    }
    for (i, step) in desk.draft.iter().enumerate() {
        let Some(scene) = pack.0.scenes.get(step.scene) else {
            continue;
        };
        let title = scene
            .levels()
            .get(step.level)
            .map(|l| l.title.get(lang).to_string())
            .unwrap_or_default();
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(format!("{}. {title}", i + 1))
                    .size(20.0)
                    .color(theme.ink),
            );
            if i > 0
                && ui::small_button(ui, &mut params.rects, zoom, &format!("up_{i}"), "↑").clicked()
            {
                requests.write(TeacherRequest::MoveUp(i));
            }
            if ui::small_button(ui, &mut params.rects, zoom, &format!("remove_{i}"), "✗").clicked()
            {
                requests.write(TeacherRequest::Remove(i));
            }
        });
    }
    let (minutes, fits) = desk.draft_minutes(&pack.0);
    let time = t("class.lesson_time")
        .replace("%{minutes}", &format!("{}", minutes.round()))
        .replace("%{lesson}", &format!("{LESSON_MINUTES}"));
    ui::paragraph(
        ui,
        &time,
        19.0,
        if fits { theme.green_dark } else { theme.error },
    );
    ui.add_space(10.0);
    let width = ui.available_width().min(360.0);
    let fill = if desk.draft.is_empty() {
        theme.muted
    } else {
        theme.green
    };
    if ui::big_button(
        ui,
        &mut params.rects,
        zoom,
        "make_lesson",
        &t("class.make_lesson"),
        fill,
        width,
    )
    .clicked()
    {
        requests.write(TeacherRequest::MakeLesson);
    }
    let Some((code, plan)) = &desk.lesson else {
        return;
    };
    ui.add_space(14.0);
    ui.vertical_centered(|ui| {
        ui::title(ui, &t("class.lesson_code"), 22.0, theme.ink);
        ui.label(
            egui::RichText::new(code)
                .size(40.0)
                .monospace()
                .strong()
                .color(theme.green_dark),
        );
        for step in 0..plan.steps.len() {
            ui::paragraph(
                ui,
                &format!("{}. {}", step + 1, plan.title(&pack.0, step).get(lang)),
                17.0,
                theme.muted,
            );
        }
        if let Some((link, modules)) = link_qr {
            ui::paragraph(ui, &t("class.link_hint"), 17.0, theme.ink);
            if only_this_computer(link) {
                ui::paragraph(ui, &t("class.link_local_only"), 17.0, theme.error);
            }
            ui.label(
                egui::RichText::new(link)
                    .size(16.0)
                    .monospace()
                    .color(theme.ink),
            );
            let response = qr::show(ui, modules, QR_SIDE.min(ui.available_width()));
            ui::record(&mut params.rects, zoom, "lesson_qr", response.rect);
        }
    });
}

/// Whether a link names this computer itself, which pupils' devices cannot open.
fn only_this_computer(link: &str) -> bool {
    let host = link.split("://").nth(1).unwrap_or(link);
    ["127.", "localhost", "[::1]", "0.0.0.0"]
        .iter()
        .any(|local| host.starts_with(local))
}

#[cfg(test)]
mod tests {
    use super::only_this_computer;

    #[test]
    fn a_link_to_this_computer_is_told_apart_from_one_pupils_can_open() {
        assert!(only_this_computer("http://127.0.0.1:8080/?lesson=X"));
        assert!(only_this_computer("http://localhost:8080/?lesson=X"));
        assert!(!only_this_computer("http://192.168.1.20:8080/?lesson=X"));
        assert!(!only_this_computer("https://exhibit.example.org/?lesson=X"));
    }
}
