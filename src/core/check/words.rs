//! Word matching for checklist items: case-insensitive (ASCII), whole words, a phrase
//! as consecutive words. "Redis" matches the synonym "redis", "dead-letter queues"
//! matches "dead letter queue", but "cachet" does not match "cache".

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

/// Whether the phrase occurs in `haystack` (already split by [`words`]) as consecutive
/// whole words; each word may be plural.
pub fn contains_phrase(haystack: &[String], phrase: &str) -> bool {
    contains_words(haystack, &words(phrase))
}

/// [`contains_phrase`] for a phrase already split by [`words`].
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
