//! `green-actor validate PACK_FOLDER`: every problem, located, in Chinese and English.

use std::path::Path;
use std::process::ExitCode;

use super::{Lang, read_pack_dir};

pub fn run(args: &[String]) -> ExitCode {
    let Some(dir) = args.first() else {
        eprintln!("用法 usage: green-actor validate <内容包文件夹 pack folder>");
        return ExitCode::from(2);
    };
    let report = read_pack_dir(Path::new(dir));
    for problem in &report.problems {
        println!("{}", problem.describe(Lang::Zh));
        println!("    {}", problem.describe(Lang::En));
    }
    let errors = report.errors().count();
    let warnings = report.problems.len() - errors;
    if let Some(pack) = &report.pack {
        let sorting = pack.sorting.as_ref();
        println!(
            "内容包「{}」：{} 个物品，{} 个关卡 / pack \"{}\": {} items, {} levels",
            pack.manifest.title.zh,
            sorting.map_or(0, |s| s.items.len()),
            sorting.map_or(0, |s| s.levels.len()),
            pack.manifest.title.en,
            sorting.map_or(0, |s| s.items.len()),
            sorting.map_or(0, |s| s.levels.len()),
        );
    }
    println!("{errors} 个错误，{warnings} 个警告 / {errors} errors, {warnings} warnings");
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
