//! The Review's interviewer section (issue 16), drawn into the app's Review by the
//! history module (fetched when a session reaches Review, so none of it is in the
//! first load): each worksheet entry against the prompt's reference (within 2x
//! right, within 10x off, beyond wrong; not estimated is wrong) with the derivation,
//! and each follow-up asked with the answer given, a strong answer and "Practise
//! again", which brings its card due today.

use super::hub::Hub;
use crate::core::estimate::{Assessment, Verdict};
use crate::core::history::follow_up_key;
use crate::core::prompt::{Estimate, Prompt};
use crate::core::session::{EstimateAnswer, FollowUpState, Session};
use leptos::prelude::*;
use std::sync::Arc;

/// The section for `session` (its JSON, as the app saves it).
#[component]
pub fn Interview(session: String) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let Ok(session) = serde_json::from_str::<Session>(&session) else {
        return view! { <p class="hint">"The session could not be read."</p> }.into_any();
    };
    let id = session.prompt_id.clone();
    let prompt = RwSignal::new(None::<Result<Arc<Prompt>, String>>);
    leptos::task::spawn_local(async move {
        let loaded = hub
            .load_prompt(&id)
            .await
            .ok_or_else(|| format!("the prompt {id} could not be loaded"));
        prompt.set(Some(loaded));
    });
    let answers = session.estimates().to_vec();
    let asked = session.follow_ups().to_vec();
    (move || match prompt.get() {
        None => view! { <p class="hint">"Loading the interviewer's figures…"</p> }.into_any(),
        Some(Err(why)) => view! { <p class="hint" role="alert">{why}</p> }.into_any(),
        Some(Ok(p)) => view! {
            <WorksheetReview prompt=p.clone() answers=answers.clone() />
            <FollowUpsReview prompt=p asked=asked.clone() />
        }
        .into_any(),
    })
    .into_any()
}

/// Each quantity, what was written, the reference and the verdict.
#[component]
fn WorksheetReview(prompt: Arc<Prompt>, answers: Vec<EstimateAnswer>) -> impl IntoView {
    if prompt.estimates.is_empty() {
        return None;
    }
    let hub = expect_context::<Hub>();
    let rows = prompt
        .estimates
        .iter()
        .map(|e| {
            let written = answers
                .iter()
                .find(|a| a.id == e.id)
                .map(|a| a.text.trim().to_string())
                .filter(|t| !t.is_empty());
            let assessed = RwSignal::new(None::<Result<Assessment, String>>);
            let reference = e.reference.clone();
            let asked = written.clone().unwrap_or_else(|| reference.clone());
            leptos::task::spawn_local(async move {
                assessed.set(Some(hub.assess(asked, reference).await));
            });
            view! { <EstimateResult estimate=e.clone() written=written assessed=assessed /> }
        })
        .collect_view();
    Some(view! {
        <section class="review-section" aria-labelledby="estimates-title">
            <h3 id="estimates-title" class="check-group">"Estimates"</h3>
            <p class="hint">"Within 2x of the reference is right, within 10x is off, beyond that is wrong."</p>
            <ul class="estimate-results">{rows}</ul>
        </section>
    })
}

/// One worksheet entry against its reference.
#[component]
fn EstimateResult(
    estimate: Estimate,
    written: Option<String>,
    assessed: RwSignal<Option<Result<Assessment, String>>>,
) -> impl IntoView {
    let answered = written.is_some();
    let verdict = move || -> Option<(Verdict, String)> {
        if !answered {
            return Some((Verdict::Wrong, "Not estimated".into()));
        }
        match assessed.get()? {
            Ok(a) => match (a.value, a.comparison) {
                (Err(why), _) => Some((Verdict::Wrong, why)),
                (Ok(_), Some(Ok((verdict, far)))) => Some((verdict, far)),
                (Ok(_), Some(Err(why))) => Some((Verdict::Wrong, why)),
                (Ok(_), None) => None,
            },
            Err(_) => None,
        }
    };
    let value = move || match assessed.get() {
        Some(Ok(a)) if answered => a.value.ok().map(|v| format!(" = {v}")),
        _ => None,
    };
    let reference = move || match assessed.get() {
        Some(Ok(a)) => a.reference,
        Some(Err(why)) => Some(format!("(could not be evaluated: {why})")),
        None => None,
    };
    let label = |v: Verdict| match v {
        Verdict::Right => "Right",
        Verdict::Off => "Off",
        Verdict::Wrong => "Wrong",
    };
    view! {
        <li
            class="estimate-result"
            data-testid="estimate-result"
            data-estimate=estimate.id.clone()
            data-verdict=move || verdict().map(|(v, _)| v.id())
        >
            <p class="quantity">{estimate.quantity.clone()}</p>
            <p>
                <span class="row-kind">"You: "</span>
                {written.clone().unwrap_or_else(|| "nothing".into())}
                {value}
            </p>
            <p><span class="row-kind">"Reference: "</span>{reference}</p>
            {move || verdict().map(|(v, far)| view! {
                <p class="verdict">
                    <span class=format!("badge verdict-{}", v.id())>{label(v)}</span>
                    " "
                    {far}
                </p>
            })}
            <details>
                <summary>"How the reference is derived"</summary>
                <p>{estimate.derivation.clone()}</p>
            </details>
        </li>
    }
}

/// Each follow-up asked, the answer given and a strong answer.
#[component]
fn FollowUpsReview(prompt: Arc<Prompt>, asked: Vec<FollowUpState>) -> impl IntoView {
    if asked.is_empty() {
        return None;
    }
    let rows = asked
        .into_iter()
        .filter_map(|f| {
            let model = prompt.follow_ups.get(f.index)?;
            let answer = if f.answer.trim().is_empty() {
                view! { <p class="hint">"Not answered."</p> }.into_any()
            } else {
                view! { <p class="answer">{f.answer.clone()}</p> }.into_any()
            };
            let key = follow_up_key(&model.question);
            Some(view! {
                <li class="follow-up-review" data-testid="follow-up">
                    <p class="row-kind">{format!("In {}", f.phase.name())}</p>
                    <p class="statement">{model.question.clone()}</p>
                    <h4>"Your answer"</h4>
                    {answer}
                    <h4>"A strong answer"</h4>
                    <p class="model-answer">{model.answer.clone()}</p>
                    <PractiseAgain prompt=prompt.id.clone() key=key what=model.question.clone() />
                </li>
            })
        })
        .collect_view();
    Some(view! {
        <section class="review-section" aria-labelledby="follow-ups-title">
            <h3 id="follow-ups-title" class="check-group">"Follow-up questions"</h3>
            <ul class="follow-ups-review">{rows}</ul>
        </section>
    })
}

/// "Practise again": brings the card of item `key` of `prompt` due today (`what`
/// names it for assistive technology), and says so.
#[component]
fn PractiseAgain(prompt: String, key: String, what: String) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let done = RwSignal::new(None::<Result<(), String>>);
    let press = move |_| {
        let (prompt, key) = (prompt.clone(), key.clone());
        leptos::task::spawn_local(async move {
            done.set(Some(hub.remember(&prompt, &key).await));
        });
    };
    view! {
        <button
            type="button"
            aria-label=format!("Practise again: {what}")
            disabled=move || matches!(done.get(), Some(Ok(())))
            on:click=press
        >
            {move || match done.get() {
                Some(Ok(())) => "Due today in your cards".to_string(),
                Some(Err(why)) => format!("Could not add the card ({why}): try again"),
                None => "Practise again".to_string(),
            }}
        </button>
    }
}
