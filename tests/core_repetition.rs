//! The spaced-repetition schedule (SM-2 with 1/3/7-day first steps), natively, on a
//! fake clock of whole days: good reviews space a card out about 1, 3, 7, 14 and 30
//! days; a miss brings it back tomorrow from the start; a weak (claimed) review never
//! pushes it past a few days; a card is due on its day and not before.

use breadthfirst::core::repetition::{
    Day, Grade, Schedule, DEFAULT_EASE, MAX_EASE, MAX_INTERVAL_DAYS, MIN_EASE, WEAK_CAP_DAYS,
};

/// Reviews a new card created on `start` with each grade on the day it falls due;
/// returns (day reviewed, interval given, ease) for each review.
fn run(start: Day, grades: &[Grade]) -> Vec<(Day, u32, u32)> {
    let mut card = Schedule::new(start);
    grades
        .iter()
        .map(|g| {
            let today = card.due;
            card = card.review(*g, today);
            (today, card.interval, card.ease)
        })
        .collect()
}

#[test]
fn good_reviews_space_a_card_out_about_1_3_7_14_and_30_days() {
    let table = run(100, &[Grade::Good; 6]);
    let days: Vec<_> = table.iter().map(|(day, _, _)| *day).collect();
    let intervals: Vec<_> = table.iter().map(|(_, i, _)| *i).collect();
    assert_eq!(intervals, [1, 3, 7, 14, 28, 56]);
    assert_eq!(days, [100, 101, 104, 111, 125, 153]);
    assert!(table.iter().all(|(_, _, ease)| *ease == DEFAULT_EASE));
}

#[test]
fn a_miss_brings_the_card_back_tomorrow_from_the_first_step_and_lowers_its_ease() {
    use Grade::*;
    let table = run(0, &[Good, Good, Good, Again, Good, Good, Good]);
    let intervals: Vec<_> = table.iter().map(|(_, i, _)| *i).collect();
    // After the miss the ladder starts over; the lower ease makes later steps shorter.
    assert_eq!(intervals, [1, 3, 7, 1, 1, 3, 7]);
    assert_eq!(table[3].2, DEFAULT_EASE - 20);
    let mut card = Schedule::new(0);
    for g in [Good, Good, Good, Again, Good, Good, Good, Good] {
        let today = card.due;
        card = card.review(g, today);
    }
    assert_eq!(card.interval, 13, "7 days at ease 1.8");
    assert_eq!(card.lapses, 1);
}

#[test]
fn a_weak_review_never_pushes_a_card_past_a_few_days_however_well_it_went_before() {
    use Grade::*;
    let table = run(0, &[Good, Good, Good, Good, Hard, Hard, Hard, Hard]);
    for (day, interval, _) in &table[4..] {
        assert!(*interval <= WEAK_CAP_DAYS, "day {day}: {interval} days");
    }
    // Claimed out loud on a new card: back the next day.
    let claimed = Schedule::new(10).review(Hard, 10);
    assert_eq!((claimed.due, claimed.streak), (11, 0));
    // Weak reviews wear the ease down, never below the floor.
    let worn = run(0, &[Hard; 40]);
    assert_eq!(worn.last().unwrap().2, MIN_EASE);
}

#[test]
fn easy_reviews_skip_a_step_and_raise_the_ease_up_to_its_ceiling() {
    use Grade::*;
    let table = run(0, &[Easy, Easy, Easy]);
    let intervals: Vec<_> = table.iter().map(|(_, i, _)| *i).collect();
    assert_eq!(
        intervals[0], 3,
        "a new card known at once skips the first day"
    );
    assert!(intervals[2] > 14, "{intervals:?}");
    let high = run(0, &[Easy; 30]);
    assert!(high
        .iter()
        .all(|(_, i, e)| *e <= MAX_EASE && *i <= MAX_INTERVAL_DAYS));
    assert_eq!(high.last().unwrap().1, MAX_INTERVAL_DAYS);
}

#[test]
fn a_card_is_due_on_its_day_and_not_before() {
    let card = Schedule::new(20).review(Grade::Again, 20);
    assert!(!card.is_due(20), "a miss is not due again the same day");
    assert!(card.is_due(21));
    assert!(card.is_due(40), "overdue is due");
    let new = Schedule::new(20);
    assert!(new.is_due(20) && !new.is_due(19));
}
