//! A kiosk's settings: the venue's `kiosk.json`, then what staff changed on this kiosk, then the
//! URL's test overrides (`?idle=5&countdown=3&attract=8`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::pack::Lang;
use crate::scenes::Offered;

pub const DEFAULT_IDLE_SECONDS: f32 = 60.0;
pub const DEFAULT_COUNTDOWN_SECONDS: f32 = 15.0;
pub const DEFAULT_ATTRACT_SECONDS: f32 = 30.0;
pub const DEFAULT_PIN: &str = "2468";
pub const DEFAULT_VOLUME: f32 = 0.8;
/// No setting of time goes below this, so a typo cannot make the kiosk reset under a visitor.
pub const SHORTEST_SECONDS: f32 = 2.0;
pub const LONGEST_SECONDS: f32 = 3600.0;

/// Every field of `kiosk.json`, all optional.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct KioskFile {
    pub language: Option<String>,
    pub idle_seconds: Option<f32>,
    pub countdown_seconds: Option<f32>,
    pub attract_seconds: Option<f32>,
    pub pin: Option<String>,
    pub scenes: Option<Vec<String>>,
    pub levels: Option<BTreeMap<String, Vec<String>>>,
    pub volume: Option<f32>,
    pub stats_url: Option<String>,
    pub pack: Option<String>,
}

/// The settings a kiosk runs with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KioskSettings {
    pub language: Lang,
    pub idle_seconds: f32,
    pub countdown_seconds: f32,
    pub attract_seconds: f32,
    pub pin: String,
    /// The scenes and levels that are on.
    pub offered: Offered,
    pub volume: f32,
    pub stats_url: Option<String>,
    pub pack: Option<String>,
}

impl Default for KioskSettings {
    fn default() -> Self {
        KioskSettings {
            language: Lang::Zh,
            idle_seconds: DEFAULT_IDLE_SECONDS,
            countdown_seconds: DEFAULT_COUNTDOWN_SECONDS,
            attract_seconds: DEFAULT_ATTRACT_SECONDS,
            pin: DEFAULT_PIN.to_string(),
            offered: Offered::default(),
            volume: DEFAULT_VOLUME,
            stats_url: None,
            pack: None,
        }
    }
}

/// A problem with `kiosk.json`: which field, in both languages. The kiosk runs on with the
/// default for that field.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigProblem {
    pub field: String,
    pub zh: String,
    pub en: String,
}

fn seconds(
    field: &str,
    value: Option<f32>,
    default: f32,
    problems: &mut Vec<ConfigProblem>,
) -> f32 {
    match value {
        None => default,
        Some(v) if v.is_finite() && (SHORTEST_SECONDS..=LONGEST_SECONDS).contains(&v) => v,
        Some(v) => {
            problems.push(ConfigProblem {
                field: field.to_string(),
                zh: format!(
                    "{field} 是 {v}，应在 {SHORTEST_SECONDS} 到 {LONGEST_SECONDS} 秒之间；已用默认值 {default}"
                ),
                en: format!(
                    "{field} is {v}; it must be {SHORTEST_SECONDS} to {LONGEST_SECONDS} seconds. Using the default, {default}"
                ),
            });
            default
        }
    }
}

pub fn is_pin(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.chars().all(|c| c.is_ascii_digit())
}

impl KioskSettings {
    /// Settings from the text of `kiosk.json` (None when there is none), with what was wrong.
    pub fn from_file(text: Option<&str>) -> (Self, Vec<ConfigProblem>) {
        let mut problems = Vec::new();
        let file = match text.map(serde_json::from_str::<KioskFile>) {
            None => KioskFile::default(),
            Some(Ok(file)) => file,
            Some(Err(error)) => {
                problems.push(ConfigProblem {
                    field: format!("kiosk.json {}:{}", error.line(), error.column()),
                    zh: format!(
                        "kiosk.json 无法读取（第 {} 行）：{error}；已全部使用默认设置",
                        error.line()
                    ),
                    en: format!(
                        "kiosk.json could not be read (line {}): {error}. Using the defaults",
                        error.line()
                    ),
                });
                KioskFile::default()
            }
        };
        let defaults = KioskSettings::default();
        let language = match file.language.as_deref() {
            None => defaults.language,
            Some(code) => Lang::from_code(code).unwrap_or_else(|| {
                problems.push(ConfigProblem {
                    field: "language".into(),
                    zh: format!("language 是 \"{code}\"，应为 \"zh\" 或 \"en\"；已用中文"),
                    en: format!(
                        "language is \"{code}\"; it must be \"zh\" or \"en\". Using Chinese"
                    ),
                });
                defaults.language
            }),
        };
        let pin = match file.pin {
            None => defaults.pin,
            Some(pin) if is_pin(&pin) => pin,
            Some(_) => {
                problems.push(ConfigProblem {
                    field: "pin".into(),
                    zh: format!("pin 应为 4 到 8 位数字；已用默认值 {DEFAULT_PIN}"),
                    en: format!("pin must be 4 to 8 digits. Using the default, {DEFAULT_PIN}"),
                });
                defaults.pin
            }
        };
        let volume = match file.volume {
            None => defaults.volume,
            Some(v) if (0.0..=1.0).contains(&v) => v,
            Some(v) => {
                problems.push(ConfigProblem {
                    field: "volume".into(),
                    zh: format!("volume 是 {v}，应在 0 到 1 之间；已用 {DEFAULT_VOLUME}"),
                    en: format!("volume is {v}; it must be 0 to 1. Using {DEFAULT_VOLUME}"),
                });
                defaults.volume
            }
        };
        let settings = KioskSettings {
            language,
            idle_seconds: seconds(
                "idle_seconds",
                file.idle_seconds,
                DEFAULT_IDLE_SECONDS,
                &mut problems,
            ),
            countdown_seconds: seconds(
                "countdown_seconds",
                file.countdown_seconds,
                DEFAULT_COUNTDOWN_SECONDS,
                &mut problems,
            ),
            attract_seconds: seconds(
                "attract_seconds",
                file.attract_seconds,
                DEFAULT_ATTRACT_SECONDS,
                &mut problems,
            ),
            pin,
            offered: Offered {
                scenes: file.scenes,
                levels: file.levels.unwrap_or_default(),
            },
            volume,
            stats_url: file.stats_url.filter(|url| !url.trim().is_empty()),
            pack: file.pack,
        };
        (settings, problems)
    }

    /// Applies the URL's test overrides (seconds), each kept within the allowed range.
    pub fn with_overrides<'a>(
        mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Self {
        for (key, value) in pairs {
            let Ok(v) = value.parse::<f32>() else {
                continue;
            };
            let v = v.clamp(SHORTEST_SECONDS, LONGEST_SECONDS);
            match key {
                "idle" => self.idle_seconds = v,
                "countdown" => self.countdown_seconds = v,
                "attract" => self.attract_seconds = v,
                _ => {}
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_gives_the_defaults() {
        let (settings, problems) = KioskSettings::from_file(None);
        assert_eq!(settings, KioskSettings::default());
        assert!(problems.is_empty());
    }

    #[test]
    fn every_field_is_read() {
        let text = r#"{"language": "en", "idle_seconds": 90, "countdown_seconds": 10,
            "attract_seconds": 20, "pin": "13579", "scenes": ["travel"],
            "levels": {"sorting": ["home"]}, "volume": 0.5, "stats_url": "https://x.example/s",
            "pack": "shanghai"}"#;
        let (settings, problems) = KioskSettings::from_file(Some(text));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(settings.language, Lang::En);
        assert_eq!(settings.idle_seconds, 90.0);
        assert_eq!(settings.countdown_seconds, 10.0);
        assert_eq!(settings.attract_seconds, 20.0);
        assert_eq!(settings.pin, "13579");
        let on = &settings.offered;
        assert!(on.scene_on("travel") && !on.scene_on("sorting"));
        assert!(on.level_on("sorting", "home") && !on.level_on("sorting", "street"));
        assert!(on.level_on("travel", "anything"));
        assert_eq!(settings.volume, 0.5);
        assert_eq!(settings.stats_url.as_deref(), Some("https://x.example/s"));
        assert_eq!(settings.pack.as_deref(), Some("shanghai"));
    }

    #[test]
    fn a_bad_field_is_named_and_the_rest_still_read() {
        let text = r#"{"idle_seconds": 0.5, "pin": "12", "volume": 3, "language": "fr",
            "attract_seconds": 40}"#;
        let (settings, problems) = KioskSettings::from_file(Some(text));
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["language", "pin", "volume", "idle_seconds"]);
        assert_eq!(settings.idle_seconds, DEFAULT_IDLE_SECONDS);
        assert_eq!(settings.pin, DEFAULT_PIN);
        assert_eq!(settings.attract_seconds, 40.0);
        assert!(
            problems
                .iter()
                .all(|p| !p.zh.is_empty() && !p.en.is_empty())
        );
    }

    #[test]
    fn a_broken_file_is_reported_with_its_line_and_the_defaults_run() {
        let (settings, problems) = KioskSettings::from_file(Some("{\n  \"idle_seconds\": ,\n}"));
        assert_eq!(settings, KioskSettings::default());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].field.starts_with("kiosk.json 2:"),
            "{:?}",
            problems[0]
        );
    }

    #[test]
    fn a_misspelt_field_is_an_error_not_silently_ignored() {
        let (_, problems) = KioskSettings::from_file(Some(r#"{"idle_second": 30}"#));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].en.contains("idle_second"));
    }

    #[test]
    fn url_overrides_shorten_the_times_for_tests_within_bounds() {
        let settings = KioskSettings::default().with_overrides([
            ("idle", "5"),
            ("countdown", "0"),
            ("attract", "x"),
        ]);
        assert_eq!(settings.idle_seconds, 5.0);
        assert_eq!(settings.countdown_seconds, SHORTEST_SECONDS);
        assert_eq!(settings.attract_seconds, DEFAULT_ATTRACT_SECONDS);
    }
}
