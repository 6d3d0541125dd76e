//! A read-only index of a board as a directed graph, for the checklist: dense vertex
//! numbers, adjacency both ways, each box's words and the technologies its name says,
//! reachability with witnesses, simple paths, and dominators.

use super::vocabulary::{Named, Note, Technology, Vocabulary};
use super::words::{is_term_list, words};
use crate::core::diagram::{Board, Component, ComponentId, ComponentKind};
use std::collections::HashMap;

/// The board's components as vertices `0..len()`, in board order.
pub struct Graph<'b> {
    board: &'b Board,
    vocabulary: &'b Vocabulary,
    index: HashMap<ComponentId, usize>,
    out: Vec<Vec<usize>>,
    inc: Vec<Vec<usize>>,
    /// Each vertex's label as words: what the box is.
    label: Vec<Vec<String>>,
    /// The technologies each label names ("Postgres", "NoSQL store").
    named: Vec<Vec<&'b Technology>>,
    failure: Vec<Note>,
    /// Whether each details note is only a list of terms.
    term_list: Vec<bool>,
    /// Each details note, read.
    details: Vec<Note>,
    redundancy: Vec<Option<Named<'b>>>,
    /// Each stemmed word of any label, to the vertices whose label has it.
    label_index: HashMap<String, Vec<usize>>,
}

/// Marks a vertex reached from the start set itself (no predecessor).
const START: usize = usize::MAX;

impl<'b> Graph<'b> {
    /// Indexes `board` in O(components + arrows), reading names through `vocabulary`.
    pub fn new(board: &'b Board, vocabulary: &'b Vocabulary) -> Self {
        let n = board.components().len();
        let index: HashMap<ComponentId, usize> = board
            .components()
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        let mut out = vec![Vec::new(); n];
        let mut inc = vec![Vec::new(); n];
        for a in board.arrows() {
            if let (Some(&f), Some(&t)) = (index.get(&a.from), index.get(&a.to)) {
                out[f].push(t);
                inc[t].push(f);
            }
        }
        let comps = board.components();
        let failure: Vec<Note> = comps
            .iter()
            .map(|c| vocabulary.read_note(&c.failure))
            .collect();
        let label: Vec<Vec<String>> = comps.iter().map(|c| words(&c.label)).collect();
        let mut label_index: HashMap<String, Vec<usize>> = HashMap::new();
        for (v, ws) in label.iter().enumerate() {
            for w in ws {
                match label_index.get_mut(w) {
                    Some(list) if list.last() == Some(&v) => {}
                    Some(list) => list.push(v),
                    None => {
                        label_index.insert(w.clone(), vec![v]);
                    }
                }
            }
        }
        Graph {
            board,
            vocabulary,
            index,
            out,
            inc,
            named: label.iter().map(|l| vocabulary.named_in(l)).collect(),
            redundancy: failure
                .iter()
                .map(|note| vocabulary.redundancy_named(note))
                .collect(),
            label,
            failure,
            term_list: comps.iter().map(|c| is_term_list(&c.details)).collect(),
            details: comps.iter().map(|c| Note::plain(&c.details)).collect(),
            label_index,
        }
    }

    /// The vocabulary names are read through.
    pub fn vocabulary(&self) -> &'b Vocabulary {
        self.vocabulary
    }

    /// The lower-case words of a vertex's label.
    pub fn label_words(&self, v: usize) -> &[String] {
        &self.label[v]
    }

    /// The technologies a vertex's label names, in label order.
    pub fn named(&self, v: usize) -> &[&'b Technology] {
        &self.named[v]
    }

    /// What a box is for the generic rules: its own kind, or for a plain box the kind
    /// its name says ("a box labelled Postgres is a SQL database").
    pub fn kind(&self, v: usize) -> ComponentKind {
        let own = self.component(v).kind;
        if own != ComponentKind::Generic {
            return own;
        }
        self.named[v]
            .iter()
            .find_map(|t| t.kinds.first().copied())
            .unwrap_or(own)
    }

    /// The lower-case words of a vertex's failure note.
    pub fn failure_words(&self, v: usize) -> &[String] {
        &self.failure[v].words
    }

    /// A vertex's failure note, read.
    pub fn failure_note(&self, v: usize) -> &Note {
        &self.failure[v]
    }

    /// How many words a vertex's details note has.
    pub fn detail_count(&self, v: usize) -> usize {
        self.details[v].words.len()
    }

    /// Whether a vertex's details explain something: at least `min` words, and not
    /// only a list of terms.
    pub fn explains(&self, v: usize, min: usize) -> bool {
        self.detail_count(v) >= min && !self.term_list[v]
    }

    /// The lower-case words of a vertex's details note.
    pub fn detail_words(&self, v: usize) -> &[String] {
        &self.details[v].words
    }

    /// A vertex's details note, read.
    pub fn detail_note(&self, v: usize) -> &Note {
        &self.details[v]
    }

    /// Whether a vertex's details are only a list of terms.
    pub fn lists_terms(&self, v: usize) -> bool {
        self.term_list[v]
    }

    /// The vertices whose label has the (stemmed) word, in board order.
    pub fn with_label_word(&self, word: &str) -> &[usize] {
        self.label_index.get(word).map_or(&[], Vec::as_slice)
    }

    /// The first redundancy its failure note names (replicas, failover, ...).
    pub fn redundancy(&self, v: usize) -> Option<&Named<'b>> {
        self.redundancy[v].as_ref()
    }

    /// The board indexed.
    pub fn board(&self) -> &'b Board {
        self.board
    }

    /// The vertex of a component.
    pub fn vertex(&self, id: ComponentId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// Number of vertices.
    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// Whether the board has no components.
    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// The component of a vertex.
    pub fn component(&self, v: usize) -> &'b Component {
        &self.board.components()[v]
    }

    /// Vertices an arrow leaves `v` for.
    pub fn successors(&self, v: usize) -> &[usize] {
        &self.out[v]
    }

    /// Vertices with an arrow into `v`.
    pub fn predecessors(&self, v: usize) -> &[usize] {
        &self.inc[v]
    }

    /// Every vertex reachable from `starts` by one or more arrows, as a predecessor per
    /// vertex (`None`: not reached). A start is only "reached" again through a cycle.
    pub fn reach(&self, starts: &[usize]) -> Vec<Option<usize>> {
        let mut parent = vec![None; self.len()];
        let mut queue: Vec<usize> = Vec::new();
        for &s in starts {
            for &t in &self.out[s] {
                if parent[t].is_none() {
                    parent[t] = Some(s);
                    queue.push(t);
                }
            }
        }
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head];
            head += 1;
            for &t in &self.out[v] {
                if parent[t].is_none() {
                    parent[t] = Some(v);
                    queue.push(t);
                }
            }
        }
        parent
    }

    /// Immediate dominators from a virtual root with an arrow to each of `roots`: for
    /// each vertex reachable from the roots, the vertex every path to it must pass
    /// last (`Some(START)`: only the virtual root). Cooper, Harvey and Kennedy's
    /// iterative algorithm over reverse postorder.
    fn dominators(&self, roots: &[usize]) -> (Vec<Option<usize>>, Vec<usize>) {
        let n = self.len();
        // Postorder numbers; the virtual root is numbered last (n).
        let mut order = vec![usize::MAX; n];
        let mut postorder = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        for &r in roots {
            if seen[r] {
                continue;
            }
            seen[r] = true;
            let mut stack = vec![(r, 0usize)];
            while let Some((v, next)) = stack.last_mut() {
                let v = *v;
                if let Some(&t) = self.out[v].get(*next) {
                    *next += 1;
                    if !seen[t] {
                        seen[t] = true;
                        stack.push((t, 0));
                    }
                } else {
                    order[v] = postorder.len();
                    postorder.push(v);
                    stack.pop();
                }
            }
        }
        let root_number = postorder.len();
        let number = |v: usize| if v == START { root_number } else { order[v] };
        let mut idom: Vec<Option<usize>> = vec![None; n];
        let is_root: Vec<bool> = {
            let mut r = vec![false; n];
            for &v in roots {
                r[v] = true;
            }
            r
        };
        let intersect = |idom: &[Option<usize>], mut a: usize, mut b: usize| {
            while a != b {
                while number(a) < number(b) {
                    a = idom[a].unwrap_or(START);
                }
                while number(b) < number(a) {
                    b = idom[b].unwrap_or(START);
                }
            }
            a
        };
        let mut changed = true;
        while changed {
            changed = false;
            for &v in postorder.iter().rev() {
                let mut best = is_root[v].then_some(START);
                for &p in &self.inc[v] {
                    if order[p] == usize::MAX || (idom[p].is_none() && !is_root[p]) {
                        continue;
                    }
                    best = Some(match best {
                        None => p,
                        Some(b) => intersect(&idom, p, b),
                    });
                }
                if best.is_some() && idom[v] != best {
                    idom[v] = best;
                    changed = true;
                }
            }
        }
        (idom, order)
    }

    /// Vertices that every path from any of `roots` to any reachable vertex in
    /// `targets` passes through (roots and targets included when they qualify).
    /// Empty when no target is reachable.
    pub fn chokepoints(&self, roots: &[usize], targets: &[usize]) -> Vec<usize> {
        let (idom, order) = self.dominators(roots);
        let reached: Vec<usize> = targets
            .iter()
            .copied()
            .filter(|&t| order[t] != usize::MAX)
            .collect();
        let Some((&first, rest)) = reached.split_first() else {
            return Vec::new();
        };
        let root_number = order.iter().filter(|&&o| o != usize::MAX).count();
        let number = |v: usize| if v == START { root_number } else { order[v] };
        let mut common = first;
        for &t in rest {
            let mut b = t;
            while common != b {
                while number(common) < number(b) {
                    common = idom[common].unwrap_or(START);
                }
                while number(b) < number(common) {
                    b = idom[b].unwrap_or(START);
                }
            }
        }
        let mut chain = Vec::new();
        while common != START {
            chain.push(common);
            common = idom[common].unwrap_or(START);
        }
        chain
    }

    /// The predecessor chain from a reached vertex back to the start set, start first.
    pub fn path_to(
        parent: &[Option<usize>],
        end: usize,
        is_start: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let mut path = vec![end];
        let mut v = end;
        let mut guard = parent.len();
        while let Some(p) = parent[v] {
            if guard == 0 {
                break;
            }
            guard -= 1;
            path.push(p);
            if is_start(p) {
                break;
            }
            v = p;
        }
        path.reverse();
        path
    }

    /// Shortest paths of arrows from `from` to every vertex marked in `targets`, nearest
    /// first, passing through no vertex marked in `blocked` on the way (a target ends
    /// its path whatever its mark); both ends included. With `against`, the paths
    /// follow arrows backwards (every arrow on them points towards `from`). Each arrow
    /// looked at spends one unit of `work`; with none left the search stops early.
    pub fn paths_avoiding(
        &self,
        from: usize,
        targets: &[bool],
        blocked: &[bool],
        against: bool,
        work: &mut usize,
    ) -> Vec<Vec<usize>> {
        let next = if against { &self.inc } else { &self.out };
        let mut parent: Vec<Option<usize>> = vec![None; self.len()];
        let mut seen = vec![false; self.len()];
        let mut queue = std::collections::VecDeque::from([from]);
        let mut found = Vec::new();
        seen[from] = true;
        while let Some(v) = queue.pop_front() {
            for &w in &next[v] {
                if *work == 0 {
                    break;
                }
                *work -= 1;
                if seen[w] {
                    continue;
                }
                seen[w] = true;
                parent[w] = Some(v);
                if targets[w] {
                    found.push(w);
                } else if !blocked[w] {
                    queue.push_back(w);
                }
            }
        }
        found
            .into_iter()
            .map(|end| Graph::path_to(&parent, end, |p| p == from))
            .collect()
    }
}
