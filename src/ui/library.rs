//! The prompt library: a dialog of prompt cards with a text filter and the session
//! settings, and the panel showing the chosen prompt while practising.

use super::autosave::{write_part, SaveStatus};
use super::boards::Boards;
use super::modal::Modal;
use super::practice::Practice;
use super::review::Checker;
use super::state::use_board;
use crate::browser::fetch::{fetch_prompt, fetch_text};
use crate::browser::storage;
use crate::core::prompt::card::{arrange, difficulty_name, tags, Browse, Order, PracticeStat};
use crate::core::prompt::{
    parse_display_bundle, parse_index, Category, ClarificationKind, Difficulty, Prompt, Summary,
};
use crate::core::session::{Level, Phase, SessionPlan, LENGTHS};
use leptos::prelude::*;
use std::sync::Arc;

/// Key remembering the prompt being practised.
pub const PROMPT_KEY: &str = "breadthfirst.prompt";

/// Where the prompt library's index is.
#[derive(Clone, Debug, PartialEq)]
pub enum Catalog {
    /// Being fetched.
    Loading,
    /// Loaded, sorted by title.
    Ready(Arc<Vec<Summary>>),
    /// Could not be loaded, with why.
    Failed(String),
}

/// The prompt being practised, fetched on its own when it is chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// None is chosen.
    Nothing,
    /// Being fetched (its id).
    Loading(String),
    /// Fetched and read.
    Ready(Arc<Prompt>),
    /// Could not be fetched or read: its id and why.
    Failed(String, String),
}

/// The prompt library and which prompt is being practised.
#[derive(Clone, Copy)]
pub struct Library {
    /// The index's state.
    pub catalog: RwSignal<Catalog>,
    /// Id of the prompt being practised.
    pub current: RwSignal<Option<String>>,
    /// The prompt being practised, once fetched.
    pub loaded: RwSignal<Loaded>,
    /// Whether the library dialog is open.
    pub open: RwSignal<bool>,
    /// The session settings last chosen.
    pub plan: RwSignal<SessionPlan>,
    /// What the practice history says of each prompt practised (sent by the
    /// history module once the library is first opened).
    pub stats: RwSignal<Vec<PracticeStat>>,
    save: SaveStatus,
}

impl Library {
    /// Starts fetching the index (served beside the app as prompts/index.txt),
    /// remembers the prompt practised last and fetches each prompt chosen.
    pub fn new(save: SaveStatus) -> Self {
        let library = Library {
            catalog: RwSignal::new(Catalog::Loading),
            current: RwSignal::new(storage::read(PROMPT_KEY).ok().flatten()),
            loaded: RwSignal::new(Loaded::Nothing),
            open: RwSignal::new(false),
            plan: RwSignal::new(SessionPlan::default()),
            stats: RwSignal::new(Vec::new()),
            save,
        };
        leptos::task::spawn_local(async move {
            let state = match fetch_text("prompts/index.txt").await {
                Ok(text) => {
                    let (prompts, problems) = parse_index(&text);
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
        Effect::new(move |_| {
            if let Some(id) = library.current.get() {
                leptos::task::spawn_local(async move {
                    library.prompt(&id).await;
                });
            }
        });
        library
    }

    /// The index's entries (empty while loading or after a failure).
    pub fn prompts(&self) -> Arc<Vec<Summary>> {
        match self.catalog.get() {
            Catalog::Ready(prompts) => prompts,
            _ => Arc::new(Vec::new()),
        }
    }

    /// The prompt being practised, once fetched.
    pub fn current_prompt(&self) -> Option<Arc<Prompt>> {
        let id = self.current.get()?;
        match self.loaded.get() {
            Loaded::Ready(p) if p.id == id => Some(p),
            _ => None,
        }
    }

    /// Prompt `id`, fetched if it is not the one loaded (it then becomes it); `None`
    /// when it cannot be fetched or read, with why in [`Library::loaded`].
    pub async fn prompt(&self, id: &str) -> Option<Arc<Prompt>> {
        match self.loaded.get_untracked() {
            Loaded::Ready(p) if p.id == id => return Some(p),
            Loaded::Loading(other) if other == id => {
                // Another caller is fetching it: wait for that.
                while matches!(self.loaded.get_untracked(), Loaded::Loading(ref o) if o == id) {
                    gloo_timers::future::TimeoutFuture::new(20).await;
                }
                return match self.loaded.get_untracked() {
                    Loaded::Ready(p) if p.id == id => Some(p),
                    _ => None,
                };
            }
            _ => {}
        }
        self.loaded.set(Loaded::Loading(id.to_string()));
        let state = match fetch_prompt(id, parse_display_bundle).await {
            Ok(p) => Loaded::Ready(Arc::new(p)),
            Err(why) => Loaded::Failed(id.to_string(), why),
        };
        // A later choice wins over this one.
        if matches!(self.loaded.get_untracked(), Loaded::Loading(ref o) if o == id) {
            self.loaded.set(state.clone());
        }
        match state {
            Loaded::Ready(p) => Some(p),
            _ => None,
        }
    }

    /// Saves which prompt the open board practises, under the two-tab guard.
    pub fn save(&self) {
        let id = self.current.get_untracked();
        write_part(self.save, PROMPT_KEY, id.as_deref());
    }

    /// Practises `id` without a timer.
    pub fn practise(&self, id: &str) {
        self.current.set(Some(id.to_string()));
        self.save();
        self.open.set(false);
    }
}

/// The library dialog: filter, session settings and one card per prompt.
#[component]
pub fn LibraryDialog() -> impl IntoView {
    let library = expect_context::<Library>();
    view! {
        <Modal open=library.open title="Prompts" class="library" title_id="library-title">
            <LibraryBody />
        </Modal>
    }
}

#[component]
fn LibraryBody() -> impl IntoView {
    let library = expect_context::<Library>();
    let browse = RwSignal::new(Browse::default());
    let cards = move || match library.catalog.get() {
        Catalog::Loading => view! { <p class="hint">"Loading prompts…"</p> }.into_any(),
        Catalog::Failed(why) => view! {
            <p class="hint" role="alert">
                {format!("The prompt library could not be loaded: {why}. Reload to try again.")}
            </p>
        }
        .into_any(),
        Catalog::Ready(prompts) => {
            let stats = library.stats.get();
            let shown: Vec<(Summary, Option<PracticeStat>)> = browse.with(|b| {
                arrange(&prompts, &stats, b)
                    .into_iter()
                    .map(|(p, s)| (p.clone(), s.cloned()))
                    .collect()
            });
            let count = format!("{} of {} prompts", shown.len(), prompts.len());
            if shown.is_empty() {
                return view! {
                    <p class="hint library-count" role="status">{count}</p>
                    <p class="hint">"No prompt matches these filters."</p>
                }
                .into_any();
            }
            let cards = shown
                .into_iter()
                .map(|(p, stat)| view! { <PromptCard prompt=p stat=stat /> })
                .collect_view();
            view! {
                <p class="hint library-count" role="status">{count}</p>
                <ul class="prompt-list">{cards}</ul>
            }
            .into_any()
        }
    };
    // The history draws the cards due today at the top and sends what each prompt's
    // card says of its practice (it loads on first use).
    let link = expect_context::<super::history_link::HistoryLink>();
    crate::browser::dom::after_render(move || {
        link.send(crate::core::history::bridge::ToHistory::ShowDue {
            slot: super::history_link::DUE_SLOT.into(),
        });
        link.send(crate::core::history::bridge::ToHistory::Stats);
    });
    view! {
        <div id=super::history_link::DUE_SLOT class="due-slot"></div>
        <input
            type="search"
            class="library-filter"
            aria-label="Filter prompts"
            placeholder="Filter by title, tag or difficulty"
            autofocus
            prop:value=move || browse.with(|b| b.text.clone())
            on:input=move |ev| browse.update(|b| b.text = event_target_value(&ev))
        />
        <BrowseControls browse=browse />
        <SessionSettings />
        <div class="library-cards">{cards}</div>
    }
}

/// Category, difficulty, tag, "due today" and order of the library's cards.
#[component]
fn BrowseControls(browse: RwSignal<Browse>) -> impl IntoView {
    let library = expect_context::<Library>();
    let all = || ("".to_string(), "All".to_string());
    let categories: Vec<(String, String)> = std::iter::once(all())
        .chain(Category::ALL.map(|c| (c.id().to_string(), c.name().to_string())))
        .collect();
    let difficulties: Vec<(String, String)> = std::iter::once(all())
        .chain(
            [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard].map(|d| {
                (
                    difficulty_name(d).to_string(),
                    difficulty_name(d).to_string(),
                )
            }),
        )
        .collect();
    let tag_options = move || {
        let prompts = library.prompts();
        std::iter::once(all())
            .chain(tags(&prompts).into_iter().map(|t| (t.clone(), t)))
            .collect::<Vec<_>>()
    };
    let orders = vec![
        ("title".to_string(), "Title".to_string()),
        ("last".to_string(), "Last practised".to_string()),
    ];
    view! {
        <div class="library-browse" role="group" aria-label="Browse prompts">
            <Setting
                label="Category"
                name="Category"
                options=categories
                value=move || browse.with(|b| b.category.map_or("", |c| c.id()).to_string())
                choose=move |v: String| browse.update(|b| b.category = Category::from_id(&v))
            />
            <Setting
                label="Difficulty"
                name="Difficulty"
                options=difficulties
                value=move || browse.with(|b| b.difficulty.map_or("", difficulty_name).to_string())
                choose=move |v: String| browse.update(|b| {
                    b.difficulty = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard]
                        .into_iter()
                        .find(|d| difficulty_name(*d) == v)
                })
            />
            {move || view! {
                <Setting
                    label="Tag"
                    name="Tag"
                    options=tag_options()
                    value=move || browse.with(|b| b.tag.clone().unwrap_or_default())
                    choose=move |v: String| browse.update(|b| b.tag = (!v.is_empty()).then_some(v))
                />
            }}
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || browse.with(|b| b.due)
                    on:change=move |ev| browse.update(|b| b.due = event_target_checked(&ev))
                />
                " Due today"
            </label>
            <Setting
                label="Sort by"
                name="Sort by"
                options=orders
                value=move || browse.with(|b| match b.order {
                    Order::Title => "title",
                    Order::LastPractised => "last",
                }.to_string())
                choose=move |v: String| browse.update(|b| {
                    b.order = if v == "last" { Order::LastPractised } else { Order::Title }
                })
            />
        </div>
    }
}

/// Length, level and breadth minutes of the next timed session.
#[component]
fn SessionSettings() -> impl IntoView {
    let plan = expect_context::<Library>().plan;
    let minutes = |m: u32| (m.to_string(), format!("{m} min"));
    let levels = [
        (Level::L4, "L4 (mid-level)"),
        (Level::L5, "L5 (senior)"),
        (Level::L6, "L6 (staff)"),
    ]
    .map(|(l, text)| (format!("{l:?}"), text.to_string()));
    view! {
        <div class="session-settings" role="group" aria-label="Session settings">
            <Setting
                label="Length"
                name="Session length"
                options=LENGTHS.map(minutes).to_vec()
                value=move || plan.get().total_minutes.to_string()
                choose=move |v: String| plan.update(|p| p.total_minutes = v.parse().unwrap_or(45))
            />
            <Setting
                label="Level"
                name="Level"
                options=levels.to_vec()
                value=move || format!("{:?}", plan.get().level)
                choose=move |v: String| plan.update(|p| {
                    p.level = match v.as_str() {
                        "L4" => Level::L4,
                        "L6" => Level::L6,
                        _ => Level::L5,
                    }
                })
            />
            <Setting
                label="Breadth"
                name="Breadth minutes"
                options=[8, 9, 10].map(minutes).to_vec()
                value=move || plan.get().breadth_minutes.to_string()
                choose=move |v: String| plan.update(|p| p.breadth_minutes = v.parse().unwrap_or(9))
            />
            <label class="think-aloud" title="Recorded in this browser only: nothing is uploaded. Replay it beside the board in Review.">
                <input
                    type="checkbox"
                    prop:checked=move || plan.get().think_aloud
                    on:change=move |ev| plan.update(|p| p.think_aloud = event_target_checked(&ev))
                />
                " Record my voice (think aloud)"
            </label>
        </div>
    }
}

/// One session setting: a labelled select of (value, text) options.
#[component]
fn Setting<V, C>(
    label: &'static str,
    name: &'static str,
    options: Vec<(String, String)>,
    value: V,
    choose: C,
) -> impl IntoView
where
    V: Fn() -> String + Send + Sync + 'static,
    C: Fn(String) + 'static,
{
    let options = options
        .into_iter()
        .map(|(value, text)| view! { <option value=value>{text}</option> })
        .collect_view();
    view! {
        <label>
            {label}
            " "
            <select aria-label=name prop:value=value on:change=move |ev| choose(event_target_value(&ev))>
                {options}
            </select>
        </label>
    }
}

/// What starting a session needs.
pub type Starter = (Library, Practice, Checker, Boards, super::state::BoardState);

/// Starts a timed session of prompt `id` with the plan last chosen (the caller has
/// asked whether a running session may be discarded): on the open board if it is
/// empty, else on a fresh board (the open one stays in Boards).
pub fn start_timed(id: &str, starter: Starter) {
    let id = id.to_string();
    leptos::task::spawn_local(async move {
        let (library, _, _, _, state) = starter;
        match library.prompt(&id).await {
            Some(prompt) => begin_timed(&prompt, starter),
            // Offline before the prompt was ever fetched, or a damaged file: say so
            // rather than do nothing.
            None => state.notice.set(Some(format!(
                "The prompt could not be loaded ({}): try again in a moment.",
                match library.loaded.get_untracked() {
                    Loaded::Failed(_, why) => why,
                    _ => "no answer".into(),
                }
            ))),
        }
    });
}

fn begin_timed(prompt: &Prompt, (library, practice, checker, boards, state): Starter) {
    let id = prompt.id.as_str();
    let session = practice.prepare(id, library.plan.get_untracked(), prompt.curveballs.len());
    library.open.set(false);
    if state.with_editor(|e| e.board().is_empty()) {
        practice.begin(session);
        checker.forget_claims(id);
        library.practise(id);
    } else {
        boards.start_session_on_new_board(&prompt.title, &session);
    }
}

/// One prompt: title, difficulty, tags, statement, and the two ways to practise it.
#[component]
fn PromptCard(prompt: Summary, stat: Option<PracticeStat>) -> impl IntoView {
    let library = expect_context::<Library>();
    let practice = expect_context::<Practice>();
    let checker = expect_context::<Checker>();
    let boards = expect_context::<Boards>();
    let state = use_board();
    let id = StoredValue::new(prompt.id.clone());
    let start = move |_| {
        if practice.may_discard() {
            start_timed(&id.get_value(), (library, practice, checker, boards, state));
        }
    };
    let free = move |_| {
        if !practice.may_discard() {
            return;
        }
        practice.end();
        library.practise(&id.get_value());
    };
    let title = prompt.title.clone();
    view! {
        <li data-testid="prompt-card" class="prompt-card" data-prompt=prompt.id.clone()>
            <h3>{prompt.title.clone()}</h3>
            <p class="meta">
                <span class="badge">{difficulty_name(prompt.difficulty)}</span>
                <span class="badge category">{prompt.category.name()}</span>
                {prompt.tags.join(" · ")}
            </p>
            <p class="practised" data-testid="practised">
                {match &stat {
                    Some(s) => format!("Last practised {} · best {}%", s.last, s.best),
                    None => "Not practised yet".to_string(),
                }}
                {stat.as_ref().filter(|s| s.due).map(|_| view! { " " <span class="badge due">"Due"</span> })}
            </p>
            <p class="preview">{prompt.statement.clone()}</p>
            <div class="card-actions">
                <button type="button" aria-label=format!("Start a timed session: {title}") on:click=start>
                    "Start session"
                </button>
                <button
                    type="button"
                    class="secondary"
                    aria-label=format!("Free practice: {title}")
                    on:click=free
                >
                    "Free practice"
                </button>
            </div>
        </li>
    }
}

/// The prompt being practised: statement and clarifying questions with answers
/// revealed on request, and what the interviewer expects (at the session's level
/// after a timed session; all three levels in free practice; hidden during a session,
/// where it would hint at the design).
#[component]
pub fn PromptPanel() -> impl IntoView {
    let library = expect_context::<Library>();
    let practice = expect_context::<Practice>();
    let level = Memo::new(move |_| {
        practice.session.with(|s| match s {
            None => Some(None),
            Some(s) if s.phase() == Phase::Review => Some(Some(s.plan.level)),
            Some(_) => None,
        })
    });
    let prompt = Memo::new(move |_| library.current_prompt());
    move || {
        prompt.get().map(|p| {
            let expectations = {
                let p = p.clone();
                // Apart, so reaching Review does not hide answers already revealed.
                move || level.get().map(|level| view! { <Expectations prompt=p.clone() level=level /> })
            };
            let questions = p
                .clarifications
                .iter()
                .map(|c| {
                    let kind = match c.kind {
                        ClarificationKind::Functional => "Functional",
                        ClarificationKind::NonFunctional => "Non-functional",
                        ClarificationKind::Scale => "Scale",
                    };
                    let revealed = RwSignal::new(false);
                    let answer = c.answer.clone();
                    // The button gives way to the answer: focus follows, so a keyboard
                    // user keeps their place.
                    let shown = NodeRef::<leptos::html::P>::new();
                    Effect::new(move |_| {
                        if let Some(el) = shown.get() {
                            let _ = el.focus();
                        }
                    });
                    view! {
                        <li>
                            <span class="row-kind">{kind}</span>
                            " "
                            {c.question.clone()}
                            <Show
                                when=move || revealed.get()
                                fallback=move || view! {
                                    <button type="button" class="link" on:click=move |_| revealed.set(true)>
                                        "Reveal answer"
                                    </button>
                                }
                            >
                                <p class="answer" tabindex="-1" node_ref=shown>{answer.clone()}</p>
                            </Show>
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

/// What the interviewer expects: at `level`, open, or (`None`) at every level, folded.
#[component]
pub fn Expectations(prompt: Arc<Prompt>, level: Option<Level>) -> impl IntoView {
    let e = &prompt.expectations;
    let rows = [(Level::L4, &e.l4), (Level::L5, &e.l5), (Level::L6, &e.l6)]
        .into_iter()
        .filter(|(l, _)| level.is_none_or(|shown| shown == *l))
        .map(|(l, text)| {
            view! { <li><strong>{format!("{l:?}: ")}</strong>{text.clone()}</li> }
        })
        .collect_view();
    view! {
        <details class="expectations" open=level.is_some()>
            <summary>"What the interviewer expects"</summary>
            <ul>{rows}</ul>
        </details>
    }
}
