//! The prompt library: a dialog of prompt cards with a text filter, and the panel
//! showing the chosen prompt while practising.

use super::practice::Practice;
use super::review::Checker;
use crate::browser::{fetch::fetch_text, storage};
use crate::core::prompt::{parse_display_bundle, ClarificationKind, Difficulty, Prompt};
use crate::core::session::{Level, Phase, SessionPlan, LENGTHS};
use leptos::prelude::*;
use std::sync::Arc;

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

fn difficulty_name(d: Difficulty) -> &'static str {
    match d {
        Difficulty::Easy => "Easy",
        Difficulty::Medium => "Medium",
        Difficulty::Hard => "Hard",
    }
}

/// Whether a prompt matches a filter text (title, tags, difficulty or statement).
fn matches(p: &Prompt, filter: &str) -> bool {
    // ASCII folding: prompts are English, and Unicode case tables cost kilobytes.
    let filter = filter.trim().to_ascii_lowercase();
    filter.is_empty()
        || p.title.to_ascii_lowercase().contains(&filter)
        || p.tags
            .iter()
            .any(|t| t.to_ascii_lowercase().contains(&filter))
        || difficulty_name(p.difficulty).to_ascii_lowercase() == filter
        || p.statement.to_ascii_lowercase().contains(&filter)
}

/// The library dialog.
#[component]
pub fn LibraryDialog() -> impl IntoView {
    let library = expect_context::<Library>();
    let practice = expect_context::<Practice>();
    let checker = expect_context::<Checker>();
    let filter = RwSignal::new(String::new());
    let length = RwSignal::new(45_u32);
    let level = RwSignal::new(Level::L5);
    let breadth = RwSignal::new(9_u32);
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
        match library.catalog.get() {
            Catalog::Loading => {
                return view! { <p class="hint">"Loading prompts…"</p> }.into_any();
            }
            Catalog::Failed(why) => {
                return view! {
                    <p class="hint" role="alert">{format!("The prompt library could not be loaded: {why}. Reload to try again.")}</p>
                }
                .into_any();
            }
            Catalog::Ready(_) => {}
        }
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
                let start_id = p.id.clone();
                let curveballs = p.curveballs.len();
                view! {
                    <li data-testid="prompt-card" class="prompt-card" data-prompt=p.id.clone()>
                        <h3>{p.title.clone()}</h3>
                        <p class="meta">
                            <span class="badge">{difficulty_name(p.difficulty)}</span>
                            {p.tags.join(" · ")}
                        </p>
                        <p class="preview">{p.statement.clone()}</p>
                        <div class="card-actions">
                            <button
                                type="button"
                                on:click=move |_| {
                                    if !practice.may_discard() {
                                        return;
                                    }
                                    let plan = SessionPlan::new(length.get_untracked(), level.get_untracked(), breadth.get_untracked());
                                    practice.start(&start_id, plan, curveballs);
                                    checker.forget_claims(&start_id);
                                    library.practise(&start_id);
                                }
                            >
                                "Start session"
                            </button>
                            <button type="button" class="secondary" on:click=move |_| {
                                if !practice.may_discard() {
                                    return;
                                }
                                practice.end();
                                library.practise(&id);
                            }>"Free practice"</button>
                        </div>
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
                        <div class="session-settings" role="group" aria-label="Session settings">
                            <label>
                                "Length "
                                <select
                                    aria-label="Session length"
                                    on:change=move |ev| length.set(event_target_value(&ev).parse().unwrap_or(45))
                                    prop:value=move || length.get().to_string()
                                >
                                    {LENGTHS.iter().map(|m| view! { <option value=m.to_string()>{format!("{m} min")}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>
                                "Level "
                                <select
                                    aria-label="Level"
                                    on:change=move |ev| {
                                        level.set(match event_target_value(&ev).as_str() {
                                            "L4" => Level::L4,
                                            "L6" => Level::L6,
                                            _ => Level::L5,
                                        })
                                    }
                                    prop:value=move || format!("{:?}", level.get())
                                >
                                    <option value="L4">"L4 (mid-level)"</option>
                                    <option value="L5">"L5 (senior)"</option>
                                    <option value="L6">"L6 (staff)"</option>
                                </select>
                            </label>
                            <label>
                                "Breadth "
                                <select
                                    aria-label="Breadth minutes"
                                    on:change=move |ev| breadth.set(event_target_value(&ev).parse().unwrap_or(9))
                                    prop:value=move || breadth.get().to_string()
                                >
                                    <option value="8">"8 min"</option>
                                    <option value="9">"9 min"</option>
                                    <option value="10">"10 min"</option>
                                </select>
                            </label>
                        </div>
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
    move || {
        library.current_prompt().map(|p| {
            let expectations = move || {
                let e = &p.expectations;
                let all = [(Level::L4, &e.l4), (Level::L5, &e.l5), (Level::L6, &e.l6)];
                let shown = level.get()?;
                let items = all
                    .into_iter()
                    .filter(|(l, _)| shown.is_none_or(|s| s == *l))
                    .map(|(l, text)| view! { <li><strong>{format!("{l:?}: ")}</strong>{text.clone()}</li> })
                    .collect_view();
                Some(view! {
                    <details class="expectations" open=shown.is_some()>
                        <summary>"What the interviewer expects"</summary>
                        <ul>{items}</ul>
                    </details>
                })
            };
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
                    {expectations}
                </section>
            }
        })
    }
}
