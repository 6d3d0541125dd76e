//! Exports of a board to other formats, as text. Pure: the app (or the worker) only
//! hands the text to a download or the clipboard.

pub mod svg;
