//! Where the river scene's parts go, in screen space (logical px, origin top-left): the map with
//! each stretch's course, its class badge and its sources on the banks; the status strip with the
//! season button; the card with the actions. Pure, so it is tested; the painter draws these rects
//! and the input hit-tests them.

use bevy::prelude::*;

use super::format::{Level, WaterBody};
use super::{Phase, River, rules};
use crate::layout::Layout;

#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct RiverLayout {
    pub map: Rect,
    /// The strip with the season, the budget and the season button.
    pub status: Rect,
    pub next_season: Rect,
    /// The card: a stretch, its sources and the actions that fit it.
    pub card: Rect,
    pub close: Rect,
    /// The part of the card the actions take, and one row per action shown (the level's index).
    pub rows: Vec<(Rect, usize)>,
    pub stretches: Vec<StretchParts>,
    /// The intro card and its start button.
    pub intro: Rect,
    pub begin: Rect,
    pub zoom: f32,
}

/// One stretch on the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StretchParts {
    /// Its course in screen space.
    pub course: Vec<Vec2>,
    pub width: f32,
    /// A lake's radii, drawn around its first point.
    pub lake: Option<Vec2>,
    /// The class badge with the stretch's name.
    pub badge: Rect,
    /// Each source's icon (centre and size), in the order of `rules::stretch_sources`.
    pub sources: Vec<Rect>,
}

/// The gap around and between parts, as a share of the window's shorter side.
const GAP: f32 = 0.015;
/// The side panel's share of a landscape window's width, and its narrowest (logical points).
const PANEL_SHARE: f32 = 0.34;
const PANEL_MIN_POINTS: f32 = 330.0;
/// The map's share of a portrait window's height.
const MAP_SHARE_PORTRAIT: f32 = 0.46;
/// The status strip's height and the season button's width, in logical points.
const STATUS_POINTS: f32 = 64.0;
const SEASON_BUTTON_POINTS: f32 = 150.0;
/// An action row is at most this tall, and at least this (a finger's width), in logical points.
const ROW_MAX_POINTS: f32 = 66.0;
const ROW_MIN_POINTS: f32 = 40.0;
/// The card's heading part (the stretch, its class, a source's story) takes this share of it.
const CARD_HEAD_SHARE: f32 = 0.42;
/// The widest river, as a share of the map's shorter side; narrower with less water.
const RIVER_WIDTH: f32 = 0.1;
const NARROWEST_RIVER: f32 = 0.35;
/// A lake's radii as shares of the map's width and height.
const LAKE_RADII: Vec2 = Vec2::new(0.075, 0.1);
/// A class badge's size (on a phone it holds the numeral and the class's words, without the
/// stretch's name) and a source icon's, in logical points.
const BADGE_POINTS: Vec2 = Vec2::new(140.0, 46.0);
const BADGE_POINTS_PORTRAIT: Vec2 = Vec2::new(104.0, 34.0);
const SOURCE_POINTS: f32 = 46.0;
const SOURCE_POINTS_PORTRAIT: f32 = 36.0;
/// The gap between a river's bank and its badge or sources, in logical points.
const BANK_GAP: f32 = 6.0;
/// The close button of the card, in logical points.
const CLOSE_POINTS: f32 = 44.0;
/// The intro card's share of the window, at most.
const INTRO_SHARE: Vec2 = Vec2::new(0.9, 0.7);
const INTRO_MAX_POINTS: Vec2 = Vec2::new(620.0, 520.0);
const BEGIN_POINTS: Vec2 = Vec2::new(220.0, 64.0);
/// Where along a course the sources sit, by how many there are (the session's sorting mistakes
/// may add two to a stretch's three).
const SOURCE_SPOTS: [&[f32]; 6] = [
    &[],
    &[0.5],
    &[0.28, 0.72],
    &[0.2, 0.5, 0.8],
    &[0.12, 0.37, 0.63, 0.88],
    &[0.1, 0.3, 0.5, 0.7, 0.9],
];

pub fn river_layout(
    layout: &Layout,
    level: &Level,
    sources: &[usize],
    rows: &[usize],
) -> RiverLayout {
    let size = layout.size;
    let zoom = layout.zoom();
    let gap = size.x.min(size.y) * GAP;
    let top = crate::ui::top_bar_height(layout) * zoom + gap;
    let status_height = STATUS_POINTS * zoom;
    let (map, status, card) = if layout.portrait() {
        let map = Rect::new(
            gap,
            top,
            size.x - gap,
            top + (size.y - top) * MAP_SHARE_PORTRAIT,
        );
        let status = Rect::new(
            gap,
            map.max.y + gap,
            size.x - gap,
            map.max.y + gap + status_height,
        );
        let card = Rect::new(gap, status.max.y + gap, size.x - gap, size.y - gap);
        (map, status, card)
    } else {
        let width = (size.x * PANEL_SHARE).max(PANEL_MIN_POINTS * zoom);
        let panel_left = size.x - gap - width;
        let map = Rect::new(gap, top, panel_left - gap, size.y - gap);
        let status = Rect::new(panel_left, top, size.x - gap, top + status_height);
        let card = Rect::new(panel_left, status.max.y + gap, size.x - gap, size.y - gap);
        (map, status, card)
    };
    let season_width = (SEASON_BUTTON_POINTS * zoom).min(status.width() * 0.45);
    let next_season = Rect::new(
        status.max.x - season_width,
        status.min.y,
        status.max.x,
        status.max.y,
    );
    let close_size = CLOSE_POINTS * zoom;
    let close = Rect::new(
        card.max.x - close_size,
        card.min.y,
        card.max.x,
        card.min.y + close_size,
    );
    let rows = action_rows(card, rows, zoom, gap);
    let stretches = stretch_parts(layout, level, map, sources, zoom);
    let intro_size = (size * INTRO_SHARE).min(INTRO_MAX_POINTS * zoom);
    let intro = Rect::from_center_size(size / 2.0 + Vec2::Y * top / 2.0, intro_size);
    let begin_size = BEGIN_POINTS * zoom;
    let begin = Rect::from_center_size(
        Vec2::new(intro.center().x, intro.max.y - gap - begin_size.y / 2.0),
        begin_size,
    );
    RiverLayout {
        map,
        status,
        next_season,
        card,
        close,
        rows,
        stretches,
        intro,
        begin,
        zoom,
    }
}

/// One row per action, from the card's heading down, each as tall as the room allows.
fn action_rows(card: Rect, actions: &[usize], zoom: f32, gap: f32) -> Vec<(Rect, usize)> {
    if actions.is_empty() {
        return Vec::new();
    }
    let top = card.min.y + card.height() * CARD_HEAD_SHARE;
    let room = card.max.y - gap - top;
    let pitch = (room / actions.len() as f32)
        .min(ROW_MAX_POINTS * zoom + gap)
        .max(ROW_MIN_POINTS * zoom);
    actions
        .iter()
        .enumerate()
        .map(|(i, &action)| {
            let y = top + i as f32 * pitch;
            (
                Rect::new(card.min.x + gap, y, card.max.x - gap, y + pitch - gap * 0.6),
                action,
            )
        })
        .collect()
}

/// A point of the map (fractions; x downstream) in screen space: across a wide map, down a tall
/// one (a phone), so the river always runs along the map's long side.
pub fn on_map(map: Rect, point: Vec2, portrait: bool) -> Vec2 {
    if portrait {
        map.min + Vec2::new(1.0 - point.y, point.x) * map.size()
    } else {
        map.min + point * map.size()
    }
}

fn stretch_parts(
    layout: &Layout,
    level: &Level,
    map: Rect,
    sources: &[usize],
    zoom: f32,
) -> Vec<StretchParts> {
    let portrait = layout.portrait();
    let flows = rules::flows(level);
    let most = flows.iter().copied().fold(f32::EPSILON, f32::max);
    let widest = map.width().min(map.height()) * RIVER_WIDTH;
    let badge_size = if portrait {
        BADGE_POINTS_PORTRAIT
    } else {
        BADGE_POINTS
    } * zoom;
    let icon = if portrait {
        SOURCE_POINTS_PORTRAIT
    } else {
        SOURCE_POINTS
    } * zoom;
    let gap = BANK_GAP * zoom;
    level
        .stretches
        .iter()
        .enumerate()
        .map(|(s, stretch)| {
            let course: Vec<Vec2> = stretch
                .course
                .iter()
                .map(|&p| on_map(map, Vec2::from(p), portrait))
                .collect();
            let share = (flows[s] / most).sqrt().max(NARROWEST_RIVER);
            let width = widest * share;
            let lake = (stretch.body == WaterBody::Lake).then(|| {
                let radii = LAKE_RADII * map.size();
                if portrait {
                    Vec2::new(radii.y, radii.x)
                } else {
                    radii
                }
            });
            // Badges take one bank and sources the other, alternating stretch by stretch so
            // that neighbours' badges do not meet.
            let side = if s % 2 == 0 { -1.0 } else { 1.0 };
            let (middle, across) = along_and_across(&course, 0.5);
            let centre = match lake {
                Some(_) => course.first().copied().unwrap_or_default(),
                None => {
                    let reach = width / 2.0 + gap + (across * badge_size).abs().max_element() / 2.0;
                    middle + across * side * reach
                }
            };
            let badge = Rect::from_center_size(centre, badge_size);
            let count = sources
                .get(s)
                .copied()
                .unwrap_or(0)
                .min(SOURCE_SPOTS.len() - 1);
            let sources = SOURCE_SPOTS[count]
                .iter()
                .map(|&along| {
                    let centre = match lake {
                        Some(radii) => {
                            let angle = std::f32::consts::PI * (0.15 + 0.7 * along);
                            course.first().copied().unwrap_or_default()
                                + Vec2::new(-angle.cos() * radii.x, angle.sin() * radii.y)
                                + Vec2::new(-angle.cos(), angle.sin()) * (gap + icon / 2.0)
                        }
                        None => {
                            let (at, across) = along_and_across(&course, along);
                            at - across * side * (width / 2.0 + gap + icon / 2.0)
                        }
                    };
                    Rect::from_center_size(centre, Vec2::splat(icon))
                })
                .collect();
            StretchParts {
                course,
                width,
                lake,
                badge,
                sources,
            }
        })
        .collect()
}

/// The point a share of the way along a course.
pub fn point_along(course: &[Vec2], share: f32) -> Vec2 {
    along_and_across(course, share).0
}

/// The point a share of the way along a course, and the unit vector across it there.
fn along_and_across(course: &[Vec2], share: f32) -> (Vec2, Vec2) {
    let Some(&first) = course.first() else {
        return (Vec2::ZERO, Vec2::Y);
    };
    let total: f32 = course.windows(2).map(|w| w[0].distance(w[1])).sum();
    let mut left = total * share.clamp(0.0, 1.0);
    for w in course.windows(2) {
        let length = w[0].distance(w[1]);
        if left <= length && length > 0.0 {
            let direction = (w[1] - w[0]) / length;
            return (w[0] + direction * left, direction.perp());
        }
        left -= length;
    }
    (first, Vec2::Y)
}

/// The point of a course nearest to `point`.
pub fn nearest_on(course: &[Vec2], point: Vec2) -> Vec2 {
    if course.len() == 1 {
        return course[0];
    }
    course
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let t = ((point - a).dot(b - a) / (b - a).length_squared().max(f32::EPSILON))
                .clamp(0.0, 1.0);
            a + (b - a) * t
        })
        .min_by(|a, b| a.distance(point).total_cmp(&b.distance(point)))
        .unwrap_or(point)
}

/// How far a point is from a course.
pub fn distance_to(course: &[Vec2], point: Vec2) -> f32 {
    nearest_on(course, point).distance(point)
}

/// What a tap at a screen point reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    Begin,
    NextSeason,
    Close,
    Action(usize),
    Source { stretch: usize, source: usize },
    Stretch(usize),
}

impl RiverLayout {
    /// The part under a point, given what is on screen: the intro, or the card's actions.
    pub fn hit(&self, point: Vec2, phase: Phase, card_open: bool) -> Option<Hit> {
        if phase == Phase::Intro {
            return self.begin.contains(point).then_some(Hit::Begin);
        }
        if self.next_season.contains(point) {
            return Some(Hit::NextSeason);
        }
        if card_open {
            if self.close.contains(point) {
                return Some(Hit::Close);
            }
            if let Some((_, action)) = self.rows.iter().find(|(rect, _)| rect.contains(point)) {
                return Some(Hit::Action(*action));
            }
        }
        if !self.map.contains(point) {
            return None;
        }
        // A badge is drawn over its neighbours' sources, so it is hit first.
        if let Some(s) = self.stretches.iter().position(|p| p.badge.contains(point)) {
            return Some(Hit::Stretch(s));
        }
        for (s, parts) in self.stretches.iter().enumerate() {
            if let Some(source) = parts.sources.iter().position(|r| r.contains(point)) {
                return Some(Hit::Source { stretch: s, source });
            }
        }
        self.stretches
            .iter()
            .enumerate()
            .map(|(s, parts)| {
                let reach = match parts.lake {
                    Some(radii) => radii.max_element(),
                    None => parts.width / 2.0 + parts.width.max(24.0 * self.zoom) * 0.5,
                };
                (s, distance_to(&parts.course, point) - reach)
            })
            .filter(|(_, outside)| *outside <= 0.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(s, _)| Hit::Stretch(s))
    }
}

/// The level's offered actions a stretch's card lists: those that could work there.
pub fn actions_for(river: &River, stretch: usize) -> Vec<usize> {
    (0..river.level().actions.len())
        .filter(|&index| {
            !matches!(
                river.can_take(index, stretch),
                Err(rules::Refusal::NothingToFix
                    | rules::Refusal::NotOffered
                    | rules::Refusal::Unknown)
            ) || river
                .taken_on(stretch)
                .iter()
                .any(|(action, _)| Some(&action.id) == river.level().actions.get(index))
        })
        .collect()
}

pub(super) fn compute_layout(
    layout: Res<Layout>,
    river: Res<River>,
    mut parts: ResMut<RiverLayout>,
) {
    let level = river.level();
    let sources: Vec<usize> = (0..level.stretches.len())
        .map(|s| river.sources_on(s).len())
        .collect();
    let rows = river
        .selected
        .map(|selection| actions_for(&river, selection.stretch))
        .unwrap_or_default();
    let next = river_layout(&layout, level, &sources, &rows);
    if *parts != next {
        *parts = next;
    }
}
