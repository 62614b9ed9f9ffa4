//! Every shipped pack validates clean; each broken fixture gives its located, bilingual errors;
//! the `validate` command reports them and exits non-zero.

use std::path::Path;
use std::process::Command;

use green_actor::pack::{Lang, MAX_LIST_ENTRIES, PackReport};
use green_actor::scenes::formats;
use green_actor::scenes::sorting::SCENE_ID as SORTING;
use green_actor::scenes::sorting::format::SortingData;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_pack_dir(dir: &Path) -> PackReport {
    green_actor::pack::read_pack_dir(dir, &formats())
}

fn sorting(report: PackReport) -> SortingData {
    report
        .pack
        .expect("the pack loads")
        .data::<SortingData>(SORTING)
        .expect("it has the sorting scene")
        .clone()
}

fn shipped_packs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(root().join("assets/packs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_shipped_pack_is_clean() {
    for dir in shipped_packs() {
        let report = read_pack_dir(&dir);
        assert!(
            report.problems.is_empty(),
            "{}: {:#?}",
            dir.display(),
            report.problems
        );
        assert!(report.pack.is_some());
    }
}

#[test]
fn the_default_pack_has_over_a_hundred_items_and_five_levels() {
    let sorting = sorting(read_pack_dir(&root().join("assets/packs/default")));
    assert!(sorting.items.len() >= 100, "{} items", sorting.items.len());
    assert!(sorting.levels.len() >= 5);
    for item in &sorting.items {
        assert!(
            !item.name.zh.is_empty() && !item.name.en.is_empty(),
            "{}",
            item.id
        );
        assert!(
            !item.reason.zh.is_empty() && !item.reason.en.is_empty(),
            "{}",
            item.id
        );
        assert!(!item.source.is_empty(), "{} has no source", item.id);
        assert!(sorting.bin(&item.bin).is_some(), "{}", item.id);
    }
}

/// The tricky items of the facts (§1.4, ★), sorted as the facts say under Chongqing rules.
#[test]
fn tricky_items_are_sorted_as_the_facts_say() {
    let sorting = sorting(read_pack_dir(&root().join("assets/packs/default")));
    let expected = [
        ("O01", "O", "used tissues"),
        ("O12", "O", "ordinary dry cells"),
        ("O07", "O", "big bones"),
        ("F09", "F", "small bones"),
        ("H09", "H", "expired medicine"),
        ("R05", "R", "milk cartons"),
        ("O16", "O", "greasy takeaway boxes"),
        ("R15", "R", "broken glass"),
        ("O19", "O", "broken ceramics"),
        ("H01", "H", "rechargeable batteries"),
        ("H02", "H", "button cells"),
        ("F08", "F", "eggshells"),
        ("O44", "O", "greasy paper"),
    ];
    for (id, bin, what) in expected {
        let item = sorting
            .item(id)
            .unwrap_or_else(|| panic!("{id} ({what}) is missing"));
        assert_eq!(item.bin_for(Some("chongqing")), bin, "{what}");
        assert!(item.tricky, "{what} is a common mistake");
    }
    let cosmetics = sorting.item("H20").unwrap();
    assert_eq!(cosmetics.bin_for(Some("chongqing")), "H");
    assert!(cosmetics.is_city_dependent());
}

/// Children sort by the picture: every item has its own, and its file exists.
#[test]
fn every_item_has_a_picture_of_its_own_that_exists() {
    for dir in shipped_packs() {
        let sorting = sorting(read_pack_dir(&dir));
        let mut seen = std::collections::HashMap::new();
        for item in &sorting.items {
            let file = root()
                .join("assets")
                .join(green_actor::icons::path(&item.icon));
            assert!(
                file.is_file(),
                "{}: {} has no picture {}",
                dir.display(),
                item.id,
                file.display()
            );
            if let Some(other) = seen.insert(item.icon.clone(), item.id.clone()) {
                panic!(
                    "{}: {} and {} share the picture {}",
                    dir.display(),
                    other,
                    item.id,
                    item.icon
                );
            }
        }
    }
}

/// A level that names a city holds only answers that city's own list gives: each item has a
/// rule for that city, or cites one of the city's own sources.
#[test]
fn every_city_level_cites_that_citys_own_list_for_every_item() {
    let mut city_levels = 0;
    for dir in shipped_packs() {
        let sorting = sorting(read_pack_dir(&dir));
        for level in &sorting.levels {
            let Some(city) = &level.city else { continue };
            city_levels += 1;
            let city = sorting
                .city(city)
                .unwrap_or_else(|| panic!("{}: {} is not a listed city", level.id, city));
            let items: Vec<&str> = match (&level.items, &level.draw) {
                (Some(ids), _) => ids.iter().map(String::as_str).collect(),
                _ => green_actor::scenes::sorting::rules::eligible(&sorting, level)
                    .into_iter()
                    .map(|i| sorting.items[i].id.as_str())
                    .collect(),
            };
            assert!(!items.is_empty(), "{}", level.id);
            for id in items {
                let item = sorting.item(id).unwrap();
                let (sources, _) = item.answer_source(Some(&city.id));
                assert!(
                    sources.iter().any(|key| city.source.contains(key)),
                    "{}: {} ({}) does not cite {}'s own list {:?}",
                    level.id,
                    id,
                    item.name.en,
                    city.name.en,
                    city.source
                );
            }
        }
    }
    assert!(city_levels >= 2, "the shipped packs have city levels");
}

#[test]
fn an_item_a_citys_list_does_not_give_is_refused_in_that_citys_level() {
    check_fixture(
        "city-level",
        &[Expect {
            file: "sorting/levels/chongqing.json",
            path: "items[1]",
            line: Some(5),
            zh: "不是来自重庆自己的清单",
            en: "does not come from Chongqing's own list",
        }],
        false,
    );
}

struct Expect {
    file: &'static str,
    path: &'static str,
    line: Option<usize>,
    zh: &'static str,
    en: &'static str,
}

fn check_fixture(name: &str, expected: &[Expect], pack_survives: bool) {
    let report = read_pack_dir(&root().join("tests/fixtures").join(name));
    for want in expected {
        let found = report.problems.iter().find(|p| {
            p.file == want.file
                && p.path == want.path
                && p.message.zh.contains(want.zh)
                && p.message.en.contains(want.en)
        });
        let problem = found.unwrap_or_else(|| {
            panic!(
                "{name}: no problem like {} {} {}; got {:#?}",
                want.file, want.path, want.en, report.problems
            )
        });
        assert_eq!(problem.line, want.line, "{name}: line of {}", want.path);
        assert!(problem.is_error());
    }
    assert_eq!(report.pack.is_some(), pack_survives, "{name}");
}

#[test]
fn a_syntax_error_is_located() {
    check_fixture(
        "broken-syntax",
        &[Expect {
            file: "pack.json",
            path: "",
            line: Some(6),
            zh: "JSON 格式错误",
            en: "invalid JSON",
        }],
        false,
    );
}

#[test]
fn a_newer_format_is_refused_clearly() {
    check_fixture(
        "newer-format",
        &[Expect {
            file: "pack.json",
            path: "format",
            line: Some(2),
            zh: "不受支持",
            en: "not supported",
        }],
        false,
    );
}

#[test]
fn every_problem_in_a_broken_scene_is_reported_and_the_rest_loads() {
    let items = "sorting/items.json";
    check_fixture(
        "broken-items",
        &[
            Expect {
                file: items,
                path: "items[1]",
                line: Some(15),
                zh: "缺少字段「reason」",
                en: "missing field `reason`",
            },
            Expect {
                file: items,
                path: "items[2].bin",
                line: Some(21),
                zh: "没有 id 为「X」的垃圾桶",
                en: "no bin with id \"X\"",
            },
            Expect {
                file: items,
                path: "items[3].name.en",
                line: Some(26),
                zh: "缺少英文文本",
                en: "English text is empty",
            },
            Expect {
                file: items,
                path: "items[4].source[0]",
                line: Some(32),
                zh: "未在 pack.json",
                en: "not listed",
            },
            Expect {
                file: items,
                path: "items[5].icon",
                line: Some(36),
                zh: "没有名为「wastebaskett」的图标（是不是想写「wastebasket」？）",
                en: "no icon named \"wastebaskett\" (did you mean \"wastebasket\"?)",
            },
            Expect {
                file: "sorting/levels/2.json",
                path: "items[1]",
                line: Some(4),
                zh: "找不到物品",
                en: "no item with id \"R99\"",
            },
            Expect {
                file: "sorting/levels/2.json",
                path: "pass_mark",
                line: Some(6),
                zh: "及格线",
                en: "pass_mark",
            },
        ],
        true,
    );
    let sorting = sorting(read_pack_dir(&root().join("tests/fixtures/broken-items")));
    assert_eq!(sorting.items.len(), 2, "the good items load");
    assert_eq!(sorting.levels.len(), 1, "the good level loads");
}

#[test]
fn the_validate_command_reports_and_fails() {
    let exe = env!("CARGO_BIN_EXE_green-actor");
    let ok = Command::new(exe)
        .args(["validate", "assets/packs/default"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let bad = Command::new(exe)
        .args(["validate", "tests/fixtures/broken-items"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let out = String::from_utf8_lossy(&bad.stdout);
    assert!(
        out.contains("sorting/items.json:15:5 items[1]: 错误: 缺少字段「reason」"),
        "{out}"
    );
    assert!(
        out.contains("sorting/items.json:15:5 items[1]: error: missing field `reason`"),
        "{out}"
    );
    let first =
        read_pack_dir(&root().join("tests/fixtures/broken-items")).problems[0].describe(Lang::En);
    assert!(out.contains(&first));
}

/// A pack.json of 100,000 nested brackets once overflowed the stack while its lines were indexed;
/// now it is one located error, and the built-in pack is untouched.
#[test]
fn a_deeply_nested_manifest_is_refused_with_a_located_error() {
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let report = green_actor::pack::parse_pack(
        &nested,
        &Default::default(),
        &green_actor::scenes::formats(),
    );
    assert!(report.pack.is_none());
    assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);
    let problem = &report.problems[0];
    assert_eq!(
        (problem.file.as_str(), problem.line),
        ("pack.json", Some(1))
    );
    assert!(problem.message.en.contains("recursion limit"));
    assert!(problem.message.zh.contains("嵌套太深"));
}

/// Twenty thousand copies of one item: the list limit is reported, each copy up to it is reported
/// on its own line, and the rest of the pack still loads (`tools/bench/validate-hostile.sh`
/// times it).
#[test]
fn twenty_thousand_copies_of_an_item_meet_the_list_limit_and_each_one_read_is_located() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/packs/default");
    let mut files = green_actor::pack::live::read_folder(&dir);
    let mut items: serde_json::Value =
        serde_json::from_slice(&files["sorting/items.json"]).unwrap();
    let list = items["items"].as_array_mut().unwrap();
    let original = list.len();
    let first = list[0].clone();
    list.extend(std::iter::repeat_n(first, 20_000));
    files.insert(
        "sorting/items.json".into(),
        serde_json::to_vec_pretty(&items).unwrap(),
    );
    let report = green_actor::pack::live::parse_files(&files, &green_actor::scenes::formats());
    let limit = report
        .errors()
        .find(|p| p.path == "items")
        .expect("the list limit is reported");
    assert!(
        limit.message.en.contains(&format!(
            "items has {} entries; at most {MAX_LIST_ENTRIES}",
            original + 20_000
        )),
        "{limit:?}"
    );
    let duplicates: Vec<_> = report
        .errors()
        .filter(|p| p.message.en.contains("used twice"))
        .collect();
    assert_eq!(duplicates.len(), MAX_LIST_ENTRIES - original);
    assert_eq!(duplicates[0].path, format!("items[{original}].id"));
    let lines: std::collections::HashSet<_> = duplicates.iter().map(|p| p.line).collect();
    assert_eq!(
        lines.len(),
        duplicates.len(),
        "each copy is found on its own line"
    );
    assert!(report.pack.is_some(), "the pack still plays");
}

/// Limits with clear messages: a file over 16 MB is refused before it is parsed, a text over
/// 1,000 characters is an error at its place; the rest of the pack still loads.
#[test]
fn an_oversize_file_and_an_oversize_text_are_refused_with_their_limits() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/packs/default");
    let mut files = green_actor::pack::live::read_folder(&dir);
    let mut items: serde_json::Value =
        serde_json::from_slice(&files["sorting/items.json"]).unwrap();
    items["items"][0]["reason"]["en"] = "very ".repeat(300).into();
    files.insert(
        "sorting/items.json".into(),
        serde_json::to_vec(&items).unwrap(),
    );
    let mut huge = files["travel/modes.json"].clone();
    huge.extend(std::iter::repeat_n(b' ', green_actor::pack::MAX_FILE_BYTES));
    files.insert("travel/modes.json".into(), huge);
    let report = green_actor::pack::live::parse_files(&files, &green_actor::scenes::formats());
    let long = report
        .errors()
        .find(|p| p.path == "items[0].reason.en")
        .expect("the long text is reported at its place");
    assert!(
        long.message.en.contains("1500 characters; at most 1000"),
        "{long:?}"
    );
    assert!(long.message.zh.contains("最多 1000 个"));
    let large = report
        .errors()
        .find(|p| p.file == "travel/modes.json")
        .expect("the large file is reported");
    assert!(large.message.en.contains("at most 16.0 MB"), "{large:?}");
    assert!(large.message.zh.contains("文件太大"));
    let pack = report.pack.expect("the rest still plays");
    assert!(pack.scene(green_actor::scenes::sorting::SCENE_ID).is_some());
}

/// `pack build` makes one file; `validate` reads it back; a broken pack is not built.
#[test]
fn a_pack_is_built_into_one_zip_that_validates() {
    let exe = env!("CARGO_BIN_EXE_green-actor");
    let out = std::env::temp_dir().join(format!("green-actor-test-{}.zip", std::process::id()));
    let built = Command::new(exe)
        .args(["pack", "build", "assets/packs/shanghai"])
        .arg(&out)
        .current_dir(root())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&built.stdout);
    assert!(built.status.success(), "{said}");
    assert!(said.contains("content sha256: "), "{said}");
    let again = Command::new(exe)
        .args(["validate"])
        .arg(&out)
        .current_dir(root())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&again.stdout);
    assert!(again.status.success(), "{report}");
    assert!(report.contains("0 errors, 0 warnings"), "{report}");
    std::fs::remove_file(&out).ok();

    let refused = Command::new(exe)
        .args(["pack", "build", "tests/fixtures/broken-items"])
        .arg(&out)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stdout).contains("nothing was built"));
    assert!(!out.exists(), "a broken pack is not built");
}

/// A copy of a pack's files in a fresh temporary folder, for a command to change.
fn copy_of(pack: &Path, tag: &str) -> std::path::PathBuf {
    let copy = std::env::temp_dir().join(format!("green-actor-{tag}-{}", std::process::id()));
    std::fs::remove_dir_all(&copy).ok();
    for name in green_actor::pack::live::read_folder(pack).keys() {
        let target = copy.join(name);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(pack.join(name), target).unwrap();
    }
    copy
}

/// A spreadsheet of items (the template in `docs/examples/`, UTF-8 with a BOM as Excel writes
/// it) goes into a copy of a pack, which then validates clean; a broken table changes nothing.
#[test]
fn a_spreadsheet_of_items_goes_into_a_pack() {
    let exe = env!("CARGO_BIN_EXE_green-actor");
    let pack = root().join("assets/packs/shanghai");
    let copy = copy_of(&pack, "csv");
    let items = copy.join("sorting/items.json");
    let original: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&items).unwrap()).unwrap();
    let emptied = serde_json::json!({"cities": original["cities"], "bins": original["bins"], "items": [], "facts": original["facts"]});
    std::fs::write(&items, emptied.to_string()).unwrap();

    let run = Command::new(exe)
        .args(["pack", "from-csv", "docs/examples/sorting-items.csv"])
        .arg(&copy)
        .current_dir(root())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{said}");
    assert!(said.contains("0 errors, 0 warnings"), "{said}");
    let rebuilt: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&items).unwrap()).unwrap();
    assert_eq!(
        rebuilt["items"], original["items"],
        "the table holds the pack's own items"
    );

    let broken = copy.join("broken.csv");
    std::fs::write(
        &broken,
        "id,name_zh,name_en,bin,reason_zh,reason_en,icon,sources\n",
    )
    .unwrap();
    let refused = Command::new(exe)
        .args(["pack", "from-csv"])
        .arg(&broken)
        .arg(&copy)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&refused.stdout);
    assert!(!refused.status.success());
    assert!(said.contains("broken.csv:1 sources"), "{said}");
    assert!(said.contains("did you mean \"source\""), "{said}");
    let after: serde_json::Value = serde_json::from_slice(&std::fs::read(&items).unwrap()).unwrap();
    assert_eq!(after, rebuilt, "a broken table changes nothing");
    std::fs::remove_dir_all(&copy).ok();
}

/// The schemas in `docs/schema/` are the ones the pack types make now (`green-actor pack schema`
/// writes them), and the folder holds nothing else.
#[test]
fn the_committed_schemas_are_those_the_pack_types_make() {
    let dir = root().join(green_actor::pack::schema::SCHEMA_DIR);
    let made = green_actor::pack::schema::all(&formats());
    for (name, text) in &made {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            committed == *text,
            "{name} is out of date: run `cargo run -- pack schema`"
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = made.into_iter().map(|(name, _)| name).collect();
    expected.sort();
    assert_eq!(names, expected);
}

/// The example pack validates clean with its `$schema` lines, and the zip beside it is exactly
/// what `pack build` makes of it.
#[test]
fn the_example_pack_is_clean_and_its_zip_is_what_pack_build_makes() {
    let dir = root().join("docs/examples/pack");
    let report = read_pack_dir(&dir);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let text = std::fs::read_to_string(dir.join("pack.json")).unwrap();
    assert!(text.contains("\"$schema\": \"../../schema/pack.schema.json\""));
    let files = green_actor::pack::live::read_folder(&dir);
    let (zip, _) = green_actor::pack::archive::write_zip(&files).unwrap();
    let committed = std::fs::read(root().join("docs/examples/example-shanghai-1.0.0.zip")).unwrap();
    assert!(
        zip == committed,
        "the example zip is stale: run `cargo run -- pack build docs/examples/pack docs/examples/example-shanghai-1.0.0.zip`"
    );
}

/// A table of trips (the example pack's `travel/trips.csv`) replaces the trips of the week it
/// names; a table naming a week the pack does not have changes nothing.
#[test]
fn a_spreadsheet_of_trips_goes_into_its_week() {
    let exe = env!("CARGO_BIN_EXE_green-actor");
    let pack = root().join("docs/examples/pack");
    let copy = copy_of(&pack, "trips");
    // The copy takes the table's trips into its week file instead of reading the table.
    let manifest = copy.join("pack.json");
    let mut listed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    listed["scenes"][1]["tables"] = serde_json::json!([]);
    std::fs::write(&manifest, listed.to_string()).unwrap();

    let run = Command::new(exe)
        .args(["pack", "from-csv", "docs/examples/pack/travel/trips.csv"])
        .arg(&copy)
        .current_dir(root())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{said}");
    assert!(said.contains("example-travel-1: 2"), "{said}");
    assert!(said.contains("0 errors, 0 warnings"), "{said}");
    let week = copy.join("travel/levels/01-school-run.json");
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&week).unwrap()).unwrap();
    let ids: Vec<&str> = written["trips"]
        .as_array()
        .unwrap()
        .iter()
        .map(|trip| trip["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["school-bookshop", "school-late"]);
    assert_eq!(
        written["trips"][0]["choices"][1]["legs"][1],
        serde_json::json!({"mode": "metro", "km": 2.8})
    );

    let stray = copy.join("stray.csv");
    let table = std::fs::read_to_string(pack.join("travel/trips.csv")).unwrap();
    std::fs::write(&stray, table.replace("example-travel-1", "week-9")).unwrap();
    let refused = Command::new(exe)
        .args(["pack", "from-csv"])
        .arg(&stray)
        .arg(&copy)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("there is no week with id \"week-9\"")
    );
    let after: serde_json::Value = serde_json::from_slice(&std::fs::read(&week).unwrap()).unwrap();
    assert_eq!(
        after, written,
        "a table naming an unknown week changes nothing"
    );
    std::fs::remove_dir_all(&copy).ok();
}

/// `validate` takes a pack's `pack.json` as its folder, and a table on its own (its header and
/// cells; a trips table is known by its `week` column).
#[test]
fn the_validate_command_takes_a_manifest_or_a_table() {
    let exe = env!("CARGO_BIN_EXE_green-actor");
    let run = |path: &str| {
        let out = Command::new(exe)
            .args(["validate", path])
            .current_dir(root())
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (ok, said) = run("docs/examples/pack/pack.json");
    assert!(ok && said.contains("sorting: 10 items, 1 levels"), "{said}");
    let (ok, said) = run("docs/examples/pack/travel/trips.csv");
    assert!(ok && said.contains("trips table: 2 trips"), "{said}");
    let (ok, said) = run("tests/fixtures/packs/table-bad-rows/sorting/items.csv");
    assert!(!ok, "{said}");
    assert!(
        said.contains("items.csv:4 tricky: error: \"maybe\" is not yes or no"),
        "{said}"
    );
    assert!(said.contains("items table: 2 items"), "{said}");
}
