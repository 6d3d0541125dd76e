//! Spaced repetition (issue 15): every prompt attempted and every checklist item
//! missed becomes a card whose next review is scheduled by how well it went.
//!
//! The schedule is SM-2's (SuperMemo 2): each card carries an ease that grows when
//! it is recalled easily and shrinks when it is not, and a good review multiplies its
//! interval by that ease. SM-2 rather than FSRS because its state is three numbers a
//! user can read ("every 14 days, ease 2.0"), it needs no trained weights or review
//! log to fit them to, and its behaviour is exact to test on a fake clock. Its first
//! steps are shortened to 1, 3 and 7 days (SM-2 has 1 and 6) so a new weak spot comes
//! back within the week, then about 14 and 30 days at the default ease: the spacing
//! coaches recommend for interview practice.
//!
//! Days are whole days counted by the caller (days since the epoch in the user's time
//! zone, say): nothing here reads a clock.

use serde::{Deserialize, Serialize};

/// A day, counted by the caller.
pub type Day = i64;

/// The first good reviews' intervals, in days; later ones multiply by the ease.
pub const FIRST_STEPS: [u32; 3] = [1, 3, 7];
/// A card's ease at first, in hundredths (2.0: a good review doubles the interval).
pub const DEFAULT_EASE: u32 = 200;
/// The lowest ease, in hundredths (SM-2's 1.3).
pub const MIN_EASE: u32 = 130;
/// The highest ease, in hundredths.
pub const MAX_EASE: u32 = 280;
/// The longest interval a weak review (Hard) gives: a weak spot is never mastered.
pub const WEAK_CAP_DAYS: u32 = 3;
/// The longest interval, in days.
pub const MAX_INTERVAL_DAYS: u32 = 365;

/// How a review went: the user's self-grade of a card, or what a check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Not known (missed by the check): back tomorrow, from the start.
    Again,
    /// Known weakly (claimed out loud, not on the board): back within days.
    Hard,
    /// Known (found on the board): pushed out one step.
    Good,
    /// Known at once: pushed out further, and easier from now on.
    Easy,
}

/// One card's schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// The day it is next due.
    pub due: Day,
    /// Days between its last review and `due` (0 for a new card).
    pub interval: u32,
    /// Ease in hundredths (200 = 2.0).
    pub ease: u32,
    /// Good or easy reviews in a row since it was last forgotten.
    pub streak: u32,
    /// Times it was forgotten (graded Again) after a good review.
    pub lapses: u32,
}

impl Schedule {
    /// A new card, due on `today`.
    pub fn new(today: Day) -> Schedule {
        Schedule {
            due: today,
            interval: 0,
            ease: DEFAULT_EASE,
            streak: 0,
            lapses: 0,
        }
    }

    /// Whether it is due on `today` (or overdue).
    pub fn is_due(&self, today: Day) -> bool {
        self.due <= today
    }

    /// The schedule after a review on `today` that went as `grade`.
    pub fn review(&self, grade: Grade, today: Day) -> Schedule {
        let mut next = *self;
        match grade {
            Grade::Again => {
                next.lapses += u32::from(self.streak > 0);
                next.streak = 0;
                next.ease = self.ease.saturating_sub(20).max(MIN_EASE);
                next.interval = 1;
            }
            Grade::Hard => {
                // The streak does not grow: a weak answer never climbs the ladder.
                next.ease = self.ease.saturating_sub(15).max(MIN_EASE);
                next.interval = (self.interval * 6 / 5).clamp(1, WEAK_CAP_DAYS);
            }
            Grade::Good | Grade::Easy => {
                let easy = grade == Grade::Easy;
                let step = self.streak as usize + usize::from(easy);
                next.interval = match FIRST_STEPS.get(step) {
                    Some(days) => *days,
                    None => scaled(self.interval.max(FIRST_STEPS[2]), self.ease),
                };
                if easy {
                    next.ease = (self.ease + 15).min(MAX_EASE);
                    if step >= FIRST_STEPS.len() {
                        next.interval = scaled(next.interval, 130);
                    }
                }
                next.streak = self.streak + 1 + u32::from(easy);
            }
        }
        next.interval = next.interval.min(MAX_INTERVAL_DAYS);
        next.due = today + Day::from(next.interval);
        next
    }
}

/// `days` times `ease` hundredths, rounded to the nearest day.
fn scaled(days: u32, ease: u32) -> u32 {
    (days * ease + 50) / 100
}
