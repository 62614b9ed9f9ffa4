//! The look shared by every screen: colours, the CJK font in egui, zoom, and widgets.

mod chrome;
mod text;
mod widgets;
mod world_label;

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use bevy::asset::RenderAssetUsages;

use bevy::prelude::*;
use bevy_egui::egui::epaint::text::{FontInsert, InsertFontFamily};
use bevy_egui::egui::{self, Color32, FontFamily, FontId, TextStyle};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle};

pub use chrome::*;
pub use text::*;
pub use widgets::*;
pub use world_label::WorldLabel;

use crate::icons::Icons;
use crate::layout::Layout;
use crate::media::FONT_BYTES;

#[derive(Resource, Clone, Debug)]
pub struct Theme {
    pub ink: Color32,
    pub muted: Color32,
    pub green: Color32,
    pub green_dark: Color32,
    pub paper: Color32,
    pub error: Color32,
    pub gold: Color32,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            ink: Color32::from_rgb(0x1f, 0x33, 0x29),
            muted: Color32::from_rgb(0x4d, 0x5f, 0x55),
            green: Color32::from_rgb(0x2e, 0x9b, 0x47),
            green_dark: Color32::from_rgb(0x1e, 0x6e, 0x33),
            // Opaque: nothing of the backdrop shows through a card as a ghost.
            paper: Color32::from_rgb(0xff, 0xff, 0xf8),
            error: Color32::from_rgb(0xb3, 0x26, 0x1e),
            gold: Color32::from_rgb(0xf2, 0xb1, 0x1b),
        }
    }
}

/// Where each named button was drawn this frame, in logical px (for the test state).
#[derive(Resource, Default, Debug, Clone)]
pub struct UiRects(pub HashMap<String, Rect>);

/// Icons registered with egui, by name. Registered on first use: an icon asked for this frame
/// shows from the next one.
#[derive(Resource, Default)]
pub struct EguiIcons {
    ready: HashMap<String, egui::TextureId>,
    wanted: Mutex<HashSet<String>>,
}

impl EguiIcons {
    pub fn get(&self, name: &str) -> Option<egui::TextureId> {
        let id = self.ready.get(name).copied();
        if id.is_none()
            && let Ok(mut wanted) = self.wanted.lock()
        {
            wanted.insert(name.to_string());
        }
        id
    }
}

#[derive(Resource, Default)]
struct FontsInstalled(bool);

/// The egui systems that draw screens and scene overlays; shared UI setup runs before them.
#[derive(SystemSet, Clone, Debug, PartialEq, Eq, Hash)]
pub struct UiSystems;

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins(world_label::plugin);
    app.init_resource::<Theme>()
        .init_resource::<UiRects>()
        .init_resource::<EguiIcons>()
        .init_resource::<FontsInstalled>()
        .add_systems(First, |mut rects: ResMut<UiRects>| rects.0.clear())
        .add_systems(Update, forget_pack_pictures)
        .add_systems(
            EguiPrimaryContextPass,
            (install_fonts, apply_zoom, register_icons).before(UiSystems),
        );
}

/// Another pack may have other pictures under the same paths: egui's copies are made afresh.
fn forget_pack_pictures(
    mut switched: MessageReader<crate::pack::live::PackSwitched>,
    mut icons: ResMut<EguiIcons>,
) {
    if switched.read().count() > 0 {
        icons
            .ready
            .retain(|name, _| !crate::pack::pictures::is_picture(name));
    }
}

fn install_fonts(mut contexts: EguiContexts, mut installed: ResMut<FontsInstalled>) -> Result {
    if installed.0 {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    ctx.add_font(FontInsert::new(
        "noto-sans-sc",
        egui::FontData::from_static(FONT_BYTES),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: egui::epaint::text::FontPriority::Highest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: egui::epaint::text::FontPriority::Highest,
            },
        ],
    ));
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(15.0)),
            (TextStyle::Body, FontId::proportional(19.0)),
            (TextStyle::Button, FontId::proportional(22.0)),
            (TextStyle::Heading, FontId::proportional(30.0)),
            (TextStyle::Monospace, FontId::monospace(16.0)),
        ]
        .into();
        style.spacing.button_padding = egui::vec2(18.0, 10.0);
        style.spacing.item_spacing = egui::vec2(10.0, 10.0);
        style.visuals = egui::Visuals::light();
        style.visuals.widgets.inactive.corner_radius = egui::CornerRadius::same(12);
        style.visuals.widgets.hovered.corner_radius = egui::CornerRadius::same(12);
        style.visuals.widgets.active.corner_radius = egui::CornerRadius::same(12);
        style.interaction.tooltip_delay = 10.0;
    });
    // A child or a grandparent may hold a button a while; it is still a press, not a drag.
    ctx.options_mut(|options| options.input_options.max_click_duration = 4.0);
    installed.0 = true;
    Ok(())
}

fn apply_zoom(mut contexts: EguiContexts, layout: Res<Layout>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let zoom = layout.zoom();
    if (ctx.zoom_factor() - zoom).abs() > 0.001 {
        ctx.set_zoom_factor(zoom);
    }
    Ok(())
}

/// bevy_egui 0.42 blends textures as premultiplied alpha, while PNG sprites are straight alpha
/// (transparent pixels would show as a pale square); egui gets premultiplied copies.
fn register_icons(
    mut contexts: EguiContexts,
    library: Res<Icons>,
    mut icons: ResMut<EguiIcons>,
    mut images: ResMut<Assets<Image>>,
) {
    let wanted: Vec<String> = match icons.wanted.get_mut() {
        Ok(wanted) => wanted.drain().collect(),
        Err(_) => return,
    };
    for name in wanted {
        let Some(premultiplied) = library
            .handle(&name)
            .and_then(|handle| images.get(handle))
            .and_then(premultiply)
        else {
            continue;
        };
        let handle = images.add(premultiplied);
        let id = contexts.add_image(EguiTextureHandle::Strong(handle));
        icons.ready.insert(name, id);
    }
}

fn premultiply(image: &Image) -> Option<Image> {
    let mut copy = image.clone();
    let data = copy.data.as_mut()?;
    for pixel in data.chunks_exact_mut(4) {
        let alpha = pixel[3] as u16;
        for channel in &mut pixel[..3] {
            *channel = ((*channel as u16 * alpha + 127) / 255) as u8;
        }
    }
    copy.asset_usage = RenderAssetUsages::RENDER_WORLD;
    Some(copy)
}
