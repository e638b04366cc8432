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

/// The binaries of every area but the list, which is the main one (`index.html`).
fn other_bins() -> Vec<&'static str> {
    Area::ALL
        .iter()
        .filter(|a| **a != Area::List)
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
}
