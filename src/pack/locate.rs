//! Finds the line of a JSON path in the text it came from, so every problem names its place.

use jsonc_parser::ast::Value;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

/// One step of a JSON path: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// A parsed file that can answer "which line is this path on?".
pub struct LineIndex<'a> {
    text: &'a str,
    root: Option<Value<'a>>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let root = parse_to_ast(text, &CollectOptions::default(), &ParseOptions::default())
            .ok()
            .and_then(|parsed| parsed.value);
        LineIndex { text, root }
    }

    /// The 1-based line of the deepest value on `path` that exists in the file.
    pub fn line_of(&self, path: &[Step]) -> Option<usize> {
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
        Some(line_at(self.text, offset))
    }
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

/// 1-based line number of a byte offset.
pub fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
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
    fn renders_paths() {
        let path = [
            Step::Key("items".into()),
            Step::Index(3),
            Step::Key("reason".into()),
        ];
        assert_eq!(render(&path), "items[3].reason");
    }
}
