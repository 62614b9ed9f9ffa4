//! The sorting scene's overlays: the top bar, the level intro card and the "why" card.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Phase, SCREEN, SortAction, Sorting};
use crate::input_seen::InputSeen;
use crate::pack::live::ActivePack;
use crate::ui::{self, UiParams, UiSystems};
use crate::world::EcoWorld;

/// How long the World bar's explanation stays the first time the bar moves, in seconds.
const WORLD_HINT_SECONDS: f64 = 6.0;
/// The gap between the top bar and the hint below it (logical points).
const HINT_GAP: f32 = 8.0;

/// The level card's picture (logical points).
const INTRO_ICON: f32 = 56.0;
/// The bin icons beside their advice on the level card (logical points).
const BIN_HINT_ICON: f32 = 26.0;

/// When the World bar first moved this session, to explain it once.
#[derive(Default)]
struct WorldExplained {
    first_seen: Option<f32>,
    moved_at: Option<f64>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiSystems)
            .run_if(in_state(SCREEN).and_then(resource_exists::<Sorting>)),
    );
}

#[allow(clippy::too_many_arguments)]
fn show(
    mut params: UiParams,
    sorting: Res<Sorting>,
    pack: Res<ActivePack>,
    world: Res<EcoWorld>,
    seen: Res<InputSeen>,
    time: Res<Time<Real>>,
    mut explained: Local<WorldExplained>,
    mut actions: MessageWriter<SortAction>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let zoom = params.layout.zoom();
    let theme = params.theme.clone();
    let language = *params.language;
    let lang = language.0;
    let level = sorting.level();
    let narrow = params.layout.narrow();
    let layout = *params.layout;

    let status = |ui: &mut egui::Ui| {
        let progress = format!(
            "{} / {}",
            sorting.round.sorted().min(sorting.round.total()),
            sorting.round.total()
        );
        if !narrow {
            ui.label(ui::title_text(level.title.get(lang), 22.0, theme.ink));
        }
        ui.label(
            egui::RichText::new(progress)
                .size(22.0)
                .strong()
                .color(theme.ink),
        );
        let score = format!("{} {}", language.t("hud.score"), sorting.round.score());
        ui.label(
            egui::RichText::new(score)
                .size(22.0)
                .color(theme.green_dark),
        );
        if sorting.round.streak() >= 2 {
            let streak = format!("{} ×{}", language.t("hud.streak"), sorting.round.streak());
            ui.label(
                egui::RichText::new(streak)
                    .size(22.0)
                    .strong()
                    .color(theme.gold),
            );
        }
        let health = egui::ProgressBar::new(world.cleanliness)
            .desired_width(90.0)
            .desired_height(14.0)
            .fill(theme.green);
        ui.label(
            egui::RichText::new(language.t("hud.world"))
                .size(18.0)
                .color(theme.muted),
        );
        ui.add(health).on_hover_text(language.t("hud.world_hint"));
        if let Some(left) = sorting.time_left {
            let time = language
                .t("hud.time")
                .replace("%{seconds}", &format!("{:.0}", left.ceil()));
            ui.label(egui::RichText::new(time).size(22.0).color(theme.ink));
        }
    };
    if ui::top_bar(&ctx, &mut params, "sorting-hud", status).back {
        actions.write(SortAction::Leave);
    }
    let below_bar = ui::top_bar_height(&params.layout) + HINT_GAP;
    let first = *explained.first_seen.get_or_insert(world.cleanliness);
    if explained.moved_at.is_none() && world.cleanliness != first {
        explained.moved_at = Some(time.elapsed_secs_f64());
    }
    if explained
        .moved_at
        .is_some_and(|at| time.elapsed_secs_f64() - at < WORLD_HINT_SECONDS)
    {
        hint(
            &ctx,
            "world-hint",
            below_bar,
            &language.t("hud.world_hint"),
            &theme,
        );
    }
    if sorting.asking_to_leave {
        match ui::leave_question(&ctx, &mut params, "sorting-leave") {
            Some(ui::LeaveAnswer::Stay) => {
                actions.write(SortAction::Stay);
            }
            Some(ui::LeaveAnswer::Leave) => {
                actions.write(SortAction::ConfirmLeave);
            }
            None => {}
        }
        return Ok(());
    }

    match sorting.phase {
        Phase::Intro => {
            ui::centered_card(&ctx, &theme, &layout, "sorting-intro", |ui| {
                ui.add(ui::icon(&params.icons, "recycling-symbol", INTRO_ICON));
                ui::title(ui, level.title.get(lang), 34.0, theme.green_dark);
                ui::paragraph(ui, level.intro.get(lang), 22.0, theme.ink);
                ui.add_space(4.0);
                ui::paragraph(ui, &how_to(&language, &seen), 18.0, theme.ink);
                if let Some(city) = sorting.city_name() {
                    let rules = language
                        .t("sorting.city_rules")
                        .replace("%{city}", city.get(lang));
                    ui::paragraph(ui, &rules, 18.0, theme.ink);
                }
                bin_hints(ui, &params, &sorting, &pack);
                ui.add_space(8.0);
                if ui::big_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    "begin",
                    &language.t("sorting.begin"),
                    theme.green,
                    280.0,
                )
                .clicked()
                {
                    actions.write(SortAction::Begin);
                }
            });
        }
        Phase::Feedback => {
            let Some(feedback) = &sorting.feedback else {
                return Ok(());
            };
            let item = &sorting.data.items[feedback.item];
            let bin = &sorting.data.bins[feedback.verdict.expected];
            ui::centered_card(&ctx, &theme, &layout, "sorting-feedback", |ui| {
                ui.horizontal(|ui| {
                    ui.add(ui::icon(&params.icons, &item.icon, 64.0));
                    ui.vertical(|ui| {
                        let headline = if feedback.verdict.chosen.is_some() {
                            language.t("sorting.not_quite")
                        } else {
                            language.t("sorting.missed")
                        };
                        ui.label(egui::RichText::new(headline).size(20.0).color(theme.muted));
                        ui::title(ui, item.name.get(lang), 30.0, theme.ink);
                    });
                });
                ui.label(
                    egui::RichText::new(format!(
                        "{} {}",
                        language.t("sorting.goes_in"),
                        bin.name.get(lang)
                    ))
                    .size(28.0)
                    .strong()
                    .color(ui::readable_on(
                        ui::color32(super::view::bin_color(bin)),
                        theme.paper,
                    )),
                );
                ui::paragraph(ui, item.reason.get(lang), 22.0, theme.ink);
                if let Some(note) = &item.city_note {
                    ui::paragraph(ui, note.get(lang), 18.0, theme.ink);
                }
                let (sources, approx) = item.answer_source(sorting.city());
                ui::citation_line(ui, &language, &theme, &pack.0.cite(sources, approx));
                ui.add_space(6.0);
                if ui::big_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    "continue",
                    &language.t("sorting.continue"),
                    theme.green,
                    260.0,
                )
                .clicked()
                    && time.elapsed_secs_f64() - feedback.shown_at
                        >= super::FEEDBACK_TAP_GUARD_SECONDS
                {
                    actions.write(SortAction::Continue);
                }
            });
        }
        Phase::Playing if sorting.round.sorted() == 0 => {
            hint(
                &ctx,
                "sorting-hint",
                below_bar,
                &how_to(&language, &seen),
                &theme,
            );
        }
        _ => {}
    }
    Ok(())
}

/// How to play, naming the number keys only where a keyboard fits.
fn how_to(language: &crate::i18n::Language, seen: &InputSeen) -> String {
    let how = language.t("sorting.how_to");
    if seen.offer_keys() {
        format!("{how} {}", language.t("sorting.keys_hint"))
    } else {
        how
    }
}

/// A one-line hint just below the top bar, on a plate that keeps it readable.
fn hint(ctx: &egui::Context, id: &str, top: f32, text: &str, theme: &ui::Theme) {
    let width = ui::card_width(ctx, ui::CARD_WIDTH);
    egui::Area::new(egui::Id::new(id))
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, top))
        .interactable(false)
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(theme.paper)
                .corner_radius(egui::CornerRadius::same(14))
                .inner_margin(egui::Margin::symmetric(14, 8))
                .show(ui, |ui| {
                    ui.set_max_width(width - 28.0);
                    ui::paragraph(ui, text, 20.0, theme.ink);
                });
        });
}

/// Each bin with how to put things in it, and where that advice comes from.
fn bin_hints(ui: &mut egui::Ui, params: &UiParams, sorting: &Sorting, pack: &ActivePack) {
    let language = *params.language;
    let theme = &params.theme;
    ui.add_space(6.0);
    for bin in &sorting.data.bins {
        ui.horizontal_top(|ui| {
            ui.add(ui::icon(&params.icons, &bin.icon, BIN_HINT_ICON));
            // Name and advice in one wrapped paragraph: one line on a wide card.
            let mut text = egui::text::LayoutJob::default();
            text.wrap.max_width = ui.available_width();
            text.append(
                &format!("{}  ", language.pick(&bin.name)),
                0.0,
                egui::TextFormat::simple(egui::FontId::proportional(17.0), theme.green_dark),
            );
            text.append(
                language.pick(&bin.hint),
                0.0,
                egui::TextFormat::simple(egui::FontId::proportional(16.0), theme.ink),
            );
            ui.add(egui::Label::new(text).wrap());
        });
    }
    let keys: Vec<String> = sorting
        .data
        .bins
        .iter()
        .flat_map(|bin| bin.source.iter().cloned())
        .fold(Vec::new(), |mut all, key| {
            if !all.contains(&key) {
                all.push(key);
            }
            all
        });
    let approx = sorting.data.bins.iter().any(|bin| bin.approx);
    ui::citation_line(ui, &language, theme, &pack.0.cite(&keys, approx));
}
