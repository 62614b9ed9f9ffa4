//! The pack manager: which pack runs (title and version), the packs this browser keeps, opening a
//! teacher's file; an opened pack shows its check report and a preview of every level before
//! anyone plays it.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Navigate, Screen};
use crate::pack::live::{ActivePack, PackStatus};
use crate::pack::shelf::{Opened, Preview, Shelf, ShelfRequest};
use crate::pack::{Localized, Pack, Problem, listed};
use crate::test_hooks::{PublishScenes, SceneTestState};
use crate::ui::{self, UiParams, UiSystems};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (show_new_preview, keys.run_if(in_state(Screen::Packs))),
    )
    .add_systems(Last, publish_state.in_set(PublishScenes))
    .add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiSystems).run_if(in_state(Screen::Packs)),
    );
}

/// A pack opened from anywhere (a drop, a link) is shown in the manager at once, or as soon as
/// loading is over (a link arrives while the exhibit is still loading).
fn show_new_preview(
    preview: Res<Preview>,
    screen: Res<State<Screen>>,
    mut waiting: Local<bool>,
    mut navigate: MessageWriter<Navigate>,
) {
    if preview.is_changed() && preview.0.is_some() {
        *waiting = true;
    }
    if *waiting && *screen.get() != Screen::Loading {
        *waiting = false;
        navigate.write(Navigate::Packs);
    }
}

fn keys(input: Res<ButtonInput<KeyCode>>, mut navigate: MessageWriter<Navigate>) {
    if input.just_pressed(KeyCode::Escape) {
        navigate.write(Navigate::Title);
    }
}

/// The widest an action button grows (logical points).
const ACTION_WIDTH: f32 = 300.0;

fn show(
    mut params: UiParams,
    pack: Res<ActivePack>,
    status: Res<PackStatus>,
    shelf: Res<Shelf>,
    preview: Res<Preview>,
    mut asked: MessageWriter<ShelfRequest>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let theme = params.theme.clone();
    ui::corner_language_switch(&ctx, &mut params);
    if ui::corner_home(&ctx, &mut params) {
        navigate.write(Navigate::Title);
    }
    let mut root = ui::root_ui(&ctx, "packs");
    let mut requests = Vec::new();
    action_bar(&mut root, &mut params, preview.0.as_ref(), &mut requests);
    ui::card_page(
        &mut root,
        &theme,
        ui::WIDE_CARD_WIDTH,
        |ui| match &preview.0 {
            Some(opened) => report(ui, &params, opened),
            None => manager(ui, &mut params, &pack.0, &status, &shelf, &mut requests),
        },
    );
    if requests.contains(&ShelfRequest::UseOpened)
        && preview
            .0
            .as_ref()
            .is_some_and(|opened| opened.report.pack.is_some())
    {
        navigate.write(Navigate::SceneSelect);
    }
    asked.write_batch(requests);
    Ok(())
}

/// Open a file, or (over a preview) use it or put it away: fixed at the bottom of the window.
fn action_bar(
    root: &mut egui::Ui,
    params: &mut UiParams,
    opened: Option<&Opened>,
    requests: &mut Vec<ShelfRequest>,
) {
    let theme = params.theme.clone();
    let language = *params.language;
    let buttons: Vec<(&str, String, egui::Color32, ShelfRequest)> = match opened {
        Some(opened) => [
            opened.report.pack.is_some().then(|| {
                (
                    "use_pack",
                    language.t("packs.use"),
                    theme.green,
                    ShelfRequest::UseOpened,
                )
            }),
            Some((
                "discard_pack",
                language.t("packs.discard"),
                theme.muted,
                ShelfRequest::Discard,
            )),
        ]
        .into_iter()
        .flatten()
        .collect(),
        None => vec![(
            "open_pack",
            language.t("packs.open"),
            theme.green,
            ShelfRequest::Pick,
        )],
    };
    if let Some(request) = ui::action_bar(root, params, "packs-actions", ACTION_WIDTH, buttons) {
        requests.push(request);
    }
}

/// The running pack, the store's latest notice, and the packs this browser keeps.
fn manager(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    pack: &Pack,
    status: &PackStatus,
    shelf: &Shelf,
    requests: &mut Vec<ShelfRequest>,
) {
    let theme = params.theme.clone();
    let language = *params.language;
    let lang = language.0;
    let t = |key: &str| language.t(key);
    let zoom = params.layout.zoom();
    ui::title(ui, &t("packs.heading"), 34.0, theme.ink);
    ui.add_space(6.0);
    ui::paragraph(ui, &running_line(params, pack), 21.0, theme.green_dark);
    if let Some(rejected) = &status.rejected {
        let line = t("packs.rejected").replace("%{pack}", rejected);
        ui::paragraph(ui, &line, 18.0, theme.error);
    }
    if let Some(notice) = &shelf.notice {
        ui::paragraph(ui, notice.get(lang), 18.0, theme.error);
    }
    ui.add_space(8.0);
    ui::paragraph(ui, &t("packs.how"), 19.0, theme.ink);
    ui.add_space(12.0);
    ui::title(ui, &t("packs.kept"), 24.0, theme.ink);
    let builtin = Localized::new("内置内容", "Built-in content");
    let rows = std::iter::once((None, builtin, String::new()))
        .chain(shelf.kept.iter().map(|kept| {
            let line = format!("{} · {}", kept.version, kept.label);
            (Some(kept.id.clone()), kept.title.clone(), line)
        }))
        .enumerate();
    for (index, (id, title, detail)) in rows {
        ui.separator();
        let in_use = shelf.active == id;
        ui.horizontal_wrapped(|ui| {
            ui.vertical(|ui| {
                ui.label(egui::RichText::new(title.get(lang)).size(21.0).strong());
                if !detail.is_empty() {
                    ui.label(egui::RichText::new(detail).size(16.0).color(theme.muted));
                }
            });
            if in_use {
                ui.label(
                    egui::RichText::new(t("packs.in_use"))
                        .size(19.0)
                        .color(theme.green_dark),
                );
                return;
            }
            let name = format!("use_kept_{index}");
            if ui::small_button(ui, &mut params.rects, zoom, &name, &t("packs.use_kept")).clicked()
            {
                requests.push(match &id {
                    Some(id) => ShelfRequest::UseKept(id.clone()),
                    None => ShelfRequest::UseBuiltin,
                });
            }
            if let Some(id) = &id {
                let name = format!("remove_kept_{index}");
                if ui::small_button(ui, &mut params.rects, zoom, &name, &t("packs.remove"))
                    .clicked()
                {
                    requests.push(ShelfRequest::Remove(id.clone()));
                }
            }
        });
    }
}

/// "正在使用：title · 版本 1.0.0".
pub fn running_line(params: &UiParams, pack: &Pack) -> String {
    let manifest = &pack.manifest;
    format!(
        "{}{} · {} {}",
        params.language.t("packs.running"),
        params.language.pick(&manifest.title),
        params.language.t("packs.version"),
        manifest.version
    )
}

/// An opened pack's check report, then a preview of every level that will be played.
fn report(ui: &mut egui::Ui, params: &UiParams, opened: &Opened) {
    let theme = &params.theme;
    let language = *params.language;
    let lang = language.0;
    let t = |key: &str| language.t(key);
    ui::title(ui, &t("packs.report"), 34.0, theme.ink);
    let heading = match &opened.report.pack {
        Some(pack) => format!(
            "{} · {} {}",
            language.pick(&pack.manifest.title),
            t("packs.version"),
            pack.manifest.version
        ),
        None => opened.label.clone(),
    };
    ui::paragraph(ui, &heading, 22.0, theme.green_dark);
    let problems = &opened.report.problems;
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let summary = t("packs.counts")
        .replace("%{errors}", &errors.to_string())
        .replace("%{warnings}", &(problems.len() - errors).to_string());
    ui::paragraph(ui, &summary, 20.0, theme.ink);
    if opened.report.pack.is_none() {
        ui::paragraph(ui, &t("packs.nothing_playable"), 20.0, theme.error);
    } else if errors > 0 {
        ui::paragraph(ui, &t("packs.partly_playable"), 18.0, theme.ink);
    }
    let (shown, more) = listed(problems);
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        for problem in shown {
            problem_line(ui, params, problem);
        }
        if let Some(more) = more {
            ui::paragraph(ui, more.get(lang), 17.0, theme.muted);
        }
    });
    let Some(pack) = &opened.report.pack else {
        return;
    };
    ui.add_space(12.0);
    ui::title(ui, &t("packs.preview"), 28.0, theme.ink);
    for scene in &pack.scenes {
        let id = scene.id();
        ui.add_space(6.0);
        ui::title(ui, &t(&format!("scene.{id}.title")), 24.0, theme.ink);
        ui.label(egui::RichText::new(scene.data.contents().get(lang).to_string()).size(18.0));
        for (index, level) in scene.levels().iter().enumerate() {
            let lines = scene.data.preview(index);
            egui::CollapsingHeader::new(
                egui::RichText::new(format!("{}. {}", index + 1, level.title.get(lang)))
                    .size(20.0)
                    .strong(),
            )
            .id_salt(format!("preview-{id}-{index}"))
            .default_open(index == 0)
            .show(ui, |ui| {
                for line in &lines {
                    ui::paragraph(ui, line.get(lang), 17.0, theme.ink);
                }
            });
        }
    }
}

fn problem_line(ui: &mut egui::Ui, params: &UiParams, problem: &Problem) {
    let theme = &params.theme;
    let color = if problem.is_error() {
        theme.error
    } else {
        theme.muted
    };
    ui::paragraph(ui, &problem.describe(params.language.0), 17.0, color);
}

/// The manager's state for the browser tests: the kept packs, the store's notice and the opened
/// pack's report with each level's preview lines.
fn publish_state(
    shelf: Res<Shelf>,
    preview: Res<Preview>,
    language: Res<crate::i18n::Language>,
    mut state: ResMut<SceneTestState>,
) {
    let lang = language.0;
    let opened = preview.0.as_ref().map(|opened| {
        let problems = &opened.report.problems;
        let levels: Vec<serde_json::Value> = opened
            .report
            .pack
            .iter()
            .flat_map(|pack| &pack.scenes)
            .flat_map(|scene| {
                scene.levels().into_iter().enumerate().map(|(index, level)| {
                    serde_json::json!({
                        "scene": scene.id().name(),
                        "title": level.title.get(lang),
                        "lines": scene.data.preview(index).iter().map(|l| l.get(lang)).collect::<Vec<_>>(),
                    })
                })
            })
            .collect();
        serde_json::json!({
            "label": opened.label,
            "id": opened.id(),
            "playable": opened.report.pack.is_some(),
            "errors": problems.iter().filter(|p| p.is_error()).count(),
            "warnings": problems.iter().filter(|p| !p.is_error()).count(),
            "problems": listed(problems).0.iter().map(|p| p.describe(lang)).collect::<Vec<_>>(),
            "levels": levels,
        })
    });
    state.0.insert(
        "packs",
        serde_json::json!({
            "kept": shelf.kept.iter().map(|kept| kept.id.clone()).collect::<Vec<_>>(),
            "active": shelf.active,
            "notice": shelf.notice.as_ref().map(|notice| notice.get(lang).to_string()),
            "opened": opened,
        }),
    );
}
