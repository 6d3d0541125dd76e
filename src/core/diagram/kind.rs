//! Component kinds: the typed boxes of a system-design whiteboard.
//!
//! Every kind has a stable id (used in saved files, test hooks and prompt files), a
//! display name (the palette button's accessible name), a shape, a 16x16 stroke icon and
//! a colour given as hue and saturation so light and dark themes can derive their tones.
//!
//! Most kinds are parts of the designed system ([`ComponentKind::is_part`]); free text,
//! sticky notes and frames are annotations that share the board's element list (as
//! Excalidraw's elements share one list, told apart by `type`) but never take arrows
//! and are never checked.

use super::text::{MAX_LABEL_CHARS, MAX_TEXT_CHARS};
use serde::{Deserialize, Serialize};

/// What a component is. The set is closed; unknown ids restore as [`ComponentKind::Generic`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    /// A web or mobile client: where requests come from.
    Client,
    /// Domain name resolution.
    Dns,
    /// Content delivery network: edge caches for static and media content.
    Cdn,
    /// Spreads requests across instances of a service.
    LoadBalancer,
    /// Single entry point: routing, authentication, rate limiting.
    ApiGateway,
    /// A stateless application service.
    Service,
    /// A background worker consuming jobs or events.
    Worker,
    /// A relational database.
    SqlDatabase,
    /// A NoSQL document or key-value store.
    KvStore,
    /// An in-memory cache.
    Cache,
    /// A message queue or event stream.
    MessageQueue,
    /// Blob / object storage.
    ObjectStorage,
    /// A full-text or vector search index.
    SearchIndex,
    /// A scheduler or cron trigger.
    Scheduler,
    /// Monitoring, logging and alerting.
    Monitoring,
    /// A third-party or external service.
    External,
    /// A generic box for anything else.
    #[serde(rename = "box")]
    Generic,
    /// Free text on the board: an annotation, not a part of the system.
    Text,
    /// A sticky note: an annotation, not a part of the system.
    Sticky,
    /// A titled frame grouping what lies inside it ("Write path"): not a part either.
    Frame,
}

/// The outline drawn for a component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Rectangle with rounded corners.
    RoundedRect,
    /// Plain rectangle.
    Rect,
    /// Pointy-sided hexagon.
    Hexagon,
    /// Vertical cylinder (storage).
    Cylinder,
    /// Horizontal cylinder (a pipe: queues and streams).
    Pipe,
    /// Fully rounded ends.
    Stadium,
    /// Trapezoid, wider at the top (a bucket).
    Bucket,
    /// Slanted sides.
    Parallelogram,
    /// A page with a folded corner.
    Note,
    /// Rectangle with cut corners.
    Octagon,
    /// Rounded rectangle drawn dashed: outside our system.
    DashedRect,
}

impl ComponentKind {
    /// Every part kind (what the system is made of), in palette order.
    pub const ALL: [ComponentKind; 17] = [
        ComponentKind::Client,
        ComponentKind::Dns,
        ComponentKind::Cdn,
        ComponentKind::LoadBalancer,
        ComponentKind::ApiGateway,
        ComponentKind::Service,
        ComponentKind::Worker,
        ComponentKind::SqlDatabase,
        ComponentKind::KvStore,
        ComponentKind::Cache,
        ComponentKind::MessageQueue,
        ComponentKind::ObjectStorage,
        ComponentKind::SearchIndex,
        ComponentKind::Scheduler,
        ComponentKind::Monitoring,
        ComponentKind::External,
        ComponentKind::Generic,
    ];

    /// The annotation kinds, in palette order: never parts of the system.
    pub const ANNOTATIONS: [ComponentKind; 3] = [
        ComponentKind::Text,
        ComponentKind::Sticky,
        ComponentKind::Frame,
    ];

    /// Every kind, parts then annotations, in palette order.
    pub const EVERY: [ComponentKind; 20] = {
        let mut every = [ComponentKind::Generic; 20];
        let mut i = 0;
        while i < 20 {
            every[i] = if i < 17 {
                Self::ALL[i]
            } else {
                Self::ANNOTATIONS[i - 17]
            };
            i += 1;
        }
        every
    };

    /// Whether it is a part of the designed system (arrows, checks, counts), not
    /// free text, a sticky note or a frame.
    pub fn is_part(self) -> bool {
        !matches!(
            self,
            ComponentKind::Text | ComponentKind::Sticky | ComponentKind::Frame
        )
    }

    /// Longest label it keeps, in characters: notes hold more than a name.
    pub fn max_label_chars(self) -> usize {
        match self {
            ComponentKind::Text | ComponentKind::Sticky => MAX_TEXT_CHARS,
            _ => MAX_LABEL_CHARS,
        }
    }

    /// Stable id used in files and test hooks (`data-kind`).
    pub fn id(self) -> &'static str {
        self.table().0
    }

    /// Looks a kind up by its stable id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::EVERY.into_iter().find(|k| k.id() == id)
    }

    /// Human name, also the palette button's accessible name and a new component's label.
    pub fn display_name(self) -> &'static str {
        self.table().1
    }

    /// One line on what the kind is for (palette tooltip).
    pub fn description(self) -> &'static str {
        self.table().2
    }

    /// Outline shape.
    pub fn shape(self) -> Shape {
        self.table().3
    }

    /// Colour as (hue in degrees, saturation in percent).
    pub fn colour(self) -> (u16, u8) {
        self.table().4
    }

    /// Icon as SVG path data in a 16x16 box, meant to be stroked, not filled.
    pub fn icon(self) -> &'static str {
        self.table().5
    }

    /// Whether traffic typically enters the system here.
    pub fn is_entry_point(self) -> bool {
        matches!(
            self,
            ComponentKind::Client
                | ComponentKind::Dns
                | ComponentKind::Cdn
                | ComponentKind::LoadBalancer
                | ComponentKind::ApiGateway
        )
    }

    /// Whether the kind holds data durably or semi-durably.
    pub fn is_data_store(self) -> bool {
        matches!(
            self,
            ComponentKind::SqlDatabase
                | ComponentKind::KvStore
                | ComponentKind::Cache
                | ComponentKind::ObjectStorage
                | ComponentKind::SearchIndex
        )
    }

    #[allow(clippy::type_complexity)]
    fn table(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        Shape,
        (u16, u8),
        &'static str,
    ) {
        use ComponentKind as K;
        use Shape as S;
        match self {
            K::Client => ("client", "Client", "Web or mobile client where requests start", S::RoundedRect, (205, 70),
                "M2 3h12v8H2z M6 14h4 M8 11v3"),
            K::Dns => ("dns", "DNS", "Resolves names to addresses; can steer traffic by region", S::Stadium, (185, 60),
                "M2 8a6 6 0 1 0 12 0a6 6 0 1 0-12 0z M2 8h12 M8 2c-2.6 3-2.6 9 0 12 M8 2c2.6 3 2.6 9 0 12"),
            K::Cdn => ("cdn", "CDN", "Edge caches close to users for static and media content", S::Stadium, (160, 55),
                "M4.5 12.5a3 3 0 0 1-.4-6A4 4 0 0 1 12 6a3.2 3.2 0 0 1 .3 6.5z"),
            K::LoadBalancer => ("load_balancer", "Load balancer", "Spreads requests across healthy instances", S::Hexagon, (255, 60),
                "M1.5 8h4 M5.5 8l5-4.5h4 M5.5 8h9 M5.5 8l5 4.5h4"),
            K::ApiGateway => ("api_gateway", "API gateway", "Single entry: routing, auth, rate limits", S::Hexagon, (285, 55),
                "M3 14V6l5-4l5 4v8 M6 14v-4h4v4"),
            K::Service => ("service", "Service", "Stateless application logic behind an API", S::RoundedRect, (220, 18),
                "M8 1.5l5.5 3.2v6.6L8 14.5l-5.5-3.2V4.7z M2.5 4.7L8 8l5.5-3.3 M8 8v6.5"),
            K::Worker => ("worker", "Worker", "Background processing of jobs or events", S::Parallelogram, (120, 45),
                "M13.5 8a5.5 5.5 0 1 1-1.6-3.9 M12.5 1.5v3h-3 M6.5 5.5l3.5 2.5-3.5 2.5z"),
            K::SqlDatabase => ("sql_database", "SQL database", "Relational store with transactions and joins", S::Cylinder, (25, 75),
                "M3 4c0-2.6 10-2.6 10 0v8c0 2.6-10 2.6-10 0z M3 4c0 2.6 10 2.6 10 0 M3 8c0 2.6 10 2.6 10 0"),
            K::KvStore => ("kv_store", "NoSQL store", "Key-value or document store that scales out", S::Cylinder, (45, 80),
                "M2.5 9.5a3 3 0 1 0 6 0a3 3 0 1 0-6 0z M7.7 7.3L13.5 1.5 M11 4l2 2 M9.5 5.5l1.5 1.5"),
            K::Cache => ("cache", "Cache", "In-memory copy of hot data to cut latency and load", S::Cylinder, (0, 70),
                "M9.5 1L3.5 9h4l-1 6l6-8h-4z"),
            K::MessageQueue => ("message_queue", "Message queue", "Queue or stream that decouples producers and consumers", S::Pipe, (320, 60),
                "M1 5h3v6H1z M5.5 5h3v6h-3z M10 5h3v6h-3z M14.5 6.5v3"),
            K::ObjectStorage => ("object_storage", "Object storage", "Cheap durable storage for blobs and files", S::Bucket, (65, 60),
                "M2 4h12l-1.5 10h-9z M2 4c0-1.6 12-1.6 12 0"),
            K::SearchIndex => ("search_index", "Search index", "Inverted or vector index for search queries", S::Note, (95, 50),
                "M1.5 6.5a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0-9 0z M9.7 9.7l4.8 4.8"),
            K::Scheduler => ("scheduler", "Scheduler", "Triggers jobs on a timetable (cron)", S::Octagon, (300, 30),
                "M2 8a6 6 0 1 0 12 0a6 6 0 1 0-12 0z M8 4.5V8l2.5 1.8"),
            K::Monitoring => ("monitoring", "Monitoring", "Metrics, logs, traces and alerts", S::Note, (140, 30),
                "M1 9h3l2-5.5l3 9l2-5h4"),
            K::External => ("external", "External service", "Third-party API outside your control", S::DashedRect, (30, 12),
                "M9 2h5v5 M14 2L7.5 8.5 M12 10v4H2V4h4"),
            K::Generic => ("box", "Box", "Anything else", S::Rect, (0, 0), "M3 3h10v10H3z"),
            // Annotations draw no icon on the board; these are the palette's.
            K::Text => ("text", "Text", "Free text", S::Rect, (220, 8), "M3 3.5h10 M8 3.5v9.5"),
            K::Sticky => ("sticky", "Sticky note", "A note", S::Note, (48, 90),
                "M2.5 2.5h11v7l-4 4h-7z M9.5 13.5v-4h4"),
            K::Frame => ("frame", "Frame", "Groups boxes under a title", S::DashedRect, (220, 12),
                "M4 1.5v13 M12 1.5v13 M1.5 4h13 M1.5 12h13"),
        }
    }
}
