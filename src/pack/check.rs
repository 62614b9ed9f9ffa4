//! Collects problems for one file of a pack, each with its path, line and a bilingual message.

use std::collections::{BTreeMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_path_to_error::Segment;

use super::locate::{LineIndex, Step, render};
use super::problem::{Problem, Severity};
use super::text::{Lang, Localized, Source};

/// The longest text a pack may show in one place, in characters (a card, not a book; the
/// default pack's longest is under 300).
pub const MAX_TEXT_CHARS: usize = 1000;

/// The key a file may start with to name its JSON Schema.
pub const SCHEMA_KEY: &str = "$schema";

pub struct FileCheck<'a> {
    file: String,
    index: LineIndex<'a>,
    pub problems: Vec<Problem>,
    /// Errors found so far, counted as they come (counting the list would make a file with many
    /// problems take quadratic time).
    errors: usize,
}

impl<'a> FileCheck<'a> {
    pub fn new(file: &str, text: &'a str) -> Self {
        FileCheck {
            file: file.to_string(),
            index: LineIndex::new(text),
            problems: Vec::new(),
            errors: 0,
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn error(&mut self, path: &[Step], message: Localized) {
        self.push(path, Severity::Error, message);
    }

    pub fn warn(&mut self, path: &[Step], message: Localized) {
        self.push(path, Severity::Warning, message);
    }

    fn push(&mut self, path: &[Step], severity: Severity, message: Localized) {
        let place = self.index.place_of(path);
        self.record(Problem {
            file: self.file.clone(),
            path: render(path),
            line: place.map(|(line, _)| line),
            column: place.map(|(_, column)| column),
            severity,
            message,
        });
    }

    fn record(&mut self, problem: Problem) {
        if problem.is_error() {
            self.errors += 1;
        }
        self.problems.push(problem);
    }

    /// Errors found in this file so far.
    pub fn error_count(&self) -> usize {
        self.errors
    }

    /// Decodes `value` into `T`, reporting a failure at `path` and the field under it that failed. Unknown fields are errors, so a
    /// misspelt key is caught rather than silently ignored.
    pub fn decode<T: DeserializeOwned>(&mut self, path: &[Step], value: Value) -> Option<T> {
        match serde_path_to_error::deserialize(value) {
            Ok(decoded) => Some(decoded),
            Err(err) => {
                let message = err.inner().to_string();
                let mut at = path.to_vec();
                at.extend(err.path().iter().filter_map(|segment| match segment {
                    Segment::Seq { index } => Some(Step::Index(*index)),
                    Segment::Map { key } | Segment::Enum { variant: key } => {
                        Some(Step::Key(key.clone()))
                    }
                    Segment::Unknown => None,
                }));
                self.error(&at, serde_message(&message));
                None
            }
        }
    }

    /// The icon must be one of the library's (`assets/sprites/icons/index.json`) or, written as
    /// a path ending in `.png`, one of the pack's own pictures.
    pub fn icon(&mut self, path: &[Step], icon: &str, pictures: &super::pictures::Pictures) {
        if super::pictures::is_picture(icon) {
            if !pictures.contains_key(icon) {
                let known: Vec<&str> = pictures.keys().map(String::as_str).collect();
                let message = Localized::new(
                    format!("内容包里没有图片「{icon}」，或者它没有通过检查（见它自己的问题）"),
                    format!(
                        "there is no picture \"{icon}\" in the pack, or it was refused (see its own problem)"
                    ),
                );
                self.error(path, super::with_suggestion(message, icon, &known));
            }
        } else if !crate::icons::exists(icon) {
            let known: Vec<&str> = crate::icons::names().iter().map(String::as_str).collect();
            let message = Localized::new(
                format!("没有名为「{icon}」的图标"),
                format!("there is no icon named \"{icon}\""),
            );
            self.error(path, super::with_suggestion(message, icon, &known));
        }
    }

    /// Both languages must be present and non-empty, and neither longer than [`MAX_TEXT_CHARS`].
    pub fn localized(&mut self, path: &[Step], text: &Localized) {
        for lang in [Lang::Zh, Lang::En] {
            let chars = text.get(lang).chars().count();
            if chars > MAX_TEXT_CHARS {
                let mut at = path.to_vec();
                at.push(key(lang.code()));
                self.error(
                    &at,
                    Localized::new(
                        format!("文字太长（{chars} 个字符），最多 {MAX_TEXT_CHARS} 个"),
                        format!(
                            "the text is too long ({chars} characters; at most {MAX_TEXT_CHARS})"
                        ),
                    ),
                );
            }
        }
        for lang in text.missing() {
            let mut at = path.to_vec();
            at.push(key(lang.code()));
            let (zh, en) = match lang {
                Lang::Zh => ("中文", "Chinese"),
                Lang::En => ("英文", "English"),
            };
            self.error(
                &at,
                Localized::new(format!("缺少{zh}文本"), format!("the {en} text is empty")),
            );
        }
    }

    /// A fact needs at least one source, and each must be listed in the manifest.
    pub fn sources(&mut self, path: &[Step], keys: &[String], known: &BTreeMap<String, Source>) {
        let mut at = path.to_vec();
        at.push(key("source"));
        if keys.is_empty() {
            self.error(
                &at,
                Localized::new(
                    "这条事实没有注明来源",
                    "this fact has no source; every fact must cite one",
                ),
            );
        }
        for (i, source) in keys.iter().enumerate() {
            if !known.contains_key(source) {
                let mut at = at.clone();
                at.push(Step::Index(i));
                self.error(
                    &at,
                    Localized::new(
                        format!("来源「{source}」未在 pack.json 的 sources 中列出"),
                        format!("source \"{source}\" is not listed in pack.json sources"),
                    ),
                );
            }
        }
    }

    /// Ids within one list must be present and unique; each entry is given with its path.
    pub fn unique_ids<'i>(&mut self, ids: impl IntoIterator<Item = (&'i [Step], &'i str)>) {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            let mut at = path.to_vec();
            at.push(key("id"));
            if id.trim().is_empty() {
                self.error(&at, Localized::new("id 不能为空", "the id is empty"));
            } else if !seen.insert(id) {
                self.error(
                    &at,
                    Localized::new(
                        format!("id「{id}」重复了"),
                        format!("the id \"{id}\" is used twice"),
                    ),
                );
            }
        }
    }
}

pub fn key(name: &str) -> Step {
    Step::Key(name.to_string())
}

/// Parses a file's text as JSON, reporting a syntax error with its line and column.
pub fn parse_json(check: &mut FileCheck<'_>, text: &str) -> Option<Value> {
    match serde_json::from_str(text) {
        Ok(mut value) => {
            // The schema a file names is for editors; the checker reads the rest.
            if let Value::Object(fields) = &mut value {
                fields.remove(SCHEMA_KEY);
            }
            Some(value)
        }
        Err(err) => {
            let file = check.file().to_string();
            check.record(Problem {
                file,
                path: String::new(),
                line: Some(err.line()),
                column: Some(err.column()),
                severity: Severity::Error,
                message: Localized::new(
                    format!(
                        "JSON 格式错误（第 {} 行第 {} 列）：{}",
                        err.line(),
                        err.column(),
                        syntax_zh(&err)
                    ),
                    format!(
                        "invalid JSON at line {}, column {}: {err}",
                        err.line(),
                        err.column()
                    ),
                ),
            });
            None
        }
    }
}

fn syntax_zh(err: &serde_json::Error) -> &'static str {
    use serde_json::error::Category;
    if err.to_string().starts_with("recursion limit exceeded") {
        return "括号嵌套太深（超过 128 层），无法读取";
    }
    match err.classify() {
        Category::Eof => "文件意外结束，可能少了括号或引号",
        Category::Syntax => "语法错误，请检查逗号、引号和括号",
        Category::Data | Category::Io => "数据错误",
    }
}

/// Gives serde's English message a Chinese counterpart for the common cases.
pub fn serde_message(message: &str) -> Localized {
    let quoted = message
        .split('`')
        .nth(1)
        .map(str::to_string)
        .unwrap_or_default();
    let zh = if message.starts_with("missing field") {
        format!("缺少字段「{quoted}」")
    } else if message.starts_with("unknown field") {
        format!("未知字段「{quoted}」（是否拼写错误？）")
    } else if message.starts_with("unknown variant") {
        format!("不支持的取值「{quoted}」")
    } else if message.starts_with("invalid type") {
        format!("类型不对：{message}")
    } else if message.starts_with("duplicate field") {
        format!("字段「{quoted}」写了两次")
    } else {
        format!("数据有误：{message}")
    };
    Localized::new(zh, message.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_missing_and_unknown_fields() {
        assert_eq!(
            serde_message("missing field `reason`").zh,
            "缺少字段「reason」"
        );
        assert!(
            serde_message("unknown field `reson`, expected one of `id`")
                .zh
                .contains("reson")
        );
    }

    #[test]
    fn syntax_errors_carry_their_line() {
        let text = "{\n  \"a\": 1,\n  \"b\": \n}";
        let mut check = FileCheck::new("x.json", text);
        assert!(parse_json(&mut check, text).is_none());
        assert_eq!(check.problems[0].line, Some(4));
    }
}
