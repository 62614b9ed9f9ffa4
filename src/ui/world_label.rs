//! Text that belongs to things in the world (a bin's name, an item's name, a card's title, a
//! place on the map), painted by egui at the entity's place. Bevy's own text stack (shaping,
//! font discovery, glyph atlases) would add about 1.5 MB of code to the page for these few labels.

use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{UiSystems, color32};
use crate::layout::Layout;

/// A label drawn at its entity's place, scaled with it and hidden with it.
#[derive(Component, Clone, Debug)]
#[require(Transform, Visibility)]
pub struct WorldLabel {
    pub text: String,
    /// Text size in logical px at scale 1.
    pub size: f32,
    pub color: Color,
    /// A plate behind the text, for labels over busy art.
    pub plate: Option<Color>,
    /// Lines wrap at this width (logical px at scale 1).
    pub wrap: Option<f32>,
    /// Which point of the text block sits at the entity's place.
    pub anchor: Anchor,
    pub align: egui::Align,
}

impl WorldLabel {
    pub fn new(text: impl Into<String>, size: f32, color: Color) -> Self {
        WorldLabel {
            text: text.into(),
            size,
            color,
            plate: None,
            wrap: None,
            anchor: Anchor::CENTER,
            align: egui::Align::Center,
        }
    }

    pub fn with_plate(mut self, plate: Color) -> Self {
        self.plate = Some(plate);
        self
    }

    pub fn with_wrap(mut self, width: f32) -> Self {
        self.wrap = Some(width);
        self
    }

    pub fn with_anchor(mut self, anchor: Anchor, align: egui::Align) -> Self {
        self.anchor = anchor;
        self.align = align;
        self
    }
}

/// The plate's margin around the text, in points.
const PLATE_MARGIN: f32 = 3.0;
const PLATE_ROUNDING: u8 = 4;
/// Labels smaller than this (a popping item's first frames) are not drawn.
const SMALLEST_POINTS: f32 = 2.0;
const LABEL_LAYER: &str = "world-labels";

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, paint_labels.in_set(UiSystems));
}

/// The top-left corner of a block of `size` whose `anchor` point sits at `at` (screen space, y
/// down; anchors are Bevy's, y up, from -0.5 to 0.5).
pub fn block_top_left(anchor: Vec2, at: Vec2, size: Vec2) -> Vec2 {
    Vec2::new(
        at.x - (anchor.x + 0.5) * size.x,
        at.y - (0.5 - anchor.y) * size.y,
    )
}

fn paint_labels(
    mut contexts: EguiContexts,
    layout: Res<Layout>,
    labels: Query<(&WorldLabel, &GlobalTransform, &InheritedVisibility)>,
) -> Result {
    let mut shown: Vec<_> = labels
        .iter()
        .filter(|(label, _, visible)| visible.get() && !label.text.is_empty())
        .collect();
    if shown.is_empty() {
        return Ok(());
    }
    shown.sort_by(|a, b| a.1.translation().z.total_cmp(&b.1.translation().z));
    let ctx = contexts.ctx_mut()?;
    let zoom = ctx.zoom_factor();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Background,
        egui::Id::new(LABEL_LAYER),
    ));
    for (label, transform, _) in shown {
        let scale = transform.scale().x;
        let points = label.size * scale / zoom;
        if points < SMALLEST_POINTS {
            continue;
        }
        let mut job = egui::text::LayoutJob::simple(
            label.text.clone(),
            egui::FontId::proportional(points),
            color32(label.color),
            label.wrap.map_or(f32::INFINITY, |w| w * scale / zoom),
        );
        job.halign = label.align;
        let galley = painter.layout_job(job);
        let size = galley.rect.size();
        let at = layout.to_screen(transform.translation().truncate()) / zoom;
        let top_left = block_top_left(label.anchor.as_vec(), at, Vec2::new(size.x, size.y));
        let block = egui::Rect::from_min_size(egui::pos2(top_left.x, top_left.y), size);
        if let Some(plate) = label.plate {
            painter.rect_filled(block.expand(PLATE_MARGIN), PLATE_ROUNDING, color32(plate));
        }
        painter.galley(
            block.min - galley.rect.min.to_vec2(),
            galley,
            egui::Color32::BLACK,
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_centred_block_straddles_its_point() {
        let corner = block_top_left(
            Anchor::CENTER.as_vec(),
            Vec2::new(100.0, 50.0),
            Vec2::new(40.0, 20.0),
        );
        assert_eq!(corner, Vec2::new(80.0, 40.0));
    }

    #[test]
    fn a_bottom_left_block_rises_to_the_right_of_its_point() {
        let corner = block_top_left(
            Anchor::BOTTOM_LEFT.as_vec(),
            Vec2::new(100.0, 50.0),
            Vec2::new(40.0, 20.0),
        );
        assert_eq!(corner, Vec2::new(100.0, 30.0));
    }

    #[test]
    fn a_top_centred_block_hangs_below_its_point() {
        let corner = block_top_left(
            Anchor::TOP_CENTER.as_vec(),
            Vec2::new(100.0, 50.0),
            Vec2::new(40.0, 20.0),
        );
        assert_eq!(corner, Vec2::new(80.0, 50.0));
    }
}
