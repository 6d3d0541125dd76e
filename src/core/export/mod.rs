//! Exports of a board to other formats, as text. Pure: the app (or the worker) only
//! hands the text to a download or the clipboard.

pub mod document;
pub mod excalidraw;
pub mod journal;
pub mod markdown;
pub mod mermaid;
pub mod picture;
pub mod replay;
pub mod svg;
pub mod zip;

/// The colour `hsl(hue saturation% lightness)` as `#rrggbb` (`lightness` from 0 to 1),
/// for formats that take hex colours only.
pub fn hsl_hex(hue: u16, saturation: u8, lightness: f64) -> String {
    let h = f64::from(hue % 360) / 60.0;
    let s = f64::from(saturation.min(100)) / 100.0;
    let l = lightness.clamp(0.0, 1.0);
    let chroma = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = chroma * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u8 {
        0 => (chroma, x, 0.0),
        1 => (x, chroma, 0.0),
        2 => (0.0, chroma, x),
        3 => (0.0, x, chroma),
        4 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = l - chroma / 2.0;
    let byte = |c: f64| ((c + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    format!("#{:02x}{:02x}{:02x}", byte(r), byte(g), byte(b))
}
