//! The cards due today: prompts to retry, checklist items and journal topics to
//! review. An item card asks its question, reveals the expected answer and why, and
//! takes a self-grade that reschedules it. Drawn in the history dialog and, short,
//! at the top of the app's library.

use super::hub::{today, Hub};
use crate::core::history::{due, item_face, Card, CardFace, CardSubject};
use crate::core::repetition::Grade;
use leptos::prelude::*;

/// Most cards the library's short list shows.
const SHORT: usize = 5;

/// The due list; `compact` is the library's short version.
#[component]
pub fn DueList(compact: bool) -> impl IntoView {
    let hub = expect_context::<Hub>();
    // The cards' questions are in their prompts: fetch those that are due.
    Effect::new(move |_| {
        let day = today();
        let mut ids: Vec<String> = Vec::new();
        hub.cards.with(|c| {
            for card in due(c, day) {
                if let CardSubject::Item { prompt, .. } | CardSubject::Prompt { prompt } =
                    &card.subject
                {
                    if !ids.contains(prompt) {
                        ids.push(prompt.clone());
                    }
                }
            }
        });
        leptos::task::spawn_local(hub.load_prompts(ids));
    });
    move || {
        if let Some(id) = (!compact).then(|| hub.reviewing.get()).flatten() {
            return view! { <CardReview id=id /> }.into_any();
        }
        let day = today();
        let cards: Vec<Card> = hub
            .cards
            .with(|c| due(c, day).into_iter().cloned().collect());
        let total = cards.len();
        if total == 0 {
            let text = if hub.cards.with(Vec::is_empty) {
                "Nothing due. Cards come from your attempts: each prompt you practise, and each item you miss, comes back here when it is due."
            } else {
                "Nothing due today."
            };
            return view! {
                <section class="due" aria-labelledby="due-title" data-compact=compact.to_string()>
                    <h3 id="due-title">"Due today"</h3>
                    <p class="hint">{text}</p>
                </section>
            }
            .into_any();
        }
        let shown = if compact { SHORT } else { total };
        let items = cards
            .into_iter()
            .take(shown)
            .map(|card| view! { <DueItem card=card /> })
            .collect_view();
        let all = (compact && total > SHORT).then(|| {
            view! {
                <button type="button" class="link" on:click=move |_| hub.show_due(None)>
                    {format!("All {total} due cards")}
                </button>
            }
        });
        view! {
            <section class="due" aria-labelledby="due-title" data-compact=compact.to_string()>
                <h3 id="due-title">{format!("Due today ({total})")}</h3>
                <ul class="due-list">{items}</ul>
                {all}
            </section>
        }
        .into_any()
    }
}

/// One due card: Retry for a prompt, Review for an item or a topic.
#[component]
fn DueItem(card: Card) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let id = card.id.clone();
    let overdue = today() - card.schedule.due;
    let when = match overdue {
        ..=0 => String::new(),
        1 => "1 day overdue".to_string(),
        n => format!("{n} days overdue"),
    };
    let (kind, text, action) = match &card.subject {
        CardSubject::Prompt { prompt } => {
            let title = hub
                .prompt(prompt)
                .map_or_else(|| prompt.clone(), |p| p.title.clone());
            ("Prompt", title, "Retry")
        }
        CardSubject::Item { prompt, key } => {
            let question = hub
                .prompt(prompt)
                .and_then(|p| item_face(&p, key))
                .map_or_else(|| key.clone(), |f| f.question);
            ("Checklist item", question, "Review")
        }
        CardSubject::Topic { text, .. } => ("Interview topic", text.clone(), "Review"),
    };
    let subject = card.subject.clone();
    let label = format!("{action}: {text}");
    view! {
        <li class="due-item" data-testid="due-item" data-card=card.id.clone()>
            <span class="row-kind">{kind}</span>
            <span class="due-text">{text}</span>
            <span class="overdue">{when}</span>
            <button
                type="button"
                class="secondary"
                aria-label=label
                on:click=move |_| match &subject {
                    CardSubject::Prompt { prompt } => hub.retry(prompt),
                    _ => hub.show_due(Some(id.clone())),
                }
            >
                {action}
            </button>
        </li>
    }
}

/// The face of a card: its item's question and answer, or a journal topic.
fn face(hub: Hub, card: &Card) -> CardFace {
    match &card.subject {
        CardSubject::Item { prompt, key } => hub
            .prompt(prompt)
            .and_then(|p| item_face(&p, key))
            .unwrap_or_else(|| CardFace {
                question: format!("{key} (this item is no longer in the prompt)"),
                answer: String::new(),
                why: String::new(),
            }),
        CardSubject::Topic { text, entry } => {
            let should = hub.journal.with(|j| {
                j.iter().find(|e| &e.id == entry).and_then(|e| {
                    e.struggles
                        .iter()
                        .find(|s| s.topic_list().iter().any(|t| t.eq_ignore_ascii_case(text)))
                        .map(|s| s.should_have.clone())
                })
            });
            CardFace {
                question: format!("From your interview journal: {text}. Explain it as you would in the interview."),
                answer: should
                    .filter(|s| !s.trim().is_empty())
                    .map_or_else(|| "Check it against your notes and sources.".to_string(), |s| format!("What you wrote you should have said: {s}")),
                why: String::new(),
            }
        }
        CardSubject::Prompt { prompt } => CardFace {
            question: format!("Retry the prompt {prompt}."),
            answer: String::new(),
            why: String::new(),
        },
    }
}

/// One item or topic card under review.
#[component]
fn CardReview(id: String) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let revealed = RwSignal::new(false);
    let card = hub
        .cards
        .with_untracked(|c| c.iter().find(|c| c.id == id).cloned());
    let Some(card) = card else {
        return view! { <p class="hint">"That card is no longer due."</p> }.into_any();
    };
    let face = Memo::new({
        let card = card.clone();
        move |_| {
            hub.prompts.track();
            face(hub, &card)
        }
    });
    let schedule = card.schedule;
    let grades = move || grade_buttons(hub, &id, schedule);
    view! {
        <article class="card-review" data-testid="card-review" aria-labelledby="card-question">
            <button type="button" class="link" on:click=move |_| hub.reviewing.set(None)>
                "Back to the due list"
            </button>
            <h3 id="card-question">{move || face.get().question}</h3>
            <Show
                when=move || revealed.get()
                fallback=move || view! {
                    <button type="button" autofocus on:click=move |_| revealed.set(true)>"Show the answer"</button>
                }
            >
                <div class="card-answer" data-testid="card-answer">
                    <p>{move || face.get().answer}</p>
                    {move || {
                        let why = face.get().why;
                        (!why.is_empty()).then(|| view! { <p class="why">{format!("Why it matters: {why}")}</p> })
                    }}
                    <div class="grades" role="group" aria-label="How well did you know it?">{grades()}</div>
                </div>
            </Show>
        </article>
    }
    .into_any()
}

/// Again, Hard, Good and Easy, each saying when the card comes back.
fn grade_buttons(
    hub: Hub,
    id: &str,
    schedule: crate::core::repetition::Schedule,
) -> impl IntoView + use<> {
    let day = today();
    [
        (Grade::Again, "Again"),
        (Grade::Hard, "Hard"),
        (Grade::Good, "Good"),
        (Grade::Easy, "Easy"),
    ]
    .map(|(grade, name)| {
        let days = schedule.review(grade, day).interval;
        let id = id.to_string();
        let next = if days == 1 {
            "tomorrow".to_string()
        } else {
            format!("in {days} days")
        };
        view! {
            <button
                type="button"
                class="secondary"
                data-grade=name.to_lowercase()
                aria-label=format!("{name}: next review {next}")
                on:click=move |_| {
                    let id = id.clone();
                    leptos::task::spawn_local(async move {
                        hub.grade(id, grade).await;
                        hub.reviewing.set(None);
                    });
                }
            >
                {name}
                <span class="meta">{next.clone()}</span>
            </button>
        }
    })
    .collect_view()
}
