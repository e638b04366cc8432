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

use std::fmt;
use std::fmt::Write as _;

/// Why a diagram cannot be drawn. The validator in `bank::design` reports these with the file's
/// path first; drawing checks again so that it never panics on a table it was not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagramError {
    /// The diagram has no nodes at all.
    NoNodes,
    /// Two nodes share an id.
    DuplicateNode {
        /// The repeated id.
        id: String,
    },
    /// An edge names a node that does not exist.
    UnknownEdgeNode {
        /// The edge's 0-based position in `edges`.
        edge: usize,
        /// The id it names.
        id: String,
    },
    /// A group names a node that does not exist.
    UnknownGroupNode {
        /// The group's caption.
        group: String,
        /// The id it names.
        id: String,
    },
    /// An edge leaves and enters the same node; a layered drawing has no place for it.
    SelfLoop {
        /// The node's id.
        id: String,
    },
}

impl fmt::Display for DiagramError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoNodes => write!(f, "the diagram has no nodes"),
            Self::DuplicateNode { id } => write!(f, "node id `{id}` is used twice"),
            Self::UnknownEdgeNode { edge, id } => {
                write!(f, "edges[{edge}] names `{id}`, which is not a node")
            }
            Self::UnknownGroupNode { group, id } => {
                write!(f, "group `{group}` names `{id}`, which is not a node")
            }
            Self::SelfLoop { id } => write!(f, "an edge goes from `{id}` to itself"),
        }
    }
}

impl std::error::Error for DiagramError {}

// Sizes in SVG user units. The stylesheet sets node text to 14 and edge and group text to 12 units;
// boxes are sized from an average glyph of 0.6 em, which is generous for system-ui, so a 22-character
// label stays inside its box on one line.
const NODE_CHAR: f64 = 8.4;
const SMALL_CHAR: f64 = 7.2;
const NODE_PAD: f64 = 28.0;
const NODE_MIN_W: f64 = 96.0;
const NODE_H: f64 = 44.0;
/// Queues get room on the right for the slot marks, so the marks never touch the text.
const QUEUE_EXTRA: f64 = 14.0;
const LABEL_H: f64 = 20.0;
const LABEL_PAD: f64 = 12.0;
const DUMMY_SIZE: f64 = 8.0;
const RANK_GAP_LR: f64 = 30.0;
const RANK_GAP_TB: f64 = 44.0;
const ORDER_GAP_REAL: f64 = 24.0;
const ORDER_GAP_VIRTUAL: f64 = 12.0;
const GROUP_PAD: f64 = 10.0;
const CAPTION_H: f64 = 18.0;
const MARGIN: f64 = 8.0;
const SWEEPS: usize = 12;
const PLACE_ROUNDS: usize = 16;
const ENFORCE_ROUNDS: usize = 500;

/// An axis-aligned box: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Whether the two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    /// Whether `other` lies wholly inside this box.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.w <= self.x + self.w
            && other.y + other.h <= self.y + self.h
    }
}

/// One node, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedNode {
    /// Index into `Diagram::nodes`.
    pub node: usize,
    /// Its box.
    pub rect: Rect,
}

/// One edge, routed.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedEdge {
    /// Index into `Diagram::edges`.
    pub edge: usize,
    /// Points from the `from` node's border to the `to` node's border; consecutive points are
    /// joined by curves that leave and arrive along the flow direction.
    pub points: Vec<(f64, f64)>,
    /// Where the label's background goes, when the edge has a label.
    pub label: Option<Rect>,
}

/// One group, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGroup {
    /// Index into `Diagram::groups`.
    pub group: usize,
    /// The box around its nodes, caption included.
    pub rect: Rect,
}

/// A diagram laid out: everything `to_svg` draws, in user units from (0, 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// The nodes, in file order.
    pub nodes: Vec<PlacedNode>,
    /// The edges, in file order.
    pub edges: Vec<PlacedEdge>,
    /// The groups, in file order.
    pub groups: Vec<PlacedGroup>,
}

/// What occupies a slot in a layer: a node, an edge's label, or a bend point of a long edge.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slot {
    Node(usize),
    Label(usize),
    Bend,
}

#[derive(Debug, Clone)]
struct Item {
    slot: Slot,
    layer: usize,
    /// Size along the flow (rank) axis and across it (order axis).
    along: f64,
    across: f64,
    /// The group whose box it sits in, used to keep group members next to each other.
    group: Option<usize>,
    /// Centre on the order axis, once placed.
    pos: f64,
}

fn node_size(node: &Node) -> (f64, f64) {
    let chars = node.label.chars().count() as f64;
    let mut w = (chars * NODE_CHAR + NODE_PAD).max(NODE_MIN_W);
    if node.kind == NodeKind::Queue {
        w += QUEUE_EXTRA;
    }
    (w, NODE_H)
}

fn label_size(label: &str) -> (f64, f64) {
    (
        label.chars().count() as f64 * SMALL_CHAR + LABEL_PAD,
        LABEL_H,
    )
}

/// Checks the references and returns, for each edge, the indices of its two nodes.
fn resolve(diagram: &Diagram) -> Result<Vec<(usize, usize)>, DiagramError> {
    if diagram.nodes.is_empty() {
        return Err(DiagramError::NoNodes);
    }
    let index = |id: &str| diagram.nodes.iter().position(|n| n.id == id);
    for (i, n) in diagram.nodes.iter().enumerate() {
        if diagram.nodes[..i].iter().any(|m| m.id == n.id) {
            return Err(DiagramError::DuplicateNode { id: n.id.clone() });
        }
    }
    let mut ends = Vec::with_capacity(diagram.edges.len());
    for (i, e) in diagram.edges.iter().enumerate() {
        let find = |id: &String| {
            index(id).ok_or_else(|| DiagramError::UnknownEdgeNode {
                edge: i,
                id: id.clone(),
            })
        };
        let (a, b) = (find(&e.from)?, find(&e.to)?);
        if a == b {
            return Err(DiagramError::SelfLoop { id: e.from.clone() });
        }
        ends.push((a, b));
    }
    for g in &diagram.groups {
        if let Some(id) = g.nodes.iter().find(|id| index(id).is_none()) {
            return Err(DiagramError::UnknownGroupNode {
                group: g.label.clone(),
                id: id.clone(),
            });
        }
    }
    Ok(ends)
}

/// Edges that close a cycle (found by a depth-first walk in file order) are laid out reversed, so
/// the layering sees a DAG; they are drawn pointing the right way.
fn reversed_edges(n: usize, ends: &[(usize, usize)]) -> Vec<bool> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; n];
    let mut reversed = vec![false; ends.len()];
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        // An explicit stack of (node, next edge index to look at) keeps the walk iterative.
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(ei) = (*next..ends.len()).find(|&ei| ends[ei].0 == v) {
                *next = ei + 1;
                let w = ends[ei].1;
                match mark[w] {
                    Mark::New => {
                        mark[w] = Mark::Open;
                        stack.push((w, 0));
                    }
                    Mark::Open => reversed[ei] = true,
                    Mark::Done => {}
                }
            } else {
                mark[v] = Mark::Done;
                stack.pop();
            }
        }
    }
    reversed
}

/// Longest-path layering: a node sits one rank after the furthest of its predecessors.
fn ranks(n: usize, dag: &[(usize, usize)]) -> Vec<usize> {
    let mut rank = vec![0usize; n];
    // A DAG's longest path has at most n - 1 edges, so n rounds of relaxation settle it.
    for _ in 0..n {
        let mut changed = false;
        for &(a, b) in dag {
            if rank[b] < rank[a] + 1 {
                rank[b] = rank[a] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    rank
}

fn crossings(layers: &[Vec<usize>], items: &[Item], segs: &[(usize, usize)]) -> usize {
    let index_in_layer = |it: usize| {
        layers[items[it].layer]
            .iter()
            .position(|&x| x == it)
            .unwrap_or(0)
    };
    let placed: Vec<(usize, usize, usize)> = segs
        .iter()
        .map(|&(a, b)| (items[a].layer, index_in_layer(a), index_in_layer(b)))
        .collect();
    let mut count = 0;
    for (i, s) in placed.iter().enumerate() {
        for t in &placed[i + 1..] {
            if s.0 == t.0 && ((s.1 < t.1 && s.2 > t.2) || (s.1 > t.1 && s.2 < t.2)) {
                count += 1;
            }
        }
    }
    count
}

/// Least-squares positions for `want`, in order, each at least `sep[i]` after the one before it
/// (pool-adjacent-violators on the positions minus their cumulative separations).
fn place_line(want: &[f64], sep: &[f64]) -> Vec<f64> {
    let mut offset = vec![0.0; want.len()];
    for i in 1..want.len() {
        offset[i] = offset[i - 1] + sep[i - 1];
    }
    // Blocks of (mean, count) over the shifted targets.
    let mut blocks: Vec<(f64, usize)> = Vec::new();
    for (w, o) in want.iter().zip(&offset) {
        let mut block = (w - o, 1usize);
        while let Some(&(m, c)) = blocks.last() {
            if m <= block.0 {
                break;
            }
            blocks.pop();
            let total = c + block.1;
            block = (
                (m * c as f64 + block.0 * block.1 as f64) / total as f64,
                total,
            );
        }
        blocks.push(block);
    }
    let mut out = Vec::with_capacity(want.len());
    for (m, c) in blocks {
        for _ in 0..c {
            let i = out.len();
            out.push(m + offset[i]);
        }
    }
    out
}

/// Whether `item` belongs inside group `g`'s box (a node may be named by more than one group).
fn in_group(diagram: &Diagram, item: &Item, g: usize) -> bool {
    item.group == Some(g)
        || matches!(item.slot, Slot::Node(i) if diagram.groups[g].nodes.contains(&diagram.nodes[i].id))
}

/// Moves the wanted positions of a layer's non-members out of the span each group's box covers
/// across the flow (in the layers that box reaches), so a group box never covers another node or
/// label, nor another group's box.
fn keep_out_of_groups(
    diagram: &Diagram,
    items: &[Item],
    layer: &[usize],
    l: usize,
    mut want: Vec<f64>,
    lr: bool,
) -> Vec<f64> {
    for g in 0..diagram.groups.len() {
        let members: Vec<&Item> = items.iter().filter(|it| in_group(diagram, it, g)).collect();
        let (Some(first), Some(last)) = (
            members.iter().map(|it| it.layer).min(),
            members.iter().map(|it| it.layer).max(),
        ) else {
            continue;
        };
        if l < first || l > last {
            continue;
        }
        // In LR the caption sits on the low side of the order axis; in TB it is along the flow.
        let caption = if lr { CAPTION_H } else { 0.0 };
        let lo = members
            .iter()
            .map(|it| it.pos - it.across / 2.0)
            .fold(f64::INFINITY, f64::min)
            - GROUP_PAD
            - caption;
        let hi = members
            .iter()
            .map(|it| it.pos + it.across / 2.0)
            .fold(f64::NEG_INFINITY, f64::max)
            + GROUP_PAD;
        let centre = (lo + hi) / 2.0;
        for (k, &it) in layer.iter().enumerate() {
            let item = &items[it];
            if in_group(diagram, item, g) {
                continue;
            }
            let half = keep_out(diagram, item);
            if want[k] + half > lo && want[k] - half < hi {
                want[k] = if item.pos < centre {
                    lo - half
                } else {
                    hi + half
                };
            }
        }
    }
    want
}

/// How far an item's centre must stay from a group box it is not in: half its size and a gap,
/// plus room for its own group's padding and caption when it is in another group.
fn keep_out(diagram: &Diagram, item: &Item) -> f64 {
    let own_box = (0..diagram.groups.len()).any(|g| in_group(diagram, item, g));
    item.across / 2.0 + ORDER_GAP_VIRTUAL + if own_box { GROUP_PAD + CAPTION_H } else { 0.0 }
}

/// The span a group's box covers across the flow, and the layers it reaches.
fn group_span(
    diagram: &Diagram,
    items: &[Item],
    g: usize,
    lr: bool,
) -> Option<(f64, f64, usize, usize)> {
    let members: Vec<&Item> = items.iter().filter(|it| in_group(diagram, it, g)).collect();
    let first = members.iter().map(|it| it.layer).min()?;
    let last = members.iter().map(|it| it.layer).max()?;
    // In LR the caption sits on the low side of the order axis; in TB it is along the flow.
    let caption = if lr { CAPTION_H } else { 0.0 };
    let lo = members
        .iter()
        .map(|it| it.pos - it.across / 2.0)
        .fold(f64::INFINITY, f64::min)
        - GROUP_PAD
        - caption;
    let hi = members
        .iter()
        .map(|it| it.pos + it.across / 2.0)
        .fold(f64::NEG_INFINITY, f64::max)
        + GROUP_PAD;
    Some((lo, hi, first, last))
}

/// Moves every member of group `g` by `delta` across the flow, and pushes whatever is in the way
/// in their layers along with them, so each layer keeps its order and separations.
fn shift_group(
    diagram: &Diagram,
    items: &mut [Item],
    layers: &[Vec<usize>],
    seps: &[Vec<f64>],
    g: usize,
    delta: f64,
    lr: bool,
) {
    for (l, layer) in layers.iter().enumerate() {
        let mut moved = false;
        for &it in layer {
            if in_group(diagram, &items[it], g) {
                items[it].pos += delta;
                moved = true;
            }
        }
        if !moved {
            continue;
        }
        push_layer(items, layer, &seps[l], delta > 0.0);
    }
    // The side the group moved toward: clear it of non-members in every layer the box reaches,
    // or the next round would only move the group back.
    let Some((lo, hi, first, last)) = group_span(diagram, items, g, lr) else {
        return;
    };
    for l in first..=last {
        let layer = &layers[l];
        let first_member = layer
            .iter()
            .position(|&it| in_group(diagram, &items[it], g));
        for k in 0..layer.len() {
            let item = &items[layer[k]];
            if in_group(diagram, item, g) {
                continue;
            }
            let half = keep_out(diagram, item);
            let before = match first_member {
                Some(m) => k < m,
                None => item.pos < (lo + hi) / 2.0,
            };
            if delta < 0.0 && before {
                items[layer[k]].pos = items[layer[k]].pos.min(lo - half);
            } else if delta > 0.0 && !before {
                items[layer[k]].pos = items[layer[k]].pos.max(hi + half);
            }
        }
        push_layer(items, layer, &seps[l], delta > 0.0);
    }
}

/// Restores a layer's separations after a move, pushing forward (`down`) or backward.
fn push_layer(items: &mut [Item], layer: &[usize], sep: &[f64], down: bool) {
    if down {
        for j in 1..layer.len() {
            let limit = items[layer[j - 1]].pos + sep[j - 1];
            items[layer[j]].pos = items[layer[j]].pos.max(limit);
        }
    } else {
        for j in (0..layer.len().saturating_sub(1)).rev() {
            let limit = items[layer[j + 1]].pos - sep[j];
            items[layer[j]].pos = items[layer[j]].pos.min(limit);
        }
    }
}

/// The pull toward neighbours only asks non-members to keep out of group boxes; this makes it
/// hold, pushing each intruder (and whatever is beyond it in its layer) out of the way.
fn enforce_groups(
    diagram: &Diagram,
    items: &mut [Item],
    layers: &[Vec<usize>],
    seps: &[Vec<f64>],
    lr: bool,
) {
    // One fix per round, since each can widen another group; the bank's diagrams settle in far
    // fewer rounds than this bound, which only guarantees an end.
    for _ in 0..ENFORCE_ROUNDS {
        let mut changed = false;
        for g in 0..diagram.groups.len() {
            let Some((lo, hi, first, last)) = group_span(diagram, items, g, lr) else {
                continue;
            };
            for l in first..=last {
                let layer = &layers[l];
                let first_member = layer
                    .iter()
                    .position(|&it| in_group(diagram, &items[it], g));
                for k in 0..layer.len() {
                    let item = &items[layer[k]];
                    if in_group(diagram, item, g) {
                        continue;
                    }
                    let half = keep_out(diagram, item);
                    if !(item.pos + half > lo + 1e-6 && item.pos - half < hi - 1e-6) {
                        continue;
                    }
                    let before = match first_member {
                        Some(m) => k < m,
                        None => item.pos < (lo + hi) / 2.0,
                    };
                    changed = true;
                    // Moving the group, not the intruder: the bound may come from a member in a
                    // far layer, and pushing the intruder could only drive it into the next group.
                    let delta = if before {
                        item.pos + half - lo
                    } else {
                        item.pos - half - hi
                    };
                    shift_group(diagram, items, layers, seps, g, delta, lr);
                    break;
                }
                if changed {
                    break;
                }
            }
            if changed {
                break;
            }
        }
        if !changed {
            changed = separate_groups(diagram, items, layers, seps, lr);
        }
        if !changed {
            break;
        }
    }
}

/// Two group boxes that reach a common layer may still overlap where their bounds come from
/// members in different layers; moves the later of the first such pair clear of the other.
fn separate_groups(
    diagram: &Diagram,
    items: &mut [Item],
    layers: &[Vec<usize>],
    seps: &[Vec<f64>],
    lr: bool,
) -> bool {
    let shares_node = |a: usize, b: usize| {
        diagram.groups[a]
            .nodes
            .iter()
            .any(|id| diagram.groups[b].nodes.contains(id))
    };
    for g in 0..diagram.groups.len() {
        for h in g + 1..diagram.groups.len() {
            if shares_node(g, h) {
                continue;
            }
            let (Some(a), Some(b)) = (
                group_span(diagram, items, g, lr),
                group_span(diagram, items, h, lr),
            ) else {
                continue;
            };
            let layers_meet = a.2 <= b.3 && b.2 <= a.3;
            // A layer's gap keeps boxes apart along the flow, so only a shared layer matters.
            let gap = ORDER_GAP_VIRTUAL;
            if !layers_meet || a.1 + gap <= b.0 || b.1 + gap <= a.0 {
                continue;
            }
            let delta = if (b.0 + b.1) >= (a.0 + a.1) {
                a.1 + gap - b.0
            } else {
                -(b.1 + gap - a.0)
            };
            shift_group(diagram, items, layers, seps, h, delta, lr);
            return true;
        }
    }
    false
}

/// Lays the diagram out in layers along its direction.
///
/// Longest-path layering with every edge's label (or a bend point) in a layer of its own between
/// its ends, so labels never sit on one another; barycentre ordering over a few sweeps, keeping the
/// order with the fewest crossings and each group's members side by side; then positions across the
/// flow pulled toward neighbours while keeping boxes apart.
pub fn layout(diagram: &Diagram) -> Result<Layout, DiagramError> {
    let ends = resolve(diagram)?;
    let lr = diagram.direction == Direction::LR;
    let n = diagram.nodes.len();
    let reversed = reversed_edges(n, &ends);
    let dag: Vec<(usize, usize)> = ends
        .iter()
        .zip(&reversed)
        .map(|(&(a, b), &r)| if r { (b, a) } else { (a, b) })
        .collect();
    let rank = ranks(n, &dag);
    let group_of = |node: usize| {
        diagram
            .groups
            .iter()
            .position(|g| g.nodes.iter().any(|id| *id == diagram.nodes[node].id))
    };

    // Items: nodes on even layers, labels and bends on odd ones.
    let mut items: Vec<Item> = Vec::new();
    for (i, node) in diagram.nodes.iter().enumerate() {
        let (w, h) = node_size(node);
        let (along, across) = if lr { (w, h) } else { (h, w) };
        items.push(Item {
            slot: Slot::Node(i),
            layer: 2 * rank[i],
            along,
            across,
            group: group_of(i),
            pos: 0.0,
        });
    }
    // Each edge's chain of items from its layout source to its layout target.
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(dag.len());
    let mut segs: Vec<(usize, usize)> = Vec::new();
    for (ei, &(a, b)) in dag.iter().enumerate() {
        let shared = match (group_of(a), group_of(b)) {
            (Some(x), Some(y)) if x == y => Some(x),
            _ => None,
        };
        let mut chain = vec![a];
        for layer in 2 * rank[a] + 1..2 * rank[b] {
            let first = layer == 2 * rank[a] + 1;
            let (slot, (w, h)) = match (&diagram.edges[ei].label, first) {
                (Some(l), true) => (Slot::Label(ei), label_size(l)),
                _ => (Slot::Bend, (DUMMY_SIZE, DUMMY_SIZE)),
            };
            let (along, across) = if lr { (w, h) } else { (h, w) };
            items.push(Item {
                slot,
                layer,
                along,
                across,
                group: shared,
                pos: 0.0,
            });
            chain.push(items.len() - 1);
        }
        chain.push(b);
        for pair in chain.windows(2) {
            segs.push((pair[0], pair[1]));
        }
        chains.push(chain);
    }
    let layer_count = items.iter().map(|it| it.layer).max().unwrap_or(0) + 1;
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); layer_count];
    for (i, it) in items.iter().enumerate() {
        layers[it.layer].push(i);
    }
    let mut up: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    let mut down: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    for &(a, b) in &segs {
        down[a].push(b);
        up[b].push(a);
    }

    // Ordering within layers.
    let mut best = layers.clone();
    let mut best_cross = crossings(&layers, &items, &segs);
    for sweep in 0..SWEEPS {
        let downward = sweep % 2 == 0;
        let order: Vec<usize> = if downward {
            (1..layer_count).collect()
        } else {
            (0..layer_count.saturating_sub(1)).rev().collect()
        };
        for l in order {
            let mut group_keys = vec![0.0; diagram.groups.len()];
            for (g, key) in group_keys.iter_mut().enumerate() {
                let places: Vec<f64> = layers
                    .iter()
                    .flat_map(|layer| layer.iter().enumerate())
                    .filter(|(_, &it)| items[it].group == Some(g))
                    .map(|(p, _)| p as f64)
                    .collect();
                if !places.is_empty() {
                    *key = places.iter().sum::<f64>() / places.len() as f64;
                }
            }
            let neighbour_layer = if downward { l - 1 } else { l + 1 };
            let index_of = |it: usize| {
                layers[neighbour_layer]
                    .iter()
                    .position(|&x| x == it)
                    .map(|p| p as f64)
            };
            let keyed: Vec<(f64, usize, usize)> = layers[l]
                .iter()
                .enumerate()
                .map(|(p, &it)| {
                    let ns = if downward { &up[it] } else { &down[it] };
                    let found: Vec<f64> = ns.iter().filter_map(|&x| index_of(x)).collect();
                    let key = if found.is_empty() {
                        p as f64
                    } else {
                        found.iter().sum::<f64>() / found.len() as f64
                    };
                    (key, items[it].group.map_or(usize::MAX, |g| g), it)
                })
                .collect();
            // Members of a group share one key in every layer (their mean place over all layers),
            // so they sit side by side and the groups keep the same order from layer to layer,
            // which is what lets the group boxes stay clear of one another.
            let mut keyed: Vec<(f64, usize, f64, usize)> = keyed
                .into_iter()
                .map(|(key, g, it)| {
                    let shared = if g == usize::MAX { key } else { group_keys[g] };
                    (shared, g, key, it)
                })
                .collect();
            keyed.sort_by(|a, b| {
                a.0.total_cmp(&b.0)
                    .then(a.1.cmp(&b.1))
                    .then(a.2.total_cmp(&b.2))
            });
            layers[l] = keyed.into_iter().map(|k| k.3).collect();
        }
        let c = crossings(&layers, &items, &segs);
        if c < best_cross {
            best_cross = c;
            best = layers.clone();
        }
    }
    let layers = best;

    // Positions across the flow.
    let seps: Vec<Vec<f64>> = layers
        .iter()
        .map(|layer| {
            layer
                .windows(2)
                .map(|w| {
                    let (a, b) = (&items[w[0]], &items[w[1]]);
                    let real = matches!(a.slot, Slot::Node(_)) && matches!(b.slot, Slot::Node(_));
                    let mut gap = if real {
                        ORDER_GAP_REAL
                    } else {
                        ORDER_GAP_VIRTUAL
                    };
                    if a.group != b.group {
                        // Room for both groups' padding and a caption between them.
                        gap += 2.0 * GROUP_PAD + CAPTION_H;
                    }
                    (a.across + b.across) / 2.0 + gap
                })
                .collect()
        })
        .collect();
    for (layer, sep) in layers.iter().zip(&seps) {
        let mut p = 0.0;
        for (k, &it) in layer.iter().enumerate() {
            items[it].pos = p;
            p += sep.get(k).copied().unwrap_or(0.0);
        }
    }
    for round in 0..PLACE_ROUNDS {
        let order: Vec<usize> = if round % 2 == 0 {
            (0..layer_count).collect()
        } else {
            (0..layer_count).rev().collect()
        };
        for l in order {
            let want: Vec<f64> = layers[l]
                .iter()
                .map(|&it| {
                    let ns: Vec<f64> = up[it]
                        .iter()
                        .chain(&down[it])
                        .map(|&x| items[x].pos)
                        .collect();
                    if ns.is_empty() {
                        items[it].pos
                    } else {
                        ns.iter().sum::<f64>() / ns.len() as f64
                    }
                })
                .collect();
            let want = keep_out_of_groups(diagram, &items, &layers[l], l, want, lr);
            let placed = place_line(&want, &seps[l]);
            for (&it, p) in layers[l].iter().zip(placed) {
                items[it].pos = p;
            }
        }
    }

    enforce_groups(diagram, &mut items, &layers, &seps, lr);

    // Positions along the flow: each layer as thick as its thickest item.
    let gap = if lr { RANK_GAP_LR } else { RANK_GAP_TB };
    let mut layer_start = vec![0.0; layer_count];
    let mut layer_size = vec![0.0f64; layer_count];
    let mut at = 0.0;
    for l in 0..layer_count {
        layer_size[l] = layers[l]
            .iter()
            .map(|&it| items[it].along)
            .fold(0.0, f64::max);
        layer_start[l] = at;
        at += layer_size[l] + gap;
    }
    // (rank, order) to (x, y).
    let xy = |r: f64, o: f64| if lr { (r, o) } else { (o, r) };
    let rect_of = |it: &Item| {
        let r0 = layer_start[it.layer] + (layer_size[it.layer] - it.along) / 2.0;
        let (x, y) = xy(r0, it.pos - it.across / 2.0);
        let (w, h) = if lr {
            (it.along, it.across)
        } else {
            (it.across, it.along)
        };
        Rect { x, y, w, h }
    };

    let mut nodes: Vec<PlacedNode> = (0..n)
        .map(|i| PlacedNode {
            node: i,
            rect: rect_of(&items[i]),
        })
        .collect();
    let mut edges: Vec<PlacedEdge> = Vec::with_capacity(chains.len());
    for (ei, chain) in chains.iter().enumerate() {
        let mut pts = Vec::new();
        let last = chain.len() - 1;
        for (k, &it) in chain.iter().enumerate() {
            let item = &items[it];
            let r = rect_of(item);
            let (r_lo, r_hi) = if lr {
                (r.x, r.x + r.w)
            } else {
                (r.y, r.y + r.h)
            };
            match item.slot {
                Slot::Node(_) if k == 0 => pts.push(xy(r_hi, item.pos)),
                Slot::Node(_) => pts.push(xy(r_lo, item.pos)),
                _ if k != last => {
                    // Straight through the whole layer, so the curves meet it level.
                    let l = item.layer;
                    pts.push(xy(layer_start[l].min(r_lo), item.pos));
                    pts.push(xy((layer_start[l] + layer_size[l]).max(r_hi), item.pos));
                }
                _ => {}
            }
        }
        if reversed[ei] {
            pts.reverse();
        }
        let label = chain
            .iter()
            .find(|&&it| items[it].slot == Slot::Label(ei))
            .map(|&it| rect_of(&items[it]));
        edges.push(PlacedEdge {
            edge: ei,
            points: pts,
            label,
        });
    }
    let mut groups: Vec<PlacedGroup> = Vec::new();
    for (gi, g) in diagram.groups.iter().enumerate() {
        let members: Vec<Rect> = nodes
            .iter()
            .filter(|p| g.nodes.contains(&diagram.nodes[p.node].id))
            .map(|p| p.rect)
            .collect();
        if members.is_empty() {
            continue;
        }
        let x0 = members.iter().map(|r| r.x).fold(f64::INFINITY, f64::min) - GROUP_PAD;
        let y0 = members.iter().map(|r| r.y).fold(f64::INFINITY, f64::min) - GROUP_PAD - CAPTION_H;
        let x1 = members
            .iter()
            .map(|r| r.x + r.w)
            .fold(f64::NEG_INFINITY, f64::max)
            + GROUP_PAD;
        let y1 = members
            .iter()
            .map(|r| r.y + r.h)
            .fold(f64::NEG_INFINITY, f64::max)
            + GROUP_PAD;
        let caption_w = g.label.chars().count() as f64 * SMALL_CHAR + 2.0 * GROUP_PAD;
        groups.push(PlacedGroup {
            group: gi,
            rect: Rect {
                x: x0,
                y: y0,
                w: (x1 - x0).max(caption_w),
                h: y1 - y0,
            },
        });
    }

    // Move everything so the drawing starts at the margin.
    let mut min = (f64::INFINITY, f64::INFINITY);
    let mut max = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    let mut grow = |r: &Rect| {
        min = (min.0.min(r.x), min.1.min(r.y));
        max = (max.0.max(r.x + r.w), max.1.max(r.y + r.h));
    };
    nodes.iter().for_each(|p| grow(&p.rect));
    groups.iter().for_each(|p| grow(&p.rect));
    edges
        .iter()
        .filter_map(|e| e.label.as_ref())
        .for_each(&mut grow);
    for e in &edges {
        for &(x, y) in &e.points {
            grow(&Rect {
                x,
                y,
                w: 0.0,
                h: 0.0,
            });
        }
    }
    let (dx, dy) = (MARGIN - min.0, MARGIN - min.1);
    let shift = |r: &mut Rect| {
        r.x += dx;
        r.y += dy;
    };
    nodes.iter_mut().for_each(|p| shift(&mut p.rect));
    groups.iter_mut().for_each(|p| shift(&mut p.rect));
    for e in &mut edges {
        if let Some(l) = e.label.as_mut() {
            shift(l);
        }
        for p in &mut e.points {
            *p = (p.0 + dx, p.1 + dy);
        }
    }
    Ok(Layout {
        width: max.0 - min.0 + 2.0 * MARGIN,
        height: max.1 - min.1 + 2.0 * MARGIN,
        nodes,
        edges,
        groups,
    })
}

/// Escapes text for XML content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Lowercase ASCII letters and digits joined by single hyphens, so ids made from it are valid and
/// unique per page as long as titles are.
fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "diagram".to_string()
    } else {
        format!("diagram-{trimmed}")
    }
}

/// Numbers to one decimal, without a trailing `.0`, to keep the SVG small and stable.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn path_d(points: &[(f64, f64)], lr: bool) -> String {
    let mut d = String::new();
    let Some(&(x0, y0)) = points.first() else {
        return d;
    };
    let _ = write!(d, "M{},{}", num(x0), num(y0));
    for pair in points.windows(2) {
        let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
        if (lr && (ay - by).abs() < 0.05) || (!lr && (ax - bx).abs() < 0.05) {
            let _ = write!(d, "L{},{}", num(bx), num(by));
        } else if lr {
            let mx = (ax + bx) / 2.0;
            let _ = write!(
                d,
                "C{},{} {},{} {},{}",
                num(mx),
                num(ay),
                num(mx),
                num(by),
                num(bx),
                num(by)
            );
        } else {
            let my = (ay + by) / 2.0;
            let _ = write!(
                d,
                "C{},{} {},{} {},{}",
                num(ax),
                num(my),
                num(bx),
                num(my),
                num(bx),
                num(by)
            );
        }
    }
    d
}

fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Client => "client",
        NodeKind::Service => "service",
        NodeKind::Store => "store",
        NodeKind::Cache => "cache",
        NodeKind::Queue => "queue",
        NodeKind::External => "external",
    }
}

/// The outline of a node's shape; every shape stays inside the node's box.
fn shape(out: &mut String, kind: NodeKind, r: &Rect) {
    let (x, y, w, h) = (num(r.x), num(r.y), num(r.w), num(r.h));
    match kind {
        NodeKind::Service => {
            let _ = write!(
                out,
                r#"<rect class="shape" x="{x}" y="{y}" width="{w}" height="{h}" rx="10"/>"#
            );
        }
        NodeKind::Client => {
            let _ = write!(
                out,
                r#"<rect class="shape" x="{x}" y="{y}" width="{w}" height="{h}" rx="{}"/>"#,
                num(r.h / 2.0)
            );
        }
        NodeKind::External => {
            let _ = write!(
                out,
                r#"<rect class="shape" x="{x}" y="{y}" width="{w}" height="{h}" rx="4"/>"#
            );
        }
        NodeKind::Cache => {
            let _ = write!(
                out,
                r#"<rect class="shape" x="{x}" y="{y}" width="{w}" height="{h}" rx="4"/><rect class="shape-inner" x="{}" y="{}" width="{}" height="{}" rx="2"/>"#,
                num(r.x + 3.0),
                num(r.y + 3.0),
                num(r.w - 6.0),
                num(r.h - 6.0)
            );
        }
        NodeKind::Store => {
            // A cylinder: a body with a lens-shaped top, and the lid's front edge drawn again.
            let ry = 6.0;
            let (rx, top, bottom) = (r.w / 2.0, r.y + ry, r.y + r.h - ry);
            let _ = write!(
                out,
                r#"<path class="shape" d="M{x},{t}A{rx},{ry} 0 0 1 {x1},{t}V{b}A{rx},{ry} 0 0 1 {x},{b}Z"/><path class="shape-inner" d="M{x},{t}A{rx},{ry} 0 0 0 {x1},{t}"/>"#,
                t = num(top),
                b = num(bottom),
                rx = num(rx),
                ry = num(ry),
                x1 = num(r.x + r.w),
            );
        }
        NodeKind::Queue => {
            let _ = write!(
                out,
                r#"<rect class="shape" x="{x}" y="{y}" width="{w}" height="{h}" rx="2"/>"#
            );
            for off in [8.0, 14.0] {
                let lx = num(r.x + r.w - off);
                let _ = write!(
                    out,
                    r#"<path class="shape-inner" d="M{lx},{}V{}"/>"#,
                    num(r.y + 8.0),
                    num(r.y + r.h - 8.0)
                );
            }
        }
    }
}

fn direction_words(d: Direction) -> &'static str {
    match d {
        Direction::LR => "left to right",
        Direction::TB => "top to bottom",
    }
}

/// Draws the diagram as one self-contained `<svg>` that scales to its container: a `<title>` (the
/// given title) and a `<desc>` for assistive technology, real text throughout, and only CSS classes
/// for looks (`diagram`, `group`, `edge`, `edge-label`, `node node-<kind>`, `shape`), so the app's
/// stylesheet colours it in light and dark. Ids are prefixed with a slug of the title.
pub fn to_svg(diagram: &Diagram, title: &str) -> Result<String, DiagramError> {
    let lay = layout(diagram)?;
    let lr = diagram.direction == Direction::LR;
    let id = slug(title);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="diagram diagram-{dir}" viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="{id}-title" aria-describedby="{id}-desc">"#,
        dir = if lr { "lr" } else { "tb" },
        w = num(lay.width),
        h = num(lay.height),
    );
    let _ = write!(
        out,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{} components and {} connections, flowing {}; the list after the figure reads each connection.</desc>"#,
        escape(title),
        diagram.nodes.len(),
        diagram.edges.len(),
        direction_words(diagram.direction),
    );
    let _ = write!(
        out,
        r#"<defs><marker id="{id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="arrowhead" d="M0,0L10,5L0,10Z"/></marker></defs>"#
    );
    out.push_str(r#"<g class="groups">"#);
    for g in &lay.groups {
        let r = g.rect;
        let _ = write!(
            out,
            r#"<rect class="group" x="{}" y="{}" width="{}" height="{}" rx="8"/><text class="group-label" x="{}" y="{}">{}</text>"#,
            num(r.x),
            num(r.y),
            num(r.w),
            num(r.h),
            num(r.x + GROUP_PAD),
            num(r.y + CAPTION_H - 3.0),
            escape(&diagram.groups[g.group].label),
        );
    }
    out.push_str(r#"</g><g class="edges">"#);
    for e in &lay.edges {
        let _ = write!(
            out,
            r#"<path class="edge" d="{}" marker-end="url(#{id}-arrow)"/>"#,
            path_d(&e.points, lr)
        );
    }
    out.push_str("</g>");
    for e in &lay.edges {
        if let (Some(r), Some(text)) = (e.label, &diagram.edges[e.edge].label) {
            let _ = write!(
                out,
                r#"<rect class="edge-label-bg" x="{}" y="{}" width="{}" height="{}" rx="3"/><text class="edge-label" x="{}" y="{}" text-anchor="middle">{}</text>"#,
                num(r.x),
                num(r.y),
                num(r.w),
                num(r.h),
                num(r.x + r.w / 2.0),
                num(r.y + r.h / 2.0 + 4.0),
                escape(text),
            );
        }
    }
    for p in &lay.nodes {
        let node = &diagram.nodes[p.node];
        let r = p.rect;
        let _ = write!(out, r#"<g class="node node-{}">"#, kind_name(node.kind));
        shape(&mut out, node.kind, &r);
        // Queues keep their slot marks on the right, so their text centres in the rest.
        let text_w = if node.kind == NodeKind::Queue {
            r.w - QUEUE_EXTRA
        } else {
            r.w
        };
        let baseline = r.y
            + r.h / 2.0
            + 5.0
            + if node.kind == NodeKind::Store {
                3.0
            } else {
                0.0
            };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="middle">{}</text></g>"#,
            num(r.x + text_w / 2.0),
            num(baseline),
            escape(&node.label),
        );
    }
    out.push_str("</svg>");
    Ok(out)
}

/// The diagram as sentences, for the list under the figure: one per edge in file order
/// ("Browser → CDN edge: GET /{code}"), then one per group ("Redirect path: CDN edge, Redirect
/// service"). An id that names no node is shown as written.
pub fn text_equivalent(diagram: &Diagram) -> Vec<String> {
    let label = |id: &str| {
        diagram
            .nodes
            .iter()
            .find(|n| n.id == id)
            .map_or(id, |n| n.label.as_str())
            .to_string()
    };
    let mut lines: Vec<String> = diagram
        .edges
        .iter()
        .map(|e| match &e.label {
            Some(l) => format!("{} → {}: {}", label(&e.from), label(&e.to), l),
            None => format!("{} → {}", label(&e.from), label(&e.to)),
        })
        .collect();
    for g in &diagram.groups {
        let names: Vec<String> = g.nodes.iter().map(|id| label(id)).collect();
        lines.push(format!("{}: {}", g.label, names.join(", ")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Only the `[diagram]` key of an exercise's front matter; the rest is the parser's business.
    #[derive(Deserialize)]
    struct FrontMatter {
        diagram: Diagram,
    }

    fn designs() -> Vec<(String, String, Diagram)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/designs");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("assets/designs is readable")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        paths.sort();
        assert!(!paths.is_empty(), "no design exercises found");
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("a readable design file");
                let mut parts = text.split("+++\n");
                let front = parts.nth(1).expect("front matter between +++ lines");
                let fm: FrontMatter =
                    toml::from_str(front).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                let title = front
                    .lines()
                    .find_map(|l| l.strip_prefix("title = "))
                    .map(|t| t.trim_matches('"').to_string())
                    .unwrap_or_default();
                (p.display().to_string(), title, fm.diagram)
            })
            .collect()
    }

    fn node(id: &str, label: &str, kind: NodeKind) -> Node {
        Node {
            id: id.into(),
            label: label.into(),
            kind,
        }
    }

    fn edge(from: &str, to: &str, label: Option<&str>) -> Edge {
        Edge {
            from: from.into(),
            to: to.into(),
            label: label.map(Into::into),
        }
    }

    fn small(direction: Direction) -> Diagram {
        Diagram {
            direction,
            nodes: vec![
                node("a", "Client", NodeKind::Client),
                node("b", "API <v2> & \"edge\"", NodeKind::Service),
                node("c", "Store", NodeKind::Store),
                node("d", "Queue", NodeKind::Queue),
            ],
            edges: vec![
                edge("a", "b", Some("GET <x> & \"y\"")),
                edge("b", "c", None),
                edge("b", "d", Some("publish")),
                edge("d", "c", None),
            ],
            groups: vec![Group {
                label: "Back end".into(),
                nodes: vec!["c".into(), "d".into()],
            }],
        }
    }

    fn check_layout(name: &str, d: &Diagram) {
        let lay = layout(d).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (i, a) in lay.nodes.iter().enumerate() {
            for b in &lay.nodes[i + 1..] {
                assert!(
                    !a.rect.overlaps(&b.rect),
                    "{name}: `{}` overlaps `{}`",
                    d.nodes[a.node].id,
                    d.nodes[b.node].id
                );
            }
            for e in lay.edges.iter().filter_map(|e| e.label) {
                assert!(
                    !a.rect.overlaps(&e),
                    "{name}: an edge label covers `{}`",
                    d.nodes[a.node].id
                );
            }
        }
        for g in &lay.groups {
            let group = &d.groups[g.group];
            for p in &lay.nodes {
                let inside = group.nodes.contains(&d.nodes[p.node].id);
                if inside {
                    assert!(
                        g.rect.contains(&p.rect),
                        "{name}: group `{}` misses `{}`",
                        group.label,
                        d.nodes[p.node].id
                    );
                } else {
                    assert!(
                        !g.rect.overlaps(&p.rect),
                        "{name}: group `{}` covers `{}`",
                        group.label,
                        d.nodes[p.node].id
                    );
                }
            }
        }
        for (i, a) in lay.groups.iter().enumerate() {
            for b in &lay.groups[i + 1..] {
                let (ga, gb) = (&d.groups[a.group], &d.groups[b.group]);
                let nested = ga.nodes.iter().any(|id| gb.nodes.contains(id));
                assert!(
                    nested || !a.rect.overlaps(&b.rect),
                    "{name}: groups `{}` and `{}` overlap",
                    ga.label,
                    gb.label
                );
            }
        }
        match d.direction {
            Direction::LR => assert!(
                lay.width > lay.height * 0.8,
                "{name}: LR but {}x{}",
                lay.width,
                lay.height
            ),
            Direction::TB => assert!(
                lay.height > lay.width * 0.8,
                "{name}: TB but {}x{}",
                lay.width,
                lay.height
            ),
        }
        for e in &lay.edges {
            assert!(e.points.len() >= 2, "{name}: edge {} has no route", e.edge);
        }
    }

    #[test]
    fn every_design_lays_out_without_overlaps_and_renders_deterministically() {
        for (name, title, d) in designs() {
            check_layout(&name, &d);
            let svg = to_svg(&d, &title).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                svg,
                to_svg(&d, &title).expect("renders twice"),
                "{name}: not deterministic"
            );
            assert!(
                svg.starts_with("<svg ") && svg.ends_with("</svg>"),
                "{name}"
            );
            for n in &d.nodes {
                let text = format!(">{}</text>", escape(&n.label));
                assert_eq!(svg.matches(&text).count(), 1, "{name}: label `{}`", n.label);
            }
            assert!(
                !svg.contains("fill=\"#") && !svg.contains("font-family"),
                "{name}: colours or fonts inline"
            );
        }
    }

    #[test]
    fn the_small_diagram_lays_out_both_ways() {
        check_layout("small LR", &small(Direction::LR));
        check_layout("small TB", &small(Direction::TB));
        let lr = layout(&small(Direction::LR)).expect("lays out");
        let tb = layout(&small(Direction::TB)).expect("lays out");
        assert!(lr.width / lr.height > tb.width / tb.height);
    }

    #[test]
    fn text_is_escaped() {
        let svg = to_svg(&small(Direction::LR), "A <b> & \"c\"").expect("renders");
        assert!(svg.contains(">API &lt;v2&gt; &amp; &quot;edge&quot;</text>"));
        assert!(svg.contains(">GET &lt;x&gt; &amp; &quot;y&quot;</text>"));
        assert!(svg
            .contains("<title id=\"diagram-a-b-c-title\">A &lt;b&gt; &amp; &quot;c&quot;</title>"));
        assert!(!svg.contains("<v2>") && !svg.contains("& "));
    }

    #[test]
    fn ids_are_prefixed_with_the_title_slug() {
        let svg = to_svg(&small(Direction::TB), "Design a URL shortener").expect("renders");
        for id in ["-title", "-desc", "-arrow"] {
            assert!(
                svg.contains(&format!("id=\"diagram-design-a-url-shortener{id}\"")),
                "{id}"
            );
        }
        assert!(svg.contains("aria-labelledby=\"diagram-design-a-url-shortener-title\""));
        assert!(svg.contains("role=\"img\""));
    }

    #[test]
    fn a_cycle_still_lays_out_with_arrows_the_right_way() {
        let mut d = small(Direction::LR);
        d.edges.push(edge("c", "a", Some("back")));
        check_layout("cycle", &d);
        let lay = layout(&d).expect("lays out");
        let back = lay.edges.last().expect("the added edge");
        let end = *back.points.last().expect("a route");
        let a = lay.nodes[0].rect;
        // The arrow ends on the border of `a`, the edge's `to`.
        assert!(
            end.0 >= a.x - 0.1
                && end.0 <= a.x + a.w + 0.1
                && end.1 >= a.y - 0.1
                && end.1 <= a.y + a.h + 0.1
        );
    }

    #[test]
    fn a_missing_node_is_an_error_not_a_panic() {
        let mut d = small(Direction::LR);
        d.edges.push(edge("a", "nowhere", None));
        assert_eq!(
            to_svg(&d, "t"),
            Err(DiagramError::UnknownEdgeNode {
                edge: 4,
                id: "nowhere".into()
            })
        );
        let mut d = small(Direction::LR);
        d.groups[0].nodes.push("ghost".into());
        assert!(matches!(
            layout(&d),
            Err(DiagramError::UnknownGroupNode { .. })
        ));
        let mut d = small(Direction::LR);
        d.edges.push(edge("b", "b", None));
        assert!(matches!(layout(&d), Err(DiagramError::SelfLoop { .. })));
        let mut d = small(Direction::LR);
        d.nodes.push(node("a", "Again", NodeKind::Cache));
        assert!(matches!(
            layout(&d),
            Err(DiagramError::DuplicateNode { .. })
        ));
    }

    #[test]
    fn text_equivalent_reads_edges_then_groups() {
        let lines = text_equivalent(&small(Direction::LR));
        assert_eq!(lines[0], "Client → API <v2> & \"edge\": GET <x> & \"y\"");
        assert_eq!(lines[1], "API <v2> & \"edge\" → Store");
        assert_eq!(
            lines.last().map(String::as_str),
            Some("Back end: Store, Queue")
        );
        assert_eq!(lines.len(), 5);
    }

    #[test]
    fn place_line_keeps_separation() {
        let p = place_line(&[0.0, 0.0, 10.0], &[5.0, 5.0]);
        assert!(p[1] - p[0] >= 5.0 - 1e-9 && p[2] - p[1] >= 5.0 - 1e-9);
        assert_eq!(place_line(&[0.0, 20.0], &[5.0]), vec![0.0, 20.0]);
    }

    /// Writes every design's SVG to $DIAGRAM_DUMP (a directory) for looking at; skipped otherwise.
    #[test]
    fn dump_for_review() {
        let Ok(dir) = std::env::var("DIAGRAM_DUMP") else {
            return;
        };
        for (name, title, d) in designs() {
            let stem = Path::new(&name)
                .file_stem()
                .expect("a stem")
                .to_string_lossy()
                .to_string();
            let svg = to_svg(&d, &title).expect("renders");
            std::fs::write(Path::new(&dir).join(format!("{stem}.svg")), svg).expect("writable");
        }
    }
}
