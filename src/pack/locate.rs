//! Finds the line of a JSON path in the text it came from, so every problem names its place.

use jsonc_parser::ast::Value;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

/// One step of a JSON path: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Deeper nesting than this is not indexed: the JSON reader refuses it anyway (serde_json stops
/// at 128 levels), and the syntax tree is built recursively, so a hostile file could overflow
/// the stack.
pub const MAX_NESTING: usize = 128;

/// A parsed file that can answer "which line is this path on?".
pub struct LineIndex<'a> {
    text: &'a str,
    root: Option<Value<'a>>,
    /// The byte offset where each line after the first starts, for a line in O(log n).
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let root = (nesting(text) <= MAX_NESTING)
            .then(|| parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default()).ok())
            .flatten()
            .and_then(|parsed| parsed.value);
        let line_starts = text
            .bytes()
            .enumerate()
            .filter(|(_, byte)| *byte == b'\n')
            .map(|(at, _)| at + 1)
            .collect();
        LineIndex {
            text,
            root,
            line_starts,
        }
    }

    /// 1-based line number of a byte offset.
    fn line_at(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|start| *start <= offset) + 1
    }

    /// The 1-based line of the deepest value on `path` that exists in the file.
    pub fn line_of(&self, path: &[Step]) -> Option<usize> {
        self.place_of(path).map(|(line, _)| line)
    }

    /// The 1-based line and column (in characters) of the deepest value on `path` that exists
    /// in the file.
    pub fn place_of(&self, path: &[Step]) -> Option<(usize, usize)> {
        let mut value = self.root.as_ref()?;
        let mut offset = range_start(value);
        for step in path {
            let next = match (step, value) {
                (Step::Key(key), Value::Object(object)) => object
                    .properties
                    .iter()
                    .find(|prop| prop.name.as_str() == key)
                    .map(|prop| (prop.range.start, &prop.value)),
                (Step::Index(index), Value::Array(array)) => array
                    .elements
                    .get(*index)
                    .map(|element| (range_start(element), element)),
                _ => None,
            };
            match next {
                Some((start, child)) => {
                    offset = start;
                    value = child;
                }
                None => break,
            }
        }
        let line = self.line_at(offset);
        let line_start = match line {
            1 => 0,
            _ => self.line_starts[line - 2],
        };
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |before| before.chars().count());
        Some((line, column + 1))
    }
}

/// How deeply arrays and objects nest in a JSON text (brackets inside strings do not count), in
/// one pass.
pub fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn range_start(value: &Value<'_>) -> usize {
    match value {
        Value::StringLit(v) => v.range.start,
        Value::NumberLit(v) => v.range.start,
        Value::BooleanLit(v) => v.range.start,
        Value::Object(v) => v.range.start,
        Value::Array(v) => v.range.start,
        Value::NullKeyword(v) => v.range.start,
    }
}

/// Renders a path the way problems show it: `items[3].reason.en`.
pub fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"items\": [\n    {\"id\": \"a\"},\n    {\n      \"id\": \"b\",\n      \"name\": {\"zh\": \"\"}\n    }\n  ]\n}\n";

    #[test]
    fn the_column_counts_characters_not_bytes() {
        let text = "{\n  \"items\": [\n    {\"id\": \"报纸\", \"bin\": \"X\"}\n  ]\n}";
        let index = LineIndex::new(text);
        let path = [
            Step::Key("items".into()),
            Step::Index(0),
            Step::Key("bin".into()),
        ];
        assert_eq!(index.place_of(&path), Some((3, 18)));
        assert_eq!(index.place_of(&[]), Some((1, 1)));
    }

    #[test]
    fn finds_nested_values() {
        let index = LineIndex::new(TEXT);
        let path = [
            Step::Key("items".into()),
            Step::Index(1),
            Step::Key("name".into()),
        ];
        assert_eq!(index.line_of(&path), Some(6));
        assert_eq!(
            index.line_of(&[Step::Key("items".into()), Step::Index(0)]),
            Some(3)
        );
    }

    #[test]
    fn stops_at_the_deepest_existing_value() {
        let index = LineIndex::new(TEXT);
        let path = [
            Step::Key("items".into()),
            Step::Index(1),
            Step::Key("reason".into()),
        ];
        assert_eq!(index.line_of(&path), Some(4));
    }

    #[test]
    fn lines_come_from_the_offsets_of_line_starts() {
        let index = LineIndex::new(TEXT);
        assert_eq!(index.line_at(0), 1);
        assert_eq!(index.line_at(1), 1, "the newline ends line 1");
        assert_eq!(index.line_at(2), 2);
        assert_eq!(
            index.line_at(TEXT.len() + 10),
            10,
            "past the end: the last line"
        );
    }

    #[test]
    fn nesting_is_counted_outside_strings_and_deep_files_are_not_indexed() {
        assert_eq!(nesting(r#"{"a": [[1], {"b": "[[[{"}]}"#), 3);
        assert_eq!(
            nesting(r#"["\"[", []]"#),
            2,
            "an escaped quote stays in the string"
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let index = LineIndex::new(&deep);
        assert_eq!(
            index.line_of(&[Step::Index(0)]),
            None,
            "no tree, no stack overflow"
        );
    }

    #[test]
    fn renders_paths() {
        let path = [
            Step::Key("items".into()),
            Step::Index(3),
            Step::Key("reason".into()),
        ];
        assert_eq!(render(&path), "items[3].reason");
    }
}
