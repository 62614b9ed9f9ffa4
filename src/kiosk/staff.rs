//! The staff's way in and what their menu does: a long press in the top-left corner, then the
//! PIN; the menu's requests change the kiosk's settings, which are kept on the kiosk.

use bevy::picking::pointer::{PointerAction, PointerId, PointerInput};
use bevy::prelude::*;

use super::{Kiosk, KioskSystems};
use crate::options::LaunchOptions;
use crate::pack::live::ActivePack;
use crate::pack::{Lang, Localized};
use crate::platform;
use crate::scenes::Offered;
use crate::screens::{Navigate, Screen};

/// The corner that hides the way in (logical px from the top-left), and how long to hold it.
pub const CORNER_PX: f32 = 90.0;
pub const HOLD_SECONDS: f64 = 3.0;
/// After this many wrong PINs in a row the pad waits this long.
pub const WRONG_PINS_BEFORE_WAIT: u32 = 5;
pub const WAIT_AFTER_WRONG_PINS: f64 = 60.0;
/// Steps of the menu's adjusters.
pub const SECONDS_STEP: f32 = 5.0;
pub const VOLUME_STEP: f32 = 0.1;

/// The staff menu's state: the PIN typed so far, whether it was right, wrong tries.
#[derive(Resource, Debug, Default)]
pub struct StaffDesk {
    pub unlocked: bool,
    pub pin: String,
    pub wrong: u32,
    pub wait_until: f64,
    pub problem: Option<Localized>,
    /// A line for the staff after an export or a change.
    pub notice: Option<Localized>,
}

/// Everything the staff menu can do.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum StaffRequest {
    Digit(char),
    ClearPin,
    EnterPin,
    Language(Lang),
    IdleSeconds(f32),
    CountdownSeconds(f32),
    AttractSeconds(f32),
    Volume(f32),
    ToggleScene(String),
    ToggleLevel(String, String),
    ExportStats,
    /// The pack manager: which pack the kiosk runs.
    Packs,
    ResetToFile,
    /// Back to the exhibit (its attract loop when nobody touches it).
    Close,
    /// To the normal page, without kiosk mode.
    Exit,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<StaffDesk>()
        .add_message::<StaffRequest>()
        .add_systems(OnEnter(Screen::Staff), |mut desk: ResMut<StaffDesk>| {
            *desk = StaffDesk {
                wrong: desk.wrong,
                wait_until: desk.wait_until,
                ..default()
            };
        })
        .add_systems(
            Update,
            (corner_hold, handle_requests).in_set(KioskSystems::React),
        );
}

/// Whether a point (logical px) is in the hidden corner.
pub fn in_corner(point: Vec2) -> bool {
    point.x <= CORNER_PX && point.y <= CORNER_PX
}

fn corner_hold(
    time: Res<Time<Real>>,
    screen: Res<State<Screen>>,
    mut pointers: MessageReader<PointerInput>,
    mut hold: Local<Option<(PointerId, f64)>>,
    mut navigate: MessageWriter<Navigate>,
) {
    let now = time.elapsed_secs_f64();
    let held_long_enough = |since: f64| now - since >= HOLD_SECONDS;
    let mut open = false;
    for input in pointers.read() {
        let at = input.location.position;
        let ours = hold.is_some_and(|(id, _)| id == input.pointer_id);
        match input.action {
            PointerAction::Press(_) if in_corner(at) => *hold = Some((input.pointer_id, now)),
            // Frames may be far apart: a release seen after the hold time still counts.
            PointerAction::Release(_) if ours => {
                open |= hold.is_some_and(|(_, since)| held_long_enough(since));
                *hold = None;
            }
            PointerAction::Move { .. } if ours && !in_corner(at) => *hold = None,
            _ => {}
        }
    }
    if let Some((_, since)) = *hold
        && held_long_enough(since)
    {
        *hold = None;
        open = true;
    }
    if open && *screen.get() != Screen::Staff {
        navigate.write(Navigate::Staff);
    }
}

/// All of the pack's scene ids, or the ones on.
fn scenes_on(pack: &crate::pack::Pack, offered: &Offered) -> Vec<String> {
    pack.scenes
        .iter()
        .map(|s| s.id().name().to_string())
        .filter(|id| offered.scene_on(id))
        .collect()
}

fn toggle(list: &mut Vec<String>, id: &str) {
    match list.iter().position(|x| x == id) {
        Some(at) => {
            list.remove(at);
        }
        None => list.push(id.to_string()),
    }
}

/// Switches a scene on or off; the last scene on stays on, or the kiosk would show nothing.
pub fn toggle_scene(pack: &crate::pack::Pack, offered: &mut Offered, scene: &str) {
    let mut on = scenes_on(pack, offered);
    toggle(&mut on, scene);
    if on.is_empty() {
        return;
    }
    // Kept in the pack's order.
    on.sort_by_key(|id| pack.scenes.iter().position(|s| s.id().name() == id));
    offered.scenes = (on.len() < pack.scenes.len()).then_some(on);
}

/// Switches a level on or off; a scene's last level on stays on.
pub fn toggle_level(pack: &crate::pack::Pack, offered: &mut Offered, scene: &str, level: &str) {
    let Some(all) = pack
        .scenes
        .iter()
        .find(|s| s.id().name() == scene)
        .map(|s| s.levels().into_iter().map(|l| l.id).collect::<Vec<_>>())
    else {
        return;
    };
    let mut on: Vec<String> = all
        .iter()
        .filter(|id| offered.level_on(scene, id))
        .cloned()
        .collect();
    toggle(&mut on, level);
    if on.is_empty() {
        return;
    }
    on.sort_by_key(|id| all.iter().position(|x| x == id));
    if on.len() == all.len() {
        offered.levels.remove(scene);
    } else {
        offered.levels.insert(scene.to_string(), on);
    }
}

fn clamp_seconds(value: f32) -> f32 {
    value.clamp(
        super::config::SHORTEST_SECONDS,
        super::config::LONGEST_SECONDS,
    )
}

#[allow(clippy::too_many_arguments)]
fn handle_requests(
    time: Res<Time<Real>>,
    mut requests: MessageReader<StaffRequest>,
    mut desk: ResMut<StaffDesk>,
    mut kiosk: ResMut<Kiosk>,
    pack: Res<ActivePack>,
    options: Res<LaunchOptions>,
    stats: Res<super::record::KioskStats>,
    mut navigate: MessageWriter<Navigate>,
) {
    let now = time.elapsed_secs_f64();
    for request in requests.read() {
        let mut changed = true;
        match request {
            StaffRequest::Digit(digit) if desk.pin.len() < 8 => {
                desk.pin.push(*digit);
                changed = false;
            }
            StaffRequest::ClearPin => {
                desk.pin.clear();
                changed = false;
            }
            StaffRequest::EnterPin => {
                changed = false;
                if now < desk.wait_until {
                    desk.problem = Some(crate::i18n::both("kiosk.staff.wait"));
                } else if desk.pin == kiosk.settings.pin {
                    desk.unlocked = true;
                    desk.wrong = 0;
                    desk.problem = None;
                } else {
                    desk.wrong += 1;
                    desk.problem = Some(crate::i18n::both("kiosk.staff.wrong_pin"));
                    if desk.wrong >= WRONG_PINS_BEFORE_WAIT {
                        desk.wrong = 0;
                        desk.wait_until = now + WAIT_AFTER_WRONG_PINS;
                    }
                }
                desk.pin.clear();
            }
            _ if !desk.unlocked => changed = false,
            StaffRequest::Digit(_) => changed = false,
            StaffRequest::Language(lang) => kiosk.settings.language = *lang,
            StaffRequest::IdleSeconds(delta) => {
                kiosk.settings.idle_seconds = clamp_seconds(kiosk.settings.idle_seconds + delta)
            }
            StaffRequest::CountdownSeconds(delta) => {
                kiosk.settings.countdown_seconds =
                    clamp_seconds(kiosk.settings.countdown_seconds + delta)
            }
            StaffRequest::AttractSeconds(delta) => {
                kiosk.settings.attract_seconds =
                    clamp_seconds(kiosk.settings.attract_seconds + delta)
            }
            StaffRequest::Volume(delta) => {
                let volume = (kiosk.settings.volume + delta).clamp(0.0, 1.0);
                kiosk.settings.volume = (volume * 10.0).round() / 10.0;
            }
            StaffRequest::ToggleScene(scene) => {
                toggle_scene(&pack.0, &mut kiosk.settings.offered, scene)
            }
            StaffRequest::ToggleLevel(scene, level) => {
                toggle_level(&pack.0, &mut kiosk.settings.offered, scene, level)
            }
            StaffRequest::ExportStats => {
                changed = false;
                let (day, _) = platform::local_day_hour();
                let csv = format!("\u{feff}{}", stats.stats.csv());
                platform::save_file(
                    &format!("green-actor-kiosk-stats-{day}.csv"),
                    "text/csv",
                    csv.as_bytes(),
                );
                desk.notice = Some(crate::i18n::both("kiosk.staff.exported"));
            }
            StaffRequest::ResetToFile => {
                let file = kiosk.file_settings.clone();
                kiosk.settings = file;
                // The file's settings rule again, as if staff had changed nothing.
                platform::save(super::SETTINGS_KEY, "");
                changed = false;
            }
            StaffRequest::Packs => {
                changed = false;
                navigate.write(Navigate::Packs);
            }
            StaffRequest::Close => {
                changed = false;
                desk.unlocked = false;
                navigate.write(Navigate::Title);
            }
            StaffRequest::Exit => {
                changed = false;
                platform::exit_kiosk();
            }
        }
        if changed {
            kiosk.save_settings(&options);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_top_left_corner_hides_the_way_in() {
        assert!(in_corner(Vec2::new(10.0, 10.0)));
        assert!(in_corner(Vec2::new(CORNER_PX, CORNER_PX)));
        assert!(!in_corner(Vec2::new(CORNER_PX + 1.0, 10.0)));
        assert!(!in_corner(Vec2::new(10.0, CORNER_PX + 1.0)));
    }
}
