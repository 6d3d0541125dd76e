//! One arrow on the canvas: its route (under the boxes) and its label (in a layer
//! above them), both from the arrow's layout signal, which the mirror sets from the
//! core's `ArrowLayouts`, whose steps the exports' one-pass layout
//! (`layout_arrows_once`) shares: what the canvas shows is what they draw.

use super::state::{use_board, ArrowKey};
use crate::core::decimal::dec;
use crate::core::diagram::{Rect, ARROW_LABEL_PX};
use leptos::prelude::*;

/// An arrow's route. Follows its own signals only.
#[component]
pub fn ArrowView(key: ArrowKey) -> impl IntoView {
    let state = use_board();
    let from = RwSignal::from(state.component(key.from).data);
    let to = RwSignal::from(state.component(key.to).data);
    let signals = state.arrow(key.id);
    let label = RwSignal::from(signals.label);
    let selected = RwSignal::from(signals.selected);
    let layout = RwSignal::from(signals.layout);
    let path = move || layout.with(|l| l.path());
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
        </g>
    }
}

/// An arrow's label, drawn above the boxes; clicking it picks the arrow.
#[component]
pub fn ArrowLabelView(key: ArrowKey) -> impl IntoView {
    let signals = use_board().arrow(key.id);
    let label = RwSignal::from(signals.label);
    let selected = RwSignal::from(signals.selected);
    let layout = RwSignal::from(signals.layout);
    move || {
        let rect = layout.with(|l| l.label)?;
        let text = label.get();
        (!text.is_empty()).then(|| {
            view! {
                <g
                    data-testid="edge-label"
                    data-hit="arrow"
                    data-id=key.id.to_string()
                    class:selected=selected
                            aria-hidden="true"
                >
                    {edge_label(rect, text)}
                </g>
            }
        })
    }
}

/// An arrow's label on its background box `r` (from the arrow's layout). Shared by the
/// canvas and the Review's figures.
pub fn edge_label(r: Rect, text: String) -> impl IntoView {
    let c = r.center();
    view! {
        <g class="edge-label">
            <rect
                x=dec(r.x).to_string()
                y=dec(r.y).to_string()
                width=dec(r.w).to_string()
                height=dec(r.h).to_string()
                rx="4"
            />
            <text x=dec(c.x).to_string() y=dec(c.y + ARROW_LABEL_PX * 0.35).to_string() text-anchor="middle">
                {text}
            </text>
        </g>
    }
}
