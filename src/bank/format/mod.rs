//! The question-bank file format: parsing, validation and Markdown rendering.
//!
//! This file is compiled twice: by `build.rs` (which turns `assets/questions/` into static Rust data)
//! and, on the host only, as `backprep::bank::format` so that `cargo test` unit-tests it. It must
//! therefore depend on nothing but `serde`, `toml`, `pulldown-cmark` and its siblings `a11y` and
//! `words` (declared beside it in both).

pub mod quality;
pub mod signals;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Levels a question may have, in the order the app shows them.
pub const LEVELS: [&str; 3] = ["beginner", "intermediate", "advanced"];
/// The topic of behavioral and culture questions, which carry a weak/strong contrast.
pub const BEHAVIORAL_TOPIC: &str = "behavioral";
/// Body length rule, in whitespace-separated words of the Markdown source.
pub const BODY_WORDS: (usize, usize) = (200, 500);
/// Advanced answers may run longer: they owe the numbers and failure modes of what they propose.
pub const ADVANCED_BODY_WORDS: (usize, usize) = (200, 650);

/// The body length rule for a question of `level`.
pub fn body_words(level: &str) -> (usize, usize) {
    if level == "advanced" {
        ADVANCED_BODY_WORDS
    } else {
        BODY_WORDS
    }
}

/// One problem found in the bank: which file, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankError {
    /// Path of the offending file, as given to the parser.
    pub path: String,
    /// The front-matter field (or `body`, `front matter`, `id`), if the problem is in one.
    pub field: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{}: {}: {}", self.path, field, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

fn err(path: &str, field: Option<&str>, message: impl Into<String>) -> BankError {
    BankError {
        path: path.to_string(),
        field: field.map(str::to_string),
        message: message.into(),
    }
}

/// A topic from `topics.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable kebab-case id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One-line description.
    pub description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    topic: Vec<Topic>,
}

/// Markdown rendered twice: as HTML for display and as plain text for search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rendered {
    /// Safe HTML (raw HTML in the source is rejected, so this holds only pulldown-cmark's output).
    pub html: String,
    /// The visible text, whitespace-collapsed.
    pub text: String,
}

/// A multiple-choice check, validated and rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// The question asked.
    pub prompt: Rendered,
    /// 3–5 options.
    pub options: Vec<Rendered>,
    /// 0-based index of the right option.
    pub answer: usize,
    /// Why the right option is right (and the tempting one wrong).
    pub explanation: Rendered,
}

/// One validated question file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The file stem: kebab-case, stable forever.
    pub id: String,
    /// Main wording.
    pub question: String,
    /// One of [`LEVELS`].
    pub level: String,
    /// 1–3 topic ids.
    pub topics: Vec<String>,
    /// Other wordings of the same question, verbatim.
    pub also_asked_as: Vec<String>,
    /// The 20-second answer.
    pub summary: Rendered,
    /// The self-grading rubric.
    pub key_points: Vec<Rendered>,
    /// Per key point, its signals' alternatives in the matcher's normal form (see [`signals`]);
    /// empty when the file has none.
    pub signals: Vec<Vec<String>>,
    /// Likely next questions.
    pub follow_ups: Vec<String>,
    /// Ids of related questions.
    pub related: Vec<String>,
    /// Multiple-choice checks.
    pub checks: Vec<Check>,
    /// The detailed answer.
    pub answer: Rendered,
    /// What a weak or wrong answer says, and why an interviewer marks it down.
    pub pitfalls: Vec<Rendered>,
    /// For behavioral questions: a weak answer set against a strong one.
    pub contrast: Option<Contrast>,
    /// Words in the Markdown body.
    pub words: usize,
}

/// A weak answer set against a strong one (behavioral questions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contrast {
    /// What a weak answer does.
    pub weak: Rendered,
    /// What a strong answer does instead.
    pub strong: Rendered,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    prompt: String,
    options: Vec<String>,
    answer: i64,
    explanation: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    question: String,
    level: String,
    topics: Vec<String>,
    #[serde(default)]
    also_asked_as: Vec<String>,
    summary: String,
    key_points: Vec<String>,
    signals: Option<Vec<Vec<String>>>,
    follow_ups: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    pitfalls: Vec<String>,
    weak_answer: Option<String>,
    strong_answer: Option<String>,
    #[serde(default)]
    check: Vec<RawCheck>,
}

/// Longest question id: one exported progress file is read back with the same rule
/// (`transfer::MAX_ID_CHARS`), so every id the bank can have can be exported and imported.
pub const MAX_ID_CHARS: usize = 100;

/// True for lowercase kebab-case: `a-z0-9` words joined by single hyphens.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Folds a wording for duplicate detection: lowercase, punctuation and extra spaces removed.
pub fn normalize_wording(s: &str) -> String {
    let lowered = s.to_lowercase().replace('\u{2019}', "'");
    let mut out = String::with_capacity(lowered.len());
    let mut pending_space = false;
    for c in lowered.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// Splits `+++\n<toml>\n+++\n<body>` into its two parts.
pub fn split_front_matter(text: &str) -> Result<(&str, &str), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("the file must start with a `+++` line opening the TOML front matter")?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "+++" {
            return Ok((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err("no closing `+++` line after the TOML front matter".into())
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown to HTML and plain text, refusing raw HTML.
///
/// `block` allows block structure (headings from level 3, lists, code, tables); otherwise the text
/// must be a single paragraph of inline Markdown and is rendered without the `<p>` wrapper.
pub fn render_markdown(source: &str, block: bool) -> Result<Rendered, String> {
    let mut events = Vec::new();
    let mut text = String::new();
    let mut problems = Vec::new();
    for event in Parser::new_ext(source, markdown_options()) {
        match &event {
            Event::Html(h) | Event::InlineHtml(h) => {
                problems.push(format!("raw HTML is not allowed: `{}`", h.trim()));
            }
            Event::Start(Tag::Heading { level, .. }) if !block || *level < HeadingLevel::H3 => {
                problems.push(format!(
                    "headings must be level 3 (`###`) or deeper, found {level:?}"
                ));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                if !block {
                    problems.push("code blocks are not allowed here".into());
                }
                if let CodeBlockKind::Fenced(lang) = kind {
                    if lang.trim().is_empty() {
                        problems.push(
                            "a fenced code block needs a language (```sql, ```http, …)".into(),
                        );
                    }
                } else {
                    problems
                        .push("use fenced code blocks (```lang) rather than indentation".into());
                }
            }
            Event::Start(Tag::Image { .. }) => problems.push("images are not allowed".into()),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(problem) = link_problem(dest_url) {
                    problems.push(problem);
                }
            }
            Event::Start(
                Tag::List(_) | Tag::Table(_) | Tag::BlockQuote(_) | Tag::Heading { .. },
            ) if !block => problems.push("only inline Markdown is allowed here".into()),
            Event::Text(t) | Event::Code(t) => {
                text.push_str(t);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
        events.push(event);
    }
    if !problems.is_empty() {
        problems.dedup();
        return Err(problems.join("; "));
    }
    if !block {
        // Drop the single paragraph wrapper so the result can sit inside a <li> or <p>.
        let paragraphs = events
            .iter()
            .filter(|e| matches!(e, Event::Start(Tag::Paragraph)))
            .count();
        if paragraphs > 1 {
            return Err("must be a single paragraph".into());
        }
        events.retain(|e| {
            !matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        });
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Ok(Rendered {
        html: super::a11y::accessible(&html),
        text: collapse_whitespace(&text),
    })
}

/// Schemes a link in the bank may use; a link without a scheme (relative, or `#fragment`) is fine.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Why a link to `dest` (as pulldown-cmark gives it, entities decoded) is refused, if it is: a
/// scheme other than [`LINK_SCHEMES`] (`javascript:`, `data:`, `vbscript:`, `file:`…). Browsers
/// drop ASCII tabs and newlines and leading spaces or control characters before reading a scheme,
/// so they are dropped here too before looking.
pub fn link_problem(dest: &str) -> Option<String> {
    let seen: String = dest
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = seen.find([':', '/', '?', '#'])?;
    if !seen[end..].starts_with(':') {
        return None;
    }
    let scheme = &seen[..end];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if is_scheme && LINK_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
        return None;
    }
    Some(format!(
        "a link may be http, https, mailto or relative, found `{}`",
        dest.chars().take(60).collect::<String>()
    ))
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses `topics.toml`.
pub fn parse_topics(path: &str, text: &str) -> Result<Vec<Topic>, Vec<BankError>> {
    let file: TopicsFile =
        toml::from_str(text).map_err(|e| vec![err(path, None, format!("unreadable TOML: {e}"))])?;
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, t) in file.topic.iter().enumerate() {
        let field = format!("topic[{i}]");
        if !is_kebab_case(&t.id) {
            errors.push(err(
                path,
                Some(&field),
                format!("id `{}` is not lowercase kebab-case", t.id),
            ));
        }
        if !seen.insert(t.id.clone()) {
            errors.push(err(
                path,
                Some(&field),
                format!("duplicate topic id `{}`", t.id),
            ));
        }
        if t.name.trim().is_empty() || t.description.trim().is_empty() {
            errors.push(err(
                path,
                Some(&field),
                "name and description must not be empty",
            ));
        }
    }
    if file.topic.is_empty() {
        errors.push(err(path, Some("topic"), "no topics defined"));
    }
    if errors.is_empty() {
        Ok(file.topic)
    } else {
        Err(errors)
    }
}

fn nonempty_list(
    path: &str,
    field: &str,
    items: &[String],
    range: (usize, usize),
    errors: &mut Vec<BankError>,
) {
    if items.len() < range.0 || items.len() > range.1 {
        errors.push(err(
            path,
            Some(field),
            format!(
                "needs {}–{} entries, found {}",
                range.0,
                range.1,
                items.len()
            ),
        ));
    }
    for (i, item) in items.iter().enumerate() {
        if item.trim().is_empty() {
            errors.push(err(
                path,
                Some(&format!("{field}[{i}]")),
                "must not be empty",
            ));
        }
    }
}

fn rendered_inline(path: &str, field: &str, source: &str, errors: &mut Vec<BankError>) -> Rendered {
    if source.trim().is_empty() {
        errors.push(err(path, Some(field), "must not be empty"));
        return Rendered::default();
    }
    render_markdown(source, false).unwrap_or_else(|e| {
        errors.push(err(path, Some(field), e));
        Rendered::default()
    })
}

/// Parses and validates one question file on its own (cross-file rules are in [`validate_bank`]).
///
/// In four parts, whose problems are reported in this order: the file name (`id_rules`); the
/// front matter read as TOML (`front_matter`, which alone stops the parse); the rules on its
/// fields (`field_rules`), its key points' signals ([`signals::rules`]) and its checks
/// (`checks`); the sections shown below the answer and the answer itself (`sections`).
pub fn parse_question(
    path: &str,
    id: &str,
    text: &str,
    topics: &[Topic],
) -> Result<Question, Vec<BankError>> {
    let mut errors = Vec::new();
    id_rules(path, id, &mut errors);
    let (raw, body) = front_matter(path, text)?;
    let (summary, key_points) = field_rules(path, id, &raw, topics, &mut errors);
    let signals = signals::rules(
        path,
        &raw.question,
        raw.key_points.len(),
        raw.signals.as_deref(),
        signals::SIGNALS_REQUIRED,
        &mut errors,
    );
    let checks = checks(path, &raw.check, &mut errors);
    let Sections {
        pitfalls,
        contrast,
        words,
        answer,
    } = sections(path, &raw, body, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Question {
        id: id.to_string(),
        question: raw.question.trim().to_string(),
        level: raw.level,
        topics: raw.topics,
        also_asked_as: raw
            .also_asked_as
            .iter()
            .map(|w| w.trim().to_string())
            .collect(),
        summary,
        key_points,
        signals,
        follow_ups: raw.follow_ups,
        related: raw.related,
        checks,
        answer,
        pitfalls,
        contrast,
        words,
    })
}

/// The file name's rules: the id is lowercase kebab-case and at most [`MAX_ID_CHARS`] long.
fn id_rules(path: &str, id: &str, errors: &mut Vec<BankError>) {
    if !is_kebab_case(id) {
        errors.push(err(
            path,
            Some("id"),
            format!("file name `{id}` is not lowercase kebab-case (a-z, 0-9, single hyphens)"),
        ));
    }
    if id.len() > MAX_ID_CHARS {
        errors.push(err(
            path,
            Some("id"),
            format!("file name `{id}` is longer than {MAX_ID_CHARS} characters"),
        ));
    }
}

/// The front matter read as TOML, and the Markdown body after it. A file whose front matter
/// cannot be read has nothing more to check: its one problem is returned alone.
fn front_matter<'t>(path: &str, text: &'t str) -> Result<(RawQuestion, &'t str), Vec<BankError>> {
    let (front, body) =
        split_front_matter(text).map_err(|m| vec![err(path, Some("front matter"), m)])?;
    let raw: RawQuestion = toml::from_str(front).map_err(|e| {
        let msg = e
            .to_string()
            .replace('\n', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        vec![err(
            path,
            Some("front matter"),
            format!("unreadable TOML: {msg}"),
        )]
    })?;
    Ok((raw, body))
}

/// The rules on the front matter's fields, from the wording to the related questions; returns
/// the summary and key points rendered.
fn field_rules(
    path: &str,
    id: &str,
    raw: &RawQuestion,
    topics: &[Topic],
    errors: &mut Vec<BankError>,
) -> (Rendered, Vec<Rendered>) {
    if raw.question.trim().is_empty() {
        errors.push(err(path, Some("question"), "must not be empty"));
    }
    if !LEVELS.contains(&raw.level.as_str()) {
        errors.push(err(
            path,
            Some("level"),
            format!(
                "unknown level `{}` (expected one of {})",
                raw.level,
                LEVELS.join(", ")
            ),
        ));
    }
    nonempty_list(path, "topics", &raw.topics, (1, 3), errors);
    for t in &raw.topics {
        if !topics.iter().any(|k| &k.id == t) {
            errors.push(err(
                path,
                Some("topics"),
                format!("unknown topic `{t}` (not in topics.toml)"),
            ));
        }
    }
    for (i, w) in raw.also_asked_as.iter().enumerate() {
        if w.trim().is_empty() {
            errors.push(err(
                path,
                Some(&format!("also_asked_as[{i}]")),
                "must not be empty",
            ));
        }
    }
    let summary = rendered_inline(path, "summary", &raw.summary, errors);
    if summary.text.len() > 600 {
        errors.push(err(
            path,
            Some("summary"),
            format!(
                "{} characters; keep it to a 20-second answer (≤ 600)",
                summary.text.len()
            ),
        ));
    }
    nonempty_list(path, "key_points", &raw.key_points, (3, 6), errors);
    let key_points = raw
        .key_points
        .iter()
        .enumerate()
        .map(|(i, k)| rendered_inline(path, &format!("key_points[{i}]"), k, errors))
        .collect();
    nonempty_list(path, "follow_ups", &raw.follow_ups, (2, 4), errors);
    nonempty_list(path, "related", &raw.related, (2, 5), errors);
    if raw.related.iter().any(|r| r == id) {
        errors.push(err(
            path,
            Some("related"),
            "a question cannot be related to itself",
        ));
    }
    let mut related_seen = BTreeSet::new();
    for r in &raw.related {
        if !related_seen.insert(r) {
            errors.push(err(path, Some("related"), format!("`{r}` is listed twice")));
        }
    }
    (summary, key_points)
}

/// The multiple-choice checks, each rendered and checked: 3–5 distinct options, an answer among
/// them.
fn checks(path: &str, raw: &[RawCheck], errors: &mut Vec<BankError>) -> Vec<Check> {
    raw.iter()
        .enumerate()
        .map(|(i, c)| check(path, i, c, errors))
        .collect()
}

/// Check `i` of the file, rendered and checked.
fn check(path: &str, i: usize, c: &RawCheck, errors: &mut Vec<BankError>) -> Check {
    let f = format!("check[{i}]");
    let prompt = rendered_inline(path, &format!("{f}.prompt"), &c.prompt, errors);
    if c.options.len() < 3 || c.options.len() > 5 {
        errors.push(err(
            path,
            Some(&format!("{f}.options")),
            format!("needs 3–5 options, found {}", c.options.len()),
        ));
    }
    let options: Vec<Rendered> = c
        .options
        .iter()
        .enumerate()
        .map(|(j, o)| rendered_inline(path, &format!("{f}.options[{j}]"), o, errors))
        .collect();
    let mut distinct = BTreeSet::new();
    for o in &c.options {
        if !distinct.insert(normalize_wording(o)) {
            errors.push(err(
                path,
                Some(&format!("{f}.options")),
                format!("option `{o}` appears twice"),
            ));
        }
    }
    if c.answer < 0 || c.answer as usize >= c.options.len() {
        errors.push(err(
            path,
            Some(&format!("{f}.answer")),
            format!(
                "index {} is out of range for {} options (0-based)",
                c.answer,
                c.options.len()
            ),
        ));
    }
    let explanation = rendered_inline(path, &format!("{f}.explanation"), &c.explanation, errors);
    Check {
        prompt,
        options,
        answer: c.answer.max(0) as usize,
        explanation,
    }
}

/// What a question shows besides its front matter's fields: pitfalls, the weak and strong
/// answers set side by side, and the answer (the Markdown body) with its word count.
struct Sections {
    pitfalls: Vec<Rendered>,
    contrast: Option<Contrast>,
    words: usize,
    answer: Rendered,
}

/// The sections rendered, with their rules: a weak answer comes with a strong one (and the other
/// way round), and the body's length suits the level.
fn sections(path: &str, raw: &RawQuestion, body: &str, errors: &mut Vec<BankError>) -> Sections {
    let pitfalls = raw
        .pitfalls
        .iter()
        .enumerate()
        .map(|(i, p)| rendered_inline(path, &format!("pitfalls[{i}]"), p, errors))
        .collect();
    let contrast = match (&raw.weak_answer, &raw.strong_answer) {
        (None, None) => None,
        (Some(weak), Some(strong)) => Some(Contrast {
            weak: rendered_inline(path, "weak_answer", weak, errors),
            strong: rendered_inline(path, "strong_answer", strong, errors),
        }),
        (Some(_), None) => {
            errors.push(err(
                path,
                Some("strong_answer"),
                "missing: `weak_answer` needs a `strong_answer` to set it against",
            ));
            None
        }
        (None, Some(_)) => {
            errors.push(err(
                path,
                Some("weak_answer"),
                "missing: `strong_answer` needs a `weak_answer` to set it against",
            ));
            None
        }
    };

    let words = body.split_whitespace().count();
    let limits = body_words(&raw.level);
    if words < limits.0 || words > limits.1 {
        errors.push(err(
            path,
            Some("body"),
            format!(
                "{words} words; the answer must have {}–{}",
                limits.0, limits.1
            ),
        ));
    }
    let answer = render_markdown(body, true).unwrap_or_else(|e| {
        errors.push(err(path, Some("body"), e));
        Rendered::default()
    });
    Sections {
        pitfalls,
        contrast,
        words,
        answer,
    }
}

/// A validated bank: topics and questions in a stable order (by id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    /// Topics in `topics.toml` order.
    pub topics: Vec<Topic>,
    /// Questions in bank order.
    pub questions: Vec<Question>,
}

/// One question file as read from disk: its path (for messages), its stem (the id) and its text.
pub struct SourceFile {
    /// Path used in error messages.
    pub path: String,
    /// The file stem.
    pub id: String,
    /// The contents, or the reason it could not be read.
    pub text: Result<String, String>,
}

/// Parses every file and applies the cross-file rules: duplicate ids, duplicate wordings, dangling
/// `related` ids. Returns every error found, not just the first.
pub fn validate_bank(
    topics_path: &str,
    topics_text: &str,
    files: Vec<SourceFile>,
) -> Result<Bank, Vec<BankError>> {
    let topics = parse_topics(topics_path, topics_text)?;
    let mut errors = Vec::new();
    let mut questions = Vec::new();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for f in &files {
        if let Some(first) = ids.insert(f.id.clone(), f.path.clone()) {
            errors.push(err(
                &f.path,
                Some("id"),
                format!("duplicate id `{}` (also {first})", f.id),
            ));
        }
        match &f.text {
            Err(e) => errors.push(err(&f.path, None, format!("unreadable file: {e}"))),
            Ok(text) => match parse_question(&f.path, &f.id, text, &topics) {
                Ok(q) => questions.push((f.path.clone(), q)),
                Err(mut e) => errors.append(&mut e),
            },
        }
    }
    let mut wordings: BTreeMap<String, String> = BTreeMap::new();
    for (path, q) in &questions {
        let mut own = BTreeSet::new();
        for (field, w) in std::iter::once(("question", &q.question))
            .chain(q.also_asked_as.iter().map(|w| ("also_asked_as", w)))
        {
            let key = normalize_wording(w);
            if !own.insert(key.clone()) {
                errors.push(err(
                    path,
                    Some(field),
                    format!("wording `{w}` is repeated in this file"),
                ));
            } else if let Some(other) = wordings.get(&key) {
                errors.push(err(
                    path,
                    Some(field),
                    format!("wording `{w}` is already used by {other}"),
                ));
            } else {
                wordings.insert(key, path.clone());
            }
        }
    }
    for (path, q) in &questions {
        for r in &q.related {
            if !ids.contains_key(r) {
                errors.push(err(
                    path,
                    Some("related"),
                    format!("names `{r}`, which is not a question id in the bank"),
                ));
            }
        }
    }
    // The quality rules: enough checks, pitfalls, checks not gameable by length or position.
    errors.extend(
        questions
            .iter()
            .flat_map(|(path, q)| quality::question_errors(path, q)),
    );
    let bank_path = topics_path
        .rsplit_once(['/', '\\'])
        .map_or(".", |(dir, _)| dir);
    let all: Vec<Question> = questions.iter().map(|(_, q)| q.clone()).collect();
    errors.extend(quality::bank_errors(bank_path, &all));
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut questions: Vec<Question> = questions.into_iter().map(|(_, q)| q).collect();
    signals::mark_common(&mut questions);
    // Bank order reads like a syllabus: by first topic (in topics.toml order), then level, then id.
    let topic_rank = |q: &Question| {
        topics
            .iter()
            .position(|t| t.id == q.topics[0])
            .unwrap_or(usize::MAX)
    };
    let level_rank = |q: &Question| {
        LEVELS
            .iter()
            .position(|l| *l == q.level)
            .unwrap_or(usize::MAX)
    };
    questions.sort_by(|a, b| {
        (topic_rank(a), level_rank(a), &a.id).cmp(&(topic_rank(b), level_rank(b), &b.id))
    });
    Ok(Bank { topics, questions })
}

/// Reads `topics.toml` and every `*.md` file of a bank folder, then validates them.
pub fn load_bank_dir(dir: &std::path::Path) -> Result<Bank, Vec<BankError>> {
    let topics_path = dir.join("topics.toml");
    let topics_shown = topics_path.display().to_string();
    let topics_text = std::fs::read_to_string(&topics_path)
        .map_err(|e| vec![err(&topics_shown, None, format!("unreadable file: {e}"))])?;
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![err(
            &dir.display().to_string(),
            None,
            format!("unreadable folder: {e}"),
        )]
    })?;
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let files = paths
        .into_iter()
        .map(|p| SourceFile {
            path: p.display().to_string(),
            id: p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            text: std::fs::read_to_string(&p).map_err(|e| e.to_string()),
        })
        .collect();
    validate_bank(&topics_shown, &topics_text, files)
}

#[cfg(test)]
mod tests;
