//! Scene select: one large illustrated card per scene the pack holds, in the pack's order, with
//! its levels.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::{Navigate, Screen};
use crate::pack::live::ActivePack;
use crate::scenes::{Offered, PassedLevels};
use crate::ui::{self, UiParams, UiSystems};
use crate::world::EcoWorld;

/// On a phone, the one scene whose levels are listed (the others show their title and play
/// button), so that every button is in reach without scrolling. None: the pack's first.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct OpenScene(pub Option<crate::pack::SceneId>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<OpenScene>()
        .add_systems(Update, keys.run_if(in_state(Screen::SceneSelect)))
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(UiSystems).run_if(in_state(Screen::SceneSelect)),
        );
}

fn keys(
    input: Res<ButtonInput<KeyCode>>,
    pack: Res<ActivePack>,
    mut navigate: MessageWriter<Navigate>,
) {
    if ui::confirm_pressed(&input)
        && let Some(scene) = pack.0.scene_ids().first()
    {
        navigate.write(Navigate::Play(*scene, 0));
    }
    if input.just_pressed(KeyCode::Escape) {
        navigate.write(Navigate::Title);
    }
}

/// Level buttons side by side when the card is at least this wide (logical points).
const TWO_COLUMNS_FROM: f32 = 330.0;
/// Scene cards stand side by side when each can be at least this wide (logical points).
const SIDE_BY_SIDE_FROM: f32 = 380.0;
/// The gap between scene cards (logical points).
const CARD_GAP: f32 = 16.0;
/// The scene's pictures on a full card, and on one of three side by side (logical points).
const PICTURE: f32 = 72.0;
const PICTURE_TIGHT: f32 = 48.0;
/// A closed card's play button takes this share of its row, beside "levels".
const CLOSED_PLAY_SHARE: f32 = 0.55;
/// Room above the heading for the corner buttons (logical points).
const TOP_SPACE: f32 = 64.0;

fn show(
    mut params: UiParams,
    pack: Res<ActivePack>,
    passed: Res<PassedLevels>,
    offered: Res<Offered>,
    world: Res<EcoWorld>,
    mut open: ResMut<OpenScene>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let shown: Vec<_> = pack
        .0
        .scenes
        .iter()
        .filter(|scene| offered.scene_on(scene.id().name()))
        .collect();
    let ctx = params.contexts.ctx_mut()?.clone();
    let theme = params.theme.clone();
    ui::corner_language_switch(&ctx, &mut params);
    if ui::corner_home(&ctx, &mut params) {
        navigate.write(Navigate::Title);
    }
    let scenes = shown.len().max(1);
    let room = ctx.content_rect().width() - 2.0 * CARD_GAP;
    let side_by_side_width =
        ((room - CARD_GAP * (scenes - 1) as f32) / scenes as f32).min(ui::CARD_WIDTH);
    let side_by_side = scenes > 1 && side_by_side_width >= SIDE_BY_SIDE_FROM;
    let compact = params.layout.narrow();
    let open_scene = open.0.or_else(|| shown.first().map(|scene| scene.id()));
    // Three scenes side by side leave less room for pictures and words.
    let tight = scenes > 2;
    egui::CentralPanel::default().frame(egui::Frame::NONE).show(
        &mut ui::root_ui(&ctx, "scene-select"),
        |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.add_space(TOP_SPACE);
                    ui::title(
                        ui,
                        &params.language.t("scenes.heading"),
                        40.0,
                        theme.green_dark,
                    );
                    ui.add_space(6.0);
                    world_strip(ui, &params, &world);
                    ui.add_space(10.0);
                    if side_by_side {
                        let row =
                            side_by_side_width * scenes as f32 + CARD_GAP * (scenes - 1) as f32;
                        ui.horizontal_top(|ui| {
                            ui.spacing_mut().item_spacing.x = CARD_GAP;
                            // Each card is preceded by the item spacing, the first one too.
                            let leading = (ui.available_width() - row) / 2.0 - CARD_GAP;
                            ui.add_space(leading.max(0.0));
                            for scene in &shown {
                                let card = SceneCard {
                                    width: side_by_side_width,
                                    compact,
                                    tight,
                                    open: true,
                                };
                                if let Some(CardChoice::Go(go)) =
                                    card.show(ui, &mut params, scene, &passed, &offered)
                                {
                                    navigate.write(go);
                                }
                            }
                        });
                    } else {
                        for scene in &shown {
                            let card = SceneCard {
                                width: ui::card_width(&ctx, ui::CARD_WIDTH),
                                compact,
                                tight,
                                open: !compact || open_scene == Some(scene.id()),
                            };
                            match card.show(ui, &mut params, scene, &passed, &offered) {
                                Some(CardChoice::Go(go)) => {
                                    navigate.write(go);
                                }
                                Some(CardChoice::Open) => open.0 = Some(scene.id()),
                                None => {}
                            }
                            ui.add_space(CARD_GAP);
                        }
                    }
                });
            });
        },
    );
    Ok(())
}

/// The land is called clean from this cleanliness on, and dirty below the other.
const LAND_CLEAN_FROM: f32 = 0.6;
const LAND_DIRTY_BELOW: f32 = 0.35;
/// The air is called grey from this haze on, and hazy from the next.
const AIR_GREY_FROM: f32 = 0.3;
const AIR_HAZY_FROM: f32 = 0.6;
/// The world strip's pictures (logical points).
const WORLD_PICTURE: f32 = 30.0;
const WORLD_PICTURE_NARROW: f32 = 22.0;

/// The one place all the scenes share: its land, air and water in words and pictures, so a
/// visitor sees that the exhibits are one world.
fn world_strip(ui: &mut egui::Ui, params: &UiParams, world: &EcoWorld) {
    let theme = &params.theme;
    let language = &params.language;
    let land = if world.cleanliness >= LAND_CLEAN_FROM {
        "world.land_clean"
    } else if world.cleanliness >= LAND_DIRTY_BELOW {
        "world.land_fair"
    } else {
        "world.land_dirty"
    };
    let air = if world.haze >= AIR_HAZY_FROM {
        "world.air_hazy"
    } else if world.haze >= AIR_GREY_FROM {
        "world.air_grey"
    } else {
        "world.air_clear"
    };
    let water = match world.water {
        Some(share) => language
            .t("world.water_share")
            .replace("%{percent}", &format!("{:.0}", share * 100.0)),
        None => language.t("world.water_unknown"),
    };
    let mut chips = vec![
        ("deciduous-tree", language.t(land)),
        ("cloud", language.t(air)),
        ("droplet", water),
    ];
    let mistakes = world.misplaced_hazardous + world.misplaced_other;
    if mistakes > 0 {
        chips.push((
            "battery",
            language
                .t("world.misplaced")
                .replace("%{n}", &mistakes.to_string()),
        ));
    }
    ui.label(
        egui::RichText::new(language.t("world.heading"))
            .size(17.0)
            .color(theme.muted),
    );
    let (picture, size) = if params.layout.narrow() {
        (WORLD_PICTURE_NARROW, 16.0)
    } else {
        (WORLD_PICTURE, 18.0)
    };
    let chip = |ui: &mut egui::Ui, (icon, words): (&str, String)| {
        ui.add(ui::icon(&params.icons, icon, picture));
        ui.label(egui::RichText::new(words).size(size).color(theme.ink));
    };
    // Centred on one line where it fits (the frame takes its content's width), two per line on
    // a phone.
    let frame = egui::Frame::new()
        .fill(egui::Color32::from_white_alpha(200))
        .corner_radius(10)
        .inner_margin(egui::Margin::symmetric(12, 4));
    let per_line = if params.layout.narrow() {
        2
    } else {
        chips.len()
    };
    frame.show(ui, |ui| {
        ui.vertical(|ui| {
            let mut chips = chips.into_iter().peekable();
            while chips.peek().is_some() {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 10.0;
                    for one in chips.by_ref().take(per_line) {
                        chip(ui, one);
                    }
                });
            }
        });
    });
}

/// One scene's card: its pictures, name and summary, a play button and its levels.
struct SceneCard {
    width: f32,
    /// A phone's card: no pictures and no "choose a level" line.
    compact: bool,
    /// One of three or more cards: smaller pictures and no "choose a level" line.
    tight: bool,
    /// Its levels are listed; otherwise a button opens them (on a phone, one scene at a time).
    open: bool,
}

/// What a card was asked for.
enum CardChoice {
    Go(Navigate),
    /// List this scene's levels.
    Open,
}

impl SceneCard {
    fn show(
        &self,
        ui: &mut egui::Ui,
        params: &mut UiParams,
        scene: &crate::pack::PackScene,
        passed: &PassedLevels,
        offered: &Offered,
    ) -> Option<CardChoice> {
        let theme = params.theme.clone();
        let zoom = params.layout.zoom();
        let lang = params.language.0;
        let id = scene.id();
        let levels: Vec<(usize, crate::pack::LevelSummary)> = scene
            .levels()
            .into_iter()
            .enumerate()
            .filter(|(_, level)| offered.level_on(id.name(), &level.id))
            .collect();
        let first = levels.first().map_or(0, |(number, _)| *number);
        let mut go = None;
        ui::card_frame(&theme).show(ui, |ui| {
            ui.set_width(self.width - 44.0);
            ui.vertical_centered(|ui| {
                if !self.compact {
                    let picture = if self.tight { PICTURE_TIGHT } else { PICTURE };
                    ui.horizontal(|ui| {
                        let icons = scene.format.card_icons();
                        ui.add_space(
                            ((ui.available_width() - icons.len() as f32 * (picture + 10.0)) / 2.0)
                                .max(0.0),
                        );
                        for name in icons {
                            ui.add(ui::icon(&params.icons, name, picture));
                        }
                    });
                }
                let key = format!("scene.{id}");
                ui::title(
                    ui,
                    &params.language.t(&format!("{key}.title")),
                    34.0,
                    theme.ink,
                );
                // A phone's cards keep to the title, the buttons and the levels: every button of
                // every scene stays in reach without scrolling.
                if !self.compact {
                    let size = if self.tight { 17.0 } else { 20.0 };
                    let summary = params.language.t(&format!("{key}.summary"));
                    ui::paragraph(ui, &summary, size, theme.ink);
                }
                ui.add_space(if self.compact { 2.0 } else { 8.0 });
                let play = params.language.t("scenes.play");
                let play_name = format!("scene_{id}");
                if !self.open {
                    // A closed card: play and "levels" side by side.
                    ui.horizontal(|ui| {
                        let levels = params.language.t("scenes.show_levels");
                        let width = ui.available_width() * CLOSED_PLAY_SHARE;
                        let rects = &mut params.rects;
                        if ui::big_button(ui, rects, zoom, &play_name, &play, theme.green, width)
                            .clicked()
                        {
                            go = Some(CardChoice::Go(Navigate::Play(id, first)));
                        }
                        let name = format!("open_{id}");
                        if ui::small_button(ui, rects, zoom, &name, &levels).clicked() {
                            go = Some(CardChoice::Open);
                        }
                    });
                    return;
                }
                if ui::big_button(
                    ui,
                    &mut params.rects,
                    zoom,
                    &play_name,
                    &play,
                    theme.green,
                    300.0,
                )
                .clicked()
                {
                    go = Some(CardChoice::Go(Navigate::Play(id, first)));
                }
                ui.add_space(6.0);
                if !self.compact && !self.tight {
                    ui.label(
                        egui::RichText::new(params.language.t("scenes.levels"))
                            .size(18.0)
                            .color(theme.ink),
                    );
                }
                let columns = if ui.available_width() >= TWO_COLUMNS_FROM || self.compact {
                    2
                } else {
                    1
                };
                let button_width =
                    (ui.available_width() - 10.0 * (columns - 1) as f32) / columns as f32;
                for chunk in levels.chunks(columns) {
                    ui.horizontal(|ui| {
                        for (number, level) in chunk {
                            let number = *number;
                            let label = format!("{}  {}", number + 1, level.title.get(lang));
                            let done = passed.0.contains(&(id, level.id.clone()));
                            let name = format!("level_{id}_{}", number + 1);
                            if ui::level_button(ui, params, &name, &label, done, button_width)
                                .clicked()
                            {
                                go = Some(CardChoice::Go(Navigate::Play(id, number)));
                            }
                        }
                    });
                }
            });
        });
        go
    }
}
