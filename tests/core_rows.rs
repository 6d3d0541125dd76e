//! Windowing of long lists (`rows_in_view`), natively: the rows a scrolled panel
//! shows plus the overscan, at the top, in the middle, at the end, and for a list
//! wholly above or below the panel.

use breadthfirst::core::rows::{rows_in_view, OVERSCAN};

const ROW: f64 = 28.0;

#[test]
fn a_list_at_the_top_of_the_panel_mounts_its_first_screenful_and_the_overscan() {
    // The list starts 100 px into a 700 px panel: rows 0..21 show.
    let range = rows_in_view(100.0, (0.0, 700.0), ROW, 4000);
    assert_eq!(range, 0..(21 + 1 + OVERSCAN));
}

#[test]
fn a_list_scrolled_to_its_middle_mounts_what_shows_and_the_overscan_around() {
    // Scrolled 2,800 px: row 100 is at the panel's top, row 125 at its bottom.
    let range = rows_in_view(-2800.0, (0.0, 700.0), ROW, 4000);
    assert_eq!(range, (100 - OVERSCAN)..(125 + 1 + OVERSCAN));
    // Each row's place does not depend on the panel's own offset in the page.
    assert_eq!(rows_in_view(-2700.0, (100.0, 800.0), ROW, 4000), range);
}

#[test]
fn a_list_scrolled_to_its_end_mounts_its_last_rows() {
    let count = 4000;
    let end = -(count as f64 * ROW - 700.0);
    let range = rows_in_view(end, (0.0, 700.0), ROW, count);
    assert_eq!(range.end, count);
    assert_eq!(range.start, count - 25 - OVERSCAN);
}

#[test]
fn a_list_out_of_view_keeps_the_rows_of_its_nearest_edge() {
    assert_eq!(
        rows_in_view(5000.0, (0.0, 700.0), ROW, 4000),
        0..(1 + OVERSCAN)
    );
    let above = rows_in_view(-1e6, (0.0, 700.0), ROW, 4000);
    assert_eq!(above, (4000 - OVERSCAN)..4000);
}

#[test]
fn short_lists_and_odd_measures_mount_every_row_they_can() {
    assert_eq!(rows_in_view(0.0, (0.0, 700.0), ROW, 3), 0..3);
    assert_eq!(rows_in_view(0.0, (0.0, 700.0), ROW, 0), 0..0);
    // Not measured yet (no layout): a first screenful, never nothing.
    assert_eq!(
        rows_in_view(f64::NAN, (0.0, 0.0), ROW, 4000),
        0..(2 * OVERSCAN)
    );
    assert_eq!(rows_in_view(0.0, (0.0, 700.0), 0.0, 5), 0..5);
    // A panel of no height still mounts the row at its edge.
    assert_eq!(rows_in_view(0.0, (0.0, 0.0), ROW, 4000), 0..(1 + OVERSCAN));
}
