//! Units of an estimate: time (kept in seconds), data (kept in bytes) and counts of
//! anything the user names ("links", "users", "GPUs"), each with an exponent, so
//! `links / s` and `B / day` are units of their own and adding seconds to bytes is
//! refused.

use std::collections::BTreeMap;
use std::fmt;

/// What a unit word means: a factor to the base unit, and the base unit it measures.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitWord {
    /// Multiply by this to get the base unit (1 for a count, 3600 for hours).
    pub factor: f64,
    /// The unit, with its exponents (dimensionless for "million").
    pub unit: Unit,
}

/// A product of base units with integer exponents; empty is a plain number. Two
/// units are equal when their exponents are, however their nouns were written.
#[derive(Clone, Debug, Default)]
pub struct Unit {
    /// Base unit key ("s", "B", or "#<noun>") to exponent; never a zero exponent.
    exponents: BTreeMap<String, i32>,
    /// How each count noun is shown, as first typed ("links").
    names: BTreeMap<String, String>,
}

impl PartialEq for Unit {
    fn eq(&self, other: &Unit) -> bool {
        self.exponents == other.exponents
    }
}

impl Eq for Unit {}

/// Seconds in each time word.
const TIME: [(&str, f64); 16] = [
    ("ms", 1e-3),
    ("s", 1.0),
    ("sec", 1.0),
    ("second", 1.0),
    ("min", 60.0),
    ("minute", 60.0),
    ("h", 3_600.0),
    ("hr", 3_600.0),
    ("hour", 3_600.0),
    ("day", 86_400.0),
    ("d", 86_400.0),
    ("week", 604_800.0),
    // A month of 30 days and a year of 365, as estimates take them.
    ("month", 2_592_000.0),
    ("mo", 2_592_000.0),
    ("year", 31_536_000.0),
    ("yr", 31_536_000.0),
];

/// Bytes in each data word (decimal prefixes as storage is sold, binary ones named).
const DATA: [(&str, f64); 12] = [
    ("B", 1.0),
    ("byte", 1.0),
    ("bit", 0.125),
    ("KB", 1e3),
    ("MB", 1e6),
    ("GB", 1e9),
    ("TB", 1e12),
    ("PB", 1e15),
    ("KiB", 1_024.0),
    ("MiB", 1_048_576.0),
    ("GiB", 1_073_741_824.0),
    ("TiB", 1_099_511_627_776.0),
];

/// Plain multipliers.
const SCALE: [(&str, f64); 8] = [
    ("k", 1e3),
    ("K", 1e3),
    ("thousand", 1e3),
    ("M", 1e6),
    ("million", 1e6),
    ("bn", 1e9),
    ("billion", 1e9),
    ("trillion", 1e12),
];

impl Unit {
    /// No unit: a plain number.
    pub fn none() -> Unit {
        Unit::default()
    }

    fn base(key: &str) -> Unit {
        let mut u = Unit::default();
        u.exponents.insert(key.to_string(), 1);
        u
    }

    /// Seconds.
    pub fn seconds() -> Unit {
        Unit::base("s")
    }

    /// Bytes.
    pub fn bytes() -> Unit {
        Unit::base("B")
    }

    /// A count of `noun` (singular or plural; case aside).
    pub fn count(noun: &str) -> Unit {
        let key = format!("#{}", singular(&noun.to_lowercase()));
        let mut u = Unit::base(&key);
        u.names.insert(key, noun.to_string());
        u
    }

    /// The unit without its count nouns: what it measures in time and data ("links/s"
    /// and "requests/s" are both per second). Estimates are compared on it, since
    /// "clicks" and "redirects" name the same count in different words.
    pub fn dimension(&self) -> Unit {
        let mut out = self.clone();
        out.exponents.retain(|key, _| !key.starts_with('#'));
        out.names.clear();
        out
    }

    /// The exponent of data (bytes) in this unit.
    pub fn data_exponent(&self) -> i32 {
        self.exponents.get("B").copied().unwrap_or(0)
    }

    /// Whether this is a duration: seconds and nothing else.
    pub fn is_time(&self) -> bool {
        self.exponents.len() == 1 && self.exponents.get("s") == Some(&1)
    }

    /// Whether this is a plain number.
    pub fn is_none(&self) -> bool {
        self.exponents.is_empty()
    }

    /// The product of two units.
    pub fn times(&self, other: &Unit) -> Unit {
        let mut out = self.clone();
        for (key, e) in &other.exponents {
            let sum = out.exponents.get(key).copied().unwrap_or(0) + e;
            if sum == 0 {
                out.exponents.remove(key);
            } else {
                out.exponents.insert(key.clone(), sum);
            }
        }
        for (key, name) in &other.names {
            out.names.entry(key.clone()).or_insert_with(|| name.clone());
        }
        out
    }

    /// This unit to the power `n`.
    pub fn pow(&self, n: i32) -> Unit {
        let mut out = self.clone();
        out.exponents = self
            .exponents
            .iter()
            .filter(|_| n != 0)
            .map(|(k, e)| (k.clone(), e * n))
            .collect();
        out
    }

    /// One over this unit.
    pub fn inverse(&self) -> Unit {
        self.pow(-1)
    }
}

/// "links" → "link", "GPUs" → "gpu"; short words and "-ss" words are kept.
fn singular(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(stem) if word.len() > 3 && !stem.ends_with('s') => stem.to_string(),
        _ => word.to_string(),
    }
}

/// What a word means as a unit. Known words are time, data and scale words, in
/// singular or plural ("hours"); `qps` and `rps` are requests per second; any other
/// word counts things of that name.
pub fn unit_word(word: &str) -> UnitWord {
    let plain = |w: &str| -> Option<UnitWord> {
        if let Some((_, f)) = TIME.iter().find(|(n, _)| *n == w) {
            return Some(UnitWord {
                factor: *f,
                unit: Unit::seconds(),
            });
        }
        if let Some((_, f)) = DATA.iter().find(|(n, _)| *n == w) {
            return Some(UnitWord {
                factor: *f,
                unit: Unit::bytes(),
            });
        }
        SCALE.iter().find(|(n, _)| *n == w).map(|(_, f)| UnitWord {
            factor: *f,
            unit: Unit::none(),
        })
    };
    if let Some(found) = plain(word).or_else(|| word.strip_suffix('s').and_then(plain)) {
        return found;
    }
    if matches!(word.to_lowercase().as_str(), "qps" | "rps") {
        return UnitWord {
            factor: 1.0,
            unit: Unit::count("requests").times(&Unit::seconds().inverse()),
        };
    }
    UnitWord {
        factor: 1.0,
        unit: Unit::count(word),
    }
}

impl fmt::Display for Unit {
    /// "links/s", "B", "B·s/user^2"; empty for a plain number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |key: &str| -> String {
            match key.strip_prefix('#') {
                Some(noun) => self
                    .names
                    .get(key)
                    .cloned()
                    .unwrap_or_else(|| noun.to_string()),
                None => key.to_string(),
            }
        };
        // Counts first (what is counted), then data, then time.
        let order = |key: &str| (!key.starts_with('#'), key != "B", key.to_string());
        let mut keys: Vec<&String> = self.exponents.keys().collect();
        keys.sort_by_key(|k| order(k));
        let part = |key: &str, e: i32| match e {
            1 => name(key),
            e => format!("{}^{e}", name(key)),
        };
        let top: Vec<String> = keys
            .iter()
            .filter(|k| self.exponents[**k] > 0)
            .map(|k| part(k, self.exponents[*k]))
            .collect();
        let bottom: Vec<String> = keys
            .iter()
            .filter(|k| self.exponents[**k] < 0)
            .map(|k| part(k, -self.exponents[*k]))
            .collect();
        let top = if top.is_empty() && !bottom.is_empty() {
            "1".to_string()
        } else {
            top.join("·")
        };
        match bottom.len() {
            0 => f.write_str(&top),
            1 => write!(f, "{top}/{}", bottom[0]),
            _ => write!(f, "{top}/({})", bottom.join("·")),
        }
    }
}
