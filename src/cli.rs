//! `green-actor validate PACK_FOLDER`: every problem, located, in Chinese and English.

use std::path::Path;
use std::process::ExitCode;

use crate::pack::{Lang, listed, read_pack_dir};

pub fn validate(args: &[String]) -> ExitCode {
    let Some(dir) = args.first() else {
        eprintln!("用法 usage: green-actor validate <内容包文件夹 pack folder>");
        return ExitCode::from(2);
    };
    let report = read_pack_dir(Path::new(dir), &crate::scenes::formats());
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
