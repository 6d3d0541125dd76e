//! The small palette a box can be painted with instead of its kind's colour.

use serde::{Deserialize, Serialize};

/// A palette colour. Boxes without one wear their kind's colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    /// Red.
    Red,
    /// Orange.
    Orange,
    /// Yellow.
    Yellow,
    /// Green.
    Green,
    /// Teal.
    Teal,
    /// Blue.
    Blue,
    /// Violet.
    Violet,
    /// Grey.
    Grey,
}

impl Colour {
    /// Every colour, in palette order.
    pub const ALL: [Colour; 8] = [
        Colour::Red,
        Colour::Orange,
        Colour::Yellow,
        Colour::Green,
        Colour::Teal,
        Colour::Blue,
        Colour::Violet,
        Colour::Grey,
    ];

    /// (hue in degrees, saturation in percent), as kinds' colours are given.
    pub fn hue_saturation(self) -> (u16, u8) {
        self.table().1
    }

    /// Its name, as the palette and the saved file spell it.
    pub fn name(self) -> &'static str {
        self.table().0
    }

    /// The colour a saved name stands for.
    pub fn from_name(name: &str) -> Option<Colour> {
        Colour::ALL.into_iter().find(|c| c.name() == name)
    }

    fn table(self) -> (&'static str, (u16, u8)) {
        match self {
            Colour::Red => ("red", (0, 70)),
            Colour::Orange => ("orange", (28, 85)),
            Colour::Yellow => ("yellow", (48, 90)),
            Colour::Green => ("green", (130, 50)),
            Colour::Teal => ("teal", (175, 60)),
            Colour::Blue => ("blue", (215, 75)),
            Colour::Violet => ("violet", (270, 55)),
            Colour::Grey => ("grey", (220, 8)),
        }
    }
}
