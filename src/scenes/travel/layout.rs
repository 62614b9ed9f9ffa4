//! Where the travel scene's parts go, in screen space (logical px, origin top-left): the city map,
//! the trip's heading and one card per way to go. Pure, so it is tested.

use bevy::prelude::*;

use crate::layout::Layout;

/// The map art's width:height.
pub const MAP_ASPECT: f32 = 1.6;

#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct TravelLayout {
    pub map: Rect,
    /// The panel beside (or below) the map: the trip's heading, then the cards. The arrival card
    /// takes the whole panel.
    pub panel: Rect,
    pub heading: Rect,
    pub cards: Vec<Rect>,
    /// The part of the city map in view, as fractions of the whole map (the whole map at first).
    pub view: Rect,
}

/// The gap around and between parts, as a share of the window's shorter side.
const GAP: f32 = 0.015;
/// The panel's share of a landscape window's width, and its narrowest (logical points).
const PANEL_SHARE: f32 = 0.36;
const PANEL_MIN_POINTS: f32 = 330.0;
/// The trip's heading: this many logical points tall beside the map, fewer below it on a phone.
const HEADING_POINTS: f32 = 118.0;
const HEADING_POINTS_PORTRAIT: f32 = 124.0;
/// A card is at most this many logical points tall.
const CARD_MAX_POINTS: f32 = 96.0;
/// The map never takes more than this share of a portrait window's height.
const MAP_MAX_SHARE_PORTRAIT: f32 = 0.34;

pub fn travel_layout(layout: &Layout, choices: usize) -> TravelLayout {
    let size = layout.size;
    let zoom = layout.zoom();
    let gap = size.x.min(size.y) * GAP;
    let top = crate::ui::top_bar_height(layout) * zoom + gap;
    let (map, panel, heading_points) = if layout.portrait() {
        let width = size.x - 2.0 * gap;
        let height = (width / MAP_ASPECT).min(size.y * MAP_MAX_SHARE_PORTRAIT);
        let map = Rect::from_center_size(
            Vec2::new(size.x / 2.0, top + height / 2.0),
            Vec2::new(height * MAP_ASPECT, height),
        );
        let panel = Rect::new(gap, map.max.y + gap, size.x - gap, size.y - gap);
        (map, panel, HEADING_POINTS_PORTRAIT)
    } else {
        let panel_width = (size.x * PANEL_SHARE).max(PANEL_MIN_POINTS * zoom);
        let panel = Rect::new(size.x - gap - panel_width, top, size.x - gap, size.y - gap);
        let room = Vec2::new(panel.min.x - 2.0 * gap, size.y - top - gap);
        let height = room.y.min(room.x / MAP_ASPECT);
        let map = Rect::from_center_size(
            Vec2::new(gap + room.x / 2.0, top + room.y / 2.0),
            Vec2::new(height * MAP_ASPECT, height),
        );
        (map, panel, HEADING_POINTS)
    };
    let heading = Rect::new(
        panel.min.x,
        panel.min.y,
        panel.max.x,
        panel.min.y + heading_points * zoom,
    );
    let choices = choices.max(1) as f32;
    let room = (panel.max.y - heading.max.y - gap).max(0.0);
    let pitch = (room / choices).min((CARD_MAX_POINTS * zoom) + gap);
    let cards = (0..choices as usize)
        .map(|i| {
            let y = heading.max.y + gap + i as f32 * pitch;
            Rect::new(panel.min.x, y, panel.max.x, y + pitch - gap)
        })
        .collect();
    TravelLayout {
        map,
        panel,
        heading,
        cards,
        view: WHOLE_MAP,
    }
}

/// The whole map, as fractions of itself.
pub const WHOLE_MAP: Rect = Rect {
    min: Vec2::ZERO,
    max: Vec2::ONE,
};

/// The view is this many times the route's extent, so the route fills about half of it.
const VIEW_AROUND_ROUTE: f32 = 2.2;
/// The view never shows less than this share of the map's height (the city stays recognisable).
const VIEW_MIN_SHARE: f32 = 0.42;

/// The part of the map that frames a route from `from` to `to` (map fractions): the route in
/// the middle with room around it, within the map, keeping the map's shape.
pub fn map_view(from: Vec2, to: Vec2) -> Rect {
    // Work in map-height units, where a step across is as long as a step down.
    let square = |fraction: Vec2| Vec2::new(fraction.x * MAP_ASPECT, fraction.y);
    let (a, b) = (square(from), square(to));
    let bow = route_point(a, b, 0.5);
    let low = a.min(b).min(bow);
    let high = a.max(b).max(bow);
    let extent = (high - low) * VIEW_AROUND_ROUTE;
    let height = extent
        .y
        .max(extent.x / MAP_ASPECT)
        .clamp(VIEW_MIN_SHARE, 1.0);
    let size = Vec2::new(height * MAP_ASPECT, height);
    let whole = Vec2::new(MAP_ASPECT, 1.0);
    let center = ((low + high) / 2.0).clamp(size / 2.0, whole - size / 2.0);
    let unsquare = |point: Vec2| Vec2::new(point.x / MAP_ASPECT, point.y);
    Rect {
        min: unsquare(center - size / 2.0),
        max: unsquare(center + size / 2.0),
    }
}

impl TravelLayout {
    /// The card under a screen point.
    pub fn card_at(&self, point: Vec2) -> Option<usize> {
        self.cards.iter().position(|card| card.contains(point))
    }

    /// A point on the map given as fractions of the whole map, in screen space (through the view).
    pub fn on_map(&self, fraction: Vec2) -> Vec2 {
        self.map.min + (fraction - self.view.min) / self.view.size() * self.map.size()
    }

    /// Whether a point of the map (fractions) is in view.
    pub fn in_view(&self, fraction: Vec2) -> bool {
        self.view.contains(fraction)
    }
}

/// How far a route bows out from the straight line, as a share of its length (roads in a
/// mountain city are never straight).
const ROUTE_BEND: f32 = 0.18;

/// A point `t` (0 to 1) along the route drawn from `from` to `to`: a gentle curve.
pub fn route_point(from: Vec2, to: Vec2, t: f32) -> Vec2 {
    let along = to - from;
    let control = from + along / 2.0 + along.perp() * ROUTE_BEND;
    let t = t.clamp(0.0, 1.0);
    from * (1.0 - t) * (1.0 - t) + control * 2.0 * t * (1.0 - t) + to * t * t
}

/// The route's direction at `t`, as a unit vector (for what stands beside it).
pub fn route_direction(from: Vec2, to: Vec2, t: f32) -> Vec2 {
    let ahead = route_point(from, to, (t + 0.01).min(1.0));
    let behind = route_point(from, to, (t - 0.01).max(0.0));
    (ahead - behind).normalize_or(Vec2::X)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZES: [(f32, f32); 3] = [(1920.0, 1080.0), (1366.0, 768.0), (390.0, 844.0)];

    fn inside(outer: Rect, inner: Rect) -> bool {
        outer.contains(inner.min) && outer.contains(inner.max)
    }

    #[test]
    fn map_and_cards_fit_the_window_without_overlapping_at_every_size() {
        for (w, h) in SIZES {
            let layout = Layout {
                size: Vec2::new(w, h),
            };
            let window = Rect::new(0.0, 0.0, w, h);
            for choices in 2..=5 {
                let parts = travel_layout(&layout, choices);
                assert!(inside(window, parts.map), "{w}×{h}: map {:?}", parts.map);
                assert!(
                    (parts.map.width() / parts.map.height() - MAP_ASPECT).abs() < 1e-3,
                    "the map keeps its shape"
                );
                assert_eq!(parts.cards.len(), choices);
                for card in &parts.cards {
                    assert!(inside(window, *card), "{w}×{h}: card {card:?}");
                    assert!(
                        parts.map.intersect(*card).is_empty(),
                        "{w}×{h}: card on map"
                    );
                    assert!(
                        card.height() >= crate::ui::MIN_TAP_PX,
                        "{w}×{h}: a {choices}-way card is {} px tall",
                        card.height()
                    );
                }
                for pair in parts.cards.windows(2) {
                    assert!(pair[0].intersect(pair[1]).is_empty());
                }
            }
        }
    }

    #[test]
    fn a_route_runs_from_its_start_to_its_end_and_bows_out() {
        let (from, to) = (Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0));
        assert_eq!(route_point(from, to, 0.0), from);
        assert_eq!(route_point(from, to, 1.0), to);
        let middle = route_point(from, to, 0.5);
        assert!((middle.x - 50.0).abs() < 1e-3);
        assert!(
            (middle.y.abs() - 9.0).abs() < 1e-3,
            "half of the control's 18 px bow"
        );
    }

    #[test]
    fn a_short_trip_is_framed_close_up_and_a_long_one_shows_the_whole_map() {
        let (jiefangbei, shangxinjie) = (Vec2::new(0.57, 0.49), Vec2::new(0.6, 0.58));
        let view = map_view(jiefangbei, shangxinjie);
        assert!((view.height() - VIEW_MIN_SHARE).abs() < 1e-4, "{view:?}");
        assert!(
            (view.width() / view.height() - 1.0).abs() < 1e-4,
            "in fractions a view keeps the map's shape: as wide as tall"
        );
        assert!(view.contains(jiefangbei) && view.contains(shangxinjie));
        let chengdu = map_view(Vec2::new(0.6, 0.26), Vec2::new(0.03, 0.3));
        assert!(
            chengdu.min.distance(Vec2::ZERO) < 1e-5 && chengdu.max.distance(Vec2::ONE) < 1e-5,
            "{chengdu:?}"
        );
        let corner = map_view(Vec2::new(0.77, 0.09), Vec2::new(0.8, 0.1));
        assert!(
            corner.min.y >= 0.0 && corner.max.x <= 1.0 + 1e-6,
            "{corner:?}"
        );
    }

    #[test]
    fn a_point_finds_its_card() {
        let layout = Layout {
            size: Vec2::new(1366.0, 768.0),
        };
        let parts = travel_layout(&layout, 3);
        assert_eq!(parts.card_at(parts.cards[1].center()), Some(1));
        assert_eq!(parts.card_at(parts.map.center()), None);
    }
}
