//! What the sorting scene looks like: the field layout, the bins and the item on offer.

use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy_egui::egui::Align;

use super::assets::SortingArt;
use super::format::{Bin, Mode, parse_hex_color};
use super::{Phase, SCREEN, SortAction, Sorting};
use crate::icons::Icons;
use crate::layout::Layout;
use crate::ui::WorldLabel;

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

/// Space kept for the top bar, in logical px.
pub fn hud_height(layout: &Layout) -> f32 {
    crate::ui::top_bar_height(layout) * layout.zoom()
}

/// Body height per unit of bin width, and lid height per unit of width.
const BODY_RATIO: f32 = 300.0 / 256.0;
const LID_RATIO: f32 = 70.0 / 256.0;

/// The share of the window's height the bins may take: more when the phone stacks them 2×2.
const BIN_AREA_LANDSCAPE: f32 = 0.42;
const BIN_AREA_PORTRAIT: f32 = 0.46;
/// The side margins, as a share of the width (the bins and the belt stay inside them).
const SIDE_MARGIN: f32 = 0.03;
/// The gap under the bins, as a share of the height.
const BOTTOM_MARGIN: f32 = 0.03;
/// A bin's share of its column's width, and of its row's height: the rest is air between bins.
const BIN_FILL_WIDTH: f32 = 0.8;
const BIN_FILL_HEIGHT: f32 = 0.92;
/// Space between stacked rows of bins, as a share of a bin's height.
const ROW_GAP: f32 = 0.06;
/// The item on offer: at most this share of a bin's width and of the free space above the bins,
/// and never larger than this many logical px.
const ITEM_OF_BIN: f32 = 0.95;
const ITEM_OF_FREE: f32 = 0.55;
const ITEM_MAX_PX: f32 = 240.0;
/// Where the item waits, as a share of the free space down from the top bar.
const SPAWN_DOWN: f32 = 0.45;
/// The belt's ends, as shares of the width.
const BELT_FROM: f32 = 0.06;
const BELT_TO: f32 = 0.94;
/// The free space above the bins never shrinks below this (logical px).
const MIN_FREE: f32 = 40.0;

pub fn field_layout(layout: &Layout, bins: usize) -> FieldLayout {
    let size = layout.size;
    let top = hud_height(layout);
    let bins = bins.max(1);
    let tall = BODY_RATIO + LID_RATIO;
    let (columns, rows, area) = if layout.portrait() {
        (2, bins.div_ceil(2), BIN_AREA_PORTRAIT)
    } else {
        (bins, 1, BIN_AREA_LANDSCAPE)
    };
    let inner = 1.0 - 2.0 * SIDE_MARGIN;
    let width = (size.x * inner / columns as f32 * BIN_FILL_WIDTH)
        .min(size.y * area / rows as f32 / tall * BIN_FILL_HEIGHT);
    let height = width * tall;
    let bottom = size.y * (1.0 - BOTTOM_MARGIN);
    let row_pitch = height * (1.0 + ROW_GAP);
    let rects = (0..bins)
        .map(|i| {
            let (column, row) = (i % columns, i / columns);
            let center_x = size.x * (SIDE_MARGIN + inner * (column as f32 + 0.5) / columns as f32);
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
    let free = (bins_top - top).max(MIN_FREE);
    let item_size = (width * ITEM_OF_BIN)
        .min(free * ITEM_OF_FREE)
        .min(ITEM_MAX_PX);
    let spawn = Vec2::new(size.x / 2.0, top + free * SPAWN_DOWN);
    let belt = (
        Vec2::new(size.x * BELT_FROM, spawn.y),
        Vec2::new(size.x * BELT_TO, spawn.y),
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
            hide_sorted_labels,
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

fn spawn_field(
    mut commands: Commands,
    sorting: Res<Sorting>,
    art: Res<SortingArt>,
    icons: Res<Icons>,
    existing: Query<(), With<BinView>>,
) {
    if !existing.is_empty() {
        return;
    }
    for (index, bin) in sorting.data.bins.iter().enumerate() {
        let (body, lid) = art.bin(index);
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
                    Sprite::from_image(icons.get(&bin.icon)),
                    Transform::from_xyz(0.0, 0.0, 11.0),
                    BinPart::Icon,
                ));
                parent.spawn((
                    WorldLabel::new(bin.name.zh.clone(), 24.0, Color::WHITE),
                    Transform::from_xyz(0.0, 0.0, 11.5),
                    BinPart::Name,
                ));
                parent.spawn((
                    WorldLabel::new(
                        (index + 1).to_string(),
                        18.0,
                        Color::srgba(1.0, 1.0, 1.0, 0.85),
                    ),
                    Transform::from_xyz(0.0, 0.0, 11.5),
                    BinPart::Key,
                ));
            });
    }
    if sorting.level().mode == Mode::Conveyor {
        commands.spawn((
            Belt,
            Sprite::from_image(art.conveyor.clone()),
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
        (Without<BinView>, Without<WorldLabel>, Without<Belt>),
    >,
    mut texts: Query<
        (&mut WorldLabel, &mut Transform, &mut Visibility, &BinPart),
        Without<BinView>,
    >,
    seen: Res<crate::input_seen::InputSeen>,
    mut belt: Query<
        (&mut Sprite, &mut Transform),
        (
            With<Belt>,
            Without<BinView>,
            Without<BinPart>,
            Without<Lid>,
            Without<WorldLabel>,
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
            if let Ok((mut text, mut text_transform, mut visibility, part)) = texts.get_mut(child) {
                let name = language
                    .pick(&sorting.data.bins[bin.index].name)
                    .to_string();
                match part {
                    BinPart::Name => {
                        if text.text != name {
                            text.text = name;
                        }
                        // One size for every bin; long English names wrap onto two lines.
                        let size = match language.0 {
                            crate::pack::Lang::Zh => width * 0.16,
                            crate::pack::Lang::En => width * 0.1,
                        };
                        text.size = size.max(12.0);
                        text.wrap = Some(width * 0.94);
                        text_transform.translation.y = -body_height * 0.2;
                    }
                    BinPart::Key => {
                        // The key number only where a keyboard fits.
                        visibility.set_if_neq(if seen.offer_keys() {
                            Visibility::Inherited
                        } else {
                            Visibility::Hidden
                        });
                        text.size = (width * 0.09).max(12.0);
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
    icons: Res<Icons>,
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
    let item = &sorting.data.items[index];
    let start = if sorting.level().mode == Mode::Conveyor {
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
            Sprite::from_image(icons.get(&item.icon)),
            Transform::from_translation(layout.to_world(start).extend(20.0))
                .with_scale(Vec3::splat(0.2)),
            super::effects::Pop::default(),
            DespawnOnExit(SCREEN),
        ))
        .with_children(|parent| {
            parent.spawn((
                WorldLabel::new(item.name.zh.clone(), 22.0, ITEM_LABEL_INK)
                    .with_plate(ITEM_LABEL_PLATE)
                    .with_anchor(Anchor::TOP_CENTER, Align::Center),
                Transform::from_xyz(0.0, 0.0, 1.0),
                ItemLabel,
            ));
        });
}

#[derive(Component)]
pub struct ItemLabel;

const ITEM_LABEL_INK: Color = Color::srgb(0.08, 0.16, 0.12);
const ITEM_LABEL_PLATE: Color = Color::srgba(1.0, 1.0, 1.0, 0.85);

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
        (&mut WorldLabel, &mut Transform, &mut Visibility),
        (With<ItemLabel>, Without<ItemView>),
    >,
) {
    for (view, mut sprite, mut transform, children, held) in &mut items {
        sprite.custom_size = Some(Vec2::splat(field.item_size));
        if held.is_none() {
            let at = if sorting.level().mode == Mode::Conveyor {
                field.belt.0.lerp(field.belt.1, view.progress)
            } else {
                field.spawn
            };
            let target = layout.to_world(at);
            transform.translation.x = target.x;
            transform.translation.y = target.y;
        }
        let name = language.pick(&sorting.data.items[view.item].name);
        // A dragged item's label would cover the bins' names: it hides until the item lands.
        let dragged = held.is_some_and(|held| held.moved);
        let mut children = labels.iter_many_mut(children);
        while let Some((mut text, mut label_transform, mut visibility)) = children.fetch_next() {
            visibility.set_if_neq(if dragged {
                Visibility::Hidden
            } else {
                Visibility::Inherited
            });
            if text.text != name {
                text.text = name.to_string();
            }
            text.size = (field.item_size * 0.15).clamp(18.0, 34.0);
            text.wrap = Some(field.item_size * 2.2);
            label_transform.translation.y = -field.item_size * 0.5;
        }
    }
}

/// An item on its way into a bin goes without its name (it is drawn over everything, and the
/// item itself goes into the bin).
fn hide_sorted_labels(
    items: Query<&Children, (With<ItemView>, Without<Current>)>,
    mut labels: Query<&mut Visibility, With<ItemLabel>>,
) {
    for children in &items {
        let mut children = labels.iter_many_mut(children);
        while let Some(mut visibility) = children.fetch_next() {
            visibility.set_if_neq(Visibility::Hidden);
        }
    }
}

fn ride_belt(
    time: Res<Time>,
    sorting: Res<Sorting>,
    mut items: Query<&mut ItemView, (With<Current>, Without<Held>)>,
    mut actions: MessageWriter<SortAction>,
) {
    let (true, Some(belt)) = (sorting.running(), sorting.belt) else {
        return;
    };
    let pace = belt.seconds();
    for mut item in &mut items {
        item.progress += time.delta_secs() / pace;
        if item.progress >= 1.0 {
            item.progress = 1.0;
            actions.write(SortAction::Missed);
        }
    }
}
