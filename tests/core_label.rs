//! Box names that fit their box: wrapping with long words broken, the kind line kept,
//! boxes that grow to fit their name, one layout for the canvas and the exports.

mod common;

use breadthfirst::core::diagram::{
    fit_size, label_layout, text_width, wrap_text, wrap_words, Applied, Board, Command,
    ComponentId, ComponentKind, Point, Size, LABEL_LEFT, LABEL_PX, MAX_LABEL_CHARS,
};
use common::Rng;

/// Names as users write them, the examples first.
const NAMES: [&str; 10] = [
    "Metrics + alerting",
    "Message queue",
    "Notification fan-out workers (per channel)",
    "Links (DynamoDB)",
    "supercalifragilisticexpialidociousservicename",
    "POST /notify",
    "Redis",
    "Object storage for thumbnails and originals",
    "Kafka",
    "Read replicas in three regions, promoted on failover",
];

fn new_box(board: &mut Board, kind: ComponentKind, label: Option<&str>) -> ComponentId {
    match board.apply(Command::AddComponent {
        kind,
        at: Point::new(100.0, 100.0),
        label: label.map(String::from),
    }) {
        Ok(Applied::Added(id)) => id,
        other => panic!("add failed: {other:?}"),
    }
}

/// The words of a text with every space removed: what wrapping must keep.
fn letters(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn wrapping_keeps_every_letter_and_no_line_is_wider_than_asked() {
    let mut rng = Rng::new(7);
    let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyzMW il.-/".chars().collect();
    for _ in 0..500 {
        let len = 1 + rng.below(MAX_LABEL_CHARS);
        let text: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let width = 20.0 + rng.below(200) as f64;
        let lines = wrap_words(&text, width, LABEL_PX);
        assert_eq!(lines.concat().replace(' ', ""), letters(&text), "{text:?}");
        for line in &lines {
            let one_char = line.chars().count() == 1;
            assert!(
                one_char || text_width(line, LABEL_PX) <= width + 1e-9,
                "{line:?} is wider than {width} in {text:?}"
            );
            assert_eq!(line.trim(), line, "a line starts or ends with a space");
        }
    }
}

#[test]
fn a_long_unbroken_word_is_broken_across_lines_not_cut() {
    let word = "supercalifragilisticexpialidociousservicename";
    let lines = wrap_words(word, 90.0, LABEL_PX);
    assert!(lines.len() >= 3, "{lines:?}");
    assert_eq!(lines.concat(), word);
}

#[test]
fn wrapping_to_fewer_lines_cuts_the_last_with_an_ellipsis_only_when_needed() {
    let text = "Read replicas in three regions, promoted on failover";
    let all = wrap_words(text, 80.0, LABEL_PX);
    assert!(all.len() > 2);
    assert_eq!(wrap_text(text, 80.0, LABEL_PX, all.len()), all);
    let two = wrap_text(text, 80.0, LABEL_PX, 2);
    assert_eq!(two.len(), 2);
    assert_eq!(two[0], all[0]);
    assert!(two[1].ends_with('…'), "{two:?}");
    assert!(!all.concat().contains('…'));
}

#[test]
fn a_new_box_with_its_kind_name_keeps_the_default_size() {
    for kind in ComponentKind::ALL {
        let (w, h) = Board::COMPONENT_SIZE;
        assert_eq!(
            fit_size(kind.display_name(), kind, Size::new(w, h)),
            Size::new(w, h),
            "{kind:?}"
        );
    }
}

#[test]
fn every_name_shows_whole_with_its_kind_line_once_the_box_has_grown() {
    let mut rng = Rng::new(3);
    let mut names: Vec<String> = NAMES.iter().map(|s| s.to_string()).collect();
    // The longest labels kept, in wide and narrow letters.
    names.push("W".repeat(MAX_LABEL_CHARS));
    names.push("m ".repeat(MAX_LABEL_CHARS / 2).trim().to_string());
    for _ in 0..50 {
        let words = 1 + rng.below(12);
        let name: Vec<&str> = (0..words).map(|_| NAMES[rng.below(NAMES.len())]).collect();
        names.push(breadthfirst::core::diagram::normalize_label(
            &name.join(" "),
        ));
    }
    for kind in ComponentKind::ALL {
        for name in &names {
            let mut board = Board::new();
            let id = new_box(&mut board, kind, Some(name));
            let c = board.component(id).unwrap().clone();
            let layout = label_layout(&c.label, kind, c.rect.w, c.rect.h);
            let shown = layout.lines.concat();
            assert!(!shown.contains('…'), "{kind:?} {name:?} is cut: {layout:?}");
            assert_eq!(letters(&shown), letters(&c.label), "{kind:?}");
            assert_eq!(
                layout.caption,
                c.label != kind.display_name(),
                "{kind:?} {name:?}"
            );
            // Inside the box: the first line's top and the last baseline.
            assert!(
                layout.top - LABEL_PX * 0.8 >= 0.0,
                "{kind:?} {name:?}: {layout:?}"
            );
            let last = if layout.caption {
                layout.caption_y
            } else {
                layout.top + layout.line_height * (layout.lines.len() - 1) as f64
            };
            assert!(
                last + 3.0 <= c.rect.h,
                "{kind:?} {name:?}: {layout:?} in {:?}",
                c.rect
            );
            for line in &layout.lines {
                assert!(
                    line.chars().count() == 1
                        || text_width(line, LABEL_PX) <= c.rect.w - LABEL_LEFT,
                    "{kind:?}: {line:?} overflows a box {} wide",
                    c.rect.w
                );
            }
        }
    }
}

#[test]
fn a_box_widens_before_it_grows_taller() {
    let (w, h) = Board::COMPONENT_SIZE;
    let fit = fit_size(
        "Notification fan-out workers (per channel)",
        ComponentKind::Worker,
        Size::new(w, h),
    );
    assert!(fit.w > w && fit.w <= 264.0, "{fit:?}");
    assert_eq!(
        fit.h, h,
        "two lines and the kind line fit the default height"
    );
    let long = "Read replicas in three regions, promoted on failover, with a witness";
    let fit = fit_size(long, ComponentKind::SqlDatabase, Size::new(w, h));
    assert_eq!(fit.w, 264.0);
    assert!(fit.h > h, "{fit:?}");
}

#[test]
fn renaming_grows_the_box_about_its_centre_and_undo_brings_the_old_size_back() {
    let mut board = Board::new();
    let id = new_box(&mut board, ComponentKind::Monitoring, None);
    let before = board.component(id).unwrap().rect;
    let saved = board.clone();
    let applied = board
        .apply(Command::RenameComponent {
            id,
            label: "Metrics + alerting for every region and tenant".into(),
        })
        .unwrap();
    assert_eq!(applied, Applied::Changed);
    let after = board.component(id).unwrap().rect;
    assert!(after.w > before.w);
    let (c0, c1) = (before.center(), after.center());
    assert!(
        (c0.x - c1.x).abs() < 1e-9 && (c0.y - c1.y).abs() < 1e-9,
        "{before:?} {after:?}"
    );
    // A shorter name never shrinks a box: sizes only grow.
    board
        .apply(Command::RenameComponent {
            id,
            label: "M".into(),
        })
        .unwrap();
    assert_eq!(board.component(id).unwrap().rect, after);
    // History keeps snapshots: the board before the rename is the one undo restores.
    assert_eq!(saved.component(id).unwrap().rect, before);
}

#[test]
fn a_new_kind_whose_name_needs_room_grows_the_box() {
    let mut board = Board::new();
    let id = new_box(&mut board, ComponentKind::Generic, Some("Fan-out"));
    let before = board.component(id).unwrap().rect;
    board
        .apply(Command::ChangeKind {
            id,
            kind: ComponentKind::External,
        })
        .unwrap();
    let c = board.component(id).unwrap();
    let layout = label_layout(&c.label, c.kind, c.rect.w, c.rect.h);
    assert!(layout.caption);
    assert!(c.rect.w >= before.w);
}

#[test]
fn a_box_widens_so_that_a_long_word_is_not_broken() {
    let (w, h) = Board::COMPONENT_SIZE;
    for (name, kind) in [
        ("Elasticsearch", ComponentKind::SearchIndex),
        ("deliverylogpartitionedbyday", ComponentKind::SqlDatabase),
        ("Kubernetes", ComponentKind::Scheduler),
    ] {
        let fit = fit_size(name, kind, Size::new(w, h));
        let layout = label_layout(name, kind, fit.w, fit.h);
        assert_eq!(layout.lines, [name], "{kind:?} {fit:?}");
    }
}
