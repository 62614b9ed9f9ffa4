//! Broken packs, one kind of fault each (`tests/fixtures/packs/`): every fixture gives exactly the
//! problems a teacher needs to fix it, in Chinese and English, at the file, JSON path and line to
//! change, and whatever is still playable loads. Zips are read as `green-actor validate x.zip`
//! reads them (`tests/fixtures/packs/make-zips.py` makes them).

use std::path::{Path, PathBuf};
use std::process::Command;

use green_actor::pack::{Lang, PackReport, Problem, Severity};
use green_actor::scenes::formats;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const FIXTURES: &str = "tests/fixtures/packs";

fn fixtures() -> PathBuf {
    root().join(FIXTURES)
}

/// One problem a fixture must give: where, how bad, and words each language's message holds.
struct Expect {
    file: &'static str,
    path: &'static str,
    line: Option<usize>,
    severity: Severity,
    en: &'static str,
    zh: &'static str,
}

const fn error(
    file: &'static str,
    path: &'static str,
    line: Option<usize>,
    en: &'static str,
    zh: &'static str,
) -> Expect {
    Expect {
        file,
        path,
        line,
        severity: Severity::Error,
        en,
        zh,
    }
}

const fn warning(
    file: &'static str,
    path: &'static str,
    line: Option<usize>,
    en: &'static str,
    zh: &'static str,
) -> Expect {
    Expect {
        file,
        path,
        line,
        severity: Severity::Warning,
        en,
        zh,
    }
}

impl Expect {
    fn matches(&self, problem: &Problem) -> bool {
        problem.file == self.file
            && problem.path == self.path
            && problem.line == self.line
            && problem.severity == self.severity
            && problem.message.en.contains(self.en)
            && problem.message.zh.contains(self.zh)
    }

    fn describe(&self) -> String {
        let place = match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.to_string(),
        };
        format!(
            "{place} {}: {:?}: …{}… / …{}…",
            self.path, self.severity, self.en, self.zh
        )
    }
}

/// A broken pack (a folder or a `.zip` in `tests/fixtures/packs/`) and all it must report.
struct Case {
    name: &'static str,
    expect: &'static [Expect],
    /// Whether some scene of it still plays.
    playable: bool,
}

/// A pack folder as the exhibit and `validate` read it; a zip as `validate x.zip` does, its
/// unreadable archive named by the path given (`cli.rs`, `check`).
fn read_fixture(name: &str) -> PackReport {
    let path = fixtures().join(name);
    if path.is_dir() {
        return green_actor::pack::read_pack_dir(&path, &formats());
    }
    let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("{name}: {err}"));
    match green_actor::pack::archive::read_zip(&bytes) {
        Ok(files) => green_actor::pack::live::parse_files(&files, &formats()),
        Err(message) => PackReport::unreadable(&format!("{FIXTURES}/{name}"), message),
    }
}

fn shown(problem: &Problem) -> String {
    format!("{} / {}", problem.describe(Lang::En), problem.message.zh)
}

/// Every expected problem is reported, nothing else is, and the playable part loads.
fn check(case: &Case) {
    let report = read_fixture(case.name);
    let mut unexpected: Vec<&Problem> = report.problems.iter().collect();
    let mut missing = Vec::new();
    for want in case.expect {
        match unexpected.iter().position(|problem| want.matches(problem)) {
            Some(found) => {
                unexpected.remove(found);
            }
            None => missing.push(want.describe()),
        }
    }
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "{}:\n  expected, not reported:\n    {}\n  reported, not expected:\n    {}",
        case.name,
        missing.join("\n    "),
        unexpected
            .iter()
            .map(|problem| shown(problem))
            .collect::<Vec<_>>()
            .join("\n    ")
    );
    assert_eq!(
        report.pack.is_some(),
        case.playable,
        "{}: whether something still plays",
        case.name
    );
}

/// The table of broken packs: one test each, named for what it asserts, and `CASES` for the test
/// that every fixture has its expectations.
macro_rules! broken_packs {
    ($(
        $(#[$doc:meta])*
        fn $test:ident() {
            pack: $name:literal,
            playable: $playable:literal,
            problems: [$($expect:expr),* $(,)?] $(,)?
        }
    )*) => {
        const CASES: &[Case] = &[$(Case {
            name: $name,
            expect: &[$($expect),*],
            playable: $playable,
        }),*];

        $(
            $(#[$doc])*
            #[test]
            fn $test() {
                check(CASES.iter().find(|case| case.name == $name).unwrap());
            }
        )*
    };
}

broken_packs! {
    // JSON syntax.

    /// The comma after a level's last item: its line, and the other level still plays.
    fn a_trailing_comma_in_a_level_is_a_syntax_error_on_its_line() {
        pack: "bad-json-trailing-comma",
        playable: true,
        problems: [error(
            "sorting/levels/1.json",
            "",
            Some(16),
            "trailing comma at line 16 column 3",
            "JSON 格式错误（第 16 行第 3 列）",
        )],
    }

    /// A comma forgotten between two items: the line of the next item; without its data file
    /// the scene, and so the pack, has nothing to play.
    fn a_missing_comma_between_items_is_a_syntax_error_on_its_line() {
        pack: "bad-json-missing-comma",
        playable: false,
        problems: [
            error(
                "sorting/items.json",
                "",
                Some(142),
                "expected `,` or `]` at line 142 column 5",
                "JSON 格式错误（第 142 行第 5 列）",
            ),
            error("pack.json", "scenes", Some(57), "no playable scene", "没有可以玩的场景"),
        ],
    }

    /// 100,000 nested brackets in a level: one error on line 1, no stack overflow.
    fn a_level_nested_a_hundred_thousand_deep_is_one_error_on_line_1() {
        pack: "deeply-nested-level",
        playable: true,
        problems: [error(
            "sorting/levels/1.json",
            "",
            Some(1),
            "recursion limit exceeded",
            "括号嵌套太深",
        )],
    }

    // Types and fields: the place is the key that is wrong, not the top of its file or entry.

    /// `"pass_mark": "0.6"`: a number written as text, reported at `pass_mark`.
    fn a_pass_mark_written_as_text_is_reported_at_pass_mark() {
        pack: "wrong-type-pass-mark-string",
        playable: true,
        problems: [error(
            "sorting/levels/1.json",
            "pass_mark",
            Some(19),
            "invalid type: string \"0.6\"",
            "类型不对",
        )],
    }

    /// `"en": 42` in an item's name: reported at that name.
    fn a_number_where_a_name_belongs_is_reported_at_that_name() {
        pack: "wrong-type-number-as-text",
        playable: true,
        problems: [error(
            "sorting/items.json",
            "items[4].name.en",
            Some(192),
            "invalid type: integer `42`, expected a string",
            "类型不对",
        )],
    }

    /// `"titel"` for `"title"` in a level: reported at the misspelt key.
    fn a_misspelt_field_is_reported_at_the_misspelt_key() {
        pack: "unknown-field-titel",
        playable: true,
        problems: [error(
            "sorting/levels/1.json",
            "titel",
            Some(3),
            "unknown field `titel`",
            "未知字段「titel」",
        )],
    }

    /// A level title with `"en": ""`.
    fn an_empty_english_title_is_reported_at_title_en() {
        pack: "missing-language-empty-en",
        playable: true,
        problems: [error(
            "sorting/levels/2.json",
            "title.en",
            Some(5),
            "the English text is empty",
            "缺少英文文本",
        )],
    }

    /// An item's name with no `zh` at all: reported at that name.
    fn a_name_without_chinese_is_reported_at_that_name() {
        pack: "missing-language-no-zh",
        playable: true,
        problems: [error(
            "sorting/items.json",
            "items[4].name",
            Some(190),
            "missing field `zh`",
            "缺少字段「zh」",
        )],
    }

    /// A reason of 1,231 characters.
    fn a_text_over_1000_characters_is_reported_with_its_length() {
        pack: "oversize-text",
        playable: true,
        problems: [error(
            "sorting/items.json",
            "items[4].reason.en",
            Some(197),
            "the text is too long (1231 characters; at most 1000)",
            "文字太长（1231 个字符），最多 1000 个",
        )],
    }

    // References.

    /// `"bin": "recycle"` where the bins are recyclable, hazardous, wet and dry.
    fn an_unknown_bin_is_reported_with_the_nearest_bin() {
        pack: "unknown-bin-id",
        playable: true,
        problems: [error(
            "sorting/items.json",
            "items[4].bin",
            Some(194),
            "there is no bin with id \"recycle\" (did you mean \"recyclable\"?)",
            "没有 id 为「recycle」的垃圾桶（是不是想写「recyclable」？）",
        )],
    }

    /// `"icon": "foam-packagin"`.
    fn an_unknown_icon_is_reported_with_the_nearest_icon() {
        pack: "unknown-icon",
        playable: true,
        problems: [error(
            "sorting/items.json",
            "items[4].icon",
            Some(205),
            "there is no icon named \"foam-packagin\" (did you mean \"foam-packaging\"?)",
            "没有名为「foam-packagin」的图标（是不是想写「foam-packaging」？）",
        )],
    }

    /// An item citing `S88`, which pack.json does not list.
    fn a_source_not_in_pack_json_is_reported_where_it_is_cited() {
        pack: "unknown-source",
        playable: true,
        problems: [error(
            "sorting/items.json",
            "items[4].source[1]",
            Some(208),
            "source \"S88\" is not listed in pack.json sources",
            "来源「S88」未在 pack.json 的 sources 中列出",
        )],
    }

    /// A level naming `SH-F99`, which no item has.
    fn a_level_naming_a_missing_item_suggests_the_nearest_item() {
        pack: "dangling-item-reference",
        playable: true,
        problems: [error(
            "sorting/levels/1.json",
            "items[2]",
            Some(14),
            "there is no item with id \"SH-F99\" (did you mean \"SH-F03\"?)",
            "找不到物品「SH-F99」（是不是想写「SH-F03」？）",
        )],
    }

    /// An item left out for its own error (an unknown icon) is there in the file: the level
    /// naming it says it has errors, not that it does not exist.
    fn a_level_naming_a_broken_item_says_the_item_has_errors() {
        pack: "level-names-a-broken-item",
        playable: true,
        problems: [
            error(
                "sorting/items.json",
                "items[0].icon",
                Some(113),
                "there is no icon named \"milk-cartn\" (did you mean \"milk-carton\"?)",
                "没有名为「milk-cartn」的图标（是不是想写「milk-carton」？）",
            ),
            error(
                "sorting/levels/1.json",
                "items[0]",
                Some(12),
                "item \"SH-R01\" has errors",
                "物品「SH-R01」有错误",
            ),
        ],
    }

    /// A fifth item with the first one's id: the copy is reported, the first is kept.
    fn a_second_item_with_the_same_id_is_reported_at_its_id() {
        pack: "duplicate-item-ids",
        playable: true,
        problems: [error(
            "sorting/items.json",
            "items[4].id",
            Some(189),
            "item id \"SH-R01\" is used twice",
            "物品 id「SH-R01」重复了",
        )],
    }

    /// Two levels with the id `try-1`: the second is reported, the first plays.
    fn a_second_level_with_the_same_id_is_reported_at_its_id() {
        pack: "duplicate-level-ids",
        playable: true,
        problems: [error(
            "sorting/levels/2.json",
            "id",
            Some(2),
            "level id \"try-1\" is used twice",
            "关卡 id「try-1」重复了",
        )],
    }

    /// `"items": []` with `"count": 4`.
    fn a_level_with_no_items_is_reported_at_its_count() {
        pack: "empty-level",
        playable: true,
        problems: [error(
            "sorting/levels/1.json",
            "count",
            Some(12),
            "count is 4 but only 0 items are listed",
            "count 为 4，但只列出了 0 个物品",
        )],
    }

    // The manifest.

    /// A folder of scene files with no pack.json.
    fn a_folder_without_pack_json_is_refused() {
        pack: "missing-pack-json",
        playable: false,
        problems: [error(
            "pack.json",
            "",
            None,
            "pack.json is missing or cannot be read",
            "找不到或无法读取 pack.json",
        )],
    }

    /// pack.json names `sorting/levels/3.json`, which is not there: reported where it is named,
    /// the line to fix; the other levels play.
    fn a_level_file_that_is_not_there_is_reported_where_pack_json_names_it() {
        pack: "missing-level-file",
        playable: true,
        problems: [error(
            "pack.json",
            "scenes[0].levels[2]",
            Some(64),
            "the file \"sorting/levels/3.json\" is missing",
            "找不到文件「sorting/levels/3.json」",
        )],
    }

    /// `"../x.json"` in pack.json: one error where it is named; nothing outside is looked for.
    fn a_path_leaving_the_pack_is_one_error_where_it_is_named() {
        pack: "path-leaves-pack",
        playable: true,
        problems: [error(
            "pack.json",
            "scenes[0].levels[1]",
            Some(63),
            "the file path \"../x.json\" must be relative and inside the pack",
            "文件路径「../x.json」必须是内容包内的相对路径",
        )],
    }

    /// `"scene": "sortng"`: skipped with a warning naming the scenes there are; then nothing
    /// plays.
    fn an_unknown_scene_is_skipped_with_a_warning_naming_the_known_scenes() {
        pack: "unknown-scene-name",
        playable: false,
        problems: [
            warning(
                "pack.json",
                "scenes[0].scene",
                Some(59),
                "does not know the scene \"sortng\"; skipped (known: sorting, travel, river)",
                "此版本还不支持场景「sortng」，已跳过（支持：sorting、travel、river）",
            ),
            error("pack.json", "scenes", Some(57), "no playable scene", "没有可以玩的场景"),
        ],
    }

    /// The sorting scene listed twice: the second is reported, the first plays.
    fn a_scene_listed_twice_is_reported_at_the_second() {
        pack: "duplicate-scene",
        playable: true,
        problems: [error(
            "pack.json",
            "scenes[1].scene",
            Some(67),
            "the scene \"sorting\" is listed twice",
            "场景「sorting」写了两次",
        )],
    }

    /// `"format": 2`.
    fn a_newer_format_is_refused_at_format() {
        pack: "newer-format",
        playable: false,
        problems: [error(
            "pack.json",
            "format",
            Some(2),
            "pack format 2 is not supported (this build reads format 1)",
            "内容包格式版本 2 不受支持",
        )],
    }

    // Travel: each fault is in the first week; the second week still plays.

    /// A leg by `"buss"`.
    fn an_unknown_mode_in_a_leg_is_reported_with_the_nearest_mode() {
        pack: "travel-unknown-mode",
        playable: true,
        problems: [error(
            "travel/levels/1.json",
            "trips[0].choices[1].legs[0].mode",
            Some(38),
            "there is no mode with id \"buss\" (did you mean \"bus\"?)",
            "找不到出行方式「buss」（是不是想写「bus」？）",
        )],
    }

    /// A trip to `"scool"`.
    fn an_unknown_place_is_reported_with_the_nearest_place() {
        pack: "travel-unknown-place",
        playable: true,
        problems: [error(
            "travel/levels/1.json",
            "trips[0].to",
            Some(19),
            "there is no place with id \"scool\" (did you mean \"school\"?)",
            "找不到地点「scool」（是不是想写「school」？）",
        )],
    }

    /// Six ways to make one trip, where a phone has room for five.
    fn a_trip_with_six_choices_is_reported_at_its_choices() {
        pack: "travel-too-many-choices",
        playable: true,
        problems: [error(
            "travel/levels/1.json",
            "trips[0].choices",
            Some(26),
            "a trip needs 1 to 5 ways to go (it has 6)",
            "每趟出行要有 1 到 5 种走法（现在是 6 种）",
        )],
    }

    /// A walk of -2 km.
    fn a_negative_leg_is_reported_at_its_km() {
        pack: "travel-negative-km",
        playable: true,
        problems: [error(
            "travel/levels/1.json",
            "trips[0].choices[0].legs[0].km",
            Some(31),
            "each leg must be longer than 0 km",
            "每段路程必须大于 0 公里",
        )],
    }

    /// Two minutes for 2.4 km: no way to go arrives in time.
    fn a_time_limit_no_choice_can_meet_is_reported_at_the_choices() {
        pack: "travel-impossible-time-limit",
        playable: true,
        problems: [error(
            "travel/levels/1.json",
            "trips[0].choices",
            Some(26),
            "no choice of this trip arrives in time",
            "没有一个能按时到达",
        )],
    }

    /// `"outcome_fact": "line2-first-monorial"`: like every other unknown name, with the
    /// nearest one.
    fn an_unknown_fact_is_reported_with_the_nearest_fact() {
        pack: "travel-unknown-fact",
        playable: true,
        problems: [error(
            "travel/levels/1.json",
            "outcome_fact",
            Some(107),
            "\"line2-first-monorial\" (did you mean \"line2-first-monorail\"?)",
            "「line2-first-monorial」（是不是想写「line2-first-monorail」？）",
        )],
    }

    // Spreadsheets inside a pack (`tables`): problems at their row and column.

    /// Rows with an unknown bin, a cell that is not yes or no, a week that does not exist and a
    /// way without its km: each at its row and column; the level naming the broken item says
    /// it has errors; the travel week still plays with the rows that were right.
    fn rows_of_a_table_are_reported_at_their_row_and_column() {
        pack: "table-bad-rows",
        playable: true,
        problems: [
            error(
                "sorting/items.csv",
                "tricky",
                Some(4),
                "\"maybe\" is not yes or no",
                "「maybe」不是 是/否",
            ),
            error(
                "sorting/items.csv",
                "bin",
                Some(2),
                "there is no bin with id \"RR\" (did you mean \"R\"?)",
                "没有 id 为「RR」的垃圾桶（是不是想写「R」？）",
            ),
            error(
                "sorting/levels/01-shanghai.json",
                "items[8]",
                Some(21),
                "item \"SH-R06\" has errors of its own",
                "物品「SH-R06」有错误",
            ),
            error(
                "sorting/items.json",
                "",
                None,
                "the sorting scene has no usable level",
                "分类场景没有可用的关卡",
            ),
            error(
                "travel/trips.csv",
                "choices",
                Some(3),
                "\"walk\" should be \"mode km\"",
                "「walk」应写成「方式 公里数」",
            ),
            error(
                "travel/trips.csv",
                "week",
                Some(2),
                "there is no week (level) with id \"example-travel-9\" (did you mean \"example-travel-1\"?)",
                "没有 id 为「example-travel-9」的一周",
            ),
        ],
    }

    /// A table saved as plain CSV by Chinese Excel (GBK): told to save it as CSV UTF-8; the
    /// level then misses the items the table held.
    fn a_table_in_gbk_is_told_to_be_saved_as_csv_utf8() {
        pack: "table-gbk",
        playable: true,
        problems: [
            error(
                "sorting/items.csv",
                "",
                None,
                "save a spreadsheet from Excel or WPS as \"CSV UTF-8\"",
                "另存为“CSV UTF-8”",
            ),
            error(
                "sorting/levels/01-shanghai.json",
                "items[8]",
                Some(21),
                "there is no item with id \"SH-R06\"",
                "找不到物品「SH-R06」",
            ),
            error(
                "sorting/levels/01-shanghai.json",
                "items[9]",
                Some(22),
                "there is no item with id \"SH-H02\"",
                "找不到物品「SH-H02」",
            ),
            error(
                "sorting/items.json",
                "",
                None,
                "the sorting scene has no usable level",
                "分类场景没有可用的关卡",
            ),
        ],
    }

    // The pack's own pictures.

    /// A 10,000 × 10,000 picture (97 KB of compressed zeros): refused from its header, and the
    /// item showing it is told so at its row.
    fn a_picture_of_ten_thousand_pixels_square_is_refused_from_its_header() {
        pack: "picture-too-large",
        playable: true,
        problems: [
            error(
                "pictures/huge.png",
                "",
                None,
                "the picture is too large (10000×10000 pixels; at most 1024×1024)",
                "图片太大（10000×10000 像素）",
            ),
            error(
                "sorting/items.csv",
                "icon",
                Some(3),
                "there is no picture \"pictures/huge.png\" in the pack, or it was refused",
                "内容包里没有图片「pictures/huge.png」",
            ),
            error(
                "sorting/levels/01-shanghai.json",
                "items[9]",
                Some(22),
                "item \"SH-H02\" has errors of its own",
                "物品「SH-H02」有错误",
            ),
            error(
                "sorting/items.json",
                "",
                None,
                "the sorting scene has no usable level",
                "分类场景没有可用的关卡",
            ),
        ],
    }

    // Zips: a refused archive is one problem named by the zip's path, with no line.

    /// An entry `../evil.json` beside a good pack.
    fn a_zip_entry_leaving_the_pack_is_refused() {
        pack: "zip-path-traversal.zip",
        playable: false,
        problems: [error(
            "tests/fixtures/packs/zip-path-traversal.zip",
            "",
            None,
            "the zip path \"../evil.json\" points outside the pack; refused",
            "zip 里的路径「../evil.json」指向内容包外面，已拒绝",
        )],
    }

    /// An entry `/abs.json` beside a good pack: an absolute path, which a zip must not hold
    /// (APPNOTE 4.4.17), is refused like `../`.
    fn a_zip_entry_with_an_absolute_path_is_refused() {
        pack: "zip-absolute-path.zip",
        playable: false,
        problems: [error(
            "tests/fixtures/packs/zip-absolute-path.zip",
            "",
            None,
            "the zip path \"/abs.json\" points outside the pack; refused",
            "zip 里的路径「/abs.json」指向内容包外面，已拒绝",
        )],
    }

    /// One entry of 100 MB of zeros, 100 KB in the zip: reading stops at the limit.
    fn a_zip_entry_unpacking_past_the_limit_is_refused() {
        pack: "zip-bomb.zip",
        playable: false,
        problems: [error(
            "tests/fixtures/packs/zip-bomb.zip",
            "",
            None,
            "\"sorting/items.json\" unpacks too large: at most 16 MB a file and 64 MB in all",
            "「sorting/items.json」解压后太大",
        )],
    }

    /// Five entries of 15 MB each: none too large alone, the fifth past 64 MB in all.
    fn a_zip_unpacking_past_64_mb_in_all_is_refused_at_that_entry() {
        pack: "zip-bomb-total.zip",
        playable: false,
        problems: [error(
            "tests/fixtures/packs/zip-bomb-total.zip",
            "",
            None,
            "\"sorting/levels/5.json\" unpacks too large",
            "「sorting/levels/5.json」解压后太大",
        )],
    }

    /// A zip of a pack's scene files without its pack.json.
    fn a_zip_without_pack_json_is_refused() {
        pack: "zip-no-manifest.zip",
        playable: false,
        problems: [error(
            "pack.json",
            "",
            None,
            "pack.json is missing or cannot be read",
            "找不到或无法读取 pack.json",
        )],
    }

    /// A pack.json renamed to `.zip`.
    fn a_file_that_is_not_a_zip_says_so() {
        pack: "zip-not-a-zip.zip",
        playable: false,
        problems: [error(
            "tests/fixtures/packs/zip-not-a-zip.zip",
            "",
            None,
            "not a readable zip file",
            "不是可以读取的 zip 文件",
        )],
    }
}

/// The fixture folders and zips of `tests/fixtures/packs/`, by name.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir() || path.extension().is_some_and(|ext| ext == "zip"))
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn there_are_at_least_25_broken_packs_and_the_table_expects_something_of_each() {
    let names = fixture_names();
    assert!(names.len() >= 25, "only {} broken packs", names.len());
    let listed: Vec<&str> = CASES.iter().map(|case| case.name).collect();
    let unlisted: Vec<&String> = names
        .iter()
        .filter(|name| !listed.contains(&name.as_str()))
        .collect();
    assert!(
        unlisted.is_empty(),
        "fixtures with no expectations in tests/broken_packs.rs: {unlisted:?}"
    );
    let absent: Vec<&&str> = listed
        .iter()
        .filter(|name| !names.iter().any(|found| found == *name))
        .collect();
    assert!(
        absent.is_empty(),
        "listed but not in {FIXTURES}: {absent:?}"
    );
    let mut unique = listed.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), listed.len(), "a fixture is listed twice");
    for case in CASES {
        assert!(
            case.expect
                .iter()
                .any(|want| want.severity == Severity::Error),
            "{}: a broken pack must expect an error",
            case.name
        );
    }
}

/// `green-actor validate x.zip` prints, in both languages, every problem these tests read from
/// each zip, and fails exactly when there is an error.
#[test]
fn the_validate_command_reports_each_zip_as_these_tests_read_it() {
    let exe = env!("CARGO_BIN_EXE_green-actor");
    for case in CASES.iter().filter(|case| case.name.ends_with(".zip")) {
        let run = Command::new(exe)
            .arg("validate")
            .arg(format!("{FIXTURES}/{}", case.name))
            .current_dir(root())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&run.stdout);
        let report = read_fixture(case.name);
        for problem in &report.problems {
            for lang in [Lang::Zh, Lang::En] {
                let line = problem.describe(lang);
                assert!(
                    said.contains(&line),
                    "{}: no {line:?} in\n{said}",
                    case.name
                );
            }
        }
        assert_eq!(
            run.status.success(),
            report.errors().next().is_none(),
            "{}: exit status\n{said}",
            case.name
        );
    }
}
