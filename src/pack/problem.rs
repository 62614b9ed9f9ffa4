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
    /// 1-based column (in characters) where the value starts on that line, when known.
    pub column: Option<usize>,
    pub severity: Severity,
    pub message: Localized,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// One line in the given language: `file:line:column path: message`.
    pub fn describe(&self, lang: Lang) -> String {
        let place = match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.file),
            (Some(line), None) => format!("{}:{line}", self.file),
            _ => self.file.clone(),
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

/// A report lists at most this many problems; the rest are counted in one line (a pack with
/// twenty thousand broken items should not print, log or draw twenty thousand lines).
pub const MAX_LISTED_PROBLEMS: usize = 200;

/// The problems a report lists, and a line for the ones left out, if any.
pub fn listed<'a>(
    problems: impl IntoIterator<Item = &'a Problem>,
) -> (Vec<&'a Problem>, Option<Localized>) {
    let mut shown = Vec::new();
    let mut left_out = 0usize;
    for problem in problems {
        if shown.len() < MAX_LISTED_PROBLEMS {
            shown.push(problem);
        } else {
            left_out += 1;
        }
    }
    let more = (left_out > 0).then(|| {
        Localized::new(
            format!("……还有 {left_out} 个问题没有列出（只列出前 {MAX_LISTED_PROBLEMS} 个）"),
            format!("… and {left_out} more problems not listed (only the first {MAX_LISTED_PROBLEMS} are)"),
        )
    });
    (shown, more)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(i: usize) -> Problem {
        Problem {
            file: "items.json".into(),
            path: format!("items[{i}]"),
            line: Some(i + 1),
            column: None,
            severity: Severity::Error,
            message: Localized::new("重复", "duplicate"),
        }
    }

    #[test]
    fn a_long_report_lists_the_first_problems_and_counts_the_rest() {
        let many: Vec<Problem> = (0..MAX_LISTED_PROBLEMS + 7).map(problem).collect();
        let (shown, more) = listed(&many);
        assert_eq!(shown.len(), MAX_LISTED_PROBLEMS);
        assert_eq!(shown[0].path, "items[0]");
        let more = more.expect("the rest are counted");
        assert!(more.en.contains("7 more") && more.zh.contains("还有 7 个"));
        let few: Vec<Problem> = (0..3).map(problem).collect();
        assert_eq!(listed(&few), (few.iter().collect(), None));
    }
}
