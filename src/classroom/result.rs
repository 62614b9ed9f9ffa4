//! One seat's answers in a lesson, as a short code the teacher can check: it holds the seat
//! number and, for each question, whether it was right and, when not, which answer was given.
//! Its checksum covers the lesson code, so a code from another lesson or with a changed
//! character is refused. No name, no account, nothing else about the child.

use super::code::{self, Bits, CodeError, Reader};
use crate::pack::Localized;

const VERSION: u64 = 1;
const VERSION_BITS: usize = 2;
const SEAT_BITS: usize = 7;
const STEP_COUNT_BITS: usize = 4;
const QUESTION_COUNT_BITS: usize = 5;
/// A wrong answer's option index; the largest value means no answer in time.
const GIVEN_BITS: usize = 4;
const NO_ANSWER: u64 = (1 << GIVEN_BITS) - 1;

/// Seat numbers a class can use.
pub const SEATS: std::ops::RangeInclusive<u8> = 1..=99;
/// The most questions one step records.
pub const MAX_QUESTIONS: usize = (1 << QUESTION_COUNT_BITS) - 1;

/// How one question was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Right,
    /// The option given, or None when time ran out first.
    Wrong(Option<usize>),
}

impl Answer {
    /// Marks what was given against the options that count as right.
    pub fn of(given: Option<usize>, right: &[usize]) -> Self {
        match given {
            Some(option) if right.contains(&option) => Answer::Right,
            other => Answer::Wrong(other),
        }
    }

    pub fn is_right(self) -> bool {
        self == Answer::Right
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeatResult {
    pub seat: u8,
    /// Per lesson step, the answers in question order.
    pub steps: Vec<Vec<Answer>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultError {
    Code(CodeError),
    Version,
    /// Parts of it are missing or out of range.
    Damaged,
}

impl ResultError {
    pub fn message(self) -> Localized {
        match self {
            ResultError::Code(CodeError::Checksum) => Localized::new(
                "结果码对不上：抄错了，或者来自另一节课".to_string(),
                "The result code does not check: mistyped, or from another lesson".to_string(),
            ),
            ResultError::Code(CodeError::BadCharacter(c)) => Localized::new(
                format!("结果码里不该有「{c}」"),
                format!("A result code has no \"{c}\""),
            ),
            ResultError::Code(CodeError::TooShort) | ResultError::Damaged => Localized::new(
                "结果码不完整".to_string(),
                "The result code is incomplete".to_string(),
            ),
            ResultError::Version => Localized::new(
                "这个结果码来自另一个版本的绿色行动者".to_string(),
                "This result code comes from another version of Green Actor".to_string(),
            ),
        }
    }
}

impl SeatResult {
    pub fn correct(&self) -> usize {
        self.steps.iter().flatten().filter(|a| a.is_right()).count()
    }

    pub fn total(&self) -> usize {
        self.steps.iter().map(Vec::len).sum()
    }

    /// The code for this result in the lesson with `lesson_code`.
    pub fn code(&self, lesson_code: &str) -> String {
        let mut bits = Bits::new();
        bits.push(VERSION, VERSION_BITS);
        bits.push(u64::from(self.seat), SEAT_BITS);
        bits.push(
            self.steps.len().min(super::lesson::MAX_STEPS) as u64,
            STEP_COUNT_BITS,
        );
        for answers in self.steps.iter().take(super::lesson::MAX_STEPS) {
            let answers = &answers[..answers.len().min(MAX_QUESTIONS)];
            bits.push(answers.len() as u64, QUESTION_COUNT_BITS);
            for answer in answers {
                match answer {
                    Answer::Right => bits.push(1, 1),
                    Answer::Wrong(given) => {
                        bits.push(0, 1);
                        let given = given.map_or(NO_ANSWER, |g| (g as u64).min(NO_ANSWER - 1));
                        bits.push(given, GIVEN_BITS);
                    }
                }
            }
        }
        code::encode(&bits, lesson_code)
    }

    pub fn from_code(text: &str, lesson_code: &str) -> Result<Self, ResultError> {
        let bits = code::decode(text, lesson_code).map_err(ResultError::Code)?;
        let mut reader = Reader::new(&bits);
        if reader.take(VERSION_BITS) != Some(VERSION) {
            return Err(ResultError::Version);
        }
        let seat = reader.take(SEAT_BITS).ok_or(ResultError::Damaged)? as u8;
        if !SEATS.contains(&seat) {
            return Err(ResultError::Damaged);
        }
        let step_count = reader.take(STEP_COUNT_BITS).ok_or(ResultError::Damaged)?;
        let mut steps = Vec::new();
        for _ in 0..step_count {
            let count = reader
                .take(QUESTION_COUNT_BITS)
                .ok_or(ResultError::Damaged)?;
            let mut answers = Vec::new();
            for _ in 0..count {
                let answer = match reader.take(1).ok_or(ResultError::Damaged)? {
                    1 => Answer::Right,
                    _ => match reader.take(GIVEN_BITS).ok_or(ResultError::Damaged)? {
                        NO_ANSWER => Answer::Wrong(None),
                        given => Answer::Wrong(Some(given as usize)),
                    },
                };
                answers.push(answer);
            }
            steps.push(answers);
        }
        if !reader.only_padding_left() {
            return Err(ResultError::Damaged);
        }
        Ok(SeatResult { seat, steps })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result() -> SeatResult {
        SeatResult {
            seat: 17,
            steps: vec![
                vec![
                    Answer::Right,
                    Answer::Wrong(Some(2)),
                    Answer::Right,
                    Answer::Wrong(None),
                ],
                vec![Answer::Wrong(Some(0)), Answer::Right],
            ],
        }
    }

    #[test]
    fn a_result_code_reads_back_the_seat_and_every_answer() {
        let code = result().code("ABCD-EFGH");
        assert_eq!(SeatResult::from_code(&code, "ABCD-EFGH"), Ok(result()));
        assert_eq!(result().correct(), 3);
        assert_eq!(result().total(), 6);
    }

    #[test]
    fn a_result_from_another_lesson_is_refused() {
        let code = result().code("ABCD-EFGH");
        assert_eq!(
            SeatResult::from_code(&code, "ABCD-EFGJ"),
            Err(ResultError::Code(CodeError::Checksum))
        );
    }

    #[test]
    fn a_changed_digit_is_refused() {
        let code = result().code("LESSON");
        let mut chars: Vec<char> = code.chars().collect();
        let i = chars.iter().position(|c| *c != '-').unwrap() + 2;
        chars[i] = if chars[i] == '7' { '8' } else { '7' };
        let tampered: String = chars.into_iter().collect();
        assert!(SeatResult::from_code(&tampered, "LESSON").is_err());
    }

    #[test]
    fn a_right_answer_is_any_of_the_right_options() {
        assert_eq!(Answer::of(Some(1), &[0, 1]), Answer::Right);
        assert_eq!(Answer::of(Some(2), &[0, 1]), Answer::Wrong(Some(2)));
        assert_eq!(Answer::of(None, &[0]), Answer::Wrong(None));
    }

    #[test]
    fn a_typical_lesson_result_is_short_enough_to_type() {
        let steps = vec![
            vec![Answer::Right; 8],
            vec![Answer::Wrong(Some(1)); 2],
            vec![Answer::Right; 6],
        ];
        let code = SeatResult { seat: 99, steps }.code("X");
        assert!(code.len() <= 30, "{code} has {} characters", code.len());
    }
}
