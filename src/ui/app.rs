//! The app shell: context, global listeners, layout.

use super::autosave::{self, SaveStatus};
use super::boards::{Boards, BoardsDialog};
use super::canvas::{measure_canvas, Canvas};
use super::keyboard;
use super::library::{Library, LibraryDialog};
use super::notices::{Banners, NoticeToast, SaveIndicator};
use super::outline::Outline;
use super::palette::Palette;
use super::practice::Practice;
use super::review::Checker;
use super::state::BoardState;
use super::toolbar::Toolbar;
use crate::browser::dom;
use leptos::ev;
use leptos::prelude::*;
use std::cell::Cell;

/// Copies of the app's shared state, for code that runs outside the component tree
/// (worker answers, browser events), where no context can be looked up.
#[derive(Clone, Copy)]
pub struct Handles {
    /// The board.
    pub state: BoardState,
    /// Saving.
    pub save: SaveStatus,
    /// The running session.
    pub practice: Practice,
    /// The prompt library.
    pub library: Library,
    /// The check worker.
    pub checker: Checker,
    /// The Boards dialog.
    pub boards: Boards,
}

thread_local! {
    static HANDLES: Cell<Option<Handles>> = const { Cell::new(None) };
}

/// The app's shared state (set once the app starts).
///
/// # Panics
/// Before [`App`] has run.
pub fn handles() -> Handles {
    HANDLES.get().expect("the app has started")
}

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
    let (boards, library, practice) = (Boards::new(), Library::new(), Practice::new());
    provide_context(state);
    provide_context(save);
    provide_context(boards);
    provide_context(library);
    provide_context(practice);
    // After the contexts it reads.
    let checker = Checker::new(state);
    provide_context(checker);
    HANDLES.set(Some(Handles {
        state,
        save,
        practice,
        library,
        checker,
        boards,
    }));
    practice.run_clock(state);
    keyboard::install(state);
    autosave::install(state, save);
    let _ = window_event_listener(ev::resize, move |_| measure_canvas(state));
    dom::after_render(move || measure_canvas(state));

    view! {
        <div class="app">
            <Toolbar />
            <Banners />
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
            <BoardsDialog />
        </div>
    }
}
