//! The river on screen, painted each frame from the rules' state and the layout: land, water
//! coloured by class and blending between seasons, ripples that move downstream and fade as the
//! water dirties, plumes at the sources, floating litter, fish and the porpoise, and each
//! stretch's badge with its class as numeral, colour and words.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::format::{RiverData, WaterBody, WaterClass};
use super::layout::{RiverLayout, nearest_on, point_along};
use super::outcome::class_words;
use super::{River, SCREEN, card};
use crate::i18n::Language;
use crate::ui::{EguiIcons, UiSystems, color32};
use crate::world::EcoWorld;

const MAP_LAYER: &str = "river-map";
const LAND: egui::Color32 = egui::Color32::from_rgb(0xd9, 0xe8, 0xc4);
const LAND_EDGE: egui::Color32 = egui::Color32::from_rgb(0x9c, 0xb8, 0x86);
const HAZE: Color = Color::srgb(0.62, 0.55, 0.45);
/// How much a fully hazy travel week tints the map (alpha, 0 to 255).
const HAZE_ALPHA: f32 = 120.0;
const INK: egui::Color32 = egui::Color32::from_rgb(0x1f, 0x33, 0x29);
const PLATE: egui::Color32 = egui::Color32::from_rgba_premultiplied(250, 250, 244, 235);
const HAZARD_RING: egui::Color32 = egui::Color32::from_rgb(0xc0, 0x1c, 0x1c);
const FIXED_RING: egui::Color32 = egui::Color32::from_rgb(0x2e, 0x9b, 0x47);
const PLUME: egui::Color32 = egui::Color32::from_rgba_premultiplied(70, 58, 30, 90);
/// Ripples per 100 logical points of course, and how fast they drift (shares of the course per
/// second).
const RIPPLES_PER_100: f32 = 1.6;
const RIPPLE_SPEED: f32 = 0.05;
/// Ripples show fully on class Ⅰ–Ⅱ water, fade on Ⅲ–Ⅴ and vanish on worse.
const RIPPLE_ALPHA: [u8; 6] = [200, 190, 140, 90, 50, 0];
/// Litter pieces drift slower than the water, and wildlife swims against it a little.
const LITTER_SPEED: f32 = 0.02;
const SWIM_SPEED: f32 = 0.03;
const LITTER_ICONS: [&str; 2] = ["plastic-bottle", "plastic-bag"];
/// Sizes as shares of a river's width, or in logical points.
const LITTER_SHARE: f32 = 0.45;
const FISH_POINTS: f32 = 30.0;
const PORPOISE_POINTS: f32 = 46.0;
const BADGE_TEXT: f32 = 15.0;
const BADGE_TEXT_ONE_LINE: f32 = 13.0;
/// A badge at least this tall (points) names its stretch above the class's words.
const BADGE_TWO_LINES_FROM: f32 = 40.0;
const NUMERAL_TEXT: f32 = 24.0;
const SOURCE_LOAD_FULL: f32 = 1.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (paint_map, card::show)
            .chain()
            .in_set(UiSystems)
            .run_if(in_state(SCREEN).and_then(resource_exists::<River>)),
    );
}

/// A class's colour on screen, from the pack (grey if it has none).
pub fn class_color(data: &RiverData, class: WaterClass) -> Color {
    data.class_info(class)
        .and_then(|info| crate::pack::parse_hex_color(&info.color))
        .map_or(Color::srgb(0.5, 0.5, 0.5), |[r, g, b]| {
            Color::srgb_u8(r, g, b)
        })
}

/// A screen point (logical px) in egui points.
pub fn pos(point: Vec2, zoom: f32) -> egui::Pos2 {
    egui::pos2(point.x / zoom, point.y / zoom)
}

pub fn rect(r: Rect, zoom: f32) -> egui::Rect {
    egui::Rect::from_min_max(pos(r.min, zoom), pos(r.max, zoom))
}

pub fn image(
    painter: &egui::Painter,
    icons: &EguiIcons,
    name: &str,
    at: egui::Rect,
    tint: egui::Color32,
) {
    if let Some(texture) = icons.get(name) {
        let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
        painter.image(texture, at, uv, tint);
    }
}

fn paint_map(
    mut contexts: EguiContexts,
    river: Res<River>,
    parts: Res<RiverLayout>,
    icons: Res<EguiIcons>,
    language: Res<Language>,
    world: Res<EcoWorld>,
    time: Res<Time>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let zoom = ctx.zoom_factor();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Background,
        egui::Id::new(MAP_LAYER),
    ));
    let map = rect(parts.map, zoom);
    painter.rect_filled(map, 12.0, LAND);
    painter.rect_stroke(
        map,
        12.0,
        egui::Stroke::new(2.0, LAND_EDGE),
        egui::StrokeKind::Inside,
    );
    let data = &river.data;
    let level = river.level();
    let seconds = time.elapsed_secs();
    let blend = river.passing.clamp(0.0, 1.0);
    // Water first (all of it, so no stretch's bank covers another's water), then what is on it.
    for (s, part) in parts.stretches.iter().enumerate() {
        let (Some(before), Some(now)) = (river.before.stretches.get(s), river.now.stretches.get(s))
        else {
            continue;
        };
        let color = class_color(data, before.class).mix(&class_color(data, now.class), blend);
        let water = color32(color);
        let width = part.width / zoom;
        match part.lake {
            Some(radii) => {
                let centre = pos(part.course[0], zoom);
                painter.add(egui::Shape::ellipse_filled(
                    centre,
                    egui::vec2(radii.x, radii.y) / zoom,
                    water,
                ));
            }
            None => {
                let points: Vec<egui::Pos2> = part.course.iter().map(|&p| pos(p, zoom)).collect();
                for point in &points {
                    painter.circle_filled(*point, width / 2.0, water);
                }
                painter.add(egui::Shape::line(points, egui::Stroke::new(width, water)));
            }
        }
    }
    for (s, part) in parts.stretches.iter().enumerate() {
        let Some(now) = river.now.stretches.get(s) else {
            continue;
        };
        let stretch = &level.stretches[s];
        let ripple = RIPPLE_ALPHA[now.class.index()];
        if ripple > 0 && stretch.body == WaterBody::River {
            let length: f32 = part
                .course
                .windows(2)
                .map(|w| w[0].distance(w[1]))
                .sum::<f32>()
                / zoom;
            let count = (length / 100.0 * RIPPLES_PER_100).ceil().max(1.0) as usize;
            for i in 0..count {
                let share = (i as f32 / count as f32 + seconds * RIPPLE_SPEED).fract();
                let at = pos(point_along(&part.course, share), zoom);
                let dash = egui::vec2(part.width / zoom * 0.22, 0.0);
                let offset = egui::vec2(0.0, ((i % 3) as f32 - 1.0) * part.width / zoom * 0.22);
                painter.line_segment(
                    [at - dash + offset, at + dash + offset],
                    egui::Stroke::new(2.0, egui::Color32::from_white_alpha(ripple)),
                );
            }
        }
        // Plumes where sources still pour in.
        for (j, (id, amount)) in river.sources_on(s).iter().enumerate() {
            let (Some(source), Some(spot)) = (data.source(id), part.sources.get(j)) else {
                continue;
            };
            let loaded: f32 = source.loads.values().map(|v| v.abs()).sum::<f32>() * amount;
            let fixed = fixed_share(&river, s, id);
            if loaded <= 0.0 || fixed >= 1.0 {
                continue;
            }
            let strength = ((loaded / SOURCE_LOAD_FULL).min(1.0) * (1.0 - fixed)).max(0.25);
            let toward = nearest_on(&part.course, spot.center());
            let mouth = pos(spot.center().lerp(toward, 0.8), zoom);
            let pulse = 1.0 + 0.08 * (seconds * 2.0 + j as f32).sin();
            painter.circle_filled(mouth, part.width / zoom * 0.45 * strength * pulse, PLUME);
        }
        // Litter drifting downstream.
        for k in 0..now.litter.min(8) {
            let share = ((k as f32 * 0.37 + 0.1) + seconds * LITTER_SPEED).fract();
            let at = point_along(&part.course, share);
            let wobble = Vec2::new(0.0, (seconds * 1.3 + k as f32).sin() * part.width * 0.15);
            let size = (part.width * LITTER_SHARE).max(14.0 * zoom) / zoom;
            let spot = egui::Rect::from_center_size(pos(at + wobble, zoom), egui::vec2(size, size));
            image(
                &painter,
                &icons,
                LITTER_ICONS[k as usize % 2],
                spot,
                egui::Color32::WHITE,
            );
        }
        // Wildlife, swimming a little against the current.
        for (n, &index) in now.wildlife.iter().enumerate() {
            let Some(species) = data.species.get(index) else {
                continue;
            };
            let big = species.needs_ban;
            let size = if big { PORPOISE_POINTS } else { FISH_POINTS };
            let share = match part.lake {
                Some(_) => 0.0,
                None => (0.75 - n as f32 * 0.5 - seconds * SWIM_SPEED).rem_euclid(1.0),
            };
            let mut at = point_along(&part.course, share);
            if let Some(radii) = part.lake {
                at += Vec2::new(
                    (seconds * 0.4 + n as f32).cos(),
                    (seconds * 0.4 + n as f32).sin(),
                ) * radii
                    * 0.4;
            }
            let bob = (seconds * 2.5 + n as f32).sin() * 3.0;
            let spot = egui::Rect::from_center_size(
                pos(at, zoom) + egui::vec2(0.0, bob),
                egui::vec2(size, size),
            );
            image(&painter, &icons, &species.icon, spot, egui::Color32::WHITE);
        }
    }
    // Sources on the banks, then the badges on top.
    for (s, part) in parts.stretches.iter().enumerate() {
        let selected = river.selected.is_some_and(|sel| sel.stretch == s);
        for (j, (id, _)) in river.sources_on(s).iter().enumerate() {
            let (Some(source), Some(spot)) = (data.source(id), part.sources.get(j)) else {
                continue;
            };
            let spot = rect(*spot, zoom);
            let fixed = fixed_share(&river, s, id) >= 1.0;
            let ring = if source.hazard && !fixed {
                HAZARD_RING
            } else if fixed {
                FIXED_RING
            } else {
                LAND_EDGE
            };
            let inspected = river
                .selected
                .is_some_and(|sel| sel.stretch == s && sel.source == Some(j));
            painter.circle_filled(spot.center(), spot.width() * 0.55, PLATE);
            painter.circle_stroke(
                spot.center(),
                spot.width() * 0.55,
                egui::Stroke::new(if inspected { 4.0 } else { 2.5 }, ring),
            );
            image(
                &painter,
                &icons,
                &source.icon,
                spot.shrink(spot.width() * 0.12),
                egui::Color32::WHITE,
            );
            if fixed {
                let tick =
                    egui::Rect::from_center_size(spot.right_bottom(), egui::vec2(20.0, 20.0));
                image(
                    &painter,
                    &icons,
                    "check-mark-button",
                    tick,
                    egui::Color32::WHITE,
                );
            }
        }
        let Some(now) = river.now.stretches.get(s) else {
            continue;
        };
        badge(
            &painter, &river, &language, part.badge, now.class, s, selected, zoom,
        );
    }
    if world.haze > 0.05 {
        let alpha = (world.haze.clamp(0.0, 1.0) * HAZE_ALPHA) as u8;
        let [r, g, b, _] = color32(HAZE).to_array();
        painter.rect_filled(
            map,
            12.0,
            egui::Color32::from_rgba_unmultiplied(r, g, b, alpha),
        );
    }
    Ok(())
}

/// A stretch's badge: its name, then its class as a coloured numeral with the class's words.
#[allow(clippy::too_many_arguments)]
fn badge(
    painter: &egui::Painter,
    river: &River,
    language: &Language,
    at: Rect,
    class: WaterClass,
    stretch: usize,
    selected: bool,
    zoom: f32,
) {
    let data = &river.data;
    let area = rect(at, zoom);
    let edge = if selected {
        INK
    } else {
        egui::Color32::from_gray(120)
    };
    painter.rect_filled(area, 8.0, PLATE);
    painter.rect_stroke(
        area,
        8.0,
        egui::Stroke::new(if selected { 3.0 } else { 1.5 }, edge),
        egui::StrokeKind::Outside,
    );
    let swatch =
        egui::Rect::from_min_size(area.min, egui::vec2(area.height() * 0.9, area.height()));
    let fill = color32(class_color(data, class));
    painter.rect_filled(swatch, 8.0, fill);
    painter.text(
        swatch.center(),
        egui::Align2::CENTER_CENTER,
        class.numeral(),
        egui::FontId::proportional(if class == WaterClass::WorseThanV {
            NUMERAL_TEXT * 0.7
        } else {
            NUMERAL_TEXT
        }),
        crate::ui::readable_on(egui::Color32::WHITE, fill),
    );
    let name = language.pick(&river.level().stretches[stretch].name);
    let words = data
        .class_info(class)
        .map(|info| language.pick(&info.label).to_string())
        .unwrap_or_else(|| class_words(river, class, language.0));
    let text_left = swatch.right() + 4.0;
    let room = area.right() - text_left - 3.0;
    // A phone's badge has room for the class's words only; the card names the stretch.
    let lines: Vec<(&str, bool)> = if area.height() < BADGE_TWO_LINES_FROM {
        vec![(words.as_str(), false)]
    } else {
        vec![(name, true), (words.as_str(), false)]
    };
    let pitch = area.height() / lines.len() as f32;
    let size = if lines.len() == 1 {
        BADGE_TEXT_ONE_LINE
    } else {
        BADGE_TEXT
    };
    for (line, (text, strong)) in lines.into_iter().enumerate() {
        let color = if strong {
            INK
        } else {
            egui::Color32::from_gray(60)
        };
        let galley = painter.layout_job(one_line(text, size, color, room));
        let y = area.top() + pitch * (line as f32 + 0.5) - galley.rect.height() / 2.0;
        painter.galley(egui::pos2(text_left, y), galley, INK);
    }
}

/// Text on one line, cut with "…" where it does not fit.
fn one_line(text: &str, size: f32, color: egui::Color32, width: f32) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::simple(
        text.to_string(),
        egui::FontId::proportional(size),
        color,
        width,
    );
    job.wrap = egui::text::TextWrapping {
        max_width: width,
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    job
}

/// The share of a source's load the working actions remove (1 when it is gone).
pub fn fixed_share(river: &River, stretch: usize, source: &str) -> f32 {
    let data = &river.data;
    let step = river.now.step;
    river
        .taken
        .iter()
        .filter(|t| super::rules::working(data, t, step))
        .filter_map(|t| Some((data.action(&t.action)?, t.stretch)))
        .filter(|(action, at)| {
            (*at == stretch || action.scope == super::format::Scope::River)
                && action.fixes.iter().any(|f| f == source)
        })
        .map(|(action, _)| {
            if action.clears_hazards {
                1.0
            } else {
                action.cut.values().copied().fold(0.0, f32::max)
            }
        })
        .fold(0.0_f32, |left, cut| left + (1.0 - left) * cut)
}
