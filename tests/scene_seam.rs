//! The seam every scene plugs into: a scene registered with one line is read from packs, listed
//! in the pack's order, played and published to the tests' state; packs load at any time, and
//! one with nothing playable never takes the built-in pack down.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use bevy::prelude::*;
use green_actor::LaunchOptions;
use green_actor::options::StartPack;
use green_actor::pack::live::{
    ActivePack, BUILTIN_PACK, LoadPack, PackSource, PackStatus, parse_files, read_folder,
};
use green_actor::pack::{
    LevelFile, LevelSummary, Localized, Parsed, Question, SceneData, SceneFormat, SceneId,
    SceneInput, read_levels,
};
use green_actor::scenes::river::SCENE_ID as RIVER;
use green_actor::scenes::sorting::SCENE_ID as SORTING;
use green_actor::scenes::travel::SCENE_ID as TRAVEL;
use green_actor::scenes::{AddScene, Scene, formats};
use green_actor::screens::{Navigate, Screen};
use green_actor::test_hooks::{PublishScenes, SceneTestState};

const DUMMY: SceneId = SceneId("dummy");

/// A scene with nothing but levels, as small as a scene can be.
struct DummyFormat;

#[derive(serde::Deserialize)]
struct DummyLevel {
    id: String,
    title: Localized,
}

impl LevelFile for DummyLevel {
    fn id(&self) -> &str {
        &self.id
    }

    fn title(&self) -> &Localized {
        &self.title
    }
}

#[derive(Debug)]
struct DummyData(Vec<LevelSummary>);

impl SceneData for DummyData {
    fn levels(&self) -> Vec<LevelSummary> {
        self.0.clone()
    }

    fn contents(&self) -> Localized {
        Localized::new("无", "nothing")
    }

    fn preview(&self, _level: usize) -> Vec<Localized> {
        vec![Localized::new("一轮", "one round")]
    }

    fn questions(&self, _level: usize, _seed: u64) -> Vec<Question> {
        Vec::new()
    }

    fn minutes(&self, _level: usize) -> f32 {
        1.0
    }
}

impl SceneFormat for DummyFormat {
    fn id(&self) -> SceneId {
        DUMMY
    }

    fn card_icons(&self) -> &'static [&'static str] {
        &["seedling"]
    }

    fn parse(&self, input: SceneInput<'_>) -> Parsed {
        let mut problems = Vec::new();
        let levels: Vec<DummyLevel> =
            read_levels(input.entry, input.files, &mut problems, |_, _| {});
        let summaries = levels
            .into_iter()
            .map(|level| LevelSummary {
                id: level.id,
                title: level.title,
            })
            .collect::<Vec<_>>();
        Parsed {
            data: (!summaries.is_empty())
                .then(|| Arc::new(DummyData(summaries)) as Arc<dyn SceneData>),
            problems,
        }
    }
}

/// Marks that the dummy scene's own plugin ran when its level was played.
#[derive(Resource)]
struct DummyPlayed;

fn dummy_plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Playing(DUMMY)), |mut commands: Commands| {
        commands.insert_resource(DummyPlayed)
    })
    .add_systems(
        Last,
        (|mut state: ResMut<SceneTestState>| {
            state
                .0
                .insert(DUMMY.name(), serde_json::json!({"phase": "playing"}));
        })
        .in_set(PublishScenes)
        .run_if(in_state(Screen::Playing(DUMMY))),
    );
}

fn dummy_scene() -> Scene {
    Scene {
        format: &DummyFormat,
        plugin: dummy_plugin,
        autoplayer: |_| {},
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The built-in pack with a dummy scene listed first: its manifest, its files and one more.
fn pack_with_dummy_first(dummy_entries: usize) -> BTreeMap<String, Vec<u8>> {
    let mut files = read_folder(&root().join("assets").join(BUILTIN_PACK));
    let mut manifest: serde_json::Value = serde_json::from_slice(&files["pack.json"]).unwrap();
    let entry = serde_json::json!({"scene": "dummy", "levels": ["dummy/1.json"]});
    let scenes = manifest["scenes"].as_array_mut().unwrap();
    for _ in 0..dummy_entries {
        scenes.insert(0, entry.clone());
    }
    files.insert("pack.json".into(), serde_json::to_vec(&manifest).unwrap());
    files.insert(
        "dummy/1.json".into(),
        r#"{"id": "dummy-1", "title": {"zh": "试玩", "en": "Try"}}"#
            .as_bytes()
            .to_vec(),
    );
    files
}

#[test]
fn a_registered_scene_is_read_from_packs_in_manifest_order() {
    let mut all = formats();
    all.register(&DummyFormat);
    let report = parse_files(&pack_with_dummy_first(1), &all);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let pack = report.pack.unwrap();
    assert_eq!(
        pack.scene_ids(),
        vec![DUMMY, SORTING, TRAVEL, RIVER],
        "manifest order"
    );
    assert_eq!(pack.scene(DUMMY).unwrap().levels()[0].id, "dummy-1");
    assert_eq!(pack.scene(DUMMY).unwrap().format.card_icons(), ["seedling"]);
    assert!(pack.data::<DummyData>(DUMMY).is_some());
    assert!(
        pack.data::<DummyData>(SORTING).is_none(),
        "each scene has its own type"
    );
}

#[test]
fn a_scene_this_build_does_not_know_is_skipped_with_a_warning() {
    let report = parse_files(&pack_with_dummy_first(1), &formats());
    let pack = report.pack.expect("the sorting scene still plays");
    assert_eq!(pack.scene_ids(), vec![SORTING, TRAVEL, RIVER]);
    let warning = &report.problems[0];
    assert!(!warning.is_error());
    assert_eq!(warning.path, "scenes[0].scene");
    assert!(warning.message.en.contains("\"dummy\""), "{warning:?}");
}

#[test]
fn a_second_entry_for_the_same_scene_is_an_error() {
    let mut all = formats();
    all.register(&DummyFormat);
    let report = parse_files(&pack_with_dummy_first(2), &all);
    let error = report
        .errors()
        .find(|p| p.path == "scenes[1].scene")
        .expect("the second entry is reported");
    assert!(error.message.en.contains("listed twice"), "{error:?}");
    assert!(error.message.zh.contains("两次"));
    assert_eq!(
        report.pack.unwrap().scene_ids(),
        vec![DUMMY, SORTING, TRAVEL, RIVER]
    );
}

#[test]
fn a_scene_added_with_one_line_is_loaded_listed_played_and_published() {
    let mut app = common::app_with(LaunchOptions {
        seed: Some(1),
        persist: false,
        test_hooks: true,
        ..default()
    });
    app.add_scene(dummy_scene());
    let mut app = common::to_title(app);
    app.world_mut().write_message(LoadPack(PackSource::Files {
        label: "with-dummy".into(),
        files: pack_with_dummy_first(1),
    }));
    common::run_until(&mut app, "the pack with the dummy scene", |app| {
        app.world().resource::<ActivePack>().0.scene_ids() == vec![DUMMY, SORTING, TRAVEL, RIVER]
    });
    app.world_mut().write_message(Navigate::Play(DUMMY, 0));
    common::frames(&mut app, 3);
    assert_eq!(common::screen(&app), Screen::Playing(DUMMY));
    assert!(app.world().contains_resource::<DummyPlayed>());
    let state = app.world().resource::<SceneTestState>();
    assert_eq!(state.0[DUMMY.name()]["phase"], "playing");
}

fn active_id(app: &App) -> String {
    app.world().resource::<ActivePack>().0.manifest.id.clone()
}

#[test]
fn a_pack_loads_after_start_up_and_a_round_in_play_gives_way_to_it() {
    let mut app = common::loaded(1);
    assert_eq!(active_id(&app), "default");
    app.world_mut().write_message(Navigate::Play(SORTING, 0));
    common::frames(&mut app, 3);
    app.world_mut()
        .write_message(LoadPack(PackSource::Folder("packs/shanghai".into())));
    common::run_until(&mut app, "the Shanghai pack", |app| {
        active_id(app) == "shanghai"
    });
    common::frames(&mut app, 3);
    assert_eq!(
        common::screen(&app),
        Screen::SceneSelect,
        "the round of the old pack ends; the visitor chooses from the new one"
    );
    let status = app.world().resource::<PackStatus>();
    assert_eq!(status.label, "packs/shanghai");
    assert!(status.problems.is_empty(), "{:#?}", status.problems);
}

#[test]
fn a_pack_from_files_in_memory_loads_after_start_up() {
    let mut app = common::loaded(1);
    let files = read_folder(&root().join("assets/packs/shanghai"));
    app.world_mut().write_message(LoadPack(PackSource::Files {
        label: "shanghai.zip".into(),
        files,
    }));
    common::run_until(&mut app, "the Shanghai pack", |app| {
        active_id(app) == "shanghai"
    });
    assert_eq!(app.world().resource::<PackStatus>().label, "shanghai.zip");
}

#[test]
fn a_pack_with_nothing_playable_leaves_the_built_in_pack_running_and_says_why() {
    let mut app = common::loaded(1);
    let files = read_folder(&root().join("tests/fixtures/broken-syntax"));
    app.world_mut().write_message(LoadPack(PackSource::Files {
        label: "broken.zip".into(),
        files,
    }));
    common::run_until(&mut app, "the report on the broken pack", |app| {
        app.world().resource::<PackStatus>().rejected.is_some()
    });
    let status = app.world().resource::<PackStatus>();
    assert_eq!(status.rejected.as_deref(), Some("broken.zip"));
    assert_eq!(status.label, BUILTIN_PACK);
    let syntax = status
        .problems
        .iter()
        .find(|p| p.file == "pack.json" && p.line == Some(6))
        .expect("the syntax error is kept, with its place");
    assert!(syntax.message.zh.contains("JSON 格式错误"));
    assert_eq!(active_id(&app), "default");
}

#[test]
fn the_start_pack_is_chosen_by_name_and_a_broken_one_falls_back() {
    let named = common::to_title(common::app_with(LaunchOptions {
        pack: StartPack::Named("shanghai".into()),
        persist: false,
        ..default()
    }));
    assert_eq!(active_id(&named), "shanghai");

    let broken = root().join("tests/fixtures/newer-format");
    let app = common::to_title(common::app_with(LaunchOptions {
        pack: StartPack::Path(broken.clone()),
        persist: false,
        ..default()
    }));
    assert_eq!(active_id(&app), "default", "the built-in pack stands in");
    let status = app.world().resource::<PackStatus>();
    assert_eq!(status.rejected, Some(broken.display().to_string()));
    assert!(status.problems.iter().any(|p| p.path == "format"));
}
