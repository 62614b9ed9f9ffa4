//! The travel scene's overlays: the top bar with the week's CO₂ meter and the sky, the week's
//! intro card, the trip's heading, the arrival card and the "leave?" question.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::format::{Mode, Weather};
use super::layout::TravelLayout;
use super::rules::{self, Fit};
use super::{Phase, SCREEN, Travel, TravelAction, words};
use crate::i18n::Language;
use crate::input_seen::InputSeen;
use crate::pack::live::ActivePack;
use crate::ui::{self, UiParams, UiSystems};

/// The week's intro picture (logical points).
const INTRO_ICON: f32 = 56.0;
/// The CO₂ meter's width beside the map and on a phone (logical points).
const METER_WIDTH: f32 = 150.0;
const METER_WIDTH_NARROW: f32 = 110.0;
/// The sky is named "a little grey" from this haze on, and "hazy" from the next.
const SKY_GREY_FROM: f32 = 0.3;
const SKY_HAZY_FROM: f32 = 0.6;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiSystems)
            .run_if(in_state(SCREEN).and_then(resource_exists::<Travel>)),
    );
}

/// The sky's name for a haze, so colour is never the only signal.
pub fn sky_key(haze: f32) -> &'static str {
    if haze >= SKY_HAZY_FROM {
        "travel.sky_hazy"
    } else if haze >= SKY_GREY_FROM {
        "travel.sky_grey"
    } else {
        "travel.sky_clear"
    }
}

fn show(
    mut params: UiParams,
    travel: Res<Travel>,
    parts: Res<TravelLayout>,
    pack: Res<ActivePack>,
    seen: Res<InputSeen>,
    mut actions: MessageWriter<TravelAction>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let theme = params.theme.clone();
    let language = *params.language;
    let layout = *params.layout;
    let narrow = layout.narrow();
    let summary = travel.summary();
    let meter_full = travel.all_car_week_grams();
    let haze = rules::haze(&summary.played, &summary.all_car);
    let status = |ui: &mut egui::Ui| {
        let trips = travel.trips().len();
        let progress = language
            .t("travel.trip_of")
            .replace("%{n}", &(travel.trip + 1).min(trips).to_string())
            .replace("%{total}", &trips.to_string());
        ui.label(
            egui::RichText::new(progress)
                .size(20.0)
                .strong()
                .color(theme.ink),
        );
        ui.label(
            egui::RichText::new(language.t("travel.week_co2"))
                .size(18.0)
                .color(theme.muted),
        );
        let fraction = if meter_full > 0.0 {
            (summary.played.co2_grams / meter_full).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let width = if narrow {
            METER_WIDTH_NARROW
        } else {
            METER_WIDTH
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(width)
                .desired_height(16.0)
                .fill(meter_color(haze)),
        )
        .on_hover_text(language.t("travel.meter_hint"));
        ui.label(
            egui::RichText::new(words::co2(summary.played.co2_grams, language.0))
                .size(20.0)
                .strong()
                .color(theme.ink),
        );
        let sky = language.t(sky_key(haze));
        ui.label(egui::RichText::new(sky).size(18.0).color(theme.muted));
    };
    if ui::top_bar(&ctx, &mut params, "travel-hud", status).back {
        actions.write(TravelAction::Leave);
    }
    if travel.asking_to_leave {
        match ui::leave_question(&ctx, &mut params, "travel-leave") {
            Some(ui::LeaveAnswer::Stay) => {
                actions.write(TravelAction::Stay);
            }
            Some(ui::LeaveAnswer::Leave) => {
                actions.write(TravelAction::ConfirmLeave);
            }
            None => {}
        }
        return Ok(());
    }
    match travel.phase {
        Phase::Intro => intro(&ctx, &mut params, &travel, &seen, &mut actions),
        Phase::Choosing | Phase::Travelling => heading(&ctx, &params, &travel, &parts),
        Phase::Arrived => arrival(&ctx, &mut params, &travel, &parts, &pack, &mut actions),
        Phase::Finished => {}
    }
    Ok(())
}

/// The meter's colour runs from green to brown with the sky; its number and the sky's name say
/// the same in words.
fn meter_color(haze: f32) -> egui::Color32 {
    let clean = Color::srgb(0.18, 0.61, 0.28);
    let heavy = Color::srgb(0.55, 0.42, 0.25);
    ui::color32(clean.mix(&heavy, haze))
}

fn intro(
    ctx: &egui::Context,
    params: &mut UiParams,
    travel: &Travel,
    seen: &InputSeen,
    actions: &mut MessageWriter<TravelAction>,
) {
    let theme = params.theme.clone();
    let language = *params.language;
    let lang = language.0;
    let zoom = params.layout.zoom();
    let level = travel.level();
    let layout = *params.layout;
    ui::centered_card(ctx, &theme, &layout, "travel-intro", |ui| {
        ui.add(ui::icon(&params.icons, "bicycle", INTRO_ICON));
        ui::title(ui, level.title.get(lang), 34.0, theme.green_dark);
        ui::paragraph(ui, level.intro.get(lang), 22.0, theme.ink);
        ui.add_space(4.0);
        let mut how = language.t("travel.how_to");
        if seen.offer_keys() {
            how = format!("{how} {}", language.t("travel.keys_hint"));
        }
        ui::paragraph(ui, &how, 18.0, theme.ink);
        ui::paragraph(ui, &language.t("travel.sky_note"), 16.0, theme.muted);
        ui.add_space(8.0);
        let begin = language.t("travel.begin");
        if ui::big_button(
            ui,
            &mut params.rects,
            zoom,
            "begin",
            &begin,
            theme.green,
            280.0,
        )
        .clicked()
        {
            actions.write(TravelAction::Begin);
        }
    });
}

/// An egui area over a part of the screen laid out in logical px.
fn area_at(id: &str, rect: Rect, zoom: f32) -> (egui::Area, f32) {
    let area = egui::Area::new(egui::Id::new(id))
        .fixed_pos(egui::pos2(rect.min.x / zoom, rect.min.y / zoom))
        .order(egui::Order::Middle);
    (area, rect.width() / zoom)
}

/// The trip's name and what shapes it: who travels, what they carry, the weather, the hills and
/// rivers, and the time there is.
fn heading(ctx: &egui::Context, params: &UiParams, travel: &Travel, parts: &TravelLayout) {
    let Some(trip) = travel.current_trip() else {
        return;
    };
    let theme = &params.theme;
    let language = *params.language;
    let lang = language.0;
    let zoom = params.layout.zoom();
    let place = |id: &str| {
        travel
            .data
            .place(id)
            .map_or_else(|| id.to_string(), |p| p.name.get(lang).to_string())
    };
    let mut facts = vec![format!(
        "{} → {} · {}",
        place(&trip.from),
        place(&trip.to),
        language
            .t("travel.km")
            .replace("%{km}", &words::km(trip.distance_km))
    )];
    let mut conditions = Vec::new();
    if let Some(who) = &trip.who {
        conditions.push(who.get(lang).to_string());
    }
    if let Some(carrying) = &trip.carrying {
        conditions.push(carrying.get(lang).to_string());
    }
    if trip.weather == Weather::Rain {
        conditions.push(language.t("travel.rain"));
    }
    if trip.hills {
        conditions.push(language.t("travel.hills"));
    }
    if trip.river_crossing {
        conditions.push(language.t("travel.river"));
    }
    conditions.push(
        language
            .t("travel.time_limit")
            .replace("%{minutes}", &words::minutes(trip.time_limit_minutes, lang)),
    );
    facts.push(conditions.join(" · "));
    let (area, width) = area_at("travel-heading", parts.heading, zoom);
    area.show(ctx, |ui| {
        ui.set_width(width);
        egui::Frame::new()
            .fill(theme.paper)
            .corner_radius(egui::CornerRadius::same(12))
            .inner_margin(egui::Margin::symmetric(12, 6))
            .show(ui, |ui| {
                ui.set_width(width - 24.0);
                let title = if travel.phase == Phase::Travelling {
                    language
                        .t("travel.on_the_way")
                        .replace("%{place}", &place(&trip.to))
                } else {
                    trip.name.get(lang).to_string()
                };
                ui::title(ui, &title, 24.0, theme.green_dark);
                for line in &facts {
                    ui::paragraph(ui, line, 16.0, theme.ink);
                }
            });
    });
}

/// What the trip just made cost, beside the lowest-carbon way and driving alone, with its sources.
fn arrival(
    ctx: &egui::Context,
    params: &mut UiParams,
    travel: &Travel,
    parts: &TravelLayout,
    pack: &ActivePack,
    actions: &mut MessageWriter<TravelAction>,
) {
    let (Some(trip), Some((chosen, fit))) = (travel.current_trip(), travel.made()) else {
        return;
    };
    let data = &travel.data;
    let choice = &trip.choices[chosen];
    let Some(cost) = rules::choice_cost(data, trip, choice) else {
        return;
    };
    let theme = params.theme.clone();
    let language = *params.language;
    let lang = language.0;
    let zoom = params.layout.zoom();
    let lines = arrival_lines(&language, travel, chosen, fit);
    let modes: Vec<&Mode> = choice
        .modes()
        .into_iter()
        .filter_map(|id| data.mode(id))
        .collect();
    let (sources, approx) = rules::factor_sources(modes.iter().copied());
    let last = travel.trip + 1 >= travel.trips().len();
    let (area, width) = area_at("travel-arrival", parts.panel, zoom);
    let height = parts.panel.height() / zoom;
    area.order(egui::Order::Foreground).show(ctx, |ui| {
        ui.set_width(width);
        ui::card_frame(&theme).show(ui, |ui| {
            ui.set_width(width - 44.0);
            let button_room = ui::tap_size(zoom) + 24.0;
            egui::ScrollArea::vertical()
                .max_height((height - 60.0 - button_room).max(80.0))
                .show(ui, |ui| {
                    let (headline, color) = match fit {
                        Fit::Lowest => (language.t("travel.fit_lowest"), theme.green_dark),
                        Fit::Moderate => (language.t("travel.fit_moderate"), theme.green_dark),
                        Fit::Heavy => (language.t("travel.fit_heavy"), theme.ink),
                    };
                    ui::title(ui, &headline, 26.0, color);
                    let figure = language
                        .t("travel.trip_co2")
                        .replace("%{co2}", &words::co2(cost.co2_grams, lang));
                    ui::title(ui, &figure, 30.0, theme.ink);
                    for line in &lines {
                        ui::paragraph(ui, line, 18.0, theme.ink);
                    }
                    for mode in &modes {
                        if let Some(note) = &mode.note {
                            ui::paragraph(ui, note.get(lang), 15.0, theme.muted);
                        }
                    }
                    if rules::mixes_bases(data, travel.current_trip()) {
                        ui::paragraph(ui, &language.t("travel.mixed_basis"), 15.0, theme.muted);
                    }
                    ui::citation_line(ui, &language, &theme, &pack.0.cite(&sources, approx));
                });
            ui.add_space(6.0);
            let label = language.t(if last {
                "travel.see_week"
            } else {
                "travel.next_trip"
            });
            ui.vertical_centered(|ui| {
                if ui::big_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    "continue",
                    &label,
                    theme.green,
                    260.0,
                )
                .clicked()
                {
                    actions.write(TravelAction::Continue);
                }
            });
        });
    });
}

/// The arrival card's sentences: the comparisons, how it sits against the lowest-carbon way and
/// driving alone, and its time and cost.
fn arrival_lines(language: &Language, travel: &Travel, chosen: usize, fit: Fit) -> Vec<String> {
    let data = &travel.data;
    let lang = language.0;
    let Some(trip) = travel.current_trip() else {
        return Vec::new();
    };
    let Some(cost) = rules::choice_cost(data, trip, &trip.choices[chosen]) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if trip.travellers > 1 {
        lines.push(
            language
                .t("travel.for_everyone")
                .replace("%{n}", &trip.travellers.to_string()),
        );
    }
    if cost.co2_grams > 0.0 {
        if let Some(km) = rules::as_car_km(data, cost.co2_grams) {
            lines.push(
                language
                    .t("travel.like_driving")
                    .replace("%{km}", &words::km(km))
                    .replace(
                        "%{balloons}",
                        &format!("{:.0}", rules::as_balloons(cost.co2_grams)),
                    ),
            );
        }
    } else {
        lines.push(language.t("travel.no_co2"));
    }
    if let Some(car) = rules::all_car_cost(data, trip) {
        let saved = car.co2_grams - cost.co2_grams;
        if saved > 0.0 {
            lines.push(
                language
                    .t("travel.saved_vs_car")
                    .replace("%{co2}", &words::co2(saved, lang)),
            );
        }
    }
    match fit {
        Fit::Lowest => lines.push(language.t("travel.lowest_why")),
        Fit::Moderate | Fit::Heavy => {
            if let Some(best) = rules::lowest_carbon(data, trip) {
                let choice = &trip.choices[best];
                if let Some(best_cost) = rules::choice_cost(data, trip, choice) {
                    lines.push(
                        language
                            .t("travel.lowest_was")
                            .replace("%{way}", words::choice_name(data, choice).get(lang))
                            .replace("%{co2}", &words::co2(best_cost.co2_grams, lang))
                            .replace("%{minutes}", &words::minutes(best_cost.minutes, lang)),
                    );
                }
            }
        }
    }
    lines.push(
        language
            .t("travel.took")
            .replace("%{minutes}", &words::minutes(cost.minutes, lang))
            .replace("%{yuan}", &words::yuan(cost.yuan, lang)),
    );
    lines
}
