//! A modal dialog on the native `<dialog>` element, opened with `showModal()`: the
//! browser keeps focus inside it, makes the page behind inert, closes it on Escape and
//! returns focus to what had it before. A click on the backdrop closes it too. Its
//! content is built only while it is open.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A titled modal dialog shown while `open` is true; closing it (Escape, the close
/// button, the backdrop) sets `open` to false.
#[component]
pub fn Modal(
    /// Whether it is showing.
    open: RwSignal<bool>,
    /// Its title, which is also its accessible name.
    title: &'static str,
    /// Class of the dialog element (its size and layout).
    class: &'static str,
    /// Id of the title element (unique on the page).
    title_id: &'static str,
    /// The content.
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        match (open.get(), el.open()) {
            (true, false) => {
                let _ = el.show_modal();
            }
            (false, true) => el.close(),
            _ => {}
        }
    });
    // A click on the dialog element itself is a click on its backdrop: the content
    // fills the dialog, so clicks inside land on the content.
    let on_click = move |ev: web_sys::MouseEvent| {
        let on_backdrop = ev
            .target()
            .is_some_and(|t| t.dyn_ref::<web_sys::HtmlDialogElement>().is_some());
        if on_backdrop {
            open.set(false);
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class=format!("modal {class}")
            aria-labelledby=title_id
            on:close=move |_| open.set(false)
            on:click=on_click
        >
            <Show when=move || open.get()>
                <div class="modal-body">
                    <header class="modal-header">
                        <h2 id=title_id>{title}</h2>
                        <button
                            type="button"
                            class="link"
                            aria-label="Close"
                            on:click=move |_| open.set(false)
                        >
                            "×"
                        </button>
                    </header>
                    {children()}
                </div>
            </Show>
        </dialog>
    }
}
