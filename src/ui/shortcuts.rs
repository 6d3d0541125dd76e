//! The shortcut sheet, opened with `?` or the status bar's "Shortcuts" button: every
//! key and gesture of the board, from the keymap's own table.

use super::modal::Modal;
use crate::core::editor::SHEET;
use leptos::prelude::*;

/// Whether the sheet is open; in context.
#[derive(Clone, Copy)]
pub struct Shortcuts {
    /// Open while true.
    pub open: RwSignal<bool>,
}

impl Shortcuts {
    /// A closed sheet.
    pub fn new() -> Self {
        Shortcuts {
            open: RwSignal::new(false),
        }
    }
}

impl Default for Shortcuts {
    fn default() -> Self {
        Shortcuts::new()
    }
}

/// The dialog.
#[component]
pub fn ShortcutSheet() -> impl IntoView {
    let sheet = expect_context::<Shortcuts>();
    view! {
        <Modal open=sheet.open title="Keyboard shortcuts" class="shortcut-sheet" title_id="shortcuts-title">
            <p class="sheet-note">"Ctrl is Cmd on macOS. Keys work on the board, not while typing."</p>
            <div class="sheet-sections">
                {SHEET
                    .iter()
                    .map(|(title, lines)| {
                        view! {
                            <section class="sheet-section">
                                <h3>{*title}</h3>
                                <dl>
                                    {lines
                                        .iter()
                                        .map(|l| {
                                            view! {
                                                <dt>{l.keys.iter().map(|k| view! { <kbd>{*k}</kbd> }).collect_view()}</dt>
                                                <dd>{l.what}</dd>
                                            }
                                        })
                                        .collect_view()}
                                </dl>
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
        </Modal>
    }
}

/// The status bar's button that opens the sheet.
#[component]
pub fn ShortcutsButton() -> impl IntoView {
    let sheet = expect_context::<Shortcuts>();
    view! {
        <button
            type="button"
            class="link shortcuts-button"
            aria-label="Keyboard shortcuts"
            title="All keyboard shortcuts (?)"
            on:click=move |_| sheet.open.set(true)
        >
            "Shortcuts (?)"
        </button>
    }
}
