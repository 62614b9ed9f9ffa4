//! Sorting items from a spreadsheet: one row an item (the template is
//! `docs/examples/sorting-items.csv`). Used by `pack from-csv` and by a pack's `tables`.

use serde_json::{Map, Value, json};

use crate::pack::Problem;
use crate::pack::table::{Columns, Row, list, read_rows, yes_no};

pub const COLUMNS: Columns = Columns {
    required: &[
        "id",
        "name_zh",
        "name_en",
        "bin",
        "reason_zh",
        "reason_en",
        "icon",
        "source",
    ],
    optional: &["tricky", "approx", "tags", "city_note_zh", "city_note_en"],
};

/// The items of a table's rows with each row's line, and every problem found; rows with problems
/// are left out.
pub fn items(file: &str, bytes: &[u8]) -> (Vec<(usize, Value)>, Vec<Problem>) {
    let (rows, mut problems) = read_rows(file, bytes, &COLUMNS);
    let mut items = Vec::new();
    for row in rows {
        match item(file, &row) {
            Ok(item) => items.push((row.line, item)),
            Err(problem) => problems.push(*problem),
        }
    }
    (items, problems)
}

fn item(file: &str, row: &Row) -> Result<Value, Box<Problem>> {
    let mut item = Map::new();
    item.insert("id".into(), json!(row.cell("id")));
    item.insert(
        "name".into(),
        json!({"zh": row.cell("name_zh"), "en": row.cell("name_en")}),
    );
    item.insert("bin".into(), json!(row.cell("bin")));
    item.insert(
        "reason".into(),
        json!({"zh": row.cell("reason_zh"), "en": row.cell("reason_en")}),
    );
    item.insert("icon".into(), json!(row.cell("icon")));
    item.insert("source".into(), json!(list(row.cell("source"))));
    item.insert("tags".into(), json!(list(row.cell("tags"))));
    for column in ["tricky", "approx"] {
        item.insert(column.into(), json!(yes_no(file, row, column)?));
    }
    let note = (row.cell("city_note_zh"), row.cell("city_note_en"));
    if !note.0.is_empty() || !note.1.is_empty() {
        item.insert("city_note".into(), json!({"zh": note.0, "en": note.1}));
    }
    Ok(Value::Object(item))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,name_zh,name_en,bin,reason_zh,reason_en,icon,source,tricky,tags\n";

    #[test]
    fn rows_become_items_with_lists_and_yes_no() {
        let csv = format!(
            "\u{feff}{HEADER}R01,报纸,Newspaper,R,可以回收。,It is recycled.,newspaper,\"S5, S8\",是,paper；everyday\n"
        );
        let (items, problems) = items("items.csv", csv.as_bytes());
        assert!(problems.is_empty(), "{problems:#?}");
        let (line, item) = &items[0];
        assert_eq!(*line, 2);
        assert_eq!(item["name"]["zh"], "报纸");
        assert_eq!(item["source"], json!(["S5", "S8"]));
        assert_eq!(item["tags"], json!(["paper", "everyday"]));
        assert_eq!(item["tricky"], true);
        assert_eq!(item["approx"], false, "an absent column is no");
    }

    #[test]
    fn a_bad_cell_names_its_row_and_column_and_only_that_row_is_left_out() {
        let csv = format!(
            "{HEADER}R01,报纸,Newspaper,R,可以。,Yes.,newspaper,S5,maybe,\nR02,纸箱,Box,R,可以。,Yes.,package,S5,,\n"
        );
        let (items, problems) = items("items.csv", csv.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].1["id"], "R02");
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
}
