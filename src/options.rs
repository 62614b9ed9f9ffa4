//! Launch options: from the URL query on the web (`?lang=en&test=1&seed=7`) and flags on native.

use bevy::prelude::*;

use crate::pack::Lang;

#[derive(Resource, Clone, Debug, PartialEq)]
pub struct LaunchOptions {
    /// A language forced for this launch; otherwise the remembered one, then Chinese.
    pub lang: Option<Lang>,
    /// Publish the read-only test state (`window.greenActor.state()` on the web).
    pub test_hooks: bool,
    /// Seed for the rounds; random when absent.
    pub seed: Option<u64>,
    /// Remember settings (language, mute) between visits.
    pub persist: bool,
    /// The pack to start with.
    pub pack: StartPack,
    /// A lesson's code from its link (`?lesson=CODE`): the join screen opens with it.
    pub lesson: Option<String>,
    /// Who the exhibit is set up for (`?mode=classroom`, the default, or `?mode=kiosk`).
    pub mode: Mode,
    /// A kiosk's times in seconds from the URL (`?idle=5&countdown=3&attract=8`), for tests and
    /// trying it out; they win over `kiosk.json`.
    pub kiosk_times: Vec<(String, String)>,
}

/// The URL keys of a kiosk's times.
pub const KIOSK_TIME_KEYS: [&str; 3] = ["idle", "countdown", "attract"];

/// Who the exhibit is set up for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// A browser at school or at home: the classroom (lessons, results) is on the title screen.
    #[default]
    Classroom,
    /// A walk-up touch screen in a hall: no lessons, nothing a visitor could get lost in.
    Kiosk,
}

/// Which pack the exhibit starts with.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum StartPack {
    /// The pack that ships with the exhibit.
    #[default]
    Builtin,
    /// A pack shipped beside it, by folder name under `assets/packs/` (`?pack=NAME`).
    Named(String),
    /// A pack folder anywhere on disk (native `--pack PATH`).
    Path(std::path::PathBuf),
}

/// A shipped pack's name: lower-case letters, digits, `-` and `_`, so it stays inside `packs/`.
pub fn is_pack_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

impl Default for LaunchOptions {
    fn default() -> Self {
        LaunchOptions {
            lang: None,
            test_hooks: false,
            seed: None,
            persist: true,
            pack: StartPack::Builtin,
            lesson: None,
            mode: Mode::Classroom,
            kiosk_times: Vec::new(),
        }
    }
}

impl LaunchOptions {
    /// Reads `key=value` pairs (URL query or `--key=value` flags).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut options = LaunchOptions::default();
        for (key, value) in pairs {
            match key {
                "lang" => options.lang = Lang::from_code(value),
                "test" => options.test_hooks = value != "0",
                "seed" => options.seed = value.parse().ok(),
                "persist" => options.persist = value != "0",
                "mode" if value == "kiosk" => options.mode = Mode::Kiosk,
                "mode" => options.mode = Mode::Classroom,
                "lesson" if !value.trim().is_empty() => {
                    options.lesson = Some(value.trim().to_string())
                }
                key if KIOSK_TIME_KEYS.contains(&key) => options
                    .kiosk_times
                    .push((key.to_string(), value.to_string())),
                "pack" if is_pack_name(value) => options.pack = StartPack::Named(value.to_string()),
                // Anything else is a link, which the page fetches and the pack manager previews.
                "pack" => info!("?pack={value} is not a shipped pack's name; opening it as a link"),
                _ => {}
            }
        }
        options
    }

    /// Native flags: `--lang=en --test --seed=7 --pack=PATH` (or `--pack PATH`).
    pub fn from_args(args: &[String]) -> Self {
        let pairs: Vec<(String, String)> = args
            .iter()
            .filter_map(|arg| arg.strip_prefix("--"))
            .map(|flag| match flag.split_once('=') {
                Some((key, value)) => (key.to_string(), value.to_string()),
                None => (flag.to_string(), "1".to_string()),
            })
            .collect();
        let mut options = Self::from_pairs(
            pairs
                .iter()
                .filter(|(k, _)| k != "pack")
                .map(|(k, v)| (k.as_str(), v.as_str())),
        );
        let pack = args
            .iter()
            .enumerate()
            .find_map(|(i, arg)| match arg.as_str() {
                "--pack" => args.get(i + 1).cloned(),
                _ => arg.strip_prefix("--pack=").map(str::to_string),
            });
        if let Some(path) = pack {
            options.pack = StartPack::Path(path.into());
        }
        options
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_query_pairs() {
        let options = LaunchOptions::from_pairs([("lang", "en"), ("test", "1"), ("seed", "42")]);
        assert_eq!(options.lang, Some(Lang::En));
        assert!(options.test_hooks);
        assert_eq!(options.seed, Some(42));
    }

    #[test]
    fn a_pack_query_names_a_shipped_pack_and_nothing_outside_it() {
        let named = LaunchOptions::from_pairs([("pack", "shanghai")]);
        assert_eq!(named.pack, StartPack::Named("shanghai".into()));
        for outside in ["../secret", "a/b", "", "Shanghai"] {
            let options = LaunchOptions::from_pairs([("pack", outside)]);
            assert_eq!(options.pack, StartPack::Builtin, "{outside:?}");
        }
    }

    #[test]
    fn a_pack_flag_is_a_path_on_disk() {
        for args in [vec!["--pack=/tmp/my pack"], vec!["--pack", "/tmp/my pack"]] {
            let args: Vec<String> = args.into_iter().map(str::to_string).collect();
            let options = LaunchOptions::from_args(&args);
            assert_eq!(options.pack, StartPack::Path("/tmp/my pack".into()));
        }
    }

    #[test]
    fn classroom_mode_is_the_default_and_a_lesson_link_carries_its_code() {
        assert_eq!(LaunchOptions::default().mode, Mode::Classroom);
        let kiosk = LaunchOptions::from_pairs([("mode", "kiosk")]);
        assert_eq!(kiosk.mode, Mode::Kiosk);
        let lesson = LaunchOptions::from_pairs([("mode", "classroom"), ("lesson", " 1X4K-7QRM ")]);
        assert_eq!(lesson.mode, Mode::Classroom);
        assert_eq!(lesson.lesson.as_deref(), Some("1X4K-7QRM"));
        assert_eq!(LaunchOptions::from_pairs([("lesson", "")]).lesson, None);
    }

    #[test]
    fn reads_flags() {
        let args = vec!["--lang=zh".to_string(), "--test".to_string()];
        let options = LaunchOptions::from_args(&args);
        assert_eq!(options.lang, Some(Lang::Zh));
        assert!(options.test_hooks);
    }
}
