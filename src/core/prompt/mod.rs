//! Design prompts: the file schema, validation, and the bundled catalog.
//!
//! Prompts are human-edited TOML files in `prompts/`, one per prompt. The build script
//! turns them into one JSON document (so the app carries no TOML parser); the web app
//! fetches it as `prompts.json` when needed, native code embeds it, and both read it
//! with [`parse_bundle`]. Every item a checklist will test
//! (components, flows, failure modes) refers to component kinds by their stable ids.
//! Invariant: a prompt that passes [`Prompt::validate`] has unique item ids, known kinds,
//! flows and failure modes that name declared components, and enough material for a
//! full session (see the `MIN_*` constants).

mod validate;

pub use validate::{PromptError, MIN_CLARIFICATIONS, MIN_CURVEBALLS, MIN_FAILURE_MODES};

use serde::{Deserialize, Serialize};

/// How hard a prompt is, for the library filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    /// A warm-up: one main data path.
    Easy,
    /// The usual interview prompt.
    Medium,
    /// Many moving parts or hard consistency requirements.
    Hard,
}

/// What a clarifying question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClarificationKind {
    /// What the system must do.
    Functional,
    /// Latency, availability, consistency, durability, cost.
    NonFunctional,
    /// Numbers for back-of-the-envelope estimates.
    Scale,
}

/// A question the candidate should ask, with the interviewer's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clarification {
    /// Category.
    pub kind: ClarificationKind,
    /// The candidate's question.
    pub question: String,
    /// The interviewer's answer.
    pub answer: String,
}

/// What an interviewer expects at each level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectations {
    /// Mid-level engineer.
    #[serde(rename = "L4")]
    pub l4: String,
    /// Senior engineer.
    #[serde(rename = "L5")]
    pub l5: String,
    /// Staff engineer.
    #[serde(rename = "L6")]
    pub l6: String,
}

/// A component a complete breadth map has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedComponent {
    /// Id used by flows and failure modes in this file.
    pub id: String,
    /// Short name shown in the review ("Short-link cache").
    pub name: String,
    /// Component kinds that satisfy it (stable kind ids such as "cache").
    pub kinds: Vec<String>,
    /// Words in a label that also satisfy it ("redis", "memcached"), matched whole-word.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Why it belongs in the design.
    pub why: String,
}

/// A data flow a complete breadth map has: a directed path through these components.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedFlow {
    /// Short name ("Redirect path").
    pub name: String,
    /// Component ids in order; intermediate hops may exist between them on the board.
    pub path: Vec<String>,
    /// Why it matters.
    pub why: String,
}

/// A topic worth going deep on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeepDive {
    /// Component id it concerns.
    pub component: String,
    /// The topic.
    pub topic: String,
    /// Why it is a good deep dive.
    pub why: String,
}

/// A "what happens when this fails" question tied to a component.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FailureMode {
    /// Component id that fails.
    pub component: String,
    /// The interviewer's question.
    pub question: String,
    /// Mitigations that address it ("replica", "failover", "retry with backoff", ...).
    pub mitigations: Vec<String>,
    /// Why it matters.
    pub why: String,
}

/// An interviewer's follow-up that changes the problem.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curveball {
    /// What the interviewer says.
    pub prompt: String,
    /// What a good answer considers.
    pub why: String,
}

/// One design prompt, as written in its TOML file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Stable id, also the file name without `.toml`.
    pub id: String,
    /// Title ("Design a URL shortener").
    pub title: String,
    /// Difficulty.
    pub difficulty: Difficulty,
    /// Topic tags for the library filter.
    pub tags: Vec<String>,
    /// The statement as an interviewer would say it.
    pub statement: String,
    /// Clarifying questions with answers.
    pub clarifications: Vec<Clarification>,
    /// Expectations per level.
    pub expectations: Expectations,
    /// Components of a complete breadth map.
    pub components: Vec<ExpectedComponent>,
    /// Data flows of a complete breadth map.
    pub flows: Vec<ExpectedFlow>,
    /// Deep-dive candidates.
    pub deep_dives: Vec<DeepDive>,
    /// Failure-mode questions.
    pub failure_modes: Vec<FailureMode>,
    /// Curveballs.
    pub curveballs: Vec<Curveball>,
}

/// The bundled prompts as produced by the build script: `[{"file": ..., "prompt": ...}]`.
/// Embedded natively only: the web app fetches the same document instead.
#[cfg(not(target_arch = "wasm32"))]
const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/prompts.json"));

/// A prompt file that could not be used, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct BadPromptFile {
    /// File name under prompts/.
    pub file: String,
    /// Everything wrong with it.
    pub errors: Vec<PromptError>,
}

/// Parses a bundle document (the build script's output format) into valid prompts and
/// the files that failed, so one bad file never hides the others.
pub fn parse_bundle(json: &str) -> (Vec<Prompt>, Vec<BadPromptFile>) {
    // Each prompt is parsed from its own raw JSON text: one bad file cannot hide the
    // others, and no `serde_json::Value` deserializer is compiled into the app.
    #[derive(Deserialize)]
    struct Entry<'a> {
        file: String,
        #[serde(borrow)]
        prompt: Option<&'a serde_json::value::RawValue>,
        #[serde(default)]
        error: Option<String>,
    }
    let entries: Vec<Entry> = match serde_json::from_str(json) {
        Ok(entries) => entries,
        Err(e) => {
            let errors = vec![PromptError::Unreadable(e.to_string())];
            return (
                Vec::new(),
                vec![BadPromptFile {
                    file: "(bundle)".into(),
                    errors,
                }],
            );
        }
    };
    let mut good: Vec<Prompt> = Vec::new();
    let mut bad = Vec::new();
    for entry in entries {
        let raw = match (entry.prompt, entry.error) {
            (Some(raw), None) => raw,
            (_, error) => {
                let error = error.unwrap_or_else(|| "no prompt in the entry".into());
                bad.push(BadPromptFile {
                    file: entry.file,
                    errors: vec![PromptError::Unreadable(error)],
                });
                continue;
            }
        };
        let result = serde_json::from_str::<Prompt>(raw.get())
            .map_err(|e| vec![PromptError::Unreadable(e.to_string())])
            .and_then(|p| p.validate(&entry.file).map(|()| p));
        match result {
            Ok(p) if good.iter().any(|g| g.id == p.id) => bad.push(BadPromptFile {
                file: entry.file,
                errors: vec![PromptError::DuplicateId(p.id)],
            }),
            Ok(p) => good.push(p),
            Err(errors) => bad.push(BadPromptFile {
                file: entry.file,
                errors,
            }),
        }
    }
    good.sort_by(|a, b| a.title.cmp(&b.title));
    (good, bad)
}

/// The prompts bundled into this build, valid ones only, sorted by title.
#[cfg(not(target_arch = "wasm32"))]
pub fn catalog() -> Vec<Prompt> {
    parse_bundle(BUNDLED).0
}

/// Every bundled file that failed to load (empty in a healthy build; tests assert it).
#[cfg(not(target_arch = "wasm32"))]
pub fn catalog_problems() -> Vec<BadPromptFile> {
    parse_bundle(BUNDLED).1
}
