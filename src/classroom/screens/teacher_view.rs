//! The teacher's view: plan a lesson, gather the class's results, and a projector page of what
//! to discuss.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::page;
use crate::classroom::qr::{self, Modules};
use crate::classroom::{TeacherDesk, TeacherRequest, TeacherTab};
use crate::pack::live::ActivePack;
use crate::platform;
use crate::screens::{Navigate, Screen};
use crate::ui::{self, UiParams, UiSystems};
use crate::world::EcoWorld;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        class_world.run_if(in_state(Screen::Teacher).and_then(resource_changed::<TeacherDesk>)),
    )
    .add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiSystems).run_if(in_state(Screen::Teacher)),
    );
}

/// The teacher's pages are wide on a projector.
const TEACHER_CARD_WIDTH: f32 = 1000.0;

/// On the projector the world behind the page is the class's: as clean as its share of right
/// answers.
fn class_world(desk: Res<TeacherDesk>, mut world: ResMut<EcoWorld>) {
    if desk.tab == TeacherTab::Projector && !desk.class.seats.is_empty() {
        world.cleanliness = desk.class.accuracy();
    }
}

fn show(
    mut params: UiParams,
    pack: Res<ActivePack>,
    desk: Res<TeacherDesk>,
    mut link_qr: Local<Option<(String, Modules)>>,
    mut requests: MessageWriter<TeacherRequest>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let ctx = params.contexts.ctx_mut()?.clone();
    let link = desk
        .lesson
        .as_ref()
        .map(|(code, _)| platform::page_link(&format!("lesson={code}")));
    if link.as_ref() != link_qr.as_ref().map(|(made, _)| made) {
        *link_qr = link.and_then(|link| Some((link.clone(), qr::modules(&link)?)));
    }
    if ui::corner_home(&ctx, &mut params) {
        navigate.write(Navigate::Title);
    }
    page(
        &ctx,
        &mut params,
        "teacher",
        TEACHER_CARD_WIDTH,
        |ui, params| {
            tabs(ui, params, desk.tab, &mut requests);
            ui.add_space(10.0);
            match desk.tab {
                TeacherTab::Plan => super::teacher_plan::show(
                    ui,
                    params,
                    &pack,
                    &desk,
                    link_qr.as_ref(),
                    &mut requests,
                ),
                TeacherTab::Class => {
                    super::teacher_class::show(ui, params, &pack, &desk, &mut requests)
                }
                TeacherTab::Projector => super::teacher_class::projector(ui, params, &pack, &desk),
            }
        },
    );
    Ok(())
}

fn tabs(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    current: TeacherTab,
    requests: &mut MessageWriter<TeacherRequest>,
) {
    let zoom = params.layout.zoom();
    let theme = params.theme.clone();
    ui.horizontal_wrapped(|ui| {
        for (tab, name, key) in [
            (TeacherTab::Plan, "tab_plan", "class.tab_plan"),
            (TeacherTab::Class, "tab_class", "class.tab_class"),
            (
                TeacherTab::Projector,
                "tab_projector",
                "class.tab_projector",
            ),
        ] {
            let selected = tab == current;
            let text = egui::RichText::new(params.language.t(key))
                .size(22.0)
                .strong()
                .color(if selected {
                    egui::Color32::WHITE
                } else {
                    theme.ink
                });
            let fill = if selected {
                theme.green_dark
            } else {
                egui::Color32::from_white_alpha(230)
            };
            let response = ui.add(
                egui::Button::new(text)
                    .fill(fill)
                    .corner_radius(egui::CornerRadius::same(12))
                    .min_size(egui::vec2(120.0, ui::tap_size(zoom))),
            );
            ui::record(&mut params.rects, zoom, name, response.rect);
            if response.clicked() && !selected {
                requests.write(TeacherRequest::Tab(tab));
            }
        }
    });
}
