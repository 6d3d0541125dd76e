//! Retry and compare, in the Review of a session: this attempt against the previous
//! one at the same prompt.

use super::hub::Hub;
use crate::core::history::{clock, compare, item_title, previous};
use leptos::prelude::*;

/// The comparison of attempt `attempt` (drawn into the app's Review).
#[component]
pub fn Compare(attempt: String) -> impl IntoView {
    let hub = expect_context::<Hub>();
    // The prompt names the items compared; it comes once the attempt is stored.
    let wanted = attempt.clone();
    Effect::new(move |_| {
        let prompt = hub.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == wanted)
                .map(|a| a.prompt_id.clone())
        });
        if let Some(id) = prompt {
            leptos::task::spawn_local(async move {
                hub.load_prompt(&id).await;
            });
        }
    });
    move || {
        let attempts = hub.attempts.get();
        let heading = || view! { <h3 class="check-group">"Against your previous attempt"</h3> };
        let Some(current) = attempts.iter().find(|a| a.id == attempt) else {
            return view! {
                <section class="compare">{heading()}<p class="hint">"Recording this attempt…"</p></section>
            }
            .into_any();
        };
        let Some(before) = previous(&attempts, current) else {
            return view! {
                <section class="compare" data-testid="compare-first">
                    {heading()}
                    <p class="hint">
                        "This is your first recorded attempt at this prompt: retry it later (History, Due today) to see what changed."
                    </p>
                </section>
            }
            .into_any();
        };
        let c = compare(before, current);
        let prompt = hub.prompt(&current.prompt_id);
        let list = |keys: &[String], empty: &'static str| {
            if keys.is_empty() {
                return view! { <p class="hint">{empty}</p> }.into_any();
            }
            let items = keys
                .iter()
                .map(|k| view! { <li>{item_title(prompt.as_deref(), k)}</li> })
                .collect_view();
            view! { <ul>{items}</ul> }.into_any()
        };
        let rows = c
            .phases
            .iter()
            .map(|(phase, planned, before, now)| {
                let at = |v: &Option<f64>| v.map_or_else(|| "–".to_string(), clock);
                view! {
                    <tr>
                        <th scope="row">{phase.name()}</th>
                        <td>{clock(*planned)}</td>
                        <td>{at(before)}</td>
                        <td>{at(now)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="compare" data-testid="compare">
                {heading()}
                <p class="score">{format!("{}% found then, {}% now", c.percent.0, c.percent.1)}</p>
                <h4>"Newly covered"</h4>
                {list(&c.newly_covered, "Nothing newly covered.")}
                <h4>"Still missed"</h4>
                {list(&c.still_missed, "Nothing missed both times.")}
                <h4>"Covered before, not now"</h4>
                {list(&c.slipped, "Nothing slipped.")}
                <table class="figures">
                    <caption>"Time per phase"</caption>
                    <thead>
                        <tr><th scope="col">"Phase"</th><th scope="col">"Planned"</th><th scope="col">"Before"</th><th scope="col">"Now"</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        }
        .into_any()
    }
}
