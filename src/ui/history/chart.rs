//! A line chart of attempts as an accessible SVG: a title and a summary for screen
//! readers, one line per series in theme colours with a legend, points marked while
//! there are few, and the same figures as a table (built when opened).

use crate::core::history::Chart;
use leptos::prelude::*;

/// Plot size in SVG units (the chart scales to its container).
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 180.0;
/// Room for the axis labels.
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 22.0;
const TOP: f64 = 10.0;
const RIGHT: f64 = 12.0;
/// Points are drawn while a series has at most this many attempts.
const MARKED: usize = 40;

/// One chart. `labels` name the attempts (for the table), oldest first.
#[component]
pub fn LineChart(
    /// Its id (`data-chart`, element ids).
    id: &'static str,
    /// Its title.
    title: &'static str,
    /// A sentence summing it up for screen readers.
    summary: String,
    /// The figures.
    chart: Chart,
    /// A label per attempt.
    labels: Vec<String>,
) -> impl IntoView {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let ticks = (0..=4)
        .map(|k| {
            let value = chart.max * f64::from(k) / 4.0;
            let y = TOP + chart.y(value, plot_h);
            view! {
                <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=y y2=y />
                <text class="tick" x=LEFT - 6.0 y=y + 4.0 text-anchor="end">
                    {format!("{}{}", value.round(), if chart.unit == "%" { "%" } else { "" })}
                </text>
            }
        })
        .collect_view();
    let marked = chart.len() <= MARKED;
    let lines = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let runs = chart
                .runs(i, plot_w, plot_h)
                .into_iter()
                .map(|points| view! { <polyline points=points /> })
                .collect_view();
            let dots = marked.then(|| {
                s.values
                    .iter()
                    .enumerate()
                    .filter_map(|(x, v)| v.map(|v| (x, v)))
                    .map(|(x, v)| {
                        view! { <circle cx=chart.x(x, plot_w) cy=chart.y(v, plot_h) r="3.5" /> }
                    })
                    .collect_view()
            });
            view! {
                <g class=format!("series series-{}", s.id) data-series=s.id>
                    {runs}
                    {dots}
                </g>
            }
        })
        .collect_view();
    let legend = chart
        .series
        .iter()
        .map(|s| {
            view! {
                <li class=format!("series-{}", s.id)>
                    <span class="swatch" aria-hidden="true"></span>
                    {s.name}
                </li>
            }
        })
        .collect_view();
    let x_label = match chart.len() {
        1 => "1 attempt".to_string(),
        n => format!("{n} attempts, oldest on the left"),
    };
    let title_id = format!("chart-{id}-title");
    let desc_id = format!("chart-{id}-desc");
    let described_by = desc_id.clone();
    let table_open = RwSignal::new(false);
    let table_chart = StoredValue::new(chart.clone());
    let labels = StoredValue::new(labels);
    let table = move || {
        table_open
            .get()
            .then(|| table_chart.with_value(|c| labels.with_value(|l| figures_table(c, l))))
    };
    view! {
        <figure class="chart" data-testid="progress-chart" data-chart=id>
            <figcaption id=title_id.clone()>{title}</figcaption>
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby=title_id
                aria-describedby=described_by
                preserveAspectRatio="xMidYMid meet"
            >
                <desc id=desc_id>{summary}</desc>
                {ticks}
                <text class="tick" x=LEFT + plot_w / 2.0 y=HEIGHT - 4.0 text-anchor="middle">
                    {x_label}
                </text>
                <g transform=format!("translate({LEFT} {TOP})")>{lines}</g>
            </svg>
            <ul class="legend">{legend}</ul>
            <details on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                table_open.set(open);
            }>
                <summary>"Show as a table"</summary>
                {table}
            </details>
        </figure>
    }
}

/// The chart's figures as a table: one row per attempt, one column per series.
fn figures_table(chart: &Chart, labels: &[String]) -> impl IntoView {
    let head = chart
        .series
        .iter()
        .map(|s| view! { <th scope="col">{s.name}</th> })
        .collect_view();
    let rows = (0..chart.len())
        .map(|i| {
            let cells = chart
                .series
                .iter()
                .map(|s| {
                    let text = match s.values[i] {
                        Some(v) if chart.unit == "%" => format!("{}%", v.round()),
                        Some(v) => format!("{:.1} {}", v, chart.unit),
                        None => "–".to_string(),
                    };
                    view! { <td>{text}</td> }
                })
                .collect_view();
            let label = labels.get(i).cloned().unwrap_or_default();
            view! { <tr><th scope="row">{label}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="figures">
            <thead><tr><th scope="col">"Attempt"</th>{head}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
