//! Spaced-repetition cards: every prompt attempted, every checklist item missed or
//! only claimed out loud, and every topic a real interview showed to review. An
//! attempt grades them (missed: Again, claimed: Hard, found again: Good); a review
//! of an item card takes the user's self-grade.

use super::attempt::Attempt;
use crate::core::prompt::Prompt;
use crate::core::repetition::{Day, Grade, Schedule};
use serde::{Deserialize, Serialize};

/// What a card asks about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardSubject {
    /// Retry the whole prompt.
    Prompt {
        /// Prompt id.
        prompt: String,
    },
    /// One checklist item of a prompt.
    Item {
        /// Prompt id.
        prompt: String,
        /// The item's key in the check ("failure:2").
        key: String,
    },
    /// A topic to review, from a journal entry.
    Topic {
        /// The topic as the user wrote it.
        text: String,
        /// The journal entry it came from.
        entry: String,
    },
}

/// One card and its schedule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// Unique and stable, derived from the subject ([`Card::id_of`]).
    pub id: String,
    /// What it asks about.
    pub subject: CardSubject,
    /// When it is next due, and how it has gone.
    pub schedule: Schedule,
    /// The last grade it was given.
    #[serde(default)]
    pub last: Option<Grade>,
    /// Reviews so far (attempts that graded it and self-grades).
    #[serde(default)]
    pub reviews: u32,
    /// The attempt that graded it last, and the card before, while nothing else has
    /// graded it since: an attempt updated (claims made in its Review) grades again
    /// from there, and a deleted one takes its grading back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graded_by: Option<GradedBy>,
}

/// Which attempt graded a card, and the card as it was before (`None`: the attempt
/// created it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradedBy {
    /// The attempt's id.
    pub attempt: String,
    /// The schedule before.
    pub schedule: Option<Schedule>,
    /// The last grade before.
    pub last: Option<Grade>,
    /// Reviews before.
    pub reviews: u32,
}

impl Card {
    /// The id a subject's card has.
    pub fn id_of(subject: &CardSubject) -> String {
        match subject {
            CardSubject::Prompt { prompt } => format!("p:{prompt}"),
            CardSubject::Item { prompt, key } => format!("i:{prompt}:{key}"),
            CardSubject::Topic { text, entry } => {
                format!("t:{entry}:{}", text.trim().to_lowercase())
            }
        }
    }

    /// A new card, due `today`.
    pub fn new(subject: CardSubject, today: Day) -> Card {
        Card {
            id: Card::id_of(&subject),
            subject,
            schedule: Schedule::new(today),
            last: None,
            reviews: 0,
            graded_by: None,
        }
    }

    /// The card after the user's own review that went as `grade` on `today`.
    pub fn graded(&self, grade: Grade, today: Day) -> Card {
        Card {
            schedule: self.schedule.review(grade, today),
            last: Some(grade),
            reviews: self.reviews + 1,
            graded_by: None,
            ..self.clone()
        }
    }

    /// The card as it was before `attempt` graded it: `Some(None)` if the attempt
    /// created it, `None` if that attempt is not its last grader.
    pub fn before(&self, attempt: &str) -> Option<Option<Card>> {
        let by = self.graded_by.as_ref().filter(|g| g.attempt == attempt)?;
        Some(by.schedule.map(|schedule| Card {
            schedule,
            last: by.last,
            reviews: by.reviews,
            graded_by: None,
            ..self.clone()
        }))
    }

    /// The card after `attempt` graded it (from its state before that attempt, if
    /// the attempt graded it already).
    fn graded_by_attempt(
        card: Option<&Card>,
        subject: CardSubject,
        grade: Grade,
        attempt: &str,
        today: Day,
    ) -> Card {
        let base = match card {
            Some(c) => c.before(attempt).unwrap_or_else(|| Some(c.clone())),
            None => None,
        };
        let by = GradedBy {
            attempt: attempt.to_string(),
            schedule: base.as_ref().map(|c| c.schedule),
            last: base.as_ref().and_then(|c| c.last),
            reviews: base.as_ref().map_or(0, |c| c.reviews),
        };
        let base = base.unwrap_or_else(|| Card::new(subject, today));
        Card {
            graded_by: Some(by),
            ..base.graded(grade, today)
        }
    }

    /// The prompt it belongs to, if any.
    pub fn prompt(&self) -> Option<&str> {
        match &self.subject {
            CardSubject::Prompt { prompt } | CardSubject::Item { prompt, .. } => Some(prompt),
            CardSubject::Topic { .. } => None,
        }
    }
}

/// How a prompt card is graded by an attempt's score (percent of the checklist
/// found on the board): most of it found pushes it out, half keeps it close, less
/// brings it back tomorrow.
pub fn prompt_grade(percent: u32) -> Grade {
    match percent {
        80.. => Grade::Good,
        50..=79 => Grade::Hard,
        _ => Grade::Again,
    }
}

/// The cards an attempt creates or grades, each as it is after the attempt. `cards`
/// are the cards stored now (looked up by id). Missed items are graded Again and
/// claimed ones Hard (created if new); items found that already have a card are
/// graded Good; the prompt's own card by [`prompt_grade`]. Depth items about the
/// session's own picks are left out: they name boxes, not knowledge.
pub fn cards_after(attempt: &Attempt, cards: &[Card], today: Day) -> CardChanges {
    let existing = |id: &str| cards.iter().find(|c| c.id == id);
    let grade = |subject: CardSubject, grade: Grade, create: bool| -> Option<Card> {
        let card = existing(&Card::id_of(&subject));
        // A card this attempt created is the attempt's to grade again.
        let ours = card.is_some_and(|c| c.before(&attempt.id) == Some(None));
        (card.is_some() || create || ours)
            .then(|| Card::graded_by_attempt(card, subject, grade, &attempt.id, today))
    };
    let item = |key: &str| CardSubject::Item {
        prompt: attempt.prompt_id.clone(),
        key: key.to_string(),
    };
    let mut out = CardChanges::default();
    let prompt = CardSubject::Prompt {
        prompt: attempt.prompt_id.clone(),
    };
    out.put
        .extend(grade(prompt, prompt_grade(attempt.percent()), true));
    for key in attempt.missed.iter().filter(|k| carded(k)) {
        out.put.extend(grade(item(key), Grade::Again, true));
    }
    for key in attempt.claimed.iter().filter(|k| carded(k)) {
        out.put.extend(grade(item(key), Grade::Hard, true));
    }
    // Items of this prompt with a card that this attempt found: known now.
    let prefix = format!("i:{}:", attempt.prompt_id);
    for card in cards.iter().filter(|c| c.id.starts_with(&prefix)) {
        let key = &card.id[prefix.len()..];
        let weak = attempt
            .missed
            .iter()
            .chain(&attempt.claimed)
            .any(|k| k == key);
        if weak || !attempt.knows(key) {
            continue;
        }
        // Created by this attempt as missed, found since (the board changed in its
        // Review): it was never weak.
        if card.before(&attempt.id) == Some(None) {
            out.remove.push(card.id.clone());
        } else {
            let subject = card.subject.clone();
            let graded =
                Card::graded_by_attempt(Some(card), subject, Grade::Good, &attempt.id, today);
            out.put.push(graded);
        }
    }
    out
}

/// Cards to store and cards to remove.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardChanges {
    /// Cards to store (new or changed).
    pub put: Vec<Card>,
    /// Ids of cards to remove.
    pub remove: Vec<String>,
}

/// What deleting an attempt does to the cards: those it graded last go back to how
/// they were before it, and those it created go.
pub fn cards_without(attempt: &str, cards: &[Card]) -> CardChanges {
    let mut out = CardChanges::default();
    for card in cards {
        match card.before(attempt) {
            Some(Some(before)) => out.put.push(before),
            Some(None) => out.remove.push(card.id.clone()),
            None => {}
        }
    }
    out
}

/// Whether an item key makes a card: the prompt's components, flows, failure modes
/// and deep dives (not the depth of a session's own picks, nor hygiene).
fn carded(key: &str) -> bool {
    ["component:", "flow:", "failure:", "depth:dive-"]
        .iter()
        .any(|p| key.starts_with(p))
}

impl Attempt {
    /// Whether the attempt checked `key` and found it on the board.
    fn knows(&self, key: &str) -> bool {
        self.found.iter().any(|k| k == key)
    }
}

/// The cards due on `today`, most overdue first, then prompts before items before
/// topics, then by id.
pub fn due(cards: &[Card], today: Day) -> Vec<&Card> {
    let rank = |c: &Card| match c.subject {
        CardSubject::Prompt { .. } => 0,
        CardSubject::Item { .. } => 1,
        CardSubject::Topic { .. } => 2,
    };
    let mut due: Vec<&Card> = cards.iter().filter(|c| c.schedule.is_due(today)).collect();
    due.sort_by(|a, b| (a.schedule.due, rank(a), &a.id).cmp(&(b.schedule.due, rank(b), &b.id)));
    due
}

/// What an item or topic card asks, and the answer it reveals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardFace {
    /// The question.
    pub question: String,
    /// The expected answer.
    pub answer: String,
    /// Why it matters.
    pub why: String,
}

/// The face of an item card, from its prompt; `None` when the prompt no longer has
/// the item (the card can still be graded or dropped).
pub fn item_face(prompt: &Prompt, key: &str) -> Option<CardFace> {
    let (kind, rest) = key.split_once(':')?;
    let index = |s: &str| s.parse::<usize>().ok();
    let title = &prompt.title;
    match kind {
        "component" => {
            let c = prompt.components.iter().find(|c| c.id == rest)?;
            let mut answer = if c.kinds.is_empty() {
                c.name.clone()
            } else {
                format!("{}: {}", c.name, c.kinds.join(" or ").replace('_', " "))
            };
            if !c.synonyms.is_empty() {
                let named: Vec<&str> = c.synonyms.iter().take(4).map(String::as_str).collect();
                answer.push_str(&format!(" (for example {})", named.join(", ")));
            }
            Some(CardFace {
                question: format!(
                    "{title}: the design needs a \"{}\". What plays it, and what for?",
                    c.name
                ),
                answer,
                why: c.why.clone(),
            })
        }
        "flow" => {
            let f = prompt.flows.get(index(rest)?)?;
            let names: Vec<&str> = f
                .path
                .iter()
                .map(|id| {
                    prompt
                        .components
                        .iter()
                        .find(|c| &c.id == id)
                        .map_or(id.as_str(), |c| c.name.as_str())
                })
                .collect();
            Some(CardFace {
                question: format!("{title}: trace the flow \"{}\" through the system.", f.name),
                answer: names.join(" → "),
                why: f.why.clone(),
            })
        }
        "failure" => {
            let f = prompt.failure_modes.get(index(rest)?)?;
            Some(CardFace {
                question: format!("{title}: {}", f.question),
                answer: format!("Answered by: {}.", f.mitigations.join(", ")),
                why: f.why.clone(),
            })
        }
        "follow-up" => {
            let f = prompt
                .follow_ups
                .iter()
                .find(|f| follow_up_key(&f.question) == key)?;
            Some(CardFace {
                question: format!("{title}: {}", f.question),
                answer: f.answer.clone(),
                why: format!("An interviewer's follow-up in {}.", f.phase.name()),
            })
        }
        "depth" => {
            let d = prompt.deep_dives.get(index(rest.strip_prefix("dive-")?)?)?;
            let on = prompt
                .components
                .iter()
                .find(|c| c.id == d.component)
                .map_or(d.component.as_str(), |c| c.name.as_str());
            Some(CardFace {
                question: format!(
                    "{title}: going deep on the {on}. {}: what would you cover?",
                    d.topic
                ),
                answer: d.why.clone(),
                why: String::new(),
            })
        }
        _ => None,
    }
}

/// The card key of a follow-up question: "follow-up:" and a digest of its text, so a
/// card follows the question, not its place in the file (an edited question is a new
/// card, and the old one says it is no longer in the prompt).
pub fn follow_up_key(question: &str) -> String {
    // FNV-1a, 32 bits: stable across builds and platforms.
    let digest = question.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("follow-up:{digest:08x}")
}

/// The card for item `key` of `prompt` brought due `today`: a new one, or the
/// existing `cards` one with its schedule kept but due today ("practise this again").
pub fn remember(cards: &[Card], prompt: &str, key: &str, today: Day) -> Card {
    let subject = CardSubject::Item {
        prompt: prompt.to_string(),
        key: key.to_string(),
    };
    let id = Card::id_of(&subject);
    match cards.iter().find(|c| c.id == id) {
        Some(card) => {
            let mut card = card.clone();
            card.schedule.due = card.schedule.due.min(today);
            card.graded_by = None;
            card
        }
        None => Card::new(subject, today),
    }
}
