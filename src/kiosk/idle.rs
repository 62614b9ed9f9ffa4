//! The two-stage idle reset as a pure clock: play → "Still there?" countdown → attract loop.

/// Where the kiosk is in its cycle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stage {
    /// A visitor is playing (or was, less than the idle time ago).
    Active,
    /// "还在吗？/ Still there?" with the seconds left before the reset.
    Countdown { left: f32 },
    /// Nobody is here: the exhibit plays itself.
    Attract,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Active => "active",
            Stage::Countdown { .. } => "countdown",
            Stage::Attract => "attract",
        }
    }
}

/// What a tick changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdleEvent {
    /// A touch in the attract loop: a visitor arrived.
    Woke,
    CountdownStarted,
    /// A touch during the countdown: the visitor is still there.
    Cancelled,
    /// The countdown ran out: wipe the session, back to the attract loop.
    Reset,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IdleClock {
    pub stage: Stage,
    /// Seconds since the last touch that counted as idle.
    pub idle_for: f32,
}

impl Default for IdleClock {
    /// A kiosk starts in its attract loop.
    fn default() -> Self {
        IdleClock {
            stage: Stage::Attract,
            idle_for: 0.0,
        }
    }
}

impl IdleClock {
    /// Advances by `seconds`. `touched`: any input this frame. `busy`: an animation or narration
    /// is running, which is not idleness.
    pub fn tick(
        &mut self,
        seconds: f32,
        touched: bool,
        busy: bool,
        idle_seconds: f32,
        countdown_seconds: f32,
    ) -> Option<IdleEvent> {
        match self.stage {
            Stage::Attract if touched => {
                self.stage = Stage::Active;
                self.idle_for = 0.0;
                Some(IdleEvent::Woke)
            }
            Stage::Attract => None,
            Stage::Active if touched || busy => {
                self.idle_for = 0.0;
                None
            }
            Stage::Active => {
                self.idle_for += seconds;
                (self.idle_for >= idle_seconds).then(|| {
                    self.stage = Stage::Countdown {
                        left: countdown_seconds,
                    };
                    IdleEvent::CountdownStarted
                })
            }
            Stage::Countdown { .. } if touched => {
                self.stage = Stage::Active;
                self.idle_for = 0.0;
                Some(IdleEvent::Cancelled)
            }
            Stage::Countdown { left } => {
                let left = left - seconds;
                if left <= 0.0 {
                    self.stage = Stage::Attract;
                    self.idle_for = 0.0;
                    Some(IdleEvent::Reset)
                } else {
                    self.stage = Stage::Countdown { left };
                    None
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDLE: f32 = 60.0;
    const COUNTDOWN: f32 = 15.0;

    fn run(clock: &mut IdleClock, seconds: f32, touched: bool, busy: bool) -> Vec<IdleEvent> {
        let mut events = Vec::new();
        let step = 0.25;
        let mut t = 0.0;
        while t < seconds {
            events.extend(clock.tick(step, touched, busy, IDLE, COUNTDOWN));
            t += step;
        }
        events
    }

    fn active() -> IdleClock {
        IdleClock {
            stage: Stage::Active,
            idle_for: 0.0,
        }
    }

    #[test]
    fn a_kiosk_starts_in_its_attract_loop_and_a_touch_wakes_it() {
        let mut clock = IdleClock::default();
        assert_eq!(clock.stage, Stage::Attract);
        assert_eq!(run(&mut clock, 600.0, false, false), []);
        assert_eq!(
            clock.tick(0.1, true, false, IDLE, COUNTDOWN),
            Some(IdleEvent::Woke)
        );
        assert_eq!(clock.stage, Stage::Active);
    }

    #[test]
    fn the_countdown_starts_after_the_idle_time_and_not_before() {
        let mut clock = active();
        assert_eq!(run(&mut clock, IDLE - 0.5, false, false), []);
        assert_eq!(clock.stage, Stage::Active);
        assert_eq!(
            run(&mut clock, 0.5, false, false),
            [IdleEvent::CountdownStarted]
        );
        assert_eq!(clock.stage, Stage::Countdown { left: COUNTDOWN });
    }

    #[test]
    fn a_touch_while_playing_starts_the_idle_time_again() {
        let mut clock = active();
        run(&mut clock, IDLE - 1.0, false, false);
        clock.tick(0.1, true, false, IDLE, COUNTDOWN);
        assert_eq!(run(&mut clock, IDLE - 1.0, false, false), []);
        assert_eq!(clock.stage, Stage::Active);
    }

    #[test]
    fn an_animation_in_progress_is_not_idleness() {
        let mut clock = active();
        assert_eq!(run(&mut clock, IDLE * 3.0, false, true), []);
        assert_eq!(clock.stage, Stage::Active);
        assert_eq!(clock.idle_for, 0.0);
    }

    #[test]
    fn a_touch_in_the_countdown_cancels_it() {
        let mut clock = active();
        run(&mut clock, IDLE + COUNTDOWN / 2.0, false, false);
        assert!(matches!(clock.stage, Stage::Countdown { .. }));
        assert_eq!(
            clock.tick(0.1, true, false, IDLE, COUNTDOWN),
            Some(IdleEvent::Cancelled)
        );
        assert_eq!(clock.stage, Stage::Active);
        assert_eq!(run(&mut clock, IDLE - 1.0, false, false), []);
    }

    #[test]
    fn the_countdown_running_out_resets_to_the_attract_loop() {
        let mut clock = active();
        let events = run(&mut clock, IDLE + COUNTDOWN + 0.5, false, false);
        assert_eq!(events, [IdleEvent::CountdownStarted, IdleEvent::Reset]);
        assert_eq!(clock.stage, Stage::Attract);
    }
}
