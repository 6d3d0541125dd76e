//! A board drawn read-only at a readable size, in the canvas's own classes (so it
//! follows the light or dark theme): the Review's breadth map and final board.

use super::arrow_view::edge_label;
use super::component_view::{hue_var, label_text, saturation_var};
use crate::core::decimal::dec;
use crate::core::diagram::{
    caption_text, label_layout, layout_arrows, shape_outline, Board, Component, Rect,
};
use crate::core::export::svg::MARGIN;
use leptos::prelude::*;

/// `board` as a figure with a caption. With `since`, what is not on that earlier
/// board is ringed as new. `id` names the figure (`data-testid`, marker ids). With
/// `area`, the figure frames that part of the board rather than the board's bounds
/// (a replay's moments share one frame).
#[component]
pub fn BoardFigure(
    id: &'static str,
    caption: String,
    board: Board,
    #[prop(default = None)] since: Option<Board>,
    #[prop(default = None)] area: Option<Rect>,
) -> impl IntoView {
    let count = |n: usize, noun: &str| format!("{n} {noun}{}", if n == 1 { "" } else { "s" });
    let caption = format!(
        "{caption}: {}, {}",
        count(
            board
                .components()
                .iter()
                .filter(|c| c.kind.is_part())
                .count(),
            "component"
        ),
        count(board.arrows().len(), "arrow")
    );
    let drawing = board.bounds().map(|bounds| {
        let area = area.map_or(bounds, |a| a.union(&bounds)).inflate(MARGIN);
        let head = format!("{id}-head");
        let new_head = format!("{id}-new-head");
        let layouts = layout_arrows(&board);
        let labels = layouts
            .iter()
            .filter_map(|(a, layout)| Some(edge_label(layout.label?, a.label.clone())))
            .collect_view();
        let arrows = layouts
            .iter()
            .map(|(a, layout)| {
                let new = since
                    .as_ref()
                    .is_some_and(|b| b.arrow_between(a.from, a.to).is_none());
                let marker = format!("url(#{})", if new { &new_head } else { &head });
                view! {
                    <g class="edge" class:new=new>
                        <path class="edge-line" d=layout.path() marker-end=marker />
                    </g>
                }
            })
            .collect_view();
        // The figure shows the design: free text, sticky notes and frames are left out.
        let nodes = board
            .components()
            .iter()
            .filter(|c| c.kind.is_part())
            .map(|c| {
                let new = since.as_ref().is_some_and(|b| b.component(c.id).is_none());
                view! { <FigureNode component=c.clone() new=new /> }
            })
            .collect_view();
        view! {
            <svg
                class="figure-board"
                viewBox=format!("{} {} {} {}", dec(area.x), dec(area.y), dec(area.w), dec(area.h))
                role="img"
                aria-label=caption.clone()
            >
                <defs>
                    <marker id=head viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path class="arrowhead" d="M0 0L10 5L0 10z" />
                    </marker>
                    <marker id=new_head viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path class="arrowhead new" d="M0 0L10 5L0 10z" />
                    </marker>
                </defs>
                {arrows}
                {nodes}
                {labels}
            </svg>
        }
    });
    view! {
        <figure class="board-figure" data-testid=id>
            <figcaption>{caption.clone()}</figcaption>
            {match drawing {
                Some(svg) => svg.into_any(),
                None => view! { <p class="hint">"The board was empty."</p> }.into_any(),
            }}
        </figure>
    }
}

/// One component, drawn as on the canvas; `new` rings it.
#[component]
pub fn FigureNode(component: Component, new: bool) -> impl IntoView {
    let c = component;
    let (w, h) = (c.rect.w, c.rect.h);
    let (body, detail) = shape_outline(c.kind.shape(), w, h);
    let label = label_text(
        label_layout(&c.label, c.kind, w, h),
        caption_text(c.kind, w, h),
    );
    let ring = new.then(|| {
        let r = c.rect.inflate(6.0);
        view! {
            <rect
                class="new-ring"
                x=dec(r.x - c.rect.x).to_string()
                y=dec(r.y - c.rect.y).to_string()
                width=dec(r.w).to_string()
                height=dec(r.h).to_string()
                rx="10"
            />
        }
    });
    view! {
        <g
            class="node"
            class:dashed=c.kind.shape().is_dashed()
            style:--h=hue_var(c.hue_saturation())
            style:--s=saturation_var(c.hue_saturation())
            transform=format!("translate({} {})", dec(c.rect.x), dec(c.rect.y))
        >
            {ring}
            <path class="shape" d=body />
            {detail.map(|d| view! { <path class="shape-detail" d=d /> })}
            <g class="icon" transform=format!("translate(10 {})", dec(h / 2.0 - 8.0))>
                <path d=c.kind.icon() />
            </g>
            {label}
        </g>
    }
}
