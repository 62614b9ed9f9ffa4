//! Loading: waits for the pack and every tracked asset, showing real progress.

use std::sync::Arc;

use bevy::asset::{LoadState, UntypedHandle};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::i18n::Language;
use crate::options::LaunchOptions;
use crate::pack::loader::PackAsset;
use crate::pack::{Pack, Problem};
use crate::ui::{self, Theme};

/// The checked built-in pack, available from the title screen on.
#[derive(Resource, Clone, Debug)]
pub struct LoadedPack(pub Arc<Pack>);

/// Problems found while loading the pack (warnings, or errors in parts left out).
#[derive(Resource, Clone, Debug, Default)]
pub struct PackProblems(pub Vec<Problem>);

/// Handles the loading screen waits for; any plugin may add its own.
#[derive(Resource, Default)]
pub struct LoadingTracker {
    pub handles: Vec<UntypedHandle>,
    pack: Handle<PackAsset>,
    pub loaded: usize,
    pub failed: Vec<String>,
}

impl LoadingTracker {
    pub fn total(&self) -> usize {
        self.handles.len() + 1
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LoadingTracker>()
        .init_resource::<PackProblems>()
        .add_systems(Startup, start_loading)
        .add_systems(Update, check_loading.run_if(in_state(Screen::Loading)))
        .add_systems(
            EguiPrimaryContextPass,
            show.run_if(in_state(Screen::Loading)),
        );
}

fn start_loading(
    mut tracker: ResMut<LoadingTracker>,
    server: Res<AssetServer>,
    options: Res<LaunchOptions>,
) {
    tracker.pack = server.load(format!("{}/pack.json", options.pack));
}

fn check_loading(
    mut commands: Commands,
    mut tracker: ResMut<LoadingTracker>,
    server: Res<AssetServer>,
    packs: Res<Assets<PackAsset>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let mut loaded = 0;
    let mut failed = Vec::new();
    for handle in &tracker.handles {
        match server.load_state(handle.id()) {
            LoadState::Loaded => loaded += 1,
            LoadState::Failed(err) => {
                loaded += 1;
                failed.push(err.to_string());
            }
            _ => {}
        }
    }
    let pack = packs.get(&tracker.pack);
    if let LoadState::Failed(err) = server.load_state(tracker.pack.id()) {
        failed.push(err.to_string());
    }
    tracker.loaded = loaded + usize::from(pack.is_some());
    tracker.failed = failed;
    let Some(PackAsset(report)) = pack else {
        return;
    };
    if loaded < tracker.handles.len() {
        return;
    }
    commands.insert_resource(PackProblems(report.problems.clone()));
    for problem in &report.problems {
        warn!("{}", problem.describe(crate::pack::Lang::En));
    }
    if let Some(pack) = &report.pack {
        commands.insert_resource(LoadedPack(Arc::new(pack.clone())));
        next.set(Screen::Title);
    }
}

fn show(
    mut contexts: EguiContexts,
    tracker: Res<LoadingTracker>,
    problems: Res<PackProblems>,
    language: Res<Language>,
    theme: Res<Theme>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    egui::CentralPanel::default().frame(egui::Frame::NONE).show(
        &mut ui::root_ui(&ctx, "loading"),
        |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.35);
                ui.label(ui::title_text(&language.t("app.title"), 48.0, theme.ink));
                ui.add_space(16.0);
                let fraction = tracker.loaded as f32 / tracker.total() as f32;
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
                for message in &tracker.failed {
                    ui.colored_label(theme.error, message);
                }
                for problem in problems.0.iter().filter(|p| p.is_error()) {
                    ui.colored_label(theme.error, problem.describe(language.0));
                }
            });
        },
    );
    Ok(())
}
