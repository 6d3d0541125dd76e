//! Design prompts: the file schema, validation, and the bundled catalog.
//!
//! Prompts are human-edited TOML files in `prompts/`, one per prompt. The build script
//! flattens them into one line-based text document (see `bundle.rs`; the app carries
//! no TOML parser); the web app fetches it as `prompts.txt` when needed, native code
//! embeds it, and both read it with [`parse_bundle`]. Every item a checklist will test
//! (components, flows, failure modes) refers to component kinds by their stable ids.
//! Invariant: a prompt that passes [`Prompt::validate`] has unique item ids, known kinds,
//! flows and failure modes that name declared components, and enough material for a
//! full session (see the `MIN_*` constants).

mod bundle;
pub mod card;
#[cfg(not(target_arch = "wasm32"))]
pub mod flatten;
mod interview;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
mod validate;

pub use card::Summary;
pub use interview::{
    Category, Estimate, FollowUp, FOLLOW_UP_PHASES, MIN_ESTIMATES, MIN_FOLLOW_UPS,
};
pub use validate::{PromptError, MIN_CLARIFICATIONS, MIN_CURVEBALLS, MIN_FAILURE_MODES};

use bundle::Scope;

/// How hard a prompt is, for the library filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difficulty {
    /// A warm-up: one main data path.
    Easy,
    /// The usual interview prompt.
    Medium,
    /// Many moving parts or hard consistency requirements.
    Hard,
}

/// What a clarifying question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClarificationKind {
    /// What the system must do.
    Functional,
    /// Latency, availability, consistency, durability, cost.
    NonFunctional,
    /// Numbers for back-of-the-envelope estimates.
    Scale,
}

/// A question the candidate should ask, with the interviewer's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Clarification {
    /// Category.
    pub kind: ClarificationKind,
    /// The candidate's question.
    pub question: String,
    /// The interviewer's answer.
    pub answer: String,
}

/// What an interviewer expects at each level.
#[derive(Clone, Debug, PartialEq)]
pub struct Expectations {
    /// Mid-level engineer.
    pub l4: String,
    /// Senior engineer.
    pub l5: String,
    /// Staff engineer.
    pub l6: String,
}

/// A component a complete breadth map has.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectedComponent {
    /// Id used by flows and failure modes in this file.
    pub id: String,
    /// Short name shown in the review ("Short-link cache").
    pub name: String,
    /// Component kinds that satisfy it (stable kind ids such as "cache").
    pub kinds: Vec<String>,
    /// Words in a label that also satisfy it ("redis", "memcached"), matched whole-word.
    pub synonyms: Vec<String>,
    /// Why it belongs in the design.
    pub why: String,
    /// Ids of roles whose box this role may share ("the shortener and the redirect
    /// service may be one service").
    pub shares: Vec<String>,
    /// The id of the role this one is another way to fill ("a second pool the router
    /// writes to" for "replica nodes"): it has no item of its own, and its box plays
    /// that role when nothing else does.
    pub alternative_to: Option<String>,
}

/// Which way a flow's arrows are usually drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Requests, from caller to callee.
    Request,
    /// Data, from where it is produced to where it ends up.
    Data,
}

impl Direction {
    /// The value written in prompt files ("request", "data").
    pub fn from_id(id: &str) -> Option<Direction> {
        match id {
            "request" => Some(Direction::Request),
            "data" => Some(Direction::Data),
            _ => None,
        }
    }
}

/// A data flow a complete breadth map has: a directed path through these components.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectedFlow {
    /// Short name ("Redirect path").
    pub name: String,
    /// Component ids in order; intermediate hops may exist between them on the board.
    pub path: Vec<String>,
    /// Another path that shows the same flow in another valid design (empty: none).
    pub or_path: Vec<String>,
    /// Which way its arrows point.
    pub direction: Direction,
    /// Why it matters.
    pub why: String,
}

/// A topic worth going deep on.
#[derive(Clone, Debug, PartialEq)]
pub struct DeepDive {
    /// Component id it concerns.
    pub component: String,
    /// The topic.
    pub topic: String,
    /// Why it is a good deep dive.
    pub why: String,
}

/// A "what happens when this fails" question tied to a component.
#[derive(Clone, Debug, PartialEq)]
pub struct FailureMode {
    /// Component id that fails.
    pub component: String,
    /// The interviewer's question.
    pub question: String,
    /// Mitigations that address it ("idempotency key", "fencing", ...); each may name a
    /// concept of the checker's vocabulary, whose every phrasing then counts.
    pub mitigations: Vec<String>,
    /// Whether it asks "this component dies": then generic redundancy (replicas,
    /// failover, several instances) answers it too.
    pub outage: bool,
    /// For a question in two parts ("a site hangs, or generates endless URLs"): what
    /// answers the second part, which must be answered too (empty: one part).
    pub also: Vec<String>,
    /// Why it matters.
    pub why: String,
}

/// An interviewer's follow-up that changes the problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Curveball {
    /// What the interviewer says.
    pub prompt: String,
    /// What a good answer considers.
    pub why: String,
}

/// One design prompt, as written in its TOML file.
#[derive(Clone, Debug, PartialEq)]
pub struct Prompt {
    /// Stable id, also the file name without `.toml`.
    pub id: String,
    /// Title ("Design a URL shortener").
    pub title: String,
    /// Difficulty.
    pub difficulty: Difficulty,
    /// The library's grouping.
    pub category: Category,
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
    /// Quantities to estimate in Requirements, with the reference figures.
    pub estimates: Vec<Estimate>,
    /// Follow-up questions asked one per phase after Breadth.
    pub follow_ups: Vec<FollowUp>,
}

/// The prompt files of this source tree as a bundle document, read once per process
/// at run time (natively only: the web app fetches what the build script wrote).
#[cfg(not(target_arch = "wasm32"))]
fn bundled() -> &'static str {
    static BUNDLE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BUNDLE.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
        source::bundle(&dir, |_| {})
    })
}

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
pub fn parse_bundle(text: &str) -> (Vec<Prompt>, Vec<BadPromptFile>) {
    let (mut prompts, bad) = parse_entries(
        text,
        Prompt::read::<true>,
        |p, file| p.validate(file),
        |p| &p.id,
    );
    card::sort_by(&mut prompts, |a, b| card::after(&a.title, &b.title));
    (prompts, bad)
}

/// Reads whole prompts without validating them: for the history module, which
/// shows card faces from files the tests and the worker validate, and so leaves the
/// validator (and the estimate evaluator it calls) out of its download.
pub fn parse_bundle_unchecked(text: &str) -> (Vec<Prompt>, Vec<BadPromptFile>) {
    parse_entries(text, Prompt::read::<true>, |_, _| Ok(()), |p| &p.id)
}

/// Reads only what the app shows (statement, clarifications, expectations,
/// curveballs, estimates, follow-ups): the checklist lists stay empty and are not
/// validated. The checklist worker reads the same document whole with
/// [`parse_bundle`], and the tests validate every file, so the app carries neither
/// the checklist reader nor the validator.
pub fn parse_display_bundle(text: &str) -> (Vec<Prompt>, Vec<BadPromptFile>) {
    let (mut prompts, bad) = parse_entries(text, Prompt::read::<false>, |_, _| Ok(()), |p| &p.id);
    card::sort_by(&mut prompts, |a, b| card::after(&a.title, &b.title));
    (prompts, bad)
}

/// Reads the library's index (`prompts/index.txt`): what a card shows of each prompt,
/// sorted by title, and the files that failed.
pub fn parse_index(text: &str) -> (Vec<Summary>, Vec<BadPromptFile>) {
    let (mut summaries, bad) = parse_entries(text, Summary::read, |_, _| Ok(()), |s| &s.id);
    card::sort_by(&mut summaries, |a, b| card::after(&a.title, &b.title));
    (summaries, bad)
}

/// Reads each entry with `read`, checks it with `check` (given its file name) and
/// refuses a second entry with the same `id`.
fn parse_entries<T>(
    text: &str,
    read: impl Fn(&mut Scope) -> T,
    check: impl Fn(&T, &str) -> Result<(), Vec<PromptError>>,
    id: impl Fn(&T) -> &str,
) -> (Vec<T>, Vec<BadPromptFile>) {
    let entries = match bundle::entries(text) {
        Ok(entries) => entries,
        Err(e) => {
            let errors = vec![PromptError::Unreadable(e)];
            let file = "(bundle)".into();
            return (Vec::new(), vec![BadPromptFile { file, errors }]);
        }
    };
    let mut good: Vec<T> = Vec::new();
    let mut bad = Vec::new();
    for entry in entries {
        let result = entry
            .body
            .map_err(|e| vec![PromptError::Unreadable(e)])
            .and_then(|fields| fields.read(&read))
            .and_then(|p| check(&p, &entry.file).map(|()| p));
        match result {
            Ok(p) if good.iter().any(|g| id(g) == id(&p)) => bad.push(BadPromptFile {
                file: entry.file,
                errors: vec![PromptError::DuplicateId(id(&p).to_string())],
            }),
            Ok(p) => good.push(p),
            Err(errors) => bad.push(BadPromptFile {
                file: entry.file,
                errors,
            }),
        }
    }
    (good, bad)
}

impl Difficulty {
    /// The value written in prompt files ("easy", "medium", "hard").
    pub fn from_id(id: &str) -> Option<Difficulty> {
        match id {
            "easy" => Some(Difficulty::Easy),
            "medium" => Some(Difficulty::Medium),
            "hard" => Some(Difficulty::Hard),
            _ => None,
        }
    }
}

impl ClarificationKind {
    /// The value written in prompt files ("functional", "non_functional", "scale").
    pub fn from_id(id: &str) -> Option<ClarificationKind> {
        match id {
            "functional" => Some(ClarificationKind::Functional),
            "non_functional" => Some(ClarificationKind::NonFunctional),
            "scale" => Some(ClarificationKind::Scale),
            _ => None,
        }
    }
}

impl Prompt {
    /// Reads a prompt from its flattened fields (the field names are the TOML keys);
    /// with `FULL` false the checklist lists (components, flows, deep dives, failure
    /// modes) are skipped and left empty.
    fn read<const FULL: bool>(f: &mut Scope) -> Prompt {
        if !FULL {
            for list in ["components", "flows", "deep_dives", "failure_modes"] {
                f.skip(list);
            }
        }
        let (category, estimates, follow_ups) = interview::read(f);
        let mut prompt = Prompt {
            id: f.text("id"),
            title: f.text("title"),
            difficulty: f.choice("difficulty", Difficulty::from_id, Difficulty::Medium),
            category,
            tags: f.texts("tags", true),
            statement: f.text("statement"),
            clarifications: Self::read_clarifications(f),
            expectations: Self::read_expectations(f),
            components: Vec::new(),
            flows: Vec::new(),
            deep_dives: Vec::new(),
            failure_modes: Vec::new(),
            curveballs: Self::read_curveballs(f),
            estimates,
            follow_ups,
        };
        if !FULL {
            return prompt;
        }
        prompt.components = f.list("components", true, |c| ExpectedComponent {
            id: c.text("id"),
            name: c.text("name"),
            kinds: c.texts("kinds", true),
            synonyms: c.texts("synonyms", false),
            why: c.text("why"),
            shares: c.texts("shares", false),
            alternative_to: c.optional_text("alternative_to"),
        });
        prompt.flows = f.list("flows", true, |c| ExpectedFlow {
            name: c.text("name"),
            path: c.texts("path", true),
            or_path: c.texts("or_path", false),
            direction: c.optional_choice("direction", Direction::from_id, Direction::Request),
            why: c.text("why"),
        });
        prompt.deep_dives = f.list("deep_dives", true, |c| DeepDive {
            component: c.text("component"),
            topic: c.text("topic"),
            why: c.text("why"),
        });
        prompt.failure_modes = f.list("failure_modes", true, |c| FailureMode {
            component: c.text("component"),
            question: c.text("question"),
            mitigations: c.texts("mitigations", true),
            outage: c.optional_choice("outage", |v| v.parse().ok(), false),
            also: c.texts("also", false),
            why: c.text("why"),
        });
        prompt
    }

    fn read_clarifications(f: &mut Scope) -> Vec<Clarification> {
        f.list("clarifications", true, |c| Clarification {
            kind: c.choice(
                "kind",
                ClarificationKind::from_id,
                ClarificationKind::Functional,
            ),
            question: c.text("question"),
            answer: c.text("answer"),
        })
    }

    fn read_expectations(f: &mut Scope) -> Expectations {
        f.table("expectations", |e| Expectations {
            l4: e.text("L4"),
            l5: e.text("L5"),
            l6: e.text("L6"),
        })
    }

    fn read_curveballs(f: &mut Scope) -> Vec<Curveball> {
        f.list("curveballs", true, |c| Curveball {
            prompt: c.text("prompt"),
            why: c.text("why"),
        })
    }
}

/// The prompts of this source tree, valid ones only, sorted by title.
#[cfg(not(target_arch = "wasm32"))]
pub fn catalog() -> Vec<Prompt> {
    parse_bundle(bundled()).0
}

/// The library's index of this source tree, as the web app reads it
/// (`prompts/index.txt`): valid entries, sorted by title.
#[cfg(not(target_arch = "wasm32"))]
pub fn catalog_index() -> Vec<Summary> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
    parse_index(&source::split(&dir, |_| {}).0).0
}

/// Every prompt file that failed to load (empty in a healthy tree; tests assert it).
#[cfg(not(target_arch = "wasm32"))]
pub fn catalog_problems() -> Vec<BadPromptFile> {
    parse_bundle(bundled()).1
}
