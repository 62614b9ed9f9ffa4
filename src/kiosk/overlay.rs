//! What a passer-by sees over the kiosk: "触摸开始 / Touch to start" over the attract loop, and
//! "还在吗？/ Still there?" with its countdown. Both languages at once: the visitor has not chosen
//! one yet.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Kiosk;
use super::attract::AttractLoop;
use super::idle::Stage;
use crate::i18n::tr;
use crate::pack::Lang;
use crate::ui::{self, Theme, UiRects, UiSystems};

/// Text sizes (logical points at the UI's zoom).
const INVITE_ZH: f32 = 64.0;
const INVITE_EN: f32 = 34.0;
const DEMO_LABEL: f32 = 20.0;
const ASK_ZH: f32 = 52.0;
const ASK_EN: f32 = 30.0;
const SECONDS_LEFT: f32 = 96.0;
const KEEP_PLAYING: f32 = 22.0;
/// The invitation breathes: its band's opacity swings this much, this many times a second.
const PULSE_DEPTH: f32 = 0.25;
const PULSE_HZ: f32 = 0.6;
/// The band under the invitation: its share of the window's height and its darkest opacity.
const BAND_SHARE: f32 = 0.27;
const BAND_ALPHA: f32 = 0.62;
const DIM_ALPHA: u8 = 170;
/// The "Still there?" card (logical points).
const CARD_WIDTH: f32 = 520.0;
const CARD_HEIGHT: f32 = 370.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.after(UiSystems).run_if(resource_exists::<Kiosk>),
    );
}

fn show(
    mut contexts: bevy_egui::EguiContexts,
    kiosk: Res<Kiosk>,
    attract: Res<AttractLoop>,
    theme: Res<Theme>,
    time: Res<Time<Real>>,
    layout: Res<crate::layout::Layout>,
    mut rects: ResMut<UiRects>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    match kiosk.clock.stage {
        Stage::Active => {}
        Stage::Attract => invite(
            ctx,
            &attract,
            &theme,
            time.elapsed_secs(),
            layout.zoom(),
            &mut rects,
        ),
        Stage::Countdown { left } => still_there(ctx, &theme, left, layout.zoom(), &mut rects),
    }
    Ok(())
}

/// A layer over everything, catching every touch (the kiosk reads the touch itself).
fn cover(
    ctx: &egui::Context,
    id: &str,
    paint: impl FnOnce(&mut egui::Ui, egui::Rect),
) -> egui::Rect {
    let screen = ctx.content_rect();
    egui::Area::new(egui::Id::new(id))
        .order(egui::Order::Tooltip)
        .fixed_pos(screen.min)
        .interactable(true)
        .show(ctx, |ui| {
            let (rect, _) = ui.allocate_exact_size(screen.size(), egui::Sense::click());
            paint(ui, rect);
        });
    screen
}

fn centred_text(
    ui: &egui::Ui,
    at: egui::Pos2,
    text: &str,
    size: f32,
    color: egui::Color32,
) -> egui::Rect {
    ui.painter().text(
        at,
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(size),
        color,
    )
}

fn invite(
    ctx: &egui::Context,
    attract: &AttractLoop,
    theme: &Theme,
    seconds: f32,
    zoom: f32,
    rects: &mut UiRects,
) {
    let wave = (seconds * PULSE_HZ * std::f32::consts::TAU).sin();
    let pulse = 1.0 - PULSE_DEPTH * (0.5 + 0.5 * wave);
    let screen = cover(ctx, "kiosk-invite", |ui, rect| {
        let band = egui::Rect::from_min_max(
            egui::pos2(rect.min.x, rect.max.y - rect.height() * BAND_SHARE),
            rect.max,
        );
        let alpha = (BAND_ALPHA * pulse * 255.0) as u8;
        let shade = egui::Color32::from_rgba_unmultiplied(16, 52, 30, alpha);
        ui.painter().rect_filled(band, 0.0, shade);
        // The scene being shown, at the band's top; the invitation below it.
        if let Some((scene, _)) = attract.showing {
            let key = format!("scene.{}.title", scene.name());
            let label = format!(
                "{} {} · {} {}",
                tr(Lang::Zh, "kiosk.demo"),
                tr(Lang::Zh, &key),
                tr(Lang::En, "kiosk.demo"),
                tr(Lang::En, &key)
            );
            let galley = ui.painter().layout_no_wrap(
                label,
                egui::FontId::proportional(DEMO_LABEL),
                theme.ink,
            );
            let at = egui::pos2(band.center().x, band.min.y + DEMO_LABEL);
            let plate = egui::Rect::from_center_size(at, galley.size() + egui::vec2(24.0, 10.0));
            ui.painter().rect_filled(plate, 8.0, theme.paper);
            ui.painter()
                .galley(plate.center() - galley.size() / 2.0, galley, theme.ink);
        }
        let middle = band.center() + egui::vec2(0.0, DEMO_LABEL * 0.8);
        let white = egui::Color32::WHITE;
        let zh = tr(Lang::Zh, "kiosk.touch_to_start");
        let en = tr(Lang::En, "kiosk.touch_to_start");
        centred_text(
            ui,
            middle - egui::vec2(0.0, INVITE_EN * 0.5),
            &zh,
            INVITE_ZH,
            white,
        );
        centred_text(
            ui,
            middle + egui::vec2(0.0, INVITE_ZH * 0.6),
            &en,
            INVITE_EN,
            white,
        );
    });
    ui::record(rects, zoom, "kiosk_touch_to_start", screen);
}

fn still_there(ctx: &egui::Context, theme: &Theme, left: f32, zoom: f32, rects: &mut UiRects) {
    let screen = cover(ctx, "kiosk-still-there", |ui, rect| {
        ui.painter()
            .rect_filled(rect, 0.0, egui::Color32::from_black_alpha(DIM_ALPHA));
        let size = egui::vec2(CARD_WIDTH.min(rect.width() - 32.0), CARD_HEIGHT);
        let card = egui::Rect::from_center_size(rect.center(), size);
        ui.painter().rect_filled(card, 24.0, theme.paper);
        let seconds = format!("{}", left.ceil().max(0.0) as u32);
        // (text, size, colour, its middle's distance from the card's top)
        let lines = [
            (tr(Lang::Zh, "kiosk.still_there"), ASK_ZH, theme.ink, 60.0),
            (
                tr(Lang::En, "kiosk.still_there"),
                ASK_EN,
                theme.muted,
                112.0,
            ),
            (seconds, SECONDS_LEFT, theme.green_dark, 205.0),
            (
                tr(Lang::Zh, "kiosk.keep_playing"),
                KEEP_PLAYING,
                theme.ink,
                300.0,
            ),
            (
                tr(Lang::En, "kiosk.keep_playing"),
                KEEP_PLAYING,
                theme.muted,
                334.0,
            ),
        ];
        for (text, size, color, down) in lines {
            let at = egui::pos2(card.center().x, card.min.y + down);
            centred_text(ui, at, &text, size, color);
        }
    });
    ui::record(rects, zoom, "kiosk_still_there", screen);
}
