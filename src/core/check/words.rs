//! Word matching for checklist items: case-insensitive (ASCII), whole words, a phrase
//! as consecutive words. "Redis" matches the synonym "redis", "dead-letter queues"
//! matches "dead letter queue", but "cachet" does not match "cache". A mention that is
//! negated ("no replica", "without retries", "not replicated") is not an affirmation.

/// The lower-case ASCII words of `text`: runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether `word` is `wanted` or its plural (`+s`, `+es`).
fn same_word(word: &str, wanted: &str) -> bool {
    word == wanted
        || word
            .strip_prefix(wanted)
            .is_some_and(|rest| rest == "s" || rest == "es")
}

/// Whether the phrase `wanted` (split by [`words`]) occurs in `haystack` as consecutive
/// whole words; each word may be plural.
pub fn contains_words(haystack: &[String], wanted: &[String]) -> bool {
    if wanted.is_empty() || wanted.len() > haystack.len() {
        return false;
    }
    haystack.windows(wanted.len()).any(|window| {
        window
            .iter()
            .zip(wanted)
            .all(|(word, want)| same_word(word, want))
    })
}

/// Words that negate a mention when they come just before it.
const NEGATORS: [&str; 8] = [
    "no", "not", "without", "never", "nor", "lacks", "lack", "cannot",
];

/// How many words before a mention a negator still negates it ("no read replica").
const NEGATION_REACH: usize = 2;

/// Whether `wanted` occurs in `haystack` at least once without a negator in the
/// [`NEGATION_REACH`] words before it.
pub fn contains_affirmed(haystack: &[String], wanted: &[String]) -> bool {
    if wanted.is_empty() || wanted.len() > haystack.len() {
        return false;
    }
    haystack
        .windows(wanted.len())
        .enumerate()
        .any(|(at, window)| {
            let matched = window
                .iter()
                .zip(wanted)
                .all(|(word, want)| same_word(word, want));
            let negated = haystack[at.saturating_sub(NEGATION_REACH)..at]
                .iter()
                .any(|w| NEGATORS.contains(&w.as_str()));
            matched && !negated
        })
}
