//! A problem found in a pack: where it is and what is wrong, in both languages.

use std::fmt;

use serde::Serialize;

use super::text::{Lang, Localized};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The part it is in cannot be used; the rest of the pack still loads.
    Error,
    /// Worth fixing, but nothing is dropped.
    Warning,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    /// The file inside the pack, relative to the pack folder.
    pub file: String,
    /// The JSON path of the value, e.g. `items[3].reason.en`; empty for the whole file.
    pub path: String,
    /// 1-based line of the value in the file, when it could be found.
    pub line: Option<usize>,
    pub severity: Severity,
    pub message: Localized,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// One line in the given language: `file:line path: message`.
    pub fn describe(&self, lang: Lang) -> String {
        let place = match self.line {
            Some(line) => format!("{}:{}", self.file, line),
            None => self.file.clone(),
        };
        let label = match (self.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Warning, Lang::En) => "warning",
        };
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!(" {}", self.path)
        };
        format!("{place}{path}: {label}: {}", self.message.get(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\n    {}",
            self.describe(Lang::Zh),
            self.message.get(Lang::En)
        )
    }
}
