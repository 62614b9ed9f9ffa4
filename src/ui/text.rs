//! Text that reads well in both languages: paragraphs that never start a line with closing
//! punctuation, titles that stay on one line, and colours that stay readable on the cards.

use std::sync::Arc;

use bevy_egui::egui::{self, Color32, RichText, TextStyle, TextWrapMode};

/// Characters that may not start a line in Chinese (egui's own rule misses the full-width ones).
const NO_LINE_START: &str = "，。、；：！？）》」』】〉…—,.;:!?)";
/// Enough moves for any paragraph a card shows.
const MAX_LINE_FIXES: usize = 8;

/// Where a wrapped text's rows start, as char indices into it.
fn row_starts(galley: &egui::Galley) -> Vec<usize> {
    let mut starts = Vec::with_capacity(galley.rows.len());
    let mut at = 0;
    for row in &galley.rows {
        starts.push(at);
        at += row.char_count_including_newline().0;
    }
    starts
}

/// The fewest characters of Chinese text left alone on a last line ("完！" alone looks broken).
const MIN_LAST_ROW: usize = 3;

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || NO_LINE_START.contains(c)
}

/// The char index where a line break must go so that no row starts with closing punctuation
/// (before the character that precedes it, which then moves down with it), and no Chinese
/// paragraph ends with one or two characters alone on its last row.
pub fn kinsoku_break(text: &str, row_starts: &[usize]) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    let movable = |start: usize| start >= 2 && chars[start - 1] != '\n';
    let punctuation = row_starts.iter().skip(1).find_map(|&start| {
        let first = *chars.get(start)?;
        (NO_LINE_START.contains(first) && movable(start)).then_some(start - 1)
    });
    let orphan = || {
        let &last = row_starts.last().filter(|_| row_starts.len() > 1)?;
        let tail = &chars[last.min(chars.len())..];
        // Bring down as many characters as the last row lacks, all in one move.
        let at = last.checked_sub(MIN_LAST_ROW.checked_sub(tail.len())?)?;
        let brought = &chars[at..last];
        (!tail.is_empty()
            && tail.iter().chain(brought).all(|c| is_cjk(*c))
            && at >= 1
            && chars[at - 1] != '\n')
            .then_some(at)
    };
    punctuation.or_else(orphan)
}

fn wrapped(ui: &egui::Ui, text: RichText, width: f32) -> Arc<egui::Galley> {
    egui::WidgetText::from(text).into_galley(ui, Some(TextWrapMode::Wrap), width, TextStyle::Body)
}

/// A wrapped paragraph with Chinese line-breaking rules.
pub fn paragraph(ui: &mut egui::Ui, text: &str, size: f32, color: Color32) -> egui::Response {
    let width = ui.available_width();
    let style = |text: &str| RichText::new(text).size(size).color(color);
    let mut text = text.to_string();
    let mut galley = wrapped(ui, style(&text), width);
    for _ in 0..MAX_LINE_FIXES {
        let Some(at) = kinsoku_break(&text, &row_starts(&galley)) else {
            break;
        };
        let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
        text.insert(byte, '\n');
        galley = wrapped(ui, style(&text), width);
    }
    ui.label(galley)
}

/// A title on one line: shrunk to fit the width rather than broken.
pub fn title(ui: &mut egui::Ui, text: &str, size: f32, color: Color32) -> egui::Response {
    let width = ui.available_width();
    let one_line = |size: f32| {
        egui::WidgetText::from(RichText::new(text).size(size).color(color).strong()).into_galley(
            ui,
            Some(TextWrapMode::Extend),
            f32::INFINITY,
            TextStyle::Body,
        )
    };
    let galley = one_line(size);
    let fitted = if galley.size().x > width && galley.size().x > 0.0 {
        one_line(size * width / galley.size().x)
    } else {
        galley
    };
    ui.label(fitted)
}

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance(color: Color32) -> f32 {
    let channel = |c: u8| {
        let c = c as f32 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// WCAG 2 contrast ratio of two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Body text must reach this contrast with its background (WCAG AA).
pub const MIN_CONTRAST: f32 = 4.5;

/// `color` darkened just enough to be read as text on `background`.
pub fn readable_on(color: Color32, background: Color32) -> Color32 {
    let mut shade = color;
    for _ in 0..20 {
        if contrast(shade, background) >= MIN_CONTRAST {
            break;
        }
        let darker = |c: u8| (c as f32 * 0.85) as u8;
        shade = Color32::from_rgb(darker(shade.r()), darker(shade.g()), darker(shade.b()));
    }
    shade
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_punctuation_never_starts_a_row() {
        // Rows "把电池放进" | "，然后…": the break moves before "进".
        let text = "把电池放进，然后盖好";
        assert_eq!(kinsoku_break(text, &[0, 5]), Some(4));
        assert_eq!(
            kinsoku_break(text, &[0, 4]),
            None,
            "a row may start with 进"
        );
        assert_eq!(kinsoku_break("分类完！", &[0, 3]), Some(2));
    }

    #[test]
    fn a_chinese_paragraph_never_ends_with_two_characters_alone() {
        let text = "一两分钟就能玩完！";
        assert_eq!(
            kinsoku_break(text, &[0, 7]),
            Some(6),
            "完！ alone moves down with 玩"
        );
        assert_eq!(kinsoku_break(text, &[0, 5]), None, "四个字 is enough");
        let tagline = "让山城更绿、长江更清";
        assert_eq!(
            kinsoku_break(tagline, &[0, 9]),
            Some(7),
            "清 alone brings 江更 down with it"
        );
        assert_eq!(
            kinsoku_break("Sort it ok", &[0, 8]),
            None,
            "English is left alone"
        );
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
    }

    #[test]
    fn a_pale_bin_colour_is_darkened_until_it_reads_on_paper() {
        let paper = Color32::from_rgb(0xff, 0xff, 0xf8);
        let grey = Color32::from_rgb(0x9a, 0x9e, 0xa2);
        assert!(contrast(grey, paper) < MIN_CONTRAST);
        assert!(contrast(readable_on(grey, paper), paper) >= MIN_CONTRAST);
        let ink = Color32::from_rgb(0x1f, 0x33, 0x29);
        assert_eq!(
            readable_on(ink, paper),
            ink,
            "dark colours stay as they are"
        );
    }
}
