//! Classroom mode: a teacher builds a lesson from the running pack and hands out its code; each
//! student enters only a seat number, plays the lesson's levels with the questions the whole class
//! shares, and ends with a results card whose code the teacher gathers into the class table.
//! Nothing about a child is stored or sent anywhere.

pub mod class;
pub mod code;
pub mod lesson;
pub mod qr;
pub mod result;
mod screens;
mod student;
mod student_store;
mod teacher;
mod test_state;

use bevy::prelude::*;

pub use student::{JoinDraft, StudentLesson, StudentRequest};
pub use teacher::{TeacherDesk, TeacherRequest, TeacherTab};

/// The text of a results file (`.json`) a student saves and the teacher drops on the class view.
pub const RESULT_FILE_FORMAT: &str = "green-actor-result";

pub(crate) fn plugin(app: &mut App) {
    app.add_plugins((
        student::plugin,
        student_store::plugin,
        teacher::plugin,
        screens::plugin,
        test_state::plugin,
    ));
}
