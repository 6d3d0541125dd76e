//! How large a picture is drawn when the browser turns an SVG into PNG (the board's
//! PNG export, the replay's frames): the scale asked for, less when the longest side
//! would pass a limit or the browser could not hold that many pixels.

/// Largest side of a PNG, in pixels (browsers refuse bigger canvases).
pub const MAX_SIDE: f64 = 16_384.0;
/// Largest PNG area, in pixels.
pub const MAX_AREA: f64 = 64_000_000.0;

/// The scale to draw a `w` by `h` picture at: `scale`, or less so that its longest
/// side is at most `max_side` pixels (and [`MAX_SIDE`]) and its area at most
/// [`MAX_AREA`].
pub fn fit_scale(w: f64, h: f64, scale: f64, max_side: f64) -> f64 {
    scale
        .min(max_side.min(MAX_SIDE) / w.max(h).max(1.0))
        .min((MAX_AREA / (w * h).max(1.0)).sqrt())
}
