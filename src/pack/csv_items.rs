//! Sorting items from a spreadsheet: a CSV with a header row (UTF-8, with or without the BOM Excel
//! and WPS write) becomes the `items` of a sorting data file. Problems name the row and column.

use serde_json::{Map, Value, json};

use super::problem::{Problem, Severity};
use super::text::Localized;
use super::with_suggestion;

/// The columns every row needs, and the ones it may have.
pub const REQUIRED: [&str; 8] = [
    "id",
    "name_zh",
    "name_en",
    "bin",
    "reason_zh",
    "reason_en",
    "icon",
    "source",
];
pub const OPTIONAL: [&str; 5] = ["tricky", "approx", "tags", "city_note_zh", "city_note_en"];

/// The items of a CSV file's rows, and every problem found, each with its row (as the line) and
/// column (as the path). Rows with problems are left out.
pub fn items_from_csv(file: &str, bytes: &[u8]) -> (Vec<Value>, Vec<Problem>) {
    let problem = |line: Option<usize>, column: &str, message: Localized| Problem {
        file: file.to_string(),
        path: column.to_string(),
        line,
        severity: Severity::Error,
        message,
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        let message = Localized::new(
            "文件不是 UTF-8 编码（可能是 GBK：Excel 和 WPS 的“CSV”默认如此）。请另存为“CSV UTF-8”。",
            "the file is not UTF-8 (perhaps GBK, which Excel and WPS write for plain \"CSV\"); save it as \"CSV UTF-8\"",
        );
        return (Vec::new(), vec![problem(None, "", message)]);
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
            return (Vec::new(), vec![problem(Some(1), "", message)]);
        }
    };
    let mut problems = Vec::new();
    let known: Vec<&str> = REQUIRED.iter().chain(&OPTIONAL).copied().collect();
    for header in &headers {
        if !known.contains(&header.as_str()) {
            let message = Localized::new(
                format!("不认识的列「{header}」"),
                format!("unknown column \"{header}\""),
            );
            problems.push(problem(
                Some(1),
                header,
                with_suggestion(message, header, &known),
            ));
        }
    }
    for column in REQUIRED {
        if !headers.iter().any(|header| header == column) {
            let message = Localized::new(
                format!("缺少列「{column}」（需要：{}）", REQUIRED.join("、")),
                format!(
                    "the column \"{column}\" is missing (needed: {})",
                    REQUIRED.join(", ")
                ),
            );
            problems.push(problem(Some(1), column, message));
        }
    }
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    let mut items = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map(|p| p.line() as usize);
                let message = Localized::new(
                    format!("这一行读不出来：{err}"),
                    format!("this row cannot be read: {err}"),
                );
                problems.push(problem(line, "", message));
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize);
        let cell = |column: &str| {
            headers
                .iter()
                .position(|header| header == column)
                .and_then(|i| record.get(i))
                .unwrap_or("")
        };
        let before = problems.len();
        let mut item = Map::new();
        item.insert("id".into(), json!(cell("id")));
        item.insert(
            "name".into(),
            json!({"zh": cell("name_zh"), "en": cell("name_en")}),
        );
        item.insert("bin".into(), json!(cell("bin")));
        item.insert(
            "reason".into(),
            json!({"zh": cell("reason_zh"), "en": cell("reason_en")}),
        );
        item.insert("icon".into(), json!(cell("icon")));
        item.insert("source".into(), json!(list(cell("source"))));
        item.insert("tags".into(), json!(list(cell("tags"))));
        for column in ["tricky", "approx"] {
            match yes_no(cell(column)) {
                Some(value) => {
                    item.insert(column.into(), json!(value));
                }
                None => {
                    let value = cell(column);
                    let message = Localized::new(
                        format!("「{value}」不是 是/否（可写 是、否、true、false、1、0 或留空）"),
                        format!(
                            "\"{value}\" is not yes or no (write yes, no, true, false, 1, 0 or leave it empty)"
                        ),
                    );
                    problems.push(problem(line, column, message));
                }
            }
        }
        let note = (cell("city_note_zh"), cell("city_note_en"));
        if !note.0.is_empty() || !note.1.is_empty() {
            item.insert("city_note".into(), json!({"zh": note.0, "en": note.1}));
        }
        if problems.len() == before {
            items.push(Value::Object(item));
        }
    }
    (items, problems)
}

/// "S5; S8", "S5，S8" or "S5 S8" → ["S5", "S8"].
fn list(cell: &str) -> Vec<&str> {
    cell.split([',', ';', '，', '；', '、', ' '])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

/// An empty cell is no.
fn yes_no(cell: &str) -> Option<bool> {
    match cell.to_lowercase().as_str() {
        "" | "no" | "false" | "0" | "否" | "n" => Some(false),
        "yes" | "true" | "1" | "是" | "y" => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,name_zh,name_en,bin,reason_zh,reason_en,icon,source,tricky,tags\n";

    #[test]
    fn rows_become_items_with_a_bom_lists_and_yes_no() {
        let csv = format!(
            "\u{feff}{HEADER}R01,报纸,Newspaper,R,可以回收。,It is recycled.,newspaper,\"S5, S8\",是,paper；everyday\n"
        );
        let (items, problems) = items_from_csv("items.csv", csv.as_bytes());
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(items.len(), 1);
        let item = &items[0];
        assert_eq!(item["id"], "R01");
        assert_eq!(item["name"]["zh"], "报纸");
        assert_eq!(item["source"], json!(["S5", "S8"]));
        assert_eq!(item["tags"], json!(["paper", "everyday"]));
        assert_eq!(item["tricky"], true);
        assert_eq!(item["approx"], false, "an absent column is no");
    }

    #[test]
    fn a_misspelt_or_missing_column_is_named_with_a_suggestion() {
        let csv = "id,name_zh,name_en,bin,reason_zh,reason_en,icon,sources\n";
        let (items, problems) = items_from_csv("items.csv", csv.as_bytes());
        assert!(items.is_empty());
        let unknown = problems.iter().find(|p| p.path == "sources").unwrap();
        assert!(
            unknown.message.en.contains("did you mean \"source\""),
            "{unknown:?}"
        );
        let missing = problems.iter().find(|p| p.path == "source").unwrap();
        assert!(missing.message.zh.contains("缺少列「source」"));
        assert_eq!(missing.line, Some(1));
    }

    #[test]
    fn a_bad_cell_names_its_row_and_column_and_only_that_row_is_left_out() {
        let csv = format!(
            "{HEADER}R01,报纸,Newspaper,R,可以。,Yes.,newspaper,S5,maybe,\nR02,纸箱,Box,R,可以。,Yes.,package,S5,,\n"
        );
        let (items, problems) = items_from_csv("items.csv", csv.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["id"], "R02");
        assert_eq!(problems.len(), 1);
        assert_eq!(
            (problems[0].line, problems[0].path.as_str()),
            (Some(2), "tricky")
        );
        assert!(
            problems[0]
                .message
                .en
                .contains("\"maybe\" is not yes or no")
        );
    }

    #[test]
    fn a_gbk_file_is_told_to_be_saved_as_utf8() {
        // "报纸" in GBK.
        let gbk = [
            b"id,name_zh\nR01,".as_slice(),
            &[0xB1, 0xA8, 0xD6, 0xBD],
            b"\n",
        ]
        .concat();
        let (_, problems) = items_from_csv("items.csv", &gbk);
        assert!(problems[0].message.zh.contains("CSV UTF-8"));
        assert!(problems[0].message.en.contains("not UTF-8"));
    }
}
