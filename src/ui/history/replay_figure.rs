//! The replay's board: one figure whose boxes, arrows and labels are keyed by their
//! content, so moving the scrubber redraws only what differs between two moments
//! (a 300-box board changes a few boxes between neighbouring moments), and one frame
//! for the whole replay, so the boards of successive moments line up.

use crate::core::decimal::dec;
use crate::core::diagram::{layout_arrows, ArrowId, Board, Component, ComponentId, Rect};
use crate::core::export::svg::MARGIN;
use crate::ui::arrow_view::edge_label;
use crate::ui::figure::FigureNode;
use leptos::prelude::*;
use rustc_hash::FxHasher;
use std::hash::{Hash, Hasher};

/// A component's key: its id and a digest of what the figure draws of it.
fn node_key(c: &Component) -> (ComponentId, u64) {
    let mut h = FxHasher::default();
    c.label.hash(&mut h);
    c.kind.hash(&mut h);
    c.hue_saturation().hash(&mut h);
    for v in [c.rect.x, c.rect.y, c.rect.w, c.rect.h] {
        v.to_bits().hash(&mut h);
    }
    (c.id, h.finish())
}

/// An arrow as drawn: its id, path, and its label's box and text.
#[derive(Clone, Debug, PartialEq)]
struct DrawnArrow {
    id: ArrowId,
    path: String,
    label: Option<(Rect, String)>,
}

/// The board of the moment in `board`, framed on `area`.
#[component]
pub fn ReplayFigure(board: Memo<Board>, area: Rect) -> impl IntoView {
    let area = area.inflate(MARGIN);
    let arrows = Memo::new(move |_| {
        board.with(|b| {
            layout_arrows(b)
                .iter()
                .map(|(a, layout)| DrawnArrow {
                    id: a.id,
                    path: layout.path(),
                    label: layout.label.map(|r| (r, a.label.clone())),
                })
                .collect::<Vec<_>>()
        })
    });
    let nodes = move || {
        board.with(|b| {
            b.components()
                .iter()
                .filter(|c| c.kind.is_part())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let caption = move || {
        let parts = board.with(|b| b.components().iter().filter(|c| c.kind.is_part()).count());
        let links = arrows.with(Vec::len);
        format!("The board at this moment: {parts} components, {links} arrows")
    };
    let labelled = move || {
        arrows.with(|list| {
            list.iter()
                .filter_map(|a| a.label.clone().map(|(r, text)| (a.id, r, text)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <figure class="board-figure" data-testid="replay-board">
            <figcaption>{caption}</figcaption>
            <svg
                class="figure-board"
                viewBox=format!("{} {} {} {}", dec(area.x), dec(area.y), dec(area.w), dec(area.h))
                role="img"
                aria-label=caption
            >
                <defs>
                    <marker id="replay-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path class="arrowhead" d="M0 0L10 5L0 10z" />
                    </marker>
                </defs>
                <For each=move || arrows.get() key=|a| (a.id, a.path.clone()) let:a>
                    <g class="edge">
                        <path class="edge-line" d=a.path marker-end="url(#replay-head)" />
                    </g>
                </For>
                <For each=nodes key=node_key let:c>
                    <FigureNode component=c new=false />
                </For>
                <For
                    each=labelled
                    key=|(id, r, text)| (*id, [r.x, r.y, r.w, r.h].map(f64::to_bits), text.clone())
                    let:l
                >
                    {edge_label(l.1, l.2)}
                </For>
            </svg>
        </figure>
    }
}
