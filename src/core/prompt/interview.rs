//! What an interviewer brings beyond the checklist (issue 16): the quantities a
//! candidate should estimate, each with a reference and its derivation; the follow-up
//! questions asked one per phase after Breadth; and the library category.

use super::bundle::Scope;
use super::{Prompt, PromptError};
use crate::core::estimate::evaluate;
use crate::core::session::Phase;

/// Fewest reference estimates a prompt must have.
pub const MIN_ESTIMATES: usize = 3;
/// Fewest follow-up questions a prompt must have.
pub const MIN_FOLLOW_UPS: usize = 4;

/// The library's broad grouping of prompts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// User-facing products: a shortener, a feed, payments, an auction.
    Product,
    /// Building blocks: caches, queues, stores, schedulers, deployment.
    Infrastructure,
    /// Pipelines and analytics.
    Data,
    /// AI and machine-learning infrastructure.
    Ai,
}

impl Category {
    /// Every category, in the library's order.
    pub const ALL: [Category; 4] = [
        Category::Product,
        Category::Infrastructure,
        Category::Data,
        Category::Ai,
    ];

    /// The value written in prompt files.
    pub fn id(self) -> &'static str {
        match self {
            Category::Product => "product",
            Category::Infrastructure => "infrastructure",
            Category::Data => "data",
            Category::Ai => "ai",
        }
    }

    /// Reads the value written in prompt files.
    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The name shown in the library.
    pub fn name(self) -> &'static str {
        match self {
            Category::Product => "Product",
            Category::Infrastructure => "Infrastructure",
            Category::Data => "Data pipelines",
            Category::Ai => "AI and ML",
        }
    }
}

/// A quantity the candidate should estimate, with the interviewer's figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    /// Stable id within the prompt ("peak-redirects").
    pub id: String,
    /// What is asked ("Peak redirects per second"), the worksheet input's name.
    pub quantity: String,
    /// The reference as an expression with units ("20000 redirects / s").
    pub reference: String,
    /// How the reference follows from the prompt's numbers.
    pub derivation: String,
}

/// A follow-up question, asked in one phase after Breadth.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUp {
    /// The phase it is asked in: Focus, Depth or Failure modes.
    pub phase: Phase,
    /// The component id it is about, preferred when the board has that part.
    pub component: Option<String>,
    /// What the interviewer asks.
    pub question: String,
    /// What a strong answer says.
    pub answer: String,
}

/// The phases a follow-up may be asked in, with their ids in prompt files.
pub const FOLLOW_UP_PHASES: [(Phase, &str); 3] = [
    (Phase::Focus, "focus"),
    (Phase::Depth, "depth"),
    (Phase::FailureModes, "failure_modes"),
];

fn follow_up_phase(id: &str) -> Option<Phase> {
    FOLLOW_UP_PHASES
        .iter()
        .find(|(_, name)| *name == id)
        .map(|(phase, _)| *phase)
}

/// Reads the category, estimates and follow-ups of a prompt's fields.
pub(super) fn read(f: &mut Scope) -> (Category, Vec<Estimate>, Vec<FollowUp>) {
    let category = f.choice("category", Category::from_id, Category::Product);
    let estimates = f.list("estimates", true, |c| Estimate {
        id: c.text("id"),
        quantity: c.text("quantity"),
        reference: c.text("reference"),
        derivation: c.text("derivation"),
    });
    let follow_ups = f.list("follow_ups", true, |c| FollowUp {
        phase: c.choice("phase", follow_up_phase, Phase::Depth),
        component: c.optional_text("component"),
        question: c.text("question"),
        answer: c.text("answer"),
    });
    (category, estimates, follow_ups)
}

/// Checks the estimates and follow-ups: enough of them, unique estimate ids,
/// references that evaluate to a positive figure, every follow-up phase covered and
/// components that exist.
pub(super) fn validate(prompt: &Prompt, errors: &mut Vec<PromptError>) {
    for (field, found, needed) in [
        ("estimates", prompt.estimates.len(), MIN_ESTIMATES),
        ("follow_ups", prompt.follow_ups.len(), MIN_FOLLOW_UPS),
    ] {
        if found < needed {
            errors.push(PromptError::TooFew {
                field,
                found,
                needed,
            });
        }
    }
    for (i, e) in prompt.estimates.iter().enumerate() {
        let place = format!("estimates.{i}");
        if prompt.estimates[..i].iter().any(|o| o.id == e.id) {
            errors.push(PromptError::BadValue {
                field: format!("{place}.id"),
                value: format!("{} (used twice)", e.id),
            });
        }
        for (field, text) in [
            ("id", &e.id),
            ("quantity", &e.quantity),
            ("derivation", &e.derivation),
        ] {
            if text.trim().is_empty() {
                errors.push(PromptError::EmptyField(format!("{place}.{field}")));
            }
        }
        match evaluate(&e.reference) {
            Ok(q) if q.value.is_finite() && q.value > 0.0 => {}
            Ok(_) => errors.push(PromptError::BadValue {
                field: format!("{place}.reference"),
                value: format!("{} (not a positive figure)", e.reference),
            }),
            Err(why) => errors.push(PromptError::BadValue {
                field: format!("{place}.reference"),
                value: format!("{} ({why})", e.reference),
            }),
        }
    }
    for (phase, id) in FOLLOW_UP_PHASES {
        if !prompt.follow_ups.iter().any(|f| f.phase == phase) {
            errors.push(PromptError::TooFew {
                field: match id {
                    "focus" => "follow_ups in focus",
                    "depth" => "follow_ups in depth",
                    _ => "follow_ups in failure_modes",
                },
                found: 0,
                needed: 1,
            });
        }
    }
    for (i, f) in prompt.follow_ups.iter().enumerate() {
        for (field, text) in [("question", &f.question), ("answer", &f.answer)] {
            if text.trim().is_empty() {
                errors.push(PromptError::EmptyField(format!("follow_ups.{i}.{field}")));
            }
        }
        if let Some(id) = &f.component {
            if !prompt.components.iter().any(|c| &c.id == id) {
                errors.push(PromptError::UnknownComponent {
                    place: format!("follow_ups.{i}"),
                    id: id.clone(),
                });
            }
        }
    }
}
