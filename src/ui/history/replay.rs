//! The Review's replay (issue 17), drawn into the app's Review by the history module:
//! the board as it was at any moment of the session, a scrubber to drag or play at
//! 1x to 8x, the phases and the curveball marked on it, and when each of the prompt's
//! components first appeared (the check run on the board after every change, in the
//! worker), so a part that arrived only in Depth shows at a glance. Space plays and
//! pauses; the arrow keys step from one change to the next.

use super::hub::Hub;
use super::replay_figure::ReplayFigure;
use super::replay_frames::download_frames;
use super::voice_playback::{clips, VoiceTrack};
use crate::browser::download;
use crate::core::export::replay::{
    curveballs, end_ms, marks, phase_at, phase_starts, ReplayFormat,
};
use crate::core::history::bridge::session_attempt_id;
use crate::core::history::clock;
use crate::core::protocol::Appearance;
use crate::core::session::{Phase, Replay as Seek, Session, Timeline};
use gloo_timers::callback::Interval;
use leptos::prelude::*;

/// Playback speeds offered.
const SPEEDS: [u32; 4] = [1, 2, 4, 8];
/// How often playback moves the position, in milliseconds.
const FRAME_MS: u32 = 50;

/// `at_ms` as a percentage of `end_ms`, for placing marks on the scrubber.
fn percent(at_ms: f64, end_ms: f64) -> String {
    // A cast saturates: a negative share is 0.
    let share = ((at_ms / end_ms.max(1.0) * 10_000.0) as u64).min(10_000);
    format!("{}.{:02}%", share / 100, share % 100)
}

/// Whether `ev` was pressed on a control that uses the keys itself: a button, a link,
/// a list, a text field or a checkbox (not the scrubber, a range whose keys are the
/// replay's).
fn own_keys(ev: &leptos::ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| match el.tag_name().as_str() {
            "BUTTON" | "A" | "SELECT" | "TEXTAREA" => true,
            "INPUT" => el.get_attribute("type").as_deref() != Some("range"),
            _ => false,
        })
}

/// The replay of `session` (its JSON, as the app saves it), whose timeline the
/// history keeps.
#[component]
pub fn Replay(session: String) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let Ok(session) = serde_json::from_str::<Session>(&session) else {
        return view! { <p class="hint">"The session could not be read."</p> }.into_any();
    };
    let timeline = RwSignal::new_local(None::<Timeline>);
    let attempt = session_attempt_id(&session);
    leptos::task::spawn_local(async move {
        timeline.set(Some(hub.timelines.timeline_of(hub, &attempt).await));
    });
    (move || match timeline.get() {
        None => view! { <p class="hint">"Loading the replay…"</p> }.into_any(),
        Some(t) if t.is_empty() => view! {
            <p class="hint">"No replay: this session was recorded before Breadthfirst kept how the board grew."</p>
        }
        .into_any(),
        Some(t) => view! { <ReplayOf session=session.clone() timeline=t /> }.into_any(),
    })
    .into_any()
}

/// The replay of `timeline`, recorded in `session` (also an opened attempt's).
#[component]
pub(super) fn ReplayOf(session: Session, timeline: Timeline) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let starts = phase_starts(&session);
    let end = end_ms(&session, &timeline);
    let marks = marks(&starts, &curveballs(&timeline), end);
    let seek = StoredValue::new_local(Seek::new(&timeline));
    let times: Vec<f64> = seek.with_value(|s| s.times().collect());
    let position = RwSignal::new(end);
    let playing = RwSignal::new(false);
    let speed = RwSignal::new(1u32);
    let changes = Memo::new(move |_| seek.with_value(|s| s.changes_by(position.get())));
    let appeared = RwSignal::new(None::<Result<Vec<Appearance>, String>>);
    let prompt = session.prompt_id.clone();
    let voice_id = session_attempt_id(&session);
    let (session_shared, timeline_shared) = (session.clone(), timeline.clone());
    leptos::task::spawn_local(async move {
        appeared.set(Some(hub.appearances_in(prompt, timeline).await));
    });

    // Playback: a timer moves the position while playing; it is dropped when play
    // stops (by the user, or at the end), outside its own callback.
    let timer = StoredValue::new_local(None::<Interval>);
    Effect::new(move |_| {
        if !playing.get() {
            timer.set_value(None);
        }
    });
    let play = move || {
        if position.get_untracked() >= end {
            position.set(0.0);
        }
        playing.set(true);
        let tick = Interval::new(FRAME_MS, move || {
            let next = position.get_untracked() + f64::from(FRAME_MS * speed.get_untracked());
            position.set(next.min(end));
            if next >= end {
                playing.set(false);
            }
        });
        timer.set_value(Some(tick));
    };
    let toggle = move || {
        if playing.get_untracked() {
            playing.set(false);
        } else {
            play();
        }
    };
    // The arrow keys go to the change before or after the position.
    let step = move |forward: bool| {
        let now = position.get_untracked();
        let to = if forward {
            times.iter().copied().find(|t| *t > now).unwrap_or(end)
        } else {
            times
                .iter()
                .copied()
                .rev()
                .find(|t| *t < now)
                .unwrap_or(0.0)
        };
        position.set(to);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        // A button, a checkbox or the speed list keeps its own keys (Space presses
        // it): the replay's are for the scrubber and the rest of the panel.
        if own_keys(&ev) {
            return;
        }
        let handled = match ev.key().as_str() {
            " " => {
                toggle();
                true
            }
            "ArrowRight" | "ArrowUp" => {
                step(true);
                true
            }
            "ArrowLeft" | "ArrowDown" => {
                step(false);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    let starts_now = StoredValue::new(starts.clone());
    let readout = move || {
        let at = position.get();
        format!(
            "{} of {} · {}",
            clock(at),
            clock(end),
            starts_now.with_value(|s| phase_at(s, at).name())
        )
    };
    let area = seek.with_value(Seek::extent).unwrap_or_default();
    let board = Memo::new(move |_| seek.with_value(|s| s.board_after(changes.get())));
    let mark_list = marks
        .into_iter()
        .map(|m| {
            // A mark near the end has its label on its left, inside the track.
            let late = m.at_ms > end * 0.8;
            view! {
                <li
                    class="replay-mark"
                    class:late=late
                    style:left=percent(m.at_ms, end)
                >
                    <span>{m.label}</span>
                </li>
            }
        })
        .collect_view();
    let speeds = SPEEDS
        .iter()
        .map(|s| view! { <option value=s.to_string() selected=*s == 1>{format!("{s}x")}</option> })
        .collect_view();
    let strip = move || match appeared.get() {
        None => view! { <p class="hint">"Finding when each part first appeared…"</p> }.into_any(),
        Some(Err(why)) => view! { <p class="hint" role="alert">{why}</p> }.into_any(),
        Some(Ok(found)) if found.is_empty() => {
            view! { <p class="hint">"None of the prompt's components was on the board."</p> }
                .into_any()
        }
        Some(Ok(found)) => {
            let starts = starts.clone();
            let items = found
                .into_iter()
                .map(|a| {
                    let phase = phase_at(&starts, a.at_ms);
                    let late = !matches!(phase, Phase::Requirements | Phase::Breadth);
                    let at = a.at_ms;
                    view! {
                        <li class:late=late>
                            <button
                                type="button"
                                class="replay-appearance"
                                data-testid="replay-appearance"
                                on:click=move |_| position.set(at)
                            >
                                <span class="appearance-title">{a.title}</span>
                                <span class="appearance-when">
                                    {format!("{}, {}", clock(at), phase.name())}
                                </span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h4 class="replay-strip-title">"When each checklist component first appeared"</h4>
                <ol class="replay-strip" data-testid="replay-appearances">{items}</ol>
            }
            .into_any()
        }
    };
    view! {
        <div class="replay" data-testid="replay" on:keydown=on_key>
            <ReplayFigure board=board area=area />
            <div class="replay-controls">
                <button
                    type="button"
                    class="replay-play"
                    data-testid="replay-play"
                    aria-label=move || if playing.get() { "Pause the replay" } else { "Play the replay" }
                    on:click=move |_| toggle()
                >
                    {move || if playing.get() { "Pause" } else { "Play" }}
                </button>
                <label class="replay-speed">
                    "Speed "
                    <select
                        aria-label="Replay speed"
                        on:change=move |ev| {
                            if let Ok(s) = event_target_value(&ev).parse::<u32>() {
                                speed.set(s);
                            }
                        }
                    >
                        {speeds}
                    </select>
                </label>
                <output class="replay-time" data-testid="replay-time">{readout}</output>
            </div>
            <div class="replay-track">
                <input
                    type="range"
                    class="replay-scrubber"
                    data-testid="replay-scrubber"
                    aria-label="Replay position"
                    aria-valuetext=readout
                    min="0"
                    max=(end as u64).to_string()
                    step="1000"
                    prop:value=move || (position.get() as u64).to_string()
                    on:input=move |ev| {
                        let at = event_target::<web_sys::HtmlInputElement>(&ev).value_as_number();
                        if at.is_finite() {
                            position.set(at);
                        }
                    }
                />
                // When each component first appeared, as dots under the scrubber.
                <ol class="replay-ticks" aria-hidden="true">
                    {move || appeared.with(|found| match found {
                        Some(Ok(found)) => found
                            .iter()
                            .map(|a| view! { <li class="replay-tick" style:left=percent(a.at_ms, end)></li> })
                            .collect_view()
                            .into_any(),
                        _ => ().into_any(),
                    })}
                </ol>
                <ol class="replay-marks" aria-label="Phases and the curveball">{mark_list}</ol>
            </div>
            {strip}
            <VoiceTrack id=voice_id.clone() position=position playing=playing speed=speed />
            <ShareReplay session=session_shared timeline=timeline_shared />
        </div>
    }
    .into_any()
}

/// The prompt's title, for a shared replay (its id when the prompt cannot be read).
async fn title_of(hub: Hub, session: &Session) -> String {
    hub.load_prompt(&session.prompt_id)
        .await
        .map_or_else(|| session.prompt_id.clone(), |p| p.title.clone())
}

/// Download the replay to keep or share: a self-contained HTML page that plays in any
/// browser offline (with the voice if chosen), an animated SVG of the board's growth,
/// or its frames as PNG pictures.
#[component]
fn ShareReplay(session: Session, timeline: Timeline) -> impl IntoView {
    let hub = expect_context::<Hub>();
    let with_voice = RwSignal::new(false);
    let note = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let job = StoredValue::new((
        session,
        serde_json::to_string(&timeline).unwrap_or_default(),
    ));
    let export = move |format: ReplayFormat| {
        busy.set(true);
        note.set(Some("Writing the replay…".into()));
        leptos::task::spawn_local(async move {
            let (session, timeline) = job.get_value();
            let id = session_attempt_id(&session);
            let audio = match (with_voice.get_untracked(), format) {
                (true, ReplayFormat::Html) => clips(hub, &id).await,
                _ => Ok(Vec::new()),
            };
            let title = title_of(hub, &session).await;
            let result = match audio {
                Ok(audio) => {
                    hub.export_replay(session, timeline, title, audio, format)
                        .await
                }
                Err(why) => Err(why),
            };
            note.set(Some(match result {
                Ok(file) => match download::download_text(&file.name, format.mime(), &file.content)
                {
                    Ok(()) => format!("Downloaded {}.", file.name),
                    Err(_) => "The browser refused the download.".into(),
                },
                Err(why) => format!("The replay could not be written: {why}."),
            }));
            busy.set(false);
        });
    };
    let frames = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let (session, timeline) = job.get_value();
            let title = title_of(hub, &session).await;
            let said = download_frames(hub, session, timeline, title, |n| note.set(Some(n))).await;
            note.set(Some(said.unwrap_or_else(|why| {
                format!("The frames could not be written: {why}.")
            })));
            busy.set(false);
        });
    };
    view! {
        <div class="replay-share" role="group" aria-label="Share the replay">
            <span>"Share the replay: "</span>
            <button type="button" class="secondary" disabled=move || busy.get() on:click=move |_| export(ReplayFormat::Html)>
                "HTML page"
            </button>
            <button type="button" class="secondary" disabled=move || busy.get() on:click=move |_| export(ReplayFormat::AnimatedSvg)>
                "Animated SVG"
            </button>
            <button type="button" class="secondary" disabled=move || busy.get() on:click=frames>
                "PNG frames (ZIP)"
            </button>
            <label>
                <input type="checkbox" prop:checked=move || with_voice.get() on:change=move |ev| with_voice.set(event_target_checked(&ev)) />
                " Put my voice in the HTML page"
            </label>
            <span class="hint" role="status">{move || note.get()}</span>
        </div>
    }
}
