//! Words as the checker compares them: tokenised, case-folded (ASCII) and stemmed, so
//! "Transcoding", "transcoder" and "transcode" are one word, "Secondaries" is
//! "secondary", and "Memcache" is "Memcached". A phrase matches consecutive whole
//! words: "dead-letter queues" matches "dead letter queue", "cachet" never matches
//! "cache". A number is the word `#`, so "30 pods" matches the phrase "# pods". A
//! negated mention ("no replica", "without retries", "not replicated", "can't fail
//! over") is not an affirmation.

/// The word every number of two or more becomes ("3 AZs", "30 pods"): "1 replica" is
/// not "# replicas".
pub const NUMBER: &str = "#";

/// The stemmed lower-case words of `text`: runs of ASCII letters and digits, an
/// apostrophe inside a word dropped ("can't" is "cant"), a number as [`NUMBER`].
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '#' {
            word.push(c.to_ascii_lowercase());
        } else if !matches!(c, '\'' | '\u{2019}') || word.is_empty() {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// How many words [`words`] would read in `text`, without reading them.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '#' | '\'' | '\u{2019}')))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphanumeric() || c == '#'))
        .count()
}

/// Fewest items a note must list to read as a list of terms.
const TERM_LIST_ITEMS: usize = 6;

/// Whether a note is a list of terms rather than an explanation: six or more items
/// separated by commas, semicolons, slashes or lines, nearly all of them one or two
/// words ("consistent hashing, hash slots, sharding, LRU, TTL, gossip, raft"). An
/// interviewer hears such a list as vocabulary, not as depth.
pub fn is_term_list(text: &str) -> bool {
    let items: Vec<usize> = text
        .split([',', ';', '/', '\n'])
        .map(word_count)
        .filter(|&n| n > 0)
        .collect();
    let short = items.iter().filter(|&&n| n <= 2).count();
    items.len() >= TERM_LIST_ITEMS && short * 5 >= items.len() * 4
}

/// Ends the word being read: a number becomes [`NUMBER`], anything else its stem.
fn flush(word: &mut String, out: &mut Vec<String>) {
    if word.is_empty() {
        return;
    }
    let number = word.bytes().all(|b| b.is_ascii_digit() || b == b'#');
    out.push(
        if number && !matches!(word.trim_start_matches('0'), "" | "1") {
            NUMBER.to_string()
        } else if number {
            word.clone()
        } else {
            word.retain(|c| c != '#');
            stem(word)
        },
    );
    word.clear();
}

/// The stem of a lower-case word: a plural ending comes off once ("databases" is
/// "database", "retries" is "retry"), then -ing, -ed and -er endings, repeatedly
/// ("clustered" is "clust", as is "cluster"), then a final "e", then a doubled final
/// consonant. Short words keep their endings ("user", "need", "dns").
pub fn stem(word: &str) -> String {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    // "ies" and "ied" become "y": the only endings that add a letter.
    for ending in ["ies", "ied"] {
        if let Some(base) = word.strip_suffix(ending).filter(|b| b.len() >= 3) {
            return format!("{base}y");
        }
    }
    let mut w = word;
    if w.ends_with("sses") {
        w = &w[..w.len() - 2];
    } else if let Some(base) = w.strip_suffix("es").filter(|b| {
        b.len() >= 3 && (b.ends_with(['x', 'z']) || b.ends_with("ch") || b.ends_with("sh"))
    }) {
        w = base;
    } else if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.len() >= 3
    {
        w = &w[..w.len() - 1];
    }
    loop {
        let before = w.len();
        if let Some(base) = w.strip_suffix("ing").filter(|b| b.len() >= 3) {
            w = base;
        } else if let Some(base) = w.strip_suffix("ed").filter(|b| b.len() >= 3) {
            w = base;
        } else if let Some(base) = w.strip_suffix("er").filter(|b| b.len() >= 4) {
            w = base;
        }
        if w.len() == before {
            break;
        }
    }
    if w.len() >= 4 && w.ends_with('e') {
        w = &w[..w.len() - 1];
    }
    let bytes = w.as_bytes();
    if let [.., a, b] = bytes {
        if a == b && w.len() >= 4 && !matches!(a, b'l' | b's' | b'z' | b'e' | b'o') {
            w = &w[..w.len() - 1];
        }
    }
    w.to_string()
}

/// Whether the phrase `wanted` (from [`words`]) occurs in `haystack` as consecutive
/// words.
pub fn contains_words(haystack: &[String], wanted: &[String]) -> bool {
    position(haystack, wanted, |_| true).is_some()
}

/// Words that negate a mention when they come just before it.
const NEGATORS: [&str; 13] = [
    "no", "not", "without", "never", "nor", "lack", "cannot", "cant", "dont", "doesnt", "isnt",
    "wont", "non",
];

/// How many words before a mention a negator still negates it ("no read replica").
const NEGATION_REACH: usize = 2;

/// Whether `wanted` occurs in `haystack` at least once without a negator in the
/// [`NEGATION_REACH`] words before it.
pub fn contains_affirmed(haystack: &[String], wanted: &[String]) -> bool {
    position(haystack, wanted, |at| affirmed_at(haystack, at)).is_some()
}

/// Whether no negator comes in the [`NEGATION_REACH`] words before position `at`.
pub fn affirmed_at(haystack: &[String], at: usize) -> bool {
    !haystack[at.saturating_sub(NEGATION_REACH)..at]
        .iter()
        .any(|w| NEGATORS.contains(&w.as_str()))
}

/// The first place `wanted` occurs in `haystack` for which `keep` holds.
fn position(haystack: &[String], wanted: &[String], keep: impl Fn(usize) -> bool) -> Option<usize> {
    if wanted.is_empty() || wanted.len() > haystack.len() {
        return None;
    }
    haystack
        .windows(wanted.len())
        .enumerate()
        .find(|(at, window)| *window == wanted && keep(*at))
        .map(|(at, _)| at)
}
