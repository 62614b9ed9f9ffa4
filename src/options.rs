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
    /// Folder of the built-in pack under `assets/`.
    pub pack: String,
}

impl Default for LaunchOptions {
    fn default() -> Self {
        LaunchOptions {
            lang: None,
            test_hooks: false,
            seed: None,
            persist: true,
            pack: "packs/default".to_string(),
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
                _ => {}
            }
        }
        options
    }

    /// Native flags: `--lang=en --test --seed=7`.
    pub fn from_args(args: &[String]) -> Self {
        let pairs: Vec<(String, String)> = args
            .iter()
            .filter_map(|arg| arg.strip_prefix("--"))
            .map(|flag| match flag.split_once('=') {
                Some((key, value)) => (key.to_string(), value.to_string()),
                None => (flag.to_string(), "1".to_string()),
            })
            .collect();
        Self::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
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
    fn reads_flags() {
        let args = vec!["--lang=zh".to_string(), "--test".to_string()];
        let options = LaunchOptions::from_args(&args);
        assert_eq!(options.lang, Some(Lang::Zh));
        assert!(options.test_hooks);
    }
}
