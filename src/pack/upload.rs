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
    Ok(files)
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
