//! The list of the app's areas (`meta::Area`, one wasm binary each) is written in several places
//! outside Rust: the build script, the post-build step, the size report and `.gitignore`. This
//! host test holds them to `Area::ALL`, so adding or renaming an area cannot leave one behind (the
//! `.gitignore` lacked `backprep-question.html`).
#![cfg(not(target_arch = "wasm32"))]

use backprep::meta::Area;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The binaries of every area but the study area, which is the main one (`index.html`).
fn other_bins() -> Vec<&'static str> {
    Area::ALL
        .iter()
        .filter(|a| **a != Area::Study)
        .map(|a| a.bin())
        .collect()
}

/// The quoted words of the first line of `text` that starts with `prefix`.
fn words_after(text: &str, prefix: &str) -> Vec<String> {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starting with {prefix}"));
    line[line.find(prefix).unwrap() + prefix.len()..]
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .filter(|w| w.starts_with("backprep"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_build_script_builds_every_area() {
    assert_eq!(
        words_after(&read("scripts/build.sh"), "areas="),
        other_bins()
    );
}

#[test]
fn the_post_build_step_knows_every_area() {
    assert_eq!(
        words_after(&read("scripts/postbuild.py"), "OTHER_AREAS ="),
        other_bins()
    );
}

#[test]
fn the_size_report_measures_every_area() {
    let text = read("scripts/size_report.py");
    let line = text
        .lines()
        .find(|l| l.starts_with("AREAS ="))
        .expect("AREAS in size_report.py");
    let mut bins: Vec<&str> = line
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|w| w.starts_with("backprep"))
        .collect();
    bins.sort_unstable();
    let mut all: Vec<&str> = Area::ALL.iter().map(|a| a.bin()).collect();
    all.sort_unstable();
    assert_eq!(bins, all);
}

#[test]
fn every_area_has_a_binary_and_its_page_template_is_ignored() {
    let ignored = read(".gitignore");
    for bin in other_bins() {
        assert!(
            std::path::Path::new(&format!("{}/src/bin/{bin}.rs", env!("CARGO_MANIFEST_DIR")))
                .exists(),
            "src/bin/{bin}.rs"
        );
        let page = format!("{bin}.html");
        assert!(
            ignored.lines().any(|l| {
                let l = l.trim().trim_start_matches('/');
                l == page
                    || (l.ends_with("*.html") && page.starts_with(l.trim_end_matches("*.html")))
            }),
            ".gitignore does not ignore {page}, which scripts/build.sh writes"
        );
    }
    // And no binary is left of an area that is gone (the question pages joined the study area).
    let bins = std::fs::read_dir(format!("{}/src/bin", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for entry in bins.flatten() {
        let name = entry.file_name().to_string_lossy().replace(".rs", "");
        assert!(
            name == "prerender" || other_bins().contains(&name.as_str()),
            "src/bin/{name}.rs is no area's binary (meta::Area)"
        );
    }
}

/// The modules of the crate and what each imports (`crate::…` paths outside comments and test
/// modules), at the level the architecture speaks of: the top modules, with `storage::store` on
/// its own (the one core module allowed to use the browser edges).
mod graph {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// The pure core: nothing here may use the browser edges or the views.
    pub const CORE: [&str; 21] = [
        "bank",
        "capacity",
        "progress",
        "schedule",
        "stats",
        "quiz",
        "interview",
        "design_practice",
        "search",
        "feedback",
        "list_view",
        "transfer",
        "storage",
        "keys",
        "notes",
        "prefs",
        "meta",
        "labels",
        "numbers",
        "order",
        "plan",
    ];
    /// What the core must not import.
    pub const ABOVE_CORE: [&str; 7] = [
        "platform",
        "state",
        "components",
        "pages",
        "app",
        "boot",
        "prerender",
    ];

    pub type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

    fn node(path: &str) -> Option<String> {
        let rel = path.strip_suffix(".rs")?;
        let parts: Vec<&str> = rel.split('/').collect();
        match parts.as_slice() {
            ["lib" | "main"] | ["bin", ..] => None,
            ["storage", "store"] => Some("storage::store".into()),
            [top, ..] => Some(top.to_string()),
            [] => None,
        }
    }

    /// `text` without line comments and without its `#[cfg(test)] mod tests` (always last).
    fn code(text: &str) -> String {
        let end = text
            .find("#[cfg(test)]\nmod tests")
            .or_else(|| text.find("#[cfg(all(test, not(target_arch = \"wasm32\")))]\nmod tests"))
            .unwrap_or(text.len());
        text[..end]
            .lines()
            .map(|l| l.find("//").map_or(l, |i| &l[..i]))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The modules a `crate::` path starting at `rest` names (`a::b`, or a group `{a, b::c}`).
    fn targets(rest: &str) -> Vec<String> {
        let name = |p: &str| -> Option<String> {
            let segs: Vec<&str> = p.trim().split("::").map(str::trim).collect();
            let first = segs.first().copied().filter(|s| {
                !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            })?;
            if first == "storage" && segs.get(1).is_some_and(|s| s.starts_with("store")) {
                Some("storage::store".into())
            } else {
                Some(first.to_string())
            }
        };
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            inner.split(',').filter_map(name).collect()
        } else {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            name(rest[..end].trim_end_matches(':'))
                .into_iter()
                .collect()
        }
    }

    /// The graph of this crate's `src/`.
    pub fn of_src() -> Graph {
        of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
    }

    fn of(src: &Path) -> Graph {
        let mut graph = Graph::new();
        let mut stack = vec![src.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let rel = path
                    .strip_prefix(src)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if !rel.ends_with(".rs") || rel.ends_with("tests.rs") {
                    continue;
                }
                let Some(from) = node(&rel) else { continue };
                let text = code(&std::fs::read_to_string(&path).unwrap());
                let uses = graph.entry(from.clone()).or_default();
                for (i, _) in text.match_indices("crate::") {
                    for to in targets(&text[i + "crate::".len()..]) {
                        let same = to == from || (from == "storage::store" && to == "storage");
                        if !same && to != "labelled_enum" {
                            uses.entry(to).or_default().insert(rel.clone());
                        }
                    }
                }
            }
        }
        graph
    }

    /// The modules on a cycle of imports, with the edges between them, if any.
    pub fn cycles(graph: &Graph) -> Vec<String> {
        // A module is on a cycle when it can reach itself.
        let reach = |start: &str| -> BTreeSet<String> {
            let mut seen = BTreeSet::new();
            let mut todo: Vec<&str> = vec![start];
            while let Some(n) = todo.pop() {
                for next in graph.get(n).into_iter().flat_map(|m| m.keys()) {
                    if seen.insert(next.clone()) {
                        todo.push(next);
                    }
                }
            }
            seen
        };
        let mut found = Vec::new();
        for (from, uses) in graph {
            for (to, files) in uses {
                if reach(to).contains(from) {
                    found.push(format!(
                        "{from} → {to} ({})",
                        files.iter().cloned().collect::<Vec<_>>().join(", ")
                    ));
                }
            }
        }
        found
    }
}

/// Imports run one way (docs/architecture.md): no cycle between modules, so each can be read and
/// tested without those above it.
#[test]
fn module_imports_have_no_cycle() {
    let graph = graph::of_src();
    // The reader sees real imports (not an empty graph that has no cycle).
    assert!(graph.contains_key("progress") && graph["list_view"].contains_key("progress"));
    let cycles = graph::cycles(&graph);
    assert!(
        cycles.is_empty(),
        "imports on a cycle:\n{}",
        cycles.join("\n")
    );
}

/// The search engine knows nothing of the user: what the list keeps by status, due date, star or
/// note is `list_view`'s, over the engine's hits (`search` used to import both to filter).
#[test]
fn search_imports_neither_progress_nor_schedule() {
    let graph = graph::of_src();
    let search = graph.get("search").expect("search is read");
    assert!(
        search.contains_key("bank"),
        "the reader sees search's imports"
    );
    for below in ["progress", "schedule"] {
        assert!(
            !search.contains_key(below),
            "search imports {below}: {:?}",
            search[below]
        );
    }
}

/// The pure core never reaches the browser edges, the state or the views (`storage::store` aside,
/// which loads and saves over the platform's store by design).
#[test]
fn the_core_does_not_import_the_browser_edges_or_the_views() {
    let graph = graph::of_src();
    let mut wrong = Vec::new();
    for from in graph::CORE {
        for (to, files) in graph.get(from).into_iter().flatten() {
            if graph::ABOVE_CORE.contains(&to.as_str()) {
                wrong.push(format!(
                    "{from} → {to} ({})",
                    files.iter().cloned().collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the core imports what is above it:\n{}",
        wrong.join("\n")
    );
}

/// Every submodule of the core, the state and the platform is named in docs/architecture.md's map
/// (as `top::sub`, or as `sub` in its top module's row), so the map says where things are.
#[test]
fn the_architecture_map_names_every_submodule() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = read("docs/architecture.md");
    let mut missing = Vec::new();
    let tops = graph::CORE.iter().chain(&["state", "platform"]);
    for top in tops {
        let dir = root.join("src").join(top);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| `{top}`")))
            .unwrap_or("");
        for entry in entries.flatten() {
            let path = entry.path();
            let sub = if path.is_dir() {
                path.file_name().unwrap().to_string_lossy().to_string()
            } else {
                match path.file_stem().map(|s| s.to_string_lossy().to_string()) {
                    Some(s) if path.extension().is_some_and(|e| e == "rs") => s,
                    _ => continue,
                }
            };
            if sub == "mod" || sub == "tests" {
                continue;
            }
            let named = doc.contains(&format!("{top}::{sub}`"))
                || doc.contains(&format!("{top}::{sub},"))
                || row.contains(&format!("`{sub}`"));
            if !named {
                missing.push(format!("{top}::{sub}"));
            }
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "docs/architecture.md does not name: {}",
        missing.join(", ")
    );
}

/// The views reach stored data only through the state (`AppState`), never the store itself: the
/// state is what keeps a change, its save and the other tabs in step.
#[test]
fn the_views_do_not_use_the_store_directly() {
    let graph = graph::of_src();
    for view in ["components", "pages", "app"] {
        let files = graph.get(view).and_then(|m| m.get("storage::store"));
        assert!(
            files.is_none(),
            "{view} uses storage::store directly: {files:?}"
        );
    }
}
