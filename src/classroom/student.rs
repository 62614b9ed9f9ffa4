//! A student's lesson: joined with the lesson code and a seat number, played level by level with
//! the class's shared questions, each level's answers recorded as its results come up.

use bevy::prelude::*;

use super::lesson::LessonPlan;
use super::result::{Answer, SEATS, SeatResult};
use crate::options::LaunchOptions;
use crate::pack::Localized;
use crate::pack::live::ActivePack;
use crate::platform;
use crate::scenes::{RoundOutcome, SharedSeed};
use crate::screens::{Navigate, Screen};

/// The lesson a student is in.
#[derive(Resource, Clone, Debug)]
pub struct StudentLesson {
    pub code: String,
    pub plan: LessonPlan,
    pub seat: u8,
    /// The answers of each level played so far, in lesson order.
    pub answers: Vec<Vec<Answer>>,
    /// Ended before the last level.
    pub ended_early: bool,
}

impl StudentLesson {
    /// The lesson step to play next.
    pub fn step(&self) -> usize {
        self.answers.len()
    }

    pub fn is_over(&self) -> bool {
        self.ended_early || self.answers.len() >= self.plan.steps.len()
    }

    pub fn result(&self) -> SeatResult {
        SeatResult {
            seat: self.seat,
            steps: self.answers.clone(),
        }
    }

    /// Right answers and questions per topic (each scene of the lesson, in lesson order).
    pub fn topics(&self, pack: &crate::pack::Pack) -> Vec<(Localized, usize, usize)> {
        let mut topics: Vec<(usize, Localized, usize, usize)> = Vec::new();
        for (step, answers) in self.answers.iter().enumerate() {
            let Some(scene) = self.plan.steps.get(step).map(|s| s.scene) else {
                continue;
            };
            let right = answers.iter().filter(|a| a.is_right()).count();
            match topics.iter_mut().find(|(known, ..)| *known == scene) {
                Some((_, _, r, t)) => {
                    *r += right;
                    *t += answers.len();
                }
                None => {
                    let name = pack
                        .scenes
                        .get(scene)
                        .map(|s| crate::i18n::both(&format!("scene.{}.title", s.id().name())))
                        .unwrap_or_default();
                    topics.push((scene, name, right, answers.len()));
                }
            }
        }
        topics
            .into_iter()
            .map(|(_, name, r, t)| (name, r, t))
            .collect()
    }

    pub fn result_code(&self) -> String {
        self.result().code(&self.code)
    }

    /// The file a student saves: the lesson, the seat and the result code, nothing else.
    pub fn result_file(&self) -> (String, String) {
        let name = format!("green-actor-seat-{:02}.json", self.seat);
        let text = serde_json::json!({
            "format": super::RESULT_FILE_FORMAT,
            "lesson": self.code,
            "seat": self.seat,
            "code": self.result_code(),
        });
        (name, format!("{text:#}\n"))
    }
}

/// What the join screen holds while a student types.
#[derive(Resource, Clone, Debug, Default)]
pub struct JoinDraft {
    pub code: String,
    pub seat: String,
    pub problem: Option<Localized>,
}

#[derive(Message, Clone, Debug, PartialEq)]
pub enum StudentRequest {
    /// Join the lesson with this code at this seat.
    Join { code: String, seat: u8 },
    /// Play the lesson's next level, or show the results card after the last.
    Continue,
    /// End the lesson now: the results card shows what was played.
    Finish,
    /// Close the lesson after the card: back to the title, nothing kept.
    Leave,
    /// Save the results card as a small file.
    Save,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<JoinDraft>()
        .add_message::<StudentRequest>()
        .add_systems(Startup, prefill_from_link)
        .add_systems(OnEnter(Screen::Title), open_linked_lesson)
        .add_systems(OnEnter(Screen::Results), record_step)
        .add_systems(OnEnter(Screen::SceneSelect), back_to_the_lesson)
        .add_systems(Update, handle_requests);
}

fn prefill_from_link(options: Res<LaunchOptions>, mut draft: ResMut<JoinDraft>) {
    if let Some(code) = &options.lesson {
        draft.code = code.clone();
    }
}

/// Once the exhibit has loaded (not on a kiosk): a lesson kept on this device goes on where it
/// was; otherwise a lesson link opens the join screen.
fn open_linked_lesson(
    mut commands: Commands,
    options: Res<LaunchOptions>,
    pack: Res<ActivePack>,
    lesson: Option<Res<StudentLesson>>,
    mut seed: ResMut<SharedSeed>,
    mut opened: Local<bool>,
    mut navigate: MessageWriter<Navigate>,
) {
    let classroom = options.mode == crate::options::Mode::Classroom;
    if !classroom || lesson.is_some() || *opened {
        return;
    }
    *opened = true;
    if let Some(kept) = super::student_store::resume(&options, &pack.0) {
        seed.0 = Some(kept.plan.seed(kept.step()));
        navigate.write(if kept.is_over() {
            Navigate::LessonCard
        } else {
            Navigate::Join
        });
        commands.insert_resource(kept);
    } else if options.lesson.is_some() {
        navigate.write(Navigate::Join);
    }
}

/// During a lesson the exhibits' menu is the lesson's own page.
fn back_to_the_lesson(lesson: Option<Res<StudentLesson>>, mut navigate: MessageWriter<Navigate>) {
    if lesson.is_some() {
        navigate.write(Navigate::Join);
    }
}

fn record_step(
    outcome: Option<Res<RoundOutcome>>,
    pack: Res<ActivePack>,
    lesson: Option<ResMut<StudentLesson>>,
) {
    let (Some(outcome), Some(mut lesson)) = (outcome, lesson) else {
        return;
    };
    let step = lesson.step();
    if lesson.is_over() || lesson.plan.target(&pack.0, step) != Some((outcome.scene, outcome.level))
    {
        return;
    }
    let answers = lesson
        .plan
        .questions(&pack.0, step)
        .iter()
        .enumerate()
        .map(|(i, question)| Answer::of(outcome.given.get(i).copied().flatten(), &question.right))
        .collect();
    lesson.answers.push(answers);
}

#[allow(clippy::too_many_arguments)]
fn handle_requests(
    mut commands: Commands,
    mut requests: MessageReader<StudentRequest>,
    pack: Option<Res<ActivePack>>,
    mut lesson: Option<ResMut<StudentLesson>>,
    mut draft: ResMut<JoinDraft>,
    mut seed: ResMut<SharedSeed>,
    options: Res<LaunchOptions>,
    mut navigate: MessageWriter<Navigate>,
) {
    let Some(pack) = pack else { return };
    for request in requests.read() {
        match request {
            StudentRequest::Join { code, seat } => {
                if !SEATS.contains(seat) {
                    draft.problem = Some(Localized::new(
                        format!("座位号是 {} 到 {} 之间的数", SEATS.start(), SEATS.end()),
                        format!("A seat number is from {} to {}", SEATS.start(), SEATS.end()),
                    ));
                    continue;
                }
                match LessonPlan::from_code(code, &pack.0) {
                    Ok(plan) => {
                        draft.problem = None;
                        let joined = StudentLesson {
                            code: plan.code(),
                            plan,
                            seat: *seat,
                            answers: Vec::new(),
                            ended_early: false,
                        };
                        play_step(&joined, &pack, &mut seed, &mut navigate);
                        commands.insert_resource(joined);
                    }
                    Err(error) => draft.problem = Some(error.message()),
                }
            }
            StudentRequest::Continue => {
                let Some(lesson) = lesson.as_deref() else {
                    continue;
                };
                if lesson.is_over() {
                    navigate.write(Navigate::LessonCard);
                } else {
                    play_step(lesson, &pack, &mut seed, &mut navigate);
                }
            }
            StudentRequest::Finish => {
                if let Some(lesson) = lesson.as_deref_mut() {
                    lesson.ended_early = true;
                    navigate.write(Navigate::LessonCard);
                }
            }
            StudentRequest::Leave => {
                commands.remove_resource::<StudentLesson>();
                super::student_store::forget(&options);
                seed.0 = None;
                *draft = JoinDraft::default();
                navigate.write(Navigate::Title);
            }
            StudentRequest::Save => {
                if let Some(lesson) = lesson.as_deref() {
                    let (name, text) = lesson.result_file();
                    platform::save_file(&name, "application/json", text.as_bytes());
                }
            }
        }
    }
}

fn play_step(
    lesson: &StudentLesson,
    pack: &ActivePack,
    seed: &mut SharedSeed,
    navigate: &mut MessageWriter<Navigate>,
) {
    let step = lesson.step();
    if let Some((scene, level)) = lesson.plan.target(&pack.0, step) {
        seed.0 = Some(lesson.plan.seed(step));
        navigate.write(Navigate::Play(scene, level));
    }
}
