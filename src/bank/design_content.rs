//! A design exercise's content: everything but what listing needs, rendered to HTML at build time
//! and shipped as one JSON file per exercise (`data/d/<id>.<hash>.json`), like a question's
//! ([`super::content`]). A prerendered exercise page carries its own inline; the practice round
//! fetches it; the service worker keeps the files a visit used.

use super::content::CheckText;
use crate::capacity::Inputs;
use serde::{Deserialize, Serialize};

/// A clarifying question with the interviewer's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClarifyText {
    /// What a strong candidate asks (plain text).
    pub question: String,
    /// What the interviewer answers (inline HTML).
    pub answer: String,
}

/// One exercise's content. Every HTML field holds pulldown-cmark output from a file with no raw
/// HTML in it (the validator refuses any), or the SVG the build drew, so it is safe to insert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DesignContent {
    /// The exercise id.
    pub id: String,
    /// The prompt as the interviewer says it (plain text).
    pub prompt: String,
    /// The clarifying questions, in the file's order.
    pub clarify: Vec<ClarifyText>,
    /// `## Requirements` (block HTML, without its heading; likewise below).
    pub requirements: String,
    /// `## Estimate`.
    pub estimate: String,
    /// `## API and data model`.
    pub api: String,
    /// `## High-level design`.
    pub design: String,
    /// `## Deep dives`.
    pub deep_dives: String,
    /// `## Bottlenecks and failure modes`.
    pub bottlenecks: String,
    /// `## What a senior answer adds`.
    pub senior: String,
    /// The high-level design drawn as SVG (with its own `<title>` and `<desc>`).
    pub diagram_svg: String,
    /// The diagram in words: one sentence per arrow and group.
    pub diagram_text: Vec<String>,
    /// The rubric: per stage, in stage order: clarify, estimate, api, design, deep_dive, wrap_up, its key points (inline HTML).
    pub rubric: Vec<Vec<String>>,
    /// What weak answers do (inline HTML each).
    pub pitfalls: Vec<String>,
    /// What the interviewer asks next (plain text).
    pub follow_ups: Vec<String>,
    /// The multiple-choice checks' text, in the order of the index's check keys.
    pub checks: Vec<CheckText>,
    /// The calculator's inputs, filled in with the exercise's numbers.
    pub inputs: Inputs,
}

/// The part of an exercise's content file a quiz reads: its id and checks (the rest of the file
/// is skipped when parsed).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DesignChecks {
    /// The exercise id.
    pub id: String,
    /// The multiple-choice checks' text, in the order of the index's check keys.
    pub checks: Vec<CheckText>,
}
