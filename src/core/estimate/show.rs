//! An estimate as the worksheet shows it: its value in words a reader takes in at a
//! glance ("3,860 links/s", "2.4 TB", "1.2 billion users", "3.5 h"), and the
//! assessment against a reference that crosses the seam from the worker.

use super::{compare, evaluate, written_per, Quantity, Verdict};
use serde::{Deserialize, Serialize};

/// What the worker says of one worksheet entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The value as shown, or why the expression could not be evaluated (with the
    /// column the problem starts at).
    pub value: Result<String, String>,
    /// The reference as shown, when one was given.
    pub reference: Option<String>,
    /// Against the reference: the verdict and how far off ("2.5 times the
    /// reference"), or why they cannot be compared (different units).
    pub comparison: Option<Result<(Verdict, String), String>>,
}

/// Evaluates `text` and, given a `reference` expression, compares it with that. A
/// rate is shown per the time the reference is written per (else the text's): "36
/// billion tokens/day", not "417,000 tokens/s".
pub fn assess(text: &str, reference: Option<&str>) -> Assessment {
    let value = evaluate(text);
    let per = reference
        .and_then(written_per)
        .or_else(|| written_per(text));
    let per = per
        .as_ref()
        .map(|(word, seconds)| (word.as_str(), *seconds));
    let reference = reference.and_then(|r| evaluate(r).ok());
    let comparison = match (&value, &reference) {
        (Ok(v), Some(r)) => Some(
            compare(v, r)
                .map(|(ratio, verdict)| (verdict, how_far(ratio)))
                .map_err(|e| e.to_string()),
        ),
        _ => None,
    };
    Assessment {
        value: value
            .as_ref()
            .map(|q| show_per(q, per))
            .map_err(|e| e.to_string()),
        reference: reference.as_ref().map(|q| show_per(q, per)),
        comparison,
    }
}

/// "about the same as the reference", "2.5 times the reference", "a third of the
/// reference" (ratio is estimate / reference).
fn how_far(ratio: f64) -> String {
    if !(ratio.is_finite() && ratio > 0.0) {
        return "not a positive amount".into();
    }
    if (0.9..=1.1).contains(&ratio) {
        return "about the reference".into();
    }
    if ratio > 1.0 {
        format!("{} times the reference", significant(ratio))
    } else {
        format!("1/{} of the reference", significant(1.0 / ratio))
    }
}

/// A quantity shown as [`show`] does, but a rate per second is shown per `per`
/// (a time word and its seconds: ("day", 86400)) when one is given.
pub fn show_per(q: &Quantity, per: Option<(&str, f64)>) -> String {
    let unit = q.unit.to_string();
    match (per, unit.strip_suffix("/s")) {
        (Some((word, seconds)), Some(_)) if seconds != 1.0 => {
            let scaled = Quantity {
                value: q.value * seconds,
                unit: q.unit.times(&super::Unit::seconds()),
            };
            // Named as the time it is ("days", "d" and "day" are a day).
            let word = [
                (1e-3, "ms"),
                (60.0, "minute"),
                (3_600.0, "hour"),
                (86_400.0, "day"),
                (604_800.0, "week"),
                (2_592_000.0, "month"),
                (31_536_000.0, "year"),
            ]
            .into_iter()
            .find(|(s, _)| *s == seconds)
            .map_or(word, |(_, name)| name);
            let shown = show(&scaled);
            if scaled.unit.is_none() {
                format!("{shown} per {word}")
            } else {
                format!("{shown}/{word}")
            }
        }
        _ => show(q),
    }
}

/// A quantity shown: data scaled to the largest decimal prefix that keeps the number
/// at 1 or more ("1.25 GB/s"), durations in the largest unit of s, min, h and days,
/// and other numbers with thousands separators or in millions, billions, trillions.
pub fn show(q: &Quantity) -> String {
    let unit = q.unit.to_string();
    if q.unit.is_time() {
        let (value, name) = [(86_400.0, "days"), (3_600.0, "h"), (60.0, "min")]
            .into_iter()
            .find(|(size, _)| q.value.abs() >= *size)
            .map_or((q.value, "s"), |(size, name)| (q.value / size, name));
        return format!("{} {name}", number(value));
    }
    if q.unit.data_exponent() == 1 {
        let prefixes = [
            (1e15, "PB"),
            (1e12, "TB"),
            (1e9, "GB"),
            (1e6, "MB"),
            (1e3, "KB"),
        ];
        if let Some((size, name)) = prefixes.into_iter().find(|(s, _)| q.value.abs() >= *s) {
            return format!(
                "{} {}",
                significant(q.value / size),
                replace_bytes(&unit, name)
            );
        }
    }
    if unit.is_empty() {
        number(q.value)
    } else {
        format!("{} {unit}", number(q.value))
    }
}

/// The unit text with its "B" (bytes) named `name` instead.
fn replace_bytes(unit: &str, name: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(if word == "B" { name } else { word });
        word.clear();
    };
    for c in unit.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A number for reading: three significant figures, thousands separated up to a
/// million, then in millions, billions or trillions.
fn number(value: f64) -> String {
    let big = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    if let Some((size, name)) = big.into_iter().find(|(s, _)| value.abs() >= *s) {
        return format!("{} {name}", significant(value / size));
    }
    if value.abs() >= 1_000.0 {
        let rounded = significant(value).parse::<f64>().unwrap_or(value) as i64;
        return thousands(rounded);
    }
    significant(value)
}

fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// Three significant figures, trailing zeros dropped ("3.86", "0.25", "3860").
fn significant(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return format!("{value}");
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (2 - magnitude).clamp(0, 9) as usize;
    let factor = 10f64.powi(magnitude - 2);
    let rounded = if magnitude > 2 {
        (value / factor).round() * factor
    } else {
        value
    };
    let text = format!("{rounded:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}
