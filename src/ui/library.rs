//! The prompt library: a dialog of prompt cards with a text filter, and the panel
//! showing the chosen prompt while practising.

use super::practice::Practice;
use super::review::Checker;
use crate::browser::{dom, fetch::fetch_text, storage};
use crate::core::diagram::escape_markup;
use crate::core::dialog;
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

    /// Saves which prompt the open board practises, under the two-tab guard.
    pub fn save(&self) {
        let id = self.current.get_untracked();
        super::autosave::write_part(PROMPT_KEY, id.as_deref());
    }

    /// Practises `id` without a timer.
    pub fn practise(&self, id: &str) {
        self.current.set(Some(id.to_string()));
        self.save();
        self.open.set(false);
    }
}

/// The element (or its ancestor) a click landed on that carries `attr`, and its value.
pub(super) fn clicked(ev: &web_sys::MouseEvent, attr: &str) -> Option<(web_sys::Element, String)> {
    let el = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(&format!("[{attr}]"))
        .ok()??;
    let value = el.get_attribute(attr)?;
    Some((el, value))
}

/// Whether a click closes a text dialog (`core::dialog`): on its backdrop itself, or
/// on its close button.
pub(super) fn closes_dialog(ev: &web_sys::MouseEvent) -> bool {
    let on_backdrop = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.has_attribute("data-backdrop"));
    on_backdrop || clicked(ev, "data-close").is_some()
}

/// A keydown listener that closes a dialog on Escape.
pub(super) fn escape_closes(open: RwSignal<bool>) -> impl Fn(web_sys::KeyboardEvent) {
    move |ev| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    }
}

/// The library dialog, all HTML text (`core::prompt::html` in a `core::dialog`
/// frame) with delegated listeners. Typing in the filter redraws the cards only, so
/// the field keeps focus.
#[component]
pub fn LibraryDialog() -> impl IntoView {
    let library = expect_context::<Library>();
    let practice = expect_context::<Practice>();
    let checker = expect_context::<Checker>();
    // The filter and the last settings chosen, shown again when the dialog reopens.
    let filter = StoredValue::new(String::new());
    let plan = StoredValue::new(SessionPlan::default());
    let cards = move || {
        match library.catalog.get() {
        Catalog::Loading => "<p class=\"hint\">Loading prompts…</p>".to_string(),
        Catalog::Failed(why) => format!(
            "<p class=\"hint\" role=\"alert\">The prompt library could not be loaded: {}. Reload to try again.</p>",
            escape_markup(&why)
        ),
        Catalog::Ready(prompts) => filter.with_value(|f| cards_html(&prompts, f)),
    }
    };
    let html = move || {
        if !library.open.get() {
            return String::new();
        }
        // `autofocus` does nothing on inserted elements: focus the filter, so typing
        // filters at once and Escape reaches the dialog.
        dom::after_render(|| dom::focus(".library input[type=search]"));
        format!(
            "{}<input type=\"search\" aria-label=\"Filter prompts\" placeholder=\"Filter by title, tag or difficulty\" value=\"{}\">{}<div class=\"session-settings\" role=\"group\" aria-label=\"Session settings\">{}</div><div class=\"library-cards\">{}</div>{}",
            dialog::start("library", "library-title", "Prompts"),
            filter.with_value(|f| escape_markup(f)),
            dialog::CLOSE,
            settings_html(&plan.get_value()),
            cards(),
            dialog::END
        )
    };
    let on_input = move |ev: web_sys::Event| {
        // The filter field only (the settings' selects send input events too).
        let Some(field) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        filter.set_value(field.value());
        if let Some(list) = dom::query(".library-cards") {
            list.set_inner_html(&cards());
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if closes_dialog(&ev) {
            library.open.set(false);
        } else if let Some((_, id)) = clicked(&ev, "data-start") {
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
    view! {
        <div
            on:click=on_click
            on:input=on_input
            on:keydown=escape_closes(library.open)
            inner_html=html
        ></div>
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
