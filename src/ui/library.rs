//! The prompt library: a dialog of prompt cards with a text filter, and the panel
//! showing the chosen prompt while practising.

use crate::browser::storage;
use crate::core::prompt::{catalog, ClarificationKind, Difficulty, Prompt};
use leptos::prelude::*;
use std::sync::Arc;

/// Key remembering the prompt being practised.
const PROMPT_KEY: &str = "breadthfirst.prompt";

/// The bundled prompts and which one is being practised.
#[derive(Clone, Copy)]
pub struct Library {
    prompts: StoredValue<Arc<Vec<Prompt>>>,
    /// Id of the prompt being practised.
    pub current: RwSignal<Option<String>>,
    /// Whether the library dialog is open.
    pub open: RwSignal<bool>,
}

impl Library {
    /// Loads the catalog and the remembered prompt.
    pub fn new() -> Self {
        let prompts = Arc::new(catalog());
        let remembered = storage::read(PROMPT_KEY)
            .ok()
            .flatten()
            .filter(|id| prompts.iter().any(|p| &p.id == id));
        Library {
            prompts: StoredValue::new(prompts),
            current: RwSignal::new(remembered),
            open: RwSignal::new(false),
        }
    }

    /// Every prompt, sorted by title.
    pub fn prompts(&self) -> Arc<Vec<Prompt>> {
        self.prompts.get_value()
    }

    /// The prompt being practised.
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

fn difficulty_name(d: Difficulty) -> &'static str {
    match d {
        Difficulty::Easy => "Easy",
        Difficulty::Medium => "Medium",
        Difficulty::Hard => "Hard",
    }
}

/// Whether a prompt matches a filter text (title, tags, difficulty or statement).
fn matches(p: &Prompt, filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    filter.is_empty()
        || p.title.to_lowercase().contains(&filter)
        || p.tags.iter().any(|t| t.to_lowercase().contains(&filter))
        || difficulty_name(p.difficulty).to_lowercase() == filter
        || p.statement.to_lowercase().contains(&filter)
}

/// The library dialog.
#[component]
pub fn LibraryDialog() -> impl IntoView {
    let library = expect_context::<Library>();
    let filter = RwSignal::new(String::new());
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
        let text = filter.get();
        let prompts = library.prompts();
        let shown: Vec<Prompt> = prompts
            .iter()
            .filter(|p| matches(p, &text))
            .cloned()
            .collect();
        if shown.is_empty() {
            return view! { <p class="hint">"No prompt matches that filter."</p> }.into_any();
        }
        shown
            .into_iter()
            .map(|p| {
                let id = p.id.clone();
                view! {
                    <li data-testid="prompt-card" class="prompt-card" data-prompt=p.id.clone()>
                        <h3>{p.title.clone()}</h3>
                        <p class="meta">
                            <span class="badge">{difficulty_name(p.difficulty)}</span>
                            {p.tags.join(" · ")}
                        </p>
                        <p class="preview">{p.statement.clone()}</p>
                        <button type="button" on:click=move |_| library.practise(&id)>"Free practice"</button>
                    </li>
                }
            })
            .collect_view()
            .into_any()
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
                        <ul class="prompt-list">{cards}</ul>
                    </section>
                </div>
            }
        })
    }
}

/// The prompt being practised: statement and clarifying questions with answers
/// revealed on request.
#[component]
pub fn PromptPanel() -> impl IntoView {
    let library = expect_context::<Library>();
    move || {
        library.current_prompt().map(|p| {
            let questions = p
                .clarifications
                .iter()
                .map(|c| {
                    let shown = RwSignal::new(false);
                    let answer = c.answer.clone();
                    let kind = match c.kind {
                        ClarificationKind::Functional => "Functional",
                        ClarificationKind::NonFunctional => "Non-functional",
                        ClarificationKind::Scale => "Scale",
                    };
                    view! {
                        <li>
                            <span class="row-kind">{kind}</span>
                            " "
                            {c.question.clone()}
                            {move || {
                                if shown.get() {
                                    view! { <p class="answer">{answer.clone()}</p> }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="link" on:click=move |_| shown.set(true)>
                                            "Reveal answer"
                                        </button>
                                    }
                                    .into_any()
                                }
                            }}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="prompt-panel" aria-label="Prompt">
                    <h2 class="prompt-title">{p.title.clone()}</h2>
                    <p class="statement">{p.statement.clone()}</p>
                    <details>
                        <summary>{format!("Clarifying questions ({})", p.clarifications.len())}</summary>
                        <ol class="clarifications">{questions}</ol>
                    </details>
                </section>
            }
        })
    }
}
