//! The shell's state flow, headless: loading → title → scene select → playing → results, and the
//! language switch.

mod common;

use bevy::prelude::*;
use green_actor::i18n::{Language, SetLanguage};
use green_actor::pack::Lang;
use green_actor::scenes::SceneKind;
use green_actor::screens::{LoadedPack, Navigate, PackProblems, Screen};

#[test]
fn loads_the_built_in_pack_and_reaches_the_title() {
    let app = common::loaded(1);
    let pack = app.world().resource::<LoadedPack>();
    assert_eq!(pack.0.scenes(), vec![SceneKind::Sorting]);
    let problems = app.world().resource::<PackProblems>();
    assert!(
        problems.0.is_empty(),
        "the built-in pack has problems: {:?}",
        problems.0
    );
}

#[test]
fn keys_move_through_the_screens() {
    let mut app = common::loaded(1);
    common::key(&mut app, KeyCode::Enter);
    common::frames(&mut app, 2);
    assert_eq!(common::screen(&app), Screen::SceneSelect);
    common::key(&mut app, KeyCode::Escape);
    common::frames(&mut app, 2);
    assert_eq!(common::screen(&app), Screen::Title);
}

#[test]
fn navigation_reaches_every_screen_and_cleans_up() {
    let mut app = common::loaded(1);
    app.world_mut()
        .write_message(Navigate::Play(SceneKind::Sorting, 0));
    common::frames(&mut app, 3);
    assert_eq!(common::screen(&app), Screen::Playing(SceneKind::Sorting));
    let bins = app
        .world_mut()
        .query::<&green_actor::scenes::sorting::view::BinView>()
        .iter(app.world())
        .count();
    assert_eq!(bins, 4);
    app.world_mut().write_message(Navigate::SceneSelect);
    common::frames(&mut app, 3);
    assert_eq!(common::screen(&app), Screen::SceneSelect);
    let bins = app
        .world_mut()
        .query::<&green_actor::scenes::sorting::view::BinView>()
        .iter(app.world())
        .count();
    assert_eq!(bins, 0, "leaving the scene despawns what it spawned");
}

#[test]
fn the_language_switch_changes_every_string_at_once() {
    let mut app = common::loaded(1);
    assert_eq!(
        app.world().resource::<Language>().0,
        Lang::Zh,
        "Chinese first"
    );
    assert_eq!(
        app.world().resource::<Language>().t("app.title"),
        "绿色行动者"
    );
    app.world_mut().write_message(SetLanguage(Lang::En));
    common::frames(&mut app, 1);
    let language = *app.world().resource::<Language>();
    assert_eq!(language.0, Lang::En);
    assert_eq!(language.t("app.title"), "Green Actor");
    assert_eq!(language.t("title.start"), "Start");
}
