//! The inspector's colour swatches and size fields for the selected box: the
//! keyboard's way to paint and resize it (the canvas has corner handles too).

use super::component_view::{hue_var, saturation_var};
use super::state::use_board;
use crate::core::decimal::Decimal;
use crate::core::diagram::{Colour, Command, ComponentId, Rect};
use crate::core::editor::Action;
use leptos::prelude::*;

/// Colour and size of one box.
#[component]
pub fn BoxAppearance(id: ComponentId) -> impl IntoView {
    let state = use_board();
    let view = RwSignal::from(state.component(id).data);
    let apply = move |command: Command| {
        let _ = state.dispatch(Action::Apply(command));
    };
    let swatch = move |colour: Option<Colour>| {
        let (name, paint) = match colour {
            None => ("Kind colour", view.with_untracked(|c| c.kind.colour())),
            Some(c) => (c.name(), c.hue_saturation()),
        };
        let chosen = move || view.with(|c| c.colour == colour);
        view! {
            <button
                type="button"
                class="swatch"
                class:kind-swatch=colour.is_none()
                aria-label=name
                title=name
                aria-pressed=move || chosen().to_string()
                style:--h=hue_var(paint)
                style:--s=saturation_var(paint)
                on:click=move |_| apply(Command::SetColour { ids: vec![id], colour })
            />
        }
    };
    let size_field = move |label: &'static str, width: bool| {
        let value = move || {
            view.with(|c| Decimal::places(if width { c.rect.w } else { c.rect.h }, 0).to_string())
        };
        view! {
            <label class="field size-field">
                <span>{label}</span>
                <input
                    type="number"
                    min="0"
                    step="8"
                    prop:value=value
                    on:change=move |ev: web_sys::Event| {
                        // The browser parses the number (no float parser in the wasm).
                        let n = event_target::<web_sys::HtmlInputElement>(&ev).value_as_number();
                        if !n.is_finite() {
                            return;
                        }
                        let r = view.with_untracked(|c| c.rect);
                        let (w, h) = if width { (n, r.h) } else { (r.w, n) };
                        apply(Command::ResizeComponent { id, rect: Rect::new(r.x, r.y, w, h) });
                    }
                />
            </label>
        }
    };
    view! {
        <div class="field">
            <span id="colour-label">"Colour"</span>
            <div class="swatches" role="group" aria-labelledby="colour-label">
                {swatch(None)}
                {Colour::ALL.map(|c| swatch(Some(c))).into_iter().collect_view()}
            </div>
        </div>
        <div class="field-row">
            {size_field("Width", true)}
            {size_field("Height", false)}
        </div>
    }
}
