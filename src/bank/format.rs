//! The question-bank file format: parsing, validation and Markdown rendering.
//!
//! This file is compiled twice: by `build.rs` (which turns `assets/questions/` into static Rust data)
//! and, on the host only, as `backprep::bank::format` so that `cargo test` unit-tests it. It must
//! therefore depend on nothing but `serde`, `toml` and `pulldown-cmark`.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Levels a question may have, in the order the app shows them.
pub const LEVELS: [&str; 3] = ["beginner", "intermediate", "advanced"];
/// The topic whose questions may go without a multiple-choice check.
pub const BEHAVIORAL_TOPIC: &str = "behavioral";
/// Body length rule, in whitespace-separated words of the Markdown source.
pub const BODY_WORDS: (usize, usize) = (200, 500);

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
    /// Likely next questions.
    pub follow_ups: Vec<String>,
    /// Ids of related questions.
    pub related: Vec<String>,
    /// Multiple-choice checks.
    pub checks: Vec<Check>,
    /// The detailed answer.
    pub answer: Rendered,
    /// Words in the Markdown body.
    pub words: usize,
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
    follow_ups: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
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
pub fn parse_question(
    path: &str,
    id: &str,
    text: &str,
    topics: &[Topic],
) -> Result<Question, Vec<BankError>> {
    let mut errors = Vec::new();
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
    nonempty_list(path, "topics", &raw.topics, (1, 3), &mut errors);
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
    let summary = rendered_inline(path, "summary", &raw.summary, &mut errors);
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
    nonempty_list(path, "key_points", &raw.key_points, (3, 6), &mut errors);
    let key_points = raw
        .key_points
        .iter()
        .enumerate()
        .map(|(i, k)| rendered_inline(path, &format!("key_points[{i}]"), k, &mut errors))
        .collect();
    nonempty_list(path, "follow_ups", &raw.follow_ups, (2, 4), &mut errors);
    nonempty_list(path, "related", &raw.related, (2, 5), &mut errors);
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
    let behavioral = raw.topics.iter().any(|t| t == BEHAVIORAL_TOPIC);
    if raw.check.is_empty() && !behavioral {
        errors.push(err(
            path,
            Some("check"),
            "at least one [[check]] is required (only behavioral questions may have none)",
        ));
    }
    let mut checks = Vec::new();
    for (i, c) in raw.check.iter().enumerate() {
        let f = format!("check[{i}]");
        let prompt = rendered_inline(path, &format!("{f}.prompt"), &c.prompt, &mut errors);
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
            .map(|(j, o)| rendered_inline(path, &format!("{f}.options[{j}]"), o, &mut errors))
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
        let explanation = rendered_inline(
            path,
            &format!("{f}.explanation"),
            &c.explanation,
            &mut errors,
        );
        checks.push(Check {
            prompt,
            options,
            answer: c.answer.max(0) as usize,
            explanation,
        });
    }

    let words = body.split_whitespace().count();
    if words < BODY_WORDS.0 || words > BODY_WORDS.1 {
        errors.push(err(
            path,
            Some("body"),
            format!(
                "{words} words; the answer must have {}–{}",
                BODY_WORDS.0, BODY_WORDS.1
            ),
        ));
    }
    let answer = render_markdown(body, true).unwrap_or_else(|e| {
        errors.push(err(path, Some("body"), e));
        Rendered::default()
    });

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
        follow_ups: raw.follow_ups,
        related: raw.related,
        checks,
        answer,
        words,
    })
}

/// A validated bank: topics and questions in a stable order (by id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    /// Topics in `topics.toml` order.
    pub topics: Vec<Topic>,
    /// Questions sorted by id.
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
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut questions: Vec<Question> = questions.into_iter().map(|(_, q)| q).collect();
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
mod tests {
    use super::*;

    const TOPICS: &str = r#"
[[topic]]
id = "http-apis"
name = "HTTP & APIs"
description = "HTTP."

[[topic]]
id = "behavioral"
name = "Behavioral"
description = "People."
"#;

    fn body(words: usize) -> String {
        let mut s = String::from("### Why\n\n");
        s.push_str(&"word ".repeat(words.saturating_sub(2)));
        s.push('\n');
        s
    }

    /// A valid file; tests break one thing at a time with `replace`.
    fn valid(question: &str, related: &str) -> String {
        format!(
            r#"+++
question = "{question}"
level = "advanced"
topics = ["http-apis"]
also_asked_as = ["Why is it important?"]
summary = "Repeating a request has the same effect as sending it once."
key_points = ["PUT and DELETE are idempotent", "POST is not", "Use an `Idempotency-Key` header"]
follow_ups = ["How long do you keep keys?", "What about concurrent retries?"]
related = [{related}]
[[check]]
prompt = "Which method is idempotent?"
options = ["POST", "PUT", "PATCH"]
answer = 1
explanation = "PUT replaces the resource, so repeating it changes nothing more."
+++
{}"#,
            body(300)
        )
    }

    fn topics() -> Vec<Topic> {
        parse_topics("topics.toml", TOPICS).expect("test topics are valid")
    }

    fn one(text: &str) -> Result<Question, Vec<BankError>> {
        parse_question("q/idempotency.md", "idempotency", text, &topics())
    }

    fn errors_of(text: &str) -> Vec<String> {
        one(text)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    fn expect_error(text: &str, needle: &str) {
        let errors = errors_of(text);
        assert!(
            errors
                .iter()
                .any(|e| e.contains(needle) && e.starts_with("q/idempotency.md")),
            "expected an error containing {needle:?}, got {errors:?}"
        );
    }

    fn file(path: &str, text: String) -> SourceFile {
        let id = path
            .trim_end_matches(".md")
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        SourceFile {
            path: path.to_string(),
            id,
            text: Ok(text),
        }
    }

    fn bank_errors(files: Vec<SourceFile>) -> Vec<String> {
        validate_bank("topics.toml", TOPICS, files)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn a_valid_file_parses_and_renders() {
        let q = one(&valid("What is idempotency?", r#""a", "b""#)).expect("valid");
        assert_eq!(q.id, "idempotency");
        assert_eq!(q.level, "advanced");
        assert_eq!(q.checks[0].answer, 1);
        assert!(q.key_points[2]
            .html
            .contains("<code>Idempotency-Key</code>"));
        assert!(
            !q.key_points[2].html.contains("<p>"),
            "inline fields lose the paragraph wrapper"
        );
        assert!(q.answer.html.contains("<h3>Why</h3>"));
        assert_eq!(q.words, 300);
    }

    #[test]
    fn unreadable_toml_names_the_file() {
        expect_error(
            &valid("Q?", r#""a", "b""#).replace("level = \"advanced\"", "level = advanced"),
            "front matter: unreadable TOML",
        );
    }

    #[test]
    fn missing_front_matter_fences() {
        expect_error("question = \"x\"\n", "must start with a `+++`");
        expect_error("+++\nquestion = \"x\"\n", "no closing `+++`");
    }

    #[test]
    fn missing_field_is_reported() {
        expect_error(
            &valid("Q?", r#""a", "b""#).replace(
                "summary = \"Repeating a request has the same effect as sending it once.\"\n",
                "",
            ),
            "missing field `summary`",
        );
    }

    #[test]
    fn empty_fields_are_reported() {
        expect_error(&valid("", r#""a", "b""#), "question: must not be empty");
        expect_error(
            &valid("Q?", r#""a", "b""#).replace(
                "Repeating a request has the same effect as sending it once.",
                " ",
            ),
            "summary: must not be empty",
        );
        expect_error(
            &valid("Q?", r#""a", "b""#).replace("\"POST is not\"", "\"\""),
            "key_points[1]: must not be empty",
        );
    }

    #[test]
    fn unknown_field_is_reported() {
        expect_error(
            &valid("Q?", r#""a", "b""#).replace("level =", "difficulty = \"x\"\nlevel ="),
            "unknown field `difficulty`",
        );
    }

    #[test]
    fn unknown_level_and_topic() {
        expect_error(
            &valid("Q?", r#""a", "b""#).replace("\"advanced\"", "\"expert\""),
            "level: unknown level `expert`",
        );
        expect_error(
            &valid("Q?", r#""a", "b""#).replace("[\"http-apis\"]", "[\"cooking\"]"),
            "topics: unknown topic `cooking`",
        );
        expect_error(
            &valid("Q?", r#""a", "b""#).replace("[\"http-apis\"]", "[]"),
            "topics: needs 1–3 entries",
        );
    }

    #[test]
    fn id_must_be_kebab_case() {
        for bad in [
            "Idempotency",
            "idem_potency",
            "-idem",
            "idem--x",
            "idem-",
            "",
        ] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
        assert!(is_kebab_case("cap-theorem-2"));
        let e = parse_question(
            "q/Bad_Id.md",
            "Bad_Id",
            &valid("Q?", r#""a", "b""#),
            &topics(),
        )
        .unwrap_err();
        assert!(
            e.iter().any(|e| e
                .to_string()
                .starts_with("q/Bad_Id.md: id: file name `Bad_Id`")),
            "{e:?}"
        );
    }

    #[test]
    fn id_fits_what_an_import_accepts() {
        let long = "a".repeat(MAX_ID_CHARS + 1);
        let e = parse_question(
            &format!("q/{long}.md"),
            &long,
            &valid("Q?", r#""a", "b""#),
            &topics(),
        )
        .unwrap_err();
        assert!(
            e.iter()
                .any(|e| e.to_string().contains("longer than 100 characters")),
            "{e:?}"
        );
        let longest = "a".repeat(MAX_ID_CHARS);
        assert!(parse_question("q/x.md", &longest, &valid("Q?", r#""a", "b""#), &topics()).is_ok());
    }

    #[test]
    fn answer_index_out_of_range_and_too_few_options() {
        expect_error(
            &valid("Q?", r#""a", "b""#).replace("answer = 1", "answer = 3"),
            "check[0].answer: index 3 is out of range",
        );
        expect_error(
            &valid("Q?", r#""a", "b""#).replace("answer = 1", "answer = -1"),
            "out of range",
        );
        expect_error(
            &valid("Q?", r#""a", "b""#)
                .replace("[\"POST\", \"PUT\", \"PATCH\"]", "[\"POST\", \"PUT\"]"),
            "check[0].options: needs 3–5 options, found 2",
        );
    }

    #[test]
    fn checks_required_except_for_behavioral() {
        let no_check = valid("Q?", r#""a", "b""#);
        let no_check = &no_check[..no_check.find("[[check]]").unwrap()];
        let text = format!("{no_check}+++\n{}", body(300));
        expect_error(&text, "check: at least one [[check]]");
        let behavioral = text.replace("[\"http-apis\"]", "[\"behavioral\"]");
        assert!(one(&behavioral).is_ok(), "{:?}", errors_of(&behavioral));
    }

    #[test]
    fn raw_html_is_rejected_everywhere() {
        let v = valid("Q?", r#""a", "b""#);
        expect_error(
            &v.replace("### Why", "### Why\n\n<script>alert(1)</script>"),
            "body: raw HTML is not allowed",
        );
        expect_error(
            &v.replace("word word", "word <b>bold</b> word"),
            "body: raw HTML is not allowed",
        );
        expect_error(
            &v.replace("POST is not", "POST is <em>not</em>"),
            "key_points[1]: raw HTML is not allowed",
        );
        // Angle brackets inside code are text, not HTML.
        let ok = v.replace("word word", "word `Vec<T>` word");
        assert!(one(&ok).is_ok(), "{:?}", errors_of(&ok));
        assert!(one(&ok).unwrap().answer.html.contains("Vec&lt;T&gt;"));
    }

    #[test]
    fn body_rules() {
        let v = valid("Q?", r#""a", "b""#);
        expect_error(
            &v.replace("### Why", "## Why"),
            "body: headings must be level 3",
        );
        expect_error(&v.replace("### Why", "```\nx\n```"), "needs a language");
        let short =
            v.split("+++\n").take(2).collect::<Vec<_>>().join("+++\n") + "+++\nToo short.\n";
        expect_error(&short, "body: 2 words");
    }

    #[test]
    fn list_length_rules() {
        let v = valid("Q?", r#""a", "b""#);
        expect_error(
            &v.replace("[\"PUT and DELETE are idempotent\", \"POST is not\", ", "["),
            "key_points: needs 3–6 entries, found 1",
        );
        expect_error(
            &valid("Q?", r#""a""#),
            "related: needs 2–5 entries, found 1",
        );
        expect_error(
            &valid("Q?", r#""idempotency", "b""#),
            "related: a question cannot be related to itself",
        );
    }

    #[test]
    fn duplicate_ids_across_files() {
        let errors = bank_errors(vec![
            file("a/x.md", valid("First?", r#""y", "x""#)),
            file("b/x.md", valid("Second?", r#""y", "z""#)),
        ]);
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("b/x.md: id: duplicate id `x` (also a/x.md)")),
            "{errors:?}"
        );
    }

    #[test]
    fn same_wording_in_two_files_ignoring_case_and_punctuation() {
        let errors = bank_errors(vec![
            file(
                "q/a.md",
                valid("What is REST?", r#""b", "c""#).replace("Why is it important?", "Why REST?"),
            ),
            file(
                "q/b.md",
                valid("what is rest", r#""a", "c""#).replace("Why is it important?", "REST, why"),
            ),
            file(
                "q/c.md",
                valid("Other?", r#""a", "b""#).replace("Why is it important?", "Another"),
            ),
        ]);
        assert!(
            errors.iter().any(|e| e
                .starts_with("q/b.md: question: wording `what is rest` is already used by q/a.md")),
            "{errors:?}"
        );
    }

    #[test]
    fn related_must_name_existing_ids() {
        let errors = bank_errors(vec![
            file(
                "q/a.md",
                valid("A?", r#""b", "ghost""#).replace("Why is it important?", "A2"),
            ),
            file(
                "q/b.md",
                valid("B?", r#""a", "a2""#)
                    .replace("Why is it important?", "B2")
                    .replace("\"a2\"", "\"a\", \"b-missing\""),
            ),
        ]);
        assert!(
            errors
                .iter()
                .any(|e| e
                    == "q/a.md: related: names `ghost`, which is not a question id in the bank"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_clean_bank_validates_and_sorts_by_topic_then_level() {
        let bank = validate_bank(
            "topics.toml",
            TOPICS,
            vec![
                file(
                    "q/z.md",
                    valid("Z?", r#""a", "m""#)
                        .replace("Why is it important?", "Z2")
                        .replace("\"advanced\"", "\"beginner\""),
                ),
                file(
                    "q/a.md",
                    valid("A?", r#""z", "m""#).replace("Why is it important?", "A2"),
                ),
                file(
                    "q/m.md",
                    valid("M?", r#""a", "z""#)
                        .replace("Why is it important?", "M2")
                        .replace("[\"http-apis\"]", "[\"behavioral\"]"),
                ),
            ],
        )
        .expect("valid bank");
        let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["z", "a", "m"]);
    }

    #[test]
    fn topics_file_errors() {
        assert!(parse_topics(
            "t.toml",
            "[[topic]]\nid = \"Bad Id\"\nname = \"x\"\ndescription = \"y\"\n"
        )
        .is_err());
        assert!(parse_topics("t.toml", "not toml at all = = =").is_err());
        let dup = format!(
            "{TOPICS}\n[[topic]]\nid = \"behavioral\"\nname = \"B\"\ndescription = \"again\"\n"
        );
        let e = parse_topics("t.toml", &dup).unwrap_err();
        assert!(
            e[0].to_string().contains("duplicate topic id `behavioral`"),
            "{e:?}"
        );
    }

    #[test]
    fn normalize_wording_ignores_case_and_punctuation() {
        assert_eq!(normalize_wording("What's  REST?"), "what s rest");
        assert_eq!(normalize_wording("  Hello, World!! "), "hello world");
    }
}
