//! The command line for packs: `green-actor validate PACK` (a folder or a `.zip`) prints every
//! problem, located, in Chinese and English; `green-actor pack build DIR [OUT.zip]` makes the one
//! file a teacher shares; `green-actor pack from-csv ITEMS.csv DIR` puts a spreadsheet's items
//! into a pack.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::pack::archive::write_zip;
use crate::pack::live::{parse_files, read_folder};
use crate::pack::{Lang, Localized, PackReport, listed};

/// A pack's files from a folder, its `pack.json`, or a `.zip`.
fn read_pack_files(path: &Path) -> Result<BTreeMap<String, Vec<u8>>, Localized> {
    if path.is_dir() {
        return Ok(read_folder(path));
    }
    if path
        .file_name()
        .is_some_and(|name| name == crate::pack::MANIFEST)
    {
        return Ok(read_folder(path.parent().unwrap_or(Path::new("."))));
    }
    let bytes = read_file(path)?;
    let name = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    crate::pack::upload::pack_files(vec![(name, bytes)])
}

fn read_file(path: &Path) -> Result<Vec<u8>, Localized> {
    std::fs::read(path).map_err(|err| {
        Localized::new(
            format!("无法读取「{}」：{err}", path.display()),
            format!("cannot read \"{}\": {err}", path.display()),
        )
    })
}

fn check(path: &Path) -> PackReport {
    match read_pack_files(path) {
        Ok(files) => parse_files(&files, &crate::scenes::formats()),
        Err(message) => PackReport::unreadable(&path.display().to_string(), message),
    }
}

/// A table on its own: its header and every cell, as `pack from-csv` would read it. What its
/// rows name (bins, modes, weeks) is checked once it is in a pack.
fn check_table(path: &Path) -> (Vec<crate::pack::Problem>, Localized) {
    let name = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let bytes = match read_file(path) {
        Ok(bytes) => bytes,
        Err(message) => {
            let problem = crate::pack::file_problem(&name, crate::pack::Severity::Error, message);
            return (vec![problem], Localized::new("", ""));
        }
    };
    if is_trips_table(&bytes) {
        let (trips, problems) = crate::scenes::travel::table::trips(&name, &bytes);
        let n = trips.len();
        (
            problems,
            Localized::new(
                format!("出行表格：{n} 次出行"),
                format!("trips table: {n} trips"),
            ),
        )
    } else {
        let (items, problems) = crate::scenes::sorting::table::items(&name, &bytes);
        let n = items.len();
        (
            problems,
            Localized::new(
                format!("物品表格：{n} 件物品"),
                format!("items table: {n} items"),
            ),
        )
    }
}

/// A table whose header has a `week` column holds trips; any other, sorting items.
fn is_trips_table(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .split(',')
        .any(|column| column.trim() == "week")
}

pub fn validate(args: &[String]) -> ExitCode {
    let Some(path) = args.first() else {
        eprintln!(
            "用法 usage: green-actor validate <内容包文件夹、pack.json、.zip 或 .csv 表格 pack folder, pack.json, .zip or .csv table>"
        );
        return ExitCode::from(2);
    };
    let path = Path::new(path);
    let is_table = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("csv"));
    let (report, table) = if is_table {
        let (problems, table) = check_table(path);
        let report = PackReport {
            pack: None,
            problems,
        };
        (report, Some(table))
    } else {
        (check(path), None)
    };
    let (shown, more) = listed(&report.problems);
    for problem in shown {
        println!("{}", problem.describe(Lang::Zh));
        println!("    {}", problem.describe(Lang::En));
    }
    if let Some(more) = more {
        println!("{}\n    {}", more.zh, more.en);
    }
    let errors = report.errors().count();
    let warnings = report.problems.len() - errors;
    if let Some(pack) = &report.pack {
        println!(
            "内容包「{}」 / pack \"{}\"",
            pack.manifest.title.zh, pack.manifest.title.en
        );
        for scene in &pack.scenes {
            let contents = scene.data.contents();
            let levels = scene.levels().len();
            println!(
                "  {}：{}，{levels} 个关卡 / {}: {}, {levels} levels",
                scene.id(),
                contents.zh,
                scene.id(),
                contents.en
            );
        }
    }
    if let Some(table) = table {
        println!("{} / {}", table.zh, table.en);
    }
    println!("{errors} 个错误，{warnings} 个警告 / {errors} errors, {warnings} warnings");
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `pack build DIR [OUT.zip]`: checks the pack and, when it has no errors, writes it as one
/// `.zip` (by default `<id>-<version>.zip` beside the folder) and prints its size and hash.
pub fn pack(args: &[String]) -> ExitCode {
    match (args.first().map(String::as_str), args.get(1), args.get(2)) {
        (Some("build"), Some(dir), out) => build(Path::new(dir), out.map(Path::new)),
        (Some("from-csv"), Some(csv), Some(dir)) => from_csv(Path::new(csv), Path::new(dir)),
        (Some("schema"), dir, None) => write_schemas(Path::new(
            dir.map_or(crate::pack::schema::SCHEMA_DIR, String::as_str),
        )),
        _ => {
            eprintln!(
                "用法 usage:\n  green-actor pack build <内容包文件夹 pack folder> [输出 OUT.zip]\n  green-actor pack from-csv <物品表 items.csv> <内容包文件夹 pack folder>\n  green-actor pack schema [输出文件夹 OUT DIR, docs/schema]"
            );
            ExitCode::from(2)
        }
    }
}

fn build(dir: &Path, out: Option<&Path>) -> ExitCode {
    let files = read_folder(dir);
    let report = parse_files(&files, &crate::scenes::formats());
    let Some(pack) = report
        .pack
        .as_ref()
        .filter(|_| report.errors().next().is_none())
    else {
        println!("内容包有错误，没有打包 / the pack has errors; nothing was built:");
        return validate(&[dir.display().to_string()]);
    };
    let out = out.map(Path::to_path_buf).unwrap_or_else(|| {
        let name = format!("{}-{}.zip", pack.manifest.id, pack.manifest.version);
        dir.parent().unwrap_or(Path::new(".")).join(name)
    });
    let written = write_zip(&files).and_then(|(bytes, hash)| {
        std::fs::write(&out, &bytes)?;
        Ok((bytes.len(), hash))
    });
    match written {
        Ok((size, hash)) => {
            println!(
                "已打包 / built {}: {} {}, {size} 字节 bytes, {} 个文件 files",
                out.display(),
                pack.manifest.id,
                pack.manifest.version,
                files.len()
            );
            println!("内容哈希 / content sha256: {hash}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("无法写入 / cannot write {}: {err}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// Puts a spreadsheet's rows into a pack, then validates it: sorting items replace the items of
/// the sorting data file; trips (a table with a `week` column) replace the trips of the weeks the
/// table names. A table with problems changes nothing.
fn from_csv(csv: &Path, dir: &Path) -> ExitCode {
    let bytes = match std::fs::read(csv) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("无法读取 / cannot read {}: {err}", csv.display());
            return ExitCode::FAILURE;
        }
    };
    let name = csv
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let written = if is_trips_table(&bytes) {
        let (trips, problems) = crate::scenes::travel::table::trips(&name, &bytes);
        refuse_table(&problems).map_or_else(|| write_trips(dir, trips), Err)
    } else {
        let (items, problems) = crate::scenes::sorting::table::items(&name, &bytes);
        let items = items.into_iter().map(|(_, item)| item).collect();
        refuse_table(&problems).map_or_else(|| write_items(dir, items), Err)
    };
    match written {
        Ok(said) => {
            println!("{said}");
            validate(&[dir.display().to_string()])
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}

type Written = Result<String, Box<dyn std::error::Error>>;

/// The table's problems, printed, as the reason nothing is written.
fn refuse_table(problems: &[crate::pack::Problem]) -> Option<Box<dyn std::error::Error>> {
    if problems.is_empty() {
        return None;
    }
    let (shown, more) = listed(problems);
    for problem in shown {
        println!("{}", problem.describe(Lang::Zh));
        println!("    {}", problem.describe(Lang::En));
    }
    if let Some(more) = more {
        println!("{}\n    {}", more.zh, more.en);
    }
    Some("表格有问题，内容包没有改动 / the table has problems; the pack was not changed".into())
}

fn write_items(dir: &Path, items: Vec<serde_json::Value>) -> Written {
    let path = scene_files(dir, "sorting", "data")?
        .into_iter()
        .next()
        .ok_or("pack.json lists no sorting scene with a data file")?;
    let mut data: serde_json::Value = serde_json::from_slice(&std::fs::read(&path)?)?;
    let count = items.len();
    data["items"] = serde_json::Value::Array(items);
    std::fs::write(&path, serde_json::to_string_pretty(&data)? + "\n")?;
    Ok(format!(
        "已写入 {count} 个物品 / wrote {count} items to {}",
        path.display()
    ))
}

fn write_trips(dir: &Path, trips: Vec<crate::scenes::travel::table::TableTrip>) -> Written {
    let mut weeks = Vec::new();
    for path in scene_files(dir, "travel", "levels")? {
        let mut level: serde_json::Value = serde_json::from_slice(&std::fs::read(&path)?)?;
        let id = level["id"].as_str().unwrap_or_default().to_string();
        let of_week: Vec<serde_json::Value> = trips
            .iter()
            .filter(|row| row.week == id)
            .map(|row| row.trip.clone())
            .collect();
        weeks.push((path, level.clone(), id.clone(), of_week.len()));
        if !of_week.is_empty() {
            level["trips"] = serde_json::Value::Array(of_week);
            weeks.last_mut().unwrap().1 = level;
        }
    }
    if let Some(row) = trips
        .iter()
        .find(|row| !weeks.iter().any(|(_, _, id, _)| *id == row.week))
    {
        return Err(format!(
            "第 {} 行：没有 id 为「{}」的一周，内容包没有改动 / row {}: there is no week with id \"{}\"; the pack was not changed",
            row.line, row.week, row.line, row.week
        )
        .into());
    }
    let mut said = Vec::new();
    for (path, level, id, count) in weeks.into_iter().filter(|week| week.3 > 0) {
        std::fs::write(&path, serde_json::to_string_pretty(&level)? + "\n")?;
        said.push(format!("{id}: {count}"));
    }
    Ok(format!(
        "已写入各周的出行 / wrote the trips of each week ({})",
        said.join(", ")
    ))
}

/// The files a scene's entry in the pack's manifest names in `field` (`data` or `levels`).
fn scene_files(
    dir: &Path,
    scene: &str,
    field: &str,
) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(crate::pack::MANIFEST))?)?;
    let entry = manifest["scenes"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|entry| entry["scene"] == scene)
        .ok_or_else(|| format!("pack.json lists no {scene} scene"))?;
    let named: Vec<&str> = match &entry[field] {
        serde_json::Value::String(path) => vec![path.as_str()],
        serde_json::Value::Array(paths) => paths.iter().filter_map(|p| p.as_str()).collect(),
        _ => Vec::new(),
    };
    named
        .into_iter()
        .map(|path| {
            if crate::pack::is_safe_relative(path) {
                Ok(dir.join(path))
            } else {
                Err(format!("the path \"{path}\" leaves the pack").into())
            }
        })
        .collect()
}

/// `pack schema [DIR]`: writes every pack file's JSON Schema (by default into `docs/schema`).
fn write_schemas(dir: &Path) -> ExitCode {
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        crate::pack::schema::all(&crate::scenes::formats())
            .into_iter()
            .try_for_each(|(name, text)| std::fs::write(dir.join(name), text))
    });
    match written {
        Ok(()) => {
            println!("已写入 / wrote the schemas to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("无法写入 / cannot write to {}: {err}", dir.display());
            ExitCode::FAILURE
        }
    }
}
