//! The drawing surface: one SVG, pointer and wheel input, drop target for the palette.
//!
//! Input is delegated: one listener on the SVG resolves what was hit from `data-hit`
//! attributes and hands the editor a [`PointerTarget`] and a canvas-space point.

use super::arrow_view::{ArrowLabelView, ArrowView};
use super::component_view::{hue_var, saturation_var, ComponentView};
use super::inline_edit::InlineEditor;
use super::state::{use_board, ArrowKey, BoardState, EditTarget};
use crate::browser::dom;
use crate::core::decimal::{dec, Decimal};
use crate::core::diagram::{ArrowId, ComponentId, ComponentKind, Point, Size};
use crate::core::editor::{Action, Button, Corner, Modifiers, PointerTarget, Tool};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Drag-and-drop type carrying a component kind id from the palette.
pub const KIND_MIME: &str = "application/x-breadthfirst-kind";

/// What the event's target (or its nearest marked ancestor) is.
fn hit_target(target: Option<web_sys::EventTarget>) -> PointerTarget {
    let hit = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-hit]").ok().flatten());
    let Some(hit) = hit else {
        return PointerTarget::Canvas;
    };
    let id = hit
        .get_attribute("data-id")
        .and_then(|s| s.parse::<u32>().ok());
    match (hit.get_attribute("data-hit").as_deref(), id) {
        (Some("component"), Some(id)) => PointerTarget::Component(ComponentId(id)),
        (Some("handle"), Some(id)) => PointerTarget::Handle(ComponentId(id)),
        (Some("arrow"), Some(id)) => PointerTarget::Arrow(ArrowId(id)),
        (Some("resize"), Some(id)) => hit
            .get_attribute("data-corner")
            .and_then(|code| Corner::from_code(&code))
            .map_or(PointerTarget::Canvas, |corner| {
                PointerTarget::Resize(ComponentId(id), corner)
            }),
        _ => PointerTarget::Canvas,
    }
}

/// The box under a canvas point in the far view, frames left out (as on the canvas,
/// a frame is picked by its outline or title, which the far view does not draw).
fn far_target(state: BoardState, at: Point) -> PointerTarget {
    state.with_editor(|e| {
        let world = e.viewport().to_world(at);
        let hit = e
            .board()
            .components()
            .iter()
            .rev()
            .find(|c| c.kind != ComponentKind::Frame && c.rect.contains(world));
        hit.map_or(PointerTarget::Canvas, |c| PointerTarget::Component(c.id))
    })
}

/// Whether a finger (not a mouse or a pen: a pen draws and drags as the mouse does).
fn is_touch(ev: &web_sys::PointerEvent) -> bool {
    ev.pointer_type() == "touch"
}

/// The canvas element's box in the page.
fn canvas_rect() -> Option<web_sys::DomRect> {
    dom::query("[data-testid=canvas]").map(|el| el.get_bounding_client_rect())
}

/// Event position relative to the canvas. Every listener sits on the canvas itself, so
/// the event's current target is it: no document lookup on each pointer move.
fn local_point(ev: &web_sys::MouseEvent) -> Point {
    let rect = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.get_bounding_client_rect())
        .or_else(canvas_rect);
    let (left, top) = rect.map_or((0.0, 0.0), |r| (r.left(), r.top()));
    Point::new(
        f64::from(ev.client_x()) - left,
        f64::from(ev.client_y()) - top,
    )
}

/// Tells the editor how large the canvas is.
pub fn measure_canvas(state: BoardState) {
    if let Some(rect) = canvas_rect() {
        state.set_view_size(Size::new(rect.width(), rect.height()));
    }
}

/// Measures the canvas whenever its size changes, for the app's lifetime: a window
/// resize, or a panel or banner appearing beside it. Only what the measured view
/// shows is mounted, so a stale size would leave part of the board undrawn.
pub fn watch_canvas_size(state: BoardState) {
    let Some(canvas) = dom::query("[data-testid=canvas]") else {
        return;
    };
    let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        measure_canvas(state);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&canvas);
        // Both live as long as the page.
        on_resize.forget();
        std::mem::forget(observer);
    }
}

/// Focuses a component's element (after it is rendered).
pub fn focus_component(id: ComponentId) {
    dom::after_render(move || dom::focus(&format!("[data-hit=component][data-id=\"{id}\"]")));
}

/// The whiteboard.
#[component]
pub fn Canvas() -> impl IntoView {
    let state = use_board();
    let importer = expect_context::<super::export::Importer>();
    let quick_add = expect_context::<super::quick_add::QuickAdd>();
    let practice = expect_context::<super::practice::Practice>();
    let last_down = StoredValue::new(PointerTarget::Canvas);
    let touch = super::touch::Touch::new(state);

    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        let button = match ev.button() {
            0 => Button::Primary,
            1 => Button::Middle,
            _ => Button::Secondary,
        };
        if button == Button::Middle {
            ev.prevent_default();
        }
        let target = match hit_target(ev.target()) {
            // The far view draws boxes as paths: find the box under the pointer.
            PointerTarget::Canvas if state.far.with_untracked(Option::is_some) => {
                far_target(state, local_point(&ev))
            }
            target => target,
        };
        last_down.set_value(target);
        if let Some(svg) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = svg.set_pointer_capture(ev.pointer_id());
        }
        if is_touch(&ev) {
            // No compatibility mouse events for fingers: their mousedown would move
            // focus to the tapped box after a long press has sent it to the panel.
            ev.prevent_default();
            return touch.start(ev.pointer_id(), target, local_point(&ev));
        }
        let mods = Modifiers {
            shift: ev.shift_key(),
            primary: ev.ctrl_key() || ev.meta_key(),
            alt: ev.alt_key(),
            space: state.space_held.get_untracked(),
        };
        state.pointer_down(target, local_point(&ev), button, mods);
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        if is_touch(&ev) {
            touch.moved(ev.pointer_id(), local_point(&ev));
        } else if state.dragging.get_untracked() || ev.buttons() != 0 {
            state.pointer_move(local_point(&ev));
        }
    };
    let on_pointer_up = move |ev: web_sys::PointerEvent| {
        if is_touch(&ev) {
            touch.end(ev.pointer_id(), local_point(&ev));
        } else {
            state.pointer_up(local_point(&ev));
        }
    };
    let on_pointer_over = move |ev: web_sys::PointerEvent| {
        let hovered = match hit_target(ev.target()) {
            PointerTarget::Component(id) | PointerTarget::Handle(id) => Some(id),
            _ => None,
        };
        state.set_hovered(hovered);
    };
    let on_double_click = move |ev: web_sys::MouseEvent| {
        let target = match last_down.get_value() {
            PointerTarget::Component(id) => Some(EditTarget::Component(id)),
            PointerTarget::Arrow(id) => Some(EditTarget::Arrow(id)),
            // On empty board: the quick-add field, right there.
            PointerTarget::Canvas => {
                let world = state.viewport.get_untracked().to_world(local_point(&ev));
                quick_add.at.set(Some(world));
                None
            }
            _ => None,
        };
        if target.is_some() {
            state.editing.set(target);
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let scale = match ev.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let (dx, dy) = (ev.delta_x() * scale, ev.delta_y() * scale);
        if ev.ctrl_key() || ev.meta_key() {
            let factor = (-dy * 0.0025).exp().clamp(0.5, 2.0);
            let _ = state.dispatch(Action::ZoomAt {
                factor,
                anchor: local_point(&ev),
            });
        } else if ev.shift_key() && dx == 0.0 {
            let _ = state.dispatch(Action::PanBy { dx: -dy, dy: 0.0 });
        } else {
            let _ = state.dispatch(Action::PanBy { dx: -dx, dy: -dy });
        }
    };
    let on_drag_over = move |ev: web_sys::DragEvent| {
        // A palette kind, or a file to import.
        let ours = ev.data_transfer().is_some_and(|dt| {
            let types = dt.types();
            types.includes(&KIND_MIME.into(), 0) || types.includes(&"Files".into(), 0)
        });
        if ours {
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("copy");
            }
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            importer.import_file(file);
            return;
        }
        let kind = ev
            .data_transfer()
            .and_then(|dt| dt.get_data(KIND_MIME).ok())
            .and_then(|id| ComponentKind::from_id(&id));
        let Some(kind) = kind else { return };
        ev.prevent_default();
        measure_canvas(state);
        let world = state.viewport.get_untracked().to_world(local_point(&ev));
        if let Ok(crate::core::diagram::Applied::Added(id)) = state.dispatch(Action::AddComponent {
            kind,
            at: Some(world),
        }) {
            focus_component(id);
        }
    };

    let world_transform = move || {
        let v = state.viewport.get();
        format!(
            "matrix({z} 0 0 {z} {tx} {ty})",
            z = Decimal::places(v.zoom, 4),
            tx = dec(-v.x * v.zoom),
            ty = dec(-v.y * v.zoom)
        )
    };
    // The dot grid follows the viewport (set through the CSSOM: the content security
    // policy forbids inline style attributes).
    let grid_size = move || {
        let step = dec(24.0 * state.viewport.get().zoom);
        format!("{step}px {step}px")
    };
    let grid_position = move || {
        let v = state.viewport.get();
        format!("{}px {}px", dec(-v.x * v.zoom), dec(-v.y * v.zoom))
    };
    let preview = move || {
        state.preview.get().map(|p| {
            view! {
                <path
                    class="edge-preview"
                    class:attached=p.target.is_some()
                    d=format!("M{} {}L{} {}", dec(p.start.x), dec(p.start.y), dec(p.end.x), dec(p.end.y))
                    marker-end="url(#arrowhead-selected)"
                />
            }
        })
    };
    let band = move || {
        state.band.get().map(|r| {
            view! {
                <rect
                    class="band"
                    x=dec(r.x).to_string()
                    y=dec(r.y).to_string()
                    width=dec(r.w).to_string()
                    height=dec(r.h).to_string()
                />
            }
        })
    };
    let empty = move || state.empty.get();

    view! {
        <div class="canvas-wrap">
            <svg
                data-testid="canvas"
                class="canvas"
                class:hand=move || state.tool.get() == Tool::Hand || state.space_held.get()
                class:dragging=move || state.dragging.get()
                role="application"
                aria-label="Whiteboard"
                aria-describedby="canvas-help"
                style:background-size=grid_size
                style:background-position=grid_position
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=move |ev: web_sys::PointerEvent| {
                    if is_touch(&ev) {
                        touch.cancel(ev.pointer_id());
                    } else {
                        state.pointer_cancel();
                    }
                }
                on:lostpointercapture=move |_| {
                    if state.dragging.get_untracked() {
                        state.pointer_cancel();
                    }
                }
                on:pointerover=on_pointer_over
                on:pointerleave=move |_| state.set_hovered(None)
                on:dblclick=on_double_click
                on:wheel=on_wheel
                on:dragover=on_drag_over
                on:drop=on_drop
                on:contextmenu=move |ev| ev.prevent_default()
            >
                <defs>
                    <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path class="arrowhead" d="M0 0L10 5L0 10z" />
                    </marker>
                    <marker id="arrowhead-selected" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path class="arrowhead selected" d="M0 0L10 5L0 10z" />
                    </marker>
                </defs>
                <g class="world" transform=world_transform>
                    {far_layer(state)}
                    // Frames beneath everything.
                    <g class="frames">{component_layer(state.frame_ids)}</g>
                    <g class="arrows">
                        {arrow_layer(state, |key| view! { <ArrowView key=key /> }.into_any())}
                    </g>
                    <g class="components">{component_layer(state.component_ids)}</g>
                    // Labels above the boxes, so no box hides one.
                    <g class="arrow-labels">
                        {arrow_layer(state, |key| view! { <ArrowLabelView key=key /> }.into_any())}
                    </g>
                    {preview}
                    {band}
                </g>
            </svg>
            <InlineEditor />
            <super::quick_add::QuickAddField />
            <Show when=empty>
                <div class="empty-hint" aria-hidden="true">
                    <p class="empty-title">"Map the whole system first"</p>
                    <p>{move || empty_hint(practice)}</p>
                </div>
            </Show>
            <p id="canvas-help" class="sr-only">
                "Tab to a component; Enter renames it, arrow keys move it, Delete removes it. "
                "Select a source, shift-select a target and press C to connect them. "
                "The outline panel lists every component and connection."
            </p>
        </div>
    }
}

/// The far view's paths (zoomed out below `FAR_ZOOM`): frames, arrows, then each
/// colour's boxes.
fn far_layer(state: BoardState) -> impl IntoView {
    move || {
        state.far.get().map(|far| {
            let boxes = far
                .boxes
                .into_iter()
                .map(|b| {
                    view! {
                        <path
                            class="far-boxes"
                            style:--h=hue_var(b.colour)
                            style:--s=saturation_var(b.colour)
                            d=b.path
                        />
                    }
                })
                .collect_view();
            view! {
                <g class="far" data-testid="far-view" aria-hidden="true">
                    <path class="far-frames" d=far.frames />
                    <path class="far-arrows" d=far.arrows />
                    {boxes}
                </g>
            }
        })
    }
}

/// One view per arrow, keyed by arrow: the routes' layer or the labels' layer. One
/// function for both keeps one copy of the keyed list's code in the app.
fn arrow_layer(state: BoardState, part: fn(ArrowKey) -> AnyView) -> impl IntoView {
    view! {
        <For each=move || state.arrow_keys.get() key=|k| *k let:key>
            {part(key)}
        </For>
    }
}

/// One view per component of `ids`, keyed by id: the frames' layer or the others'.
fn component_layer(ids: RwSignal<Vec<ComponentId>>) -> impl IntoView {
    view! {
        <For each=move || ids.get() key=|id| *id let:id>
            <ComponentView id=id />
        </For>
    }
}

/// What the empty board says: in Requirements, that the board is for Breadth;
/// otherwise how to start.
fn empty_hint(practice: super::practice::Practice) -> &'static str {
    let requirements = practice.session.with(|s| {
        s.as_ref()
            .is_some_and(|s| s.phase() == crate::core::session::Phase::Requirements)
    });
    if requirements {
        "First the requirements: ask the clarifying questions in the panel and note what you settled on. When you go on to Breadth, draw every part a request passes here."
    } else {
        "Pick a prompt under Prompts, or just start: press / and type \"redis cache\" or \"kafka\" (or click a component in the palette), then Ctrl+Arrow to grow the next box, or drag from a box's dot to another. Press ? for every shortcut."
    }
}
