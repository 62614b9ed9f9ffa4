//! The window's logical size and what follows from it: UI zoom, portrait or landscape.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub size: Vec2,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            size: Vec2::new(1366.0, 768.0),
        }
    }
}

impl Layout {
    pub fn portrait(&self) -> bool {
        self.size.y > self.size.x
    }

    /// UI zoom: 1.07 on a 1366×768 laptop, 1.5 on a 1920×1080 kiosk, 0.8 on a 390-wide phone
    /// (whose UI is then 480 points wide).
    pub fn zoom(&self) -> f32 {
        let zoom = if self.portrait() {
            self.size.x / 480.0
        } else {
            self.size.y / 720.0
        };
        zoom.clamp(0.6, 2.5)
    }

    /// Too narrow for one-row toolbars (a phone held upright).
    pub fn narrow(&self) -> bool {
        self.size.x / self.zoom() < 640.0
    }

    /// Screen position (logical px, origin top-left) → world position (origin centre, y up).
    pub fn to_world(&self, screen: Vec2) -> Vec2 {
        Vec2::new(screen.x - self.size.x / 2.0, self.size.y / 2.0 - screen.y)
    }

    pub fn to_screen(&self, world: Vec2) -> Vec2 {
        Vec2::new(world.x + self.size.x / 2.0, self.size.y / 2.0 - world.y)
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Layout>()
        .add_systems(PreUpdate, follow_window);
}

fn follow_window(window: Query<&Window, With<PrimaryWindow>>, mut layout: ResMut<Layout>) {
    let Ok(window) = window.single() else { return };
    let size = Vec2::new(window.width(), window.height());
    if size.x > 1.0 && size.y > 1.0 && layout.size != size {
        layout.size = size;
    }
}
