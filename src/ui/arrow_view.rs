//! One arrow on the canvas: a line between two components with an optional label.

use super::state::{use_board, ArrowKey};
use crate::core::decimal::dec;
use crate::core::diagram::{arrow_endpoints, label_anchor, text_width, Point, Size};
use leptos::prelude::*;

/// Font size of arrow labels, in world units.
const LABEL_PX: f64 = 12.0;

/// An arrow's SVG group. Follows its two components' signals only.
#[component]
pub fn ArrowView(key: ArrowKey) -> impl IntoView {
    let state = use_board();
    let from = RwSignal::from(state.component(key.from).data);
    let to = RwSignal::from(state.component(key.to).data);
    let signals = state.arrow(key.id);
    let label = RwSignal::from(signals.label);
    let selected = RwSignal::from(signals.selected);
    let culled = RwSignal::from(signals.culled);
    let ends = Memo::new(move |_| arrow_endpoints(&from.with(|c| c.rect), &to.with(|c| c.rect)));
    let path = move || {
        let (a, b) = ends.get();
        format!("M{} {}L{} {}", dec(a.x), dec(a.y), dec(b.x), dec(b.y))
    };
    let label_view = move || {
        let text = label.get();
        (!text.is_empty()).then(|| {
            let (a, b) = ends.get();
            edge_label(a, b, text)
        })
    };
    let aria = move || {
        let text = label.get();
        let (f, t) = (from.with(|c| c.label.clone()), to.with(|c| c.label.clone()));
        if text.is_empty() {
            format!("Arrow from {f} to {t}")
        } else {
            format!("Arrow from {f} to {t}: {text}")
        }
    };

    view! {
        <g
            data-testid="edge"
            data-hit="arrow"
            data-id=key.id.to_string()
            data-from=key.from.to_string()
            data-to=key.to.to_string()
            class="edge"
            class:selected=selected
            class:culled=culled
            role="img"
            aria-label=aria
        >
            <path class="edge-hit" d=path />
            <path
                class="edge-line"
                d=path
                marker-end=move || {
                    if selected.get() { "url(#arrowhead-selected)" } else { "url(#arrowhead)" }
                }
            />
            {label_view}
        </g>
    }
}

/// An arrow's label on its background, at the longest free stretch of the arrow from
/// `a` to `b` (`label_anchor`). Shared by the canvas and the Review's figures.
pub fn edge_label(a: Point, b: Point, text: String) -> impl IntoView {
    let w = text_width(&text, LABEL_PX) + 10.0;
    let h = LABEL_PX + 8.0;
    let at = label_anchor(a, b, Size::new(w, h));
    view! {
        <g class="edge-label">
            <rect
                x=dec(at.x - w / 2.0).to_string()
                y=dec(at.y - h / 2.0).to_string()
                width=dec(w).to_string()
                height=dec(h).to_string()
                rx="4"
            />
            <text x=dec(at.x).to_string() y=dec(at.y + LABEL_PX * 0.35).to_string() text-anchor="middle">
                {text}
            </text>
        </g>
    }
}
