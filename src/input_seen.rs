//! Which kinds of input this visitor has used, so hints name only what fits: the number keys are
//! offered where a keyboard was used or the device has no touch screen.

use bevy::input::keyboard::KeyboardInput;
use bevy::picking::pointer::{PointerId, PointerInput};
use bevy::prelude::*;

use crate::platform;

#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub struct InputSeen {
    pub keyboard: bool,
    pub touch_screen: bool,
}

impl InputSeen {
    pub fn offer_keys(&self) -> bool {
        self.keyboard || !self.touch_screen
    }
}

impl Default for InputSeen {
    fn default() -> Self {
        InputSeen {
            keyboard: false,
            touch_screen: platform::has_touch_screen(),
        }
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<InputSeen>().add_systems(
        PreUpdate,
        notice.run_if(on_message::<KeyboardInput>.or_else(on_message::<PointerInput>)),
    );
}

fn notice(
    mut keys: MessageReader<KeyboardInput>,
    mut pointers: MessageReader<PointerInput>,
    mut seen: ResMut<InputSeen>,
) {
    if keys.read().count() > 0 && !seen.keyboard {
        seen.keyboard = true;
    }
    if pointers
        .read()
        .any(|input| matches!(input.pointer_id, PointerId::Touch(_)))
        && !seen.touch_screen
    {
        seen.touch_screen = true;
    }
}
