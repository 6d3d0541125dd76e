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

/// What the practice history says of one prompt, for its card (sent by the history
/// module, which keeps the attempts).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PracticeStat {
    /// Prompt id.
    pub prompt: String,
    /// The day it was last practised (days since the epoch, the user's calendar).
    pub last_day: i64,
    /// That day as said on the card ("today", "3 days ago", "2026-10-01").
    pub last: String,
    /// The best percent found.
    pub best: u32,
    /// Whether a card of it (the prompt's or an item's) is due today.
    pub due: bool,
}

/// How the library's cards are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// By title, ignoring case.
    #[default]
    Title,
    /// Most recently practised first; never practised last, by title.
    LastPractised,
}

/// The library's filters and order, as the user set them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Browse {
    /// Free text (title, tags, difficulty, category, statement).
    pub text: String,
    /// Only this category.
    pub category: Option<Category>,
    /// Only this difficulty.
    pub difficulty: Option<Difficulty>,
    /// Only prompts with this tag (exactly, ignoring ASCII case).
    pub tag: Option<String>,
    /// Only prompts with a card due today.
    pub due: bool,
    /// The order.
    pub order: Order,
}

/// The cards to show: the prompts `browse` lets through, in its order, each with what
/// the history says of it.
pub fn arrange<'a>(
    prompts: &'a [Summary],
    stats: &'a [PracticeStat],
    browse: &Browse,
) -> Vec<(&'a Summary, Option<&'a PracticeStat>)> {
    let stat = |id: &str| stats.iter().find(|s| s.prompt == id);
    let mut shown: Vec<(&Summary, Option<&PracticeStat>)> = prompts
        .iter()
        .filter(|p| matches(p, &browse.text))
        .filter(|p| browse.category.is_none_or(|c| p.category == c))
        .filter(|p| browse.difficulty.is_none_or(|d| p.difficulty == d))
        .filter(|p| {
            browse
                .tag
                .as_ref()
                .is_none_or(|t| p.tags.iter().any(|x| x.eq_ignore_ascii_case(t)))
        })
        .filter(|p| !browse.due || stat(&p.id).is_some_and(|s| s.due))
        .map(|p| (p, stat(&p.id)))
        .collect();
    sort_by(&mut shown, |a, b| match browse.order {
        Order::Title => after(&a.0.title, &b.0.title),
        Order::LastPractised => {
            let day = |x: &(&Summary, Option<&PracticeStat>)| x.1.map(|s| s.last_day);
            match (day(a), day(b)) {
                (Some(x), Some(y)) if x != y => x < y,
                (None, Some(_)) => true,
                (Some(_), None) => false,
                _ => after(&a.0.title, &b.0.title),
            }
        }
    });
    shown
}

/// Every tag of the library once, sorted ignoring case (the first spelling kept).
pub fn tags(prompts: &[Summary]) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for t in prompts.iter().flat_map(|p| &p.tags) {
        if !all.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            all.push(t.clone());
        }
    }
    sort_by(&mut all, |a, b| after(a, b));
    all
}
