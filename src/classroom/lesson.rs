//! A lesson: which levels of the running pack a class plays, in what order, with one shared seed so
//! every seat gets the same questions. It travels as a short code (and a link holding it).

use super::code::{self, Bits, CodeError, Reader};
use crate::pack::{Localized, Pack, Question, SceneId};

/// The code layout's version, first in every lesson code.
const VERSION: u64 = 1;
const VERSION_BITS: usize = 2;
/// Tells one lesson from another made from the same levels (and seeds its rounds).
const NONCE_BITS: usize = 20;
/// Enough of the pack's fingerprint to notice a student running another pack.
const PACK_BITS: usize = 10;
const COUNT_BITS: usize = 4;
const SCENE_BITS: usize = 3;
const LEVEL_BITS: usize = 5;

/// The most levels one lesson holds.
pub const MAX_STEPS: usize = (1 << COUNT_BITS) - 1;
/// A school lesson's length, which a plan should fit.
pub const LESSON_MINUTES: f32 = 40.0;

/// One level of a lesson, by its place in the pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// The scene's place among the pack's scenes.
    pub scene: usize,
    /// The level's place among the scene's levels.
    pub level: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonPlan {
    pub nonce: u32,
    pub pack: u32,
    pub steps: Vec<Step>,
}

/// Why a lesson code cannot be played here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonError {
    Code(CodeError),
    /// Made with another version of the code.
    Version,
    /// Made for another pack (or another version of it) than the one running.
    OtherPack,
    /// Names a level the running pack does not have.
    NoSuchLevel,
}

impl LessonError {
    pub fn message(self) -> Localized {
        match self {
            LessonError::Code(CodeError::BadCharacter(c)) => Localized::new(
                format!("课堂码里不该有「{c}」，请再核对一遍"),
                format!("A lesson code has no \"{c}\"; please check it"),
            ),
            LessonError::Code(CodeError::TooShort) => Localized::new(
                "课堂码太短了，请输入完整的码".to_string(),
                "The lesson code is too short; type all of it".to_string(),
            ),
            LessonError::Code(CodeError::Checksum) => Localized::new(
                "课堂码不对：可能有一个字抄错了".to_string(),
                "That lesson code does not check: a character may be mistyped".to_string(),
            ),
            LessonError::Version => Localized::new(
                "这个课堂码来自另一个版本的绿色行动者".to_string(),
                "This lesson code comes from another version of Green Actor".to_string(),
            ),
            LessonError::OtherPack => Localized::new(
                "这节课用的是另一个内容包：请先打开老师的内容包".to_string(),
                "This lesson was made with another pack: open your teacher's pack first"
                    .to_string(),
            ),
            LessonError::NoSuchLevel => Localized::new(
                "这节课里的关卡在当前内容包中找不到".to_string(),
                "A level of this lesson is not in the running pack".to_string(),
            ),
        }
    }
}

impl LessonPlan {
    pub fn new(nonce: u32, pack: &Pack, steps: Vec<Step>) -> Self {
        LessonPlan {
            nonce: nonce & ((1 << NONCE_BITS) - 1),
            pack: fingerprint(pack),
            steps: steps.into_iter().take(MAX_STEPS).collect(),
        }
    }

    pub fn code(&self) -> String {
        let mut bits = Bits::new();
        bits.push(VERSION, VERSION_BITS);
        bits.push(u64::from(self.nonce), NONCE_BITS);
        bits.push(u64::from(self.pack), PACK_BITS);
        bits.push(self.steps.len() as u64, COUNT_BITS);
        for step in &self.steps {
            bits.push(step.scene as u64, SCENE_BITS);
            bits.push(step.level as u64, LEVEL_BITS);
        }
        code::encode(&bits, "")
    }

    /// Reads a lesson code and checks it against the running pack.
    pub fn from_code(text: &str, pack: &Pack) -> Result<Self, LessonError> {
        let bits = code::decode(text, "").map_err(LessonError::Code)?;
        let mut reader = Reader::new(&bits);
        let broken = LessonError::Code(CodeError::TooShort);
        if reader.take(VERSION_BITS) != Some(VERSION) {
            return Err(LessonError::Version);
        }
        let nonce = reader.take(NONCE_BITS).ok_or(broken)? as u32;
        let pack_print = reader.take(PACK_BITS).ok_or(broken)? as u32;
        let count = reader.take(COUNT_BITS).ok_or(broken)? as usize;
        let mut steps = Vec::with_capacity(count);
        for _ in 0..count {
            let scene = reader.take(SCENE_BITS).ok_or(broken)? as usize;
            let level = reader.take(LEVEL_BITS).ok_or(broken)? as usize;
            steps.push(Step { scene, level });
        }
        if pack_print != fingerprint(pack) {
            return Err(LessonError::OtherPack);
        }
        let plan = LessonPlan {
            nonce,
            pack: pack_print,
            steps,
        };
        if plan.steps.is_empty()
            || plan
                .steps
                .iter()
                .any(|step| plan.level_exists(pack, step).is_none())
        {
            return Err(LessonError::NoSuchLevel);
        }
        Ok(plan)
    }

    fn level_exists(&self, pack: &Pack, step: &Step) -> Option<()> {
        let scene = pack.scenes.get(step.scene)?;
        (step.level < scene.levels().len()).then_some(())
    }

    /// The seed of a step's round: the same for every seat of the lesson.
    pub fn seed(&self, step: usize) -> u64 {
        u64::from(self.nonce) << 8 | step as u64
    }

    /// The scene and level of a step.
    pub fn target(&self, pack: &Pack, step: usize) -> Option<(SceneId, usize)> {
        let step = self.steps.get(step)?;
        Some((pack.scenes.get(step.scene)?.id(), step.level))
    }

    /// The questions a step asks every seat.
    pub fn questions(&self, pack: &Pack, step: usize) -> Vec<Question> {
        self.steps
            .get(step)
            .and_then(|s| {
                let scene = pack.scenes.get(s.scene)?;
                Some(scene.data.questions(s.level, self.seed(step)))
            })
            .unwrap_or_default()
    }

    /// About how long the lesson's play takes, in minutes.
    pub fn minutes(&self, pack: &Pack) -> f32 {
        self.steps
            .iter()
            .filter_map(|s| Some(pack.scenes.get(s.scene)?.data.minutes(s.level)))
            .sum()
    }

    /// A step's level title.
    pub fn title(&self, pack: &Pack, step: usize) -> Localized {
        self.steps
            .get(step)
            .and_then(|s| pack.scenes.get(s.scene)?.levels().into_iter().nth(s.level))
            .map(|level| level.title)
            .unwrap_or_default()
    }
}

/// A short mark of the pack a lesson was made with: its id, version, scenes and levels.
pub fn fingerprint(pack: &Pack) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(pack.manifest.id.as_bytes());
    hasher.update(&[0]);
    hasher.update(pack.manifest.version.as_bytes());
    for scene in &pack.scenes {
        hasher.update(&[0]);
        hasher.update(scene.id().name().as_bytes());
        for level in scene.levels() {
            hasher.update(&[1]);
            hasher.update(level.id.as_bytes());
        }
    }
    hasher.finalize() & ((1 << PACK_BITS) - 1)
}
