//! Outline paths for component shapes, shared by the canvas and the SVG export.

use super::kind::Shape;
use crate::core::decimal::dec;

/// SVG path data for a shape in a `w` x `h` box at the origin: the filled body and an
/// optional detail line drawn on top (a cylinder's rim, a note's fold).
pub fn shape_outline(shape: Shape, w: f64, h: f64) -> (String, Option<String>) {
    let (wd, hd) = (dec(w), dec(h));
    match shape {
        Shape::RoundedRect | Shape::DashedRect => (rounded_rect(w, h, 10.0), None),
        Shape::Rect => (rounded_rect(w, h, 2.0), None),
        Shape::Hexagon => {
            let k = (w / 4.0).min(16.0);
            (
                format!(
                    "M{k} 0H{a}L{wd} {m}L{a} {hd}H{k}L0 {m}Z",
                    k = dec(k),
                    a = dec(w - k),
                    m = dec(h / 2.0),
                ),
                None,
            )
        }
        Shape::Cylinder => {
            let ry_ = (h / 6.0).min(8.0);
            let (rx, ry) = (dec(w / 2.0), dec(ry_));
            (
                format!(
                    "M0 {ry}A{rx} {ry} 0 0 1 {wd} {ry}V{b}A{rx} {ry} 0 0 1 0 {b}Z",
                    b = dec(h - ry_)
                ),
                Some(format!("M0 {ry}A{rx} {ry} 0 0 0 {wd} {ry}")),
            )
        }
        Shape::Pipe => {
            let rx_ = (w / 8.0).min(10.0);
            let (rx, ry, e) = (dec(rx_), dec(h / 2.0), dec(w - rx_));
            (
                format!("M{rx} 0H{e}A{rx} {ry} 0 0 1 {e} {hd}H{rx}A{rx} {ry} 0 0 1 {rx} 0Z"),
                Some(format!("M{e} 0A{rx} {ry} 0 0 0 {e} {hd}")),
            )
        }
        Shape::Stadium => {
            let (r, e) = (dec(h / 2.0), dec(w - h / 2.0));
            (
                format!("M{r} 0H{e}A{r} {r} 0 0 1 {e} {hd}H{r}A{r} {r} 0 0 1 {r} 0Z"),
                None,
            )
        }
        Shape::Bucket => {
            let k = 12.0_f64.min(w / 6.0);
            (format!("M0 0H{wd}L{} {hd}H{}Z", dec(w - k), dec(k)), None)
        }
        Shape::Parallelogram => {
            let k = 14.0_f64.min(w / 6.0);
            (format!("M{} 0H{wd}L{} {hd}H0Z", dec(k), dec(w - k)), None)
        }
        Shape::Note => {
            let f_ = 14.0_f64.min(h / 3.0);
            let (f, a) = (dec(f_), dec(w - f_));
            (
                format!("M0 0H{a}L{wd} {f}V{hd}H0Z"),
                Some(format!("M{a} 0V{f}H{wd}")),
            )
        }
        Shape::Octagon => {
            let c = 12.0_f64.min(h / 4.0);
            (
                format!(
                    "M{cd} 0H{a}L{wd} {cd}V{b}L{a} {hd}H{cd}L0 {b}V{cd}Z",
                    cd = dec(c),
                    a = dec(w - c),
                    b = dec(h - c),
                ),
                None,
            )
        }
    }
}

fn rounded_rect(w: f64, h: f64, r: f64) -> String {
    let r_ = r.min(w / 2.0).min(h / 2.0);
    let (r, a, b, w, h) = (dec(r_), dec(w - r_), dec(h - r_), dec(w), dec(h));
    format!(
        "M{r} 0H{a}A{r} {r} 0 0 1 {w} {r}V{b}A{r} {r} 0 0 1 {a} {h}H{r}A{r} {r} 0 0 1 0 {b}V{r}A{r} {r} 0 0 1 {r} 0Z"
    )
}

impl Shape {
    /// Whether the outline is drawn dashed.
    pub fn is_dashed(self) -> bool {
        matches!(self, Shape::DashedRect)
    }
}
