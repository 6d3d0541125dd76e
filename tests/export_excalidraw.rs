//! Excalidraw export: the scene matches a reviewed golden file, every reference in it
//! (bound text, bound arrows, bindings) points at an element that points back, arrows
//! start and end at their shapes, labels survive exactly, and an empty board gives a
//! valid empty scene.

mod common;

use breadthfirst::core::diagram::{
    layout_arrows, Applied, Board, Command, ComponentId, ComponentKind, Point, Rect,
};
use breadthfirst::core::export::excalidraw::to_excalidraw;
use common::{assert_golden, fixture};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// The scene's elements by id.
fn by_id(scene: &Value) -> HashMap<&str, &Value> {
    elements(scene)
        .iter()
        .map(|e| (str_of(&e["id"]), e))
        .collect()
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn elements(scene: &Value) -> &Vec<Value> {
    scene["elements"].as_array().expect("elements is a list")
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"))
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("{v} is not a string"))
}

/// How far a point lies outside a rectangle (0 inside or on it).
fn distance_to(r: &Rect, x: f64, y: f64) -> f64 {
    let dx = (r.x - x).max(x - (r.x + r.w)).max(0.0);
    let dy = (r.y - y).max(y - (r.y + r.h)).max(0.0);
    dx.hypot(dy)
}

/// The `(id, type)` pairs of an element's `boundElements` (`null` counts as none).
fn bound_of(e: &Value) -> BTreeSet<(String, String)> {
    match &e["boundElements"] {
        Value::Null => BTreeSet::new(),
        Value::Array(list) => list
            .iter()
            .map(|b| (str_of(&b["id"]).to_string(), str_of(&b["type"]).to_string()))
            .collect(),
        other => panic!("boundElements is {other}"),
    }
}

const COMMON: [&str; 25] = [
    "id",
    "type",
    "x",
    "y",
    "width",
    "height",
    "angle",
    "strokeColor",
    "backgroundColor",
    "fillStyle",
    "strokeWidth",
    "strokeStyle",
    "roughness",
    "opacity",
    "groupIds",
    "frameId",
    "roundness",
    "seed",
    "version",
    "versionNonce",
    "isDeleted",
    "boundElements",
    "updated",
    "link",
    "locked",
];
const TEXT: [&str; 9] = [
    "fontSize",
    "fontFamily",
    "text",
    "originalText",
    "textAlign",
    "verticalAlign",
    "containerId",
    "lineHeight",
    "autoResize",
];
const ARROW: [&str; 7] = [
    "points",
    "lastCommittedPoint",
    "startBinding",
    "endBinding",
    "startArrowhead",
    "endArrowhead",
    "elbowed",
];

/// Checks everything a loader relies on; panics with the first problem.
fn assert_sound_scene(board: &Board, scene: &Value) {
    assert_eq!(scene["type"], "excalidraw");
    assert_eq!(scene["version"], 2);
    assert_eq!(scene["source"], "breadthfirst");
    assert_eq!(scene["appState"]["viewBackgroundColor"], "#ffffff");
    assert!(scene["appState"]["gridSize"].is_null());
    assert_eq!(scene["files"], serde_json::json!({}));

    let list = elements(scene);
    let by_id: HashMap<&str, &Value> = list.iter().map(|e| (str_of(&e["id"]), e)).collect();
    assert_eq!(by_id.len(), list.len(), "every id is unique");

    // Every element has Excalidraw's full field set for its type.
    for e in list {
        let object = e.as_object().unwrap();
        let extra: &[&str] = match str_of(&e["type"]) {
            "text" => &TEXT,
            "arrow" => &ARROW,
            "rectangle" | "ellipse" | "diamond" => &[],
            other => panic!("unexpected element type {other}"),
        };
        for field in COMMON.iter().chain(extra) {
            assert!(object.contains_key(*field), "{} lacks {field}", e["id"]);
        }
        assert!(num(&e["seed"]) >= 1.0, "rough.js takes seed 0 as random");
        assert_eq!(e["isDeleted"], false);
    }

    // One shape and one text per component, one arrow per board arrow, one text per
    // labelled arrow.
    let count = |kinds: &[&str]| {
        list.iter()
            .filter(|e| kinds.contains(&str_of(&e["type"])))
            .count()
    };
    let labelled = board
        .arrows()
        .iter()
        .filter(|a| !a.label.is_empty())
        .count();
    assert_eq!(
        count(&["rectangle", "ellipse", "diamond"]),
        board.components().len()
    );
    assert_eq!(count(&["arrow"]), board.arrows().len());
    assert_eq!(count(&["text"]), board.components().len() + labelled);

    // Components: position, size, and exactly their text and arrows bound.
    for c in board.components() {
        let id = format!("c{}", c.id);
        let shape = by_id[id.as_str()];
        assert_eq!(num(&shape["x"]), c.rect.x);
        assert_eq!(num(&shape["y"]), c.rect.y);
        assert_eq!(num(&shape["width"]), c.rect.w);
        assert_eq!(num(&shape["height"]), c.rect.h);
        let mut expected: BTreeSet<(String, String)> = board
            .arrows_of(c.id)
            .map(|a| (format!("a{}", a.id), "arrow".to_string()))
            .collect();
        expected.insert((format!("{id}-text"), "text".to_string()));
        assert_eq!(bound_of(shape), expected, "bound to {id}");
    }

    // Every reference names an existing element of the right type, and it names back.
    for e in list {
        let id = str_of(&e["id"]);
        for (bound_id, kind) in bound_of(e) {
            let other = by_id
                .get(bound_id.as_str())
                .unwrap_or_else(|| panic!("{id} lists missing {bound_id}"));
            assert_eq!(str_of(&other["type"]), kind, "{bound_id} type");
            if kind == "text" {
                assert_eq!(other["containerId"], id, "{bound_id} container");
            } else {
                let ends = [
                    &other["startBinding"]["elementId"],
                    &other["endBinding"]["elementId"],
                ];
                assert!(ends.contains(&&Value::from(id)), "{bound_id} binds {id}");
            }
        }
        if e["type"] == "text" {
            let container = str_of(&e["containerId"]);
            let owner = by_id
                .get(container)
                .unwrap_or_else(|| panic!("{id} is in missing {container}"));
            assert!(bound_of(owner).contains(&(id.to_string(), "text".to_string())));
            assert_eq!(e["text"], e["originalText"]);
            assert_eq!(e["textAlign"], "center");
            assert_eq!(e["verticalAlign"], "middle");
        }
    }

    // Arrows: bound to their board ends, listed by both shapes, and drawn from one
    // shape's border to the other's.
    let layouts = layout_arrows(board);
    for a in board.arrows() {
        let id = format!("a{}", a.id);
        let e = by_id[id.as_str()];
        let (from, to) = (format!("c{}", a.from), format!("c{}", a.to));
        assert_eq!(e["startBinding"]["elementId"], from.as_str());
        assert_eq!(e["endBinding"]["elementId"], to.as_str());
        for end in [&from, &to] {
            assert!(bound_of(by_id[end.as_str()]).contains(&(id.clone(), "arrow".to_string())));
        }
        assert_eq!(e["startArrowhead"], Value::Null);
        assert_eq!(e["endArrowhead"], "arrow");
        let points = e["points"].as_array().unwrap();
        assert!(points.len() >= 2);
        assert_eq!((num(&points[0][0]), num(&points[0][1])), (0.0, 0.0));
        let (xs, ys): (Vec<f64>, Vec<f64>) =
            points.iter().map(|p| (num(&p[0]), num(&p[1]))).unzip();
        let (dx, dy) = (xs[xs.len() - 1], ys[ys.len() - 1]);
        let span = |v: &[f64]| {
            v.iter().copied().fold(f64::MIN, f64::max) - v.iter().copied().fold(f64::MAX, f64::min)
        };
        assert!((num(&e["width"]) - span(&xs)).abs() < 0.02);
        assert!((num(&e["height"]) - span(&ys)).abs() < 0.02);
        let (x, y) = (num(&e["x"]), num(&e["y"]));
        // The route drawn on the canvas, point for point.
        let route = &layouts.iter().find(|(l, _)| l.id == a.id).unwrap().1.points;
        assert_eq!(route.len(), points.len(), "{id} bends as on the canvas");
        for (p, (px, py)) in route.iter().zip(xs.iter().zip(&ys)) {
            assert!((p.x - (x + px)).abs() < 0.02 && (p.y - (y + py)).abs() < 0.02);
        }
        let rect = |cid: ComponentId| board.component(cid).unwrap().rect;
        assert!(
            distance_to(&rect(a.from), x, y) <= 4.0,
            "{id} starts at its source"
        );
        assert!(
            distance_to(&rect(a.to), x + dx, y + dy) <= 4.0,
            "{id} ends at its target"
        );
        // On the borders, not inside either box.
        let (start, end) = (Point::new(x, y), Point::new(x + dx, y + dy));
        for (r, p) in [(rect(a.from), start), (rect(a.to), end)] {
            assert!(!r.inflate(-1.0).contains(p), "{id} stays out of its shapes");
        }
        assert!(
            distance_to(&rect(a.to), x, y) > 0.0,
            "{id} starts off its target"
        );
        let label_id = format!("{id}-text");
        if a.label.is_empty() {
            assert!(e["boundElements"].is_null());
            assert!(!by_id.contains_key(label_id.as_str()));
        } else {
            assert_eq!(by_id[label_id.as_str()]["text"], a.label.as_str());
        }
    }
}

#[test]
fn a_board_exports_to_the_reviewed_scene() {
    let board = fixture("complete-url-shortener.json");
    let text = to_excalidraw(&board);
    assert_golden("complete-url-shortener.excalidraw", &text);
    assert_eq!(text, to_excalidraw(&board), "deterministic");
    assert_sound_scene(&board, &parse(&text));
}

#[test]
fn every_fixture_exports_a_sound_scene() {
    for name in [
        "complete-url-shortener.json",
        "complete-notification-system.json",
        "complete-rate-limiter.json",
        "deep-but-narrow-notifications.json",
    ] {
        let board = fixture(name);
        assert!(!board.is_empty(), "{name}");
        let scene = parse(&to_excalidraw(&board));
        assert_sound_scene(&board, &scene);
        // Real labels fit their boxes (shrunk if need be) and sit in the middle.
        let by_id = by_id(&scene);
        for c in board.components() {
            let t = by_id[format!("c{}-text", c.id).as_str()];
            let (x, y, w, h) = (
                num(&t["x"]),
                num(&t["y"]),
                num(&t["width"]),
                num(&t["height"]),
            );
            let r = c.rect;
            assert!(
                x >= r.x && x + w <= r.x + r.w,
                "{name}: {} fits across",
                c.label
            );
            assert!(
                y >= r.y && y + h <= r.y + r.h,
                "{name}: {} fits down",
                c.label
            );
            let centre = r.center();
            assert!(
                (x + w / 2.0 - centre.x).abs() < 0.02,
                "{name}: {} centred",
                c.label
            );
            assert!(
                (y + h / 2.0 - centre.y).abs() < 0.02,
                "{name}: {} middle",
                c.label
            );
            assert!((10.0..=16.0).contains(&num(&t["fontSize"])));
        }
    }
}

#[test]
fn each_kind_gets_its_closest_shape_and_its_colours() {
    let mut board = Board::new();
    for (i, kind) in ComponentKind::ALL.into_iter().enumerate() {
        board
            .apply(Command::AddComponent {
                kind,
                at: Point::new(200.0 * i as f64, 0.0),
                label: None,
            })
            .unwrap();
    }
    let scene = parse(&to_excalidraw(&board));
    assert_sound_scene(&board, &scene);
    let by_id = by_id(&scene);
    let shape_of = |kind: ComponentKind| {
        let c = board.components().iter().find(|c| c.kind == kind).unwrap();
        by_id[format!("c{}", c.id).as_str()]
    };
    let rounded = serde_json::json!({ "type": 3 });
    assert_eq!(shape_of(ComponentKind::Service)["type"], "rectangle");
    assert_eq!(shape_of(ComponentKind::Service)["roundness"], rounded);
    assert_eq!(shape_of(ComponentKind::Dns)["type"], "ellipse");
    assert_eq!(shape_of(ComponentKind::LoadBalancer)["type"], "diamond");
    assert_eq!(shape_of(ComponentKind::Generic)["type"], "rectangle");
    assert_eq!(shape_of(ComponentKind::Generic)["roundness"], Value::Null);
    // hsl(0 0% 38%) and hsl(0 0% 95%).
    assert_eq!(shape_of(ComponentKind::Generic)["strokeColor"], "#616161");
    assert_eq!(
        shape_of(ComponentKind::Generic)["backgroundColor"],
        "#f2f2f2"
    );
    for kind in ComponentKind::ALL {
        let shape = shape_of(kind);
        let dashed = kind.shape().is_dashed();
        assert_eq!(
            shape["strokeStyle"],
            if dashed { "dashed" } else { "solid" }
        );
        assert_eq!(shape["fillStyle"], "solid");
        assert_eq!(shape["roughness"], 1);
        assert_eq!(shape["strokeWidth"], 2);
        for key in ["strokeColor", "backgroundColor"] {
            let colour = str_of(&shape[key]);
            assert!(
                colour.len() == 7
                    && colour.starts_with('#')
                    && colour[1..].chars().all(|c| c.is_ascii_hexdigit()),
                "{kind:?} {key} {colour}"
            );
        }
        // A label that is the kind's name is not repeated as a caption.
        assert_eq!(
            by_id[format!("{}-text", shape["id"].as_str().unwrap()).as_str()]["text"],
            kind.display_name()
        );
    }
    assert!(shape_of(ComponentKind::External)["strokeStyle"] == "dashed");
}

#[test]
fn hostile_labels_survive_exactly() {
    let long = "x".repeat(10_000);
    let labels = [
        "\"quotes\" and 'apostrophes' \\ backslash",
        "</script><script>alert(1)</script>",
        "line one\nline two\r\nline three",
        long.as_str(),
        "🚀 Emoji 👩‍💻 store",
    ];
    let mut board = Board::new();
    let mut ids = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        match board.apply(Command::AddComponent {
            kind: ComponentKind::Service,
            at: Point::new(250.0 * i as f64, 100.0 * (i % 2) as f64),
            label: Some(label.to_string()),
        }) {
            Ok(Applied::Added(id)) => ids.push(id),
            other => panic!("{other:?}"),
        }
    }
    // A ring of arrows, each carrying one of the labels too.
    for (i, label) in labels.iter().enumerate() {
        board
            .apply(Command::ConnectComponents {
                from: ids[i],
                to: ids[(i + 1) % ids.len()],
                label: label.to_string(),
            })
            .unwrap();
    }
    // The board itself folds line breaks and cuts long labels; those are what export.
    let label_of = |i: usize| board.component(ids[i]).unwrap().label.clone();
    assert_eq!(label_of(2), "line one line two line three");
    assert_eq!(label_of(3), "x".repeat(80));
    assert_eq!(label_of(4), labels[4]);

    let text = to_excalidraw(&board);
    let scene = parse(&text);
    assert_sound_scene(&board, &scene);
    let by_id = by_id(&scene);
    for c in board.components() {
        let t = by_id[format!("c{}-text", c.id).as_str()];
        let expected = format!("{}\nService", c.label);
        assert_eq!(str_of(&t["text"]), expected);
        assert_eq!(str_of(&t["originalText"]), expected);
    }
    for a in board.arrows() {
        let t = by_id[format!("a{}-text", a.id).as_str()];
        assert_eq!(str_of(&t["text"]), a.label);
        assert_eq!(str_of(&t["originalText"]), a.label);
    }
    assert!(board
        .arrows()
        .iter()
        .any(|a| a.label.starts_with("</script>")));
    assert!(board.arrows().iter().any(|a| a.label.contains('👩')));
}

#[test]
fn an_empty_board_exports_an_empty_scene() {
    let scene = parse(&to_excalidraw(&Board::new()));
    assert_sound_scene(&Board::new(), &scene);
    assert!(elements(&scene).is_empty());
}
