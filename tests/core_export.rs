//! Exports: the SVG of a board is standalone, safe with hostile labels, fits its
//! content, and matches a reviewed golden file.

mod common;

use breadthfirst::core::diagram::{Applied, Board, Command, ComponentKind, Point};
use breadthfirst::core::export::svg::{to_svg, MARGIN};
use common::{assert_golden, fixture};

#[test]
fn a_board_exports_to_the_reviewed_svg() {
    let board = fixture("complete-url-shortener.json");
    let svg = to_svg(&board, Some("#ffffff"));
    assert_golden("complete-url-shortener.svg", &svg);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    assert_eq!(
        svg.matches("<g transform=").count(),
        board.components().len()
    );
    assert_eq!(
        svg.matches("marker-end=\"url(#head)\"").count(),
        board.arrows().len()
    );
    for c in board.components() {
        assert!(svg.contains(&c.kind.icon().to_string()));
    }
}

#[test]
fn the_picture_fits_every_component_with_a_margin() {
    let board = fixture("complete-notification-system.json");
    let svg = to_svg(&board, None);
    let view: Vec<f64> = svg
        .split("viewBox=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let bounds = board.bounds().unwrap();
    assert_eq!(view[0], bounds.x - MARGIN);
    assert_eq!(view[1], bounds.y - MARGIN);
    assert_eq!(view[2], bounds.w + 2.0 * MARGIN);
    assert_eq!(view[3], bounds.h + 2.0 * MARGIN);
    assert!(
        !svg.contains("<rect x=\"-24\" y=\"-24\""),
        "no background asked for"
    );
}

#[test]
fn hostile_labels_are_escaped_and_nothing_active_or_external_is_written() {
    let mut board = Board::new();
    let mut add = |label: &str, x: f64| match board.apply(Command::AddComponent {
        kind: ComponentKind::Service,
        at: Point::new(x, 0.0),
        label: Some(label.into()),
    }) {
        Ok(Applied::Added(id)) => id,
        other => panic!("{other:?}"),
    };
    let a = add("<script>alert(1)</script>", 0.0);
    let b = add("\" onload=\"x() & 'y'", 300.0);
    board
        .apply(Command::ConnectComponents {
            from: a,
            to: b,
            label: "<foreignObject><a href=\"http://evil\">".into(),
        })
        .unwrap();
    let svg = to_svg(&board, Some("\"/><script>"));
    // Escaped text may spell anything; no element or attribute may be written.
    for forbidden in [
        "<script",
        "<foreignObject",
        "<a ",
        "onload=\"",
        "href=\"",
        "javascript:",
    ] {
        assert!(!svg.contains(forbidden), "{forbidden} in {svg}");
    }
    assert!(
        svg.contains("&lt;script&gt;alert(1)"),
        "shown, escaped (and fitted to the box)"
    );
    // Wrapped over lines now: each piece escaped.
    assert!(svg.contains("&quot; onload=&quot;x()"), "{svg}");
    assert!(svg.contains("&amp;"));
    assert!(svg.contains("&#39;y&#39;"));
    // The only reference is the in-document arrowhead.
    assert_eq!(svg.matches("url(").count(), 1);
}

#[test]
fn an_empty_board_exports_an_empty_picture() {
    let svg = to_svg(&Board::new(), None);
    assert!(svg.contains("viewBox=\"-24 -24 48 48\""), "{svg}");
    assert!(!svg.contains("<g "));
}

#[test]
fn pictures_are_drawn_at_the_scale_asked_unless_too_large() {
    use breadthfirst::core::export::picture::{fit_scale, MAX_AREA, MAX_SIDE};
    // A small board at 2x.
    assert_eq!(fit_scale(800.0, 600.0, 2.0, f64::INFINITY), 2.0);
    // A replay frame: its longest side at most full HD.
    let s = fit_scale(1_600.0, 900.0, 2.0, 1_920.0);
    assert!((1_600.0 * s - 1_920.0).abs() < 1e-9, "{s}");
    // A huge board: the canvas limits, side and area.
    let s = fit_scale(20_000.0, 1_000.0, 2.0, f64::INFINITY);
    assert!(20_000.0 * s <= MAX_SIDE + 1e-6, "{s}");
    let s = fit_scale(12_000.0, 12_000.0, 2.0, f64::INFINITY);
    assert!(144_000_000.0 * s * s <= MAX_AREA + 1.0, "{s}");
    assert!(s > 0.6, "{s}");
    // An empty picture is not divided by zero.
    assert_eq!(fit_scale(0.0, 0.0, 2.0, 1_920.0), 2.0);
}
