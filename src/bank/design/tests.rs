use super::*;

const QUESTIONS: [&str; 3] = ["caching-basics", "sharding", "cdn"];
const TOPICS: [&str; 2] = ["databases", "distributed-systems"];

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

const FRONT: &str = r#"title = "Design a paste bin"
level = "intermediate"
topics = ["databases"]
summary = "Store short texts and serve them by key: a **read-heavy** service."
prompt = "Let's design a paste bin. People paste text and share a link to it."
related = ["caching-basics", "sharding"]
pitfalls = ["Keeps texts in the database row forever.", "Forgets expiry.", "Caches nothing."]
follow_ups = ["How would you expire pastes?", "How would you stop abuse?", "What about two regions?"]

[[clarify]]
question = "How many pastes a day?"
answer = "About a million."

[[clarify]]
question = "How long are they kept?"
answer = "A year."

[[clarify]]
question = "How large is one?"
answer = "Up to 10 KB."

[[clarify]]
question = "Are they private?"
answer = "Unlisted, not secret."

[estimate]
daily_active_users = 1_000_000
actions_per_user = 2.0
read_write_ratio = 10.0
object_bytes = 2000
retention_years = 1.0
replication = 3
peak_factor = 2.0
cache_share = 0.1

[diagram]
direction = "LR"
nodes = [
  { id = "client", label = "Client", kind = "client" },
  { id = "api", label = "Paste API", kind = "service" },
  { id = "db", label = "Paste store", kind = "store" },
]
edges = [
  { from = "client", to = "api", label = "POST /pastes" },
  { from = "api", to = "db" },
]
groups = [
  { label = "Write path", nodes = ["api", "db"] },
]

[rubric]
clarify = ["a", "b", "c", "d"]
estimate = ["a", "b", "c", "d"]
api = ["a", "b", "c", "d"]
design = ["a", "b", "c", "d"]
deep_dive = ["a", "b", "c", "d"]
wrap_up = ["a", "b", "c", "d"]

[[check]]
prompt = "Where do paste bodies live?"
options = ["In an object store", "In the load balancer", "In DNS"]
answer = 0
explanation = "Bodies are blobs."

[[check]]
prompt = "What expires pastes?"
options = ["The browser", "A TTL on the row", "Nothing"]
answer = 1
explanation = "A TTL."

[[check]]
prompt = "What is cached?"
options = ["Nothing", "Writes", "Hot pastes"]
answer = 2
explanation = "Reads dominate."
"#;

/// Words enough for the body rule, spread over the sections.
fn filler(n: usize) -> String {
    vec!["word"; n].join(" ")
}

fn body_with(words_each: usize) -> String {
    let f = filler(words_each);
    format!(
        "## Requirements\n\n### Functional\n\n- {f}\n\n### Non-functional\n\n- p99 under 50 ms\n\n\
         ## Estimate\n\n{f}\n\n## API and data model\n\n```http\nPOST /pastes\n```\n\n{f}\n\n\
         ## High-level design\n\n{f}\n\n## Deep dives\n\n### One\n\n{f}\n\n### Two\n\nText.\n\n\
         ### Three\n\nText.\n\n## Bottlenecks and failure modes\n\n{f}\n\n\
         ## What a senior answer adds\n\n{f}\n"
    )
}

fn valid() -> String {
    format!("+++\n{FRONT}+++\n{}", body_with(260))
}

fn parse(text: &str) -> Result<Design, Vec<BankError>> {
    parse_design(
        "d/paste-bin.md",
        "paste-bin",
        text,
        &ids(&QUESTIONS),
        &ids(&TOPICS),
    )
}

/// Parses `text`, expecting failure, and returns the fields named.
fn failing_fields(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => {
            for e in &errors {
                assert_eq!(e.path, "d/paste-bin.md");
            }
            errors.into_iter().filter_map(|e| e.field).collect()
        }
    }
}

fn replaced(from: &str, to: &str) -> String {
    let v = valid();
    assert!(v.contains(from), "template lacks `{from}`");
    v.replacen(from, to, 1)
}

#[test]
fn a_minimal_design_parses() {
    let d = parse(&valid()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(d.id, "paste-bin");
    assert_eq!(d.title, "Design a paste bin");
    assert_eq!(d.clarify.len(), 4);
    assert_eq!(d.rubric.stages.len(), STAGES.len());
    assert_eq!(d.checks[2].answer, 2);
    assert_eq!(d.estimate.object_bytes, 2000);
    assert_eq!(d.diagram.nodes.len(), 3);
    assert!(d.summary.html.contains("<strong>read-heavy</strong>"));
    assert_eq!(d.sections.deep_dive_titles, ["One", "Two", "Three"]);
    assert!(d.sections.requirements.html.contains("<h3"));
    assert!(!d.sections.estimate.html.contains("<h2"));
    assert!(d.sections.api.html.contains("POST /pastes"));
    assert!(d.words >= MIN_WORDS);
}

#[test]
fn an_edge_to_a_missing_node_fails() {
    let fields = failing_fields(&replaced(
        r#"{ from = "api", to = "db" }"#,
        r#"{ from = "api", to = "dbx" }"#,
    ));
    assert_eq!(fields, ["diagram.edges[1].to"]);
}

#[test]
fn a_group_naming_a_missing_node_fails() {
    let fields = failing_fields(&replaced(
        r#"nodes = ["api", "db"]"#,
        r#"nodes = ["api", "cache"]"#,
    ));
    assert_eq!(fields, ["diagram.groups[0].nodes"]);
}

#[test]
fn duplicate_or_non_kebab_node_ids_and_long_labels_fail() {
    let text = replaced(
        r#"{ id = "db", label = "Paste store""#,
        r#"{ id = "api", label = "A paste store label too long""#,
    );
    let fields = failing_fields(&text);
    assert!(
        fields.contains(&"diagram.nodes[2].id".to_string()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"diagram.nodes[2].label".to_string()),
        "{fields:?}"
    );
    let fields = failing_fields(&replaced(r#"id = "client""#, r#"id = "Client""#));
    assert!(
        fields.contains(&"diagram.nodes[0].id".to_string()),
        "{fields:?}"
    );
}

#[test]
fn a_missing_section_fails() {
    let text = valid().replace("## Bottlenecks and failure modes\n", "### Bottlenecks\n");
    let errors = parse(&text).expect_err("must fail");
    assert!(
        errors.iter().any(|e| e.field.as_deref() == Some("body")
            && e.message
                .contains("missing section `## Bottlenecks and failure modes`")),
        "{errors:?}"
    );
}

#[test]
fn sections_out_of_order_fail() {
    let text = valid()
        .replace("## Estimate\n", "## TMP\n")
        .replace("## API and data model\n", "## Estimate\n")
        .replace("## TMP\n", "## API and data model\n");
    let errors = parse(&text).expect_err("must fail");
    assert!(
        errors
            .iter()
            .any(|e| e.field.as_deref() == Some("body") && e.message.contains("out of order")),
        "{errors:?}"
    );
}

#[test]
fn requirements_need_both_subsections_and_deep_dives_three_to_five() {
    let fields = failing_fields(&valid().replace("### Non-functional\n", "### Other\n"));
    assert_eq!(fields, ["body (Requirements)"]);
    let fields = failing_fields(&valid().replace("### Three\n", "Three\n"));
    assert_eq!(fields, ["body (Deep dives)"]);
}

#[test]
fn too_few_words_fail() {
    let text = format!("+++\n{FRONT}+++\n{}", body_with(150));
    let errors = parse(&text).expect_err("must fail");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field.as_deref(), Some("body"));
    assert!(errors[0].message.contains("at least 1500"));
}

#[test]
fn bad_estimate_inputs_fail() {
    for (from, to, field) in [
        (
            "cache_share = 0.1",
            "cache_share = 1.5",
            "estimate.cache_share",
        ),
        (
            "peak_factor = 2.0",
            "peak_factor = 0.5",
            "estimate.peak_factor",
        ),
        (
            "actions_per_user = 2.0",
            "actions_per_user = 0.0",
            "estimate.actions_per_user",
        ),
        ("replication = 3", "replication = 0", "estimate.replication"),
        (
            "retention_years = 1.0",
            "retention_years = nan",
            "estimate.retention_years",
        ),
        (
            "read_write_ratio = 10.0",
            "read_write_ratio = -1.0",
            "estimate.read_write_ratio",
        ),
    ] {
        assert_eq!(failing_fields(&replaced(from, to)), [field], "{to}");
    }
}

#[test]
fn unknown_or_empty_fields_fail() {
    let fields = failing_fields(&replaced(
        "level = \"intermediate\"\n",
        "level = \"intermediate\"\ncolour = \"red\"\n",
    ));
    assert_eq!(fields, ["front matter"]);
    let fields = failing_fields(&replaced(
        "peak_factor = 2.0\n",
        "peak_factor = 2.0\nservers = 4\n",
    ));
    assert_eq!(fields, ["front matter"]);
    let fields = failing_fields(&replaced("title = \"Design a paste bin\"", "title = \" \""));
    assert_eq!(fields, ["title"]);
    // A missing required field is unreadable TOML too.
    let fields = failing_fields(&replaced(
        "prompt = \"Let's design a paste bin. People paste text and share a link to it.\"\n",
        "",
    ));
    assert_eq!(fields, ["front matter"]);
}

#[test]
fn related_ids_must_be_questions_and_topics_known() {
    let fields = failing_fields(&replaced(
        r#"related = ["caching-basics", "sharding"]"#,
        r#"related = ["caching-basics", "no-such-question"]"#,
    ));
    assert_eq!(fields, ["related"]);
    let fields = failing_fields(&replaced(
        r#"topics = ["databases"]"#,
        r#"topics = ["cooking"]"#,
    ));
    assert_eq!(fields, ["topics"]);
}

#[test]
fn counts_are_enforced() {
    let fields = failing_fields(&replaced(
        r#"clarify = ["a", "b", "c", "d"]"#,
        r#"clarify = ["a", "b", "c"]"#,
    ));
    assert_eq!(fields, ["rubric.clarify"]);
    let fields = failing_fields(&replaced(
        "pitfalls = [\"Keeps texts in the database row forever.\", ",
        "pitfalls = [",
    ));
    assert_eq!(fields, ["pitfalls"]);
    let one_clarify = valid().replacen(
        "[[clarify]]\nquestion = \"How many pastes a day?\"\nanswer = \"About a million.\"\n",
        "",
        1,
    );
    assert_eq!(failing_fields(&one_clarify), ["clarify"]);
    let long = format!("summary = \"{}\"", "x".repeat(301));
    assert_eq!(
        failing_fields(&replaced(
            "summary = \"Store short texts and serve them by key: a **read-heavy** service.\"",
            &long
        )),
        ["summary"]
    );
}

#[test]
fn checks_follow_the_question_rules() {
    let fields = failing_fields(&replaced("answer = 2\n", "answer = 3\n"));
    assert_eq!(fields, ["check[2].answer"]);
    let fields = failing_fields(&replaced(
        r#"options = ["Nothing", "Writes", "Hot pastes"]"#,
        r#"options = ["Nothing", "Hot pastes"]"#,
    ));
    assert!(
        fields.contains(&"check[2].options".to_string()),
        "{fields:?}"
    );
    // Every right option at one position gives the others away.
    let same = valid()
        .replace("answer = 1\n", "answer = 0\n")
        .replace("answer = 2\n", "answer = 0\n");
    assert_eq!(failing_fields(&same), ["check"]);
}

#[test]
fn markdown_rules_apply_to_the_body() {
    let fields = failing_fields(&valid().replace("```http", "```"));
    assert_eq!(fields, ["body (API and data model)"]);
    let fields = failing_fields(&valid().replace("### Two\n\nText.", "### Two\n\n<b>Text</b>."));
    assert_eq!(fields, ["body (Deep dives)"]);
    let fields = failing_fields(
        &valid().replace("### Two\n\nText.", "### Two\n\n[x](javascript:alert(1))."),
    );
    assert_eq!(fields, ["body (Deep dives)"]);
    let fields =
        failing_fields(&valid().replace("+++\n## Requirements", "+++\nIntro.\n\n## Requirements"));
    assert_eq!(fields, ["body"]);
}

#[test]
fn a_bad_file_name_fails() {
    let errors = parse_design(
        "d/X.md",
        "Paste_Bin",
        &valid(),
        &ids(&QUESTIONS),
        &ids(&TOPICS),
    )
    .expect_err("must fail");
    assert_eq!(errors[0].field.as_deref(), Some("id"));
}

#[test]
fn every_design_in_assets_parses() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bank = format::load_bank_dir(&root.join("assets/questions")).expect("the bank loads");
    let q: Vec<String> = bank.questions.iter().map(|q| q.id.clone()).collect();
    let t: Vec<String> = bank.topics.iter().map(|t| t.id.clone()).collect();
    let designs = load_designs_dir(&root.join("assets/designs"), &q, &t).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(designs.len() >= 16, "{} designs", designs.len());
    let mut sorted: Vec<&str> = designs.iter().map(|d| d.id.as_str()).collect();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        designs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>()
    );
}

#[test]
fn a_design_id_equal_to_a_question_id_fails() {
    let dir = std::env::temp_dir().join(format!("backprep-designs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("sharding.md"), valid()).expect("write");
    let result = load_designs_dir(&dir, &ids(&QUESTIONS), &ids(&TOPICS));
    let _ = std::fs::remove_dir_all(&dir);
    let errors = result.expect_err("must fail");
    assert!(
        errors
            .iter()
            .any(|e| e.field.as_deref() == Some("id") && e.message.contains("question id")),
        "{errors:?}"
    );
}
