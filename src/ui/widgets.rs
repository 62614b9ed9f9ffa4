//! Reusable egui pieces: big touch buttons that report where they are, the language switch, icons.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui::{self, Color32, RichText};

use super::{EguiIcons, Theme, UiRects};
use crate::audio::{Muted, ToggleMute};
use crate::i18n::{Language, SetLanguage};
use crate::layout::Layout;
use crate::pack::Lang;

/// What every screen's UI system needs.
#[derive(SystemParam)]
pub struct UiParams<'w, 's> {
    pub contexts: EguiContexts<'w, 's>,
    pub rects: ResMut<'w, UiRects>,
    pub layout: Res<'w, Layout>,
    pub language: Res<'w, Language>,
    pub theme: Res<'w, Theme>,
    pub icons: Res<'w, EguiIcons>,
    pub set_language: MessageWriter<'w, SetLanguage>,
    pub muted: Res<'w, Muted>,
    pub mute: MessageWriter<'w, ToggleMute>,
}

/// The smallest tap target, in CSS pixels (WCAG 2.5.5 and the platforms' guidance: 44).
pub const MIN_TAP_PX: f32 = 44.0;

/// The smallest side of a tap target in egui points at this zoom, never under 48 points.
pub fn tap_size(zoom: f32) -> f32 {
    (MIN_TAP_PX / zoom).ceil().max(48.0)
}

/// Remembers where a named control is, in logical px, for the test state.
pub fn record(rects: &mut UiRects, zoom: f32, name: &str, rect: egui::Rect) {
    rects.0.insert(
        name.to_string(),
        Rect::new(
            rect.min.x * zoom,
            rect.min.y * zoom,
            rect.max.x * zoom,
            rect.max.y * zoom,
        ),
    );
}

pub fn title_text(text: &str, size: f32, color: Color32) -> RichText {
    RichText::new(text).size(size).color(color).strong()
}

/// A large, high-contrast button (at least 48 px tall at laptop size).
pub fn big_button(
    ui: &mut egui::Ui,
    rects: &mut UiRects,
    zoom: f32,
    name: &str,
    label: &str,
    fill: Color32,
    width: f32,
) -> egui::Response {
    let text = RichText::new(label)
        .size(26.0)
        .color(Color32::WHITE)
        .strong();
    let response = ui.add(
        egui::Button::new(text)
            .fill(fill)
            .corner_radius(egui::CornerRadius::same(18))
            .min_size(egui::vec2(width, tap_size(zoom).max(60.0))),
    );
    record(rects, zoom, name, response.rect);
    response
}

/// A smaller secondary button.
pub fn small_button(
    ui: &mut egui::Ui,
    rects: &mut UiRects,
    zoom: f32,
    name: &str,
    label: &str,
) -> egui::Response {
    let tap = tap_size(zoom);
    let response = ui.add(
        egui::Button::new(RichText::new(label).size(20.0))
            .corner_radius(egui::CornerRadius::same(12))
            .min_size(egui::vec2(tap.max(52.0), tap)),
    );
    record(rects, zoom, name, response.rect);
    response
}

/// 中文 | English, in that order on every screen; changes every string at once.
pub fn language_switch(ui: &mut egui::Ui, params: &mut UiParams) {
    let zoom = params.layout.zoom();
    let current = params.language.0;
    let mut buttons = [
        (Lang::Zh, "lang_zh", "中文"),
        (Lang::En, "lang_en", "English"),
    ];
    // Laid out from the right, the buttons go in reverse, so they read 中文 | English anyway.
    if ui.layout().prefer_right_to_left() {
        buttons.reverse();
    }
    for (lang, name, label) in buttons {
        let selected = current == lang;
        let text = RichText::new(label).size(20.0).color(if selected {
            Color32::WHITE
        } else {
            params.theme.ink
        });
        let fill = if selected {
            params.theme.green_dark
        } else {
            Color32::from_white_alpha(230)
        };
        let response = ui.add(
            egui::Button::new(text)
                .fill(fill)
                .corner_radius(egui::CornerRadius::same(12))
                .min_size(egui::vec2(64.0_f32.max(tap_size(zoom)), tap_size(zoom))),
        );
        record(&mut params.rects, zoom, name, response.rect);
        if response.clicked() && !selected {
            params.set_language.write(SetLanguage(lang));
        }
    }
}

/// A level of a scene: its number, its title and whether it was passed in this session.
pub fn level_button(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    name: &str,
    label: &str,
    passed: bool,
    width: f32,
) -> egui::Response {
    let zoom = params.layout.zoom();
    let theme = &params.theme;
    let mut text = egui::text::LayoutJob::default();
    text.append(
        label,
        0.0,
        egui::TextFormat::simple(egui::FontId::proportional(19.0), theme.ink),
    );
    if passed {
        text.append(
            &params.language.t("scenes.passed"),
            10.0,
            egui::TextFormat::simple(egui::FontId::proportional(17.0), theme.green_dark),
        );
    }
    // Sized, not only at least this wide: a long title is cut short rather than widening its row.
    let response = ui.add_sized(
        egui::vec2(width, tap_size(zoom)),
        egui::Button::new(text)
            .fill(Color32::from_white_alpha(235))
            .stroke(egui::Stroke::new(1.5, theme.green))
            .corner_radius(egui::CornerRadius::same(12))
            .truncate(),
    );
    record(&mut params.rects, zoom, name, response.rect);
    response
}

/// The home button in the top-left corner, as an overlay.
pub fn corner_home(ctx: &egui::Context, params: &mut UiParams) -> bool {
    egui::Area::new(egui::Id::new("home-corner"))
        .anchor(egui::Align2::LEFT_TOP, egui::vec2(12.0, 12.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            let zoom = params.layout.zoom();
            let home = params.language.t("common.home");
            small_button(ui, &mut params.rects, zoom, "home", &home).clicked()
        })
        .inner
}

/// The language switch in the top-right corner, as an overlay.
pub fn corner_language_switch(ctx: &egui::Context, params: &mut UiParams) {
    egui::Area::new(egui::Id::new("language-switch"))
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-12.0, 12.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.horizontal(|ui| language_switch(ui, params));
        });
}

/// An icon from the art set. Until it is registered with egui (the frame after it is first
/// asked for) it takes its space invisibly, so layouts never jump.
pub fn icon(icons: &EguiIcons, name: &str, size: f32) -> egui::Image<'static> {
    let size = egui::vec2(size, size);
    match icons.get(name) {
        Some(id) => egui::Image::new(egui::load::SizedTexture::new(id, size)),
        None => egui::Image::new(egui::load::SizedTexture::new(
            egui::TextureId::default(),
            size,
        ))
        .tint(Color32::TRANSPARENT),
    }
}

pub fn color32(color: Color) -> Color32 {
    let [r, g, b, a] = color.to_srgba().to_u8_array();
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// A rounded card background.
pub fn card_frame(theme: &Theme) -> egui::Frame {
    egui::Frame::new()
        .fill(theme.paper)
        .corner_radius(egui::CornerRadius::same(24))
        .inner_margin(egui::Margin::same(22))
        .shadow(egui::Shadow {
            offset: [0, 6],
            blur: 24,
            spread: 0,
            color: Color32::from_black_alpha(50),
        })
}

/// A full-window `Ui` to lay panels into (egui 0.36 panels live inside a `Ui`).
pub fn root_ui(ctx: &egui::Context, id: &str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        egui::Id::new(id),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.content_rect()),
    )
}

/// A key of the number pad.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PadKey {
    Digit(char),
    Clear,
    Back,
}

/// A number pad key's side (logical points).
const PAD_KEY_SIDE: f32 = 56.0;

/// 1–9, then clear, 0 and back, in big keys a finger can hit (no keyboard needed); gives the key
/// pressed. Keys are recorded as `{name}_1`…, `{name}_clear`, `{name}_back`.
pub fn number_pad(ui: &mut egui::Ui, params: &mut UiParams, name: &str) -> Option<PadKey> {
    let zoom = params.layout.zoom();
    let side = PAD_KEY_SIDE.max(tap_size(zoom));
    let rows: [[char; 3]; 4] = [
        ['1', '2', '3'],
        ['4', '5', '6'],
        ['7', '8', '9'],
        ['C', '0', '←'],
    ];
    let mut pressed = None;
    for row in rows {
        ui.horizontal(|ui| {
            let gap = ui.spacing().item_spacing.x;
            ui.add_space(((ui.available_width() - 3.0 * side - 2.0 * gap) / 2.0).max(0.0));
            for key in row {
                let button = egui::Button::new(RichText::new(key.to_string()).size(28.0).strong())
                    .corner_radius(egui::CornerRadius::same(14))
                    .min_size(egui::vec2(side, side));
                let response = ui.add(button);
                let (key, label) = match key {
                    'C' => (PadKey::Clear, "clear".to_string()),
                    '←' => (PadKey::Back, "back".to_string()),
                    digit => (PadKey::Digit(digit), digit.to_string()),
                };
                record(
                    &mut params.rects,
                    zoom,
                    &format!("{name}_{label}"),
                    response.rect,
                );
                if response.clicked() {
                    pressed = Some(key);
                }
            }
        });
    }
    pressed
}
