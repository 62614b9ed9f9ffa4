//! Results: score, accuracy per category, what was missed and why, and a real-world fact.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Navigate, Screen};
use crate::classroom::{StudentLesson, StudentRequest};
use crate::pack::live::ActivePack;
use crate::scenes::{Bar, Headline, Offered, PassedLevels, RoundOutcome};
use crate::ui::{self, UiParams, UiSystems};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Results), remember_pass)
        .add_systems(Update, keys.run_if(in_state(Screen::Results)))
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(UiSystems).run_if(in_state(Screen::Results)),
        );
}

fn remember_pass(outcome: Option<Res<RoundOutcome>>, mut passed: ResMut<PassedLevels>) {
    if let Some(outcome) = outcome.filter(|outcome| outcome.passed) {
        passed.0.insert((outcome.scene, outcome.level_id.clone()));
    }
}

/// The next level of the scene that visitors are offered (a kiosk's staff may switch some off).
fn next_level(outcome: &RoundOutcome, pack: &ActivePack, offered: &Offered) -> Option<usize> {
    if !outcome.has_next {
        return None;
    }
    let levels = pack.0.scene(outcome.scene)?.levels();
    (outcome.level + 1..levels.len())
        .find(|&index| offered.level_on(outcome.scene.name(), &levels[index].id))
}

fn keys(
    input: Res<ButtonInput<KeyCode>>,
    pack: Res<ActivePack>,
    offered: Res<Offered>,
    outcome: Option<Res<RoundOutcome>>,
    lesson: Option<Res<StudentLesson>>,
    mut navigate: MessageWriter<Navigate>,
    mut lesson_requests: MessageWriter<StudentRequest>,
) {
    let Some(outcome) = outcome else { return };
    if lesson.is_some() {
        if ui::confirm_pressed(&input) {
            lesson_requests.write(StudentRequest::Continue);
        }
        return;
    }
    if ui::confirm_pressed(&input) {
        let level = next_level(&outcome, &pack, &offered).unwrap_or(outcome.level);
        navigate.write(Navigate::Play(outcome.scene, level));
    }
    if input.just_pressed(KeyCode::Escape) {
        navigate.write(Navigate::SceneSelect);
    }
}

fn show(
    mut params: UiParams,
    pack: Res<ActivePack>,
    offered: Res<Offered>,
    outcome: Option<Res<RoundOutcome>>,
    lesson: Option<Res<StudentLesson>>,
    mut navigate: MessageWriter<Navigate>,
    mut lesson_requests: MessageWriter<StudentRequest>,
) -> Result {
    let Some(outcome) = outcome else {
        return Ok(());
    };
    let next = next_level(&outcome, &pack, &offered);
    let ctx = params.contexts.ctx_mut()?.clone();
    let theme = params.theme.clone();
    ui::corner_language_switch(&ctx, &mut params);
    let mut root = ui::root_ui(&ctx, "results");
    match lesson {
        Some(lesson) => {
            if lesson_bar(&mut root, &mut params, &lesson) {
                lesson_requests.write(StudentRequest::Continue);
            }
        }
        None => {
            if let Some(go) = action_bar(&mut root, &mut params, &outcome, next) {
                navigate.write(go);
            }
        }
    }
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(&mut root, |ui| {
            let scroll = egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.add_space(TOP_GAP);
                        let width = ui::card_width(&ctx, ui::WIDE_CARD_WIDTH);
                        ui::card_frame(&theme).show(ui, |ui| {
                            ui.set_width(width - 44.0);
                            card(ui, &params, &outcome);
                        });
                        ui.add_space(16.0);
                    });
                });
            let hidden = scroll.content_size.y - scroll.inner_rect.height() - scroll.state.offset.y;
            if hidden > MORE_BELOW_SLACK {
                more_below(ui, &params, scroll.inner_rect);
            }
        });
    Ok(())
}

/// Space above the card, clear of the corner buttons (logical points).
const TOP_GAP: f32 = 64.0;
/// Content hidden below by more than this shows the "more below" cue (logical points).
const MORE_BELOW_SLACK: f32 = 8.0;

/// A cue at the bottom of the scrolling card that there is more to read.
fn more_below(ui: &mut egui::Ui, params: &UiParams, area: egui::Rect) {
    let text = format!("↓ {}", params.language.t("results.more_below"));
    let at = egui::pos2(area.center().x, area.bottom() - 8.0);
    egui::Area::new(egui::Id::new("results-more-below"))
        .fixed_pos(at)
        .pivot(egui::Align2::CENTER_BOTTOM)
        .interactable(false)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(params.theme.green_dark)
                .corner_radius(egui::CornerRadius::same(16))
                .inner_margin(egui::Margin::symmetric(14, 6))
                .show(ui, |ui| {
                    ui.label(
                        egui::RichText::new(text)
                            .size(18.0)
                            .color(egui::Color32::WHITE),
                    );
                });
        });
}

/// The primary actions, fixed at the bottom of the window so a finger always reaches them.
fn action_bar(
    root: &mut egui::Ui,
    params: &mut UiParams,
    outcome: &RoundOutcome,
    next: Option<usize>,
) -> Option<Navigate> {
    let theme = params.theme.clone();
    let language = *params.language;
    let buttons = [
        next.map(|level| {
            (
                "next_level",
                language.t("results.next"),
                theme.green,
                Navigate::Play(outcome.scene, level),
            )
        }),
        Some((
            "retry",
            language.t("results.retry"),
            theme.green_dark,
            Navigate::Play(outcome.scene, outcome.level),
        )),
        Some((
            "scenes",
            language.t("results.scenes"),
            theme.muted,
            Navigate::SceneSelect,
        )),
    ];
    let buttons = buttons.into_iter().flatten().collect();
    ui::action_bar(root, params, "results-actions", ACTION_WIDTH, buttons)
}

/// The widest an action button grows (logical points).
const ACTION_WIDTH: f32 = 260.0;

/// In a lesson the one way on is the lesson's next level (or the results card after the last).
fn lesson_bar(root: &mut egui::Ui, params: &mut UiParams, lesson: &StudentLesson) -> bool {
    let label = if lesson.is_over() {
        params.language.t("class.see_card")
    } else {
        params
            .language
            .t("class.next_of")
            .replace("%{step}", &(lesson.step() + 1).to_string())
            .replace("%{steps}", &lesson.plan.steps.len().to_string())
    };
    let fill = params.theme.green;
    let next = vec![("lesson_next", label, fill, ())];
    ui::action_bar(root, params, "results-actions", LESSON_ACTION_WIDTH, next).is_some()
}

/// The lesson's one button is wider, for its longer label (logical points).
const LESSON_ACTION_WIDTH: f32 = 360.0;

fn card(ui: &mut egui::Ui, params: &UiParams, outcome: &RoundOutcome) {
    let theme = &params.theme;
    let language = *params.language;
    let lang = language.0;
    let t = |key: &str| language.t(key);
    ui.vertical_centered(|ui| {
        let (icon, headline) = if outcome.passed {
            ("trophy", t("results.passed"))
        } else {
            ("flexed-biceps", t("results.try_again"))
        };
        ui.add(ui::icon(&params.icons, icon, 80.0));
        ui::title(ui, &headline, 40.0, theme.green_dark);
        ui::title(ui, outcome.level_title.get(lang), 22.0, theme.ink);
        ui.add_space(6.0);
        match &outcome.headline {
            Headline::Answers {
                correct,
                total,
                score,
                best_streak,
            } => {
                let answers = format!("{} {correct} / {total}", t("results.correct"));
                ui::title(ui, &answers, 34.0, theme.ink);
                ui.label(
                    egui::RichText::new(format!(
                        "{} {score}   ·   {} {best_streak}",
                        t("results.score"),
                        t("results.best_streak"),
                    ))
                    .size(22.0)
                    .color(theme.ink),
                );
            }
            Headline::Figure { value, detail } => {
                ui::title(ui, value.get(lang), 34.0, theme.ink);
                ui::paragraph(ui, detail.get(lang), 20.0, theme.ink);
            }
        }
    });
    ui.add_space(12.0);
    if let Some(heading) = outcome.bars_heading {
        ui::title(ui, &t(heading), 24.0, theme.ink);
    }
    for bar in &outcome.bars {
        bar_row(ui, params, bar);
    }
    if !outcome.lessons.is_empty() {
        ui.add_space(14.0);
        ui::title(ui, &t(outcome.lessons_heading), 26.0, theme.ink);
        for lesson in &outcome.lessons {
            ui.horizontal_top(|ui| {
                ui.add(ui::icon(&params.icons, &lesson.icon, 56.0));
                ui.vertical(|ui| {
                    let answer = ui::readable_on(ui::color32(lesson.color), theme.paper);
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!(
                                "{} → {}",
                                lesson.title.get(lang),
                                lesson.answer.get(lang)
                            ))
                            .size(21.0)
                            .strong()
                            .color(answer),
                        )
                        .wrap(),
                    );
                    ui::paragraph(ui, lesson.reason.get(lang), 18.0, theme.ink);
                });
            });
        }
    }
    for note in &outcome.notes {
        ui.add_space(8.0);
        ui::paragraph(ui, note.text.get(lang), 17.0, theme.ink);
        ui::citation_line(ui, &language, theme, &note.citation);
    }
    if let Some(fact) = &outcome.fact {
        ui.add_space(14.0);
        ui::title(ui, &t("results.real_world"), 26.0, theme.ink);
        ui::paragraph(ui, fact.text.get(lang), 20.0, theme.ink);
        ui::citation_line(ui, &language, theme, &fact.citation);
    }
}

/// The widest a bar's label column grows (logical points).
const BAR_LABEL_WIDTH: f32 = 180.0;
/// Room kept right of a bar for its figure (logical points).
const BAR_VALUE_WIDTH: f32 = 150.0;

/// One labelled bar with its figure.
fn bar_row(ui: &mut egui::Ui, params: &UiParams, bar: &Bar) {
    let theme = &params.theme;
    let lang = params.language.0;
    ui.horizontal(|ui| {
        let label = (ui.available_width() * 0.36).min(BAR_LABEL_WIDTH);
        ui.allocate_ui_with_layout(
            egui::vec2(label, 28.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(bar.label.get(lang))
                            .size(19.0)
                            .color(theme.ink),
                    )
                    .wrap(),
                );
            },
        );
        ui.add(
            egui::ProgressBar::new(bar.fraction.clamp(0.0, 1.0))
                .fill(ui::color32(bar.color))
                .desired_width((ui.available_width() - BAR_VALUE_WIDTH).max(40.0)),
        );
        ui.label(
            egui::RichText::new(bar.value.get(lang))
                .size(19.0)
                .strong()
                .color(theme.ink),
        );
    });
}
