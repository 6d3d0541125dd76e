//! The app shell: the shared state in context, global listeners, layout.

use super::autosave::{self, SaveStatus};
use super::boards::{Boards, BoardsDialog};
use super::canvas::{watch_canvas_size, Canvas};
use super::export::Importer;
use super::keyboard;
use super::library::{Library, LibraryDialog};
use super::notices::{Banners, NoticeToast, SaveIndicator, UpdateStatus};
use super::outline::Outline;
use super::palette::Palette;
use super::practice::Practice;
use super::review::Checker;
use super::review_page::{review_shown, ReviewPage};
use super::shortcuts::{ShortcutSheet, Shortcuts, ShortcutsButton};
use super::state::BoardState;
use super::toolbar::Toolbar;
use super::worker::Worker;
use crate::browser::dom;
use crate::core::session::Phase;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let startup = autosave::load_initial();
    let save = SaveStatus::new(&startup);
    let state = BoardState::new(startup.editor);
    state.notice.set(startup.note);
    let worker = Worker::new();
    let library = Library::new(save);
    let practice = Practice::new(save);
    let checker = Checker::new(state, library, practice, save, worker);
    let importer = Importer::new(state, library, practice, checker, worker);
    let boards = Boards::new(state, save, library, practice, checker, importer, worker);
    provide_context(state);
    provide_context(save);
    provide_context(worker);
    provide_context(library);
    provide_context(practice);
    provide_context(checker);
    provide_context(importer);
    provide_context(boards);
    provide_context(UpdateStatus::start());
    let starter = (library, practice, checker, boards, state);
    let history = super::history_link::HistoryLink::new(move |message| {
        super::history_link::on_message(
            message,
            practice,
            save,
            |id| super::library::start_timed(&id, starter),
            (library.stats, state.notice),
        )
    });
    provide_context(history);
    super::history_link::install(state, practice, checker, history);
    super::timeline_link::install(state, practice, history);
    super::follow_ups::install(practice, library, worker, state);
    let shortcuts = Shortcuts::new();
    provide_context(shortcuts);
    let quick_add = super::quick_add::QuickAdd::new();
    provide_context(quick_add);
    // Reaching Review shows the Review page, whatever was shown before.
    let phase = Memo::new(move |_| practice.session.with(|s| s.as_ref().map(|s| s.phase())));
    Effect::new(move |_| {
        if phase.get() == Some(Phase::Review) {
            practice.board_in_review.set(false);
        }
    });
    // Phases whose work is writing get a wider side panel.
    let notes_phase = move || {
        matches!(
            phase.get(),
            Some(Phase::Requirements | Phase::Depth | Phase::FailureModes)
        )
    };
    practice.run_clock(state);
    let clipboard = super::clipboard::install(state, importer);
    keyboard::install(state, practice, (shortcuts, quick_add, clipboard));
    autosave::install(state, save);
    dom::after_render(move || watch_canvas_size(state));

    view! {
        <div class="app">
            <Toolbar />
            <Banners />
            <main class="workspace" class:notes-phase=notes_phase inert=move || review_shown(practice)>
                <Palette />
                <Canvas />
                <Outline />
            </main>
            <Show when=move || review_shown(practice)>
                <ReviewPage />
            </Show>
            <footer class="statusbar">
                <SaveIndicator />
                <span id=super::history_link::VOICE_SLOT class="voice-slot"></span>
                <span class="shortcuts-hint">
                    "Enter rename · Ctrl+Arrow grow · C connect · Ctrl+Z undo · Space+drag pan · Ctrl+wheel zoom"
                </span>
                <ShortcutsButton />
            </footer>
            <NoticeToast />
            <LibraryDialog />
            <BoardsDialog />
            <ShortcutSheet />
        </div>
    }
}
