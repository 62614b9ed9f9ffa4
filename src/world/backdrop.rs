//! The backdrop that shows the eco-world behind every screen: clear sky, flowers and birds when
//! the land is clean; grey sky and litter when dirty; a brownish sky after a week of heavy trips;
//! a river along the foot of the hills as clear or murky as the river scene left it.

use bevy::prelude::*;
use bevy::sprite::Anchor;

use crate::asset_tracking::AssetTracker;
use crate::icons::Icons;
use crate::layout::Layout;

use super::model::EcoWorld;

/// The backdrop's systems; the world's model changes before them.
#[derive(SystemSet, Clone, Debug, PartialEq, Eq, Hash)]
pub struct BackdropSystems;

/// The backdrop's own drawings (the rest are icons).
#[derive(Resource, Default)]
struct WorldArt {
    ground: Handle<Image>,
    hills: Handle<Image>,
    litter: Handle<Image>,
}

#[derive(Component)]
struct Backdrop;

/// How a backdrop piece is sized.
#[derive(Clone, Copy)]
enum Span {
    /// A square, this fraction of the window's shorter side.
    Square(f32),
    /// The window's whole width (and a little more, so no edge shows), at this width:height,
    /// standing on its `at` point.
    Wide(f32),
    /// The whole width, this fraction of the window's height.
    Band(f32),
}

/// A backdrop piece: where it sits (fractions of the window) and when it shows.
#[derive(Component, Clone, Copy)]
struct Piece {
    at: Vec2,
    span: Span,
    z: f32,
    /// Shown when cleanliness is above (positive) or below (negative, absolute) this value.
    shows_when: f32,
}

/// How quickly a flower or a piece of litter fades in or out around its threshold.
const FADE_SHARPNESS: f32 = 8.0;
/// Wide pieces reach past both sides of the window by this share of its width.
const OVERHANG: f32 = 1.05;

/// What a backdrop piece shows: an icon from the library, or one of the backdrop's drawings.
#[derive(Clone, Copy)]
enum Art {
    Icon(&'static str),
    Ground,
    Hills,
    Litter,
    /// The river: a band of water coloured by the river scene's last state.
    Water,
}

/// One piece of scenery: its art, where (fractions of the window), how big, its depth, and the
/// cleanliness it shows at (see `Piece::shows_when`).
#[derive(Clone, Copy)]
struct Scenery(Art, Vec2, Span, f32, f32);

const fn icon(name: &'static str, x: f32, y: f32, share: f32, z: f32, shows_when: f32) -> Scenery {
    Scenery(
        Art::Icon(name),
        Vec2::new(x, y),
        Span::Square(share),
        z,
        shows_when,
    )
}

const SCENERY: [Scenery; 16] = [
    // The hills stand on the ground: their bottom edge sits just under its top.
    Scenery(Art::Hills, Vec2::new(0.5, 0.88), Span::Wide(4.0), 0.4, 0.0),
    Scenery(
        Art::Ground,
        Vec2::new(0.5, 0.93),
        Span::Band(0.16),
        0.5,
        0.0,
    ),
    // The river runs along the top of the ground, in front of the hills.
    Scenery(
        Art::Water,
        Vec2::new(0.5, 0.875),
        Span::Band(0.03),
        0.55,
        0.0,
    ),
    icon("sun", 0.9, 0.12, 0.19, 0.5, 0.0),
    icon("cloud", 0.15, 0.1, 0.21, 0.6, 0.0),
    icon("cloud", 0.62, 0.07, 0.16, 0.6, 0.0),
    icon("deciduous-tree", 0.05, 0.72, 0.26, 1.2, 0.0),
    icon("evergreen-tree", 0.95, 0.74, 0.24, 1.2, 0.0),
    icon("deciduous-tree", 0.28, 0.75, 0.16, 1.1, 0.0),
    icon("sunflower", 0.18, 0.9, 0.1, 1.6, 0.55),
    icon("blossom", 0.8, 0.9, 0.08, 1.6, 0.45),
    icon("hibiscus", 0.68, 0.93, 0.08, 1.6, 0.7),
    icon("butterfly", 0.35, 0.3, 0.08, 1.7, 0.75),
    icon("bird", 0.72, 0.22, 0.08, 1.7, 0.6),
    Scenery(
        Art::Litter,
        Vec2::new(0.4, 0.94),
        Span::Square(0.08),
        1.5,
        -0.4,
    ),
    Scenery(
        Art::Litter,
        Vec2::new(0.9, 0.95),
        Span::Square(0.072),
        1.5,
        -0.3,
    ),
];

const CLEAN_SKY: Color = Color::srgb(0.74, 0.89, 0.98);
const DIRTY_SKY: Color = Color::srgb(0.76, 0.75, 0.70);
/// The sky a fully hazy travel week leaves, and how far it tints the sky at most.
const HAZY_SKY: Color = Color::srgb(0.72, 0.66, 0.56);
const HAZE_TINT: f32 = 0.7;

/// The river in the backdrop, from murky to clear.
const MURKY_WATER: Color = Color::srgb(0.47, 0.45, 0.30);
const CLEAR_WATER: Color = Color::srgb(0.25, 0.62, 0.85);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<WorldArt>()
        .insert_resource(ClearColor(CLEAN_SKY))
        .add_systems(
            Startup,
            (
                |mut commands: Commands| {
                    commands.spawn(Camera2d);
                },
                load_art.run_if(resource_exists::<Assets<Image>>),
            ),
        )
        .add_systems(
            Update,
            (
                spawn_backdrop.run_if(resource_exists::<Assets<Image>>),
                place_backdrop
                    .run_if(resource_changed::<Layout>.or_else(any_match_filter::<Added<Piece>>)),
                show_health
                    .run_if(resource_changed::<EcoWorld>.or_else(any_match_filter::<Added<Piece>>)),
            )
                .chain()
                .in_set(BackdropSystems),
        );
}

fn load_art(
    mut art: ResMut<WorldArt>,
    server: Res<AssetServer>,
    mut tracker: ResMut<AssetTracker>,
) {
    art.ground = tracker.load(&server, "sprites/world/ground.png".into());
    art.hills = tracker.load(&server, "sprites/world/hills.png".into());
    art.litter = tracker.load(&server, "sprites/world/litter.png".into());
}

fn spawn_backdrop(
    mut commands: Commands,
    art: Res<WorldArt>,
    icons: Res<Icons>,
    existing: Query<(), With<Backdrop>>,
) {
    if !existing.is_empty() {
        return;
    }
    for Scenery(what, at, span, z, shows_when) in SCENERY {
        let image = match what {
            Art::Icon(name) => icons.get(name),
            Art::Ground => art.ground.clone(),
            Art::Hills => art.hills.clone(),
            Art::Litter => art.litter.clone(),
            Art::Water => Handle::default(),
        };
        let anchor = match span {
            Span::Wide(_) => Anchor::BOTTOM_CENTER,
            _ => Anchor::CENTER,
        };
        commands.spawn((
            Backdrop,
            Piece {
                at,
                span,
                z,
                shows_when,
            },
            Sprite::from_image(image),
            anchor,
        ));
    }
}

fn place_backdrop(layout: Res<Layout>, mut pieces: Query<(&Piece, &mut Sprite, &mut Transform)>) {
    let size = layout.size;
    let short = size.x.min(size.y);
    for (piece, mut sprite, mut transform) in &mut pieces {
        let position = layout.to_world(piece.at * size);
        transform.translation = position.extend(piece.z);
        sprite.custom_size = Some(match piece.span {
            Span::Square(share) => Vec2::splat(short * share),
            Span::Wide(aspect) => Vec2::new(size.x * OVERHANG, size.x * OVERHANG / aspect),
            Span::Band(share) => Vec2::new(size.x * OVERHANG, size.y * share),
        });
    }
}

/// The sky for the world's state: greyer as it gets dirtier, browner after a hazy travel week.
pub fn sky_color(world: &EcoWorld) -> Color {
    DIRTY_SKY
        .mix(&CLEAN_SKY, world.cleanliness)
        .mix(&HAZY_SKY, world.haze.clamp(0.0, 1.0) * HAZE_TINT)
}

/// The backdrop's river for the world's water.
pub fn water_color(world: &EcoWorld) -> Color {
    MURKY_WATER.mix(&CLEAR_WATER, world.water_shown())
}

fn show_health(
    world: Res<EcoWorld>,
    mut clear: ResMut<ClearColor>,
    mut pieces: Query<(&Piece, &mut Sprite)>,
) {
    let clean = world.cleanliness;
    clear.0 = sky_color(&world);
    for (piece, mut sprite) in &mut pieces {
        if sprite.image == Handle::default() {
            sprite.color = water_color(&world);
            continue;
        }
        let alpha = if piece.shows_when > 0.0 {
            ((clean - piece.shows_when) * FADE_SHARPNESS + 1.0).clamp(0.0, 1.0)
        } else if piece.shows_when < 0.0 {
            ((-piece.shows_when - clean) * FADE_SHARPNESS + 1.0).clamp(0.0, 1.0)
        } else {
            1.0
        };
        sprite.color = sprite.color.with_alpha(alpha);
    }
}
