//! The class's results: every seat's answers gathered against the lesson's questions, per seat,
//! per question and the most missed, and a CSV that Excel and WPS open as UTF-8.

use std::collections::BTreeMap;

use super::result::{Answer, SeatResult};
use crate::pack::{Lang, Localized, Question};

/// What a lesson step asked: its level's title and its questions, the same for every seat.
#[derive(Clone, Debug, PartialEq)]
pub struct StepQuestions {
    pub title: Localized,
    pub questions: Vec<Question>,
}

/// How one question went across the class.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionTally {
    pub step: usize,
    pub index: usize,
    pub right: usize,
    pub answered: usize,
    /// Wrong answers by what was given (None: no answer in time), and how many seats gave each.
    pub wrong: BTreeMap<Option<usize>, usize>,
}

impl QuestionTally {
    pub fn missed(&self) -> usize {
        self.answered - self.right
    }

    /// The wrong answer given most often, if any was.
    pub fn commonest_wrong(&self) -> Option<(Option<usize>, usize)> {
        self.wrong
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(given, count)| (*given, *count))
    }
}

/// One seat's line of the class table.
#[derive(Clone, Debug, PartialEq)]
pub struct SeatLine {
    pub seat: u8,
    pub correct: usize,
    pub total: usize,
    /// Per step: right and asked.
    pub steps: Vec<(usize, usize)>,
}

/// The results gathered so far; a seat imported again replaces its earlier result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Class {
    pub seats: BTreeMap<u8, SeatResult>,
}

impl Class {
    pub fn add(&mut self, result: SeatResult) {
        self.seats.insert(result.seat, result);
    }

    pub fn lines(&self) -> Vec<SeatLine> {
        self.seats
            .values()
            .map(|result| SeatLine {
                seat: result.seat,
                correct: result.correct(),
                total: result.total(),
                steps: result
                    .steps
                    .iter()
                    .map(|answers| {
                        (
                            answers.iter().filter(|a| a.is_right()).count(),
                            answers.len(),
                        )
                    })
                    .collect(),
            })
            .collect()
    }

    /// Every question of the lesson, with how the class answered it.
    pub fn tallies(&self, lesson: &[StepQuestions]) -> Vec<QuestionTally> {
        let mut tallies: Vec<QuestionTally> = lesson
            .iter()
            .enumerate()
            .flat_map(|(step, asked)| {
                (0..asked.questions.len()).map(move |index| QuestionTally {
                    step,
                    index,
                    right: 0,
                    answered: 0,
                    wrong: BTreeMap::new(),
                })
            })
            .collect();
        for result in self.seats.values() {
            for (step, answers) in result.steps.iter().enumerate() {
                for (index, answer) in answers.iter().enumerate() {
                    let Some(tally) = tallies
                        .iter_mut()
                        .find(|t| t.step == step && t.index == index)
                    else {
                        continue;
                    };
                    tally.answered += 1;
                    match answer {
                        Answer::Right => tally.right += 1,
                        Answer::Wrong(given) => *tally.wrong.entry(*given).or_default() += 1,
                    }
                }
            }
        }
        tallies
    }

    /// The questions most seats missed, most first (ties in lesson order), at most `count`.
    pub fn most_missed(&self, lesson: &[StepQuestions], count: usize) -> Vec<QuestionTally> {
        let mut missed: Vec<QuestionTally> = self
            .tallies(lesson)
            .into_iter()
            .filter(|tally| tally.missed() > 0)
            .collect();
        missed.sort_by(|a, b| {
            b.missed()
                .cmp(&a.missed())
                .then((a.step, a.index).cmp(&(b.step, b.index)))
        });
        missed.truncate(count);
        missed
    }

    /// The share of right answers over every answer the class gave (0 when none came in).
    pub fn accuracy(&self) -> f32 {
        let (right, total) = self.seats.values().fold((0, 0), |(r, t), seat| {
            (r + seat.correct(), t + seat.total())
        });
        if total == 0 {
            0.0
        } else {
            right as f32 / total as f32
        }
    }

    /// The class table as CSV: a byte-order mark first (so Excel and WPS read UTF-8), a row per
    /// seat, a column per step and per question.
    pub fn csv(&self, lesson: &[StepQuestions], lang: Lang) -> Vec<u8> {
        let words = |zh: &str, en: &str| match lang {
            Lang::Zh => zh.to_string(),
            Lang::En => en.to_string(),
        };
        let mut header = vec![
            words("座位", "Seat"),
            words("答对", "Right"),
            words("题数", "Questions"),
            words("正确率", "Accuracy"),
        ];
        for (i, step) in lesson.iter().enumerate() {
            header.push(format!("{}. {}", i + 1, step.title.get(lang)));
        }
        for (i, step) in lesson.iter().enumerate() {
            for (j, question) in step.questions.iter().enumerate() {
                header.push(format!("{}.{} {}", i + 1, j + 1, question.title.get(lang)));
            }
        }
        let mut writer = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
        let _ = writer.write_record(&header);
        for line in self.lines() {
            let result = &self.seats[&line.seat];
            let mut row = vec![
                line.seat.to_string(),
                line.correct.to_string(),
                line.total.to_string(),
                percent(line.correct, line.total),
            ];
            for i in 0..lesson.len() {
                row.push(
                    line.steps
                        .get(i)
                        .map(|(right, asked)| format!("{right}/{asked}"))
                        .unwrap_or_default(),
                );
            }
            for (i, step) in lesson.iter().enumerate() {
                for (j, question) in step.questions.iter().enumerate() {
                    let answer = result.steps.get(i).and_then(|answers| answers.get(j));
                    row.push(match answer {
                        None => String::new(),
                        Some(Answer::Right) => "✓".to_string(),
                        Some(Answer::Wrong(None)) => words("✗ 未作答", "✗ no answer"),
                        Some(Answer::Wrong(Some(given))) => format!(
                            "✗ {}",
                            question.options.get(*given).map_or("?", |o| o.get(lang))
                        ),
                    });
                }
            }
            let _ = writer.write_record(&row);
        }
        writer.into_inner().unwrap_or_default()
    }
}

/// "83%", or empty when nothing was asked.
pub fn percent(right: usize, total: usize) -> String {
    if total == 0 {
        String::new()
    } else {
        format!("{}%", (right as f32 * 100.0 / total as f32).round())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, options: usize) -> Question {
        Question {
            id: id.into(),
            title: Localized::new(format!("{id}（中）"), id.to_string()),
            icon: String::new(),
            options: (0..options)
                .map(|i| Localized::new(format!("选项{i}"), format!("option {i}")))
                .collect(),
            right: vec![0],
            reason: Localized::new("因为", "because"),
            source: Vec::new(),
            approx: false,
        }
    }

    fn lesson() -> Vec<StepQuestions> {
        vec![
            StepQuestions {
                title: Localized::new("分类一", "Sorting, \"one\""),
                questions: vec![question("battery", 4), question("tissue", 4)],
            },
            StepQuestions {
                title: Localized::new("出行", "Travel"),
                questions: vec![question("school", 3)],
            },
        ]
    }

    fn class() -> Class {
        let mut class = Class::default();
        class.add(SeatResult {
            seat: 3,
            steps: vec![
                vec![Answer::Wrong(Some(2)), Answer::Right],
                vec![Answer::Right],
            ],
        });
        class.add(SeatResult {
            seat: 12,
            steps: vec![
                vec![Answer::Wrong(Some(2)), Answer::Wrong(None)],
                vec![Answer::Right],
            ],
        });
        class
    }

    #[test]
    fn each_seat_has_its_totals_and_each_step_its_share() {
        let lines = class().lines();
        assert_eq!(lines.len(), 2);
        assert_eq!((lines[0].seat, lines[0].correct, lines[0].total), (3, 2, 3));
        assert_eq!(lines[0].steps, vec![(1, 2), (1, 1)]);
        assert_eq!((lines[1].seat, lines[1].correct), (12, 1));
    }

    #[test]
    fn a_seat_imported_twice_counts_once_with_its_latest_result() {
        let mut class = class();
        class.add(SeatResult {
            seat: 3,
            steps: vec![vec![Answer::Right, Answer::Right], vec![Answer::Right]],
        });
        assert_eq!(class.seats.len(), 2);
        assert_eq!(class.lines()[0].correct, 3);
    }

    #[test]
    fn each_question_counts_right_and_wrong_answers_by_what_was_given() {
        let tallies = class().tallies(&lesson());
        assert_eq!(tallies.len(), 3);
        assert_eq!((tallies[0].right, tallies[0].answered), (0, 2));
        assert_eq!(tallies[0].commonest_wrong(), Some((Some(2), 2)));
        assert_eq!(tallies[1].wrong.get(&None), Some(&1));
        assert_eq!((tallies[2].right, tallies[2].answered), (2, 2));
    }

    #[test]
    fn the_most_missed_come_first_and_never_a_question_nobody_missed() {
        let missed = class().most_missed(&lesson(), 5);
        let ids: Vec<(usize, usize)> = missed.iter().map(|t| (t.step, t.index)).collect();
        assert_eq!(ids, vec![(0, 0), (0, 1)]);
        assert!((class().accuracy() - 0.5).abs() < 1e-6);
    }

    #[test]
    fn the_csv_starts_with_a_byte_order_mark_and_quotes_what_needs_it() {
        let bytes = class().csv(&lesson(), Lang::Zh);
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0],
            "座位,答对,题数,正确率,1. 分类一,2. 出行,1.1 battery（中）,1.2 tissue（中）,2.1 school（中）"
        );
        assert_eq!(rows[1], "3,2,3,67%,1/2,1/1,✗ 选项2,✓,✓");
        assert_eq!(rows[2], "12,1,3,33%,0/2,1/1,✗ 选项2,✗ 未作答,✓");
        let english = String::from_utf8(class().csv(&lesson(), Lang::En)[3..].to_vec()).unwrap();
        assert!(
            english.starts_with("Seat,Right,Questions,Accuracy,\"1. Sorting, \"\"one\"\"\""),
            "{english}"
        );
    }
}
