//! What a person hands the exhibit as a pack, as the pack's files: one `.zip`, or a `pack.json`
//! picked together with the files it names (a whole folder keeps its paths).

use std::collections::BTreeMap;

use super::MANIFEST;
use super::archive::{read_zip, strip_top_folder};
use super::text::Localized;

/// The files of an upload, name → bytes, `pack.json` among them when it holds a pack.
pub fn pack_files(picked: Vec<(String, Vec<u8>)>) -> Result<BTreeMap<String, Vec<u8>>, Localized> {
    if picked.is_empty() {
        return Err(Localized::new("没有选择文件", "no file was chosen"));
    }
    let zips = picked.iter().filter(|(name, _)| has_extension(name, "zip"));
    match (zips.count(), picked.len()) {
        (0, _) => {}
        (1, 1) => return read_zip(&picked[0].1),
        _ => {
            return Err(Localized::new(
                "一次只能打开一个 .zip 内容包，请单独选择它",
                "open one .zip pack at a time, on its own",
            ));
        }
    }
    let files: BTreeMap<String, Vec<u8>> = picked
        .into_iter()
        .map(|(name, bytes)| (name.replace('\\', "/"), bytes))
        .collect();
    let mut files = strip_top_folder(files);
    if !files.contains_key(MANIFEST) {
        let json: Vec<String> = files
            .keys()
            .filter(|name| has_extension(name, "json"))
            .cloned()
            .collect();
        // A manifest saved under another name ("my-pack.json") is still the manifest.
        if let [only] = json.as_slice()
            && let Some(bytes) = files.remove(only)
        {
            files.insert(MANIFEST.to_string(), bytes);
        }
    }
    if !files.contains_key(MANIFEST) && files.keys().all(|name| has_extension(name, "csv")) {
        return Err(Localized::new(
            "表格要放在内容包里用：把它和列出它的 pack.json（写在 tables 里）一起选中，或者打包成 .zip 再打开",
            "a table is used inside a pack: choose it together with the pack.json that lists it under tables, or open the pack as a .zip",
        ));
    }
    Ok(with_named_paths(files))
}

/// Files picked together arrive without their folders ("items.json"); each takes the path
/// pack.json names it by ("sorting/items.json") when exactly one named path ends in its name.
fn with_named_paths(mut files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    let Some(manifest) = files.get(MANIFEST) else {
        return files;
    };
    let named = super::files_named_in(&String::from_utf8_lossy(manifest));
    let missing: Vec<&String> = named
        .iter()
        .filter(|path| !files.contains_key(*path))
        .collect();
    for path in missing {
        let base = path.rsplit('/').next().unwrap_or(path);
        let same_base = named
            .iter()
            .filter(|other| other.rsplit('/').next() == Some(base))
            .count();
        if same_base == 1
            && let Some(bytes) = files.remove(base)
        {
            files.insert(path.clone(), bytes);
        }
    }
    files
}

fn has_extension(name: &str, extension: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case(extension))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picked(names: &[&str]) -> Vec<(String, Vec<u8>)> {
        names
            .iter()
            .map(|name| (name.to_string(), b"{}".to_vec()))
            .collect()
    }

    #[test]
    fn a_folder_picked_whole_reads_as_if_pack_json_were_at_the_top() {
        let files = pack_files(picked(&["my-pack/pack.json", "my-pack/sorting/items.json"]));
        let names: Vec<String> = files.unwrap().into_keys().collect();
        assert_eq!(names, ["pack.json", "sorting/items.json"]);
    }

    #[test]
    fn a_lone_json_file_under_another_name_is_the_manifest() {
        let files = pack_files(picked(&["我的内容包.JSON"])).unwrap();
        assert_eq!(files.into_keys().collect::<Vec<_>>(), ["pack.json"]);
    }

    #[test]
    fn files_picked_without_their_folders_take_the_paths_pack_json_names() {
        let manifest = br#"{"scenes": [{"scene": "sorting", "data": "sorting/items.json",
            "levels": ["sorting/levels/1.json"], "tables": ["sorting/items.csv"]}]}"#;
        let picked = vec![
            ("pack.json".to_string(), manifest.to_vec()),
            ("items.json".to_string(), b"{}".to_vec()),
            ("1.json".to_string(), b"{}".to_vec()),
            ("items.csv".to_string(), b"id".to_vec()),
        ];
        let names: Vec<String> = pack_files(picked).unwrap().into_keys().collect();
        assert_eq!(
            names,
            [
                "pack.json",
                "sorting/items.csv",
                "sorting/items.json",
                "sorting/levels/1.json"
            ]
        );
    }

    #[test]
    fn a_table_alone_is_told_to_come_with_its_pack() {
        let refused = pack_files(picked(&["items.csv"])).unwrap_err();
        assert!(refused.zh.contains("pack.json"), "{refused:?}");
    }

    #[test]
    fn a_zip_among_other_files_or_nothing_at_all_is_refused_with_a_reason() {
        let mixed = pack_files(picked(&["a.zip", "pack.json"])).unwrap_err();
        assert!(mixed.en.contains("one .zip pack at a time"));
        assert!(pack_files(Vec::new()).unwrap_err().zh.contains("没有选择"));
    }

    #[test]
    fn a_file_that_only_says_zip_but_is_not_one_is_reported() {
        let refused = pack_files(picked(&["pack.zip"])).unwrap_err();
        assert!(refused.en.starts_with("not a readable zip file"));
    }
}
