//! What the user says was covered out loud, per prompt. Stored as text, one item key
//! per line (`breadthfirst.claims.<prompt>`); empty lines are ignored.

/// Claims as stored: one item key per line.
pub fn claims_from_text(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Claims as stored text.
pub fn claims_text(claims: &[String]) -> String {
    claims.join("\n")
}

/// Claims with `key` added, or removed if it was there.
pub fn toggle_claim(claims: &[String], key: &str) -> Vec<String> {
    let mut claims = claims.to_vec();
    match claims.iter().position(|k| k == key) {
        Some(i) => {
            claims.remove(i);
        }
        None => claims.push(key.to_string()),
    }
    claims
}
