//! A headless Green Actor: the real game plugins on `MinimalPlugins`, driven like a player.

#![allow(dead_code)]

use std::time::Duration;

use bevy::asset::AssetPlugin;
use bevy::camera::NormalizedRenderTarget;
use bevy::input::ButtonState;
use bevy::input::InputPlugin;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::picking::pointer::{Location, PointerAction, PointerButton, PointerId, PointerInput};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use green_actor::LaunchOptions;
use green_actor::screens::Screen;

pub fn app(seed: u64) -> App {
    app_with(LaunchOptions {
        seed: Some(seed),
        persist: false,
        ..default()
    })
}

/// A headless exhibit with these launch options (scenes may be added before the first update).
pub fn app_with(options: LaunchOptions) -> App {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        AssetPlugin {
            file_path: concat!(env!("CARGO_MANIFEST_DIR"), "/assets").into(),
            ..default()
        },
        StatesPlugin,
        InputPlugin,
    ))
    .add_message::<PointerInput>()
    .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        50,
    )));
    green_actor::game(&mut app, options);
    app
}

pub fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// Runs frames until `done` holds (asset loading happens on other threads).
pub fn run_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    for _ in 0..600 {
        app.update();
        if done(app) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("timed out waiting for {what}; screen is {:?}", screen(app));
}

pub fn frames(app: &mut App, n: usize) {
    for _ in 0..n {
        app.update();
    }
}

pub fn loaded(seed: u64) -> App {
    to_title(app(seed))
}

/// Runs until the start pack and every asset are in and the title shows.
pub fn to_title(mut app: App) -> App {
    run_until(&mut app, "the title screen", |app| {
        screen(app) == Screen::Title
    });
    app
}

fn pointer(app: &mut App, id: PointerId, at: Vec2, action: PointerAction) {
    let location = Location {
        target: NormalizedRenderTarget::None {
            width: 1366,
            height: 768,
        },
        position: at,
    };
    app.world_mut()
        .write_message(PointerInput::new(id, location, action));
}

pub fn press(app: &mut App, id: PointerId, at: Vec2) {
    pointer(app, id, at, PointerAction::Press(PointerButton::Primary));
    app.update();
}

pub fn release(app: &mut App, id: PointerId, at: Vec2) {
    pointer(app, id, at, PointerAction::Release(PointerButton::Primary));
    app.update();
}

/// A drag in small steps, as a finger or mouse makes it.
pub fn drag(app: &mut App, id: PointerId, from: Vec2, to: Vec2) {
    press(app, id, from);
    for step in 1..=8 {
        let at = from.lerp(to, step as f32 / 8.0);
        pointer(
            app,
            id,
            at,
            PointerAction::Move {
                delta: (to - from) / 8.0,
            },
        );
        app.update();
    }
    release(app, id, to);
}

pub fn tap(app: &mut App, id: PointerId, at: Vec2) {
    press(app, id, at);
    release(app, id, at);
}

pub fn key(app: &mut App, code: KeyCode) {
    let window = Entity::PLACEHOLDER;
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code: code,
            logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
            state,
            text: None,
            repeat: false,
            window,
        });
        app.update();
    }
}
