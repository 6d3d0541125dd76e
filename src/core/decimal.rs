//! Short decimal text for numbers in SVG attributes, CSS and reports.
//!
//! `Display` for `f64` pulls Rust's general float printer (shortest round-trip and
//! fixed-precision algorithms, about 12 KB of wasm) into the app, and prints digits no
//! screen or file needs (`120.00000000000001`). Coordinates are rounded to a fixed
//! number of places instead and printed with integer formatting: `12.5`, `-3`, `0.25`.

use std::fmt;

/// Largest magnitude printed exactly; beyond it the value is clamped (far outside any
/// board, whose coordinates are bounded by `MAX_COORDINATE`).
const LIMIT: f64 = 9.0e15;

/// A number printed with at most `places` decimal places, trailing zeros dropped.
/// Not-a-number and infinities print as `0`, so a bad value never yields broken SVG.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decimal {
    value: f64,
    places: u32,
}

/// `value` with up to two decimal places: enough for a hundredth of a pixel.
pub fn dec(value: f64) -> Decimal {
    Decimal::places(value, 2)
}

impl Decimal {
    /// `value` with up to `places` decimal places (at most 6).
    pub fn places(value: f64, places: u32) -> Decimal {
        Decimal {
            value,
            places: places.min(6),
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10_i64.pow(self.places);
        let scaled = (self.value * scale as f64).round();
        let scaled = if scaled.is_finite() {
            scaled.clamp(-LIMIT, LIMIT) as i64
        } else {
            0
        };
        if scaled < 0 {
            f.write_str("-")?;
        }
        let magnitude = scaled.unsigned_abs();
        let scale = scale as u64;
        write!(f, "{}", magnitude / scale)?;
        let mut fraction = magnitude % scale;
        if fraction == 0 {
            return Ok(());
        }
        let mut digits = self.places as usize;
        while fraction.is_multiple_of(10) {
            fraction /= 10;
            digits -= 1;
        }
        write!(f, ".{fraction:0digits$}")
    }
}
