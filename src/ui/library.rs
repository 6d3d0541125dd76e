//! The prompt library: a dialog of prompt cards with a text filter, and the panel
//! showing the chosen prompt while practising.

use super::practice::Practice;
use super::review::Checker;
use crate::browser::{dom, fetch::fetch_text, storage};
use crate::core::diagram::escape_markup;
use crate::core::prompt::html::{
    cards_html, expectations_html, panel_html, plan_from_form, settings_html,
};
use crate::core::prompt::{parse_display_bundle, Prompt};
use crate::core::session::{Phase, SessionPlan};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Key remembering the prompt being practised.
const PROMPT_KEY: &str = "breadthfirst.prompt";

/// Where the prompt library is.
#[derive(Clone, Debug, PartialEq)]
pub enum Catalog {
    /// Being fetched.
    Loading,
    /// Loaded, sorted by title.
    Ready(Arc<Vec<Prompt>>),
    /// Could not be loaded, with why.
    Failed(String),
}

/// The prompt library and which prompt is being practised.
#[derive(Clone, Copy)]
pub struct Library {
    /// The catalog's state.
    pub catalog: RwSignal<Catalog>,
    /// Id of the prompt being practised.
    pub current: RwSignal<Option<String>>,
    /// Whether the library dialog is open.
    pub open: RwSignal<bool>,
}

impl Library {
    /// Starts fetching the catalog (served beside the app as prompts.txt) and
    /// remembers the prompt practised last.
    pub fn new() -> Self {
        let library = Library {
            catalog: RwSignal::new(Catalog::Loading),
            current: RwSignal::new(storage::read(PROMPT_KEY).ok().flatten()),
            open: RwSignal::new(false),
        };
        leptos::task::spawn_local(async move {
            let state = match fetch_text("prompts.txt").await {
                Ok(text) => {
                    let (prompts, problems) = parse_display_bundle(&text);
                    if prompts.is_empty() {
                        let files: Vec<String> = problems.into_iter().map(|p| p.file).collect();
                        Catalog::Failed(format!("no prompt could be read ({})", files.join(", ")))
                    } else {
                        Catalog::Ready(Arc::new(prompts))
                    }
                }
                Err(e) => Catalog::Failed(e),
            };
            library.catalog.set(state);
        });
        library
    }

    /// Every loaded prompt (empty while loading or after a failure).
    pub fn prompts(&self) -> Arc<Vec<Prompt>> {
        match self.catalog.get() {
            Catalog::Ready(prompts) => prompts,
            _ => Arc::new(Vec::new()),
        }
    }

    /// The prompt being practised, once the catalog is loaded.
    pub fn current_prompt(&self) -> Option<Prompt> {
        let id = self.current.get()?;
        self.prompts().iter().find(|p| p.id == id).cloned()
    }

    /// Practises `id` without a timer.
    pub fn practise(&self, id: &str) {
        let _ = storage::write(PROMPT_KEY, id);
        self.current.set(Some(id.to_string()));
        self.open.set(false);
    }
}

/// The element (or its ancestor) a click landed on that carries `attr`, and its value.
fn clicked(ev: &web_sys::MouseEvent, attr: &str) -> Option<(web_sys::Element, String)> {
    let el = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(&format!("[{attr}]"))
        .ok()??;
    let value = el.get_attribute(attr)?;
    Some((el, value))
}

/// The library dialog. The cards are HTML text (`core::prompt::html`); their buttons
/// are handled by one delegated listener.
#[component]
pub fn LibraryDialog() -> impl IntoView {
    let library = expect_context::<Library>();
    let practice = expect_context::<Practice>();
    let checker = expect_context::<Checker>();
    let filter = RwSignal::new(String::new());
    // The last settings chosen, shown again when the dialog reopens.
    let plan = StoredValue::new(SessionPlan::default());
    let input = NodeRef::<leptos::html::Input>::new();
    let close = move || library.open.set(false);
    // `autofocus` does nothing on inserted elements: focus the filter when it appears,
    // so typing filters at once and Escape reaches the dialog.
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let cards = move || {
        match library.catalog.get() {
        Catalog::Loading => "<p class=\"hint\">Loading prompts…</p>".to_string(),
        Catalog::Failed(why) => format!(
            "<p class=\"hint\" role=\"alert\">The prompt library could not be loaded: {}. Reload to try again.</p>",
            escape_markup(&why)
        ),
        Catalog::Ready(prompts) => cards_html(&prompts, &filter.get()),
    }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((_, id)) = clicked(&ev, "data-start") {
            if !practice.may_discard() {
                return;
            }
            let curveballs = library
                .prompts()
                .iter()
                .find(|p| p.id == id)
                .map_or(0, |p| p.curveballs.len());
            let value = |name: &str| {
                dom::query(&format!("select[aria-label=\"{name}\"]"))
                    .and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    .map(|select| select.value())
                    .unwrap_or_default()
            };
            let chosen = plan_from_form(
                &value("Session length"),
                &value("Level"),
                &value("Breadth minutes"),
            );
            plan.set_value(chosen);
            practice.start(&id, chosen, curveballs);
            checker.forget_claims(&id);
            library.practise(&id);
        } else if let Some((_, id)) = clicked(&ev, "data-free") {
            if !practice.may_discard() {
                return;
            }
            practice.end();
            library.practise(&id);
        }
    };
    move || {
        library.open.get().then(|| {
            view! {
                <div class="dialog-backdrop" on:click=move |_| close()>
                    <section
                        class="library"
                        role="dialog"
                        aria-modal="true"
                        aria-labelledby="library-title"
                        on:click=|ev| ev.stop_propagation()
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            if ev.key() == "Escape" {
                                close();
                            }
                        }
                    >
                        <header class="library-header">
                            <h2 id="library-title">"Prompts"</h2>
                            <input
                                node_ref=input
                                type="search"
                                aria-label="Filter prompts"
                                placeholder="Filter by title, tag or difficulty"
                                prop:value=move || filter.get()
                                on:input=move |ev| filter.set(event_target_value(&ev))
                            />
                            <button type="button" class="link" aria-label="Close" on:click=move |_| close()>"×"</button>
                        </header>
                        <div
                            class="session-settings"
                            role="group"
                            aria-label="Session settings"
                            inner_html=settings_html(&plan.get_value())
                        ></div>
                        <div on:click=on_click inner_html=cards></div>
                    </section>
                </div>
            }
        })
    }
}

/// The prompt being practised: statement and clarifying questions with answers
/// revealed on request (HTML text from `core::prompt::html`).
#[component]
pub fn PromptPanel() -> impl IntoView {
    let library = expect_context::<Library>();
    let practice = expect_context::<Practice>();
    // The bar for the level: after a timed session (it would hint at the design during
    // one), or all three levels in free practice.
    let level = Memo::new(move |_| {
        practice.session.with(|s| match s {
            None => Some(None),
            Some(s) if s.phase() == Phase::Review => Some(Some(s.plan.level)),
            Some(_) => None,
        })
    });
    let on_click = |ev: web_sys::MouseEvent| {
        if let Some((button, _)) = clicked(&ev, "data-reveal") {
            if let Some(answer) = button.next_element_sibling() {
                let _ = answer.remove_attribute("hidden");
            }
            button.remove();
        }
    };
    move || {
        library.current_prompt().map(|p| {
            let html = panel_html(&p);
            // Apart, so reaching Review does not hide answers already revealed.
            let expectations = move || level.get().map(|level| expectations_html(&p, level));
            view! {
                <section class="prompt-panel" aria-label="Prompt">
                    <div on:click=on_click inner_html=html></div>
                    <div inner_html=expectations></div>
                </section>
            }
        })
    }
}
