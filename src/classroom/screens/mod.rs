//! The classroom's screens: joining a lesson, the student's results card, the teacher's view.

mod card;
mod join;
mod teacher_class;
mod teacher_plan;
mod teacher_view;

use bevy::prelude::*;
use bevy_egui::egui;

use crate::ui::{self, UiParams};

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((join::plugin, card::plugin, teacher_view::plugin));
}

/// A page of the classroom: the language switch, a scrolling card in the middle of the window.
fn page(
    ctx: &egui::Context,
    params: &mut UiParams,
    id: &str,
    widest: f32,
    add: impl FnOnce(&mut egui::Ui, &mut UiParams),
) {
    ui::corner_language_switch(ctx, params);
    let theme = params.theme.clone();
    let mut root = ui::root_ui(ctx, id);
    ui::card_page(&mut root, &theme, widest, |ui| add(ui, params));
}
