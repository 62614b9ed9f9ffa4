//! The shared eco-world: one cleanliness value every scene nudges, and a backdrop that shows it
//! (clear sky, flowers and birds when clean; grey sky and litter when dirty).

use bevy::prelude::*;

use crate::layout::Layout;
use crate::media::GameAssets;

/// 0 = polluted, 1 = thriving. Shared by all scenes.
#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub struct EcoWorld {
    pub cleanliness: f32,
}

impl Default for EcoWorld {
    fn default() -> Self {
        EcoWorld { cleanliness: 0.45 }
    }
}

/// A scene's effect on the world, e.g. +0.05 for a right answer.
#[derive(Message, Clone, Copy, Debug)]
pub struct EcoChange(pub f32);

#[derive(Component)]
struct Backdrop;

/// A backdrop piece: where it sits (fractions of the window) and when it shows.
#[derive(Component, Clone, Copy)]
struct Piece {
    at: Vec2,
    size: f32,
    z: f32,
    /// Shown when cleanliness is above (positive) or below (negative, absolute) this value.
    shows_when: f32,
}

const CLEAN_SKY: Color = Color::srgb(0.74, 0.89, 0.98);
const DIRTY_SKY: Color = Color::srgb(0.76, 0.75, 0.70);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<EcoWorld>()
        .insert_resource(ClearColor(CLEAN_SKY))
        .add_message::<EcoChange>()
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(
            Update,
            (
                apply_changes,
                spawn_backdrop.run_if(resource_exists::<GameAssets>),
                place_backdrop
                    .run_if(resource_changed::<Layout>.or_else(any_match_filter::<Added<Piece>>)),
                show_health
                    .run_if(resource_changed::<EcoWorld>.or_else(any_match_filter::<Added<Piece>>)),
            )
                .chain(),
        );
}

fn apply_changes(mut changes: MessageReader<EcoChange>, mut world: ResMut<EcoWorld>) {
    for EcoChange(delta) in changes.read() {
        world.cleanliness = (world.cleanliness + delta).clamp(0.0, 1.0);
    }
}

fn spawn_backdrop(
    mut commands: Commands,
    assets: Res<GameAssets>,
    existing: Query<(), With<Backdrop>>,
) {
    if !existing.is_empty() {
        return;
    }
    let pieces: [(&str, Vec2, f32, f32, f32); 16] = [
        ("sun", Vec2::new(0.9, 0.12), 0.12, 0.5, 0.0),
        ("cloud", Vec2::new(0.15, 0.1), 0.13, 0.6, 0.0),
        ("cloud", Vec2::new(0.62, 0.07), 0.1, 0.6, 0.0),
        ("mountain", Vec2::new(0.1, 0.6), 0.26, 0.8, 0.0),
        ("mountain", Vec2::new(0.85, 0.62), 0.22, 0.8, 0.0),
        ("cityscape", Vec2::new(0.62, 0.66), 0.2, 0.9, 0.0),
        ("deciduous-tree", Vec2::new(0.05, 0.72), 0.16, 1.2, 0.0),
        ("evergreen-tree", Vec2::new(0.95, 0.74), 0.15, 1.2, 0.0),
        ("deciduous-tree", Vec2::new(0.28, 0.75), 0.1, 1.1, 0.0),
        ("sunflower", Vec2::new(0.18, 0.9), 0.06, 1.6, 0.55),
        ("blossom", Vec2::new(0.8, 0.9), 0.05, 1.6, 0.45),
        ("hibiscus", Vec2::new(0.68, 0.93), 0.05, 1.6, 0.7),
        ("butterfly", Vec2::new(0.35, 0.3), 0.05, 1.7, 0.75),
        ("bird", Vec2::new(0.72, 0.22), 0.05, 1.7, 0.6),
        ("litter", Vec2::new(0.4, 0.94), 0.05, 1.5, -0.4),
        ("litter", Vec2::new(0.9, 0.95), 0.045, 1.5, -0.3),
    ];
    commands.spawn((
        Backdrop,
        Piece {
            at: Vec2::new(0.5, 0.93),
            size: 0.0,
            z: 0.5,
            shows_when: 0.0,
        },
        Sprite::from_image(assets.world("ground")),
    ));
    for (name, at, size, z, shows_when) in pieces {
        let image = if name == "litter" {
            assets.world(name)
        } else {
            assets.icon(name)
        };
        commands.spawn((
            Backdrop,
            Piece {
                at,
                size,
                z,
                shows_when,
            },
            Sprite::from_image(image),
        ));
    }
}

fn place_backdrop(layout: Res<Layout>, mut pieces: Query<(&Piece, &mut Sprite, &mut Transform)>) {
    let size = layout.size;
    let short = size.x.min(size.y);
    for (piece, mut sprite, mut transform) in &mut pieces {
        let position = layout.to_world(piece.at * size);
        transform.translation = position.extend(piece.z);
        sprite.custom_size = Some(if piece.size == 0.0 {
            Vec2::new(size.x * 1.05, size.y * 0.16)
        } else {
            Vec2::splat(short * piece.size * 1.6)
        });
    }
}

fn show_health(
    world: Res<EcoWorld>,
    mut clear: ResMut<ClearColor>,
    mut pieces: Query<(&Piece, &mut Sprite)>,
) {
    let clean = world.cleanliness;
    clear.0 = DIRTY_SKY.mix(&CLEAN_SKY, clean);
    for (piece, mut sprite) in &mut pieces {
        let alpha = if piece.shows_when > 0.0 {
            ((clean - piece.shows_when) * 8.0 + 1.0).clamp(0.0, 1.0)
        } else if piece.shows_when < 0.0 {
            ((-piece.shows_when - clean) * 8.0 + 1.0).clamp(0.0, 1.0)
        } else {
            1.0
        };
        sprite.color = sprite.color.with_alpha(alpha);
    }
}
