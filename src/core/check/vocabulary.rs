//! The checker's vocabulary: reviewed data, not code. `prompts/vocabulary/` lists
//! technologies (product names and common phrasings, each with the component kinds it
//! can play: "ScyllaDB" is a NoSQL store, "Pub/Sub" a message queue) and mitigation
//! concepts (every way engineers write "failover": "fails over", "standby",
//! "active/passive pair with a floating VIP"). The build turns the files into one JSON
//! document that is embedded here; [`Vocabulary::bundled`] reads it.

use super::words::{affirmed_at, contains_affirmed, words};
use crate::core::diagram::ComponentKind;
use serde::Deserialize;
use std::collections::HashMap;

/// The vocabulary as built from `prompts/vocabulary/*.toml` (the web worker embeds it).
#[cfg(target_arch = "wasm32")]
fn bundled_json() -> Result<&'static str, String> {
    Ok(include_str!(concat!(env!("OUT_DIR"), "/vocabulary.json")))
}

/// The vocabulary of this source tree, read once per process at run time (natively:
/// tests and benches see an edited file without a rebuild).
#[cfg(not(target_arch = "wasm32"))]
fn bundled_json() -> Result<&'static str, String> {
    static JSON: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    JSON.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/vocabulary");
        crate::core::prompt::source::vocabulary(&dir, |_| {})
    })
    .as_deref()
    .map_err(Clone::clone)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    #[serde(default)]
    technology: Vec<TechnologyEntry>,
    #[serde(default)]
    mitigation: Vec<ConceptEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TechnologyEntry {
    names: Vec<String>,
    kinds: Vec<String>,
    #[serde(default)]
    managed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptEntry {
    id: String,
    phrases: Vec<String>,
    #[serde(default)]
    redundancy: bool,
}

/// A technology or common phrasing, and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Technology {
    /// Its first name, as written in the vocabulary ("ScyllaDB").
    pub name: String,
    /// Component kinds it can play, most typical first.
    pub kinds: Vec<ComponentKind>,
    /// A managed service that keeps its data replicated across zones by design.
    pub managed: bool,
}

/// A mitigation concept and the ways it is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Concept {
    /// Stable id ("failover").
    pub id: String,
    /// Each phrasing as written, with its words.
    pub phrases: Vec<(String, Vec<String>)>,
    /// Whether it answers a generic "this node dies" question.
    pub redundancy: bool,
}

/// Where a note names a mitigation: the phrasing it used, and the concept, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Named<'v> {
    /// The phrasing found in the note ("fails over").
    pub phrase: &'v str,
    /// The concept it belongs to ("failover"), if it is one.
    pub concept: Option<&'v str>,
}

/// Fewest remedies a note may both claim and deny before it counts as noise.
const NOISE: usize = 2;

/// A note as the checker reads it: its words, and the remedies it both claims and
/// denies ("replicas … no replica needed"): those count for nothing, and a note that
/// contradicts itself on [`NOISE`] remedies or more answers nothing at all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Note {
    /// Its words (see [`words`]).
    pub words: Vec<String>,
    /// Concepts (by index) the note both affirms and negates.
    denied: Vec<usize>,
}

impl Note {
    /// A note read for its words alone (details, where nothing is scored as an answer
    /// to a failure).
    pub fn plain(text: &str) -> Note {
        Note {
            words: words(text),
            denied: Vec::new(),
        }
    }

    /// Whether the note contradicts itself so often that it answers nothing.
    pub fn is_noise(&self) -> bool {
        self.denied.len() >= NOISE
    }

    fn counts(&self, concept: Option<usize>) -> bool {
        !self.is_noise() && concept.is_none_or(|c| !self.denied.contains(&c))
    }
}

/// The phrasings that answer one failure item (see [`Vocabulary::answers`]), each with
/// its concept's index.
#[derive(Clone, Debug, PartialEq)]
pub struct Answers<'v> {
    phrases: Vec<(Named<'v>, Option<usize>, Vec<String>)>,
}

impl<'v> Answers<'v> {
    /// The first answer, in the prompt's order, that a note affirms and does not also
    /// deny.
    pub fn first_in(&self, note: &Note) -> Option<Named<'v>> {
        self.phrases
            .iter()
            .find(|(_, c, ws)| note.counts(*c) && contains_affirmed(&note.words, ws))
            .map(|(named, _, _)| named.clone())
    }
}

/// Phrases (as [`words`]) by their first word, each with a value: every phrase in a
/// text is found reading the text once, whatever the number of phrases.
#[derive(Clone, Debug)]
struct PhraseIndex<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            by_first: HashMap::new(),
        }
    }
}

impl<T: Copy> PhraseIndex<T> {
    /// Adds a non-empty phrase, or gives back the value it already has.
    fn insert(&mut self, phrase: Vec<String>, value: T) -> Result<(), T> {
        let list = self.by_first.entry(phrase[0].clone()).or_default();
        match list.iter().find(|(p, _)| *p == phrase) {
            Some(&(_, existing)) => Err(existing),
            None => {
                list.push((phrase, value));
                Ok(())
            }
        }
    }

    /// The value of exactly this phrase.
    fn get(&self, phrase: &[String]) -> Option<T> {
        self.by_first
            .get(phrase.first()?)?
            .iter()
            .find(|(p, _)| p == phrase)
            .map(|&(_, value)| value)
    }

    /// Every phrase in `text`: (position, length in words, value).
    fn find<'a>(&'a self, text: &'a [String]) -> impl Iterator<Item = (usize, usize, T)> + 'a {
        (0..text.len()).flat_map(move |at| {
            self.by_first
                .get(&text[at])
                .into_iter()
                .flatten()
                .filter(move |(phrase, _)| text[at..].starts_with(phrase))
                .map(move |(phrase, value)| (at, phrase.len(), *value))
        })
    }
}

/// Technologies and mitigation concepts, indexed for matching.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    technologies: Vec<Technology>,
    /// Every technology name, with its technology.
    names: PhraseIndex<usize>,
    concepts: Vec<Concept>,
    /// Every concept phrasing, as its concept and phrasing indexes.
    phrase_index: PhraseIndex<(usize, usize)>,
    /// Everything that did not read (unknown kinds, duplicate names, ...).
    problems: Vec<String>,
}

impl Vocabulary {
    /// The vocabulary bundled into this build. A damaged document reads as an empty
    /// vocabulary with its problem listed; the tests keep the bundled one clean.
    pub fn bundled() -> Vocabulary {
        bundled_json()
            .and_then(Vocabulary::from_json)
            .unwrap_or_else(|problem| Vocabulary {
                problems: vec![problem],
                ..Vocabulary::default()
            })
    }

    /// Reads a vocabulary document (the build's JSON).
    pub fn from_json(text: &str) -> Result<Vocabulary, String> {
        let doc: Document = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut vocabulary = Vocabulary::default();
        for entry in doc.technology {
            let index = vocabulary.technologies.len();
            let mut kinds = Vec::new();
            for id in &entry.kinds {
                match ComponentKind::from_id(id) {
                    Some(kind) => kinds.push(kind),
                    None => vocabulary
                        .problems
                        .push(format!("{:?}: unknown kind {id:?}", entry.names)),
                }
            }
            for name in &entry.names {
                let ws = words(name);
                if ws.is_empty() {
                    vocabulary
                        .problems
                        .push(format!("an empty name in {:?}", entry.names));
                    continue;
                }
                // Two spellings of one name ("Postgres", "Postgre") are one name.
                if let Err(other) = vocabulary.names.insert(ws, index) {
                    if other != index {
                        vocabulary.problems.push(format!(
                            "{name:?} is listed twice (also under {:?})",
                            vocabulary.technologies[other].name
                        ));
                    }
                }
            }
            vocabulary.technologies.push(Technology {
                name: entry.names.first().cloned().unwrap_or_default(),
                kinds,
                managed: entry.managed,
            });
        }
        for entry in doc.mitigation {
            let mut phrases: Vec<(String, Vec<String>)> =
                vec![(entry.id.replace('_', " "), words(&entry.id))];
            phrases.extend(entry.phrases.into_iter().map(|p| {
                let ws = words(&p);
                (p, ws)
            }));
            phrases.retain(|(_, ws)| !ws.is_empty());
            let concept = vocabulary.concepts.len();
            for (i, (phrase, ws)) in phrases.iter().enumerate() {
                // A concept may repeat its id among its phrasings.
                if let Err((other, _)) = vocabulary.phrase_index.insert(ws.clone(), (concept, i)) {
                    if other != concept {
                        vocabulary.problems.push(format!(
                            "{phrase:?} of {:?} is also under {:?}",
                            entry.id, vocabulary.concepts[other].id
                        ));
                    }
                }
            }
            vocabulary.concepts.push(Concept {
                id: entry.id,
                phrases,
                redundancy: entry.redundancy,
            });
        }
        Ok(vocabulary)
    }

    /// What did not read: empty for a healthy vocabulary.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// Every technology, in file order.
    pub fn technologies(&self) -> &[Technology] {
        &self.technologies
    }

    /// The technologies a label (as [`words`]) names, in the order they appear. A name
    /// inside a longer one is not read on its own: "vector DB" is a vector index, not
    /// also a database; "Redis Streams" is a stream.
    pub fn named_in(&self, label: &[String]) -> Vec<&Technology> {
        // (start, end, technology) of every name found.
        let spans: Vec<(usize, usize, usize)> = self
            .names
            .find(label)
            .map(|(at, len, t)| (at, at + len, t))
            .collect();
        let inside = |&(s, e, _): &(usize, usize, usize)| {
            spans
                .iter()
                .any(|&(s2, e2, _)| s2 <= s && e <= e2 && e2 - s2 > e - s)
        };
        let mut found: Vec<usize> = Vec::new();
        for span in spans.iter().filter(|span| !inside(span)) {
            if !found.contains(&span.2) {
                found.push(span.2);
            }
        }
        found.into_iter().map(|t| &self.technologies[t]).collect()
    }

    /// The concept a mitigation phrase (as written in a prompt) belongs to: one whose
    /// id or one of whose phrasings it is.
    pub fn concept_of(&self, phrase: &str) -> Option<&Concept> {
        self.concept_index(&words(phrase))
            .map(|c| &self.concepts[c])
    }

    fn concept_index(&self, ws: &[String]) -> Option<usize> {
        self.phrase_index.get(ws).map(|(c, _)| c)
    }

    /// Every place a note names a concept: (position, concept, phrasing).
    fn mentions_in<'n>(
        &'n self,
        note: &'n [String],
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'n {
        self.phrase_index
            .find(note)
            .map(|(at, _, (c, p))| (at, c, p))
    }

    /// Reads a note: its words, and the remedies it both claims and denies. Phrasings
    /// are found through their first word, so a note is read once whatever the size of
    /// the vocabulary.
    pub fn read_note(&self, text: &str) -> Note {
        let words = words(text);
        let mut affirmed: Vec<usize> = Vec::new();
        let mut negated: Vec<usize> = Vec::new();
        for (at, c, _) in self.mentions_in(&words) {
            let list = if affirmed_at(&words, at) {
                &mut affirmed
            } else {
                &mut negated
            };
            if !list.contains(&c) {
                list.push(c);
            }
        }
        let denied = affirmed
            .into_iter()
            .filter(|c| negated.contains(c))
            .collect();
        Note { words, denied }
    }

    /// What answers a list of mitigations as a prompt writes them: each one's concept's
    /// every phrasing where it names a concept, else the phrase itself. Read once per
    /// failure item, then held against any number of notes.
    pub fn answers<'v>(&'v self, wanted: &'v [String]) -> Answers<'v> {
        let mut phrases: Vec<(Named<'v>, Option<usize>, Vec<String>)> = Vec::new();
        for m in wanted {
            let ws = words(m);
            match self.concept_index(&ws) {
                Some(c) => {
                    let concept = &self.concepts[c];
                    phrases.extend(concept.phrases.iter().map(|(p, ws)| {
                        let named = Named {
                            phrase: p.as_str(),
                            concept: Some(concept.id.as_str()),
                        };
                        (named, Some(c), ws.clone())
                    }))
                }
                None => phrases.push((
                    Named {
                        phrase: m,
                        concept: None,
                    },
                    None,
                    ws,
                )),
            }
        }
        Answers { phrases }
    }

    /// The first of `wanted` (mitigations as a prompt writes them) that a note affirms,
    /// through its concept's phrasings where it has one.
    pub fn first_named<'v>(&'v self, note: &str, wanted: &'v [String]) -> Option<Named<'v>> {
        self.answers(wanted).first_in(&self.read_note(note))
    }

    /// The first redundancy (replicas, failover, several instances, ...) a note affirms
    /// and does not also deny, in the note's order.
    pub fn redundancy_named(&self, note: &Note) -> Option<Named<'_>> {
        self.mentions_in(&note.words)
            .find(|&(at, c, _)| {
                self.concepts[c].redundancy && note.counts(Some(c)) && affirmed_at(&note.words, at)
            })
            .map(|(_, c, p)| Named {
                phrase: &self.concepts[c].phrases[p].0,
                concept: Some(&self.concepts[c].id),
            })
    }
}
