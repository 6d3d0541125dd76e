//! The real-interview journal, in the classic debrief shape: what went well, each
//! question that did not (what was asked, what I said, what I should have said, the
//! topics to review), process issues, and a diagnosis. Topics become cards.

use super::cards::{Card, CardSubject};
use crate::core::repetition::Day;
use serde::{Deserialize, Serialize};

/// Which round of a loop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Round {
    /// Recruiter or technical phone screen.
    TechnicalScreen,
    /// System design.
    #[default]
    SystemDesign,
    /// Coding.
    Coding,
    /// Behavioural.
    Behavioural,
    /// Hiring manager.
    HiringManager,
    /// Anything else.
    Other,
}

impl Round {
    /// Every round, in form order.
    pub const ALL: [Round; 6] = [
        Round::TechnicalScreen,
        Round::SystemDesign,
        Round::Coding,
        Round::Behavioural,
        Round::HiringManager,
        Round::Other,
    ];

    /// Stable id (the form's option value).
    pub fn id(self) -> &'static str {
        match self {
            Round::TechnicalScreen => "technical_screen",
            Round::SystemDesign => "system_design",
            Round::Coding => "coding",
            Round::Behavioural => "behavioural",
            Round::HiringManager => "hiring_manager",
            Round::Other => "other",
        }
    }

    /// Name shown.
    pub fn name(self) -> &'static str {
        match self {
            Round::TechnicalScreen => "Technical screen",
            Round::SystemDesign => "System design",
            Round::Coding => "Coding",
            Round::Behavioural => "Behavioural",
            Round::HiringManager => "Hiring manager",
            Round::Other => "Other",
        }
    }

    /// The round with this id.
    pub fn from_id(id: &str) -> Option<Round> {
        Round::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// Why it went as it did, in the debrief's own terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Diagnosis {
    /// I did not know the material.
    DidNotKnow,
    /// I knew it but could not bring it up under pressure.
    CouldNotAccess,
    /// The interview itself was poorly designed or run.
    PoorInterview,
    /// Something outside it (health, noise, a dropped call).
    External,
}

impl Diagnosis {
    /// Every diagnosis, in form order.
    pub const ALL: [Diagnosis; 4] = [
        Diagnosis::DidNotKnow,
        Diagnosis::CouldNotAccess,
        Diagnosis::PoorInterview,
        Diagnosis::External,
    ];

    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            Diagnosis::DidNotKnow => "did_not_know",
            Diagnosis::CouldNotAccess => "could_not_access",
            Diagnosis::PoorInterview => "poor_interview",
            Diagnosis::External => "external",
        }
    }

    /// Name shown.
    pub fn name(self) -> &'static str {
        match self {
            Diagnosis::DidNotKnow => "I did not know the material",
            Diagnosis::CouldNotAccess => "I knew it but could not access it",
            Diagnosis::PoorInterview => "The interview was poorly designed",
            Diagnosis::External => "External factors",
        }
    }

    /// The diagnosis with this id.
    pub fn from_id(id: &str) -> Option<Diagnosis> {
        Diagnosis::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// One question that went badly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Struggle {
    /// What was asked.
    pub asked: String,
    /// What I said.
    pub said: String,
    /// What I should have said.
    pub should_have: String,
    /// Topics to review, one per line as typed.
    pub topics: String,
}

impl Struggle {
    /// The topics, one per non-empty line (commas also separate).
    pub fn topic_list(&self) -> Vec<String> {
        self.topics
            .split(['\n', ','])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect()
    }
}

/// One real interview.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Unique and stable (`j<created ms>`).
    pub id: String,
    /// Company.
    pub company: String,
    /// Role applied for.
    pub role: String,
    /// The interview's date, `YYYY-MM-DD` as the date field gives it.
    pub date: String,
    /// Which round.
    pub round: Round,
    /// Questions handled well.
    pub went_well: String,
    /// Questions that went badly.
    pub struggles: Vec<Struggle>,
    /// Process or communication issues.
    pub process: String,
    /// Why, on the whole.
    pub diagnosis: Option<Diagnosis>,
}

impl JournalEntry {
    /// Every topic to review, in order, each once (case aside, as card ids ignore it).
    pub fn topics(&self) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for t in self.struggles.iter().flat_map(Struggle::topic_list) {
            if !seen.iter().any(|s| s.to_lowercase() == t.to_lowercase()) {
                seen.push(t);
            }
        }
        seen
    }

    /// The cards its topics need that `cards` lack, new and due `today`.
    pub fn new_cards(&self, cards: &[Card], today: Day) -> Vec<Card> {
        self.topics()
            .into_iter()
            .map(|text| {
                Card::new(
                    CardSubject::Topic {
                        text,
                        entry: self.id.clone(),
                    },
                    today,
                )
            })
            .filter(|c| cards.iter().all(|old| old.id != c.id))
            .collect()
    }

    /// A title for lists: "Acme, Staff engineer (System design, 2026-11-20)".
    pub fn title(&self) -> String {
        let who = match (self.company.trim(), self.role.trim()) {
            ("", "") => "Interview".to_string(),
            (c, "") => c.to_string(),
            ("", r) => r.to_string(),
            (c, r) => format!("{c}, {r}"),
        };
        match self.date.trim() {
            "" => format!("{who} ({})", self.round.name()),
            d => format!("{who} ({}, {d})", self.round.name()),
        }
    }
}
