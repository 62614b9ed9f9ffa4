//! UI strings (from `assets/i18n/{zh,en}.json`, compiled in by rust-i18n) and the current language.

use bevy::prelude::*;

use crate::options::LaunchOptions;
use crate::pack::{Lang, Localized};
use crate::platform;

const STORAGE_KEY: &str = "green-actor.lang";

/// The language every visible string is shown in; changing it changes them all at once.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Language(pub Lang);

impl Language {
    /// A UI string by key.
    pub fn t(&self, key: &str) -> String {
        tr(self.0, key)
    }

    /// Pack text in this language.
    pub fn pick<'a>(&self, text: &'a Localized) -> &'a str {
        text.get(self.0)
    }
}

pub fn tr(lang: Lang, key: &str) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// A UI string in both languages, for text kept as `Localized`.
pub fn both(key: &str) -> Localized {
    Localized::new(tr(Lang::Zh, key), tr(Lang::En, key))
}

/// The keys of the Chinese file, the reference both files must match.
pub fn keys() -> Vec<String> {
    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(include_str!(
        "../assets/i18n/zh.json"
    ))
    .map(|map| map.keys().cloned().collect())
    .unwrap_or_default()
}

/// Sent by any screen to switch the language.
#[derive(Message, Clone, Copy, Debug)]
pub struct SetLanguage(pub Lang);

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<SetLanguage>()
        .add_systems(PreStartup, choose_language)
        .add_systems(Update, apply_language);
}

fn choose_language(mut commands: Commands, options: Res<LaunchOptions>) {
    let remembered = options
        .persist
        .then(|| platform::load(STORAGE_KEY))
        .flatten()
        .and_then(|code| Lang::from_code(&code));
    let lang = options.lang.or(remembered).unwrap_or_default();
    commands.insert_resource(Language(lang));
}

fn apply_language(
    mut requests: MessageReader<SetLanguage>,
    mut language: ResMut<Language>,
    options: Res<LaunchOptions>,
) {
    for SetLanguage(lang) in requests.read() {
        if language.0 != *lang {
            language.0 = *lang;
            if options.persist {
                platform::save(STORAGE_KEY, lang.code());
            }
        }
    }
}
