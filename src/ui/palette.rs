//! The palette: one button per component kind. Click or Enter adds in free space near
//! the view centre; dragging a button onto the canvas adds where it is dropped. The
//! "Annotate" section adds free text, sticky notes and frames (a frame added while
//! boxes are selected surrounds them) and opens their text for typing.

use super::canvas::{focus_component, measure_canvas, KIND_MIME};
use super::component_view::{hue_var, saturation_var};
use super::icon::KindIcon;
use super::state::{use_board, EditTarget};
use crate::core::diagram::{Applied, ComponentKind};
use crate::core::editor::Action;
use leptos::prelude::*;

/// The component palette.
#[component]
pub fn Palette() -> impl IntoView {
    let state = use_board();
    let add = move |kind: ComponentKind| {
        measure_canvas(state);
        if let Ok(Applied::Added(id)) = state.dispatch(Action::AddComponent { kind, at: None }) {
            if kind.is_part() {
                focus_component(id);
            } else {
                state.editing.set(Some(EditTarget::Component(id)));
            }
        }
    };
    // One list of buttons, parts then annotations, cut in two: one copy of the
    // button's code in the app.
    let mut parts: Vec<_> = ComponentKind::EVERY
        .into_iter()
        .map(|kind| {
            view! {
                <li>
                    <button
                        type="button"
                        class="palette-item"
                        draggable="true"
                        style:--h=hue_var(kind.colour())
                        style:--s=saturation_var(kind.colour())
                        aria-label=kind.display_name()
                        title=kind.description()
                        data-kind=kind.id()
                        on:click=move |_| add(kind)
                        on:dragstart=move |ev: web_sys::DragEvent| {
                            if let Some(dt) = ev.data_transfer() {
                                let _ = dt.set_data(KIND_MIME, kind.id());
                                let _ = dt.set_data("text/plain", kind.display_name());
                                dt.set_effect_allowed("copy");
                            }
                        }
                    >
                        <KindIcon kind=kind />
                        <span>{kind.display_name()}</span>
                    </button>
                </li>
            }
        })
        .collect();
    let annotations = parts.split_off(ComponentKind::ALL.len());
    view! {
        <nav class="palette" aria-label="Components">
            <h2 class="panel-title">"Components"</h2>
            <ul class="palette-list">{parts}</ul>
            <h2 class="panel-title">"Annotate"</h2>
            <ul class="palette-list">{annotations}</ul>
            <p class="palette-hint">"Click to add, or drag onto the board. A frame surrounds the selected boxes."</p>
        </nav>
    }
}
