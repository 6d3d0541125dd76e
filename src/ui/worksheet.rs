//! The estimation worksheet (issue 16): in Requirements (and one click away later),
//! each quantity the prompt cares about, written as an expression with units and
//! evaluated as it is typed; in Review, each held against the prompt's reference
//! (within 2x right, within 10x off, beyond wrong) with the reference's derivation.
//! The worker evaluates: the app carries no parser or number formatting for it.

use super::library::Library;
use super::practice::Practice;
use super::worker::Worker;
use crate::core::estimate::{Assessment, Verdict};
use crate::core::prompt::{Estimate, Prompt};
use crate::core::protocol::{Reply, Request};
use crate::core::session::EstimateAnswer;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::sync::Arc;

/// Quiet time after a keystroke before the entry is evaluated, in milliseconds.
const EVALUATE_MS: u32 = 250;

/// Asks the worker to assess `text` (against `reference`, in Review).
async fn assess(
    worker: Worker,
    text: String,
    reference: Option<String>,
) -> Result<Assessment, String> {
    match worker.call(Request::Estimate { text, reference }).await {
        Ok(Reply::Estimated(a)) => Ok(a),
        Ok(Reply::Failed(why)) => Err(why),
        Ok(_) => Err("the worker answered another job".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// The worksheet of the prompt practised (nothing until it is loaded).
#[component]
pub fn Worksheet() -> impl IntoView {
    let library = expect_context::<Library>();
    move || {
        let prompt = library.current_prompt()?;
        if prompt.estimates.is_empty() {
            return None;
        }
        let rows = prompt
            .estimates
            .iter()
            .map(|e| view! { <EstimateRow estimate=e.clone() /> })
            .collect_view();
        Some(view! {
            <div class="worksheet" role="group" aria-labelledby="worksheet-title">
                <h3 id="worksheet-title" class="field-title">"Back-of-the-envelope"</h3>
                <p class="hint">
                    "Write each as an expression with units, such as “100e6 links / month” or “6e9 * 500 B”. Review compares them with the interviewer's figures."
                </p>
                {rows}
            </div>
        })
    }
}

/// One quantity: its input, named after it, and its value as evaluated.
#[component]
fn EstimateRow(estimate: Estimate) -> impl IntoView {
    let practice = expect_context::<Practice>();
    let worker = expect_context::<Worker>();
    let id = StoredValue::new(estimate.id.clone());
    let text = move || {
        practice.session.with(|s| {
            s.as_ref()
                .map(|s| s.estimate(&id.get_value()).to_string())
                .unwrap_or_default()
        })
    };
    let result = RwSignal::new(None::<Result<String, String>>);
    let pending = StoredValue::new_local(None::<Timeout>);
    let latest = StoredValue::new(0_u32);
    let evaluate = move |typed: String| {
        latest.update_value(|n| *n += 1);
        let mine = latest.get_value();
        if typed.trim().is_empty() {
            pending.set_value(None);
            result.set(None);
            return;
        }
        // Replacing the pending timeout cancels it: only the last keystroke counts.
        pending.set_value(Some(Timeout::new(EVALUATE_MS, move || {
            leptos::task::spawn_local(async move {
                let value = assess(worker, typed, None).await.and_then(|a| a.value);
                if latest.get_value() == mine {
                    result.set(Some(value));
                }
            });
        })));
    };
    // What was written before a reload is evaluated again.
    evaluate(text());
    let shown = move || match result.get() {
        None => view! { <span class="hint">"Type an expression"</span> }.into_any(),
        Some(Ok(value)) => view! { <span class="value">{format!("= {value}")}</span> }.into_any(),
        Some(Err(why)) => view! { <span class="error">{why}</span> }.into_any(),
    };
    let quantity = estimate.quantity.clone();
    view! {
        <div class="estimate" data-testid="estimate" data-estimate=estimate.id.clone()>
            <label>
                <span>{estimate.quantity.clone()}</span>
                <input
                    type="text"
                    spellcheck="false"
                    autocomplete="off"
                    aria-label=quantity
                    placeholder="e.g. 4,000 requests/s * 5"
                    readonly=move || practice.session.with(|s| {
                        s.as_ref().is_some_and(|s| s.phase() == crate::core::session::Phase::Review)
                    })
                    prop:value=text
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        practice.set_estimate(&id.get_value(), &typed);
                        evaluate(typed);
                    }
                />
            </label>
            <output class="estimate-value" aria-live="polite">{shown}</output>
        </div>
    }
}

/// In Review: each quantity, what was written, the reference and the verdict.
#[component]
pub fn WorksheetReview(prompt: Arc<Prompt>, answers: Vec<EstimateAnswer>) -> impl IntoView {
    if prompt.estimates.is_empty() {
        return None;
    }
    let worker = expect_context::<Worker>();
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
                assessed.set(Some(assess(worker, asked, Some(reference)).await));
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
