//! The sorting scene playing itself (a kiosk's attract loop): it begins the round, puts each item
//! in its bin at a steady pace through `SortAction`, the path taps, drags and keys take, gets one
//! wrong now and then so the "why" card shows too, and reads that card before going on.

use bevy::prelude::*;

use super::{Phase, SCREEN, SortAction, Sorting};
use crate::scenes::{Autoplay, autoplaying};

/// How long the "why" card stays before the automated player goes on (seconds).
const READ_FEEDBACK_SECONDS: f32 = 3.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        play.before(super::apply_actions).run_if(
            in_state(SCREEN)
                .and_then(resource_exists::<Sorting>)
                .and_then(autoplaying),
        ),
    );
}

fn play(
    time: Res<Time>,
    autoplay: Res<Autoplay>,
    sorting: Res<Sorting>,
    mut waited: Local<f32>,
    mut answered: Local<usize>,
    mut actions: MessageWriter<SortAction>,
) {
    if sorting.asking_to_leave {
        actions.write(SortAction::Stay);
        return;
    }
    let wait = match sorting.phase {
        Phase::Feedback => READ_FEEDBACK_SECONDS,
        _ => autoplay.pace,
    };
    if !Autoplay::due(&mut waited, time.delta_secs(), wait) {
        return;
    }
    match sorting.phase {
        Phase::Intro => {
            *answered = 0;
            actions.write(SortAction::Begin);
        }
        Phase::Playing => {
            let Some(right) = sorting.round.expected_bin(&sorting.data) else {
                return;
            };
            *answered += 1;
            let bins = sorting.data.bins.len().max(1);
            let bin = if autoplay.mistake_every > 0
                && (*answered).is_multiple_of(autoplay.mistake_every)
            {
                (right + 1) % bins
            } else {
                right
            };
            actions.write(SortAction::Sort(bin));
        }
        Phase::Feedback => {
            actions.write(SortAction::Continue);
        }
        Phase::Finished => {}
    }
}
