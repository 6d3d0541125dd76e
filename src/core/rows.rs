//! Windowing of long lists: which rows of a list of fixed-height rows a scrolled
//! panel shows, so only those (and a few beyond each edge) are mounted.

use std::ops::Range;

/// Rows mounted beyond each edge of what the panel shows.
pub const OVERSCAN: usize = 10;

/// The rows of a list of `count` rows of `row_px` each that meet the panel's visible
/// span, grown by [`OVERSCAN`] rows on each side. `list_top` is where the list's first
/// row starts and `view` the span the panel shows, both measured on the same axis
/// (viewport pixels, say). A list wholly above or below the span keeps the rows of
/// its nearest edge mounted, so it never jumps when it scrolls in.
pub fn rows_in_view(list_top: f64, view: (f64, f64), row_px: f64, count: usize) -> Range<usize> {
    if count == 0 || row_px <= 0.0 || !(list_top.is_finite() && view.0.is_finite()) {
        return 0..count.min(2 * OVERSCAN);
    }
    // `max`/`min`, not `f64::clamp`: its panic message would bring the float
    // formatter into the app. The cast saturates, and maps NaN to 0.
    let row_at = |y: f64| (((y - list_top) / row_px).floor().max(0.0) as usize).min(count);
    let first = row_at(view.0).saturating_sub(OVERSCAN);
    let last = (row_at(view.1.max(view.0)) + 1 + OVERSCAN).min(count);
    let first = first.min(last.saturating_sub(OVERSCAN));
    first..last.max(first)
}
