//! Validation of a parsed prompt: everything wrong, each with where.

use super::Prompt;
use crate::core::diagram::ComponentKind;
use std::collections::HashSet;
use std::fmt;

/// Fewest clarifying questions a prompt must have.
pub const MIN_CLARIFICATIONS: usize = 4;
/// Fewest failure-mode questions.
pub const MIN_FAILURE_MODES: usize = 4;
/// Fewest curveballs.
pub const MIN_CURVEBALLS: usize = 2;
/// Fewest expected components in a breadth map.
const MIN_COMPONENTS: usize = 5;

/// One thing wrong with a prompt file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptError {
    /// Not parseable TOML (the parser's message), or a damaged bundle.
    Unreadable(String),
    /// A required field is absent (dotted path, e.g. `clarifications.2.answer`).
    MissingField(String),
    /// A field this format does not have (a typo, or a field in the wrong table).
    UnknownField(String),
    /// A field of the wrong shape: text where a list belongs, or the reverse.
    WrongType {
        /// Dotted path.
        field: String,
        /// What belongs there.
        expected: &'static str,
    },
    /// A word outside the field's fixed set (e.g. difficulty "extreme").
    BadValue {
        /// Dotted path.
        field: String,
        /// What the file says.
        value: String,
    },
    /// The `id` differs from the file name.
    IdNotFileName {
        /// The id in the file.
        id: String,
    },
    /// Two prompts share an id.
    DuplicateId(String),
    /// A required text is empty.
    EmptyField(String),
    /// Too few entries in a list.
    TooFew {
        /// Which list.
        field: &'static str,
        /// How many there are.
        found: usize,
        /// How many are needed.
        needed: usize,
    },
    /// A kind id that is not a component kind.
    UnknownKind {
        /// Where.
        place: String,
        /// The unknown id.
        kind: String,
    },
    /// A reference to a component id that the file does not declare.
    UnknownComponent {
        /// Where.
        place: String,
        /// The missing id.
        id: String,
    },
    /// Two components share an id.
    DuplicateComponent(String),
    /// No clarifying question of a kind (functional, non-functional, scale).
    MissingClarificationKind(&'static str),
}

impl fmt::Display for PromptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PromptError::Unreadable(m) => write!(f, "cannot be read: {m}"),
            PromptError::MissingField(field) => write!(f, "missing field `{field}`"),
            PromptError::UnknownField(field) => write!(f, "unknown field `{field}`"),
            PromptError::WrongType { field, expected } => {
                write!(f, "field `{field}` should be {expected}")
            }
            PromptError::BadValue { field, value } => {
                write!(f, "field `{field}` has unknown value \"{value}\"")
            }
            PromptError::IdNotFileName { id } => {
                write!(f, "id \"{id}\" differs from the file name")
            }
            PromptError::DuplicateId(id) => write!(f, "id \"{id}\" is used by another prompt"),
            PromptError::EmptyField(field) => write!(f, "{field} is empty"),
            PromptError::TooFew {
                field,
                found,
                needed,
            } => {
                write!(
                    f,
                    "{field} has {found} entries; at least {needed} are needed"
                )
            }
            PromptError::UnknownKind { place, kind } => {
                write!(f, "{place} names unknown component kind \"{kind}\"")
            }
            PromptError::UnknownComponent { place, id } => {
                write!(f, "{place} refers to undeclared component \"{id}\"")
            }
            PromptError::DuplicateComponent(id) => {
                write!(f, "component id \"{id}\" is declared twice")
            }
            PromptError::MissingClarificationKind(kind) => {
                write!(f, "clarifications have no {kind} question")
            }
        }
    }
}

impl Prompt {
    /// Checks the prompt read from `file` (e.g. `url-shortener.toml`); all errors at once.
    pub fn validate(&self, file: &str) -> Result<(), Vec<PromptError>> {
        let mut errors = Vec::new();
        let stem = file.strip_suffix(".toml").unwrap_or(file);
        if self.id != stem {
            errors.push(PromptError::IdNotFileName {
                id: self.id.clone(),
            });
        }
        let texts = [
            ("id", &self.id),
            ("title", &self.title),
            ("statement", &self.statement),
            ("expectations.L4", &self.expectations.l4),
            ("expectations.L5", &self.expectations.l5),
            ("expectations.L6", &self.expectations.l6),
        ];
        for (field, text) in texts {
            if text.trim().is_empty() {
                errors.push(PromptError::EmptyField(field.to_string()));
            }
        }
        let counts = [
            (
                "clarifications",
                self.clarifications.len(),
                MIN_CLARIFICATIONS,
            ),
            ("components", self.components.len(), MIN_COMPONENTS),
            ("flows", self.flows.len(), 1),
            ("deep_dives", self.deep_dives.len(), 1),
            ("failure_modes", self.failure_modes.len(), MIN_FAILURE_MODES),
            ("curveballs", self.curveballs.len(), MIN_CURVEBALLS),
            ("tags", self.tags.len(), 1),
        ];
        for (field, found, needed) in counts {
            if found < needed {
                errors.push(PromptError::TooFew {
                    field,
                    found,
                    needed,
                });
            }
        }
        use super::ClarificationKind as C;
        for (kind, name) in [
            (C::Functional, "functional"),
            (C::NonFunctional, "non-functional"),
            (C::Scale, "scale"),
        ] {
            if !self.clarifications.iter().any(|c| c.kind == kind) {
                errors.push(PromptError::MissingClarificationKind(name));
            }
        }
        self.validate_components(&mut errors);
        super::interview::validate(self, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn validate_components(&self, errors: &mut Vec<PromptError>) {
        let mut ids = HashSet::new();
        for c in &self.components {
            if !ids.insert(c.id.as_str()) {
                errors.push(PromptError::DuplicateComponent(c.id.clone()));
            }
            if c.kinds.is_empty() && c.synonyms.is_empty() {
                errors.push(PromptError::TooFew {
                    field: "component kinds and synonyms",
                    found: 0,
                    needed: 1,
                });
            }
            for kind in &c.kinds {
                if ComponentKind::from_id(kind).is_none() {
                    errors.push(PromptError::UnknownKind {
                        place: format!("component \"{}\"", c.id),
                        kind: kind.clone(),
                    });
                }
            }
            for (field, text) in [("name", &c.name), ("why", &c.why)] {
                if text.trim().is_empty() {
                    errors.push(PromptError::EmptyField(format!(
                        "component \"{}\" {field}",
                        c.id
                    )));
                }
            }
        }
        let mut refer = |place: String, id: &str| {
            if !ids.contains(id) {
                errors.push(PromptError::UnknownComponent {
                    place,
                    id: id.to_string(),
                });
            }
        };
        for flow in &self.flows {
            for id in &flow.path {
                refer(format!("flow \"{}\"", flow.name), id);
            }
        }
        for (i, f) in self.failure_modes.iter().enumerate() {
            refer(format!("failure mode #{}", i + 1), &f.component);
        }
        for d in &self.deep_dives {
            refer(format!("deep dive \"{}\"", d.topic), &d.component);
        }
        for c in &self.components {
            for id in &c.shares {
                refer(format!("component \"{}\" shares", c.id), id);
            }
            if let Some(id) = &c.alternative_to {
                refer(format!("component \"{}\" alternative_to", c.id), id);
            }
        }
        for flow in &self.flows {
            for id in &flow.or_path {
                refer(format!("flow \"{}\" or_path", flow.name), id);
            }
        }
        for flow in &self.flows {
            // A path has two steps at least; the other path is optional.
            for (field, found, optional) in [
                ("flow path", flow.path.len(), false),
                ("flow or_path", flow.or_path.len(), true),
            ] {
                if found < 2 && !(optional && found == 0) {
                    errors.push(PromptError::TooFew {
                        field,
                        found,
                        needed: 2,
                    });
                }
            }
        }
        // An alternative fills a role that is scored; it is not itself the target of
        // another alternative.
        for c in &self.components {
            let target = c
                .alternative_to
                .as_ref()
                .and_then(|id| self.components.iter().find(|t| &t.id == id));
            if target.is_some_and(|t| t.alternative_to.is_some() || t.id == c.id) {
                errors.push(PromptError::BadValue {
                    field: format!("component \"{}\" alternative_to", c.id),
                    value: c.alternative_to.clone().unwrap_or_default(),
                });
            }
        }
        for (i, f) in self.failure_modes.iter().enumerate() {
            if f.mitigations.is_empty() {
                errors.push(PromptError::EmptyField(format!(
                    "failure mode #{} mitigations",
                    i + 1
                )));
            }
        }
    }
}
