//! The Progress tab: the weakest category of late and what to practise, the check
//! per category across attempts, breadth discipline, time use, and the last and best
//! score per prompt.

use super::chart::LineChart;
use super::hub::Hub;
use crate::core::history::{clock, date_of, Attempt, Chart, Progress};
use leptos::prelude::*;

/// The Progress tab.
#[component]
pub fn ProgressView() -> impl IntoView {
    let hub = expect_context::<Hub>();
    let progress = Memo::new(move |_| Progress::new(hub.attempts.get()));
    move || {
        let p = progress.get();
        if p.attempts.is_empty() {
            return view! {
                <p class="hint">
                    "No attempts yet. Finish a timed session (it is recorded when it reaches Review), or save a free-practice check, and your progress shows here."
                </p>
            }
            .into_any();
        }
        let labels: Vec<String> = p.attempts.iter().map(label).collect();
        let weakest = p.weakest.clone().map(|w| {
            view! {
                <p class="weakest" data-testid="weakest">
                    <strong>{format!(
                        "Weakest over your last {}: {} ({}% found).",
                        if w.over == 1 { "attempt".to_string() } else { format!("{} attempts", w.over) },
                        w.category.name(),
                        w.percent
                    )}</strong>
                    " "
                    {w.advice}
                </p>
            }
        });
        let last = p.attempts.last().cloned();
        view! {
            <div class="progress">
                {weakest}
                <LineChart
                    id="categories"
                    title="Found on the board, per category"
                    summary=categories_summary(&p)
                    chart=p.categories.clone()
                    labels=labels.clone()
                />
                <LineChart
                    id="breadth"
                    title="Breadth discipline: map complete when Breadth ended"
                    summary=breadth_summary(&p)
                    chart=p.breadth.clone()
                    labels=labels.clone()
                />
                {last.and_then(|a| milestones_line(&a))}
                <LineChart
                    id="overrun"
                    title="Time use: minutes over plan"
                    summary=overrun_summary(&p)
                    chart=p.overrun.clone()
                    labels=labels
                />
                <PromptTable progress=p.clone() />
            </div>
        }
        .into_any()
    }
}

/// "2026-11-30 URL shortener".
pub fn label(a: &Attempt) -> String {
    format!("{} {}", date_of(a.day), a.prompt_title)
}

fn categories_summary(p: &Progress) -> String {
    let Some(last) = p.attempts.last() else {
        return String::new();
    };
    let parts: Vec<String> = last
        .scores
        .iter()
        .filter_map(|s| s.percent().map(|v| format!("{} {v}%", s.category.name())))
        .collect();
    format!(
        "{} attempts. The latest found {}.",
        p.attempts.len(),
        parts.join(", ")
    )
}

/// "N timed attempts. <what the latest value says>", or `none` without values.
fn latest_summary(chart: &Chart, latest: impl Fn(f64) -> String, none: &str) -> String {
    let values: Vec<f64> = chart.series[0].values.iter().flatten().copied().collect();
    match values.last() {
        Some(v) => format!("{} timed attempts. {}", values.len(), latest(*v)),
        None => none.to_string(),
    }
}

fn breadth_summary(p: &Progress) -> String {
    latest_summary(
        &p.breadth,
        |v| {
            format!(
                "In the latest, {}% of the map was complete when Breadth ended.",
                v.round()
            )
        },
        "No timed attempt reached the end of Breadth yet.",
    )
}

fn overrun_summary(p: &Progress) -> String {
    latest_summary(
        &p.overrun,
        |v| format!("The latest ran {v:.1} minutes over plan in all."),
        "No timed attempts yet.",
    )
}

/// When the latest timed attempt first showed an entry point, a data store and
/// every part connected.
fn milestones_line(a: &Attempt) -> Option<impl IntoView + use<>> {
    let m = a.breadth?.milestones;
    let at = |v: Option<f64>| v.map_or_else(|| "not by the end of Breadth".to_string(), clock);
    Some(view! {
        <p class="hint" data-testid="milestones">
            {format!(
                "Latest session: an entry point at {}, a data store at {}, every part connected at {}.",
                at(m.entry_ms),
                at(m.store_ms),
                at(m.connected_ms)
            )}
        </p>
    })
}

/// Per prompt: attempts, last and best.
#[component]
fn PromptTable(progress: Progress) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let rows = progress
        .prompts
        .into_iter()
        .map(|p| {
            let id = p.prompt_id.clone();
            view! {
                <tr data-prompt=p.prompt_id.clone()>
                    <th scope="row">{p.title.clone()}</th>
                    <td>{p.attempts}</td>
                    <td>{format!("{}%", p.last)}</td>
                    <td>{format!("{}%", p.best)}</td>
                    <td>
                        <button
                            type="button"
                            class="link"
                            aria-label=format!("Retry {}", p.title)
                            on:click=move |_| hub.retry(&id)
                        >
                            "Retry"
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="prompt-scores" aria-labelledby="prompt-scores-title">
            <h3 id="prompt-scores-title">"Per prompt"</h3>
            <table class="figures">
                <thead>
                    <tr>
                        <th scope="col">"Prompt"</th>
                        <th scope="col">"Attempts"</th>
                        <th scope="col">"Last"</th>
                        <th scope="col">"Best"</th>
                        <th scope="col"><span class="sr-only">"Retry"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
