//! A finished river round for the results screen: every stretch's class before and after, the
//! action that did most (worked out by the rules, not stored), where the phosphorus came from,
//! and the real measures behind the actions, with their sources.

use bevy::prelude::*;

use super::format::{Sector, WaterClass};
use super::paint::class_color;
use super::rules::{self, Verdict};
use super::{River, SCENE_ID, questions};
use crate::pack::live::ActivePack;
use crate::pack::{Lang, Localized};
use crate::scenes::{Bar, Headline, Lesson, RoundOutcome, SourcedText};

const LESSON_COLOR: Color = Color::srgb(0.18, 0.5, 0.7);
const FARMING_COLOR: Color = Color::srgb(0.55, 0.45, 0.2);

fn both(text: impl Fn(Lang) -> String) -> Localized {
    Localized::new(text(Lang::Zh), text(Lang::En))
}

fn tr(lang: Lang, key: &str) -> String {
    crate::i18n::tr(lang, key)
}

/// A class as a visitor reads it: "Ⅲ类 良" / "Class III (Good)".
pub fn class_words(river: &River, class: WaterClass, lang: Lang) -> String {
    let label = river
        .data
        .class_info(class)
        .map(|info| info.label.get(lang).to_string())
        .unwrap_or_default();
    match lang {
        Lang::Zh => format!("{}类 {label}", class.numeral()),
        Lang::En => format!("Class {} ({label})", class.latin()),
    }
}

pub(super) fn outcome(river: &River, pack: &ActivePack) -> RoundOutcome {
    let data = &river.data;
    let level = river.level();
    let total = level.stretches.len();
    let good = river
        .now
        .stretches
        .iter()
        .filter(|s| s.class <= WaterClass::III)
        .count();
    let passed = river.verdict == Verdict::Won;
    let headline = Headline::Figure {
        value: both(|lang| {
            tr(lang, "river.good_figure")
                .replace("%{good}", &good.to_string())
                .replace("%{total}", &total.to_string())
        }),
        detail: both(|lang| {
            let key = if passed {
                "river.won_detail"
            } else {
                "river.lost_detail"
            };
            tr(lang, key)
                .replace("%{seasons}", &river.now.step.to_string())
                .replace("%{class}", &class_words(river, level.goal.class, lang))
        }),
    };
    let bars = level
        .stretches
        .iter()
        .zip(river.start.stretches.iter().zip(&river.now.stretches))
        .map(|(stretch, (start, now))| Bar {
            label: stretch.name.clone(),
            color: class_color(data, now.class),
            fraction: (6 - now.class.index()) as f32 / 6.0,
            value: both(|lang| {
                let class = |class: WaterClass| match lang {
                    Lang::Zh => format!("{}类", class.numeral()),
                    Lang::En => class.latin().to_string(),
                };
                format!("{} → {}", class(start.class), class(now.class))
            }),
        })
        .collect();
    let mut lessons = Vec::new();
    if let Some((index, share)) = rules::did_most(&river.situation(), river.now.step) {
        let taken = &river.taken[index];
        if let Some(action) = data.action(&taken.action) {
            let place = &level.stretches[taken.stretch].name;
            lessons.push(Lesson {
                id: action.id.clone(),
                icon: action.icon.clone(),
                title: action.name.clone(),
                answer: both(|lang| {
                    tr(lang, "river.taken_at").replace("%{place}", place.get(lang))
                }),
                color: LESSON_COLOR,
                reason: both(|lang| {
                    format!(
                        "{} {}",
                        action.does.get(lang),
                        tr(lang, "river.share_of_gain")
                            .replace("%{percent}", &format!("{:.0}", share * 100.0))
                    )
                }),
            });
        }
    }
    if let Some((sector, share)) = rules::phosphorus_shares(data, level).first().copied() {
        lessons.push(Lesson {
            id: "phosphorus".into(),
            icon: sector_picture(river, sector),
            title: both(|lang| tr(lang, "river.phosphorus_title")),
            answer: both(|lang| tr(lang, sector_key(sector))),
            color: FARMING_COLOR,
            reason: both(|lang| {
                tr(lang, "river.phosphorus_share")
                    .replace("%{sector}", &tr(lang, sector_key(sector)))
                    .replace("%{percent}", &format!("{:.0}", share * 100.0))
            }),
        });
    }
    let mut notes: Vec<SourcedText> = level
        .measures
        .iter()
        .filter_map(|id| data.fact(id))
        .map(|fact| SourcedText::of(fact, &pack.0))
        .collect();
    notes.push(SourcedText {
        text: both(|lang| tr(lang, "river.how_classed")),
        citation: pack.0.cite(&data.limits_source, false),
    });
    let fact = level
        .outcome_fact
        .as_deref()
        .and_then(|id| data.fact(id))
        .map(|fact| SourcedText::of(fact, &pack.0));
    RoundOutcome {
        scene: SCENE_ID,
        level: river.level_index,
        level_id: level.id.clone(),
        level_title: level.title.clone(),
        headline,
        passed,
        has_next: river.level_index + 1 < data.levels.len(),
        bars_heading: Some("river.classes_heading"),
        bars,
        lessons_heading: "river.lessons_heading",
        lessons,
        notes,
        fact,
        given: given(river),
        seed: river.seed,
    }
}

/// For each of the level's sources (`questions::questions`), the first action taken on its
/// stretch that works on it, else the first taken there at all, by offered index.
fn given(river: &River) -> Vec<Option<usize>> {
    let level = river.level();
    let offered = |id: &str| level.actions.iter().position(|a| a == id);
    questions::questions(&river.data, river.level_index)
        .iter()
        .map(|question| {
            let (stretch_id, source) = question.id.split_once('/')?;
            let stretch = level.stretches.iter().position(|s| s.id == stretch_id)?;
            let here: Vec<&rules::Taken> = river
                .taken
                .iter()
                .filter(|t| t.stretch == stretch)
                .collect();
            let fixing = here.iter().find(|t| {
                river
                    .data
                    .action(&t.action)
                    .is_some_and(|a| a.fixes.iter().any(|f| f == source))
            });
            fixing.or(here.first()).and_then(|t| offered(&t.action))
        })
        .collect()
}

pub fn sector_key(sector: Sector) -> &'static str {
    match sector {
        Sector::Farming => "river.sector_farming",
        Sector::Domestic => "river.sector_domestic",
        Sector::Industry => "river.sector_industry",
        Sector::Litter => "river.sector_litter",
        Sector::Hazardous => "river.sector_hazardous",
    }
}

/// The picture of the level's source of `sector` that adds the most phosphorus.
fn sector_picture(river: &River, sector: Sector) -> String {
    let data = &river.data;
    river
        .level()
        .stretches
        .iter()
        .flat_map(|stretch| &stretch.sources)
        .filter_map(|placed| data.source(&placed.source))
        .filter(|source| source.sector == sector)
        .max_by(|a, b| rules::phosphorus_of(a).total_cmp(&rules::phosphorus_of(b)))
        .map(|source| source.icon.clone())
        .unwrap_or_default()
}
