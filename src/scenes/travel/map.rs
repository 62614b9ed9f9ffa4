//! The city map: the trip's route and its two ends, the vehicle travelling it, trees that grow
//! along routes where the week saved CO₂, and a haze over the city that follows the week's CO₂.

use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy_egui::egui::Align;

use super::assets::TravelArt;
use super::layout::{TravelLayout, map_view, route_direction, route_point, travel_layout};
use super::{Phase, SCREEN, Travel, rules};
use crate::i18n::Language;
use crate::icons::Icons;
use crate::layout::Layout;
use crate::ui::WorldLabel;

/// Depths: the map card, its haze, the route, trees, markers, the vehicle, labels.
const Z_FRAME: f32 = 9.9;
const Z_MAP: f32 = 10.0;
const Z_PLACE: f32 = 10.2;
const Z_HAZE: f32 = 10.4;
const Z_ROUTE: f32 = 10.6;
const Z_TREE: f32 = 10.8;
const Z_MARKER: f32 = 11.0;
const Z_VEHICLE: f32 = 11.4;
const Z_LABEL: f32 = 11.8;

/// The haze at its thickest (an all-car week) lets this much of the map show through.
const HAZE_MAX_ALPHA: f32 = 0.55;
const HAZE_COLOR: Color = Color::srgb(0.55, 0.52, 0.47);
/// The card edge around the map, as a share of its height.
const FRAME_SHARE: f32 = 0.012;
/// Sizes as shares of the map's height.
const PLACE_DOT: f32 = 0.022;
const ROUTE_DOT: f32 = 0.02;
const MARKER: f32 = 0.075;
const VEHICLE: f32 = 0.12;
const LABEL_TEXT: f32 = 0.045;
const LABEL_MIN_PX: f32 = 13.0;
const LABEL_MAX_PX: f32 = 30.0;
/// Route dots per 100 px of route, and never fewer than this many.
const DOTS_PER_100_PX: f32 = 4.0;
const MIN_DOTS: usize = 6;
/// A tree's height at the least and the most saving (a trip with no CO₂ at all).
const TREE_SMALL: f32 = 0.07;
const TREE_LARGE: f32 = 0.14;
/// A trip saving less than this share of driving alone grows no tree.
const TREE_MIN_SAVING: f32 = 0.2;
/// Where along the route trees grow, and how fast they grow (share per second).
const TREE_SPOTS: [f32; 3] = [0.3, 0.55, 0.8];
const TREE_GROWTH_PER_SECOND: f32 = 1.5;

const ROUTE_COLOR: Color = Color::srgb(0.12, 0.2, 0.16);
const LABEL_COLOR: Color = Color::srgb(0.08, 0.16, 0.12);
const LABEL_PLATE: Color = Color::srgba(1.0, 1.0, 0.97, 0.9);

#[derive(Component)]
struct MapCard;

#[derive(Component)]
struct Frame;

#[derive(Component)]
struct Haze;

#[derive(Component)]
struct PlaceDot(Vec2);

/// The route and its ends, redrawn when the trip, the language or the window changes.
#[derive(Component)]
struct RoutePart;

#[derive(Component)]
pub struct Vehicle;

/// A tree planted where a trip saved CO₂: where (map fractions), how tall at full growth (share of
/// the map's height) and how far grown.
#[derive(Component)]
struct Tree {
    trip: usize,
    at: Vec2,
    height: f32,
    grown: f32,
}

/// What the route was last drawn for.
#[derive(Default, PartialEq, Clone)]
struct RouteDrawn {
    trip: usize,
    map: Option<Rect>,
    lang: Option<crate::pack::Lang>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TravelLayout>().add_systems(
        Update,
        (
            compute_layout,
            spawn_map,
            place_map,
            draw_route,
            move_vehicle,
            plant_trees,
            grow_trees,
            show_haze,
        )
            .chain()
            .after(super::travel_on)
            .run_if(in_state(SCREEN).and_then(resource_exists::<Travel>)),
    );
}

pub(super) fn compute_layout(
    layout: Res<Layout>,
    travel: Res<Travel>,
    mut parts: ResMut<TravelLayout>,
) {
    let choices = travel.current_trip().map_or(1, |trip| trip.choices.len());
    let mut next = travel_layout(&layout, choices);
    if let Some((from, to)) = trip_ends(&travel) {
        next.view = map_view(from, to);
    }
    if *parts != next {
        *parts = next;
    }
}

/// The current trip's two ends, as fractions of the map.
fn trip_ends(travel: &Travel) -> Option<(Vec2, Vec2)> {
    let trip = travel.current_trip()?;
    let from = travel.data.place(&trip.from)?;
    let to = travel.data.place(&trip.to)?;
    Some((Vec2::from(from.map), Vec2::from(to.map)))
}

fn spawn_map(
    mut commands: Commands,
    art: Res<TravelArt>,
    icons: Res<Icons>,
    travel: Res<Travel>,
    existing: Query<(), With<MapCard>>,
) {
    if !existing.is_empty() {
        return;
    }
    commands.spawn((
        MapCard,
        Sprite::from_image(art.map.clone()),
        Transform::from_xyz(0.0, 0.0, Z_MAP),
        DespawnOnExit(SCREEN),
    ));
    commands.spawn((
        Frame,
        Sprite::from_color(Color::WHITE, Vec2::ONE),
        Transform::from_xyz(0.0, 0.0, Z_FRAME),
        DespawnOnExit(SCREEN),
    ));
    commands.spawn((
        Haze,
        Sprite::from_color(HAZE_COLOR.with_alpha(0.0), Vec2::ONE),
        Transform::from_xyz(0.0, 0.0, Z_HAZE),
        DespawnOnExit(SCREEN),
    ));
    for place in &travel.data.places {
        commands.spawn((
            PlaceDot(Vec2::from(place.map)),
            Sprite::from_image(icons.get("white-circle")),
            Transform::from_xyz(0.0, 0.0, Z_PLACE),
            DespawnOnExit(SCREEN),
        ));
    }
    commands.spawn((
        Vehicle,
        Sprite::default(),
        Transform::from_xyz(0.0, 0.0, Z_VEHICLE),
        Visibility::Hidden,
        DespawnOnExit(SCREEN),
    ));
}

type MapSprites<'w, 's> = Query<
    'w,
    's,
    (
        &'static mut Sprite,
        &'static mut Transform,
        &'static mut Visibility,
        Has<Frame>,
        Has<MapCard>,
        Option<&'static PlaceDot>,
    ),
    Or<(With<MapCard>, With<Frame>, With<Haze>, With<PlaceDot>)>,
>;

fn place_map(
    parts: Res<TravelLayout>,
    layout: Res<Layout>,
    art: Res<TravelArt>,
    images: Option<Res<Assets<Image>>>,
    mut sprites: MapSprites,
) {
    // The map's pixels arrive after the first frames: its view waits for them.
    let pixels = images
        .as_ref()
        .and_then(|images| images.get(&art.map))
        .map(|image| image.size_f32());
    let waiting_for_pixels = pixels.is_some()
        && sprites
            .iter()
            .any(|(sprite, _, _, _, card, _)| card && sprite.rect.is_none());
    if !parts.is_changed() && !waiting_for_pixels {
        return;
    }
    let map = parts.map;
    let view = parts.view;
    for (mut sprite, mut transform, mut visibility, frame, card, dot) in &mut sprites {
        if card && let Some(pixels) = pixels {
            sprite.rect = Some(Rect {
                min: view.min * pixels,
                max: view.max * pixels,
            });
        }
        if let Some(PlaceDot(at)) = dot {
            visibility.set_if_neq(if parts.in_view(*at) {
                Visibility::Inherited
            } else {
                Visibility::Hidden
            });
        }
        let (center, size) = match (frame, dot) {
            (true, _) => (
                map.center(),
                map.size() + Vec2::splat(2.0 * FRAME_SHARE * map.height()),
            ),
            (_, Some(PlaceDot(at))) => (parts.on_map(*at), Vec2::splat(PLACE_DOT * map.height())),
            _ => (map.center(), map.size()),
        };
        sprite.custom_size = Some(size);
        let z = transform.translation.z;
        transform.translation = layout.to_world(center).extend(z);
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_route(
    mut commands: Commands,
    travel: Res<Travel>,
    parts: Res<TravelLayout>,
    layout: Res<Layout>,
    language: Res<Language>,
    icons: Res<Icons>,
    drawn_parts: Query<Entity, With<RoutePart>>,
    mut drawn: Local<RouteDrawn>,
) {
    let now = RouteDrawn {
        trip: travel.trip,
        map: Some(parts.map),
        lang: Some(language.0),
    };
    if *drawn == now {
        return;
    }
    *drawn = now;
    for entity in &drawn_parts {
        commands.entity(entity).despawn();
    }
    let Some((from, to)) = route_ends(&travel, &parts) else {
        return;
    };
    let map = parts.map;
    let length = from.distance(to);
    let dots = ((length / 100.0 * DOTS_PER_100_PX) as usize).max(MIN_DOTS);
    let dot = icons.get("white-circle");
    for i in 0..=dots {
        let at = route_point(from, to, i as f32 / dots as f32);
        commands.spawn((
            RoutePart,
            Sprite {
                image: dot.clone(),
                color: ROUTE_COLOR,
                custom_size: Some(Vec2::splat(ROUTE_DOT * map.height())),
                ..default()
            },
            Transform::from_translation(layout.to_world(at).extend(Z_ROUTE)),
            DespawnOnExit(SCREEN),
        ));
    }
    let Some(trip) = travel.current_trip() else {
        return;
    };
    let ends = [
        (&trip.from, from, "green-circle"),
        (&trip.to, to, "round-pushpin"),
    ];
    for (place, at, icon) in ends {
        let marker = MARKER * map.height();
        // The pin's point, not its middle, marks the place.
        let lift = if icon == "round-pushpin" { 0.4 } else { 0.0 };
        commands.spawn((
            RoutePart,
            Sprite {
                image: icons.get(icon),
                custom_size: Some(Vec2::splat(marker)),
                ..default()
            },
            Transform::from_translation(
                layout
                    .to_world(at - Vec2::Y * marker * lift)
                    .extend(Z_MARKER),
            ),
            DespawnOnExit(SCREEN),
        ));
        let Some(name) = travel.data.place(place).map(|p| language.pick(&p.name)) else {
            continue;
        };
        let size = (LABEL_TEXT * map.height()).clamp(LABEL_MIN_PX, LABEL_MAX_PX);
        // Near the map's sides the label grows inwards, so it stays on the map.
        let share = (at.x - map.min.x) / map.width();
        let (anchor, align) = if share < 0.25 {
            (Anchor::BOTTOM_LEFT, Align::Min)
        } else if share > 0.75 {
            (Anchor::BOTTOM_RIGHT, Align::Max)
        } else {
            (Anchor::BOTTOM_CENTER, Align::Center)
        };
        let above = at - Vec2::Y * marker * (0.5 + lift);
        commands.spawn((
            RoutePart,
            WorldLabel::new(name, size, LABEL_COLOR)
                .with_plate(LABEL_PLATE)
                .with_anchor(anchor, align),
            Transform::from_translation(layout.to_world(above).extend(Z_LABEL)),
            DespawnOnExit(SCREEN),
        ));
    }
}

/// The current trip's two ends in screen space.
fn route_ends(travel: &Travel, parts: &TravelLayout) -> Option<(Vec2, Vec2)> {
    let (from, to) = trip_ends(travel)?;
    Some((parts.on_map(from), parts.on_map(to)))
}

fn move_vehicle(
    travel: Res<Travel>,
    parts: Res<TravelLayout>,
    layout: Res<Layout>,
    icons: Res<Icons>,
    mut vehicle: Query<(&mut Sprite, &mut Transform, &mut Visibility), With<Vehicle>>,
) {
    let Ok((mut sprite, mut transform, mut visibility)) = vehicle.single_mut() else {
        return;
    };
    let shown = matches!(
        travel.phase,
        Phase::Travelling | Phase::Arrived | Phase::Finished
    );
    visibility.set_if_neq(if shown {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    });
    let (Some(journey), Some((from, to)), Some(trip)) = (
        travel.journey,
        route_ends(&travel, &parts),
        travel.current_trip(),
    ) else {
        return;
    };
    if !shown {
        return;
    }
    let choice = &trip.choices[journey.choice];
    let leg = rules::leg_at(choice, journey.progress);
    let icon = choice
        .legs
        .get(leg)
        .and_then(|leg| travel.data.mode(&leg.mode))
        .map(|mode| icons.get(&mode.icon))
        .unwrap_or_default();
    if sprite.image != icon {
        sprite.image = icon;
    }
    let size = Some(Vec2::splat(VEHICLE * parts.map.height()));
    if sprite.custom_size != size {
        sprite.custom_size = size;
    }
    let at = layout.to_world(route_point(from, to, journey.progress));
    let next = at.extend(Z_VEHICLE);
    if transform.translation != next {
        transform.translation = next;
    }
}

/// On arrival, trees take root along the route in proportion to what the trip saved against
/// driving it alone.
fn plant_trees(
    mut commands: Commands,
    travel: Res<Travel>,
    icons: Res<Icons>,
    trees: Query<&Tree>,
) {
    if travel.phase != Phase::Arrived || trees.iter().any(|tree| tree.trip == travel.trip) {
        return;
    }
    let Some(saved) = super::trip_share_of_driving(&travel).map(|share| 1.0 - share) else {
        return;
    };
    let (Some(trip), Some(_)) = (travel.current_trip(), travel.journey) else {
        return;
    };
    let (Some(from), Some(to)) = (travel.data.place(&trip.from), travel.data.place(&trip.to))
    else {
        return;
    };
    if saved < TREE_MIN_SAVING {
        return;
    }
    let count = ((saved * TREE_SPOTS.len() as f32).ceil() as usize).min(TREE_SPOTS.len());
    let height = TREE_SMALL + (TREE_LARGE - TREE_SMALL) * saved;
    // Map fractions are not square: offsets are worked out in map-height units.
    let squash = Vec2::new(1.0 / super::layout::MAP_ASPECT, 1.0);
    let (from, to) = (Vec2::from(from.map) / squash, Vec2::from(to.map) / squash);
    for (i, t) in TREE_SPOTS.iter().take(count).enumerate() {
        let side = if i % 2 == 0 { 1.0 } else { -1.0 };
        let beside = route_direction(from, to, *t).perp() * side * height * 0.7;
        let at = (route_point(from, to, *t) + beside) * squash;
        commands.spawn((
            Tree {
                trip: travel.trip,
                at,
                height,
                grown: 0.0,
            },
            Sprite::from_image(icons.get("deciduous-tree")),
            Anchor::BOTTOM_CENTER,
            Transform::from_xyz(0.0, 0.0, Z_TREE),
            DespawnOnExit(SCREEN),
        ));
    }
}

fn grow_trees(
    time: Res<Time>,
    parts: Res<TravelLayout>,
    layout: Res<Layout>,
    mut trees: Query<(&mut Tree, &mut Sprite, &mut Transform, &mut Visibility)>,
) {
    for (mut tree, mut sprite, mut transform, mut visibility) in &mut trees {
        if tree.grown >= 1.0 && !parts.is_changed() {
            continue;
        }
        visibility.set_if_neq(if parts.in_view(tree.at) {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
        tree.grown = (tree.grown + time.delta_secs() * TREE_GROWTH_PER_SECOND).min(1.0);
        let size = tree.height * parts.map.height() * tree.grown;
        sprite.custom_size = Some(Vec2::splat(size));
        transform.translation = layout.to_world(parts.on_map(tree.at)).extend(Z_TREE);
    }
}

fn show_haze(travel: Res<Travel>, mut haze: Query<&mut Sprite, With<Haze>>) {
    let Ok(mut sprite) = haze.single_mut() else {
        return;
    };
    let alpha = travel.haze() * HAZE_MAX_ALPHA;
    if (sprite.color.alpha() - alpha).abs() > 1e-4 {
        sprite.color = HAZE_COLOR.with_alpha(alpha);
    }
}
