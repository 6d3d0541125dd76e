//! Reports a timed session's moments to the history module, which records the
//! session's timeline for the Review's replay (issue 17): the board once each
//! gesture has ended (a drag is one moment, sent when it ends, so no drag frame does
//! this work), and the phases, the curveball, the focus picks and the note edits as
//! the session changes. Nothing is sent in Review: the session is over. When the
//! session records the user's voice, its recorder (in the history module too) is
//! started, paused, resumed and stopped with it.

use super::history_link::HistoryLink;
use super::practice::Practice;
use super::state::BoardState;
use crate::browser::dom;
use crate::core::diagram::ComponentId;
use crate::core::editor::Viewport;
use crate::core::history::bridge::{session_attempt_id, ToHistory, VoiceCommand};
use crate::core::persist;
use crate::core::session::{Moment, Phase, RequirementField, Session};
use leptos::prelude::*;

/// What was last reported of a session.
#[derive(Clone, Debug, Default, PartialEq)]
struct Reported {
    attempt: String,
    phase: Option<Phase>,
    curveball: Option<usize>,
    focus: Vec<ComponentId>,
    notes: Vec<(String, String)>,
    paused: bool,
}

impl Reported {
    fn of(s: &Session) -> Reported {
        let mut notes: Vec<(String, String)> = RequirementField::ALL
            .iter()
            .map(|f| {
                let text = s.requirements().get(*f).to_string();
                (format!("requirements.{}", f.id()), text)
            })
            .collect();
        for e in s.estimates() {
            notes.push((format!("estimate.{}", e.id), e.text.clone()));
        }
        for (i, f) in s.follow_ups().iter().enumerate() {
            notes.push((format!("follow_up.{i}"), f.answer.clone()));
        }
        let curveball = s.curveball().filter(|c| c.shown);
        if let Some(c) = curveball {
            notes.push(("curveball".into(), c.answer.clone()));
        }
        Reported {
            attempt: session_attempt_id(s),
            phase: Some(s.phase()),
            curveball: curveball.map(|c| c.index),
            focus: s.focus().to_vec(),
            notes,
            paused: s.is_paused(),
        }
    }

    /// What changed from `before` (the same session), in the order it happened.
    fn moments_since(&self, before: &Reported) -> Vec<Moment> {
        let mut moments = Vec::new();
        if self.phase != before.phase {
            moments.extend(self.phase.map(Moment::Phase));
        }
        if self.curveball != before.curveball {
            moments.extend(self.curveball.map(Moment::Curveball));
        }
        if self.focus != before.focus {
            moments.push(Moment::Focus(self.focus.clone()));
        }
        for (which, text) in &self.notes {
            let was = before.notes.iter().find(|(w, _)| w == which);
            if was.is_none_or(|(_, t)| t != text) {
                moments.push(Moment::Note {
                    which: which.clone(),
                    text: text.clone(),
                });
            }
        }
        moments
    }
}

/// Sends the running session's moments to the history module through `link`.
pub fn install(state: BoardState, practice: Practice, link: HistoryLink) {
    let send = move |attempt: &str, at_ms: f64, moment: Moment| {
        link.send(ToHistory::Moment {
            attempt: attempt.to_string(),
            at_ms,
            moment,
        });
    };
    // The session's own moments, from what changed since the last report. A session
    // first seen (started, or resumed by a reload) reports nothing: it has nothing
    // new, or its timeline has it already.
    let reported = StoredValue::new(None::<Reported>);
    let voice = move |command: VoiceCommand| link.send(ToHistory::Voice(command));
    Effect::new(move |_| {
        practice.session.with(|s| {
            let Some(s) = s else {
                // Ended early: the recording keeps what it has.
                if reported.get_value().is_some() {
                    voice(VoiceCommand::Stop);
                }
                reported.set_value(None);
                return;
            };
            let now = Reported::of(s);
            let before = reported.get_value().filter(|b| b.attempt == now.attempt);
            if before.is_none() {
                // A session started, or resumed by a reload: its recorder starts
                // (a new segment after a reload), unless it is over.
                if s.plan.think_aloud && s.phase() != Phase::Review {
                    voice(VoiceCommand::Start {
                        attempt: now.attempt.clone(),
                        prompt: s.prompt_id.clone(),
                        at_ms: s.session_ms(dom::now_ms()),
                        slot: super::history_link::VOICE_SLOT.into(),
                    });
                    if now.paused {
                        voice(VoiceCommand::Pause);
                    }
                }
            }
            if let Some(before) = before.filter(|b| b.phase != Some(Phase::Review)) {
                if s.plan.think_aloud && now.paused != before.paused {
                    voice(if now.paused {
                        VoiceCommand::Pause
                    } else {
                        VoiceCommand::Resume
                    });
                }
                if s.plan.think_aloud && now.phase == Some(Phase::Review) {
                    voice(VoiceCommand::Stop);
                }
                let at = s.session_ms(dom::now_ms());
                for moment in now.moments_since(&before) {
                    // A phase began where the ones before it ended.
                    let at = match moment {
                        Moment::Phase(_) => s.records().iter().map(|r| r.actual_ms).sum(),
                        _ => at,
                    };
                    send(&now.attempt, at, moment);
                }
            }
            reported.set_value(Some(now));
        });
    });
    // The board, each time a gesture has ended on a changed board.
    let running = Memo::new(move |_| {
        practice.session.with(|s| {
            s.as_ref()
                .filter(|s| s.phase() != Phase::Review)
                .map(session_attempt_id)
        })
    });
    let sent = StoredValue::new(None::<(String, u64)>);
    Effect::new(move |_| {
        let revision = state.revision.get();
        let (Some(attempt), false) = (running.get(), state.dragging.get()) else {
            return;
        };
        let key = (attempt, revision);
        if sent.with_value(|s| s.as_ref() == Some(&key)) {
            return;
        }
        let at = practice
            .session
            .with_untracked(|s| s.as_ref().map_or(0.0, |s| s.session_ms(dom::now_ms())));
        let board = state.with_editor(|e| persist::to_json(e.board(), &Viewport::default()));
        send(&key.0, at, Moment::Board(board));
        sent.set_value(Some(key));
    });
}
