//! A frame on the canvas: a dashed, lightly tinted outline with its title at the top
//! left, in the layer beneath everything else. Only the outline and the title take
//! the pointer, so a selection band can start anywhere inside a frame; dragging the
//! frame carries what lies wholly inside it (see the editor's gestures).

use super::component_view::{hue_var, resize_handles, saturation_var};
use super::state::use_board;
use crate::core::decimal::dec;
use crate::core::diagram::{label_layout, shape_outline, ComponentId, Shape};
use leptos::prelude::*;

/// A frame's SVG group (`data-testid="frame"`).
#[component]
pub fn FrameView(id: ComponentId) -> impl IntoView {
    let state = use_board();
    let signals = state.component(id);
    let view = RwSignal::from(signals.data);
    let selected = RwSignal::from(signals.selected);
    let size = Memo::new(move |_| view.with(|c| (c.rect.w, c.rect.h)));
    let label = Memo::new(move |_| view.with(|c| c.label.clone()));
    let paint = Memo::new(move |_| view.with(|c| c.hue_saturation()));
    let outline = Memo::new(move |_| {
        let (w, h) = size.get();
        shape_outline(Shape::RoundedRect, w, h).0
    });
    let title = move || {
        let (w, h) = size.get();
        let l = label_layout(
            &label.get(),
            crate::core::diagram::ComponentKind::Frame,
            w,
            h,
        );
        let line = l.lines.into_iter().next().unwrap_or_default();
        view! { <text class="frame-title" x=dec(l.x).to_string() y=dec(l.top).to_string()>{line}</text> }
    };
    let handles = move || {
        selected
            .get()
            .then(|| resize_handles(id, size.get(), state.viewport.get().zoom))
    };
    view! {
        <g
            data-testid="frame"
            data-hit="component"
            data-id=id.to_string()
            data-kind="frame"
            class="frame"
            class:selected=selected
            transform=move || view.with(|c| format!("translate({} {})", dec(c.rect.x), dec(c.rect.y)))
            style:--h=move || hue_var(paint.get())
            style:--s=move || saturation_var(paint.get())
            tabindex="0"
            role="button"
            aria-label=move || format!("Frame {}", label.get())
            aria-pressed=move || selected.get().to_string()
        >
            <path class="frame-body" d=move || outline.get() />
            // A wide invisible stroke, so the outline is easy to grab.
            <path class="frame-hit" d=move || outline.get() />
            {title}
            {handles}
        </g>
    }
}
