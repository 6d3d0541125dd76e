//! Outline paths for component shapes, shared by the canvas and the SVG export.

use super::kind::Shape;

/// SVG path data for a shape in a `w` x `h` box at the origin: the filled body and an
/// optional detail line drawn on top (a cylinder's rim, a note's fold).
pub fn shape_outline(shape: Shape, w: f64, h: f64) -> (String, Option<String>) {
    match shape {
        Shape::RoundedRect | Shape::DashedRect => (rounded_rect(w, h, 10.0), None),
        Shape::Rect => (rounded_rect(w, h, 2.0), None),
        Shape::Hexagon => {
            let k = (w / 4.0).min(16.0);
            (
                format!(
                    "M{k} 0H{}L{w} {}L{} {h}H{k}L0 {}Z",
                    w - k,
                    h / 2.0,
                    w - k,
                    h / 2.0
                ),
                None,
            )
        }
        Shape::Cylinder => {
            let ry = (h / 6.0).min(8.0);
            let rx = w / 2.0;
            (
                format!(
                    "M0 {ry}A{rx} {ry} 0 0 1 {w} {ry}V{b}A{rx} {ry} 0 0 1 0 {b}Z",
                    b = h - ry
                ),
                Some(format!("M0 {ry}A{rx} {ry} 0 0 0 {w} {ry}")),
            )
        }
        Shape::Pipe => {
            let rx = (w / 8.0).min(10.0);
            let ry = h / 2.0;
            (
                format!(
                    "M{rx} 0H{e}A{rx} {ry} 0 0 1 {e} {h}H{rx}A{rx} {ry} 0 0 1 {rx} 0Z",
                    e = w - rx
                ),
                Some(format!("M{e} 0A{rx} {ry} 0 0 0 {e} {h}", e = w - rx)),
            )
        }
        Shape::Stadium => {
            let r = h / 2.0;
            (
                format!(
                    "M{r} 0H{e}A{r} {r} 0 0 1 {e} {h}H{r}A{r} {r} 0 0 1 {r} 0Z",
                    e = w - r
                ),
                None,
            )
        }
        Shape::Bucket => {
            let k = 12.0_f64.min(w / 6.0);
            (format!("M0 0H{w}L{} {h}H{k}Z", w - k), None)
        }
        Shape::Parallelogram => {
            let k = 14.0_f64.min(w / 6.0);
            (format!("M{k} 0H{w}L{} {h}H0Z", w - k), None)
        }
        Shape::Note => {
            let f = 14.0_f64.min(h / 3.0);
            (
                format!("M0 0H{}L{w} {f}V{h}H0Z", w - f),
                Some(format!("M{} 0V{f}H{w}", w - f)),
            )
        }
        Shape::Octagon => {
            let c = 12.0_f64.min(h / 4.0);
            (
                format!(
                    "M{c} 0H{}L{w} {c}V{}L{} {h}H{c}L0 {}V{c}Z",
                    w - c,
                    h - c,
                    w - c,
                    h - c
                ),
                None,
            )
        }
    }
}

fn rounded_rect(w: f64, h: f64, r: f64) -> String {
    let r = r.min(w / 2.0).min(h / 2.0);
    format!(
        "M{r} 0H{a}A{r} {r} 0 0 1 {w} {r}V{b}A{r} {r} 0 0 1 {a} {h}H{r}A{r} {r} 0 0 1 0 {b}V{r}A{r} {r} 0 0 1 {r} 0Z",
        a = w - r,
        b = h - r
    )
}

impl Shape {
    /// Whether the outline is drawn dashed.
    pub fn is_dashed(self) -> bool {
        matches!(self, Shape::DashedRect)
    }
}
