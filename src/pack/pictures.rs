//! A pack's own pictures: PNG files in the pack, named by their path wherever a built-in icon
//! name goes (`"icon": "pictures/button-cell.png"`). Each is checked from its header, before
//! anything is decoded, so a 10,000 × 10,000 picture is refused without a byte of it unpacked.

use std::collections::BTreeMap;
use std::io::Cursor;

use super::problem::{Problem, Severity};
use super::scene_files::file_problem;
use super::text::Localized;

/// The widest and tallest a picture may be: a card shows it at most 300 px across.
pub const MAX_PICTURE_SIDE: u32 = 1024;
/// The most bytes a picture file may have.
pub const MAX_PICTURE_BYTES: usize = 2 * 1024 * 1024;

/// The most pixels all of a pack's pictures may have together (64 MB once decoded), so that a
/// pack of many large pictures cannot exhaust a school PC's or a phone's memory.
pub const MAX_PICTURES_PIXELS: u64 = 16_000_000;

/// A pack's pictures by path, each checked.
pub type Pictures = BTreeMap<String, Vec<u8>>;

pub fn is_picture(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("png"))
}

/// The pictures among a pack's files that may be shown, and a problem for each refused one.
pub fn check_pictures<'f>(
    files: impl IntoIterator<Item = (&'f String, &'f Vec<u8>)>,
) -> (Pictures, Vec<Problem>) {
    let mut pictures = Pictures::new();
    let mut problems = Vec::new();
    let mut pixels = 0u64;
    for (name, bytes) in files {
        if !is_picture(name) {
            continue;
        }
        let checked = check(bytes).and_then(|(width, height)| {
            pixels += u64::from(width) * u64::from(height);
            if pixels > MAX_PICTURES_PIXELS {
                return Err(Localized::new(
                    format!(
                        "内容包的图片加起来太大：最多 {} 万像素",
                        MAX_PICTURES_PIXELS / 10_000
                    ),
                    format!(
                        "the pack's pictures are too large in all: at most {} million pixels together",
                        MAX_PICTURES_PIXELS / 1_000_000
                    ),
                ));
            }
            Ok(())
        });
        match checked {
            Ok(()) => {
                pictures.insert(name.clone(), bytes.clone());
            }
            Err(message) => problems.push(file_problem(name, Severity::Error, message)),
        }
    }
    (pictures, problems)
}

/// The picture's size in pixels, read from its header, if it may be shown.
fn check(bytes: &[u8]) -> Result<(u32, u32), Localized> {
    if bytes.len() > MAX_PICTURE_BYTES {
        return Err(Localized::new(
            format!(
                "图片文件太大（{} KB），最大 {} KB",
                bytes.len() / 1024,
                MAX_PICTURE_BYTES / 1024
            ),
            format!(
                "the picture file is too large ({} KB; at most {} KB)",
                bytes.len() / 1024,
                MAX_PICTURE_BYTES / 1024
            ),
        ));
    }
    let reader = image::ImageReader::with_format(Cursor::new(bytes), image::ImageFormat::Png);
    let (width, height) = reader.into_dimensions().map_err(|err| {
        Localized::new(
            format!("不是可以读取的 PNG 图片：{err}"),
            format!("not a readable PNG picture: {err}"),
        )
    })?;
    if width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE {
        return Err(Localized::new(
            format!(
                "图片太大（{width}×{height} 像素），最大 {MAX_PICTURE_SIDE}×{MAX_PICTURE_SIDE}"
            ),
            format!(
                "the picture is too large ({width}×{height} pixels; at most {MAX_PICTURE_SIDE}×{MAX_PICTURE_SIDE})"
            ),
        ));
    }
    Ok((width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `width` × `height` black pixels.
    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        image::RgbaImage::new(width, height)
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .unwrap();
        bytes
    }

    #[test]
    fn a_small_png_is_kept_and_other_files_are_not_pictures() {
        let files: BTreeMap<String, Vec<u8>> = [
            ("pictures/a.PNG".to_string(), png(64, 64)),
            ("pack.json".to_string(), b"{}".to_vec()),
        ]
        .into();
        let (pictures, problems) = check_pictures(&files);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(pictures.keys().collect::<Vec<_>>(), ["pictures/a.PNG"]);
    }

    #[test]
    fn a_picture_too_wide_or_not_a_png_is_refused_from_its_header() {
        let files: BTreeMap<String, Vec<u8>> = [
            ("wide.png".to_string(), png(2000, 10)),
            ("fake.png".to_string(), b"not a png".to_vec()),
        ]
        .into();
        let (pictures, problems) = check_pictures(&files);
        assert!(pictures.is_empty());
        let said: Vec<&str> = problems.iter().map(|p| p.message.en.as_str()).collect();
        assert!(said[0].starts_with("not a readable PNG"), "{said:?}");
        assert!(
            said[1].contains("2000×10 pixels; at most 1024×1024"),
            "{said:?}"
        );
    }
}
