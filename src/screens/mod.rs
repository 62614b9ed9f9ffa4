//! The exhibit's screens and the moves between them.

mod loading;
pub mod packs;
mod results;
mod scene_select;
mod title;

use bevy::prelude::*;

use crate::pack::SceneId;
use crate::pack::live::PackSwitched;
use crate::scenes::PlayRequest;

#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Loading,
    Title,
    SceneSelect,
    Playing(SceneId),
    Results,
    Packs,
    /// Joining a lesson, and a student's lesson page during it.
    Join,
    /// A student's results card at the end of a lesson.
    LessonCard,
    /// The teacher's view: plan, class results, projector.
    Teacher,
    /// A kiosk's staff menu, behind a long press and a PIN.
    Staff,
}

impl Screen {
    pub fn name(self) -> &'static str {
        match self {
            Screen::Loading => "loading",
            Screen::Title => "title",
            Screen::SceneSelect => "scene_select",
            Screen::Playing(_) => "playing",
            Screen::Results => "results",
            Screen::Packs => "packs",
            Screen::Join => "join",
            Screen::LessonCard => "lesson_card",
            Screen::Teacher => "teacher",
            Screen::Staff => "staff",
        }
    }
}

/// What a visitor asked for, from a button, a key or a test.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Navigate {
    Title,
    SceneSelect,
    Play(SceneId, usize),
    Results,
    Packs,
    Join,
    LessonCard,
    Teacher,
    Staff,
}

pub(crate) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<Navigate>()
        .add_plugins((
            loading::plugin,
            title::plugin,
            scene_select::plugin,
            results::plugin,
            packs::plugin,
        ))
        .add_systems(Update, leave_the_old_pack)
        .add_systems(PostUpdate, navigate);
}

fn navigate(
    mut requests: MessageReader<Navigate>,
    mut next: ResMut<NextState<Screen>>,
    mut play: ResMut<PlayRequest>,
) {
    let Some(request) = requests.read().last() else {
        return;
    };
    let target = match *request {
        Navigate::Title => Screen::Title,
        Navigate::SceneSelect => Screen::SceneSelect,
        Navigate::Results => Screen::Results,
        Navigate::Packs => Screen::Packs,
        Navigate::Join => Screen::Join,
        Navigate::LessonCard => Screen::LessonCard,
        Navigate::Teacher => Screen::Teacher,
        Navigate::Staff => Screen::Staff,
        Navigate::Play(scene, level) => {
            *play = PlayRequest { scene, level };
            Screen::Playing(scene)
        }
    };
    // `set` re-enters even the same screen, so "play again" starts afresh.
    next.set(target);
}

/// A round or its results belong to the pack they came from: when another pack starts running,
/// the visitor goes back to choose from the new one.
fn leave_the_old_pack(
    mut switched: MessageReader<PackSwitched>,
    screen: Res<State<Screen>>,
    mut navigate: MessageWriter<Navigate>,
) {
    if switched.read().count() > 0 && matches!(screen.get(), Screen::Playing(_) | Screen::Results) {
        navigate.write(Navigate::SceneSelect);
    }
}
