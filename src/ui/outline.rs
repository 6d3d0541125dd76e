//! The outline: every component and connection as a list, plus an inspector for the
//! selection. It makes the whole board usable without a pointer. Free text, sticky
//! notes and frames are listed with their kind named, never counted as components.

use super::component_view::{hue_var, saturation_var};
use super::icon::KindIcon;
use super::notes::ComponentNote;
use super::state::{use_board, EditTarget};
use super::virtual_list::VirtualList;
use crate::core::diagram::{ArrowId, Command, ComponentId, ComponentKind, NoteField};
use crate::core::editor::Action;
use leptos::prelude::*;

/// One row of the outline: a component (its name, then its kind when the name
/// does not say it) or an arrow ("From → To: label"). One type for both lists, so
/// the windowed list's code is in the app once.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    target: EditTarget,
    kind: Option<ComponentKind>,
    text: String,
}

/// The right-hand panel.
#[component]
pub fn Outline() -> impl IntoView {
    let state = use_board();
    // Positions change on every drag frame; these rows do not, so the lists stay put.
    let components = Memo::new(move |_| {
        state.structure.track();
        state.with_editor(|e| {
            e.board()
                .components()
                .iter()
                .map(|c| Row {
                    target: EditTarget::Component(c.id),
                    kind: Some(c.kind),
                    text: c.label.clone(),
                })
                .collect::<Vec<_>>()
        })
    });
    let arrows = Memo::new(move |_| {
        state.structure.track();
        state.with_editor(|e| {
            let board = e.board();
            let names: rustc_hash::FxHashMap<_, _> = board
                .components()
                .iter()
                .map(|c| (c.id, c.label.as_str()))
                .collect();
            let name = |id| names.get(&id).copied().unwrap_or_default();
            board
                .arrows()
                .iter()
                .map(|a| {
                    let (from, to) = (name(a.from), name(a.to));
                    let text = if a.label.is_empty() {
                        format!("{from} → {to}")
                    } else {
                        format!("{from} → {to}: {}", a.label)
                    };
                    Row {
                        target: EditTarget::Arrow(a.id),
                        kind: None,
                        text,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    // Bumps when the panel scrolls or the window resizes: the lists mount the rows
    // in view.
    let scrolled = RwSignal::new(0u32);
    let _ = window_event_listener(leptos::ev::resize, move |_| scrolled.update(|n| *n += 1));
    view! {
        <aside
            class="outline"
            aria-label="Outline"
            data-scroll-panel
            on:scroll=move |_| scrolled.update(|n| *n += 1)
        >
            <super::review::CheckPanel />
            <super::session_panel::SessionPanel />
            <super::library::PromptPanel />
            <Inspector />
            <section aria-labelledby="outline-components">
                <h2 class="panel-title" id="outline-components">
                    // Notes and frames are listed (their kind named) but not counted.
                    "Components "
                    <span class="count">
                        {move || components.with(|rows| rows.iter().filter(|r| r.kind.is_some_and(ComponentKind::is_part)).count())}
                    </span>
                </h2>
                <VirtualList rows=components scrolled=scrolled.read_only() key=Row::clone row=outline_row />
            </section>
            <section aria-labelledby="outline-arrows">
                <h2 class="panel-title" id="outline-arrows">
                    "Connections " <span class="count">{move || arrows.with(Vec::len)}</span>
                </h2>
                <VirtualList rows=arrows scrolled=scrolled.read_only() key=Row::clone row=outline_row />
            </section>
        </aside>
    }
}

/// A row of either list: a click or Enter selects its component (and brings it into
/// view) or its arrow.
fn outline_row(row: Row) -> AnyView {
    let state = use_board();
    let (selected, label) = match row.target {
        EditTarget::Component(id) => (state.component(id).selected, row.text.clone()),
        EditTarget::Arrow(id) => (state.arrow(id).selected, row.text.clone()),
    };
    // Focus stays on the row: Enter again renames, Tab reaches the inspector.
    let select = move || match row.target {
        EditTarget::Component(id) => {
            let _ = state.dispatch(Action::SelectComponent(id));
            let _ = state.dispatch(Action::RevealComponent(id));
        }
        EditTarget::Arrow(id) => {
            let _ = state.dispatch(Action::SelectArrow(id));
        }
    };
    let kind_name = row
        .kind
        .filter(|k| label != k.display_name())
        .map(|k| view! { <span class="row-kind">{k.display_name()}</span> });
    view! {
        <OutlineRow selected=RwSignal::from(selected) kind=row.kind on_select=select edit=row.target>
            {row.kind.map(|kind| view! { <KindIcon kind=kind /> })}
            <span class="row-label">{label}</span>
            {kind_name}
        </OutlineRow>
    }
    .into_any()
}

/// One selectable row of the outline: a click or Enter selects it; Enter (or F2) on
/// a selected row renames the component or labels the arrow.
#[component]
fn OutlineRow<F>(
    selected: RwSignal<bool>,
    /// The component's kind, for its colour (arrow rows have none).
    kind: Option<ComponentKind>,
    on_select: F,
    edit: EditTarget,
    children: Children,
) -> impl IntoView
where
    F: Fn() + 'static,
{
    let state = use_board();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if matches!(ev.key().as_str(), "Enter" | "F2") && selected.get_untracked() {
            ev.prevent_default();
            state.editing.set(Some(edit));
        }
    };
    view! {
        <button
                type="button"
                class="outline-row"
                class:selected=move || selected.get()
                aria-pressed=move || selected.get().to_string()
                style:--h=kind.map(|k| hue_var(k.colour()))
                style:--s=kind.map(|k| saturation_var(k.colour()))
                on:click=move |_| on_select()
                on:keydown=on_keydown
            >
                {children()}
            </button>
    }
}

/// Fields for the selected component or arrow.
#[component]
fn Inspector() -> impl IntoView {
    let state = use_board();
    move || {
        let selection = state.selection.get();
        if let Some(id) = selection.single_component() {
            Some(view! { <ComponentInspector id=id /> }.into_any())
        } else if let Some(id) = selection.single_arrow() {
            Some(view! { <ArrowInspector id=id /> }.into_any())
        } else if selection.components().len() > 1 {
            let n = selection.components().len();
            Some(
                view! {
                    <section class="inspector" aria-label="Selection">
                        <p>{format!("{n} components selected")}</p>
                        <p class="hint">"Press C to connect them in the order you selected them."</p>
                    </section>
                }
                .into_any(),
            )
        } else {
            None
        }
    }
}

#[component]
fn ComponentInspector(id: ComponentId) -> impl IntoView {
    let state = use_board();
    let view = RwSignal::from(state.component(id).data);
    // The option list is built only once the picker is approached: on a large board,
    // selecting a component must not create a thousand <option>s nobody looks at.
    let armed = RwSignal::new(false);
    let others = Memo::new(move |_| {
        if !armed.get() {
            return Vec::new();
        }
        state.structure.track();
        state.with_editor(|e| {
            e.board()
                .components()
                .iter()
                .filter(|c| c.id != id)
                .map(|c| (c.id, c.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let target = RwSignal::new(String::new());
    let apply = move |command: Command| {
        let _ = state.dispatch(Action::Apply(command));
    };
    let kinds = ComponentKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.id()>{k.display_name()}</option> })
        .collect_view();
    // Free text, sticky notes and frames: their text, colour, size and delete only.
    let kind = view.with_untracked(|c| c.kind);
    let part = kind.is_part();
    view! {
        <section class="inspector" aria-label=if part { "Selected component" } else { kind.display_name() }>
            <label class="field">
                <span>{if part { "Name" } else { "Text" }}</span>
                <input
                    type="text"
                    aria-label=move || view.with(|c| format!("Name of {}", c.label))
                    maxlength=kind.max_label_chars().to_string()
                    prop:value=move || view.with(|c| c.label.clone())
                    on:change=move |ev| apply(Command::RenameComponent { id, label: event_target_value(&ev) })
                />
            </label>
            <label class="field" hidden=!part>
                <span>"Kind"</span>
                <select
                    prop:value=move || view.with(|c| c.kind.id())
                    on:change=move |ev| {
                        if let Some(kind) = ComponentKind::from_id(&event_target_value(&ev)) {
                            apply(Command::ChangeKind { id, kind });
                        }
                    }
                >
                    {kinds}
                </select>
            </label>
            <super::appearance::BoxAppearance id=id />
            <div class="field-row" hidden=!part>
                <label class="field">
                    <span>"Connect to"</span>
                    <select
                        prop:value=move || target.get()
                        on:change=move |ev| target.set(event_target_value(&ev))
                        on:focus=move |_| armed.set(true)
                        on:pointerenter=move |_| armed.set(true)
                    >
                        <option value="">"Choose…"</option>
                        {move || {
                            others
                                .get()
                                .into_iter()
                                .map(|(other, label)| view! { <option value=other.to_string()>{label}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button
                    type="button"
                    disabled=move || target.with(String::is_empty)
                    on:click=move |_| {
                        if let Ok(to) = target.get_untracked().parse::<u32>() {
                            apply(Command::ConnectComponents { from: id, to: ComponentId(to), label: String::new() });
                            target.set(String::new());
                        }
                    }
                >
                    "Add arrow"
                </button>
            </div>
            <div class="field-notes" hidden=!part>
                <ComponentNote id=id field=NoteField::Details named=true />
                <ComponentNote id=id field=NoteField::Failure named=true />
            </div>
            <button type="button" class="danger" on:click=move |_| {
                let _ = state.dispatch(Action::DeleteSelection);
            }>{if part { "Delete component" } else { "Delete" }}</button>
        </section>
    }
}

#[component]
fn ArrowInspector(id: ArrowId) -> impl IntoView {
    let state = use_board();
    let signals = state.arrow(id);
    let label = RwSignal::from(signals.label);
    let straight = RwSignal::from(signals.straight);
    let apply = move |command: Command| {
        let _ = state.dispatch(Action::Apply(command));
    };
    view! {
        <section class="inspector" aria-label="Selected arrow">
            <label class="field">
                <span>"Arrow label"</span>
                <input
                    type="text"
                    placeholder="writes, events, reads..."
                    prop:value=move || label.get()
                    on:change=move |ev| apply(Command::LabelArrow { id, label: event_target_value(&ev) })
                />
            </label>
            <div class="field-row">
                <button type="button" on:click=move |_| apply(Command::ReverseArrow { id })>"Reverse"</button>
                // Names what pressing it makes the arrow.
                <button
                    type="button"
                    data-testid="arrow-route"
                    on:click=move |_| apply(Command::SetArrowStraight { id, straight: !straight.get_untracked() })
                >
                    {move || if straight.get() { "Elbow arrow" } else { "Straight arrow" }}
                </button>
                <button type="button" class="danger" on:click=move |_| {
                    let _ = state.dispatch(Action::DeleteSelection);
                }>"Delete arrow"</button>
            </div>
        </section>
    }
}
