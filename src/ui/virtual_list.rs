//! A long list of fixed-height rows that mounts only the rows its scrolling panel
//! shows (`core::rows`), with padding standing in for the rest: the outline of a
//! board of thousands of boxes costs the page a screenful of rows.
//!
//! Each row is an `<li>` with its place in the whole list (`aria-posinset`,
//! `aria-setsize`), so assistive technology still reports "row 40 of 4,000". A row
//! that takes focus is scrolled into view by the browser, which scrolls the panel and
//! mounts its neighbours, so Tab walks the whole list.

use crate::core::rows::rows_in_view;
use leptos::prelude::*;
use std::hash::Hash;

/// Height of one row, in CSS pixels (the stylesheet fixes `.outline-list > li` to it).
pub const ROW_PX: usize = 28;

/// The rows of `rows` that the panel shows: the nearest ancestor marked
/// `data-scroll-panel`, whose scrolling and resizing bump `scrolled`. `key` tells rows
/// apart; `row` draws one.
#[component]
pub fn VirtualList<T, K, KF, VF, IV>(
    rows: Memo<Vec<T>>,
    scrolled: ReadSignal<u32>,
    key: KF,
    row: VF,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    K: Eq + Hash + 'static,
    KF: Fn(&T) -> K + Clone + Send + Sync + 'static,
    VF: Fn(T) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let list = NodeRef::<leptos::html::Ul>::new();
    let window = RwSignal::new(0..0usize);
    // After every render, scroll or resize: the rows between the panel's edges.
    Effect::new(move |_| {
        scrolled.track();
        let count = rows.with(Vec::len);
        let Some(ul) = list.get() else { return };
        let top = ul.get_bounding_client_rect().top();
        let panel = ul
            .closest("[data-scroll-panel]")
            .ok()
            .flatten()
            .map(|panel| panel.get_bounding_client_rect());
        let view = panel.map_or((0.0, 0.0), |p| (p.top(), p.bottom()));
        let range = rows_in_view(top, view, ROW_PX as f64, count);
        if window.with_untracked(|w| *w != range) {
            window.set(range);
        }
    });
    let shown = move || {
        let range = window.get();
        rows.with(|all| {
            let end = range.end.min(all.len());
            let start = range.start.min(end);
            all[start..end]
                .iter()
                .enumerate()
                .map(|(i, r)| (start + i, r.clone()))
                .collect::<Vec<_>>()
        })
    };
    let pad = move |before: bool| {
        let range = window.get();
        let count = rows.with(Vec::len);
        let n = if before {
            range.start.min(count)
        } else {
            count.saturating_sub(range.end)
        };
        // Whole pixels: formatting a float would bring its formatter into the app.
        format!("{}px", n * ROW_PX)
    };
    let size = move || rows.with(Vec::len).to_string();
    view! {
        <ul class="outline-list" node_ref=list style:padding-top=move || pad(true) style:padding-bottom=move || pad(false)>
            <For
                each=shown
                key=move |(i, r)| (*i, key(r))
                children=move |(i, r)| {
                    view! {
                        <li aria-posinset=(i + 1).to_string() aria-setsize=size>
                            {row(r)}
                        </li>
                    }
                }
            />
        </ul>
    }
}
