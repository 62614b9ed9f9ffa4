//! One card per way to make the trip: its modes' pictures and names, its time and cost, or why
//! it cannot be taken. Drawn as sprites so the same pointer input reaches them in tests.

use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy_egui::egui::Align;

use super::layout::TravelLayout;
use super::rules::{self, Unavailable};
use super::{Phase, SCREEN, Travel, words};
use crate::i18n::Language;
use crate::icons::Icons;
use crate::input_seen::InputSeen;
use crate::layout::Layout;
use crate::pack::Lang;
use crate::ui::WorldLabel;

const Z_CARD: f32 = 20.0;

const CARD_FILL: Color = Color::srgb(1.0, 1.0, 0.97);
const CARD_EDGE: Color = Color::srgb(0.18, 0.61, 0.28);
const CLOSED_FILL: Color = Color::srgb(0.9, 0.9, 0.88);
const CLOSED_EDGE: Color = Color::srgb(0.6, 0.62, 0.6);
const NOTICE_EDGE: Color = Color::srgb(0.7, 0.15, 0.12);
const INK: Color = Color::srgb(0.12, 0.2, 0.16);
const MUTED_INK: Color = Color::srgb(0.3, 0.37, 0.33);
const NOTICE_INK: Color = Color::srgb(0.62, 0.12, 0.1);

/// The edge's width and the padding inside, as shares of the card's height.
const EDGE: f32 = 0.05;
const PAD: f32 = 0.14;
/// A mode picture's size, as a share of the card's height, and at most of its width.
const PICTURE: f32 = 0.62;
const PICTURE_OF_WIDTH: f32 = 0.13;
/// Text sizes as shares of the card's height, and their bounds in px.
const TITLE_TEXT: f32 = 0.25;
const DETAIL_TEXT: f32 = 0.19;
const TEXT_MIN_PX: f32 = 12.0;
const TITLE_MAX_PX: f32 = 30.0;
const DETAIL_MAX_PX: f32 = 24.0;
/// At most this many pictures on a card (a way of three different modes).
const MAX_PICTURES: usize = 3;

/// A way-to-go card.
#[derive(Component)]
pub struct ChoiceCard;

/// What the cards were last drawn for.
#[derive(Default, PartialEq, Clone)]
struct CardsDrawn {
    trip: Option<(usize, usize)>,
    cards: Vec<Rect>,
    lang: Option<Lang>,
    notice: Option<usize>,
    keys: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (draw_cards, show_cards)
            .chain()
            .after(super::map::compute_layout)
            .run_if(in_state(SCREEN).and_then(resource_exists::<Travel>)),
    );
}

#[allow(clippy::too_many_arguments)]
fn draw_cards(
    mut commands: Commands,
    travel: Res<Travel>,
    parts: Res<TravelLayout>,
    layout: Res<Layout>,
    language: Res<Language>,
    seen: Res<InputSeen>,
    icons: Res<Icons>,
    existing: Query<Entity, With<ChoiceCard>>,
    mut drawn: Local<CardsDrawn>,
) {
    let now = CardsDrawn {
        trip: Some((travel.level_index, travel.trip)),
        cards: parts.cards.clone(),
        lang: Some(language.0),
        notice: travel.notice,
        keys: seen.offer_keys(),
    };
    if *drawn == now && !existing.is_empty() {
        return;
    }
    *drawn = now;
    for entity in &existing {
        commands.entity(entity).despawn();
    }
    let Some(trip) = travel.current_trip() else {
        return;
    };
    let lang = language.0;
    for (index, (choice, rect)) in trip.choices.iter().zip(&parts.cards).enumerate() {
        let closed = rules::unavailable(&travel.data, trip, choice);
        let noticed = travel.notice == Some(index);
        let (fill, edge) = match (&closed, noticed) {
            (Some(_), true) => (CLOSED_FILL, NOTICE_EDGE),
            (Some(_), false) => (CLOSED_FILL, CLOSED_EDGE),
            (None, _) => (CARD_FILL, CARD_EDGE),
        };
        let size = rect.size();
        let h = size.y;
        let edge_px = (EDGE * h).max(2.0);
        let pad = PAD * h;
        let picture = (PICTURE * h).min(PICTURE_OF_WIDTH * size.x);
        let mut modes = choice.modes();
        modes.truncate(MAX_PICTURES);
        let key_room = if seen.offer_keys() { 0.22 * h } else { 0.0 };
        let pictures_end = pad + key_room + modes.len() as f32 * picture * 1.05;
        let text_left = pictures_end + pad * 0.6;
        let text_width = (size.x - text_left - pad).max(size.x * 0.3);
        let title = words::choice_name(&travel.data, choice);
        let cost = rules::choice_cost(&travel.data, trip, choice).unwrap_or_default();
        let detail = match &closed {
            None => format!(
                "{} · {}",
                words::minutes(cost.minutes, lang),
                words::yuan(cost.yuan, lang)
            ),
            Some(Unavailable::RuledOut(why)) => format!("✗ {}", why.get(lang)),
            Some(Unavailable::TooSlow { minutes, limit }) => language
                .t("travel.too_slow")
                .replace("%{minutes}", &words::minutes(*minutes, lang))
                .replace("%{limit}", &words::minutes(*limit, lang)),
        };
        let detail_ink = match (&closed, noticed) {
            (Some(_), true) => NOTICE_INK,
            (Some(_), false) => MUTED_INK,
            (None, _) => INK,
        };
        let left = -size.x / 2.0;
        let center = layout.to_world(rect.center()).extend(Z_CARD);
        commands
            .spawn((
                ChoiceCard,
                Sprite::from_color(edge, size),
                Transform::from_translation(center),
                Visibility::Hidden,
                DespawnOnExit(SCREEN),
            ))
            .with_children(|card| {
                card.spawn((
                    Sprite::from_color(fill, size - Vec2::splat(2.0 * edge_px)),
                    Transform::from_xyz(0.0, 0.0, 0.1),
                ));
                if seen.offer_keys() {
                    card.spawn((
                        WorldLabel::new(
                            (index + 1).to_string(),
                            (0.22 * h).clamp(TEXT_MIN_PX, DETAIL_MAX_PX),
                            MUTED_INK,
                        )
                        .with_anchor(Anchor::CENTER_LEFT, Align::Min),
                        Transform::from_xyz(left + pad * 0.7, 0.0, 0.3),
                    ));
                }
                for (i, mode) in modes.iter().enumerate() {
                    let icon = travel
                        .data
                        .mode(mode)
                        .map(|mode| icons.get(&mode.icon))
                        .unwrap_or_default();
                    let x = left + pad + key_room + (i as f32 + 0.5) * picture * 1.05;
                    let alpha = if closed.is_some() { 0.45 } else { 1.0 };
                    card.spawn((
                        Sprite {
                            image: icon,
                            color: Color::WHITE.with_alpha(alpha),
                            custom_size: Some(Vec2::splat(picture)),
                            ..default()
                        },
                        Transform::from_xyz(x, 0.0, 0.2),
                    ));
                }
                let title = title.get(lang).to_string();
                let title_size = fitting_size(&title, TITLE_TEXT * h, TITLE_MAX_PX, text_width, 1);
                let detail_size =
                    fitting_size(&detail, DETAIL_TEXT * h, DETAIL_MAX_PX, text_width, 2);
                let title_ink = if closed.is_some() { MUTED_INK } else { INK };
                card.spawn((
                    WorldLabel::new(title, title_size, title_ink)
                        .with_wrap(text_width)
                        .with_anchor(Anchor::BOTTOM_LEFT, Align::Min),
                    Transform::from_xyz(left + text_left, h * 0.02, 0.3),
                ));
                card.spawn((
                    WorldLabel::new(detail, detail_size, detail_ink)
                        .with_wrap(text_width)
                        .with_anchor(Anchor::TOP_LEFT, Align::Min),
                    Transform::from_xyz(left + text_left, -h * 0.04, 0.3),
                ));
            });
    }
}

/// The widest a glyph is, in ems: a Chinese character fills its em, Latin letters about half.
const WIDE_GLYPH_EMS: f32 = 1.0;
const NARROW_GLYPH_EMS: f32 = 0.56;

/// A text size (px) at which `text` fits `width` in at most `lines` lines: `wanted` where it
/// fits, smaller where it would not, within the card's text bounds.
fn fitting_size(text: &str, wanted: f32, largest: f32, width: f32, lines: usize) -> f32 {
    let ems: f32 = text
        .chars()
        .map(|c| {
            if c.is_ascii() {
                NARROW_GLYPH_EMS
            } else {
                WIDE_GLYPH_EMS
            }
        })
        .sum();
    let fits = width * lines as f32 / ems.max(1.0);
    wanted.min(fits).min(largest).max(TEXT_MIN_PX)
}

/// The cards show only while a way is being chosen.
fn show_cards(travel: Res<Travel>, mut cards: Query<&mut Visibility, With<ChoiceCard>>) {
    let shown = travel.phase == Phase::Choosing && !travel.asking_to_leave;
    for mut visibility in &mut cards {
        visibility.set_if_neq(if shown {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
    }
}
