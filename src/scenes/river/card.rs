//! The river scene's overlays: the top bar (budget and goal), the season strip with its button,
//! the card beside the map (a stretch's water, a source's story, the actions that fit), the intro
//! card, the season's banner and the "leave?" question. Painted at the layout's rects, which the
//! input hit-tests, so a tap here and a tap in a headless test reach the same action.

use bevy::prelude::*;
use bevy_egui::egui;

use super::format::{Scope, WaterClass};
use super::layout::RiverLayout;
use super::outcome::{class_words, sector_key};
use super::paint::{class_color, image, rect};
use super::rules::Refusal;
use super::{Phase, River, RiverAction};
use crate::pack::live::ActivePack;
use crate::ui::{self, UiParams, color32};

const CARD_LAYER: &str = "river-card";
const INTRO_LAYER: &str = "river-intro";
const TITLE: f32 = 22.0;
const BODY: f32 = 17.0;
const SMALL: f32 = 14.0;
const PAD: f32 = 12.0;
const ROW_ICON: f32 = 34.0;
/// Between an icon and the words beside it (points).
const ICON_GAP: f32 = 8.0;
/// An action row at least this tall (points) also says what the action does.
const ROW_WITH_DOES: f32 = 54.0;
const DIM: egui::Color32 = egui::Color32::from_rgba_premultiplied(0, 0, 0, 110);
const TAKEN_FILL: egui::Color32 = egui::Color32::from_rgb(0xe3, 0xf2, 0xe1);
const CLOSED_FILL: egui::Color32 = egui::Color32::from_rgb(0xea, 0xea, 0xe6);
const ROW_FILL: egui::Color32 = egui::Color32::from_rgb(0xff, 0xff, 0xf8);

pub(super) fn show(
    mut params: UiParams,
    river: Res<River>,
    parts: Res<RiverLayout>,
    pack: Res<ActivePack>,
    mut actions: MessageWriter<RiverAction>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let language = *params.language;
    let theme = params.theme.clone();
    let level = river.level();
    let budget = language
        .t("river.budget")
        .replace("%{left}", &river.budget_left().to_string())
        .replace("%{total}", &level.budget.to_string());
    let goal = goal_text(&river, language.0);
    let status = |ui: &mut egui::Ui| {
        ui.label(
            egui::RichText::new(&budget)
                .size(20.0)
                .strong()
                .color(theme.ink),
        );
        ui.label(egui::RichText::new(&goal).size(17.0).color(theme.muted));
    };
    if ui::top_bar(&ctx, &mut params, "river-hud", status).back {
        actions.write(RiverAction::Back);
    }
    if river.asking_to_leave {
        match ui::leave_question(&ctx, &mut params, "river-leave") {
            Some(ui::LeaveAnswer::Stay) => {
                actions.write(RiverAction::Stay);
            }
            Some(ui::LeaveAnswer::Leave) => {
                actions.write(RiverAction::ConfirmLeave);
            }
            None => {}
        }
        return Ok(());
    }
    let zoom = ctx.zoom_factor();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Middle,
        egui::Id::new(CARD_LAYER),
    ));
    season_strip(&painter, &mut params, &river, &parts, zoom);
    let area = rect(parts.card, zoom);
    painter.rect_filled(area, 12.0, theme.paper);
    painter.rect_stroke(
        area,
        12.0,
        egui::Stroke::new(2.0, theme.green),
        egui::StrokeKind::Inside,
    );
    match river.selected {
        Some(selection) => {
            stretch_card(&painter, &params, &river, &pack, &parts, selection, zoom);
            action_rows(
                &painter,
                &mut params,
                &river,
                &parts,
                selection.stretch,
                zoom,
            );
        }
        None => idle_card(&painter, &params, &river, area),
    }
    match river.phase {
        Phase::Intro => intro(&ctx, &mut params, &river, &parts, zoom),
        Phase::Passing | Phase::Finished => banner(&ctx, &params, &river, &parts, zoom),
        Phase::Planning => {}
    }
    Ok(())
}

fn goal_text(river: &River, lang: crate::pack::Lang) -> String {
    let level = river.level();
    let key = if level.goal.stretches.is_some() {
        "river.goal_named"
    } else {
        "river.goal_all"
    };
    crate::i18n::tr(lang, key)
        .replace("%{class}", &class_words(river, level.goal.class, lang))
        .replace("%{seasons}", &level.seasons.to_string())
}

/// Writes wrapped text from `at`, returning the y below it.
fn text(
    painter: &egui::Painter,
    at: egui::Pos2,
    width: f32,
    words: &str,
    size: f32,
    color: egui::Color32,
) -> f32 {
    let galley = painter.layout(
        words.to_string(),
        egui::FontId::proportional(size),
        color,
        width.max(10.0),
    );
    let height = galley.rect.height();
    painter.galley(at, galley, color);
    at.y + height
}

/// An icon at `at` with wrapped words beside it; returns the y below both.
#[allow(clippy::too_many_arguments)]
fn icon_line(
    painter: &egui::Painter,
    params: &UiParams,
    at: egui::Pos2,
    width: f32,
    icon: &str,
    tint: egui::Color32,
    words: &str,
    size: f32,
    color: egui::Color32,
) -> f32 {
    let spot = egui::Rect::from_min_size(at, egui::vec2(ROW_ICON, ROW_ICON));
    image(painter, &params.icons, icon, spot, tint);
    let beside = egui::pos2(spot.right() + ICON_GAP, at.y);
    text(
        painter,
        beside,
        width - ROW_ICON - ICON_GAP,
        words,
        size,
        color,
    )
    .max(spot.bottom())
}

fn season_strip(
    painter: &egui::Painter,
    params: &mut UiParams,
    river: &River,
    parts: &RiverLayout,
    zoom: f32,
) {
    let theme = &params.theme;
    let language = &params.language;
    let data = &river.data;
    let strip = rect(parts.status, zoom);
    painter.rect_filled(strip, 10.0, theme.paper);
    let season = data.seasons.get(river.now.season);
    let icon_size = strip.height() * 0.7;
    let mut x = strip.left() + PAD;
    let weather = river.now.weather.and_then(|w| data.weather.get(w));
    let icons = season
        .map(|s| &s.icon)
        .into_iter()
        .chain(weather.map(|w| &w.icon));
    for icon in icons {
        let spot = egui::Rect::from_min_size(
            egui::pos2(x, strip.center().y - icon_size / 2.0),
            egui::vec2(icon_size, icon_size),
        );
        image(painter, &params.icons, icon, spot, egui::Color32::WHITE);
        x += icon_size + 6.0;
    }
    let button = rect(parts.next_season, zoom);
    let mut words = language
        .t("river.season_of")
        .replace("%{n}", &river.now.step.to_string())
        .replace("%{total}", &river.level().seasons.to_string());
    if let Some(season) = season {
        words = format!("{} · {words}", language.pick(&season.name));
    }
    if let Some(weather) = river.now.weather.and_then(|w| data.weather.get(w)) {
        words = format!("{words}\n{}", language.pick(&weather.name));
    }
    let galley = painter.layout(
        words,
        egui::FontId::proportional(BODY),
        theme.ink,
        (button.left() - x - 6.0).max(20.0),
    );
    let y = strip.center().y - galley.rect.height() / 2.0;
    painter.galley(egui::pos2(x, y), galley, theme.ink);
    let open = river.running();
    if open {
        ui::record(&mut params.rects, zoom, "next_season", button);
    }
    let fill = if open {
        theme.green
    } else {
        egui::Color32::from_gray(170)
    };
    painter.rect_filled(button, 10.0, fill);
    painter.text(
        button.center(),
        egui::Align2::CENTER_CENTER,
        language.t("river.next_season"),
        egui::FontId::proportional(19.0),
        egui::Color32::WHITE,
    );
}

/// With nothing chosen: what to do, and the species the river has lost.
fn idle_card(painter: &egui::Painter, params: &UiParams, river: &River, area: egui::Rect) {
    let theme = &params.theme;
    let language = &params.language;
    let width = area.width() - 2.0 * PAD;
    let mut y = area.top() + PAD;
    y = text(
        painter,
        egui::pos2(area.left() + PAD, y),
        width,
        &language.t("river.how_to"),
        BODY,
        theme.ink,
    ) + 10.0;
    if river.extras.hazardous + river.extras.other > 0 && river.level().dump_at.is_some() {
        y = text(
            painter,
            egui::pos2(area.left() + PAD, y),
            width,
            &language.t("river.from_sorting"),
            SMALL,
            theme.error,
        ) + 10.0;
    }
    // The species back in the river now, each with its story (the porpoise's survey figures).
    let living: Vec<usize> = (0..river.data.species.len())
        .filter(|index| {
            river
                .now
                .stretches
                .iter()
                .any(|s| s.wildlife.contains(index))
        })
        .collect();
    for index in living {
        let species = &river.data.species[index];
        let line = language
            .t("river.species_back")
            .replace("%{name}", language.pick(&species.name))
            + language.pick(&species.about);
        let at = egui::pos2(area.left() + PAD, y);
        let ink = theme.green_dark;
        let white = egui::Color32::WHITE;
        y = icon_line(
            painter,
            params,
            at,
            width,
            &species.icon,
            white,
            &line,
            SMALL,
            ink,
        ) + 8.0;
    }
    y = text(
        painter,
        egui::pos2(area.left() + PAD, y),
        width,
        &language.t("river.lost_heading"),
        BODY,
        theme.ink,
    ) + 4.0;
    for lost in &river.data.lost {
        if y + ROW_ICON > area.bottom() - PAD {
            break;
        }
        let line = language
            .t("river.name_about")
            .replace("%{name}", language.pick(&lost.name))
            .replace("%{about}", language.pick(&lost.about));
        let at = egui::pos2(area.left() + PAD, y);
        let grey = egui::Color32::from_gray(150).gamma_multiply(0.8);
        y = icon_line(
            painter,
            params,
            at,
            width,
            &lost.icon,
            grey,
            &line,
            SMALL,
            theme.muted,
        ) + 6.0;
    }
}

#[allow(clippy::too_many_arguments)]
fn stretch_card(
    painter: &egui::Painter,
    params: &UiParams,
    river: &River,
    pack: &ActivePack,
    parts: &RiverLayout,
    selection: super::Selection,
    zoom: f32,
) {
    let theme = &params.theme;
    let language = &params.language;
    let data = &river.data;
    let level = river.level();
    let area = rect(parts.card, zoom);
    let close = rect(parts.close, zoom);
    painter.text(
        close.center(),
        egui::Align2::CENTER_CENTER,
        "×",
        egui::FontId::proportional(24.0),
        theme.muted,
    );
    let left = area.left() + PAD;
    let width = close.left() - left - 4.0;
    let bottom = parts
        .rows
        .first()
        .map_or(area.bottom(), |(r, _)| r.min.y / zoom)
        - 4.0;
    // Long stories stop above the action rows rather than run under them.
    let head = egui::Rect::from_min_max(area.min, egui::pos2(area.right(), bottom));
    let painter = &painter.with_clip_rect(head);
    let stretch = &level.stretches[selection.stretch];
    let now = &river.now.stretches[selection.stretch];
    let mut y = area.top() + PAD;
    if let Some((id, amount)) = selection
        .source
        .and_then(|j| river.sources_on(selection.stretch).get(j).cloned())
        && let Some(source) = data.source(&id)
    {
        let times = if amount > 1.0 {
            format!(" ×{amount:.0}")
        } else {
            String::new()
        };
        let title = format!(
            "{}{times} · {}",
            language.pick(&source.name),
            language.t(sector_key(source.sector))
        );
        let at = egui::pos2(left, y);
        let white = egui::Color32::WHITE;
        let size = TITLE * 0.9;
        y = icon_line(
            painter,
            params,
            at,
            width,
            &source.icon,
            white,
            &title,
            size,
            theme.ink,
        ) + 4.0;
        let adds: Vec<&str> = data
            .indicators
            .iter()
            .filter(|indicator| source.loads.get(&indicator.id).is_some_and(|v| *v != 0.0))
            .map(|indicator| language.pick(&indicator.name))
            .collect();
        let mut why = language.pick(&source.why).to_string();
        if !adds.is_empty() {
            let separator = if language.0 == crate::pack::Lang::Zh {
                "、"
            } else {
                ", "
            };
            why = format!(
                "{why}\n{}{}",
                language.t("river.source_adds"),
                adds.join(separator)
            );
        }
        y = text(
            painter,
            egui::pos2(left, y),
            area.width() - 2.0 * PAD,
            &why,
            BODY,
            theme.ink,
        ) + 4.0;
        let citation = ui::citation_text(language, &pack.0.cite(&source.source, source.approx));
        text(
            painter,
            egui::pos2(left, y),
            area.width() - 2.0 * PAD,
            &citation,
            SMALL,
            theme.muted,
        );
        return;
    }
    y = text(
        painter,
        egui::pos2(left, y),
        width,
        language.pick(&stretch.name),
        TITLE,
        theme.ink,
    ) + 4.0;
    let swatch = egui::Rect::from_min_size(egui::pos2(left, y), egui::vec2(40.0, 30.0));
    let fill = color32(class_color(data, now.class));
    painter.rect_filled(swatch, 6.0, fill);
    painter.text(
        swatch.center(),
        egui::Align2::CENTER_CENTER,
        now.class.numeral(),
        egui::FontId::proportional(20.0),
        ui::readable_on(egui::Color32::WHITE, fill),
    );
    let uses = data
        .class_info(now.class)
        .map(|i| language.pick(&i.uses).to_string())
        .unwrap_or_default();
    let words = class_words(river, now.class, language.0);
    y = text(
        painter,
        egui::pos2(swatch.right() + 8.0, y),
        area.right() - swatch.right() - 8.0 - PAD,
        &words,
        BODY,
        theme.ink,
    )
    .max(swatch.bottom())
        + 2.0;
    if y + BODY * 2.0 < bottom {
        y = text(
            painter,
            egui::pos2(left, y),
            area.width() - 2.0 * PAD,
            &uses,
            SMALL,
            theme.muted,
        ) + 6.0;
    }
    // Each indicator against the goal's limit, the deciding one marked.
    let goal = level.goal.class.index().min(WaterClass::V.index());
    for (i, (indicator, value)) in data.indicators.iter().zip(&now.values).enumerate() {
        if y + BODY > bottom {
            break;
        }
        let limits = indicator.limits_for(stretch.body);
        let sign = if indicator.minimum { "≥" } else { "≤" };
        let ok = if indicator.minimum {
            *value >= limits[goal]
        } else {
            *value <= limits[goal]
        };
        let mark = if ok { "✓" } else { "✗" };
        let line = format!(
            "{mark} {} {value:.2} {} · {}{} {sign} {}{}",
            language.pick(&indicator.name),
            indicator.unit,
            level.goal.class.numeral(),
            language.t("river.class_limit"),
            limits[goal],
            if i == now.deciding {
                language.t("river.deciding")
            } else {
                String::new()
            },
        );
        let color = if ok { theme.green_dark } else { theme.error };
        y = text(
            painter,
            egui::pos2(left, y),
            area.width() - 2.0 * PAD,
            &line,
            SMALL,
            color,
        ) + 2.0;
    }
    let lines: Vec<String> = [
        (now.hazard, "river.hazard_here"),
        (now.litter > 0, "river.litter_here"),
    ]
    .into_iter()
    .filter(|(shown, _)| *shown)
    .map(|(_, key)| language.t(key).replace("%{n}", &now.litter.to_string()))
    .collect();
    for line in lines {
        if y + SMALL > bottom {
            break;
        }
        y = text(
            painter,
            egui::pos2(left, y),
            area.width() - 2.0 * PAD,
            &line,
            SMALL,
            theme.error,
        ) + 2.0;
    }
    if parts.rows.is_empty() && y + SMALL < bottom {
        text(
            painter,
            egui::pos2(left, y + 6.0),
            area.width() - 2.0 * PAD,
            &language.t("river.nothing_to_do"),
            SMALL,
            theme.muted,
        );
    }
}

fn action_rows(
    painter: &egui::Painter,
    params: &mut UiParams,
    river: &River,
    parts: &RiverLayout,
    stretch: usize,
    zoom: f32,
) {
    let theme = &params.theme;
    let language = &params.language;
    let level = river.level();
    let taken = river.taken_on(stretch);
    for (n, (row, index)) in parts.rows.iter().enumerate() {
        let Some(action) = level
            .actions
            .get(*index)
            .and_then(|id| river.data.action(id))
        else {
            continue;
        };
        let area = rect(*row, zoom);
        if river.running() {
            ui::record(
                &mut params.rects,
                zoom,
                &format!("river_action_{}", n + 1),
                area,
            );
        }
        let done = taken
            .iter()
            .find(|(a, _)| a.id == action.id)
            .map(|(_, from)| *from);
        let check = river.can_take(*index, stretch);
        let notice = river.notice.filter(|(i, _)| i == index).map(|(_, why)| why);
        let (fill, edge) = match (done, &check) {
            (Some(_), _) => (TAKEN_FILL, theme.green),
            (None, Ok(())) => (ROW_FILL, theme.green),
            (None, Err(_)) => (CLOSED_FILL, egui::Color32::from_gray(160)),
        };
        let edge = if notice.is_some() { theme.error } else { edge };
        painter.rect_filled(area, 8.0, fill);
        painter.rect_stroke(
            area,
            8.0,
            egui::Stroke::new(2.0, edge),
            egui::StrokeKind::Inside,
        );
        let icon = (area.height() - 8.0).min(ROW_ICON);
        let spot = egui::Rect::from_min_size(
            egui::pos2(area.left() + 6.0, area.center().y - icon / 2.0),
            egui::vec2(icon, icon),
        );
        image(
            painter,
            &params.icons,
            &action.icon,
            spot,
            egui::Color32::WHITE,
        );
        let mut name = language.pick(&action.name).to_string();
        if params.layout.size.x > params.layout.size.y {
            name = format!("{} {name}", n + 1);
        }
        let detail = match (done, notice, check) {
            (Some(from), _, _) if from > river.now.step => language
                .t("river.works_from")
                .replace("%{n}", &from.to_string()),
            (Some(_), _, _) => language.t("river.working"),
            (None, Some(why), _) | (None, None, Err(why)) => refusal_words(language, why),
            (None, None, Ok(())) => {
                let scope = if action.scope == Scope::River {
                    language.t("river.whole_river")
                } else {
                    String::new()
                };
                language
                    .t("river.cost_delay")
                    .replace("%{cost}", &action.cost.to_string())
                    .replace("%{delay}", &action.delay.to_string())
                    + &scope
            }
        };
        // Where a row has room, what the action does, cut at the row's edge.
        let detail = if area.height() >= ROW_WITH_DOES {
            format!("{detail}\n{}", language.pick(&action.does))
        } else {
            detail
        };
        let painter = &painter.with_clip_rect(area.shrink(2.0));
        let text_left = spot.right() + 8.0;
        let room = area.right() - text_left - 6.0;
        let name_galley = painter.layout(name, egui::FontId::proportional(BODY), theme.ink, room);
        let detail_galley =
            painter.layout(detail, egui::FontId::proportional(SMALL), theme.muted, room);
        let height = name_galley.rect.height() + detail_galley.rect.height();
        let top = (area.center().y - height / 2.0).max(area.top() + 3.0);
        let name_height = name_galley.rect.height();
        painter.galley(egui::pos2(text_left, top), name_galley, theme.ink);
        painter.galley(
            egui::pos2(text_left, top + name_height),
            detail_galley,
            theme.muted,
        );
    }
}

fn refusal_words(language: &crate::i18n::Language, why: Refusal) -> String {
    language.t(match why {
        Refusal::TooExpensive => "river.too_expensive",
        Refusal::AlreadyTaken => "river.already_taken",
        Refusal::NothingToFix => "river.nothing_to_fix",
        Refusal::NotOffered | Refusal::Unknown => "river.not_offered",
    })
}

fn intro(
    ctx: &egui::Context,
    params: &mut UiParams,
    river: &River,
    parts: &RiverLayout,
    zoom: f32,
) {
    let theme = &params.theme;
    let language = &params.language;
    let level = river.level();
    let painter = &ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::new(INTRO_LAYER),
    ));
    painter.rect_filled(ctx.content_rect(), 0.0, DIM);
    let card = rect(parts.intro, zoom);
    painter.rect_filled(card, 14.0, theme.paper);
    painter.rect_stroke(
        card,
        14.0,
        egui::Stroke::new(3.0, theme.green),
        egui::StrokeKind::Inside,
    );
    let width = card.width() - 3.0 * PAD;
    let left = card.left() + 1.5 * PAD;
    let mut y = card.top() + 1.5 * PAD;
    y = text(
        painter,
        egui::pos2(left, y),
        width,
        language.pick(&level.title),
        TITLE * 1.3,
        theme.ink,
    ) + 10.0;
    y = text(
        painter,
        egui::pos2(left, y),
        width,
        language.pick(&level.intro),
        BODY,
        theme.ink,
    ) + 10.0;
    let goal = goal_text(river, language.0);
    let budget = language
        .t("river.budget")
        .replace("%{left}", &level.budget.to_string())
        .replace("%{total}", &level.budget.to_string());
    y = text(
        painter,
        egui::pos2(left, y),
        width,
        &format!("{goal}\n{budget}"),
        BODY,
        theme.green_dark,
    ) + 8.0;
    let begin = rect(parts.begin, zoom);
    ui::record(&mut params.rects, zoom, "begin", begin);
    if y < begin.top() - SMALL * 2.5 {
        text(
            painter,
            egui::pos2(left, y),
            width,
            &language.t("river.how_to"),
            SMALL,
            theme.muted,
        );
    }
    painter.rect_filled(begin, 12.0, theme.green);
    painter.text(
        begin.center(),
        egui::Align2::CENTER_CENTER,
        language.t("river.begin"),
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}

/// Over the map while a season passes, and when the round ends.
fn banner(ctx: &egui::Context, params: &UiParams, river: &River, parts: &RiverLayout, zoom: f32) {
    let theme = &params.theme;
    let language = &params.language;
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::new(INTRO_LAYER),
    ));
    let data = &river.data;
    let words = match (river.phase, river.verdict) {
        (Phase::Finished, super::rules::Verdict::Won) => language.t("river.won"),
        (Phase::Finished, _) => language.t("river.lost"),
        _ => {
            let season = data
                .seasons
                .get(river.now.season)
                .map(|s| language.pick(&s.name).to_string())
                .unwrap_or_default();
            match river.now.weather.and_then(|w| data.weather.get(w)) {
                Some(weather) => format!("{season} · {}", language.pick(&weather.name)),
                None => season,
            }
        }
    };
    let map = rect(parts.map, zoom);
    let galley = painter.layout(
        words,
        egui::FontId::proportional(30.0),
        theme.ink,
        map.width() * 0.8,
    );
    let size = galley.rect.size() + egui::vec2(40.0, 24.0);
    let area = egui::Rect::from_center_size(
        egui::pos2(map.center().x, map.top() + size.y / 2.0 + 12.0),
        size,
    );
    let alpha = if river.phase == Phase::Passing {
        (river.passing * std::f32::consts::PI).sin().max(0.3)
    } else {
        1.0
    };
    painter.rect_filled(area, 12.0, theme.paper.gamma_multiply(alpha));
    painter.galley(area.min + egui::vec2(20.0, 12.0), galley, theme.ink);
}
