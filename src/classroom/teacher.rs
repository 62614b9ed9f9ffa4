//! The teacher's desk: the lesson being planned, the lesson given out, and the class's results as
//! they come in (results files dropped or picked, codes pasted). The lesson code and the result
//! codes are kept on this device so a reload loses nothing; they name no one.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::class::{Class, StepQuestions};
use super::code;
use super::lesson::{LESSON_MINUTES, LessonPlan, MAX_STEPS, Step};
use super::result::SeatResult;
use crate::options::LaunchOptions;
use crate::pack::Localized;
use crate::pack::live::{ActivePack, PackSwitched};
use crate::platform;

/// Where the desk is kept between visits (localStorage on the web).
const STORE_KEY: &str = "green-actor.teacher";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TeacherTab {
    #[default]
    Plan,
    Class,
    Projector,
}

/// What the teacher's view holds.
#[derive(Resource, Clone, Debug, Default)]
pub struct TeacherDesk {
    pub tab: TeacherTab,
    /// The levels chosen so far, in lesson order.
    pub draft: Vec<Step>,
    /// The lesson given out: its code and plan.
    pub lesson: Option<(String, LessonPlan)>,
    pub class: Class,
    /// The result codes as they came in, kept so a reload can rebuild the class.
    pub codes: Vec<String>,
    /// What the last import said (accepted and refused, with why).
    pub notices: Vec<Localized>,
    /// Codes being typed or pasted.
    pub typed: String,
}

impl TeacherDesk {
    /// The lesson's questions, step by step, for the class table.
    pub fn questions(&self, pack: &crate::pack::Pack) -> Vec<StepQuestions> {
        let Some((_, plan)) = &self.lesson else {
            return Vec::new();
        };
        (0..plan.steps.len())
            .map(|step| StepQuestions {
                title: plan.title(pack, step),
                questions: plan.questions(pack, step),
            })
            .collect()
    }

    /// About how many minutes the draft takes, and whether that fits a lesson.
    pub fn draft_minutes(&self, pack: &crate::pack::Pack) -> (f32, bool) {
        let minutes = LessonPlan {
            nonce: 0,
            pack: 0,
            steps: self.draft.clone(),
        }
        .minutes(pack);
        (minutes, minutes <= LESSON_MINUTES)
    }

    /// Takes result codes from any text: a results file's JSON, or codes one per line.
    fn import(&mut self, label: &str, text: &str) {
        let Some((lesson_code, _)) = &self.lesson else {
            self.notices.push(Localized::new(
                format!("{label}：请先生成课堂码，再导入结果"),
                format!("{label}: make the lesson code first, then import results"),
            ));
            return;
        };
        let lesson_code = lesson_code.clone();
        let entries = match serde_json::from_str::<ResultFile>(text) {
            Ok(file) if file.format == super::RESULT_FILE_FORMAT => {
                if code::canonical(&file.lesson) != code::canonical(&lesson_code) {
                    self.notices.push(Localized::new(
                        format!("{label}：来自另一节课（{}），没有导入", file.lesson),
                        format!(
                            "{label}: from another lesson ({}); not imported",
                            file.lesson
                        ),
                    ));
                    return;
                }
                vec![file.code]
            }
            _ => text
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_string)
                .collect(),
        };
        for entry in entries {
            match SeatResult::from_code(&entry, &lesson_code) {
                Ok(result) => {
                    self.notices.push(Localized::new(
                        format!(
                            "{label}：{} 号座位，答对 {} / {}",
                            result.seat,
                            result.correct(),
                            result.total()
                        ),
                        format!(
                            "{label}: seat {}, {} / {} right",
                            result.seat,
                            result.correct(),
                            result.total()
                        ),
                    ));
                    self.codes.retain(|kept| {
                        SeatResult::from_code(kept, &lesson_code).map(|r| r.seat) != Ok(result.seat)
                    });
                    self.codes.push(entry.clone());
                    self.class.add(result);
                }
                Err(error) => {
                    let why = error.message();
                    self.notices.push(Localized::new(
                        format!("{label}：{}", why.zh),
                        format!("{label}: {}", why.en),
                    ));
                }
            }
        }
    }
}

/// A results file as a student's device saves it.
#[derive(Deserialize)]
struct ResultFile {
    format: String,
    lesson: String,
    code: String,
}

/// The desk as kept on the device: codes only.
#[derive(Serialize, Deserialize, Default)]
struct Kept {
    lesson: Option<String>,
    draft: Vec<(usize, usize)>,
    results: Vec<String>,
}

#[derive(Message, Clone, Debug, PartialEq)]
pub enum TeacherRequest {
    Tab(TeacherTab),
    Add(Step),
    Remove(usize),
    MoveUp(usize),
    /// Give out the draft as a lesson (a new code; the class starts empty).
    MakeLesson,
    /// Import a file or typed text: its name for the notices, and its text.
    Import {
        label: String,
        text: String,
    },
    /// Open the file chooser for results files.
    PickFiles,
    /// Save the class table as CSV.
    ExportCsv,
    /// Empty the class table of this lesson.
    ClearClass,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TeacherDesk>()
        .add_message::<TeacherRequest>()
        .add_systems(
            Update,
            (restore_desk, take_dropped_files, handle_requests).chain(),
        );
}

/// Brings back the kept desk once the pack it was made with is running.
fn restore_desk(
    mut restored: Local<bool>,
    mut switched: MessageReader<PackSwitched>,
    options: Res<LaunchOptions>,
    pack: Option<Res<ActivePack>>,
    mut desk: ResMut<TeacherDesk>,
) {
    if switched.read().count() > 0 {
        *restored = false;
    }
    let Some(pack) = pack else { return };
    if *restored || !options.persist {
        return;
    }
    *restored = true;
    let Some(kept) =
        platform::load(STORE_KEY).and_then(|text| serde_json::from_str::<Kept>(&text).ok())
    else {
        return;
    };
    desk.draft = kept
        .draft
        .iter()
        .map(|&(scene, level)| Step { scene, level })
        .filter(|step| {
            pack.0
                .scenes
                .get(step.scene)
                .is_some_and(|s| step.level < s.levels().len())
        })
        .collect();
    desk.lesson = kept
        .lesson
        .and_then(|code| Some((code.clone(), LessonPlan::from_code(&code, &pack.0).ok()?)));
    desk.class = Class::default();
    desk.codes.clear();
    if let Some((lesson_code, _)) = desk.lesson.clone() {
        for code in kept.results {
            if let Ok(result) = SeatResult::from_code(&code, &lesson_code) {
                desk.class.add(result);
                desk.codes.push(code);
            }
        }
    }
}

fn take_dropped_files(mut requests: MessageWriter<TeacherRequest>) {
    for (label, text) in platform::take_result_files() {
        requests.write(TeacherRequest::Import { label, text });
    }
}

fn handle_requests(
    mut requests: MessageReader<TeacherRequest>,
    pack: Option<Res<ActivePack>>,
    options: Res<LaunchOptions>,
    language: Res<crate::i18n::Language>,
    mut desk: ResMut<TeacherDesk>,
) {
    let Some(pack) = pack else { return };
    let mut changed = false;
    for request in requests.read() {
        changed = true;
        match request {
            TeacherRequest::Tab(tab) => desk.tab = *tab,
            TeacherRequest::Add(step) if desk.draft.len() < MAX_STEPS => desk.draft.push(*step),
            TeacherRequest::Add(_) => {}
            TeacherRequest::Remove(i) if *i < desk.draft.len() => {
                desk.draft.remove(*i);
            }
            TeacherRequest::Remove(_) => {}
            TeacherRequest::MoveUp(i) if *i > 0 && *i < desk.draft.len() => {
                desk.draft.swap(*i - 1, *i)
            }
            TeacherRequest::MoveUp(_) => {}
            TeacherRequest::MakeLesson if !desk.draft.is_empty() => {
                let plan = LessonPlan::new(rand::random(), &pack.0, desk.draft.clone());
                desk.lesson = Some((plan.code(), plan));
                desk.class = Class::default();
                desk.codes.clear();
                desk.notices.clear();
            }
            TeacherRequest::MakeLesson => {}
            TeacherRequest::Import { label, text } => {
                desk.notices.clear();
                desk.import(label, text);
                desk.tab = TeacherTab::Class;
            }
            TeacherRequest::PickFiles => platform::pick_result_files(),
            TeacherRequest::ExportCsv => {
                let csv = desk.class.csv(&desk.questions(&pack.0), language.0);
                let name = match &desk.lesson {
                    Some((code, _)) => format!("green-actor-class-{}.csv", code::canonical(code)),
                    None => "green-actor-class.csv".to_string(),
                };
                platform::save_file(&name, "text/csv;charset=utf-8", &csv);
            }
            TeacherRequest::ClearClass => {
                desk.class = Class::default();
                desk.codes.clear();
                desk.notices.clear();
            }
        }
    }
    if changed && options.persist {
        let kept = Kept {
            lesson: desk.lesson.as_ref().map(|(code, _)| code.clone()),
            draft: desk.draft.iter().map(|s| (s.scene, s.level)).collect(),
            results: desk.codes.clone(),
        };
        if let Ok(text) = serde_json::to_string(&kept) {
            platform::save(STORE_KEY, &text);
        }
    }
}
