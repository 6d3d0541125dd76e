//! Back-of-the-envelope estimates (issue 16): a quantity written as an expression
//! with units, "100e6 links / month / (30*86400 s)" or "500 M users * 2 KB", read
//! and evaluated with its units checked (adding seconds to bytes is refused, with
//! where), and compared with a reference: within 2x is right, within 10x off,
//! beyond that wrong.
//!
//! Grammar: `sum := product (('+' | '-') product)*`; `product := group (('*' | '/')
//! group)*`; `group := power power*`, operands side by side multiplying first ("1e6
//! links / 30 days" is per thirty days); `power := unary ('^' integer)?`; `unary :=
//! '-'? atom`; `atom := number | word | '(' sum ')'`.
//! Numbers take `_` or `,` between digits and an exponent (`1.5e9`). Words are
//! units ([`unit_word`]).

mod show;
mod unit;

pub use show::{assess, show, show_per, Assessment};
pub use unit::{unit_word, Unit, UnitWord};

use std::fmt;

/// A value and its unit (time in seconds, data in bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The value in base units.
    pub value: f64,
    /// Its unit.
    pub unit: Unit,
}

/// Why an expression could not be evaluated; `at` is the 1-based column (in
/// characters) the problem starts at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EstimateError {
    /// Nothing was written.
    Empty,
    /// Something other than what the grammar allows here.
    Unexpected {
        /// Column.
        at: usize,
        /// What was found ("')'", "the end").
        found: String,
        /// What would have been right.
        expected: &'static str,
    },
    /// A '(' never closed.
    Unclosed {
        /// Column of the '('.
        at: usize,
    },
    /// A sum of different units.
    Mismatch {
        /// Column of the '+' or '-'.
        at: usize,
        /// The left operand's unit.
        left: String,
        /// The right operand's unit.
        right: String,
    },
    /// A division by zero.
    DivisionByZero {
        /// Column of the '/'.
        at: usize,
    },
    /// The result is not a finite number.
    TooLarge,
    /// An estimate in another unit than its reference's.
    Incomparable {
        /// The estimate's unit.
        estimate: String,
        /// The reference's unit.
        reference: String,
    },
}

impl fmt::Display for EstimateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = |u: &str| match u {
            "" => "a plain number".to_string(),
            "s" => "seconds".to_string(),
            "B" => "bytes".to_string(),
            u => u.to_string(),
        };
        match self {
            EstimateError::Empty => {
                f.write_str("write an expression, such as 100e6 / (30 * 86400 s)")
            }
            EstimateError::Unexpected {
                at,
                found,
                expected,
            } => {
                write!(f, "column {at}: expected {expected}, found {found}")
            }
            EstimateError::Unclosed { at } => write!(f, "column {at}: this '(' is never closed"),
            EstimateError::Mismatch { at, left, right } => write!(
                f,
                "column {at}: cannot add or subtract {} and {}",
                plain(left),
                plain(right)
            ),
            EstimateError::DivisionByZero { at } => write!(f, "column {at}: division by zero"),
            EstimateError::TooLarge => f.write_str("the result is too large to be a number"),
            EstimateError::Incomparable {
                estimate,
                reference,
            } => write!(
                f,
                "this is in {}, but the quantity is in {}",
                plain(estimate),
                plain(reference)
            ),
        }
    }
}

impl std::error::Error for EstimateError {}

/// The time a rate in `text` is written per: the last time word right after a '/'
/// ("20e6 * 1800 tokens / day" is per day, "5 GB/s" per second), as (word, seconds);
/// `None` when no time follows a '/'.
pub fn written_per(text: &str) -> Option<(String, f64)> {
    let tokens = lex(text).ok()?;
    tokens
        .windows(2)
        .rev()
        .find_map(|pair| match (&pair[0].kind, &pair[1].kind) {
            (Kind::Op('/'), Kind::Word(w)) => {
                let u = unit_word(w);
                u.unit.is_time().then(|| (w.clone(), u.factor))
            }
            _ => None,
        })
}

/// Evaluates an expression.
pub fn evaluate(text: &str) -> Result<Quantity, EstimateError> {
    let tokens = lex(text)?;
    if tokens.is_empty() {
        return Err(EstimateError::Empty);
    }
    let mut p = Parser { tokens, at: 0 };
    let q = p.sum()?;
    if let Some(t) = p.peek() {
        return Err(EstimateError::Unexpected {
            at: t.at,
            found: t.kind.describe(),
            expected: "an operator or the end",
        });
    }
    if !q.value.is_finite() {
        return Err(EstimateError::TooLarge);
    }
    Ok(q)
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Number(f64),
    Word(String),
    Op(char),
    Open,
    Close,
}

impl Kind {
    fn describe(&self) -> String {
        match self {
            Kind::Number(_) => "a number".into(),
            Kind::Word(w) => format!("'{w}'"),
            Kind::Op(c) => format!("'{c}'"),
            Kind::Open => "'('".into(),
            Kind::Close => "')'".into(),
        }
    }
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    /// 1-based column.
    at: usize,
}

fn lex(text: &str) -> Result<Vec<Token>, EstimateError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = i + 1;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            let (value, next) = number(&chars, i).ok_or(EstimateError::Unexpected {
                at,
                found: "a malformed number".into(),
                expected: "a number such as 1.5e9",
            })?;
            tokens.push(Token {
                kind: Kind::Number(value),
                at,
            });
            i = next;
        } else if c.is_alphabetic() || c == '%' {
            let start = i;
            if c == '%' {
                i += 1;
            } else {
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
            let word: String = chars[start..i].iter().collect();
            tokens.push(Token {
                kind: Kind::Word(word),
                at,
            });
        } else if matches!(c, '+' | '-' | '*' | '/' | '^' | '×' | '·') {
            let op = match c {
                '×' | '·' => '*',
                c => c,
            };
            tokens.push(Token {
                kind: Kind::Op(op),
                at,
            });
            i += 1;
        } else if c == '(' {
            tokens.push(Token {
                kind: Kind::Open,
                at,
            });
            i += 1;
        } else if c == ')' {
            tokens.push(Token {
                kind: Kind::Close,
                at,
            });
            i += 1;
        } else {
            return Err(EstimateError::Unexpected {
                at,
                found: format!("'{c}'"),
                expected: "a number, a unit, an operator or a parenthesis",
            });
        }
    }
    Ok(tokens)
}

/// A number starting at `i`: digits with `_` or `,` between them, a fraction and an
/// exponent; its value and where it ends.
fn number(chars: &[char], mut i: usize) -> Option<(f64, usize)> {
    let mut text = String::new();
    let digit_at = |j: usize| chars.get(j).is_some_and(char::is_ascii_digit);
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() || c == '.' {
            text.push(c);
        } else if matches!(c, '_' | ',') && digit_at(i + 1) && !text.is_empty() {
            // A separator between digits.
        } else if matches!(c, 'e' | 'E')
            && (digit_at(i + 1) || (matches!(chars.get(i + 1), Some('+' | '-')) && digit_at(i + 2)))
        {
            text.push('e');
            i += 1;
            text.push(chars[i]);
        } else {
            break;
        }
        i += 1;
    }
    text.parse::<f64>().ok().map(|v| (v, i))
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn end_column(&self) -> usize {
        self.tokens.last().map_or(1, |t| t.at + 1)
    }

    fn sum(&mut self) -> Result<Quantity, EstimateError> {
        let mut left = self.product()?;
        while let Some(Token {
            kind: Kind::Op(op @ ('+' | '-')),
            at,
        }) = self.peek().cloned()
        {
            self.at += 1;
            let right = self.product()?;
            if left.unit != right.unit {
                return Err(EstimateError::Mismatch {
                    at,
                    left: left.unit.to_string(),
                    right: right.unit.to_string(),
                });
            }
            left.value = if op == '+' {
                left.value + right.value
            } else {
                left.value - right.value
            };
        }
        Ok(left)
    }

    fn product(&mut self) -> Result<Quantity, EstimateError> {
        let mut left = self.group()?;
        loop {
            let (divide, at) = match self.peek() {
                Some(Token {
                    kind: Kind::Op('*'),
                    at,
                }) => (false, *at),
                Some(Token {
                    kind: Kind::Op('/'),
                    at,
                }) => (true, *at),
                _ => return Ok(left),
            };
            self.at += 1;
            let right = self.group()?;
            if divide {
                if right.value == 0.0 {
                    return Err(EstimateError::DivisionByZero { at });
                }
                left = Quantity {
                    value: left.value / right.value,
                    unit: left.unit.times(&right.unit.inverse()),
                };
            } else {
                left = multiply(&left, &right);
            }
        }
    }

    /// Operands side by side multiply, before '*' and '/': "3 links", "30 days",
    /// so "1e6 links / 30 days" divides by thirty days.
    fn group(&mut self) -> Result<Quantity, EstimateError> {
        let mut left = self.power()?;
        while let Some(Token {
            kind: Kind::Number(_) | Kind::Word(_) | Kind::Open,
            ..
        }) = self.peek()
        {
            let right = self.power()?;
            left = multiply(&left, &right);
        }
        Ok(left)
    }

    fn power(&mut self) -> Result<Quantity, EstimateError> {
        let base = self.unary()?;
        let Some(Token {
            kind: Kind::Op('^'),
            ..
        }) = self.peek()
        else {
            return Ok(base);
        };
        self.at += 1;
        let negative = matches!(
            self.peek(),
            Some(Token {
                kind: Kind::Op('-'),
                ..
            })
        );
        if negative {
            self.at += 1;
        }
        match self.peek().cloned() {
            Some(Token {
                kind: Kind::Number(n),
                ..
            }) if n.fract() == 0.0 && n.abs() <= 64.0 => {
                self.at += 1;
                let n = if negative { -(n as i32) } else { n as i32 };
                Ok(Quantity {
                    value: base.value.powi(n),
                    unit: base.unit.pow(n),
                })
            }
            other => Err(EstimateError::Unexpected {
                at: other.as_ref().map_or(self.end_column(), |t| t.at),
                found: other.map_or_else(|| "the end".to_string(), |t| t.kind.describe()),
                expected: "a whole power from -64 to 64",
            }),
        }
    }

    fn unary(&mut self) -> Result<Quantity, EstimateError> {
        if let Some(Token {
            kind: Kind::Op('-'),
            ..
        }) = self.peek()
        {
            self.at += 1;
            let q = self.atom()?;
            return Ok(Quantity {
                value: -q.value,
                ..q
            });
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Quantity, EstimateError> {
        let Some(token) = self.peek().cloned() else {
            return Err(EstimateError::Unexpected {
                at: self.end_column(),
                found: "the end".into(),
                expected: "a number, a unit or '('",
            });
        };
        self.at += 1;
        match token.kind {
            Kind::Number(value) => Ok(Quantity {
                value,
                unit: Unit::none(),
            }),
            Kind::Word(word) if word == "%" => Ok(Quantity {
                value: 0.01,
                unit: Unit::none(),
            }),
            Kind::Word(word) => {
                let w = unit_word(&word);
                Ok(Quantity {
                    value: w.factor,
                    unit: w.unit,
                })
            }
            Kind::Open => {
                let inner = self.sum()?;
                match self.peek() {
                    Some(Token {
                        kind: Kind::Close, ..
                    }) => {
                        self.at += 1;
                        Ok(inner)
                    }
                    _ => Err(EstimateError::Unclosed { at: token.at }),
                }
            }
            kind => Err(EstimateError::Unexpected {
                at: token.at,
                found: kind.describe(),
                expected: "a number, a unit or '('",
            }),
        }
    }
}

fn multiply(a: &Quantity, b: &Quantity) -> Quantity {
    Quantity {
        value: a.value * b.value,
        unit: a.unit.times(&b.unit),
    }
}

/// How an estimate compares with its reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Verdict {
    /// Within 2x.
    Right,
    /// Within 10x.
    Off,
    /// Beyond 10x, or of the wrong sign.
    Wrong,
}

impl Verdict {
    /// Stable id (`data-verdict`).
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Right => "right",
            Verdict::Off => "off",
            Verdict::Wrong => "wrong",
        }
    }
}

/// An estimate held against its reference: the ratio (estimate / reference) and the
/// verdict; `Err` with both units when they measure different things. Count nouns do
/// not matter ("4,000 clicks/s" answers "redirects per second"); time and data do.
pub fn compare(estimate: &Quantity, reference: &Quantity) -> Result<(f64, Verdict), EstimateError> {
    if estimate.unit.dimension() != reference.unit.dimension() {
        return Err(EstimateError::Incomparable {
            estimate: estimate.unit.to_string(),
            reference: reference.unit.to_string(),
        });
    }
    let ratio = estimate.value / reference.value;
    let verdict = if !(ratio.is_finite() && ratio > 0.0) {
        Verdict::Wrong
    } else {
        match ratio.max(1.0 / ratio) {
            x if x <= 2.0 => Verdict::Right,
            x if x <= 10.0 => Verdict::Off,
            _ => Verdict::Wrong,
        }
    };
    Ok((ratio, verdict))
}
