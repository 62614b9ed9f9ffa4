//! QR codes (the `qrcode` crate) drawn with egui: a lesson link for phones to open, a result code
//! for a phone to read.

use bevy_egui::egui;
use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, as the standard asks, so a camera finds its edge.
const QUIET_ZONE: usize = 4;

/// The dark and light modules of a QR code, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Modules {
    pub width: usize,
    pub dark: Vec<bool>,
}

/// The code for `text` (medium error correction: readable with a smudge on the screen).
pub fn modules(text: &str) -> Option<Modules> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(Modules {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
    })
}

/// Draws the code `side` points square, black on white with its quiet zone.
pub fn show(ui: &mut egui::Ui, modules: &Modules, side: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, egui::Color32::WHITE);
    let cells = (modules.width + 2 * QUIET_ZONE) as f32;
    let cell = side / cells;
    for (i, dark) in modules.dark.iter().enumerate() {
        if !dark {
            continue;
        }
        let (x, y) = (
            i % modules.width + QUIET_ZONE,
            i / modules.width + QUIET_ZONE,
        );
        let min = rect.min + egui::vec2(x as f32 * cell, y as f32 * cell);
        // A hair wider than a cell, so no seams show between neighbours.
        let square = egui::Rect::from_min_size(min, egui::vec2(cell + 0.3, cell + 0.3));
        painter.rect_filled(square, 0.0, egui::Color32::BLACK);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lesson_link_makes_a_square_code_with_dark_and_light_modules() {
        let code = modules("https://example.org/green-actor/?lesson=ABCD-EFGH-JKMN-PQRS").unwrap();
        assert_eq!(code.dark.len(), code.width * code.width);
        assert!(code.dark.iter().any(|d| *d) && code.dark.iter().any(|d| !d));
    }
}
