//! The estimate evaluator (`core::estimate`): expressions with units evaluated with
//! their units checked, parse errors with the column they start at, and the
//! comparison bands (within 2x right, within 10x off, beyond wrong).

use breadthfirst::core::estimate::{
    assess, compare, evaluate, show, EstimateError, Quantity, Unit, Verdict,
};

fn q(text: &str) -> Quantity {
    evaluate(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Relative closeness, for values computed in floating point.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

#[test]
fn expressions_evaluate_to_a_value_in_base_units_and_a_unit() {
    // (expression, value in base units: seconds, bytes, counts; unit as shown)
    let rows: [(&str, f64, &str); 19] = [
        ("1e6 links / 30 days", 1e6 / 2_592_000.0, "links/s"),
        ("42", 42.0, ""),
        ("1.5e9", 1.5e9, ""),
        ("100_000 + 2,500", 102_500.0, ""),
        ("2 + 3 * 4", 14.0, ""),
        ("(2 + 3) * 4", 20.0, ""),
        ("2^10", 1024.0, ""),
        ("-3 + 5", 2.0, ""),
        ("30 %", 0.3, ""),
        (
            "100e6 links / (30 * 86400 s)",
            100e6 / 2_592_000.0,
            "links/s",
        ),
        ("100e6 links / month", 100e6 / 2_592_000.0, "links/s"),
        ("500 million users * 2 KB", 500e6 * 2e3, "users·B"),
        ("1 TB / day", 1e12 / 86_400.0, "B/s"),
        ("3 hours + 30 min", 3.0 * 3600.0 + 1800.0, "s"),
        ("1 GiB", 1_073_741_824.0, "B"),
        ("8 bits", 1.0, "B"),
        ("20k qps * 1 day", 20e3 * 86_400.0, "requests"),
        ("10 GPUs * 24 h / day", 10.0, "GPUs"),
        ("1 / 4 s", 0.25, "1/s"),
    ];
    for (text, value, unit) in rows {
        let got = q(text);
        assert!(close(got.value, value), "{text}: {} not {value}", got.value);
        assert_eq!(got.unit.to_string(), unit, "{text}");
    }
}

#[test]
fn nouns_count_whatever_their_case_or_number_and_cancel_out() {
    assert_eq!(q("3 links").unit, q("1 Link").unit);
    assert_eq!(q("3 links / 1 link").unit, Unit::none());
    assert_eq!(q("6 users / 2 users").value, 3.0);
    // "requests" and "qps" agree; "req" is another noun.
    assert_eq!(q("5 requests / s").unit, q("5 qps").unit);
    assert_ne!(q("5 req / s").unit, q("5 qps").unit);
    // A noun keeps the spelling it was first written with.
    assert_eq!(q("2 GPUs * 3 GPU").unit.to_string(), "GPUs^2");
    assert_eq!(q("1 / (2 s)").unit.to_string(), "1/s");
    assert_eq!(q("1 B / (users * s)").unit.to_string(), "B/(users·s)");
}

#[test]
fn adding_different_units_is_refused_at_the_operator() {
    let rows: [(&str, usize, &str, &str); 4] = [
        ("3 s + 2 B", 5, "s", "B"),
        ("10 links/s - 4 links", 12, "links/s", "links"),
        ("1 GB + 5", 6, "B", ""),
        ("(1 + 2 s)", 4, "", "s"),
    ];
    for (text, at, left, right) in rows {
        assert_eq!(
            evaluate(text),
            Err(EstimateError::Mismatch {
                at,
                left: left.into(),
                right: right.into()
            }),
            "{text}"
        );
    }
    assert_eq!(
        evaluate("3 s + 2 B").unwrap_err().to_string(),
        "column 5: cannot add or subtract seconds and bytes"
    );
    assert_eq!(
        evaluate("1 GB + 5").unwrap_err().to_string(),
        "column 6: cannot add or subtract bytes and a plain number"
    );
}

#[test]
fn parse_errors_say_the_column_and_what_was_expected() {
    let rows: [(&str, EstimateError); 7] = [
        ("", EstimateError::Empty),
        ("   ", EstimateError::Empty),
        (
            "3 *",
            EstimateError::Unexpected {
                at: 4,
                found: "the end".into(),
                expected: "a number, a unit or '('",
            },
        ),
        (
            "3 * )",
            EstimateError::Unexpected {
                at: 5,
                found: "')'".into(),
                expected: "a number, a unit or '('",
            },
        ),
        ("2 * (3 + 4", EstimateError::Unclosed { at: 5 }),
        (
            "5 # 3",
            EstimateError::Unexpected {
                at: 3,
                found: "'#'".into(),
                expected: "a number, a unit, an operator or a parenthesis",
            },
        ),
        (
            "2 ^ 1.5",
            EstimateError::Unexpected {
                at: 5,
                found: "a number".into(),
                expected: "a whole power from -64 to 64",
            },
        ),
    ];
    for (text, error) in rows {
        assert_eq!(evaluate(text), Err(error), "{text:?}");
    }
    // Columns count characters, not bytes.
    assert_eq!(
        evaluate("2 × 3 )"),
        Err(EstimateError::Unexpected {
            at: 7,
            found: "')'".into(),
            expected: "an operator or the end",
        })
    );
    assert_eq!(
        evaluate("1 / (2 - 2)"),
        Err(EstimateError::DivisionByZero { at: 3 })
    );
    assert_eq!(evaluate("1e308 * 1e308"), Err(EstimateError::TooLarge));
}

#[test]
fn an_estimate_is_right_within_2x_off_within_10x_and_wrong_beyond() {
    let reference = q("40 links/s");
    let rows: [(&str, Verdict); 10] = [
        ("40 links/s", Verdict::Right),
        ("80 links/s", Verdict::Right),
        ("20 links/s", Verdict::Right),
        ("81 links/s", Verdict::Off),
        ("19 links/s", Verdict::Off),
        ("400 links/s", Verdict::Off),
        ("4 links/s", Verdict::Off),
        ("401 links/s", Verdict::Wrong),
        ("3.9 links/s", Verdict::Wrong),
        ("-40 links/s", Verdict::Wrong),
    ];
    for (text, verdict) in rows {
        let (ratio, got) = compare(&q(text), &reference).unwrap();
        assert_eq!(got, verdict, "{text} (ratio {ratio})");
    }
    // Units are compared as units: links per day against links per second.
    let (ratio, verdict) = compare(&q("3.456e6 links / day"), &reference).unwrap();
    assert!(close(ratio, 1.0), "{ratio}");
    assert_eq!(verdict, Verdict::Right);
    assert_eq!(
        compare(&q("40 links"), &reference),
        Err(EstimateError::Incomparable {
            estimate: "links".into(),
            reference: "links/s".into()
        })
    );
    assert_eq!(
        compare(&q("0 links/s"), &reference).unwrap().1,
        Verdict::Wrong
    );
    // What is counted is the user's word: clicks per second answer links per second,
    // and a plain rate too; bytes per second do not.
    assert_eq!(
        compare(&q("50 clicks/s"), &reference).unwrap().1,
        Verdict::Right
    );
    assert_eq!(
        compare(&q("3000 / min"), &reference).unwrap().1,
        Verdict::Right
    );
    assert_eq!(
        compare(&q("40 B/s"), &reference),
        Err(EstimateError::Incomparable {
            estimate: "B/s".into(),
            reference: "links/s".into()
        })
    );
    assert_eq!(Verdict::Off.id(), "off");
}

#[test]
fn a_value_is_shown_in_words_a_reader_takes_in_at_a_glance() {
    let rows = [
        ("100e6 links / month", "38.6 links/s"),
        ("4000 redirects/s * 5", "20,000 redirects/s"),
        ("3858", "3,860"),
        ("6e9 links * 500 B", "3 links·TB"),
        ("1.2e9 * 5 * 500 B", "3 TB"),
        ("100 TB / day", "1.16 GB/s"),
        ("500 million users", "500 million users"),
        ("3.52e12", "3.52 trillion"),
        ("3 hours + 30 min", "3.5 h"),
        ("45 s", "45 s"),
        ("2 days", "2 days"),
        ("0.25", "0.25"),
        ("63 %", "0.63"),
        ("999 B", "999 B"),
        ("1 KiB", "1.02 KB"),
    ];
    for (text, shown) in rows {
        assert_eq!(show(&q(text)), shown, "{text}");
    }
}

#[test]
fn an_assessment_evaluates_compares_and_says_why_not() {
    let a = assess("100e6 links / month", Some("40 links/s"));
    assert_eq!(a.value, Ok("38.6 links/s".to_string()));
    assert_eq!(a.reference, Some("40 links/s".to_string()));
    assert_eq!(
        a.comparison,
        Some(Ok((Verdict::Right, "about the reference".to_string())))
    );
    let a = assess("400 links/s", Some("40 links/s"));
    assert_eq!(
        a.comparison,
        Some(Ok((Verdict::Off, "10 times the reference".to_string())))
    );
    let a = assess("8 links/s", Some("40 links/s"));
    assert_eq!(
        a.comparison,
        Some(Ok((Verdict::Off, "1/5 of the reference".to_string())))
    );
    // Without a reference (in Requirements) only the value.
    let a = assess("2 TB", None);
    assert_eq!(
        (a.value, a.reference, a.comparison),
        (Ok("2 TB".into()), None, None)
    );
    // A parse error says where; a unit mismatch says both units.
    let a = assess("3 s + 2 B", Some("5 s"));
    assert_eq!(
        a.value,
        Err("column 5: cannot add or subtract seconds and bytes".into())
    );
    assert_eq!(a.comparison, None);
    let a = assess("3 TB", Some("40 links/s"));
    assert!(
        matches!(&a.comparison, Some(Err(why)) if why.contains("bytes") && why.contains("links/s")),
        "{a:?}"
    );
}

#[test]
fn a_rate_is_shown_per_the_time_it_is_written_per() {
    use breadthfirst::core::estimate::{show_per, written_per};
    assert_eq!(
        written_per("20e6 * 1800 tokens / day"),
        Some(("day".into(), 86_400.0))
    );
    assert_eq!(written_per("5 GB/s"), Some(("s".into(), 1.0)));
    assert_eq!(written_per("3 TB"), None);
    assert_eq!(written_per("100e6 links / (30 * 86400 s)"), None);
    // The reference's time wins; else the estimate's own.
    let a = assess("20e6 * 1800 tokens / day", Some("36 billion tokens / day"));
    assert_eq!(a.value, Ok("36 billion tokens/day".to_string()));
    assert_eq!(a.reference, Some("36 billion tokens/day".to_string()));
    let a = assess("417000 tokens/s", Some("36 billion tokens / day"));
    assert_eq!(a.value, Ok("36 billion tokens/day".to_string()));
    let a = assess("3 million dollars / months", None);
    assert_eq!(a.value, Ok("3 million dollars/month".to_string()));
    let a = assess("100 GB / d", None);
    assert_eq!(a.value, Ok("100 GB/day".to_string()));
    let a = assess("1000 / hour", None);
    assert_eq!(a.value, Ok("1,000 per hour".to_string()));
    // Not a rate, or per second: as before.
    assert_eq!(show_per(&q("3 TB"), Some(("day", 86_400.0))), "3 TB");
    assert_eq!(show_per(&q("5 GB/s"), Some(("s", 1.0))), "5 GB/s");
}
