//! Mapping at the speed of speech, with Excalidraw's flowchart keys: Ctrl+Arrow grows
//! a connected box out of the selected one, Alt+Arrow walks between connected boxes,
//! Ctrl+Shift+Arrow lines the selected boxes up on one edge.

use super::{Editor, Selection};
use crate::core::diagram::{Applied, Board, Command, ComponentId, EditError, Point, Rect, Size};

/// One of the four directions of the arrow keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards smaller x.
    Left,
    /// Towards larger x.
    Right,
    /// Towards smaller y.
    Up,
    /// Towards larger y.
    Down,
}

impl Direction {
    /// The direction an arrow key (`KeyboardEvent.key`) names.
    pub fn of_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }

    /// The unit vector.
    fn unit(self) -> Point {
        match self {
            Direction::Left => Point::new(-1.0, 0.0),
            Direction::Right => Point::new(1.0, 0.0),
            Direction::Up => Point::new(0.0, -1.0),
            Direction::Down => Point::new(0.0, 1.0),
        }
    }
}

/// Space between a box and the one grown out of it.
const FLOW_GAP: f64 = 72.0;
/// Space between boxes grown out of the same side, side by side.
const SIBLING_GAP: f64 = 24.0;
/// Most places tried beside the first one before a grown box may overlap.
const TRIES: usize = 24;

impl Editor {
    /// Adds a box of the selected box's kind on its `dir` side, draws an arrow to it
    /// and selects it, as one undo step. A box already there pushes the new one
    /// aside, as siblings. Needs exactly one selected box.
    pub(super) fn grow_connected(&mut self, dir: Direction) -> Result<Applied, EditError> {
        let Some(from) = self.selection.single_component() else {
            return Ok(Applied::Unchanged);
        };
        let Some(source) = self.board.component(from) else {
            return Ok(Applied::Unchanged);
        };
        let kind = source.kind;
        let (w, h) = Board::COMPONENT_SIZE;
        let at = grown_spot(&self.board, source.rect, Size::new(w, h), dir);
        let applied = self.step(|board| {
            let Applied::Added(id) = board.apply(Command::AddComponent {
                kind,
                at,
                label: None,
            })?
            else {
                return Ok(Applied::Unchanged);
            };
            board.apply(Command::ConnectComponents {
                from,
                to: id,
                label: String::new(),
            })?;
            Ok(Applied::Added(id))
        })?;
        if let Applied::Added(id) = applied {
            self.select_and_reveal(id);
        }
        Ok(applied)
    }

    /// Selects the box connected to the selected one (by an arrow either way) that
    /// lies most nearly in direction `dir`, and scrolls it into view.
    pub(super) fn step_to_connected(&mut self, dir: Direction) -> Applied {
        let Some(from) = self.selection.single_component() else {
            return Applied::Unchanged;
        };
        let Some(origin) = self.board.component(from).map(|c| c.rect.center()) else {
            return Applied::Unchanged;
        };
        let u = dir.unit();
        let best = self
            .board
            .arrows()
            .iter()
            .filter_map(|a| match (a.from == from, a.to == from) {
                (true, _) => Some(a.to),
                (_, true) => Some(a.from),
                _ => None,
            })
            .filter_map(|id| {
                let c = self.board.component(id)?.rect.center();
                let (dx, dy) = (c.x - origin.x, c.y - origin.y);
                let along = dx * u.x + dy * u.y;
                let across = (dx * u.y - dy * u.x).abs();
                // Within 60 degrees or so of the direction; straighter wins over nearer.
                (along > 0.0 && across <= along * 1.8).then_some((along + 2.0 * across, id))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        if let Some((_, id)) = best {
            self.select_and_reveal(id);
        }
        // The selection and the view changed; the board did not.
        Applied::Unchanged
    }

    /// Lines the selected boxes up on their `dir` edge (Left: the leftmost left edge;
    /// Down: the lowest bottom edge...), as one undo step. Needs two or more boxes.
    pub(super) fn align_selection(&mut self, dir: Direction) -> Result<Applied, EditError> {
        let rects: Vec<(ComponentId, Rect)> = self
            .selection
            .components()
            .iter()
            .filter_map(|id| self.board.component(*id).map(|c| (*id, c.rect)))
            .collect();
        if rects.len() < 2 {
            return Ok(Applied::Unchanged);
        }
        let edge = |r: &Rect| match dir {
            Direction::Left => r.x,
            Direction::Right => r.right(),
            Direction::Up => r.y,
            Direction::Down => r.bottom(),
        };
        let edges = rects.iter().map(|(_, r)| edge(r));
        let line = match dir {
            Direction::Left | Direction::Up => edges.fold(f64::INFINITY, f64::min),
            Direction::Right | Direction::Down => edges.fold(f64::NEG_INFINITY, f64::max),
        };
        self.step(|board| {
            let mut applied = Applied::Unchanged;
            for (id, r) in &rects {
                let d = line - edge(r);
                let by = match dir {
                    Direction::Left | Direction::Right => Point::new(d, 0.0),
                    Direction::Up | Direction::Down => Point::new(0.0, d),
                };
                if board
                    .apply(Command::MoveComponents { ids: vec![*id], by })?
                    .changed()
                {
                    applied = Applied::Changed;
                }
            }
            Ok(applied)
        })
    }

    fn select_and_reveal(&mut self, id: ComponentId) {
        self.selection = Selection::only_component(id);
        if let Some(c) = self.board.component(id) {
            self.viewport.reveal(c.rect, self.view_size);
        }
    }
}

/// Where a box of `size` grown out of `source` on its `dir` side goes: straight out,
/// or beside the boxes already grown there (alternately after and before them).
fn grown_spot(board: &Board, source: Rect, size: Size, dir: Direction) -> Point {
    let c = source.center();
    let first = match dir {
        Direction::Right => Point::new(source.right() + FLOW_GAP, c.y - size.h / 2.0),
        Direction::Left => Point::new(source.x - FLOW_GAP - size.w, c.y - size.h / 2.0),
        Direction::Down => Point::new(c.x - size.w / 2.0, source.bottom() + FLOW_GAP),
        Direction::Up => Point::new(c.x - size.w / 2.0, source.y - FLOW_GAP - size.h),
    };
    // Siblings stack across the direction of growth.
    let step = match dir {
        Direction::Left | Direction::Right => Point::new(0.0, size.h + SIBLING_GAP),
        Direction::Up | Direction::Down => Point::new(size.w + SIBLING_GAP, 0.0),
    };
    let free = |p: Point| {
        let r = Rect::new(p.x, p.y, size.w, size.h).inflate(SIBLING_GAP / 2.0 - 1.0);
        !board
            .components()
            .iter()
            .any(|other| other.rect.intersects(&r))
    };
    (0..=TRIES)
        .map(|i| {
            // 0, +1, -1, +2, -2, ...
            let k = i.div_ceil(2) as f64 * if i % 2 == 1 { 1.0 } else { -1.0 };
            Point::new(first.x + step.x * k, first.y + step.y * k)
        })
        .find(|p| free(*p))
        .unwrap_or(first)
}
