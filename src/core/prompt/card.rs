//! What the library shows of a prompt: the index entry of each prompt (fetched
//! before any whole prompt), its difficulty's name, whether it matches the user's
//! filter, and the order of cards.

use super::bundle::Scope;
use super::{Category, Difficulty};

/// A prompt as the library's index has it: what its card shows and the filter reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Stable id (the file name without `.toml`; `prompts/<id>.txt` on the web).
    pub id: String,
    /// Title ("Design a URL shortener").
    pub title: String,
    /// Difficulty.
    pub difficulty: Difficulty,
    /// The library's grouping.
    pub category: Category,
    /// Topic tags.
    pub tags: Vec<String>,
    /// The statement as an interviewer would say it.
    pub statement: String,
}

impl Summary {
    /// What the index has of a whole prompt.
    pub fn of(p: &super::Prompt) -> Summary {
        Summary {
            id: p.id.clone(),
            title: p.title.clone(),
            difficulty: p.difficulty,
            category: p.category,
            tags: p.tags.clone(),
            statement: p.statement.clone(),
        }
    }

    /// Reads an index entry (the fields are the prompt file's keys).
    pub(super) fn read(f: &mut Scope) -> Summary {
        Summary {
            id: f.text("id"),
            title: f.text("title"),
            difficulty: f.choice("difficulty", Difficulty::from_id, Difficulty::Medium),
            category: f.choice("category", Category::from_id, Category::Product),
            tags: f.texts("tags", true),
            statement: f.text("statement"),
        }
    }
}

/// The difficulty as shown.
pub fn difficulty_name(d: Difficulty) -> &'static str {
    match d {
        Difficulty::Easy => "Easy",
        Difficulty::Medium => "Medium",
        Difficulty::Hard => "Hard",
    }
}

/// Whether a prompt matches a filter text (title, tags, difficulty, category or
/// statement).
pub fn matches(p: &Summary, filter: &str) -> bool {
    // ASCII folding: prompts are English, and Unicode case tables cost kilobytes.
    let filter = filter.trim().to_ascii_lowercase();
    filter.is_empty()
        || p.title.to_ascii_lowercase().contains(&filter)
        || p.tags
            .iter()
            .any(|t| t.to_ascii_lowercase().contains(&filter))
        || difficulty_name(p.difficulty).eq_ignore_ascii_case(&filter)
        || p.category.name().to_ascii_lowercase().contains(&filter)
        || p.statement.to_ascii_lowercase().contains(&filter)
}

/// Whether `a` sorts after `b`, ignoring ASCII case ("Design a chat service" before
/// "Design a URL shortener").
pub fn after(a: &str, b: &str) -> bool {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .gt(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// Sorts `items` so that no item comes after one it is `after`; stable. An insertion
/// sort: a library is a few dozen prompts, and the standard sort would add kilobytes
/// to the app's first load.
pub fn sort_by<T>(items: &mut [T], after: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && after(&items[j - 1], &items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
