//! The staff menu's page: the PIN pad, then the kiosk's settings, its health and statistics.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use super::Kiosk;
use super::record::KioskStats;
use super::staff::{SECONDS_STEP, StaffDesk, StaffRequest, VOLUME_STEP};
use crate::pack::Lang;
use crate::pack::live::ActivePack;
use crate::platform;
use crate::screens::Screen;
use crate::ui::{self, UiParams, UiSystems};

/// The widest of the action bar's buttons (logical points).
const ACTION_WIDTH: f32 = 360.0;
/// The most-missed questions listed.
const MISSED_SHOWN: usize = 5;
/// How quickly the shown frame time follows the real one (share of each new frame).
const FRAME_TIME_SMOOTHING: f64 = 0.05;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiSystems).run_if(in_state(Screen::Staff)),
    );
}

/// The health line's figures.
#[derive(Default)]
struct Health {
    frame_ms: f64,
}

#[allow(clippy::too_many_arguments)]
fn show(
    mut params: UiParams,
    desk: Res<StaffDesk>,
    kiosk: Res<Kiosk>,
    stats: Res<KioskStats>,
    pack: Res<ActivePack>,
    time: Res<Time<Real>>,
    mut health: Local<Health>,
    mut requests: MessageWriter<StaffRequest>,
) -> Result {
    let frame = time.delta_secs_f64() * 1000.0;
    health.frame_ms += (frame - health.frame_ms) * FRAME_TIME_SMOOTHING;
    let ctx = params.contexts.ctx_mut()?.clone();
    ui::corner_language_switch(&ctx, &mut params);
    let theme = params.theme.clone();
    let mut root = ui::root_ui(&ctx, "staff");
    if desk.unlocked {
        // What staff come for most, always in reach at the bottom of the window.
        let t = |key: &str| params.language.t(key);
        let buttons = vec![
            (
                "export_stats",
                t("kiosk.staff.export"),
                theme.green,
                StaffRequest::ExportStats,
            ),
            (
                "staff_close",
                t("kiosk.staff.close"),
                theme.green_dark,
                StaffRequest::Close,
            ),
        ];
        if let Some(request) = ui::action_bar(
            &mut root,
            &mut params,
            "staff-actions",
            ACTION_WIDTH,
            buttons,
        ) {
            requests.write(request);
        }
    }
    ui::card_page(&mut root, &theme, ui::CARD_WIDTH, |ui| {
        ui.vertical_centered(|ui| {
            if desk.unlocked {
                menu(
                    ui,
                    &mut params,
                    &kiosk,
                    &stats,
                    &pack,
                    &time,
                    &health,
                    &desk,
                    &mut requests,
                );
            } else {
                pin_pad(ui, &mut params, &desk, &mut requests);
            }
        });
    });
    Ok(())
}

fn pin_pad(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    desk: &StaffDesk,
    requests: &mut MessageWriter<StaffRequest>,
) {
    let theme = params.theme.clone();
    let zoom = params.layout.zoom();
    let t = |key: &str| params.language.t(key);
    ui::title(ui, &t("kiosk.staff.title"), 34.0, theme.green_dark);
    ui::paragraph(ui, &t("kiosk.staff.enter_pin"), 20.0, theme.ink);
    let dots = if desk.pin.is_empty() {
        "—".to_string()
    } else {
        "●".repeat(desk.pin.len())
    };
    ui.label(egui::RichText::new(dots).size(40.0).color(theme.green_dark));
    match ui::number_pad(ui, params, "pin") {
        Some(ui::PadKey::Digit(digit)) => {
            requests.write(StaffRequest::Digit(digit));
        }
        Some(ui::PadKey::Clear | ui::PadKey::Back) => {
            requests.write(StaffRequest::ClearPin);
        }
        None => {}
    }
    if let Some(problem) = &desk.problem {
        ui::paragraph(ui, params.language.pick(problem), 19.0, theme.error);
    }
    ui.add_space(10.0);
    let width = ui.available_width().min(300.0);
    let ok = params.language.t("kiosk.staff.ok");
    if ui::big_button(
        ui,
        &mut params.rects,
        zoom,
        "pin_ok",
        &ok,
        theme.green,
        width,
    )
    .clicked()
    {
        requests.write(StaffRequest::EnterPin);
    }
    let back = params.language.t("kiosk.staff.back");
    if ui::small_button(ui, &mut params.rects, zoom, "staff_back", &back).clicked() {
        requests.write(StaffRequest::Close);
    }
}

fn heading(ui: &mut egui::Ui, params: &UiParams, key: &str) {
    ui.add_space(14.0);
    ui::title(ui, &params.language.t(key), 24.0, params.theme.green_dark);
}

/// A setting with − and + beside its value.
fn adjuster(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    name: &str,
    label: &str,
    value: String,
    step: impl Fn(f32) -> StaffRequest,
    requests: &mut MessageWriter<StaffRequest>,
) {
    let zoom = params.layout.zoom();
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(label)
                .size(19.0)
                .color(params.theme.ink),
        );
        if ui::small_button(ui, &mut params.rects, zoom, &format!("{name}_less"), "－").clicked() {
            requests.write(step(-1.0));
        }
        ui.label(
            egui::RichText::new(value)
                .size(22.0)
                .strong()
                .color(params.theme.ink),
        );
        if ui::small_button(ui, &mut params.rects, zoom, &format!("{name}_more"), "＋").clicked() {
            requests.write(step(1.0));
        }
    });
}

fn on_off(on: bool) -> &'static str {
    if on { "✓" } else { "✗" }
}

fn megabytes(bytes: Option<f64>) -> String {
    bytes.map_or_else(|| "—".to_string(), |b| format!("{:.0} MB", b / 1_048_576.0))
}

#[allow(clippy::too_many_arguments)]
fn menu(
    ui: &mut egui::Ui,
    params: &mut UiParams,
    kiosk: &Kiosk,
    stats: &KioskStats,
    pack: &ActivePack,
    time: &Time<Real>,
    health: &Health,
    desk: &StaffDesk,
    requests: &mut MessageWriter<StaffRequest>,
) {
    let theme = params.theme.clone();
    let zoom = params.layout.zoom();
    let lang = params.language.0;
    let t = |key: &str| crate::i18n::tr(lang, key);
    let settings = &kiosk.settings;
    ui::title(ui, &t("kiosk.staff.title"), 34.0, theme.green_dark);
    if let Some(notice) = &desk.notice {
        ui::paragraph(ui, notice.get(lang), 19.0, theme.green_dark);
    }
    for problem in &kiosk.problems {
        let text = match lang {
            Lang::Zh => &problem.zh,
            Lang::En => &problem.en,
        };
        ui::paragraph(
            ui,
            &format!("kiosk.json · {}: {text}", problem.field),
            17.0,
            theme.error,
        );
    }

    heading(ui, params, "kiosk.staff.language");
    ui.horizontal(|ui| {
        for (code, name, label) in [
            (Lang::Zh, "venue_zh", "中文"),
            (Lang::En, "venue_en", "English"),
        ] {
            let marked = if settings.language == code {
                format!("✓ {label}")
            } else {
                label.to_string()
            };
            if ui::small_button(ui, &mut params.rects, zoom, name, &marked).clicked() {
                requests.write(StaffRequest::Language(code));
            }
        }
    });

    heading(ui, params, "kiosk.staff.times");
    let seconds = |s: f32| format!("{s:.0} s");
    adjuster(
        ui,
        params,
        "idle",
        &t("kiosk.staff.idle"),
        seconds(settings.idle_seconds),
        |d| StaffRequest::IdleSeconds(d * SECONDS_STEP),
        requests,
    );
    adjuster(
        ui,
        params,
        "countdown",
        &t("kiosk.staff.countdown"),
        seconds(settings.countdown_seconds),
        |d| StaffRequest::CountdownSeconds(d * SECONDS_STEP),
        requests,
    );
    adjuster(
        ui,
        params,
        "attract",
        &t("kiosk.staff.attract"),
        seconds(settings.attract_seconds),
        |d| StaffRequest::AttractSeconds(d * SECONDS_STEP),
        requests,
    );
    adjuster(
        ui,
        params,
        "volume",
        &t("kiosk.staff.volume"),
        format!("{:.0}%", settings.volume * 100.0),
        |d| StaffRequest::Volume(d * VOLUME_STEP),
        requests,
    );

    heading(ui, params, "kiosk.staff.scenes");
    for scene in &pack.0.scenes {
        let id = scene.id().name();
        let on = settings.offered.scene_on(id);
        let label = format!("{} {}", on_off(on), t(&format!("scene.{id}.title")));
        if ui::small_button(
            ui,
            &mut params.rects,
            zoom,
            &format!("staff_scene_{id}"),
            &label,
        )
        .clicked()
        {
            requests.write(StaffRequest::ToggleScene(id.to_string()));
        }
        if !on {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            for (number, level) in scene.levels().iter().enumerate() {
                let level_on = settings.offered.level_on(id, &level.id);
                let label = format!("{} {}", on_off(level_on), number + 1);
                let name = format!("staff_level_{id}_{}", number + 1);
                let response = ui::small_button(ui, &mut params.rects, zoom, &name, &label)
                    .on_hover_text(level.title.get(lang));
                if response.clicked() {
                    requests.write(StaffRequest::ToggleLevel(id.to_string(), level.id.clone()));
                }
            }
        });
    }

    heading(ui, params, "kiosk.staff.health");
    let uptime = time.elapsed_secs_f64();
    let lines = [
        format!(
            "{}: {} · {}",
            t("kiosk.staff.pack"),
            pack.0.manifest.title.get(lang),
            pack.0.manifest.version
        ),
        format!("{}: {}", t("kiosk.staff.build"), env!("CARGO_PKG_VERSION")),
        format!(
            "{}: {}h {:02}m · {}: {:.1} ms",
            t("kiosk.staff.uptime"),
            (uptime / 3600.0) as u64,
            ((uptime % 3600.0) / 60.0) as u64,
            t("kiosk.staff.frame_time"),
            health.frame_ms
        ),
        format!(
            "{}: wasm {} · JS {}",
            t("kiosk.staff.memory"),
            megabytes(platform::wasm_memory_bytes()),
            megabytes(platform::js_heap_bytes())
        ),
        format!(
            "{}: {}",
            t("kiosk.staff.offline"),
            platform::offline_state()
        ),
        format!(
            "{}: {}",
            t("kiosk.staff.last_error"),
            stats.last_error.clone().unwrap_or_else(|| "—".into())
        ),
    ];
    for line in lines {
        ui::paragraph(ui, &line, 17.0, theme.ink);
    }

    heading(ui, params, "kiosk.staff.stats");
    let (day, _) = platform::local_day_hour();
    ui::paragraph(
        ui,
        &format!(
            "{}: {} · {}: {}",
            t("kiosk.staff.sessions_today"),
            stats.stats.sessions_on(&day),
            t("kiosk.staff.days_kept"),
            stats.stats.days.len()
        ),
        18.0,
        theme.ink,
    );
    if stats.started_afresh {
        ui::paragraph(ui, &t("kiosk.staff.stats_afresh"), 17.0, theme.error);
    }
    for (item, count) in stats.stats.most_missed(MISSED_SHOWN) {
        ui::paragraph(ui, &format!("✗ {item} × {count}"), 17.0, theme.muted);
    }
    if let Some(url) = &settings.stats_url {
        let post = platform::last_stats_post();
        ui::paragraph(ui, &format!("POST {url}: {post}"), 16.0, theme.muted);
    }
    ui.add_space(12.0);
    ui.horizontal_wrapped(|ui| {
        let more = [
            ("staff_packs", "title.packs", StaffRequest::Packs),
            (
                "staff_reset",
                "kiosk.staff.reset",
                StaffRequest::ResetToFile,
            ),
            ("staff_exit", "kiosk.staff.exit", StaffRequest::Exit),
        ];
        for (name, key, request) in more {
            if ui::small_button(ui, &mut params.rects, zoom, name, &t(key)).clicked() {
                requests.write(request);
            }
        }
    });
}
