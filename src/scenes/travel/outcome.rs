//! A finished week for the results screen: its CO₂ against an all-car week and the lowest-carbon
//! week (worked out by the rules, not stored), with time and money, the choice that saved most,
//! how the figures were counted, and a real fact about the city.

use bevy::prelude::*;

use super::rules::{self, Cost};
use super::{SCENE_ID, Travel, words};
use crate::pack::live::ActivePack;
use crate::pack::{Lang, Localized};
use crate::scenes::{Bar, Headline, Lesson, RoundOutcome, SourcedText};

const PLAYED_COLOR: Color = Color::srgb(0.2, 0.55, 0.75);
const ALL_CAR_COLOR: Color = Color::srgb(0.55, 0.42, 0.25);
const LOWEST_COLOR: Color = Color::srgb(0.18, 0.61, 0.28);
/// A week within this share above the all-car week is "about the same" as it.
const ABOUT_THE_SAME: f32 = 0.05;

pub(super) fn outcome(travel: &Travel, pack: &ActivePack) -> RoundOutcome {
    let data = &travel.data;
    let level = travel.level();
    let summary = travel.summary();
    let most = summary
        .played
        .co2_grams
        .max(summary.all_car.co2_grams)
        .max(summary.lowest.co2_grams)
        .max(1.0);
    let bar = |key: &str, cost: &Cost, color: Color| Bar {
        label: words::both(|lang| {
            format!(
                "{}\n{} · {}",
                crate::i18n::tr(lang, key),
                words::minutes(cost.minutes, lang),
                words::yuan(cost.yuan, lang)
            )
        }),
        color,
        fraction: cost.co2_grams / most,
        value: words::both(|lang| words::co2(cost.co2_grams, lang)),
    };
    let bars = vec![
        bar("travel.your_week", &summary.played, PLAYED_COLOR),
        bar("travel.all_car_week", &summary.all_car, ALL_CAR_COLOR),
        bar("travel.lowest_week", &summary.lowest, LOWEST_COLOR),
    ];
    let saved = summary.all_car.co2_grams - summary.played.co2_grams;
    let headline = Headline::Figure {
        value: words::both(|lang| {
            crate::i18n::tr(lang, "travel.week_figure")
                .replace("%{co2}", &words::co2(summary.played.co2_grams, lang))
        }),
        detail: words::both(|lang| week_detail(travel, saved, lang)),
    };
    let lessons = summary
        .best_saving
        .and_then(|(index, grams)| {
            let trip = &level.trips[index];
            let choice = &trip.choices[*travel.week.chosen.get(index)?];
            // The picture of the way's longest leg (the metro, not the walk to it).
            let icon = choice
                .legs
                .iter()
                .max_by(|a, b| a.km.total_cmp(&b.km))
                .and_then(|leg| data.mode(&leg.mode))
                .map(|mode| mode.icon.clone())?;
            Some(Lesson {
                id: trip.id.clone(),
                icon,
                title: trip.name.clone(),
                answer: words::choice_name(data, choice),
                color: LOWEST_COLOR,
                reason: words::both(|lang| {
                    crate::i18n::tr(lang, "travel.saved_vs_car")
                        .replace("%{co2}", &words::co2(grams, lang))
                }),
            })
        })
        .into_iter()
        .collect();
    let fact = level
        .outcome_fact
        .as_deref()
        .and_then(|id| data.fact(id))
        .map(|fact| SourcedText::of(fact, &pack.0));
    RoundOutcome {
        scene: SCENE_ID,
        level: travel.level_index,
        level_id: level.id.clone(),
        level_title: level.title.clone(),
        headline,
        passed: rules::is_green_week(&summary),
        has_next: travel.level_index + 1 < data.levels.len(),
        bars_heading: Some("travel.weeks_heading"),
        bars,
        lessons_heading: "travel.best_choice",
        lessons,
        notes: vec![how_counted(travel, pack)],
        fact,
        given: (0..level.trips.len())
            .map(|i| travel.week.chosen.get(i).copied())
            .collect(),
        // A week's trips are the level's own: no seed draws them.
        seed: 0,
    }
}

/// "Less than driving every trip alone by N (P%), like driving N km" or, when it was not less,
/// the plain figure.
fn week_detail(travel: &Travel, saved: f32, lang: Lang) -> String {
    let summary = travel.summary();
    if saved > 0.0 && summary.all_car.co2_grams > 0.0 {
        let share = saved / summary.all_car.co2_grams * 100.0;
        let km = rules::as_car_km(&travel.data, saved).unwrap_or_default();
        crate::i18n::tr(lang, "travel.week_saved")
            .replace("%{co2}", &words::co2(saved, lang))
            .replace("%{percent}", &format!("{share:.0}"))
            .replace("%{km}", &format!("{km:.0}"))
    } else if -saved > summary.all_car.co2_grams * ABOUT_THE_SAME {
        crate::i18n::tr(lang, "travel.week_more").replace("%{co2}", &words::co2(-saved, lang))
    } else {
        crate::i18n::tr(lang, "travel.week_not_saved")
    }
}

/// How the week's figures were counted, with the sources of every mode the week's trips offer.
fn how_counted(travel: &Travel, pack: &ActivePack) -> SourcedText {
    let data = &travel.data;
    let modes = travel
        .trips()
        .iter()
        .flat_map(|trip| &trip.choices)
        .flat_map(|choice| &choice.legs)
        .filter_map(|leg| data.mode(&leg.mode));
    let (keys, approx) = rules::factor_sources(modes);
    let mixed = rules::mixes_bases(data, travel.trips());
    let text = |lang: Lang| {
        let mut text = crate::i18n::tr(lang, "travel.how_counted");
        if mixed {
            text = format!("{text} {}", crate::i18n::tr(lang, "travel.mixed_basis"));
        }
        text
    };
    SourcedText {
        text: Localized::new(text(Lang::Zh), text(Lang::En)),
        citation: pack.0.cite(&keys, approx),
    }
}
