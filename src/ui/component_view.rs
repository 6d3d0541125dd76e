//! One component on the canvas: shape, icon, label, connection handles.
//!
//! Annotations are drawn here too, without icon, kind line or connection dots: free
//! text (`data-testid="text"`, `data-kind="text"`, no outline until selected), sticky
//! notes (`data-testid="text"`, `data-kind="sticky"`) and frames (`data-testid="frame"`,
//! in the canvas's bottom layer; only their outline and title take the pointer, so a
//! selection band can start inside one). `data-testid="node"` stays for parts only.

use super::state::use_board;
use crate::core::decimal::dec;
use crate::core::diagram::{
    caption_text, label_layout, shape_outline, ComponentId, ComponentKind, LabelLayout,
};
use crate::core::editor::Corner;
use leptos::prelude::*;

/// A component's SVG group. Reacts only to its own signal, the selection, hover and zoom.
#[component]
pub fn ComponentView(id: ComponentId) -> impl IntoView {
    let state = use_board();
    let signals = state.component(id);
    let view = RwSignal::from(signals.data);
    let selected = RwSignal::from(signals.selected);
    let hovered = RwSignal::from(signals.hovered);
    let handles_shown = Memo::new(move |_| selected.get() || hovered.get());
    let size = Memo::new(move |_| view.with(|c| (c.rect.w, c.rect.h)));
    let kind = Memo::new(move |_| view.with(|c| c.kind));
    let label = Memo::new(move |_| view.with(|c| c.label.clone()));
    let paint = Memo::new(move |_| view.with(|c| c.hue_saturation()));
    let has_notes =
        Memo::new(move |_| view.with(|c| !c.details.is_empty() || !c.failure.is_empty()));

    let transform =
        move || view.with(|c| format!("translate({} {})", dec(c.rect.x), dec(c.rect.y)));
    let part = Memo::new(move |_| kind.get().is_part());
    let outline = Memo::new(move |_| {
        let (w, h) = size.get();
        let (body, detail) = shape_outline(kind.get().shape(), w, h);
        // A frame's outline again as its detail: a wide invisible grip (stylesheet).
        match kind.get() {
            ComponentKind::Frame => (body.clone(), Some(body)),
            _ => (body, detail),
        }
    });
    // One layout for the canvas and the SVG export: say what the box is when its
    // name does not.
    let layout = Memo::new(move |_| {
        let (w, h) = size.get();
        label_layout(&label.get(), kind.get(), w, h)
    });
    let caption = Memo::new(move |_| {
        let (w, h) = size.get();
        caption_text(kind.get(), w, h)
    });
    let label_view = move || label_text(layout.get(), caption.get());
    // Notes and frames take no arrows: no connection dots.
    let handles = move || {
        (handles_shown.get() && part.get()).then(|| {
            let (w, h) = size.get();
            let r = 5.5 / state.viewport.get().zoom;
            [(w / 2.0, 0.0), (w, h / 2.0), (w / 2.0, h), (0.0, h / 2.0)]
                .into_iter()
                .map(|(cx, cy)| {
                    view! {
                        <circle
                            data-testid="handle"
                            data-hit="handle"
                            data-id=id.to_string()
                            class="handle"
                            cx=dec(cx).to_string()
                            cy=dec(cy).to_string()
                            r=dec(r).to_string()
                        />
                    }
                })
                .collect_view()
        })
    };
    // Resize handles at the corners, while the box is selected.
    let resize_handles = move || {
        selected.get().then(|| {
            let (w, h) = size.get();
            let side = 9.0 / state.viewport.get().zoom;
            Corner::ALL
                .into_iter()
                .map(|corner| {
                    let (cx, cy) = match corner {
                        Corner::TopLeft => (0.0, 0.0),
                        Corner::TopRight => (w, 0.0),
                        Corner::BottomRight => (w, h),
                        Corner::BottomLeft => (0.0, h),
                    };
                    view! {
                        <rect
                            data-testid="resize-handle"
                            data-hit="resize"
                            data-id=id.to_string()
                            data-corner=corner.code()
                            class=format!("resize-handle {}", corner.code())
                            x=dec(cx - side / 2.0).to_string()
                            y=dec(cy - side / 2.0).to_string()
                            width=dec(side).to_string()
                            height=dec(side).to_string()
                        />
                    }
                })
                .collect_view()
        })
    };
    let aria = move || {
        let k = kind.get();
        let l = label.get();
        if l == k.display_name() || !k.is_part() {
            l
        } else {
            format!("{l} ({})", k.display_name())
        }
    };

    view! {
        <g
            data-testid=move || match kind.get() {
                ComponentKind::Frame => "frame",
                k if k.is_part() => "node",
                _ => "text",
            }
            data-hit="component"
            data-id=id.to_string()
            data-kind=move || kind.get().id()
            class="node"
            class:selected=selected
            class:dashed=move || kind.get().shape().is_dashed()
            transform=transform
            style:--h=move || hue_var(paint.get())
            style:--s=move || saturation_var(paint.get())
            tabindex="0"
            role="button"
            aria-label=aria
            aria-pressed=move || selected.get().to_string()
        >
            <path class="shape" d=move || outline.get().0 />
            {move || outline.get().1.map(|d| view! { <path class="shape-detail" d=d /> })}
            // Hidden on notes and frames by the stylesheet.
            <g class="icon" transform=move || format!("translate(10 {})", dec(size.get().1 / 2.0 - 8.0))>
                <path d=move || kind.get().icon() />
            </g>
            {label_view}
            {move || {
                has_notes.get().then(|| {
                    let at = format!("translate({} 7)", dec(size.get().0 - 17.0));
                    view! { <path class="note-mark" transform=at d="M0 1h10M0 4.5h10M0 8h6" /> }
                })
            }}
            {handles}
            {resize_handles}
        </g>
    }
}

/// A colour's hue for the `--h` custom property (the stylesheet derives each theme's
/// tones from `--h` and `--s`). Colours are (hue, saturation) pairs, as
/// `ComponentKind::colour` and `Component::hue_saturation` give them.
pub fn hue_var(colour: (u16, u8)) -> String {
    colour.0.to_string()
}

/// A colour's saturation for the `--s` custom property (set through the CSSOM, so the
/// content security policy, which forbids inline style attributes, allows it).
pub fn saturation_var(colour: (u16, u8)) -> String {
    format!("{}%", colour.1)
}

/// A box's name as laid out (`label_layout`): its lines, and the kind's name under
/// them when the name does not say what the box is. Shared by the canvas and the
/// Review's figures.
pub fn label_text(l: LabelLayout, kind_name: String) -> impl IntoView {
    let x = dec(l.x).to_string();
    let caption = l.caption.then(|| {
        view! {
            <tspan class="kind-caption" x=x.clone() y=dec(l.caption_y).to_string()>
                {kind_name}
            </tspan>
        }
    });
    let text_lines = l
        .lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            view! { <tspan x=x.clone() y=dec(l.top + l.line_height * i as f64).to_string()>{line}</tspan> }
        })
        .collect_view();
    let anchor = if l.start { "start" } else { "middle" };
    view! { <text class="label" text-anchor=anchor>{text_lines}{caption}</text> }
}
