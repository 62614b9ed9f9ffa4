//! Kiosk mode: a walk-up touch screen in a hall, unattended for months. The exhibit plays itself
//! while nobody is there, asks "Still there?" when a visitor walks away and then wipes their
//! session, hides its staff menu behind a long press and a PIN, and counts anonymous statistics.
//! Switched on by `?mode=kiosk` or a `kiosk.json` beside the page (see docs/kiosk.md).

pub mod attract;
pub mod config;
pub mod idle;
mod overlay;
pub mod record;
mod session;
pub mod staff;
mod staff_view;
pub mod stats;
mod test_state;

use bevy::input::keyboard::KeyboardInput;
use bevy::picking::pointer::{PointerAction, PointerId, PointerInput};
use bevy::prelude::*;

pub use self::config::KioskSettings;
use self::idle::{IdleClock, IdleEvent};
use crate::options::{LaunchOptions, Mode, StartPack};
use crate::platform;

/// The staff menu waits at least this long without a touch before asking "Still there?".
const STAFF_IDLE_SECONDS: f32 = 120.0;

/// Where staff changes to the settings are kept on this kiosk.
const SETTINGS_KEY: &str = "green-actor.kiosk-settings";

/// The running kiosk: its settings, what was wrong with its config file, its idle clock.
#[derive(Resource, Debug)]
pub struct Kiosk {
    pub settings: KioskSettings,
    /// The config file's settings, before staff changes ("reset to the file's settings").
    pub file_settings: KioskSettings,
    pub problems: Vec<config::ConfigProblem>,
    pub clock: IdleClock,
}

/// Sent when the idle clock moves between stages.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub struct KioskEvent(pub IdleEvent);

/// The kiosk's systems run in this order each frame.
#[derive(SystemSet, Clone, Debug, PartialEq, Eq, Hash)]
pub enum KioskSystems {
    Clock,
    React,
}

/// Turns the launch options into a kiosk's when the page is one (`kiosk.json` beside it), and
/// takes the start pack from the config when the URL names none.
pub fn launch_options(mut options: LaunchOptions) -> LaunchOptions {
    if platform::kiosk_page_active() {
        options.mode = Mode::Kiosk;
    }
    if options.mode == Mode::Kiosk && options.pack == StartPack::Builtin {
        let (settings, _) = KioskSettings::from_file(platform::kiosk_config_text().as_deref());
        if let Some(pack) = settings.pack.filter(|p| crate::options::is_pack_name(p)) {
            options.pack = StartPack::Named(pack);
        }
    }
    options
}

pub(crate) fn plugin(app: &mut App) {
    let options = app.world().resource::<LaunchOptions>().clone();
    if options.mode != Mode::Kiosk {
        return;
    }
    let (file_settings, problems) =
        KioskSettings::from_file(platform::kiosk_config_text().as_deref());
    for problem in &problems {
        warn!("kiosk.json: {}: {}", problem.field, problem.en);
    }
    let stored = options
        .persist
        .then(|| platform::load(SETTINGS_KEY))
        .flatten()
        .and_then(|text| serde_json::from_str::<KioskSettings>(&text).ok());
    let settings = stored
        .unwrap_or_else(|| file_settings.clone())
        .with_overrides(
            options
                .kiosk_times
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str())),
        );
    app.insert_resource(Kiosk {
        settings,
        file_settings,
        problems,
        clock: IdleClock::default(),
    })
    .add_message::<KioskEvent>()
    .configure_sets(
        Update,
        (KioskSystems::Clock, KioskSystems::React)
            .chain()
            .run_if(resource_exists::<crate::pack::live::ActivePack>),
    )
    .add_systems(PostStartup, session::venue_language)
    .add_systems(Update, tick_clock.in_set(KioskSystems::Clock))
    .add_plugins((
        attract::plugin,
        overlay::plugin,
        record::plugin,
        session::plugin,
        staff::plugin,
        staff_view::plugin,
        test_state::plugin,
    ));
}

impl Kiosk {
    /// Keeps staff changes on this kiosk; they win over the config file from now on.
    pub fn save_settings(&self, options: &LaunchOptions) {
        if options.persist
            && let Ok(text) = serde_json::to_string(&self.settings)
        {
            platform::save(SETTINGS_KEY, &text);
        }
    }
}

/// Any press, release or touch movement, key or wheel is a visitor's input.
fn touched(
    pointers: &mut MessageReader<PointerInput>,
    keys: &mut MessageReader<KeyboardInput>,
) -> bool {
    let pointer = pointers.read().any(|input| match input.action {
        PointerAction::Press(_) | PointerAction::Release(_) => true,
        PointerAction::Move { .. } => matches!(input.pointer_id, PointerId::Touch(_)),
        _ => false,
    });
    keys.read().count() > 0 || pointer
}

fn tick_clock(
    time: Res<Time<Real>>,
    mut kiosk: ResMut<Kiosk>,
    busy: Res<crate::scenes::Busy>,
    screen: Res<State<crate::screens::Screen>>,
    mut pointers: MessageReader<PointerInput>,
    mut keys: MessageReader<KeyboardInput>,
    mut events: MessageWriter<KioskEvent>,
) {
    let touched = touched(&mut pointers, &mut keys);
    if *screen.get() == crate::screens::Screen::Loading {
        return;
    }
    let kiosk = &mut *kiosk;
    let (mut idle, countdown) = (
        kiosk.settings.idle_seconds,
        kiosk.settings.countdown_seconds,
    );
    // Staff read and think in their menu; it still closes itself if they walk away.
    if *screen.get() == crate::screens::Screen::Staff {
        idle = idle.max(STAFF_IDLE_SECONDS);
    }
    if let Some(event) = kiosk
        .clock
        .tick(time.delta_secs(), touched, busy.0, idle, countdown)
    {
        events.write(KioskEvent(event));
    }
}
