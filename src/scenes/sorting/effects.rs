//! The feel of sorting: items pop in, fly into bins, lids open, sparkles fly, wrong bins shake.

use bevy::prelude::*;
use rand::Rng;

use super::assets::SortingArt;
use super::view::{BinView, Current, FieldLayout, Held, Lid, Selected};
use super::{SCREEN, Sorted, Sorting};
use crate::audio::{PlaySound, Sfx};
use crate::layout::Layout;

/// Grows a new item in with a little overshoot.
#[derive(Component, Default)]
pub struct Pop {
    t: f32,
}

/// An item on its way into a bin: through `via` first when it was dropped on the wrong one.
#[derive(Component)]
struct Flight {
    from: Vec2,
    via: Option<Vec2>,
    to: Vec2,
    bin: usize,
    correct: bool,
    t: f32,
}

const FLIGHT_SECONDS: f32 = 0.45;
const LID_SECONDS: f32 = 0.7;
const SHAKE_SECONDS: f32 = 0.5;
/// Sparkles and leaves thrown up by a right answer; every third one is a leaf.
const BURST_PARTICLES: usize = 16;
const LEAF_EVERY: usize = 3;
/// Pulls the sparkles down, in logical px per second squared.
const GRAVITY: f32 = 900.0;

#[derive(Component)]
struct LidOpen {
    t: f32,
}

#[derive(Component)]
struct Shake {
    t: f32,
}

#[derive(Component)]
struct Particle {
    velocity: Vec2,
    life: f32,
    max_life: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            launch,
            pop,
            pulse_selected,
            fly,
            open_lids,
            shake_bins,
            answer_drag,
            particles,
        )
            .chain()
            .after(super::apply_actions)
            .run_if(in_state(SCREEN).and_then(resource_exists::<Sorting>)),
    );
}

/// How far the lid of the bin under a dragged item lifts (radians), and how much the bin grows.
const HOVER_LID_ANGLE: f32 = 0.35;
const HOVER_SCALE: f32 = 1.08;

/// The bin under a dragged item answers: its lid lifts and it grows a little.
#[allow(clippy::type_complexity)]
fn answer_drag(
    field: Res<FieldLayout>,
    layout: Res<Layout>,
    items: Query<(&Transform, &Held), (With<Current>, Without<BinView>, Without<Lid>)>,
    mut bins: Query<(&BinView, &Children, &mut Transform), (Without<Lid>, Without<Shake>)>,
    mut lids: Query<&mut Transform, (With<Lid>, Without<LidOpen>, Without<BinView>)>,
) {
    let target = items
        .single()
        .ok()
        .filter(|(_, held)| held.moved)
        .and_then(|(transform, _)| {
            super::view::bin_at(&field, layout.to_screen(transform.translation.truncate()))
        });
    for (bin, children, mut transform) in &mut bins {
        let hovered = target == Some(bin.index);
        // Written only when it changes, so the bins' transforms are not re-propagated every frame.
        let scale = Vec3::splat(if hovered { HOVER_SCALE } else { 1.0 });
        if transform.scale != scale {
            transform.scale = scale;
        }
        let mut child_lids = lids.iter_many_mut(children);
        while let Some(mut lid) = child_lids.fetch_next() {
            let rotation = if hovered {
                Quat::from_rotation_z(HOVER_LID_ANGLE)
            } else {
                Quat::IDENTITY
            };
            if lid.rotation != rotation {
                lid.rotation = rotation;
            }
        }
    }
}

/// The point just above a bin's mouth, in world space.
fn bin_mouth(field: &FieldLayout, layout: &Layout, bin: usize) -> Vec2 {
    let rect = field.bins.get(bin).copied().unwrap_or_default();
    layout.to_world(Vec2::new(
        rect.center().x,
        rect.min.y + rect.height() * 0.18,
    ))
}

fn launch(
    mut commands: Commands,
    mut sorted: MessageReader<Sorted>,
    field: Res<FieldLayout>,
    layout: Res<Layout>,
    items: Query<(Entity, &Transform), With<Current>>,
    bins: Query<(Entity, &BinView)>,
) {
    for Sorted { verdict, .. } in sorted.read() {
        let Ok((entity, transform)) = items.single() else {
            continue;
        };
        let via = match verdict.chosen {
            Some(chosen) if !verdict.correct => {
                if let Some((bin_entity, _)) = bins.iter().find(|(_, b)| b.index == chosen) {
                    commands.entity(bin_entity).insert(Shake { t: 0.0 });
                }
                Some(bin_mouth(&field, &layout, chosen) + Vec2::Y * field.item_size * 0.6)
            }
            _ => None,
        };
        commands
            .entity(entity)
            .remove::<(Current, Held, Selected, Pop)>()
            .insert(Flight {
                from: transform.translation.truncate(),
                via,
                to: bin_mouth(&field, &layout, verdict.expected),
                bin: verdict.expected,
                correct: verdict.correct,
                t: 0.0,
            });
    }
}

fn pop(
    time: Res<Time>,
    mut commands: Commands,
    mut items: Query<(Entity, &mut Pop, &mut Transform)>,
) {
    for (entity, mut pop, mut transform) in &mut items {
        pop.t = (pop.t + time.delta_secs() / 0.3).min(1.0);
        let overshoot = 1.0 + 0.12 * (pop.t * std::f32::consts::PI).sin();
        transform.scale = Vec3::splat((0.2 + 0.8 * pop.t) * overshoot);
        if pop.t >= 1.0 {
            transform.scale = Vec3::ONE;
            commands.entity(entity).remove::<Pop>();
        }
    }
}

fn pulse_selected(
    time: Res<Time>,
    mut items: Query<&mut Transform, (With<Selected>, Without<Pop>)>,
) {
    for mut transform in &mut items {
        let beat = 1.0 + 0.08 * (time.elapsed_secs() * 7.0).sin();
        transform.scale = Vec3::splat(beat);
    }
}

#[allow(clippy::too_many_arguments)]
fn fly(
    time: Res<Time>,
    mut commands: Commands,
    mut items: Query<(Entity, &mut Flight, &mut Transform)>,
    bins: Query<(&BinView, &Children)>,
    lids: Query<(), With<Lid>>,
    art: Res<SortingArt>,
    field: Res<FieldLayout>,
    mut sounds: MessageWriter<PlaySound>,
) {
    let stages = |flight: &Flight| if flight.via.is_some() { 2.0 } else { 1.0 };
    for (entity, mut flight, mut transform) in &mut items {
        flight.t += time.delta_secs() / (FLIGHT_SECONDS * stages(&flight));
        let t = flight.t.min(1.0);
        let (start, end, local) = match flight.via {
            Some(via) if t < 0.5 => (flight.from, via, t * 2.0),
            Some(via) => (via, flight.to, (t - 0.5) * 2.0),
            None => (flight.from, flight.to, t),
        };
        let arc = (local * std::f32::consts::PI).sin() * field.item_size * 0.5;
        let position = start.lerp(end, local) + Vec2::Y * arc;
        transform.translation.x = position.x;
        transform.translation.y = position.y;
        transform.scale = Vec3::splat(1.0 - 0.6 * t);
        if flight.t < 1.0 {
            continue;
        }
        commands.entity(entity).despawn();
        sounds.write(PlaySound(Sfx::Drop));
        if let Some((_, children)) = bins.iter().find(|(b, _)| b.index == flight.bin) {
            for child in children.iter().filter(|c| lids.contains(*c)) {
                commands.entity(child).insert(LidOpen { t: 0.0 });
            }
        }
        if flight.correct {
            burst(&mut commands, &art, flight.to, field.item_size);
        }
    }
}

fn burst(commands: &mut Commands, art: &SortingArt, at: Vec2, scale: f32) {
    let mut rng = rand::rng();
    for i in 0..BURST_PARTICLES {
        let image = if i % LEAF_EVERY == 0 {
            art.leaf.clone()
        } else {
            art.sparkle.clone()
        };
        let angle = rng.random_range(0.3..(std::f32::consts::PI - 0.3));
        let speed = rng.random_range(0.8..1.8) * scale * 2.0;
        let life = rng.random_range(0.5..0.9);
        commands.spawn((
            Particle {
                velocity: Vec2::from_angle(angle) * speed,
                life,
                max_life: life,
            },
            Sprite {
                image,
                custom_size: Some(Vec2::splat(scale * 0.16)),
                ..default()
            },
            Transform::from_translation(at.extend(30.0)),
            DespawnOnExit(SCREEN),
        ));
    }
}

fn open_lids(
    time: Res<Time>,
    mut commands: Commands,
    mut lids: Query<(Entity, &mut LidOpen, &mut Transform)>,
) {
    for (entity, mut open, mut transform) in &mut lids {
        open.t += time.delta_secs() / LID_SECONDS;
        let angle = 1.0 * (open.t.min(1.0) * std::f32::consts::PI).sin();
        transform.rotation = Quat::from_rotation_z(angle);
        if open.t >= 1.0 {
            transform.rotation = Quat::IDENTITY;
            commands.entity(entity).remove::<LidOpen>();
        }
    }
}

fn shake_bins(
    time: Res<Time>,
    mut commands: Commands,
    mut bins: Query<(Entity, &mut Shake, &mut Transform)>,
) {
    for (entity, mut shake, mut transform) in &mut bins {
        shake.t += time.delta_secs() / SHAKE_SECONDS;
        transform.rotation =
            Quat::from_rotation_z(0.06 * (shake.t * 30.0).sin() * (1.0 - shake.t).max(0.0));
        if shake.t >= 1.0 {
            transform.rotation = Quat::IDENTITY;
            commands.entity(entity).remove::<Shake>();
        }
    }
}

fn particles(
    time: Res<Time>,
    mut commands: Commands,
    mut particles: Query<(Entity, &mut Particle, &mut Transform, &mut Sprite)>,
) {
    let dt = time.delta_secs();
    for (entity, mut particle, mut transform, mut sprite) in &mut particles {
        particle.life -= dt;
        if particle.life <= 0.0 {
            commands.entity(entity).despawn();
            continue;
        }
        particle.velocity.y -= GRAVITY * dt;
        transform.translation += (particle.velocity * dt).extend(0.0);
        transform.rotate_z(4.0 * dt);
        sprite.color = sprite.color.with_alpha(particle.life / particle.max_life);
    }
}
