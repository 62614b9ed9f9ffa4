//! Green Actor (绿色行动者): an interactive exhibit that teaches ecological habits.

rust_i18n::i18n!("assets/i18n", fallback = "zh");

pub mod asset_tracking;
pub mod audio;
pub mod classroom;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod i18n;
pub mod icons;
pub mod input_seen;
pub mod kiosk;
pub mod layout;
pub mod media;
pub mod options;
pub mod pack;
pub mod platform;
pub mod scenes;
pub mod screens;
pub mod test_hooks;
pub mod ui;
pub mod world;

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;
use bevy::window::WindowResolution;

pub use options::LaunchOptions;

/// The whole exhibit in a window (native) or a canvas (web).
pub fn app(options: LaunchOptions) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(AssetPlugin {
                meta_check: AssetMetaCheck::Never,
                ..default()
            })
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "绿色行动者 · Green Actor".into(),
                    resolution: WindowResolution::new(1366, 768),
                    canvas: Some("#game".into()),
                    fit_canvas_to_parent: true,
                    prevent_default_event_handling: true,
                    ..default()
                }),
                ..default()
            }),
    )
    .add_plugins(bevy_egui::EguiPlugin::default())
    .add_plugins(ui::plugin);
    game(&mut app, options);
    app
}

/// Everything that decides what happens, without window, rendering or egui: the headless tests
/// run exactly this on top of `MinimalPlugins` (art and sound load only where they can be shown).
pub fn game(app: &mut App, options: LaunchOptions) {
    let options = kiosk::launch_options(options);
    app.insert_resource(options).add_plugins((
        asset_tracking::plugin,
        icons::plugin,
        i18n::plugin,
        input_seen::plugin,
        layout::plugin,
        pack::loader::plugin,
        pack::live::plugin,
        pack::shelf::plugin,
        audio::plugin,
        world::plugin,
        screens::plugin,
        scenes::plugin,
        classroom::plugin,
        kiosk::plugin,
        test_hooks::plugin,
    ));
}
