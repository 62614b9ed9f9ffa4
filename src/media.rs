//! The text font: the subset Noto Sans SC, whose same bytes feed Bevy text and egui.

use bevy::prelude::*;
use bevy::text::Font;

pub const FONT_BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-GreenActor.otf");

/// The font for Bevy text (the default handle where no text is drawn, as in tests).
#[derive(Resource, Default)]
pub struct TextFontHandle(pub Handle<Font>);

impl TextFontHandle {
    pub fn sized(&self, size: f32) -> TextFont {
        TextFont {
            font: self.0.clone().into(),
            font_size: bevy::text::FontSize::Px(size),
            ..default()
        }
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<TextFontHandle>().add_systems(
        Startup,
        (|mut fonts: ResMut<Assets<Font>>, mut handle: ResMut<TextFontHandle>| {
            handle.0 = fonts.add(Font::from_bytes(FONT_BYTES.to_vec()));
        })
        .run_if(resource_exists::<Assets<Font>>),
    );
}
