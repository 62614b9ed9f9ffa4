//! Anonymous statistics kept on a kiosk: counts per day and hour, nothing about a person (no
//! names, no free text). Bounded: the newest days in detail, older ones rolled up by month.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

/// Days kept in detail; older days are added into their month.
pub const KEPT_DAYS: usize = 60;
const FORMAT: u32 = 1;
const HOURS: usize = 24;

/// A level's counts, under "scene/level".
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct LevelCounts {
    pub started: u32,
    pub completed: u32,
    pub passed: u32,
    pub answers: u32,
    pub right: u32,
}

/// One day's (or a rolled-up month's) counts.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct Counts {
    /// Sessions begun in each hour of the day (local time).
    pub sessions: Vec<u32>,
    pub seconds_in_scene: BTreeMap<String, f64>,
    pub levels: BTreeMap<String, LevelCounts>,
    /// Questions answered wrong or not at all, under "scene/question id".
    pub missed: BTreeMap<String, u32>,
    pub resets: u32,
    /// Restarts after a failure, by kind ("panic", "webgl-lost", …).
    pub crashes: BTreeMap<String, u32>,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.sessions.resize(HOURS, 0);
        for (hour, n) in other.sessions.iter().enumerate().take(HOURS) {
            self.sessions[hour] += n;
        }
        for (scene, s) in &other.seconds_in_scene {
            *self.seconds_in_scene.entry(scene.clone()).or_default() += s;
        }
        for (level, c) in &other.levels {
            let mine = self.levels.entry(level.clone()).or_default();
            mine.started += c.started;
            mine.completed += c.completed;
            mine.passed += c.passed;
            mine.answers += c.answers;
            mine.right += c.right;
        }
        for (item, n) in &other.missed {
            *self.missed.entry(item.clone()).or_default() += n;
        }
        self.resets += other.resets;
        for (kind, n) in &other.crashes {
            *self.crashes.entry(kind.clone()).or_default() += n;
        }
    }
}

/// A finished round, as the statistics count it.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundCount<'a> {
    pub scene: &'a str,
    pub level: &'a str,
    pub passed: bool,
    pub answers: u32,
    pub right: u32,
    /// The ids of the questions missed.
    pub missed: Vec<&'a str>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Stats {
    pub format: u32,
    /// "YYYY-MM-DD" → that day's counts.
    pub days: BTreeMap<String, Counts>,
    /// "YYYY-MM" → the counts of days older than the kept ones.
    pub months: BTreeMap<String, Counts>,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            format: FORMAT,
            days: BTreeMap::new(),
            months: BTreeMap::new(),
        }
    }
}

/// A crash's kind only: the message after it could hold anything, so it is never kept.
pub fn crash_kind(reason: &str) -> String {
    let kind = reason.split(':').next().unwrap_or_default().trim();
    let known = [
        "panic",
        "wasm-trap",
        "webgl-lost",
        "js-error",
        "start-failed",
    ];
    if known.contains(&kind) {
        kind.to_string()
    } else {
        "other".to_string()
    }
}

impl Stats {
    /// Reads the stored statistics; a store that cannot be read starts afresh (`true` when so).
    pub fn from_json(text: Option<&str>) -> (Self, bool) {
        match text.map(serde_json::from_str::<Stats>) {
            None => (Stats::default(), false),
            Some(Ok(stats)) if stats.format == FORMAT => (stats, false),
            Some(_) => (Stats::default(), true),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn day(&mut self, day: &str) -> &mut Counts {
        let counts = self.days.entry(day.to_string()).or_default();
        counts.sessions.resize(HOURS, 0);
        counts
    }

    pub fn session(&mut self, day: &str, hour: u32) {
        let counts = self.day(day);
        counts.sessions[(hour as usize).min(HOURS - 1)] += 1;
        self.roll_up();
    }

    pub fn scene_seconds(&mut self, day: &str, scene: &str, seconds: f64) {
        *self
            .day(day)
            .seconds_in_scene
            .entry(scene.to_string())
            .or_default() += seconds;
    }

    pub fn level_started(&mut self, day: &str, scene: &str, level: &str) {
        self.day(day)
            .levels
            .entry(format!("{scene}/{level}"))
            .or_default()
            .started += 1;
    }

    pub fn round_finished(&mut self, day: &str, round: &RoundCount) {
        let counts = self.day(day);
        let level = counts
            .levels
            .entry(format!("{}/{}", round.scene, round.level))
            .or_default();
        level.completed += 1;
        level.passed += u32::from(round.passed);
        level.answers += round.answers;
        level.right += round.right;
        for item in &round.missed {
            *counts
                .missed
                .entry(format!("{}/{item}", round.scene))
                .or_default() += 1;
        }
    }

    pub fn reset(&mut self, day: &str) {
        self.day(day).resets += 1;
    }

    pub fn crash(&mut self, day: &str, reason: &str) {
        *self.day(day).crashes.entry(crash_kind(reason)).or_default() += 1;
    }

    /// Keeps the newest `KEPT_DAYS` days; older ones are added into their month.
    pub fn roll_up(&mut self) {
        while self.days.len() > KEPT_DAYS {
            let Some((day, counts)) = self.days.pop_first() else {
                break;
            };
            let month = day.get(..7).unwrap_or(&day).to_string();
            self.months.entry(month).or_default().add(&counts);
        }
    }

    /// The most-missed questions of all kept time, most first.
    pub fn most_missed(&self, count: usize) -> Vec<(String, u32)> {
        let mut all = Counts::default();
        for counts in self.days.values().chain(self.months.values()) {
            all.add(counts);
        }
        let mut missed: Vec<_> = all.missed.into_iter().collect();
        missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        missed.truncate(count);
        missed
    }

    pub fn sessions_on(&self, day: &str) -> u32 {
        self.days.get(day).map_or(0, |c| c.sessions.iter().sum())
    }

    /// One row per counted thing: `day,hour,metric,scene,level,item,value`; months have an empty
    /// hour. Every field is a date, a number or an id from the pack.
    pub fn csv(&self) -> String {
        let mut out = String::from("day,hour,metric,scene,level,item,value\n");
        for (when, counts) in self.months.iter().chain(&self.days) {
            write_counts(&mut out, when, counts, when.len() > 7);
        }
        out
    }
}

fn write_counts(out: &mut String, when: &str, counts: &Counts, hourly: bool) {
    let mut row =
        |hour: &str, metric: &str, scene: &str, level: &str, item: &str, value: String| {
            let _ = writeln!(
                out,
                "{when},{hour},{metric},{},{},{},{value}",
                field(scene),
                field(level),
                field(item)
            );
        };
    if hourly {
        for (hour, n) in counts.sessions.iter().enumerate().filter(|(_, n)| **n > 0) {
            row(&hour.to_string(), "sessions", "", "", "", n.to_string());
        }
    } else {
        let total: u32 = counts.sessions.iter().sum();
        if total > 0 {
            row("", "sessions", "", "", "", total.to_string());
        }
    }
    for (scene, seconds) in &counts.seconds_in_scene {
        row(
            "",
            "seconds_in_scene",
            scene,
            "",
            "",
            format!("{seconds:.0}"),
        );
    }
    for (key, c) in &counts.levels {
        let (scene, level) = key.split_once('/').unwrap_or((key, ""));
        for (metric, value) in [
            ("level_started", c.started),
            ("level_completed", c.completed),
            ("level_passed", c.passed),
            ("answers", c.answers),
            ("right_answers", c.right),
        ] {
            row("", metric, scene, level, "", value.to_string());
        }
    }
    for (key, n) in &counts.missed {
        let (scene, item) = key.split_once('/').unwrap_or((key, ""));
        row("", "missed_item", scene, "", item, n.to_string());
    }
    if counts.resets > 0 {
        row("", "resets", "", "", "", counts.resets.to_string());
    }
    for (kind, n) in &counts.crashes {
        row("", "crash", "", "", kind, n.to_string());
    }
}

/// A CSV field: ids never hold commas or quotes, but a pack is a teacher's file, so quote anyway.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round<'a>(level: &'a str, right: u32, missed: Vec<&'a str>) -> RoundCount<'a> {
        RoundCount {
            scene: "sorting",
            level,
            passed: missed.len() <= 1,
            answers: right + missed.len() as u32,
            right,
            missed,
        }
    }

    #[test]
    fn sessions_are_counted_by_hour() {
        let mut stats = Stats::default();
        stats.session("2026-11-29", 10);
        stats.session("2026-11-29", 10);
        stats.session("2026-11-29", 15);
        assert_eq!(stats.days["2026-11-29"].sessions[10], 2);
        assert_eq!(stats.sessions_on("2026-11-29"), 3);
        let csv = stats.csv();
        assert!(csv.contains("2026-11-29,10,sessions,,,,2\n"), "{csv}");
        assert!(csv.contains("2026-11-29,15,sessions,,,,1\n"), "{csv}");
    }

    #[test]
    fn rounds_count_completion_accuracy_and_missed_items() {
        let mut stats = Stats::default();
        let day = "2026-11-29";
        stats.level_started(day, "sorting", "home");
        stats.level_started(day, "sorting", "home");
        stats.round_finished(day, &round("home", 7, vec!["battery"]));
        let home = &stats.days[day].levels["sorting/home"];
        assert_eq!((home.started, home.completed, home.passed), (2, 1, 1));
        assert_eq!((home.answers, home.right), (8, 7));
        assert_eq!(stats.most_missed(3), [("sorting/battery".to_string(), 1)]);
        let csv = stats.csv();
        assert!(csv.contains(",level_started,sorting,home,,2\n"), "{csv}");
        assert!(csv.contains(",right_answers,sorting,home,,7\n"), "{csv}");
        assert!(csv.contains(",missed_item,sorting,,battery,1\n"), "{csv}");
    }

    #[test]
    fn resets_crashes_and_scene_time_are_counted() {
        let mut stats = Stats::default();
        let day = "2026-11-29";
        stats.reset(day);
        stats.crash(day, "panic: index out of bounds at src/x.rs");
        stats.crash(day, "whatever a page said");
        stats.scene_seconds(day, "travel", 42.4);
        let csv = stats.csv();
        assert!(csv.contains(",resets,,,,1\n"));
        assert!(csv.contains(",crash,,,panic,1\n"));
        assert!(csv.contains(",crash,,,other,1\n"));
        assert!(!csv.contains("index out of bounds"), "no free text is kept");
        assert!(csv.contains(",seconds_in_scene,travel,,,42\n"));
    }

    #[test]
    fn old_days_roll_up_into_their_month() {
        let mut stats = Stats::default();
        for day in 1..=30 {
            stats.session(&format!("2026-09-{day:02}"), 9);
        }
        for day in 1..=31 {
            stats.session(&format!("2026-10-{day:02}"), 9);
        }
        stats.session("2026-11-01", 9);
        assert_eq!(stats.days.len(), KEPT_DAYS);
        assert_eq!(stats.days.keys().next().unwrap(), "2026-09-03");
        assert_eq!(stats.months["2026-09"].sessions[9], 2);
        assert!(stats.csv().contains("2026-09,,sessions,,,,2\n"));
    }

    #[test]
    fn a_corrupt_store_starts_afresh() {
        assert_eq!(
            Stats::from_json(Some("{not json")),
            (Stats::default(), true)
        );
        assert!(Stats::from_json(Some(r#"{"format": 99, "days": {}, "months": {}}"#)).1);
        assert_eq!(Stats::from_json(None), (Stats::default(), false));
        let mut stats = Stats::default();
        stats.session("2026-11-29", 8);
        assert_eq!(Stats::from_json(Some(&stats.to_json())), (stats, false));
    }
}
