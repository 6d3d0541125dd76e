//! The app shell: context, global listeners, layout.

use super::autosave::{self, SaveStatus};
use super::canvas::{measure_canvas, Canvas};
use super::keyboard;
use super::library::{Library, LibraryDialog};
use super::notices::{NoticeToast, SaveBanner, SaveIndicator, StoredProblemBanner};
use super::outline::Outline;
use super::palette::Palette;
use super::practice::Practice;
use super::review::Checker;
use super::state::BoardState;
use super::toolbar::Toolbar;
use crate::browser::dom;
use leptos::ev;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let startup = autosave::load_initial();
    let state = BoardState::new(startup.editor);
    state.notice.set(startup.note);
    let save = SaveStatus {
        error: RwSignal::new(None),
        paused: RwSignal::new(startup.paused),
        problem: RwSignal::new(startup.problem),
        dirty: StoredValue::new(false),
        rev: StoredValue::new(autosave::stored_rev()),
        conflict: RwSignal::new(false),
    };
    provide_context(state);
    provide_context(save);
    provide_context(Library::new());
    let practice = Practice::new();
    provide_context(practice);
    provide_context(Checker::new(state));
    practice.run_clock(state);
    keyboard::install(state);
    autosave::install(state, save);
    let _ = window_event_listener(ev::resize, move |_| measure_canvas(state));
    dom::after_render(move || measure_canvas(state));

    view! {
        <div class="app">
            <Toolbar />
            <StoredProblemBanner />
            <SaveBanner />
            <main class="workspace">
                <Palette />
                <Canvas />
                <Outline />
            </main>
            <footer class="statusbar">
                <SaveIndicator />
                <span class="shortcuts-hint">
                    "Enter rename · Delete remove · C connect · Ctrl+Z undo · Space+drag pan · Ctrl+wheel zoom"
                </span>
            </footer>
            <NoticeToast />
            <LibraryDialog />
        </div>
    }
}
