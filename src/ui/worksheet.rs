//! The estimation worksheet (issue 16): in Requirements (and one click away later),
//! each quantity the prompt cares about, written as an expression with units and
//! evaluated as it is typed. The worker evaluates: the app carries no parser or
//! number formatting for it. Review holds the entries against the references in the
//! history module (`ui::history::interview`).

use super::library::Library;
use super::practice::Practice;
use super::worker::Worker;
use crate::core::prompt::Estimate;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

/// Quiet time after a keystroke before the entry is evaluated, in milliseconds.
const EVALUATE_MS: u32 = 250;

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
    let reference = StoredValue::new(estimate.reference.clone());
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
                // The reference goes along so that a rate is shown per the time the
                // quantity asks for; the verdict that comes with it waits for Review.
                let reference = reference.get_value();
                let value = worker
                    .estimate(typed, reference)
                    .await
                    .and_then(|a| a.value);
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
