//! What the library shows of a prompt: its difficulty's name, and whether it matches
//! the user's filter.

use super::{Difficulty, Prompt};

/// The difficulty as shown.
pub fn difficulty_name(d: Difficulty) -> &'static str {
    match d {
        Difficulty::Easy => "Easy",
        Difficulty::Medium => "Medium",
        Difficulty::Hard => "Hard",
    }
}

/// Whether a prompt matches a filter text (title, tags, difficulty or statement).
pub fn matches(p: &Prompt, filter: &str) -> bool {
    // ASCII folding: prompts are English, and Unicode case tables cost kilobytes.
    let filter = filter.trim().to_ascii_lowercase();
    filter.is_empty()
        || p.title.to_ascii_lowercase().contains(&filter)
        || p.tags
            .iter()
            .any(|t| t.to_ascii_lowercase().contains(&filter))
        || difficulty_name(p.difficulty).eq_ignore_ascii_case(&filter)
        || p.statement.to_ascii_lowercase().contains(&filter)
}
