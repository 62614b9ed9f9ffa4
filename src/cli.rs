//! The command line for packs: `green-actor validate PACK` (a folder or a `.zip`) prints every
//! problem, located, in Chinese and English; `green-actor pack build DIR [OUT.zip]` makes the one
//! file a teacher shares; `green-actor pack from-csv ITEMS.csv DIR` puts a spreadsheet's items
//! into a pack.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use crate::pack::archive::{read_zip, write_zip};
use crate::pack::live::{parse_files, read_folder};
use crate::pack::{Lang, Localized, PackReport, listed};

/// A pack's files from a folder or a `.zip`.
fn read_pack_files(path: &Path) -> Result<BTreeMap<String, Vec<u8>>, Localized> {
    if path.is_dir() {
        return Ok(read_folder(path));
    }
    let bytes = std::fs::read(path).map_err(|err| {
        Localized::new(
            format!("无法读取「{}」：{err}", path.display()),
            format!("cannot read \"{}\": {err}", path.display()),
        )
    })?;
    read_zip(&bytes)
}

fn check(path: &Path) -> PackReport {
    match read_pack_files(path) {
        Ok(files) => parse_files(&files, &crate::scenes::formats()),
        Err(message) => PackReport::unreadable(&path.display().to_string(), message),
    }
}

pub fn validate(args: &[String]) -> ExitCode {
    let Some(path) = args.first() else {
        eprintln!("用法 usage: green-actor validate <内容包文件夹或 .zip pack folder or .zip>");
        return ExitCode::from(2);
    };
    let report = check(Path::new(path));
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

/// Replaces the items of the pack's sorting data file with the CSV's rows, then validates the pack.
/// A CSV with problems changes nothing.
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
    let (items, problems) = crate::pack::csv_items::items_from_csv(&name, &bytes);
    if !problems.is_empty() {
        let (shown, more) = listed(&problems);
        for problem in shown {
            println!("{}", problem.describe(Lang::Zh));
            println!("    {}", problem.describe(Lang::En));
        }
        if let Some(more) = more {
            println!("{}\n    {}", more.zh, more.en);
        }
        println!("表格有问题，内容包没有改动 / the table has problems; the pack was not changed");
        return ExitCode::FAILURE;
    }
    let written = sorting_data_file(dir).and_then(|path| {
        let mut data: serde_json::Value = serde_json::from_slice(&std::fs::read(&path)?)?;
        let count = items.len();
        data["items"] = serde_json::Value::Array(items);
        std::fs::write(&path, serde_json::to_string_pretty(&data)? + "\n")?;
        Ok((path, count))
    });
    match written {
        Ok((path, count)) => {
            println!(
                "已写入 {count} 个物品 / wrote {count} items to {} (items[i] = row i + 2 of {name})",
                path.display()
            );
            validate(&[dir.display().to_string()])
        }
        Err(err) => {
            eprintln!(
                "无法写入内容包 / cannot update the pack in {}: {err}",
                dir.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// The sorting scene's data file named in the pack's manifest.
fn sorting_data_file(dir: &Path) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(crate::pack::MANIFEST))?)?;
    let data = manifest["scenes"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|entry| entry["scene"] == "sorting")
        .and_then(|entry| entry["data"].as_str())
        .ok_or("pack.json lists no sorting scene with a data file")?;
    if !crate::pack::is_safe_relative(data) {
        return Err("the sorting data path leaves the pack".into());
    }
    Ok(dir.join(data))
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
