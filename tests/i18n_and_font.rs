//! Both languages have every UI string, and the font has every character the game can show.

use std::collections::BTreeSet;
use std::path::Path;

use green_actor::i18n::{keys, tr};
use green_actor::media::FONT_BYTES;
use green_actor::pack::Lang;
use skrifa::{FontRef, MetadataProvider};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_ui_string_exists_in_both_languages() {
    let en: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(root().join("assets/i18n/en.json")).unwrap())
            .unwrap();
    let zh_keys: BTreeSet<String> = keys().into_iter().collect();
    let en_keys: BTreeSet<String> = en.keys().cloned().collect();
    assert_eq!(zh_keys, en_keys);
    for key in &zh_keys {
        for lang in Lang::ALL {
            let text = tr(lang, key);
            assert!(!text.trim().is_empty() && text != *key, "{key} in {lang:?}");
        }
    }
}

fn json_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn the_font_covers_every_shipped_string() {
    let font = FontRef::new(FONT_BYTES).expect("the bundled font parses");
    let charmap = font.charmap();
    let mut files = Vec::new();
    json_files(&root().join("assets/packs"), &mut files);
    json_files(&root().join("assets/i18n"), &mut files);
    let mut missing = BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for ch in text.chars().filter(|c| !c.is_control()) {
            if charmap.map(ch).is_none() {
                missing.insert((ch, file.strip_prefix(root()).unwrap().display().to_string()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "characters the font lacks (tofu): {missing:?}"
    );
}

#[test]
fn the_font_covers_common_chinese() {
    let font = FontRef::new(FONT_BYTES).unwrap();
    let charmap = font.charmap();
    // A sample of GB 2312 level-1 hanzi a teacher's pack is likely to use.
    for ch in "垃圾分类回收有害厨余其他低碳出行公交地铁长江重庆河流水质保护鱼鸟树".chars()
    {
        assert!(charmap.map(ch).is_some(), "{ch}");
    }
}
