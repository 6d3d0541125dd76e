//! Decimal text for SVG and reports: rounded, trimmed, never broken by bad numbers.

use breadthfirst::core::decimal::{dec, Decimal};

#[test]
fn numbers_print_rounded_and_trimmed() {
    let cases = [
        (0.0, "0"),
        (-0.0, "0"),
        (12.0, "12"),
        (12.5, "12.5"),
        (0.25, "0.25"),
        (-3.0, "-3"),
        (-0.5, "-0.5"),
        (-0.001, "0"),
        (120.000_000_000_01, "120"),
        (1.005_1, "1.01"),
        (2.999, "3"),
        (-1234.567, "-1234.57"),
        (0.1 + 0.2, "0.3"),
        (10_000_000.0, "10000000"),
        (f64::NAN, "0"),
        (f64::INFINITY, "0"),
        (f64::NEG_INFINITY, "0"),
    ];
    for (value, text) in cases {
        assert_eq!(dec(value).to_string(), text, "{value:?}");
    }
}

#[test]
fn places_are_chosen_and_capped() {
    assert_eq!(Decimal::places(4.25, 1).to_string(), "4.3");
    assert_eq!(Decimal::places(4.04, 1).to_string(), "4");
    assert_eq!(Decimal::places(99.6, 0).to_string(), "100");
    assert_eq!(Decimal::places(0.123_456_789, 9).to_string(), "0.123457");
    assert_eq!(Decimal::places(1e300, 2).to_string(), "90000000000000");
}

#[test]
fn printed_values_read_back_within_the_rounding_step() {
    let mut x = -5000.0_f64;
    while x < 5000.0 {
        let back: f64 = dec(x).to_string().parse().unwrap();
        assert!((back - x).abs() <= 0.005 + 1e-9, "{x} printed as {back}");
        x += 7.318_3;
    }
}
