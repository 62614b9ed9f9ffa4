//! Loading: waits for the start pack and every tracked asset, showing real progress.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::asset_tracking::{AssetTracker, Progress};
use crate::i18n::Language;
use crate::pack::live::{ActivePack, PackStatus};
use crate::ui::{self, Theme, UiSystems};

/// This frame's progress, counted once for the check and the bar.
#[derive(Resource, Default)]
struct LoadingProgress(Progress);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LoadingProgress>()
        .add_systems(Update, check_loading.run_if(in_state(Screen::Loading)))
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(UiSystems).run_if(in_state(Screen::Loading)),
        );
}

fn check_loading(
    tracker: Res<AssetTracker>,
    server: Res<AssetServer>,
    pack: Option<Res<ActivePack>>,
    mut progress: ResMut<LoadingProgress>,
    mut next: ResMut<NextState<Screen>>,
) {
    progress.0 = tracker.progress(&server);
    if pack.is_some() && progress.0.done == progress.0.total {
        next.set(Screen::Title);
    }
}

fn show(
    mut contexts: EguiContexts,
    progress: Res<LoadingProgress>,
    pack: Option<Res<ActivePack>>,
    status: Res<PackStatus>,
    language: Res<Language>,
    theme: Res<Theme>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let progress = &progress.0;
    // The pack counts as one more thing to load.
    let done = progress.done + usize::from(pack.is_some());
    let fraction = done as f32 / (progress.total + 1) as f32;
    egui::CentralPanel::default().frame(egui::Frame::NONE).show(
        &mut ui::root_ui(&ctx, "loading"),
        |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.35);
                ui.label(ui::title_text(&language.t("app.title"), 48.0, theme.ink));
                ui.add_space(16.0);
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(ui.available_width().min(480.0))
                        .fill(theme.green)
                        .text(format!(
                            "{} {:.0}%",
                            language.t("loading.progress"),
                            fraction * 100.0
                        )),
                );
                for message in &progress.failed {
                    ui.colored_label(theme.error, message);
                }
                let (shown, more) =
                    crate::pack::listed(status.problems.iter().filter(|p| p.is_error()));
                for problem in shown {
                    ui.colored_label(theme.error, problem.describe(language.0));
                }
                if let Some(more) = more {
                    ui.colored_label(theme.error, more.get(language.0));
                }
            });
        },
    );
    Ok(())
}
