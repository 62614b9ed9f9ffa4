//! The pack manager, headless, through the messages its buttons and the page send: a picked pack
//! is previewed before it is used, a broken one cannot be used and changes nothing, a kept one is
//! used at once, and the built-in pack comes back when the one in use is removed.

mod common;

use std::path::Path;

use bevy::prelude::*;
use common::{loaded, run_until, screen};
use green_actor::pack::live::ActivePack;
use green_actor::pack::shelf::{OpenPack, Origin, Preview, Shelf, ShelfRequest};
use green_actor::screens::Screen;

fn file(path: &str) -> (String, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    (name, std::fs::read(&path).unwrap())
}

fn open(app: &mut App, origin: Origin, picked: (String, Vec<u8>)) {
    app.world_mut().write_message(OpenPack {
        label: picked.0.clone(),
        origin,
        files: vec![picked],
    });
}

fn running(app: &App) -> String {
    app.world().resource::<ActivePack>().0.manifest.id.clone()
}

fn preview(app: &App) -> Option<&green_actor::pack::shelf::Opened> {
    app.world().resource::<Preview>().0.as_ref()
}

const EXAMPLE_ZIP: &str = "docs/examples/example-shanghai-1.0.0.zip";

#[test]
fn a_picked_pack_is_previewed_then_used_and_kept_as_the_active_one() {
    let mut app = loaded(1);
    assert_eq!(running(&app), "default");
    open(&mut app, Origin::Picked, file(EXAMPLE_ZIP));
    run_until(&mut app, "the report", |app| screen(app) == Screen::Packs);
    let opened = preview(&app).expect("the opened pack is previewed");
    assert!(
        opened.report.problems.is_empty(),
        "{:?}",
        opened.report.problems
    );
    assert_eq!(opened.id(), "example-shanghai@1.0.0");
    let pack = opened.report.pack.as_ref().unwrap();
    let previews: Vec<usize> = pack
        .scenes
        .iter()
        .map(|scene| scene.data.preview(0).len())
        .collect();
    assert_eq!(
        previews,
        [11, 4],
        "a line on how it plays, then 10 items; then 3 trips"
    );
    assert_eq!(
        running(&app),
        "default",
        "nothing changes before it is used"
    );

    app.world_mut().write_message(ShelfRequest::UseOpened);
    run_until(&mut app, "the example pack running", |app| {
        running(app) == "example-shanghai"
    });
    let shelf = app.world().resource::<Shelf>();
    assert_eq!(shelf.active.as_deref(), Some("example-shanghai@1.0.0"));
    assert_eq!(shelf.kept.len(), 1);
    assert!(preview(&app).is_none());

    app.world_mut()
        .write_message(ShelfRequest::Remove("example-shanghai@1.0.0".into()));
    run_until(&mut app, "the built-in pack again", |app| {
        running(app) == "default"
    });
    assert!(app.world().resource::<Shelf>().kept.is_empty());
}

#[test]
fn a_broken_pack_shows_its_located_problems_and_cannot_be_used() {
    let mut app = loaded(2);
    open(
        &mut app,
        Origin::Picked,
        file("tests/fixtures/broken-syntax/pack.json"),
    );
    run_until(&mut app, "the report", |app| preview(app).is_some());
    let opened = preview(&app).unwrap();
    assert!(opened.report.pack.is_none());
    let first = &opened.report.problems[0];
    assert_eq!((first.file.as_str(), first.line), ("pack.json", Some(6)));

    app.world_mut().write_message(ShelfRequest::UseOpened);
    common::frames(&mut app, 3);
    assert!(
        preview(&app).is_some(),
        "still shown: there is nothing to use"
    );
    assert_eq!(running(&app), "default");
    app.world_mut().write_message(ShelfRequest::Discard);
    common::frames(&mut app, 2);
    assert!(preview(&app).is_none());
    assert_eq!(running(&app), "default", "the built-in pack never stopped");
}

#[test]
fn a_kept_pack_is_used_at_once_without_a_preview() {
    let mut app = loaded(3);
    open(&mut app, Origin::Kept, file(EXAMPLE_ZIP));
    run_until(&mut app, "the kept pack running", |app| {
        running(app) == "example-shanghai"
    });
    assert!(preview(&app).is_none());
    assert_eq!(screen(&app), Screen::Title);
}
