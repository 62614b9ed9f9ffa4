//! Trips from a spreadsheet: one row a trip, its week named in the `week` column, its ways to go
//! in one cell: `walk 2; bus 2.4 + walk 0.3` (ways separated by `;`, the legs of one way joined
//! by `+`, each leg a mode and its km). The template is `docs/examples/travel-trips.csv`.

use serde_json::{Map, Value, json};

use crate::pack::table::{Columns, Row, cell_problem, number, read_rows, yes_no};
use crate::pack::{Localized, Problem};

pub const COLUMNS: Columns = Columns {
    required: &[
        "week",
        "id",
        "name_zh",
        "name_en",
        "from",
        "to",
        "distance_km",
        "time_limit_minutes",
        "choices",
    ],
    optional: &[
        "travellers",
        "hills",
        "river_crossing",
        "weather",
        "who_zh",
        "who_en",
        "carrying_zh",
        "carrying_en",
    ],
};

/// A trip from a row: the week it joins, its line, and the trip as a level file writes it.
pub struct TableTrip {
    pub week: String,
    pub line: usize,
    pub trip: Value,
}

/// The trips of a table's rows, and every problem found; rows with problems are left out.
pub fn trips(file: &str, bytes: &[u8]) -> (Vec<TableTrip>, Vec<Problem>) {
    let (rows, mut problems) = read_rows(file, bytes, &COLUMNS);
    let mut trips = Vec::new();
    for row in rows {
        match trip(file, &row) {
            Ok(trip) => trips.push(TableTrip {
                week: row.cell("week").to_string(),
                line: row.line,
                trip,
            }),
            Err(problem) => problems.push(*problem),
        }
    }
    (trips, problems)
}

fn trip(file: &str, row: &Row) -> Result<Value, Box<Problem>> {
    let mut trip = Map::new();
    trip.insert("id".into(), json!(row.cell("id")));
    trip.insert(
        "name".into(),
        json!({"zh": row.cell("name_zh"), "en": row.cell("name_en")}),
    );
    trip.insert("from".into(), json!(row.cell("from")));
    trip.insert("to".into(), json!(row.cell("to")));
    trip.insert(
        "distance_km".into(),
        json!(number(file, row, "distance_km")?),
    );
    trip.insert(
        "time_limit_minutes".into(),
        json!(number(file, row, "time_limit_minutes")?),
    );
    if !row.cell("travellers").is_empty() {
        let count = row.cell("travellers").parse::<u32>().map_err(|_| {
            let value = row.cell("travellers");
            Box::new(cell_problem(
                file,
                row.line,
                "travellers",
                Localized::new(
                    format!("「{value}」不是人数（例如 2）"),
                    format!("\"{value}\" is not a number of people (e.g. 2)"),
                ),
            ))
        })?;
        trip.insert("travellers".into(), json!(count));
    }
    for column in ["hills", "river_crossing"] {
        trip.insert(column.into(), json!(yes_no(file, row, column)?));
    }
    if !row.cell("weather").is_empty() {
        trip.insert("weather".into(), json!(row.cell("weather")));
    }
    for field in ["who", "carrying"] {
        let (zh, en) = (
            row.cell(&format!("{field}_zh")),
            row.cell(&format!("{field}_en")),
        );
        if !zh.is_empty() || !en.is_empty() {
            trip.insert(field.into(), json!({"zh": zh, "en": en}));
        }
    }
    trip.insert("choices".into(), choices(file, row)?);
    Ok(Value::Object(trip))
}

/// `walk 2; bus 2.4 + walk 0.3` → two choices, the second of two legs.
fn choices(file: &str, row: &Row) -> Result<Value, Box<Problem>> {
    let cell = row.cell("choices");
    let wrong = |part: &str| {
        Box::new(cell_problem(
            file,
            row.line,
            "choices",
            Localized::new(
                format!(
                    "「{part}」应写成「方式 公里数」，例如 walk 2；几种走法用 ; 隔开，一种走法的几段用 + 连接"
                ),
                format!(
                    "\"{part}\" should be \"mode km\", e.g. walk 2; separate ways with ; and join the legs of one way with +"
                ),
            ),
        ))
    };
    let mut choices = Vec::new();
    for way in cell
        .split([';', '；'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        let mut legs = Vec::new();
        for leg in way.split('+').map(str::trim) {
            let mut words = leg.split_whitespace();
            let (Some(mode), Some(km), None) = (words.next(), words.next(), words.next()) else {
                return Err(wrong(leg));
            };
            let km: f64 = km.parse().map_err(|_| wrong(leg))?;
            legs.push(json!({"mode": mode, "km": km}));
        }
        choices.push(json!({"legs": legs}));
    }
    if choices.is_empty() {
        return Err(wrong(cell));
    }
    Ok(Value::Array(choices))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "week,id,name_zh,name_en,from,to,distance_km,time_limit_minutes,choices,hills\n";

    #[test]
    fn a_row_becomes_a_trip_with_its_ways_and_legs() {
        let csv = format!(
            "{HEADER}w1,t1,上学,To school,home,school,2.4,30,walk 2; bus 2.4 + walk 0.3,是\n"
        );
        let (trips, problems) = trips("trips.csv", csv.as_bytes());
        assert!(problems.is_empty(), "{problems:#?}");
        let trip = &trips[0];
        assert_eq!((trip.week.as_str(), trip.line), ("w1", 2));
        assert_eq!(trip.trip["distance_km"], 2.4);
        assert_eq!(trip.trip["hills"], true);
        assert_eq!(
            trip.trip["choices"][1]["legs"][1],
            json!({"mode": "walk", "km": 0.3})
        );
    }

    #[test]
    fn a_way_without_its_km_names_the_row_and_the_choices_column() {
        let csv = format!("{HEADER}w1,t1,上学,To school,home,school,2.4,30,walk; bus 2,\n");
        let (trips, problems) = trips("trips.csv", csv.as_bytes());
        assert!(trips.is_empty());
        assert_eq!(
            (problems[0].line, problems[0].path.as_str()),
            (Some(2), "choices")
        );
        assert!(
            problems[0]
                .message
                .en
                .contains("\"walk\" should be \"mode km\"")
        );
    }
}
