//! The Interview journal tab: entries newest first, a form in the debrief's shape
//! (new or editing one), and the whole journal as Markdown.

use super::hub::Hub;
use crate::browser::{dom, download::download_text};
use crate::core::export::journal::journal_markdown;
use crate::core::history::{Diagnosis, JournalEntry, Round, Struggle};
use leptos::prelude::*;

/// The journal tab.
#[component]
pub fn JournalView() -> impl IntoView {
    let hub = expect_context::<Hub>();
    // The entry being written or edited, if any.
    let draft: RwSignal<Option<JournalEntry>> = RwSignal::new(None);
    let new_entry = move |_| {
        let today = super::hub::today();
        draft.set(Some(JournalEntry {
            id: format!("j{}", dom::now_ms() as u64),
            date: crate::core::history::date_of(today),
            struggles: vec![Struggle::default()],
            ..JournalEntry::default()
        }));
    };
    let export = move |_| {
        let text = hub.journal.with_untracked(|j| journal_markdown(j));
        if download_text("interview-journal.md", "text/markdown", &text).is_err() {
            hub.notice
                .set(Some("The journal could not be downloaded.".into()));
        }
    };
    // Only starting or ending an edit swaps the form in or out: typing in it must
    // not rebuild it.
    let editing = Memo::new(move |_| draft.with(Option::is_some));
    move || {
        if editing.get() {
            return view! { <EntryForm draft=draft /> }.into_any();
        }
        let mut entries = hub.journal.get();
        entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
        let empty = entries.is_empty().then(|| view! {
            <p class="hint">
                "Write down each real interview within hours, while you remember it: what went well, where you struggled and what you should have said. Its topics come back as cards to review."
            </p>
        });
        let list = entries
            .into_iter()
            .map(|e| {
                let edit = e.clone();
                let id = e.id.clone();
                let topics = e.topics();
                let diagnosis = e.diagnosis.map(Diagnosis::name);
                view! {
                    <li class="journal-entry" data-testid="journal-entry" data-entry=e.id.clone()>
                        <h4>{e.title()}</h4>
                        {diagnosis.map(|d| view! { <p class="meta">{d}</p> })}
                        {(!topics.is_empty()).then(|| view! {
                            <p class="meta">{format!("Topics: {}", topics.join(", "))}</p>
                        })}
                        <span class="attempt-actions">
                            <button type="button" class="secondary" on:click=move |_| draft.set(Some(edit.clone()))>
                                "Edit"
                            </button>
                            <button
                                type="button"
                                class="secondary danger"
                                on:click=move |_| {
                                    if dom::confirm("Delete this journal entry? Its topic cards stay.") {
                                        leptos::task::spawn_local(hub.delete_entry(id.clone()));
                                    }
                                }
                            >
                                "Delete"
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="journal-actions">
                <button type="button" on:click=new_entry>"New entry"</button>
                <button type="button" class="secondary" on:click=export disabled=move || hub.journal.with(Vec::is_empty)>
                    "Export as Markdown"
                </button>
            </div>
            {empty}
            <ul class="journal-list">{list}</ul>
        }
        .into_any()
    }
}

/// A text field of the draft.
fn text_field(
    label: &'static str,
    draft: RwSignal<Option<JournalEntry>>,
    get: fn(&JournalEntry) -> &String,
    set: fn(&mut JournalEntry, String),
    multiline: bool,
) -> impl IntoView {
    let value = move || draft.with(|d| d.as_ref().map(|d| get(d).clone()).unwrap_or_default());
    let update = move |ev: web_sys::Event| {
        let text = event_target_value(&ev);
        draft.update(|d| {
            if let Some(d) = d {
                set(d, text);
            }
        });
    };
    let input = if multiline {
        view! { <textarea rows="3" prop:value=value on:input=update></textarea> }.into_any()
    } else {
        view! { <input type="text" prop:value=value on:input=update /> }.into_any()
    };
    view! { <label class="field">{label}{input}</label> }
}

/// The form for a new or edited entry.
#[component]
fn EntryForm(draft: RwSignal<Option<JournalEntry>>) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let rounds = Round::ALL
        .map(|r| view! { <option value=r.id()>{r.name()}</option> })
        .collect_view();
    let round = move || draft.with(|d| d.as_ref().map_or("", |d| d.round.id()));
    let diagnoses = Diagnosis::ALL
        .map(|dx| {
            let checked = move || draft.with(|d| d.as_ref().and_then(|d| d.diagnosis) == Some(dx));
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="diagnosis"
                        value=dx.id()
                        prop:checked=checked
                        on:change=move |_| draft.update(|d| if let Some(d) = d { d.diagnosis = Some(dx) })
                    />
                    {dx.name()}
                </label>
            }
        })
        .collect_view();
    let count = Memo::new(move |_| draft.with(|d| d.as_ref().map_or(0, |d| d.struggles.len())));
    let struggles = move || {
        (0..count.get())
            .map(|i| struggle_fields(draft, i))
            .collect_view()
    };
    let save = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let Some(mut entry) = draft.get_untracked() else {
            return;
        };
        entry.struggles.retain(|s| {
            !(s.asked.trim().is_empty()
                && s.said.trim().is_empty()
                && s.should_have.trim().is_empty()
                && s.topics.trim().is_empty())
        });
        leptos::task::spawn_local(async move {
            if hub.save_entry(entry).await {
                draft.set(None);
            }
        });
    };
    view! {
        <form class="journal-form" aria-label="Interview journal entry" on:submit=save>
            <div class="field-row">
                {text_field("Company", draft, |d| &d.company, |d, v| d.company = v, false)}
                {text_field("Role", draft, |d| &d.role, |d, v| d.role = v, false)}
                <label class="field">
                    "Date"
                    <input
                        type="date"
                        prop:value=move || draft.with(|d| d.as_ref().map(|d| d.date.clone()).unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| if let Some(d) = d { d.date = v });
                        }
                    />
                </label>
                <label class="field">
                    "Round"
                    <select
                        prop:value=round
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| if let Some(d) = d { d.round = Round::from_id(&v).unwrap_or_default() });
                        }
                    >
                        {rounds}
                    </select>
                </label>
            </div>
            {text_field("Questions handled well", draft, |d| &d.went_well, |d, v| d.went_well = v, true)}
            <fieldset class="struggles">
                <legend>"Questions I struggled with"</legend>
                {struggles}
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| draft.update(|d| if let Some(d) = d { d.struggles.push(Struggle::default()) })
                >
                    "Add a question"
                </button>
            </fieldset>
            {text_field("Process or communication issues", draft, |d| &d.process, |d, v| d.process = v, true)}
            <fieldset class="diagnosis">
                <legend>"Diagnosis"</legend>
                {diagnoses}
            </fieldset>
            <div class="journal-actions">
                <button type="submit">"Save entry"</button>
                <button type="button" class="secondary" on:click=move |_| draft.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}

/// The fields of struggled question `i`.
fn struggle_fields(draft: RwSignal<Option<JournalEntry>>, i: usize) -> impl IntoView {
    let field = move |label: &'static str,
                      get: fn(&Struggle) -> &String,
                      set: fn(&mut Struggle, String),
                      hint: &'static str| {
        let value = move || {
            draft.with(|d| {
                d.as_ref()
                    .and_then(|d| d.struggles.get(i))
                    .map(|s| get(s).clone())
                    .unwrap_or_default()
            })
        };
        view! {
            <label class="field">
                {format!("{label} ({})", i + 1)}
                <textarea
                    rows="2"
                    placeholder=hint
                    prop:value=value
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        draft.update(|d| {
                            if let Some(s) = d.as_mut().and_then(|d| d.struggles.get_mut(i)) {
                                set(s, text);
                            }
                        });
                    }
                ></textarea>
            </label>
        }
    };
    view! {
        <div class="struggle">
            {field("What was asked", |s| &s.asked, |s, v| s.asked = v, "")}
            {field("What I said", |s| &s.said, |s, v| s.said = v, "")}
            {field("What I should have said", |s| &s.should_have, |s, v| s.should_have = v, "")}
            {field("Topics to review", |s| &s.topics, |s, v| s.topics = v, "One per line, or separated by commas")}
            <button
                type="button"
                class="link"
                on:click=move |_| draft.update(|d| if let Some(d) = d { if i < d.struggles.len() { d.struggles.remove(i); } })
            >
                {format!("Remove question {}", i + 1)}
            </button>
        </div>
    }
}
