//! The toolbar's "Export" menu and "Import". Exports are written by the worker
//! (`core::protocol`), so their code is not in the first load; the
//! app only hands the text to a download or the clipboard, and rasterises the SVG for
//! PNG. Import reads a Breadthfirst JSON file (button, or a file dropped on the
//! canvas) and replaces the board as one undoable step; Excalidraw scenes and Mermaid
//! flowcharts are read by the worker (`core::import`), so their code is not in the
//! first load either. A bad file changes nothing.

use super::history_link::HistoryLink;
use super::library::Library;
use super::practice::Practice;
use super::review::Checker;
use super::state::{use_board, BoardState};
use super::worker::{use_worker, Worker};
use crate::browser::worker::refusal;
use crate::browser::{dom, download, raster};
use crate::core::diagram::Board;
use crate::core::editor::Action;
use crate::core::history::bridge::{session_attempt_id, ToHistory};
use crate::core::persist::{self, LoadBoardError};
use crate::core::protocol::{ExportFile, ExportFormat, ExportJob, Reply, Request};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The toolbar's "Export" menu: one item per format, two copy items, and the
/// transparent-background choice for pictures.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let state = use_board();
    let checker = expect_context::<Checker>();
    let library = expect_context::<Library>();
    let practice = expect_context::<Practice>();
    let worker = use_worker();
    let menu = NodeRef::<leptos::html::Details>::new();
    let transparent = RwSignal::new(false);
    let close = move || {
        if let Some(details) = menu.get_untracked() {
            details.set_open(false);
        }
    };
    let history = expect_context::<HistoryLink>();
    let export = move |format: ExportFormat, copy: bool| {
        let mut job = ExportJob {
            format,
            prompt: library.current.get_untracked().unwrap_or_default(),
            board: state.with_editor(|e| persist::to_json(e.board(), &e.viewport())),
            claims: checker.claims.get_untracked(),
            session: practice.session.get_untracked(),
            date: dom::today(),
            transparent: transparent.get_untracked(),
            timeline: None,
        };
        close();
        leptos::task::spawn_local(async move {
            // The JSON file carries the session's timeline, which the history keeps.
            if let (ExportFormat::Json, Some(session)) = (format, &job.session) {
                let attempt = session_attempt_id(session);
                match history.ask(ToHistory::TimelineOf { attempt }).await {
                    Ok(timeline) => job.timeline = Some(timeline),
                    Err(why) => state.notice.set(Some(format!(
                        "The file leaves out the session's replay, which could not be read: {why}."
                    ))),
                }
            }
            match worker.call(Request::Export(job)).await {
                Ok(Reply::Exported(file)) => deliver(state, copy, &file),
                other => state
                    .notice
                    .set(Some(format!("The export failed: {}.", refusal(other)))),
            }
        });
    };
    let item = move |format: ExportFormat, copy: bool| {
        let verb = if copy { "Copy" } else { "Export" };
        view! {
            <button
                type="button"
                role="menuitem"
                data-export=format.id()
                data-copy=copy.then_some("")
                on:click=move |_| export(format, copy)
            >
                {format!("{verb} {}", format.name())}
            </button>
        }
    };
    let downloads = ExportFormat::ALL
        .into_iter()
        .map(|f| item(f, false))
        .collect_view();
    let copies = ExportFormat::ALL
        .into_iter()
        .filter(|f| f.copyable())
        .map(|f| item(f, true))
        .collect_view();
    // Like any menu: a press elsewhere or Escape closes it.
    let _ = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".export-menu").ok().flatten())
            .is_some();
        if !inside {
            close();
        }
    });
    view! {
        <details
            class="export-menu"
            node_ref=menu
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    close();
                }
            }
        >
            <summary class="tool-button prompts-button">"Export"</summary>
            <div class="menu" role="menu">
                {downloads}
                <hr />
                {copies}
                <label class="check-row">
                    <input
                        type="checkbox"
                        data-transparent
                        prop:checked=move || transparent.get()
                        on:change=move |ev| transparent.set(event_target_checked(&ev))
                    />
                    " Transparent background (SVG, PNG)"
                </label>
            </div>
        </details>
    }
}

/// Hands a finished export to the user: a download, the clipboard, or (PNG) a
/// rasterised download. Says what happened in a notice.
fn deliver(state: BoardState, copy: bool, file: &ExportFile) {
    let (name, content) = (file.name.as_str(), file.content.as_str());
    let result = if copy {
        copy_text(state, file.format, content);
        return;
    } else if file.format == ExportFormat::Png {
        rasterise(state, name.to_string(), content)
    } else {
        download::download_text(name, file.format.mime(), content)
            .map(|()| format!("Exported {name}."))
    };
    state.notice.set(Some(match result {
        Ok(done) => done,
        Err(e) => format!("The export failed: {}.", describe(&e)),
    }));
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the browser refused".into())
}

fn copy_text(state: BoardState, format: ExportFormat, content: &str) {
    let what = if format == ExportFormat::Markdown {
        "Markdown debrief"
    } else {
        "Mermaid diagram"
    };
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return;
    };
    let promise = clipboard.write_text(content);
    let what = what.to_string();
    leptos::task::spawn_local(async move {
        let message = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => format!("{what} copied to the clipboard."),
            Err(e) => format!(
                "Could not copy ({}). Use Export to download it instead.",
                describe(&e)
            ),
        };
        state.notice.set(Some(message));
    });
}

/// Draws the SVG onto a canvas at twice its size (less if the browser could not hold
/// that many pixels) and downloads it as PNG.
fn rasterise(state: BoardState, file: String, svg: &str) -> Result<String, JsValue> {
    let url = download::object_url(svg, "image/svg+xml")?;
    let image = web_sys::HtmlImageElement::new()?;
    let img = image.clone();
    let source = url.clone();
    let on_load = Closure::once(move || {
        let result = draw_png(&img, file.clone(), state);
        let _ = web_sys::Url::revoke_object_url(&source);
        if let Err(e) = result {
            state
                .notice
                .set(Some(format!("The export failed: {}.", describe(&e))));
        }
    });
    image.set_onload(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    image.set_src(&url);
    Ok("Drawing the PNG…".into())
}

fn draw_png(
    img: &web_sys::HtmlImageElement,
    file: String,
    state: BoardState,
) -> Result<(), JsValue> {
    let (canvas, scale) = raster::draw(img, 2.0, f64::INFINITY)?;
    let on_blob = Closure::once(move |blob: Option<web_sys::Blob>| {
        let message = match blob.map(|b| download::download_blob(&file, &b)) {
            Some(Ok(())) if scale < 2.0 => format!(
                "Exported {file} at {}x: the board is too large for 2x.",
                crate::core::decimal::Decimal::places(scale, 2)
            ),
            Some(Ok(())) => format!("Exported {file}."),
            _ => "The export failed: the browser could not encode the PNG.".into(),
        };
        state.notice.set(Some(message));
    });
    canvas.to_blob(on_blob.as_ref().unchecked_ref())?;
    on_blob.forget();
    Ok(())
}

/// What an import changes: the board, the prompt practised when the file names one,
/// and the claims and finished session it records (not during a timed session).
#[derive(Clone, Copy)]
pub struct Importer {
    state: BoardState,
    library: Library,
    practice: Practice,
    checker: Checker,
    worker: Worker,
}

impl Importer {
    /// The importer of the app's state.
    pub fn new(
        state: BoardState,
        library: Library,
        practice: Practice,
        checker: Checker,
        worker: Worker,
    ) -> Self {
        Importer {
            state,
            library,
            practice,
            checker,
            worker,
        }
    }

    /// Replaces the board with a Breadthfirst JSON file's, as one undoable step; hands
    /// another app's file (Excalidraw, Mermaid) to the worker. A file that cannot be
    /// read changes nothing and says why.
    pub fn import_text(self, name: &str, text: &str) {
        let state = self.state;
        let message = match persist::from_json(text) {
            Err(e) if foreign(name, &e) => return self.import_foreign(name, text),
            Err(e) => format!("Could not import {name}: {e}. The board is unchanged."),
            Ok(restored) => {
                let repairs: Vec<String> =
                    restored.repairs.iter().map(ToString::to_string).collect();
                match state.dispatch(Action::ReplaceBoard(restored.board)) {
                    Err(e) => format!("Could not import {name}: {e}."),
                    Ok(_) => {
                        let prompt = self.restore_prompt(text);
                        if !prompt.is_empty() {
                            // Its finished session and claims come back too.
                            self.restore_practice(text.to_string());
                        }
                        let repaired = if repairs.is_empty() {
                            String::new()
                        } else {
                            format!(", with {} repair(s): {}", repairs.len(), repairs.join("; "))
                        };
                        format!("Imported {name}{repaired}.{prompt} Undo (Ctrl+Z) brings the old board back.")
                    }
                }
            }
        };
        state.notice.set(Some(message));
    }

    /// Has the worker read an Excalidraw scene or a Mermaid flowchart: the board it
    /// makes and the worker's report of what was converted and left out, or why not.
    pub async fn read_foreign(self, name: String, text: String) -> Result<(Board, String), String> {
        match self.worker.call(Request::Import { name, text }).await {
            Ok(Reply::Imported { board, report }) => persist::from_json(&board)
                .map(|restored| (restored.board, report))
                .map_err(|e| e.to_string()),
            other => Err(refusal(other)),
        }
    }

    /// Has the worker read an Excalidraw scene or a Mermaid flowchart, then replaces
    /// the board with it as one undoable step and shows the worker's report.
    fn import_foreign(self, name: &str, text: &str) {
        let (state, name, text) = (self.state, name.to_string(), text.to_string());
        leptos::task::spawn_local(async move {
            let why = match self.read_foreign(name.clone(), text).await {
                Ok((board, mut report)) => match state.dispatch(Action::ReplaceBoard(board)) {
                    Ok(_) => {
                        report.push_str(" Undo (Ctrl+Z) brings the old board back.");
                        return state.notice.set(Some(report));
                    }
                    Err(e) => e.to_string(),
                },
                Err(why) => why,
            };
            state.notice.set(Some(format!(
                "Could not import {name}: {why}. The board is unchanged."
            )));
        });
    }

    /// Practises the prompt the file was exported from, if it names one this library
    /// has and no timed session is running; says so.
    fn restore_prompt(self, text: &str) -> String {
        let id = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|doc| doc.get("prompt")?.as_str().map(String::from));
        let prompts = self.library.prompts();
        let found = id.and_then(|id| prompts.iter().find(|p| p.id == id));
        match found {
            Some(p) if self.practice.session.with_untracked(Option::is_none) => {
                self.library.practise(&p.id);
                format!(" Practising {}.", p.title)
            }
            _ => String::new(),
        }
    }

    /// Brings back the practice an imported file records (read by the worker): the
    /// items claimed, and a finished timed session with its review, if the file's
    /// prompt is still the one practised and no session has started since.
    fn restore_practice(self, file: String) {
        leptos::task::spawn_local(async move {
            let Ok(Reply::Practice(practice)) =
                self.worker.call(Request::ReadPractice { file }).await
            else {
                return;
            };
            let current = self.library.current.get_untracked();
            if current.as_deref() != Some(practice.prompt.as_str())
                || self.practice.session.with_untracked(Option::is_some)
            {
                return;
            }
            let practice = *practice;
            self.checker.set_claims(practice.claims, &practice.prompt);
            if let Some(session) = practice.session {
                self.practice.begin(session);
                self.state.notice.update(|n| {
                    let text = n.get_or_insert_with(String::new);
                    text.push_str(" Its timed session's review is back too.");
                });
            }
        });
    }

    /// Reads a file the user chose or dropped, then imports it.
    pub fn import_file(self, file: web_sys::File) {
        let name = file.name();
        if file.size() > persist::MAX_BYTES as f64 {
            self.state.notice.set(Some(format!(
                "Could not import {name}: it is over 5 MB. The board is unchanged."
            )));
            return;
        }
        let promise = file.text();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(text) => self.import_text(&name, &text.as_string().unwrap_or_default()),
                Err(e) => self.state.notice.set(Some(format!(
                    "Could not read {name}: {}. The board is unchanged.",
                    describe(&e)
                ))),
            }
        });
    }
}

/// Whether a file the app cannot read as its own may be another app's, for the worker
/// to read: JSON that is not a Breadthfirst board (an Excalidraw scene), or text that
/// is not JSON in a file not named `.json` (a Mermaid flowchart).
fn foreign(name: &str, error: &LoadBoardError) -> bool {
    match error {
        LoadBoardError::NotBreadthfirst => true,
        LoadBoardError::NotJson { .. } => !name.to_ascii_lowercase().ends_with(".json"),
        _ => false,
    }
}

/// The toolbar's "Import" button and its hidden file picker.
#[component]
pub fn ImportButton() -> impl IntoView {
    let importer = expect_context::<Importer>();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |ev: web_sys::Event| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = el.files().and_then(|files| files.get(0)) {
            importer.import_file(file);
        }
        // The same file can be chosen again.
        el.set_value("");
    };
    view! {
        <button type="button" class="tool-button prompts-button" title="Open a Breadthfirst JSON file, an Excalidraw scene or a Mermaid flowchart (or drop it on the board)" on:click=move |_| {
            if let Some(el) = input.get_untracked() {
                el.click();
            }
        }>"Import"</button>
        <input
            node_ref=input
            type="file"
            accept=".json,.excalidraw,.mmd,.mermaid,.md,application/json"
            aria-label="File to import: Breadthfirst JSON, Excalidraw (.excalidraw) or Mermaid (.mmd, .mermaid, .md)"
            hidden
            on:change=on_change
        />
    }
}
