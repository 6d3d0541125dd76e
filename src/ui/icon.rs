//! A component kind's icon as a small inline SVG.

use crate::core::diagram::ComponentKind;
use leptos::prelude::*;

/// The kind's 16x16 stroke icon, decorative (hidden from assistive tech).
#[component]
pub fn KindIcon(kind: ComponentKind) -> impl IntoView {
    view! {
        <svg class="kind-icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
            <path d=kind.icon() />
        </svg>
    }
}
