//! The frame of a modal dialog as HTML text, shared by the dialogs the app writes as
//! text (prompts, boards): a backdrop (`data-backdrop`), a titled section and a close
//! button (`data-close`). The app's listener closes it on either, and on Escape.

/// Opens a dialog: `class` for the section, `id` for its title element. Close it
/// with [`END`].
pub fn start(class: &str, id: &str, title: &str) -> String {
    format!(
        "<div class=\"dialog-backdrop\" data-backdrop><section class=\"{class}\" role=\"dialog\" aria-modal=\"true\" aria-labelledby=\"{id}\"><header class=\"library-header\"><h2 id=\"{id}\">{title}</h2>"
    )
}

/// The close button, ending the header [`start`] opened.
pub const CLOSE: &str =
    "<button type=\"button\" class=\"link\" aria-label=\"Close\" data-close>×</button></header>";

/// Closes what [`start`] opened.
pub const END: &str = "</section></div>";
