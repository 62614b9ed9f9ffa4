//! Spreadsheets in packs: a CSV with a header row (UTF-8, with or without the BOM Excel and WPS
//! write) read into rows a scene turns into its entries (sorting items, travel trips). Problems
//! name the row (as the line) and the column (as the path). Rows merged into a JSON list keep
//! their place: a problem found later about one of them is moved back to its row.

use std::collections::BTreeMap;

use super::problem::{Problem, Severity};
use super::text::Localized;
use super::with_suggestion;

/// The columns a table needs, and the ones it may have.
pub struct Columns {
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
}

/// One row: its line in the file and its cells by column.
pub struct Row {
    pub line: usize,
    cells: BTreeMap<String, String>,
}

impl Row {
    /// The cell of `column`, trimmed; empty when the table has no such column.
    pub fn cell(&self, column: &str) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

/// A problem about one cell (or, with `column` empty, a whole row).
pub fn cell_problem(file: &str, line: usize, column: &str, message: Localized) -> Problem {
    Problem {
        file: file.to_string(),
        path: column.to_string(),
        line: Some(line),
        column: None,
        severity: Severity::Error,
        message,
    }
}

/// Reads a table's rows. A table whose header is wrong gives no rows, only its problems.
pub fn read_rows(file: &str, bytes: &[u8], columns: &Columns) -> (Vec<Row>, Vec<Problem>) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        let message = Localized::new(
            "文件不是 UTF-8 编码（可能是 GBK：Excel 和 WPS 的“CSV”默认如此）。请另存为“CSV UTF-8”。",
            "the file is not UTF-8 (perhaps GBK, which Excel and WPS write for plain \"CSV\"); save it as \"CSV UTF-8\"",
        );
        return (Vec::new(), vec![cell_problem(file, 1, "", message)]);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(str::to_lowercase).collect(),
        Err(err) => {
            let message = Localized::new(
                format!("读不出表头：{err}"),
                format!("cannot read the header row: {err}"),
            );
            return (Vec::new(), vec![cell_problem(file, 1, "", message)]);
        }
    };
    let problems = header_problems(file, &headers, columns);
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut lines = LineCounter::new(text);
    for record in reader.records() {
        match record {
            Ok(record) => rows.push(Row {
                line: record
                    .position()
                    .map_or(0, |p| lines.line_at(p.byte() as usize)),
                cells: headers
                    .iter()
                    .cloned()
                    .zip(record.iter().map(str::to_string))
                    .collect(),
            }),
            Err(err) => {
                let line = err
                    .position()
                    .map_or(0, |p| lines.line_at(p.byte() as usize));
                let message = Localized::new(
                    format!("这一行读不出来：{err}"),
                    format!("this row cannot be read: {err}"),
                );
                problems.push(cell_problem(file, line, "", message));
            }
        }
    }
    (rows, problems)
}

/// The line a record starts on. (The csv crate's own line count is one short after a CRLF line
/// end, as Excel writes them: a record then starts at the LF of the line before.)
struct LineCounter<'t> {
    text: &'t [u8],
    counted_to: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            counted_to: 0,
            line: 1,
        }
    }

    /// Records come in order, so each byte is counted once.
    fn line_at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte > self.counted_to {
            let newlines = self.text[self.counted_to..byte]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line += newlines;
            self.counted_to = byte;
        }
        match self.text.get(byte) {
            Some(b'\n') => self.line + 1,
            _ => self.line,
        }
    }
}

fn header_problems(file: &str, headers: &[String], columns: &Columns) -> Vec<Problem> {
    let known: Vec<&str> = columns
        .required
        .iter()
        .chain(columns.optional)
        .copied()
        .collect();
    let mut problems = Vec::new();
    for header in headers {
        if !known.contains(&header.as_str()) {
            let message = Localized::new(
                format!("不认识的列「{header}」"),
                format!("unknown column \"{header}\""),
            );
            let message = with_suggestion(message, header, &known);
            problems.push(cell_problem(file, 1, header, message));
        }
    }
    for column in columns.required {
        if !headers.iter().any(|header| header == column) {
            let message = Localized::new(
                format!(
                    "缺少列「{column}」（需要：{}）",
                    columns.required.join("、")
                ),
                format!(
                    "the column \"{column}\" is missing (needed: {})",
                    columns.required.join(", ")
                ),
            );
            problems.push(cell_problem(file, 1, column, message));
        }
    }
    problems
}

/// "S5; S8", "S5，S8" or "S5 S8" → ["S5", "S8"].
pub fn list(cell: &str) -> Vec<&str> {
    cell.split([',', ';', '，', '；', '、', ' '])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

/// Yes or no; an empty cell is no.
pub fn yes_no(file: &str, row: &Row, column: &str) -> Result<bool, Box<Problem>> {
    let value = row.cell(column);
    match value.to_lowercase().as_str() {
        "" | "no" | "false" | "0" | "否" | "n" => Ok(false),
        "yes" | "true" | "1" | "是" | "y" => Ok(true),
        _ => Err(Box::new(cell_problem(
            file,
            row.line,
            column,
            Localized::new(
                format!("「{value}」不是 是/否（可写 是、否、true、false、1、0 或留空）"),
                format!(
                    "\"{value}\" is not yes or no (write yes, no, true, false, 1, 0 or leave it empty)"
                ),
            ),
        ))),
    }
}

/// A number in a cell ("2.4", "2,4" is not one).
pub fn number(file: &str, row: &Row, column: &str) -> Result<f64, Box<Problem>> {
    let value = row.cell(column);
    value
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| {
            Box::new(cell_problem(
                file,
                row.line,
                column,
                Localized::new(
                    format!("「{value}」不是数字（例如 2.4）"),
                    format!("\"{value}\" is not a number (e.g. 2.4)"),
                ),
            ))
        })
}

/// A table's entries and every problem found in it.
pub type Converted<T> = (Vec<T>, Vec<Problem>);

/// Every table a scene entry names, converted by `convert` (a scene's rows → entries); a table
/// that cannot be read is reported like any other file.
pub fn read_tables<T>(
    entry: &super::SceneEntry,
    files: &super::Files,
    convert: fn(&str, &[u8]) -> Converted<T>,
) -> (Vec<(String, Vec<T>)>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut tables = Vec::new();
    for path in &entry.tables {
        if let Some(text) = super::file_text(files, path, &mut problems) {
            let (rows, found) = convert(path, text.as_bytes());
            problems.extend(found);
            tables.push((path.clone(), rows));
        }
    }
    (tables, problems)
}

/// Rows of a table merged into a list of a JSON file (`items` of the sorting data, `trips` of a
/// week): entries `first..` of `list` in `into` came from these lines of `table`.
#[derive(Clone, Debug)]
pub struct Merged {
    pub table: String,
    pub into: String,
    pub list: &'static str,
    pub first: usize,
    pub lines: Vec<usize>,
}

/// Moves problems about merged entries to their table's row and column: `items[7].name.en` of
/// the data file becomes line 9, column `name_en` of the table.
pub fn relocate(problems: &mut [Problem], merged: &[Merged]) {
    for problem in problems {
        for rows in merged {
            if problem.file != rows.into {
                continue;
            }
            let Some((index, rest)) = entry_of(&problem.path, rows.list) else {
                continue;
            };
            let Some(line) = index
                .checked_sub(rows.first)
                .and_then(|row| rows.lines.get(row))
            else {
                continue;
            };
            problem.file = rows.table.clone();
            problem.line = Some(*line);
            problem.column = None;
            problem.path = column_of(rest);
            break;
        }
    }
}

/// `items[7].name.en` → (7, "name.en").
fn entry_of<'p>(path: &'p str, list: &str) -> Option<(usize, &'p str)> {
    let rest = path.strip_prefix(list)?.strip_prefix('[')?;
    let (index, rest) = rest.split_once(']')?;
    Some((index.parse().ok()?, rest.trim_start_matches('.')))
}

/// The column a field is written in: `name.en` → `name_en`, `source[1]` → `source`,
/// `choices[0].legs[1].mode` → `choices`.
fn column_of(field: &str) -> String {
    let mut parts = field
        .split('.')
        .map(|part| part.split('[').next().unwrap_or(part));
    match (parts.next(), parts.next()) {
        (Some(first), Some(lang @ ("zh" | "en"))) => format!("{first}_{lang}"),
        (Some(first), _) => first.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: Columns = Columns {
        required: &["id", "name_zh", "source"],
        optional: &["tricky"],
    };

    #[test]
    fn rows_are_read_with_a_bom_and_their_lines() {
        let csv = "\u{feff}id,name_zh,source\nR01,报纸,\"S5, S8\"\nR02,纸箱,S5\n";
        let (rows, problems) = read_rows("t.csv", csv.as_bytes(), &COLUMNS);
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[1].line, rows[1].cell("name_zh")), (3, "纸箱"));
        assert_eq!(list(rows[0].cell("source")), ["S5", "S8"]);
        assert_eq!(rows[0].cell("tricky"), "", "an absent column is empty");
    }

    #[test]
    fn rows_of_a_table_with_windows_line_ends_are_on_their_own_lines() {
        let csv = "id,name_zh,source\r\nR01,报纸,S5\r\nR02,纸箱,S5\r\nR03,\"两\r\n行\",S5\r\nR04,x,S5\r\n";
        let (rows, problems) = read_rows("t.csv", csv.as_bytes(), &COLUMNS);
        assert!(problems.is_empty(), "{problems:#?}");
        let lines: Vec<usize> = rows.iter().map(|row| row.line).collect();
        assert_eq!(lines, [2, 3, 4, 6]);
    }

    #[test]
    fn a_misspelt_or_missing_column_is_named_with_a_suggestion() {
        let (rows, problems) = read_rows("t.csv", b"id,name_zh,sources\n", &COLUMNS);
        assert!(rows.is_empty());
        let unknown = problems.iter().find(|p| p.path == "sources").unwrap();
        assert!(unknown.message.en.contains("did you mean \"source\""));
        let missing = problems.iter().find(|p| p.path == "source").unwrap();
        assert!(missing.message.zh.contains("缺少列「source」"));
        assert_eq!(missing.line, Some(1));
    }

    #[test]
    fn a_gbk_file_is_told_to_be_saved_as_utf8() {
        // "报纸" in GBK.
        let gbk = [b"id,name_zh\nR01,".as_slice(), &[0xB1, 0xA8, 0xD6, 0xBD]].concat();
        let (_, problems) = read_rows("t.csv", &gbk, &COLUMNS);
        assert!(problems[0].message.zh.contains("CSV UTF-8"));
    }

    #[test]
    fn a_bad_yes_no_or_number_names_its_row_and_column() {
        let (rows, _) = read_rows(
            "t.csv",
            b"id,name_zh,source,tricky\nR01,x,S5,maybe\n",
            &COLUMNS,
        );
        let problem = yes_no("t.csv", &rows[0], "tricky").unwrap_err();
        assert_eq!((problem.line, problem.path.as_str()), (Some(2), "tricky"));
        assert!(number("t.csv", &rows[0], "name_zh").is_err());
    }

    #[test]
    fn problems_about_merged_rows_move_to_their_row_and_column() {
        let merged = [Merged {
            table: "items.csv".into(),
            into: "items.json".into(),
            list: "items",
            first: 3,
            lines: vec![2, 3],
        }];
        let problem = |path: &str| Problem {
            file: "items.json".into(),
            path: path.into(),
            line: None,
            column: None,
            severity: Severity::Error,
            message: Localized::new("x", "x"),
        };
        let mut problems = vec![
            problem("items[4].name.en"),
            problem("items[3].source[1]"),
            problem("items[2].bin"),
        ];
        relocate(&mut problems, &merged);
        let placed: Vec<_> = problems
            .iter()
            .map(|p| (p.file.as_str(), p.line, p.path.as_str()))
            .collect();
        assert_eq!(
            placed,
            [
                ("items.csv", Some(3), "name_en"),
                ("items.csv", Some(2), "source"),
                ("items.json", None, "items[2].bin"),
            ]
        );
    }
}
