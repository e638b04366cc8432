//! Unit tests of the bank format: one test per kind of error.

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

/// The pitfalls line of [`valid`].
const PITFALLS: &str = "pitfalls = [\"Says POST is idempotent\", \"Forgets concurrent retries\"]\n";
/// The checks after the first in [`valid`]: options of equal length, answers at other positions,
/// so a bank of these files meets the bank-wide rules.
const MORE_CHECKS: &str = r#"[[check]]
prompt = "Which header carries the key?"
options = ["Idempotency-Key", "Content-Length1", "Accept-Encoding"]
answer = 0
explanation = "The key travels in its own header."
[[check]]
prompt = "What does a replay return?"
options = ["a new response", "an error always", "the first reply"]
answer = 2
explanation = "The stored response is returned again."
"#;

/// A valid file (advanced, three checks, two pitfalls); tests break one thing at a time with
/// `replace`.
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
{PITFALLS}[[check]]
prompt = "Which method is idempotent?"
options = ["POST", "PUT", "PATCH"]
answer = 1
explanation = "PUT replaces the resource, so repeating it changes nothing more."
{MORE_CHECKS}+++
{}"#,
        body(300)
    )
}

/// [`valid`] as a behavioral question, with its weak/strong contrast.
fn valid_behavioral(question: &str, related: &str) -> String {
    valid(question, related)
        .replace("[\"http-apis\"]", "[\"behavioral\"]")
        .replacen(
            PITFALLS,
            &format!(
                "{PITFALLS}weak_answer = \"Blames the team\"\nstrong_answer = \"Owns the fix\"\n"
            ),
            1,
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
fn checks_are_required_of_every_question_behavioral_too() {
    for text in [
        valid("Q?", r#""a", "b""#),
        valid_behavioral("Q?", r#""a", "b""#),
    ] {
        let first = text.find("[[check]]").unwrap();
        let end = text.rfind("+++").unwrap();
        let none = format!("{}{}", &text[..first], &text[end..]);
        let errors = bank_errors(vec![file("q/x.md", none)]);
        assert!(
            errors
                .iter()
                .any(|e| e.contains("check: 0 [[check]] found")),
            "{errors:?}"
        );
    }
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

/// Links in the bank's Markdown may only be http, https, mailto or relative: a `javascript:` or
/// `data:` link, in the body or a key point, an inline link or an autolink, with its scheme in any
/// case or split by a tab or an entity, fails the build with the path and the field.
#[test]
fn links_are_http_https_mailto_or_relative() {
    let v = valid("Q?", r#""a", "b""#);
    for bad in [
        "[run](javascript:alert(1))",
        "[run](JavaScript:alert(1))",
        "[run](&#106;avascript:alert(1))",
        "[run](<java\tscript:alert(1)>)",
        "<javascript:alert(1)>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox)",
        "[x](file:///etc/passwd)",
    ] {
        expect_error(
            &v.replace("word word", &format!("word {bad} word")),
            "body: a link may be http, https, mailto or relative",
        );
    }
    expect_error(
        &v.replace("POST is not", "POST is [not](javascript:void(0))"),
        "key_points[1]: a link may be http, https, mailto or relative",
    );
    for good in [
        "[RFC 9110](https://www.rfc-editor.org/rfc/rfc9110)",
        "[plain](http://example.com/a:b)",
        "<https://example.com>",
        "[mail](mailto:team@example.com)",
        "[up](../jwt)",
        "[here](#why)",
        "[q](?q=jwt)",
    ] {
        let ok = v.replace("word word", &format!("word {good} word"));
        assert!(one(&ok).is_ok(), "{good}: {:?}", errors_of(&ok));
    }
}

#[test]
fn body_rules() {
    let v = valid("Q?", r#""a", "b""#);
    expect_error(
        &v.replace("### Why", "## Why"),
        "body: headings must be level 3",
    );
    expect_error(&v.replace("### Why", "```\nx\n```"), "needs a language");
    let short = v.split("+++\n").take(2).collect::<Vec<_>>().join("+++\n") + "+++\nToo short.\n";
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
        errors
            .iter()
            .any(|e| e
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
            .any(|e| e == "q/a.md: related: names `ghost`, which is not a question id in the bank"),
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
                valid_behavioral("M?", r#""a", "z""#).replace("Why is it important?", "M2"),
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

#[test]
fn pitfalls_and_contrast_are_rendered_and_must_pair() {
    let base = valid("Q?", r#""a", "b""#).replacen(PITFALLS, "", 1);
    let with = base.replacen(
        "[[check]]",
        "pitfalls = [\"Says `PUT` is unsafe\", \"Forgets retries\"]\n[[check]]",
        1,
    );
    let q = one(&with).expect("valid");
    assert_eq!(q.pitfalls.len(), 2);
    assert!(q.pitfalls[0].html.contains("<code>PUT</code>"));
    let half = base.replacen(
        "[[check]]",
        "weak_answer = \"Blames the team\"\n[[check]]",
        1,
    );
    expect_error(&half, "strong_answer: missing");
    let raw = base.replacen(
        "[[check]]",
        "pitfalls = [\"<b>x</b>\", \"y\"]\n[[check]]",
        1,
    );
    expect_error(&raw, "pitfalls[0]: raw HTML is not allowed");
}

#[test]
fn quality_rules_per_file() {
    let topics = topics();
    let parse = |text: &str| parse_question("q/x.md", "x", text, &topics).expect("valid");
    // An advanced question with one check and no pitfalls: both rules fire.
    let template = valid("Q?", r#""a", "b""#);
    assert!(quality::question_errors("q/x.md", &parse(&template)).is_empty());
    let q = parse(
        &template
            .replacen(PITFALLS, "", 1)
            .replacen(MORE_CHECKS, "", 1),
    );
    let found: Vec<String> = quality::question_errors("q/x.md", &q)
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert!(
        found.iter().any(|e| e.contains("pitfalls: needs 2–4")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|e| e.contains("needs at least 3")),
        "{found:?}"
    );
    // Behavioral questions need the contrast; others must not carry it.
    let behavioral = valid("Q?", r#""a", "b""#).replace("[\"http-apis\"]", "[\"behavioral\"]");
    let found = quality::question_errors("q/x.md", &parse(&behavioral));
    assert!(found
        .iter()
        .any(|e| e.message.contains("need `weak_answer`")));
    assert!(
        quality::question_errors("q/x.md", &parse(&valid_behavioral("Q?", r#""a", "b""#)))
            .is_empty()
    );
    let contrast = "weak_answer = \"w\"\nstrong_answer = \"s\"\n[[check]]";
    let other = valid("Q?", r#""a", "b""#).replacen("[[check]]", contrast, 1);
    let found = quality::question_errors("q/x.md", &parse(&other));
    assert!(found.iter().any(|e| e.message.contains("only behavioral")));
}

/// A check built directly, without parsing: the option texts are their visible text.
fn check(prompt: &str, options: &[&str], answer: usize) -> Check {
    let text = |t: &str| Rendered {
        html: t.to_string(),
        text: t.to_string(),
    };
    Check {
        prompt: text(prompt),
        options: options.iter().map(|o| text(o)).collect(),
        answer,
        explanation: text("Because."),
    }
}

/// A question built directly, holding `checks`.
fn question(id: &str, level: &str, checks: Vec<Check>) -> Question {
    Question {
        id: id.to_string(),
        question: format!("{id}?"),
        level: level.to_string(),
        topics: vec!["http-apis".into()],
        also_asked_as: vec![],
        summary: Rendered::default(),
        key_points: vec![],
        signals: vec![],
        follow_ups: vec![],
        related: vec![],
        checks,
        answer: Rendered::default(),
        pitfalls: vec![],
        contrast: None,
        words: 300,
    }
}

fn scores(c: &Check) -> Vec<f64> {
    quality::Strategy::ALL
        .iter()
        .map(|&s| quality::strategy_score(s, c))
        .collect()
}

#[test]
fn length_strategies_score_the_right_options_place_with_ties_shared() {
    // Order of the columns: longest, second-longest, middle, second-shortest, shortest, odd one
    // out, most prompt words, fewest prompt words. The prompt shares no word with any option, so
    // the word strategies face a four-way tie.
    let opts = ["a", "bb", "ccc", "dddd"];
    let c = |answer| check("Pick one?", &opts, answer);
    // Lengths 1, 2, 3, 4 against a mean of the others of 3, 2.67, 2.33, 2: the longest and the
    // shortest are equally odd, so the odd-one-out habit takes each half the time.
    assert_eq!(scores(&c(3)), [1.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.25, 0.25]);
    assert_eq!(scores(&c(2)), [0.0, 1.0, 0.5, 0.0, 0.0, 0.0, 0.25, 0.25]);
    assert_eq!(scores(&c(1)), [0.0, 0.0, 0.5, 1.0, 0.0, 0.0, 0.25, 0.25]);
    assert_eq!(scores(&c(0)), [0.0, 0.0, 0.0, 0.0, 1.0, 0.5, 0.25, 0.25]);
    // "aa" ties "bb" for places 2 and 3: half of each.
    let tied = check("Pick one?", &["aa", "bb", "c", "dddd"], 0);
    assert_eq!(quality::length_places(&tied), [0.0, 0.5, 0.5, 0.0]);
    assert_eq!(scores(&tied), [0.0, 0.5, 0.5, 0.5, 0.0, 0.0, 0.25, 0.25]);
    assert_eq!(quality::rank_quarters(&tied), [0.0, 0.5, 0.5, 0.0]);
    // All four the same length: every habit is down to chance.
    let flat = check("Pick one?", &["aa", "bb", "cc", "dd"], 2);
    assert_eq!(scores(&flat), [0.25; 8]);
    // One far longer option is the odd one out; so is one far shorter.
    let outlier = check("Pick one?", &["aaaa", "bbbb", "cccc", "dddddddddddd"], 3);
    assert_eq!(scores(&outlier)[5], 1.0);
    let short = check("Pick one?", &["aaaa", "bbbb", "c", "dddddd"], 2);
    assert_eq!(scores(&short)[5], 1.0);
    assert_eq!(scores(&short)[4], 1.0);
}

#[test]
fn three_options_map_onto_the_four_ranks() {
    let opts = ["a", "bb", "ccc"];
    let middle = check("Pick?", &opts, 1);
    // The middle option is the middle one, and second from either end.
    assert_eq!(&scores(&middle)[..5], [0.0, 1.0, 1.0, 1.0, 0.0]);
    assert_eq!(quality::rank_quarters(&middle), [0.0, 0.5, 0.5, 0.0]);
    let longest = check("Pick?", &opts, 2);
    assert_eq!(quality::rank_quarters(&longest), [0.75, 0.25, 0.0, 0.0]);
    // Five options: place 2 of 5 covers [0.4, 0.6), split between ranks 2 and 3.
    let five = check("Pick?", &["aaaaa", "bbbb", "ccc", "dd", "e"], 2);
    assert_eq!(quality::rank_quarters(&five), [0.0, 0.5, 0.5, 0.0]);
    assert_eq!(scores(&five)[2], 1.0 / 3.0);
}

#[test]
fn word_strategies_count_distinct_prompt_words_in_each_option() {
    assert_eq!(
        quality::words("PostgreSQL's B-tree, the B-tree"),
        ["b", "postgresql", "tree"]
            .into_iter()
            .map(String::from)
            .collect::<std::collections::BTreeSet<String>>()
    );
    let prompt = "Which index serves the tenant's monthly query?";
    // Shared words: 2 (index, tenant), 0, 1 (tenant), 0.
    let opts = [
        "An index on the tenant",
        "A hash of the key",
        "Tenant sharding",
        "Nothing helps",
    ];
    let most = check(prompt, &opts, 0);
    assert_eq!(scores(&most)[6..], [1.0, 0.0]);
    let fewest = check(prompt, &opts, 1);
    assert_eq!(scores(&fewest)[6..], [0.0, 0.5]);
    let neither = check(prompt, &opts, 2);
    assert_eq!(scores(&neither)[6..], [0.0, 0.0]);
}

/// `files` files of four checks each, levels in turn; the right option of check `j` of file `i`
/// has length rank `rank(i, j)` (0 = longest) and sits at position `j`.
fn bank_of(files: usize, rank: impl Fn(usize, usize) -> usize) -> Vec<Question> {
    (0..files)
        .map(|i| {
            let checks = (0..4)
                .map(|j| {
                    // Lengths by position: the right option (at j) gets the length of its rank.
                    let r = rank(i, j);
                    let mut others = (0..4).filter(|&k| k != r);
                    let opts: Vec<String> = (0..4)
                        .map(|p| {
                            let k = if p == j { r } else { others.next().unwrap() };
                            "x".repeat(4 - k)
                        })
                        .collect();
                    let opts: Vec<&str> = opts.iter().map(String::as_str).collect();
                    check("Pick one?", &opts, j)
                })
                .collect();
            question(&format!("q{i}"), LEVELS[i % 3], checks)
        })
        .collect()
}

#[test]
fn an_even_bank_meets_the_gaming_rules() {
    let bank = bank_of(12, |i, j| (i + j) % 4);
    let f = quality::figures(&bank);
    assert_eq!(f.groups[0].checks, 48);
    for s in quality::Strategy::ALL {
        assert_eq!(f.groups[0].share(s), 25.0, "{s:?}");
    }
    assert!(quality::gaming_errors("q", &f).is_empty());
    assert!(bank
        .iter()
        .all(|q| quality::position_error("q", q).is_none()));
}

#[test]
fn a_gamed_bank_fails_naming_the_strategy_level_and_files() {
    // Every right option is the second-longest, except in q0 where it is the longest.
    let bank = bank_of(12, |i, _| usize::from(i != 0));
    let errors: Vec<String> = quality::gaming_errors("q", &quality::figures(&bank))
        .iter()
        .map(|e| e.to_string())
        .collect();
    let has = |needle: &str| errors.iter().any(|e| e.contains(needle));
    assert!(
        has("picking \"second-longest\" wins 91.7% of the bank's 48 checks (at most 30%)"),
        "{errors:?}"
    );
    assert!(
        has("picking \"one of the middle two\" wins 45.8%"),
        "{errors:?}"
    );
    // A level of 16 checks is under MIN_SAMPLE: only the bank is judged.
    assert!(!has("of the beginner"), "{errors:?}");
    assert!(
        has("Files that feed it most: q1 (4 of 4), q10 (4 of 4)"),
        "{errors:?}"
    );
    assert!(has("length rank 2 (1 = longest) in 91.7%"), "{errors:?}");
    assert!(has(
        "length rank 4 (1 = longest) in 0.0% of the bank's 48 checks, too few"
    ));
    // With enough checks per level, the levels are judged too.
    let big = bank_of(24, |_, j| if j == 3 { 0 } else { (j + 2) % 4 });
    let errors: Vec<String> = quality::gaming_errors("q", &quality::figures(&big))
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("wins 50.0% of the intermediate 32 checks (at most 35%)")),
        "{errors:?}"
    );
    // Under MIN_SAMPLE checks in all, nothing is judged.
    let small = bank_of(5, |_, _| 1);
    assert!(quality::gaming_errors("q", &quality::figures(&small)).is_empty());
    // The build's bank-wide rules include them; an even bank passes.
    let errors = quality::bank_errors("q", &bank);
    assert!(
        errors.iter().any(|e| e
            .to_string()
            .starts_with("q: check: picking \"second-longest\" wins")),
        "{errors:?}"
    );
    assert!(quality::bank_errors("q", &bank_of(12, |i, j| (i + j) % 4)).is_empty());
}

#[test]
fn a_file_must_not_key_all_its_checks_at_one_position() {
    let at = |answers: &[usize]| {
        let checks = answers
            .iter()
            .map(|&a| check("Pick?", &["aa", "bb", "cc", "dd"], a))
            .collect();
        question("x", "beginner", checks)
    };
    let e = quality::position_error("q/x.md", &at(&[2, 2, 2])).expect("all at 2");
    assert_eq!(
        e.to_string(),
        "q/x.md: check: all 3 checks have their right option at position 2 (0-based): spread them"
    );
    assert!(quality::position_error("q/x.md", &at(&[2, 0, 2])).is_none());
    assert!(quality::position_error("q/x.md", &at(&[1])).is_none());
    // It is one of the per-file rules the build applies.
    let found = quality::question_errors("q/x.md", &at(&[1, 1]));
    assert!(
        found.iter().any(|e| e
            .message
            .contains("all 2 checks have their right option at position 1")),
        "{found:?}"
    );
}

#[test]
fn advanced_answers_may_run_longer() {
    let text = valid("Q?", r#""a", "b""#).replace(&body(300), &body(600));
    assert!(one(&text).is_ok(), "{:?}", errors_of(&text));
    let beginner = text.replace("\"advanced\"", "\"beginner\"");
    expect_error(&beginner, "body: 600 words; the answer must have 200–500");
}

/// [`valid`] with `signals = <list>` after its key points.
fn with_signals(list: &str) -> String {
    valid("What is idempotency?", r#""a", "b""#).replacen(
        "\nfollow_ups",
        &format!("\nsignals = {list}\nfollow_ups"),
        1,
    )
}

const GOOD_SIGNALS: &str = r#"[["PUT and DELETE | put delete", "safe to repeat"], ["POST is not | post isn't"], ["Idempotency-Key header", "idempotency keys | dedup key"]]"#;

#[test]
fn signals_are_kept_per_key_point_in_normal_form() {
    let q = one(&with_signals(GOOD_SIGNALS)).expect("valid");
    assert_eq!(
        q.signals,
        [
            vec!["put and delet", "put delet", "saf to repeat"],
            vec!["post is not", "post isn t"],
            vec!["idempotency key header", "idempotency key", "dedup key"],
        ]
    );
    let none = one(&valid("What is idempotency?", r#""a", "b""#)).expect("valid");
    assert!(
        none.signals.is_empty(),
        "optional while SIGNALS_REQUIRED is off"
    );
}

#[test]
fn signals_required_or_not() {
    let mut errors = Vec::new();
    let got = signals::rules("q/x.md", "What?", 3, None, false, &mut errors);
    assert!(got.is_empty() && errors.is_empty());
    signals::rules("q/x.md", "What?", 3, None, true, &mut errors);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .to_string()
            .starts_with("q/x.md: signals: missing"),
        "{}",
        errors[0]
    );
    // The switch the bank follows: flipping it makes a file without signals fail.
    let without = one(&valid("What is idempotency?", r#""a", "b""#));
    assert_eq!(without.is_ok(), !signals::SIGNALS_REQUIRED);
}

#[test]
fn signals_need_one_list_per_key_point() {
    expect_error(
        &with_signals(r#"[["safe to repeat"], ["post isn't"]]"#),
        "signals: 2 lists for 3 key points",
    );
}

#[test]
fn a_key_point_has_one_to_six_signals() {
    expect_error(
        &with_signals(r#"[[], ["post isn't"], ["dedup key"]]"#),
        "signals[0]: needs 1–6 signals, found 0",
    );
    expect_error(
        &with_signals(
            r#"[["a1", "a2", "a3", "a4", "a5", "a6", "a7"], ["post isn't"], ["dedup key"]]"#,
        ),
        "signals[0]: needs 1–6 signals, found 7",
    );
}

#[test]
fn an_alternative_has_one_to_four_words() {
    expect_error(
        &with_signals(r#"[["safe to repeat | | twice"], ["post isn't"], ["dedup key"]]"#),
        "signals[0][0]: empty alternative",
    );
    expect_error(
        &with_signals(r#"[["safe to repeat it twice"], ["post isn't"], ["dedup key"]]"#),
        "`safe to repeat it twice` has more than 4 words",
    );
}

#[test]
fn an_alternative_of_stop_words_only_is_refused() {
    expect_error(
        &with_signals(r#"[["safe to repeat | it is"], ["post isn't"], ["dedup key"]]"#),
        "signals[0][0]: `it is` is only stop words",
    );
}

#[test]
fn a_lone_word_of_the_question_is_refused_in_any_form() {
    expect_error(
        &with_signals(r#"[["safe to repeat"], ["post isn't"], ["Idempotency"]]"#),
        "`Idempotency` is a word of the question's wording",
    );
    // Within a phrase the word is fine (`idempotency keys` above).
    let q = valid("What are retries?", r#""a", "b""#).replacen(
        "\nfollow_ups",
        "\nsignals = [[\"retrying\"], [\"post isn't\"], [\"dedup key\"]]\nfollow_ups",
        1,
    );
    expect_error(&q, "`retrying` is a word of the question's wording");
}

#[test]
fn an_alternative_may_point_to_one_key_point_only() {
    expect_error(
        &with_signals(r#"[["safe to repeat"], ["post isn't | dedup keys"], ["dedup key"]]"#),
        "signals[2][0]: `dedup key` is a signal of key points 2 and 3",
    );
    // One in every list is one in two lists.
    let errors = errors_of(&with_signals(r#"[["retry"], ["retries"], ["retried"]]"#));
    assert_eq!(errors.len(), 2, "{errors:?}");
    // Twice in one key point's list is harmless, and kept once.
    let q = one(&with_signals(
        r#"[["safe to repeat", "safe to repeat"], ["post isn't"], ["dedup key"]]"#,
    ))
    .expect("valid");
    assert_eq!(q.signals[0], ["saf to repeat"]);
}

#[test]
fn one_word_alternatives_common_in_the_bank_are_marked() {
    // `word` is in every file's answer (the test body), `checksum` in none's text.
    let signals = r#"[["safe to repeat", "word", "checksum"], ["post isn't"], ["dedup key"]]"#;
    let files: Vec<SourceFile> = (0..3)
        .map(|i| {
            let related = format!("\"q{}\", \"q{}\"", (i + 1) % 3, (i + 2) % 3);
            let text = valid(&format!("What is idempotency {i}?"), &related)
                .replace("Why is it important?", &format!("Why is it important {i}?"))
                .replacen(
                    "\nfollow_ups",
                    &format!("\nsignals = {signals}\nfollow_ups"),
                    1,
                );
            file(&format!("q/q{i}.md"), text)
        })
        .collect();
    let bank = validate_bank("topics.toml", TOPICS, files).expect("valid");
    let marked = format!("{}word", super::super::words::COMMON_MARK);
    assert_eq!(
        bank.questions[0].signals[0],
        ["saf to repeat", marked.as_str(), "checksum"]
    );
}
