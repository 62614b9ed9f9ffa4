//! The chrome every screen and scene shares: the top bar (back, mute, language), the centred
//! card, the citation line and the confirm keys.

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText};

use super::{
    Theme, UiParams, big_button, card_frame, icon, language_switch, record, small_button, tap_size,
};
use crate::audio::ToggleMute;
use crate::i18n::Language;
use crate::pack::{Citation, Lang};

/// The widest a centred card grows, and the widest a results card grows (logical points).
pub const CARD_WIDTH: f32 = 620.0;
pub const WIDE_CARD_WIDTH: f32 = 760.0;
/// The gap kept between a card and the window's edges.
pub const CARD_MARGIN: f32 = 24.0;

/// Keys that press the screen's main button.
pub const CONFIRM_KEYS: [KeyCode; 3] = [KeyCode::Enter, KeyCode::Space, KeyCode::NumpadEnter];

pub fn confirm_pressed(keys: &ButtonInput<KeyCode>) -> bool {
    keys.any_just_pressed(CONFIRM_KEYS)
}

/// The keys that pick the first, second, … of a row of choices: the digit row and the number pad.
pub const NUMBER_KEYS: [[KeyCode; 2]; 9] = [
    [KeyCode::Digit1, KeyCode::Numpad1],
    [KeyCode::Digit2, KeyCode::Numpad2],
    [KeyCode::Digit3, KeyCode::Numpad3],
    [KeyCode::Digit4, KeyCode::Numpad4],
    [KeyCode::Digit5, KeyCode::Numpad5],
    [KeyCode::Digit6, KeyCode::Numpad6],
    [KeyCode::Digit7, KeyCode::Numpad7],
    [KeyCode::Digit8, KeyCode::Numpad8],
    [KeyCode::Digit9, KeyCode::Numpad9],
];

/// The digit key for the choice at `index` (0 is key 1).
pub fn number_key(index: usize) -> Option<KeyCode> {
    NUMBER_KEYS.get(index).map(|codes| codes[0])
}

/// The choices (among the first `count`) whose number key was just pressed.
pub fn numbers_pressed(keys: &ButtonInput<KeyCode>, count: usize) -> Vec<usize> {
    (0..count.min(NUMBER_KEYS.len()))
        .filter(|&i| keys.any_just_pressed(NUMBER_KEYS[i]))
        .collect()
}

/// A card's width for a window: as wide as it may be, within the window's margins.
pub fn card_width(ctx: &egui::Context, widest: f32) -> f32 {
    (ctx.content_rect().width() - CARD_MARGIN).min(widest)
}

/// The top bar's height in logical points (one row, or two on a narrow window), for what sits
/// below it.
pub fn top_bar_height(layout: &crate::layout::Layout) -> f32 {
    let row = tap_size(layout.zoom()) + 12.0;
    if layout.narrow() {
        row * 2.0 + 10.0
    } else {
        row
    }
}

/// What a click on the top bar asked for.
#[derive(Default)]
pub struct TopBar {
    pub back: bool,
}

/// The bar across the top of a round: back on the left, `status` after it (on a second row when
/// the window is narrow), sound and language on the right.
pub fn top_bar(
    ctx: &egui::Context,
    params: &mut UiParams,
    id: &str,
    mut status: impl FnMut(&mut egui::Ui),
) -> TopBar {
    let zoom = params.layout.zoom();
    let narrow = params.layout.narrow();
    let mut bar = TopBar::default();
    egui::Panel::top(egui::Id::new(id))
        .frame(
            egui::Frame::new()
                .fill(Color32::from_white_alpha(215))
                .inner_margin(egui::Margin::symmetric(10, 6)),
        )
        .show(&mut super::root_ui(ctx, id), |ui| {
            ui.horizontal(|ui| {
                let back = params.language.t("common.back");
                bar.back = small_button(ui, &mut params.rects, zoom, "home", &back).clicked();
                if !narrow {
                    status(ui);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    language_switch(ui, params);
                    mute_button(ui, params);
                });
            });
            if narrow {
                ui.horizontal(|ui| status(ui));
            }
        });
    bar
}

fn mute_button(ui: &mut egui::Ui, params: &mut UiParams) {
    let muted = params.muted.0;
    let (image, label) = if muted {
        ("muted-speaker", "hud.sound_off")
    } else {
        ("speaker-high-volume", "hud.sound_on")
    };
    let button = ui
        .add(
            egui::Button::image(icon(&params.icons, image, 30.0))
                .min_size(egui::Vec2::splat(tap_size(params.layout.zoom()))),
        )
        .on_hover_text(params.language.t(label));
    record(&mut params.rects, params.layout.zoom(), "mute", button.rect);
    if button.clicked() {
        params.mute.write(ToggleMute);
    }
}

/// A card in the middle of the window below the top bar, above everything else, hiding what is
/// behind it.
pub fn centered_card(
    ctx: &egui::Context,
    theme: &Theme,
    layout: &crate::layout::Layout,
    id: &str,
    add: impl FnOnce(&mut egui::Ui),
) {
    let width = card_width(ctx, CARD_WIDTH);
    let top = top_bar_height(layout);
    egui::Area::new(egui::Id::new(id))
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, top / 2.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            card_frame(theme).show(ui, |ui| {
                ui.set_width(width - 44.0);
                ui.vertical_centered(|ui| add(ui));
            });
        });
}

/// What the visitor answered to "leave this round?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeaveAnswer {
    Stay,
    Leave,
}

/// "Leave this round?" with "keep playing" first and "leave" below it, over the round.
pub fn leave_question(ctx: &egui::Context, params: &mut UiParams, id: &str) -> Option<LeaveAnswer> {
    let theme = params.theme.clone();
    let language = *params.language;
    let layout = *params.layout;
    let zoom = layout.zoom();
    let mut answer = None;
    centered_card(ctx, &theme, &layout, id, |ui| {
        super::title(ui, &language.t("round.leave_question"), 30.0, theme.ink);
        ui.add_space(8.0);
        let choices = [
            ("stay", "round.stay", theme.green, LeaveAnswer::Stay),
            ("leave", "round.leave", theme.muted, LeaveAnswer::Leave),
        ];
        for (name, key, fill, chosen) in choices {
            let label = language.t(key);
            if super::big_button(ui, &mut params.rects, zoom, name, &label, fill, 280.0).clicked() {
                answer = Some(chosen);
            }
        }
    });
    answer
}

/// "来源：A；B（约）" / "Source: A; B (approx.)".
pub fn citation_text(language: &Language, citation: &Citation) -> String {
    let (separator, approx) = match language.0 {
        Lang::Zh => ("；", format!("（{}）", language.t("common.approx"))),
        Lang::En => ("; ", format!(" ({})", language.t("common.approx"))),
    };
    let titles: Vec<&str> = citation.sources.iter().map(|s| language.pick(s)).collect();
    format!(
        "{} {}{}",
        language.t("common.source"),
        titles.join(separator),
        if citation.approx { approx.as_str() } else { "" }
    )
}

/// The citation line under a fact, small and quiet but readable.
pub fn citation_line(ui: &mut egui::Ui, language: &Language, theme: &Theme, citation: &Citation) {
    ui.label(
        RichText::new(citation_text(language, citation))
            .size(15.0)
            .color(theme.muted),
    );
}

/// Space above a page's card, clear of the corner buttons (logical points).
pub const PAGE_TOP_GAP: f32 = 64.0;

/// A page's card in the middle of the window, at most `widest` wide, scrolling when it is taller
/// than the window.
pub fn card_page(root: &mut egui::Ui, theme: &Theme, widest: f32, add: impl FnOnce(&mut egui::Ui)) {
    let ctx = root.ctx().clone();
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(root, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.add_space(PAGE_TOP_GAP);
                        let width = card_width(&ctx, widest);
                        card_frame(theme).show(ui, |ui| {
                            ui.set_width(width - 44.0);
                            add(ui);
                        });
                        ui.add_space(16.0);
                    });
                });
        });
}

/// A row of big buttons fixed at the bottom of the window, centred, each at most `widest` wide,
/// so a finger always reaches them; gives the value of the one pressed.
pub fn action_bar<T>(
    root: &mut egui::Ui,
    params: &mut UiParams,
    id: &str,
    widest: f32,
    buttons: Vec<(&str, String, egui::Color32, T)>,
) -> Option<T> {
    let zoom = params.layout.zoom();
    let mut pressed = None;
    egui::Panel::bottom(egui::Id::new(id))
        .frame(
            egui::Frame::new()
                .fill(egui::Color32::from_white_alpha(235))
                .inner_margin(egui::Margin::symmetric(12, 10)),
        )
        .show(root, |ui| {
            let gap = ui.spacing().item_spacing.x;
            let count = buttons.len().max(1) as f32;
            let width = ((ui.available_width() - gap * (count - 1.0)) / count).min(widest);
            let row = width * count + gap * (count - 1.0);
            ui.horizontal(|ui| {
                ui.add_space(((ui.available_width() - row) / 2.0).max(0.0));
                for (name, label, fill, value) in buttons {
                    if big_button(ui, &mut params.rects, zoom, name, &label, fill, width).clicked()
                    {
                        pressed = Some(value);
                    }
                }
            });
        });
    pressed
}
