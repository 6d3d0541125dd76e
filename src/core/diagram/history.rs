//! Undo and redo as board snapshots.
//!
//! A step is recorded per changing command, or once per gesture (a drag), however many
//! commands the gesture applied. Selection and viewport live outside the board, so they
//! never enter history and never clear redo.

use super::board::Board;

/// Undo/redo stacks of board snapshots.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Board>,
    redo: Vec<Board>,
    gesture_start: Option<Board>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History::with_limit(100)
    }
}

impl History {
    /// History that keeps at most `limit` undo steps (oldest dropped first).
    pub fn with_limit(limit: usize) -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            gesture_start: None,
            limit: limit.max(1),
        }
    }

    /// Records `before`, the board as it was before a change, as one undo step.
    /// Inside a gesture this does nothing: the gesture records itself when it ends.
    pub fn record(&mut self, before: Board) {
        if self.gesture_start.is_some() {
            return;
        }
        self.push(before);
    }

    /// Starts a gesture: changes until [`History::end_gesture`] make one step.
    pub fn begin_gesture(&mut self, current: &Board) {
        if self.gesture_start.is_none() {
            self.gesture_start = Some(current.clone());
        }
    }

    /// Whether a gesture is open.
    pub fn in_gesture(&self) -> bool {
        self.gesture_start.is_some()
    }

    /// Ends a gesture, recording one step if the board differs from its start; returns
    /// whether it did.
    pub fn end_gesture(&mut self, current: &Board) -> bool {
        match self.gesture_start.take() {
            Some(start) if start != *current => {
                self.push(start);
                true
            }
            _ => false,
        }
    }

    /// Takes the gesture's start back without recording (a cancelled drag); the caller
    /// restores it.
    pub fn cancel_gesture(&mut self) -> Option<Board> {
        self.gesture_start.take()
    }

    /// Steps back: returns the board to show, given the current one.
    pub fn undo(&mut self, current: &Board) -> Option<Board> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        Some(previous)
    }

    /// Steps forward again.
    pub fn redo(&mut self, current: &Board) -> Option<Board> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        Some(next)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn push(&mut self, before: Board) {
        self.undo.push(before);
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
    }
}
