//! The shell's state flow, headless: loading → title → scene select → playing → results, and the
//! language switch.

mod common;

use bevy::prelude::*;
use green_actor::i18n::{Language, SetLanguage};
use green_actor::pack::Lang;
use green_actor::pack::live::{ActivePack, PackStatus};
use green_actor::scenes::sorting::SCENE_ID;
use green_actor::scenes::sorting::view::BinView;
use green_actor::screens::{Navigate, Screen};

#[test]
fn loads_the_built_in_pack_and_reaches_the_title() {
    let app = common::loaded(1);
    let pack = app.world().resource::<ActivePack>();
    assert_eq!(
        pack.0.scene_ids(),
        vec![
            SCENE_ID,
            green_actor::scenes::travel::SCENE_ID,
            green_actor::scenes::river::SCENE_ID
        ]
    );
    let status = app.world().resource::<PackStatus>();
    assert!(
        status.problems.is_empty(),
        "the built-in pack has problems: {:?}",
        status.problems
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

fn bins(app: &mut App) -> usize {
    app.world_mut()
        .query::<&BinView>()
        .iter(app.world())
        .count()
}

#[test]
fn leaving_a_scene_despawns_what_it_spawned() {
    let mut app = common::loaded(1);
    app.world_mut().write_message(Navigate::Play(SCENE_ID, 0));
    common::frames(&mut app, 3);
    assert_eq!(common::screen(&app), Screen::Playing(SCENE_ID));
    assert_eq!(bins(&mut app), 4);
    app.world_mut().write_message(Navigate::SceneSelect);
    common::frames(&mut app, 3);
    assert_eq!(common::screen(&app), Screen::SceneSelect);
    assert_eq!(bins(&mut app), 0);
}

fn strings(lang: &str) -> serde_json::Map<String, serde_json::Value> {
    let path = format!("{}/assets/i18n/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn shows_every_string_of(app: &App, lang: &str) {
    let language = app.world().resource::<Language>();
    let file = strings(lang);
    assert!(file.len() > 20, "{} strings", file.len());
    for (key, text) in &file {
        assert_eq!(language.t(key), text.as_str().unwrap(), "{key} in {lang}");
    }
}

#[test]
fn switching_language_changes_every_ui_string() {
    let mut app = common::loaded(1);
    assert_eq!(
        app.world().resource::<Language>().0,
        Lang::Zh,
        "Chinese first"
    );
    shows_every_string_of(&app, "zh");
    app.world_mut().write_message(SetLanguage(Lang::En));
    common::frames(&mut app, 1);
    shows_every_string_of(&app, "en");
}
