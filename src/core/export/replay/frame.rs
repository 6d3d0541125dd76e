//! The frame every picture of a replay is drawn in, the animated SVG and each still
//! frame alike: the whole replay's area ([`Versions::area`](super::Versions::area))
//! with a band above it showing the title, the session clock with the phase
//! ("12:30 · Breadth") and a progress bar with a tick where each phase began. It
//! depends on the replay only, never on the instant shown, so every picture of one
//! replay has one size (still frames make a video). The title is escaped.

use super::clock::phase_at;
use super::SessionReplay;
use crate::core::decimal::{dec, Decimal};
use crate::core::diagram::{escape_markup, fit_text, Rect};
use crate::core::export::svg::{fill_area, open, ARROWHEAD};
use crate::core::history::clock;
use std::fmt::Write;

/// The band's height, in font sizes.
const BAND_FONTS: f64 = 2.6;

/// A replay's picture: the board's area and the band above it.
pub(super) struct Frame {
    /// The whole picture, band included.
    pub area: Rect,
    /// The band's font size.
    pub font: f64,
}

impl Frame {
    /// The frame of `replay`'s pictures.
    pub fn of(replay: &SessionReplay) -> Frame {
        let board = replay.versions.area;
        let font = (board.w / 40.0).clamp(14.0, 96.0);
        let band = font * BAND_FONTS;
        Frame {
            area: Rect::new(board.x, board.y - band, board.w, board.h + band),
            font,
        }
    }

    /// The band, at the top of the picture.
    fn band(&self) -> Rect {
        Rect::new(
            self.area.x,
            self.area.y,
            self.area.w,
            self.font * BAND_FONTS,
        )
    }

    /// The space between the band's edges and what it shows.
    fn pad(&self) -> f64 {
        self.font * 0.6
    }

    /// The baseline of the band's texts.
    fn baseline(&self) -> Decimal {
        dec(self.area.y + self.font * 1.3)
    }

    /// Opens the picture: the `<svg>` start tag, its title, the arrowhead, the white
    /// background and the band with `title` (escaped; cut to half the band).
    pub fn open(&self, out: &mut String, title: &str) {
        open(out, &self.area);
        let name = if title.trim().is_empty() {
            "Replay".to_string()
        } else {
            format!("{}: replay", title.trim())
        };
        let _ = write!(out, "<title>{}</title>", escape_markup(&name));
        out.push_str(ARROWHEAD);
        fill_area(out, &self.area, "#ffffff");
        let band = self.band();
        fill_area(out, &band, "#f3f4f6");
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"600\" fill=\"#1d2330\">{}</text>",
            dec(band.x + self.pad()),
            self.baseline(),
            dec(self.font),
            escape_markup(&fit_text(title.trim(), band.w * 0.5, self.font))
        );
    }

    /// The clock and the phase at `at_ms` ("12:30 · Breadth"), at the band's right.
    pub fn clock(&self, replay: &SessionReplay, at_ms: f64) -> String {
        format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\" fill=\"#3b4250\">{} · {}</text>",
            dec(self.band().right() - self.pad()),
            self.baseline(),
            dec(self.font),
            clock(at_ms),
            phase_at(&replay.phases, at_ms).name()
        )
    }

    /// The progress bar's track, at the bottom of the band.
    pub fn track(&self) -> Rect {
        let band = self.band();
        Rect::new(
            band.x + self.pad(),
            band.bottom() - self.font * 0.7,
            band.w - 2.0 * self.pad(),
            self.font * 0.25,
        )
    }

    /// The progress bar: its track, the bar `width` wide with `animation` inside it
    /// (none when empty), and a tick where each phase after the first began.
    pub fn progress(&self, out: &mut String, replay: &SessionReplay, width: f64, animation: &str) {
        let track = self.track();
        let (x, y, h) = (dec(track.x), dec(track.y), dec(track.h));
        let _ = write!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{h}\" fill=\"#dfe3ea\"/>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{h}\" fill=\"#4f6bed\"",
            dec(track.w),
            dec(width),
        );
        if animation.is_empty() {
            out.push_str("/>");
        } else {
            let _ = write!(out, ">{animation}</rect>");
        }
        let end = replay.end_ms;
        let font = self.font;
        for start in replay.phases.iter().skip(1).filter(|p| p.at_ms < end) {
            let share = if end > 0.0 { start.at_ms / end } else { 0.0 };
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#5b6472\"/>",
                dec(track.x + track.w * share - font * 0.06),
                dec(track.y - font * 0.2),
                dec(font * 0.12),
                dec(track.h + font * 0.4),
            );
        }
    }
}
