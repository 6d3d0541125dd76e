//! The timed practice session in the UI: starting one, the session bar (phase, timer,
//! next, pause), ticking on wall-clock time, and saving so a reload resumes it.

use super::autosave::SaveStatus;
use super::state::{use_board, BoardState};
use crate::browser::{dom, storage};
use crate::core::session::{
    format_countdown, EndedBy, FollowUpState, Phase, RequirementField, Session, SessionEvent,
    SessionOutcome, SessionPlan,
};
use gloo_timers::callback::Interval;
use leptos::prelude::*;

/// Key of the running session.
pub const SESSION_KEY: &str = "breadthfirst.session";
/// How often the timer redraws, in milliseconds.
const TICK_MS: u32 = 250;

/// The running session, if any, and the clock that drives its display.
#[derive(Clone, Copy)]
pub struct Practice {
    /// The session.
    pub session: RwSignal<Option<Session>>,
    /// Wall-clock milliseconds, refreshed every tick.
    pub now: RwSignal<f64>,
    /// In Review, the user went back to the board (the Review page is hidden).
    pub board_in_review: RwSignal<bool>,
    save: SaveStatus,
}

impl Practice {
    /// Resumes a saved session, if any. Unreadable saved state is kept aside.
    pub fn new(save: SaveStatus) -> Self {
        let saved = storage::read(SESSION_KEY).ok().flatten();
        let session = saved.and_then(|text| match serde_json::from_str::<Session>(&text) {
            Ok(session) => Some(session),
            Err(_) => {
                let key = format!("breadthfirst.rescued.session.{}", dom::now_ms() as u64);
                if storage::write(&key, &text).is_ok() {
                    let _ = storage::remove(SESSION_KEY);
                }
                None
            }
        });
        Practice {
            session: RwSignal::new(session),
            now: RwSignal::new(dom::now_ms()),
            board_in_review: RwSignal::new(false),
            save,
        }
    }

    /// A session on a prompt, starting now (see [`Practice::begin`]).
    pub fn prepare(&self, prompt_id: &str, plan: SessionPlan, curveballs: usize) -> Session {
        Session::start(prompt_id, plan, dom::now_ms(), curveballs)
    }

    /// Runs a prepared session on this board.
    pub fn begin(&self, session: Session) {
        self.now.set(dom::now_ms());
        self.session.set(Some(session));
        self.save();
    }

    /// Whether the running session (if any) may be discarded: asks the user first,
    /// since its timings and notes cannot be brought back.
    pub fn may_discard(&self) -> bool {
        self.session.with_untracked(Option::is_none)
            || dom::confirm(
                "This ends the running session: its timings and notes are discarded. The board stays.",
            )
    }

    /// Ends the session (the board stays).
    pub fn end(&self) {
        self.session.set(None);
        self.save();
    }

    /// Whether depth work may happen now (no session, or a phase that allows it). When
    /// it may not, the attempt is counted and the user is nudged.
    pub fn allow_depth(&self, state: BoardState) -> bool {
        let locked = self
            .session
            .with_untracked(|s| s.as_ref().is_some_and(|s| !s.phase().allows_depth()));
        if locked {
            self.handle(SessionEvent::AttemptDepth, state);
        }
        !locked
    }

    /// Whether depth notes are locked right now (tracked, for views).
    pub fn depth_locked(&self) -> bool {
        self.session
            .with(|s| s.as_ref().is_some_and(|s| !s.phase().allows_depth()))
    }

    /// Replaces a requirement note.
    pub fn set_requirement(&self, field: RequirementField, text: &str) {
        self.session.update(|s| {
            if let Some(s) = s {
                s.set_requirement(field, text);
            }
        });
        self.save();
    }

    /// Applies `change` to the running session and saves it if it says it changed.
    fn change(&self, change: impl FnOnce(&mut Session) -> bool) {
        let mut changed = false;
        self.session.update(|s| {
            if let Some(s) = s {
                changed = change(s);
            }
        });
        if changed {
            self.save();
        }
    }

    /// Records a worksheet entry as typed.
    pub fn set_estimate(&self, id: &str, text: &str) {
        self.change(|s| s.set_estimate(id, text));
    }

    /// Takes the follow-ups picked for this session.
    pub fn set_follow_ups(&self, picked: Vec<FollowUpState>) {
        self.change(|s| s.set_follow_ups(picked));
    }

    /// Records the answer to follow-up `at`.
    pub fn answer_follow_up(&self, at: usize, text: &str) {
        self.change(|s| s.answer_follow_up(at, text));
    }

    /// Records the answer to the curveball.
    pub fn answer_curveball(&self, text: &str) {
        self.change(|s| s.answer_curveball(text));
    }

    /// Feeds an event to the session and reports what happened to the user.
    pub fn handle(&self, event: SessionEvent, state: BoardState) {
        let now = dom::now_ms();
        self.now.set(now);
        let mut outcome = SessionOutcome::Nothing;
        // Most ticks change nothing: only wake the session's readers when one did.
        self.session.update_untracked(|s| {
            if let Some(s) = s {
                outcome = state.with_editor(|e| s.handle(event, now, e.board()));
            }
        });
        if outcome != SessionOutcome::Nothing {
            self.session.notify();
        }
        let message = match &outcome {
            SessionOutcome::GateRefused(gaps) => Some(format!(
                "Not yet: {}.",
                gaps.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            SessionOutcome::BreadthEndingSoon => {
                Some("One minute of breadth left: make sure every part is on the board.".into())
            }
            SessionOutcome::Advanced {
                from: Phase::Breadth,
                by,
                ..
            } => {
                Some(match by {
                    EndedBy::TimeUp => "Breadth time is up: the board as it is now is your breadth map. Pick where to go deep.".into(),
                    EndedBy::User => "Breadth map kept. Pick one or two components to go deep on.".into(),
                })
            }
            SessionOutcome::DepthRefused => {
                Some("Breadth first: boxes, names and arrows only. Details come in Depth.".into())
            }
            SessionOutcome::FocusNeeded => Some(
                "Pick one or two components to go deep on first, as you would ask the interviewer."
                    .into(),
            ),
            SessionOutcome::FocusFull => {
                Some("Two is plenty for one interview: drop one to pick another.".into())
            }
            SessionOutcome::CurveballArrived(_) => {
                Some("The interviewer has a follow-up question: see the curveball.".into())
            }
            _ => None,
        };
        if let Some(message) = message {
            state.notice.set(Some(message));
        }
        if outcome != SessionOutcome::Nothing {
            self.save();
        }
    }

    /// The session as saved (JSON), if one is running.
    pub fn session_json(&self) -> Option<String> {
        self.session
            .with_untracked(|s| s.as_ref().and_then(|s| serde_json::to_string(s).ok()))
    }

    /// Saves the session (or its absence) under the two-tab guard.
    pub fn save(&self) {
        let json = self.session_json();
        super::autosave::write_part(self.save, SESSION_KEY, json.as_deref());
    }

    /// Ticks for the app's lifetime: redraws the timer and lets Breadth end by itself.
    pub fn run_clock(&self, state: BoardState) {
        let practice = *self;
        Interval::new(TICK_MS, move || {
            practice.now.set(dom::now_ms());
            if practice.session.with_untracked(|s| s.is_some()) {
                practice.handle(SessionEvent::Tick, state);
            }
        })
        .forget();
    }
}

/// Phase, countdown and controls of the running session.
#[component]
pub fn SessionBar() -> impl IntoView {
    let practice = expect_context::<Practice>();
    let state = use_board();
    let active = move || practice.session.with(Option::is_some);
    let phase = move || practice.session.with(|s| s.as_ref().map(|s| s.phase()));
    let paused = move || {
        practice
            .session
            .with(|s| s.as_ref().is_some_and(Session::is_paused))
    };
    let timer = move || {
        let now = practice.now.get();
        practice.session.with(|s| match s {
            Some(s) if s.phase() == Phase::Review => "--:--".to_string(),
            Some(s) => format_countdown(s.remaining_ms(now)),
            None => String::new(),
        })
    };
    let overrun = move || {
        let now = practice.now.get();
        practice.session.with(|s| {
            s.as_ref()
                .is_some_and(|s| s.phase() != Phase::Review && s.remaining_ms(now) < 0.0)
        })
    };
    move || {
        active().then(|| view! {
            <div class="session-bar" role="group" aria-label="Session">
                <span class="phase" data-testid="phase">{move || phase().map(Phase::name)}</span>
                <span class="timer" data-testid="timer" class:overrun=overrun aria-live="off">{timer}</span>
                <button
                    type="button"
                    class="tool-button text"
                    disabled=move || phase() == Some(Phase::Review)
                    hidden=move || phase() == Some(Phase::Review)
                    on:click=move |_| practice.handle(SessionEvent::Next, state)
                >
                    "Next phase"
                </button>
                <button
                    type="button"
                    class="tool-button text"
                    disabled=move || phase() == Some(Phase::Review)
                    hidden=move || phase() == Some(Phase::Review)
                    on:click=move |_| {
                        let event = if paused() { SessionEvent::Resume } else { SessionEvent::Pause };
                        practice.handle(event, state);
                    }
                >
                    {move || if paused() { "Resume" } else { "Pause" }}
                </button>
                {move || {
                    (phase() == Some(Phase::Review) && practice.board_in_review.get()).then(|| view! {
                        <button
                            type="button"
                            class="tool-button text"
                            on:click=move |_| practice.board_in_review.set(false)
                        >
                            "Back to the review (B)"
                        </button>
                    })
                }}
                <button type="button" class="tool-button text" on:click=move |_| {
                    if practice.may_discard() {
                        practice.end();
                    }
                }>
                    "End session"
                </button>
            </div>
        })
    }
}
