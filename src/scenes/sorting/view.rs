//! What the sorting scene looks like: the field layout, the bins and the item on offer.

use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{Justify, TextBackgroundColor, TextBounds, TextLayout};

use super::level::{Bin, parse_hex_color};
use super::{Phase, SCREEN, SortAction, Sorting};
use crate::layout::Layout;
use crate::media::GameAssets;

/// Where things go, in screen space (logical px, origin top-left). Pure, so it is tested.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct FieldLayout {
    /// Each bin's whole rectangle (lid and body).
    pub bins: Vec<Rect>,
    /// Where a waiting item sits (single mode) or the middle of the belt.
    pub spawn: Vec2,
    pub item_size: f32,
    /// Belt ends, for conveyor levels.
    pub belt: (Vec2, Vec2),
}

/// Space kept for the HUD bar at the top, in logical px.
pub fn hud_height(layout: &Layout) -> f32 {
    let rows = if layout.narrow() { 108.0 } else { 76.0 };
    rows * layout.zoom()
}

/// Body height per unit of bin width, and lid height per unit of width.
const BODY_RATIO: f32 = 300.0 / 256.0;
const LID_RATIO: f32 = 70.0 / 256.0;

pub fn field_layout(layout: &Layout, bins: usize) -> FieldLayout {
    let size = layout.size;
    let top = hud_height(layout);
    let bins = bins.max(1);
    let tall = BODY_RATIO + LID_RATIO;
    let (columns, rows) = if layout.portrait() {
        (2, bins.div_ceil(2))
    } else {
        (bins, 1)
    };
    let area_height = if layout.portrait() {
        size.y * 0.46
    } else {
        size.y * 0.42
    };
    let width =
        ((size.x * 0.94) / columns as f32 * 0.8).min(area_height / rows as f32 / tall * 0.92);
    let height = width * tall;
    let bottom = size.y - size.y * 0.03;
    let row_pitch = height * 1.06;
    let rects = (0..bins)
        .map(|i| {
            let (column, row) = (i % columns, i / columns);
            let center_x = size.x * (0.03 + 0.94 * (column as f32 + 0.5) / columns as f32);
            let bin_bottom = bottom - (rows - 1 - row) as f32 * row_pitch;
            Rect::new(
                center_x - width / 2.0,
                bin_bottom - height,
                center_x + width / 2.0,
                bin_bottom,
            )
        })
        .collect::<Vec<_>>();
    let bins_top = rects.iter().map(|r| r.min.y).fold(size.y, f32::min);
    let free = (bins_top - top).max(40.0);
    let item_size = (width * 0.95).min(free * 0.55).min(240.0);
    let spawn = Vec2::new(size.x / 2.0, top + free * 0.45);
    let belt = (
        Vec2::new(size.x * 0.06, spawn.y),
        Vec2::new(size.x * 0.94, spawn.y),
    );
    FieldLayout {
        bins: rects,
        spawn,
        item_size,
        belt,
    }
}

/// The bin under a screen point, with a little slack around each bin for small fingers.
pub fn bin_at(field: &FieldLayout, point: Vec2) -> Option<usize> {
    field.bins.iter().position(|rect| {
        let slack = rect.width() * 0.08;
        rect.inflate(slack).contains(point)
    })
}

pub fn bin_color(bin: &Bin) -> Color {
    parse_hex_color(&bin.color).map_or(Color::srgb(0.4, 0.4, 0.4), |[r, g, b]| {
        Color::srgb_u8(r, g, b)
    })
}

#[derive(Component)]
pub struct BinView {
    pub index: usize,
}

#[derive(Component)]
pub struct Lid;

/// The item on offer. `progress` runs 0→1 along the belt in conveyor levels.
#[derive(Component)]
pub struct ItemView {
    pub item: usize,
    pub progress: f32,
}

/// Marks the item that can still be sorted (not yet flying to a bin).
#[derive(Component)]
pub struct Current;

/// Held by a finger or the mouse: which pointer, and where it grabbed relative to the centre.
#[derive(Component)]
pub struct Held {
    pub pointer: bevy::picking::pointer::PointerId,
    pub offset: Vec2,
    pub start: Vec2,
    pub moved: bool,
}

/// Chosen by a tap, waiting for a tap on a bin.
#[derive(Component)]
pub struct Selected;

#[derive(Component)]
struct Belt;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FieldLayout>().add_systems(
        Update,
        (
            compute_layout,
            spawn_field,
            spawn_item,
            place_bins,
            place_item,
            ride_belt,
        )
            .chain()
            .after(super::apply_actions)
            .run_if(in_state(SCREEN).and_then(resource_exists::<Sorting>)),
    );
}

fn compute_layout(layout: Res<Layout>, sorting: Res<Sorting>, mut field: ResMut<FieldLayout>) {
    let next = field_layout(&layout, sorting.data.bins.len());
    if *field != next {
        *field = next;
    }
}

fn text_font(assets: &GameAssets, size: f32) -> TextFont {
    TextFont {
        font: assets.font.clone().into(),
        font_size: bevy::text::FontSize::Px(size),
        ..default()
    }
}

fn spawn_field(
    mut commands: Commands,
    sorting: Res<Sorting>,
    assets: Option<Res<GameAssets>>,
    existing: Query<(), With<BinView>>,
) {
    if !existing.is_empty() {
        return;
    }
    let assets = assets.map(|a| a.clone()).unwrap_or_default();
    for (index, bin) in sorting.data.bins.iter().enumerate() {
        let (body, lid) = assets.bin(index);
        let color = bin_color(bin);
        commands
            .spawn((
                BinView { index },
                Transform::default(),
                Visibility::default(),
                DespawnOnExit(SCREEN),
            ))
            .with_children(|parent| {
                parent.spawn((
                    Sprite {
                        image: body,
                        color,
                        ..default()
                    },
                    Transform::from_xyz(0.0, 0.0, 10.0),
                ));
                parent.spawn((
                    Lid,
                    Sprite {
                        image: lid,
                        color,
                        ..default()
                    },
                    Anchor::BOTTOM_LEFT,
                    Transform::from_xyz(0.0, 0.0, 10.5),
                ));
                parent.spawn((
                    Sprite::from_image(assets.icon(&bin.icon)),
                    Transform::from_xyz(0.0, 0.0, 11.0),
                    BinPart::Icon,
                ));
                parent.spawn((
                    Text2d::new(bin.name.zh.clone()),
                    text_font(&assets, 24.0),
                    TextColor(Color::WHITE),
                    TextLayout::justify(Justify::Center),
                    TextBounds::default(),
                    Transform::from_xyz(0.0, 0.0, 11.5),
                    BinPart::Name,
                ));
                parent.spawn((
                    Text2d::new((index + 1).to_string()),
                    text_font(&assets, 18.0),
                    TextColor(Color::srgba(1.0, 1.0, 1.0, 0.85)),
                    Transform::from_xyz(0.0, 0.0, 11.5),
                    BinPart::Key,
                ));
            });
    }
    if sorting.level().mode == super::level::Mode::Conveyor {
        commands.spawn((
            Belt,
            Sprite::from_image(assets.world("conveyor")),
            Transform::default(),
            DespawnOnExit(SCREEN),
        ));
    }
}

/// The parts of a bin that are sized from its width.
#[derive(Component, Clone, Copy)]
pub enum BinPart {
    Icon,
    Name,
    Key,
}

#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn place_bins(
    field: Res<FieldLayout>,
    layout: Res<Layout>,
    sorting: Res<Sorting>,
    language: Res<crate::i18n::Language>,
    mut bins: Query<(&BinView, &mut Transform, &Children), Without<Lid>>,
    mut sprites: Query<
        (&mut Sprite, &mut Transform, Option<&Lid>, Option<&BinPart>),
        (Without<BinView>, Without<Text2d>, Without<Belt>),
    >,
    mut texts: Query<
        (
            &mut Text2d,
            &mut TextFont,
            &mut TextBounds,
            &mut Transform,
            &BinPart,
        ),
        Without<BinView>,
    >,
    mut belt: Query<
        (&mut Sprite, &mut Transform),
        (
            With<Belt>,
            Without<BinView>,
            Without<BinPart>,
            Without<Lid>,
            Without<Text2d>,
        ),
    >,
) {
    for (bin, mut transform, children) in &mut bins {
        let Some(rect) = field.bins.get(bin.index) else {
            continue;
        };
        let width = rect.width();
        let body_height = width * BODY_RATIO;
        let center = layout.to_world(Vec2::new(rect.center().x, rect.max.y - body_height / 2.0));
        transform.translation = center.extend(10.0);
        for child in children.iter() {
            if let Ok((mut sprite, mut part_transform, lid, part)) = sprites.get_mut(child) {
                match (lid, part) {
                    (Some(_), _) => {
                        sprite.custom_size = Some(Vec2::new(width, width * LID_RATIO));
                        part_transform.translation.x = -width / 2.0;
                        part_transform.translation.y = body_height / 2.0 - width * 0.02;
                    }
                    (None, Some(BinPart::Icon)) => {
                        sprite.custom_size = Some(Vec2::splat(width * 0.42));
                        part_transform.translation.y = body_height * 0.14;
                    }
                    _ => sprite.custom_size = Some(Vec2::new(width, body_height)),
                }
            }
            if let Ok((mut text, mut font, mut bounds, mut text_transform, part)) =
                texts.get_mut(child)
            {
                let name = language
                    .pick(&sorting.data.bins[bin.index].name)
                    .to_string();
                match part {
                    BinPart::Name => {
                        if text.0 != name {
                            text.0 = name;
                        }
                        // One size for every bin; long English names wrap onto two lines.
                        let size = match language.0 {
                            crate::pack::Lang::Zh => width * 0.16,
                            crate::pack::Lang::En => width * 0.1,
                        };
                        font.font_size = bevy::text::FontSize::Px(size.max(12.0));
                        bounds.width = Some(width * 0.94);
                        text_transform.translation.y = -body_height * 0.2;
                    }
                    BinPart::Key => {
                        font.font_size = bevy::text::FontSize::Px((width * 0.09).max(12.0));
                        text_transform.translation.x = -width * 0.36;
                        text_transform.translation.y = body_height * 0.38;
                    }
                    BinPart::Icon => {}
                }
            }
        }
    }
    if let Ok((mut sprite, mut transform)) = belt.single_mut() {
        let (start, end) = field.belt;
        let y = start.y + field.item_size * 0.5;
        sprite.custom_size = Some(Vec2::new(
            end.x - start.x + field.item_size,
            field.item_size * 0.3,
        ));
        transform.translation = layout
            .to_world(Vec2::new((start.x + end.x) / 2.0, y))
            .extend(5.0);
    }
}

fn spawn_item(
    mut commands: Commands,
    sorting: Res<Sorting>,
    assets: Option<Res<GameAssets>>,
    field: Res<FieldLayout>,
    layout: Res<Layout>,
    current: Query<(), With<Current>>,
) {
    if sorting.phase != Phase::Playing || !current.is_empty() {
        return;
    }
    let Some(index) = sorting.round.current() else {
        return;
    };
    let assets = assets.map(|a| a.clone()).unwrap_or_default();
    let item = &sorting.data.items[index];
    let start = if sorting.level().mode == super::level::Mode::Conveyor {
        field.belt.0
    } else {
        field.spawn
    };
    commands
        .spawn((
            ItemView {
                item: index,
                progress: 0.0,
            },
            Current,
            Sprite::from_image(assets.icon(&item.icon)),
            Transform::from_translation(layout.to_world(start).extend(20.0))
                .with_scale(Vec3::splat(0.2)),
            super::effects::Pop::default(),
            DespawnOnExit(SCREEN),
        ))
        .with_children(|parent| {
            parent.spawn((
                Text2d::new(item.name.zh.clone()),
                text_font(&assets, 22.0),
                TextColor(Color::srgb(0.08, 0.16, 0.12)),
                TextBackgroundColor(Color::srgba(1.0, 1.0, 1.0, 0.85)),
                TextLayout::justify(Justify::Center),
                TextBounds::default(),
                Anchor::TOP_CENTER,
                Transform::from_xyz(0.0, 0.0, 1.0),
                ItemLabel,
            ));
        });
}

#[derive(Component)]
pub struct ItemLabel;

#[allow(clippy::type_complexity)]
fn place_item(
    field: Res<FieldLayout>,
    layout: Res<Layout>,
    sorting: Res<Sorting>,
    language: Res<crate::i18n::Language>,
    mut items: Query<
        (
            &ItemView,
            &mut Sprite,
            &mut Transform,
            &Children,
            Option<&Held>,
        ),
        With<Current>,
    >,
    mut labels: Query<
        (&mut Text2d, &mut TextFont, &mut TextBounds, &mut Transform),
        (With<ItemLabel>, Without<ItemView>),
    >,
) {
    for (view, mut sprite, mut transform, children, held) in &mut items {
        sprite.custom_size = Some(Vec2::splat(field.item_size));
        if held.is_none() {
            let at = if sorting.level().mode == super::level::Mode::Conveyor {
                field.belt.0.lerp(field.belt.1, view.progress)
            } else {
                field.spawn
            };
            let target = layout.to_world(at);
            transform.translation.x = target.x;
            transform.translation.y = target.y;
        }
        let name = language.pick(&sorting.data.items[view.item].name);
        let mut children = labels.iter_many_mut(children);
        while let Some((mut text, mut font, mut bounds, mut label_transform)) =
            children.fetch_next()
        {
            if text.0 != name {
                text.0 = name.to_string();
            }
            font.font_size = bevy::text::FontSize::Px((field.item_size * 0.15).clamp(18.0, 34.0));
            bounds.width = Some(field.item_size * 2.2);
            label_transform.translation.y = -field.item_size * 0.5;
        }
    }
}

fn ride_belt(
    time: Res<Time>,
    sorting: Res<Sorting>,
    mut items: Query<&mut ItemView, (With<Current>, Without<Held>)>,
    mut actions: MessageWriter<SortAction>,
) {
    if sorting.phase != Phase::Playing || sorting.level().mode != super::level::Mode::Conveyor {
        return;
    }
    let pace = sorting.level().pace_seconds.unwrap_or(8.0).max(1.0);
    for mut item in &mut items {
        item.progress += time.delta_secs() / pace;
        if item.progress >= 1.0 {
            item.progress = 1.0;
            actions.write(SortAction::Missed);
        }
    }
}
