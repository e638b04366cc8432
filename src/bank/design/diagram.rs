//! A design exercise's diagram: the declarative description in the file's `[diagram]` table
//! (nodes, edges, groups), its validation, and its drawing into static SVG at build time.
//!
//! Like the rest of `bank::design`, this file is compiled by `build.rs` and, on the host, as
//! `backprep::bank::design::diagram`, so it depends only on what `build.rs` has.

use serde::Deserialize;

/// Which way the boxes flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Direction {
    /// Left to right.
    LR,
    /// Top to bottom.
    TB,
}

/// What a box stands for; it picks the box's shape and colour (CSS classes `node-<kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// A user's device or browser.
    Client,
    /// A service we run.
    Service,
    /// A database or object store.
    Store,
    /// An in-memory cache.
    Cache,
    /// A queue or log.
    Queue,
    /// Something outside the system (a CDN, a payment provider).
    External,
}

/// One box.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Kebab-case, unique within the diagram; edges and groups refer to it.
    pub id: String,
    /// The text in the box (≤ 22 characters).
    pub label: String,
    /// What it is.
    pub kind: NodeKind,
}

/// One arrow.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// The node it leaves.
    pub from: String,
    /// The node it points at.
    pub to: String,
    /// Optional text on the arrow (≤ 24 characters).
    #[serde(default)]
    pub label: Option<String>,
}

/// A labelled box drawn around some nodes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Its caption.
    pub label: String,
    /// The ids of the nodes inside.
    pub nodes: Vec<String>,
}

/// The whole `[diagram]` table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagram {
    /// Which way it flows.
    pub direction: Direction,
    /// 3–16 boxes.
    pub nodes: Vec<Node>,
    /// The arrows.
    pub edges: Vec<Edge>,
    /// Optional boxes around nodes.
    #[serde(default)]
    pub groups: Vec<Group>,
}
