//! A pack as one file to share: a `.zip` of its folder, read with limits that no archive can get
//! around (no path leaves the pack, no entry or whole unpacks past its limit, however well it is
//! compressed), and written the same way every time with a content hash.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

#[cfg(not(target_arch = "wasm32"))]
use sha2::{Digest, Sha256};

use super::MAX_FILE_BYTES;
use super::text::Localized;

/// The most files an archive may hold, and the most all of them may unpack to.
pub const MAX_ENTRIES: usize = 2000;
pub const MAX_UNPACKED_BYTES: usize = 64 * 1024 * 1024;

/// A pack's files from a `.zip`: `pack.json` at the top, or inside one top folder.
pub fn read_zip(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, Localized> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|err| {
        Localized::new(
            format!("不是可以读取的 zip 文件：{err}"),
            format!("not a readable zip file: {err}"),
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(Localized::new(
            format!(
                "zip 里的文件太多（{} 个），最多 {MAX_ENTRIES} 个",
                archive.len()
            ),
            format!(
                "the zip holds too many files ({}); at most {MAX_ENTRIES}",
                archive.len()
            ),
        ));
    }
    let mut files = BTreeMap::new();
    let mut unpacked = 0usize;
    for index in 0..archive.len() {
        let entry = archive.by_index(index).map_err(|err| {
            Localized::new(
                format!("zip 里的第 {} 个文件读不出来：{err}", index + 1),
                format!("entry {} of the zip cannot be read: {err}", index + 1),
            )
        })?;
        if entry.is_dir() {
            continue;
        }
        let raw_name = entry
            .name()
            .map(|name| name.to_string())
            .unwrap_or_default();
        // The zip crate would quietly read "/abs.json" as "abs.json"; the format forbids it.
        let written_safe = super::is_safe_relative(&raw_name.replace('\\', "/"));
        let Some(name) = written_safe
            .then(|| entry.enclosed_name())
            .flatten()
            .and_then(|path| path.to_str().map(|p| p.replace('\\', "/")))
        else {
            return Err(Localized::new(
                format!("zip 里的路径「{raw_name}」指向内容包外面，已拒绝"),
                format!("the zip path \"{raw_name}\" points outside the pack; refused"),
            ));
        };
        // Read one byte past the limit: a size the archive claims is not trusted.
        let room = MAX_FILE_BYTES.min(MAX_UNPACKED_BYTES - unpacked);
        let mut content = Vec::new();
        entry
            .take(room as u64 + 1)
            .read_to_end(&mut content)
            .map_err(|err| {
                Localized::new(
                    format!("「{name}」解压失败：{err}"),
                    format!("\"{name}\" cannot be unpacked: {err}"),
                )
            })?;
        if content.len() > room {
            return Err(Localized::new(
                format!(
                    "「{name}」解压后太大：单个文件最大 {} MB，整个内容包最大 {} MB",
                    MAX_FILE_BYTES >> 20,
                    MAX_UNPACKED_BYTES >> 20
                ),
                format!(
                    "\"{name}\" unpacks too large: at most {} MB a file and {} MB in all",
                    MAX_FILE_BYTES >> 20,
                    MAX_UNPACKED_BYTES >> 20
                ),
            ));
        }
        unpacked += content.len();
        files.insert(name, content);
    }
    Ok(strip_top_folder(files))
}

/// A zip made from a folder holds `name/pack.json`: its files are read as if `pack.json` were at
/// the top.
pub(crate) fn strip_top_folder(files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    if files.contains_key(super::MANIFEST) {
        return files;
    }
    let Some(top) = files
        .keys()
        .find(|name| name.ends_with(&format!("/{}", super::MANIFEST)))
        .map(|name| name[..name.len() - super::MANIFEST.len()].to_string())
        .filter(|top| top.matches('/').count() == 1)
    else {
        return files;
    };
    files
        .into_iter()
        .filter_map(|(name, bytes)| Some((name.strip_prefix(&top)?.to_string(), bytes)))
        .collect()
}

/// A pack's files as a `.zip`, the same bytes for the same files (sorted names, fixed dates),
/// and the SHA-256 of its content (each file's name and bytes, in order).
#[cfg(not(target_arch = "wasm32"))]
pub fn write_zip(files: &BTreeMap<String, Vec<u8>>) -> std::io::Result<(Vec<u8>, String)> {
    use std::io::Write;
    let mut out = Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut hash = Sha256::new();
    for (name, bytes) in files {
        writer.start_file(name, options)?;
        writer.write_all(bytes)?;
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    }
    writer.finish()?;
    let hex = hash
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    Ok((out.into_inner(), hex))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_pack_written_and_read_back_is_the_same_files_and_hash() {
        let files: BTreeMap<String, Vec<u8>> = [
            ("pack.json".to_string(), b"{}".to_vec()),
            ("sorting/items.json".to_string(), b"[1, 2]".to_vec()),
        ]
        .into();
        let (bytes, hash) = write_zip(&files).unwrap();
        let (again, same_hash) = write_zip(&files).unwrap();
        assert_eq!(bytes, again, "the same files make the same zip");
        assert_eq!(hash, same_hash);
        assert_eq!(hash.len(), 64);
        assert_eq!(read_zip(&bytes).unwrap(), files);
    }

    #[test]
    fn a_pack_inside_one_top_folder_reads_as_if_at_the_top() {
        let bytes = zip_of(&[("my-pack/pack.json", b"{}"), ("my-pack/a/b.json", b"[]")]);
        let files = read_zip(&bytes).unwrap();
        assert_eq!(files.keys().collect::<Vec<_>>(), ["a/b.json", "pack.json"]);
    }

    #[test]
    fn a_path_out_of_the_pack_is_refused() {
        let bytes = zip_of(&[("pack.json", b"{}"), ("../evil.json", b"{}")]);
        let refused = read_zip(&bytes).unwrap_err();
        assert!(
            refused.en.contains("points outside the pack"),
            "{refused:?}"
        );
        assert!(refused.zh.contains("已拒绝"));
    }

    #[test]
    fn a_zip_bomb_stops_at_the_limit() {
        let zeros = vec![0u8; MAX_FILE_BYTES + 1];
        let bytes = zip_of(&[("pack.json", &zeros)]);
        assert!(
            bytes.len() < 1 << 20,
            "it compresses to {} bytes",
            bytes.len()
        );
        let refused = read_zip(&bytes).unwrap_err();
        assert!(refused.en.contains("unpacks too large"), "{refused:?}");
    }

    #[test]
    fn something_that_is_not_a_zip_says_so() {
        let refused = read_zip(b"{\"format\": 1}").unwrap_err();
        assert!(refused.en.starts_with("not a readable zip file"));
    }
}
