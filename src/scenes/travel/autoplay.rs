//! The travel scene playing itself (a kiosk's attract loop): it begins the week and takes each
//! trip's lowest-carbon way that fits (now and then another way that can be taken, so the haze
//! shows too) through `TravelAction`, the path taps and keys take, watching each journey.

use bevy::prelude::*;

use super::{Phase, SCREEN, Travel, TravelAction, questions, rules};
use crate::scenes::{Autoplay, autoplaying};

/// How long the arrival card stays before the automated player goes on (seconds).
const READ_ARRIVAL_SECONDS: f32 = 2.5;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        play.before(super::apply_actions).run_if(
            in_state(SCREEN)
                .and_then(resource_exists::<Travel>)
                .and_then(autoplaying),
        ),
    );
}

fn play(
    time: Res<Time>,
    autoplay: Res<Autoplay>,
    travel: Res<Travel>,
    mut waited: Local<f32>,
    mut actions: MessageWriter<TravelAction>,
) {
    if travel.asking_to_leave {
        actions.write(TravelAction::Stay);
        return;
    }
    let wait = match travel.phase {
        Phase::Arrived => READ_ARRIVAL_SECONDS,
        _ => autoplay.pace,
    };
    if !Autoplay::due(&mut waited, time.delta_secs(), wait) {
        return;
    }
    match travel.phase {
        Phase::Intro => {
            actions.write(TravelAction::Begin);
        }
        Phase::Choosing => {
            if let Some(choice) = pick(&travel, autoplay.mistake_every) {
                actions.write(TravelAction::Choose(choice));
            }
        }
        Phase::Arrived => {
            actions.write(TravelAction::Continue);
        }
        Phase::Travelling | Phase::Finished => {}
    }
}

/// The lowest-carbon way that fits, except every `mistake_every`-th trip: then the first other
/// way that can be taken.
fn pick(travel: &Travel, mistake_every: usize) -> Option<usize> {
    let trip = travel.current_trip()?;
    let best = questions::questions(&travel.data, travel.level_index)
        .get(travel.trip)
        .and_then(|question| question.right.first().copied());
    let takeable = |i: &usize| rules::unavailable(&travel.data, trip, &trip.choices[*i]).is_none();
    let other = (0..trip.choices.len())
        .filter(takeable)
        .find(|i| Some(*i) != best);
    let wrong_turn = mistake_every > 0 && (travel.trip + 1).is_multiple_of(mistake_every);
    match (best, other) {
        (Some(_), Some(other)) if wrong_turn => Some(other),
        (Some(best), _) => Some(best),
        (None, other) => other,
    }
}
