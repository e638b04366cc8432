//! Browser tests: real Chromium, real localStorage, real DOM (`wasm-bindgen-test`).
//! Run by `make test` through `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use backprep::bank::{self, Level};
use backprep::components::badges::LevelBadge;
use backprep::pages::not_found::NotFound;
use backprep::progress::Progress;
use backprep::storage::store as local;
use backprep::storage::{self, Mode, PROGRESS_KEY};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn load_progress(now: u64) -> (Progress, Mode, Vec<storage::Notice>) {
    let l = local::load::<Progress>(now);
    (l.data, l.mode, l.notices)
}

fn ls() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear_backprep_keys() {
    let s = ls();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect();
    for k in keys
        .into_iter()
        .filter(|k| k.starts_with(storage::NAMESPACE))
    {
        s.remove_item(&k).unwrap();
    }
}

fn backups() -> Vec<(String, String)> {
    let s = ls();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(storage::BACKUP_PREFIX))
        .map(|k| (k.clone(), s.get_item(&k).unwrap().unwrap()))
        .collect()
}

#[wasm_bindgen_test]
fn nothing_stored_starts_fresh_and_writable() {
    clear_backprep_keys();
    let (p, mode, notices) = load_progress(1);
    assert_eq!(p, Progress::default());
    assert_eq!(mode, Mode::ReadWrite);
    assert!(notices.is_empty());
}

#[wasm_bindgen_test]
fn save_then_load_round_trips_through_real_local_storage() {
    clear_backprep_keys();
    let mut p = Progress::default();
    p.mark_read("jwt", 42);
    local::save(&p).expect("save");
    let raw = ls().get_item(PROGRESS_KEY).unwrap().expect("stored");
    let current = format!("{{\"version\":{},", storage::SCHEMA_VERSION);
    assert!(raw.starts_with(&current), "{raw}");
    let (loaded, mode, _) = load_progress(2);
    assert_eq!(loaded, p);
    assert_eq!(mode, Mode::ReadWrite);
}

#[wasm_bindgen_test]
fn corrupt_value_is_backed_up_then_cleared() {
    clear_backprep_keys();
    ls().set_item(PROGRESS_KEY, "{not json").unwrap();
    let (p, mode, notices) = load_progress(1234);
    assert_eq!(p, Progress::default());
    assert_eq!(mode, Mode::ReadWrite);
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].text.contains("backprep:backup:progress:1234"),
        "{:?}",
        notices
    );
    assert_eq!(
        backups(),
        vec![(
            "backprep:backup:progress:1234".to_string(),
            "{not json".to_string()
        )]
    );
    assert_eq!(ls().get_item(PROGRESS_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
fn wrong_types_are_treated_as_corrupt_and_kept() {
    clear_backprep_keys();
    let raw = r#"{"version":1,"data":{"read":["jwt"]}}"#;
    ls().set_item(PROGRESS_KEY, raw).unwrap();
    let (_, _, notices) = load_progress(5);
    assert!(notices[0].text.contains("could not be read"));
    assert_eq!(backups()[0].1, raw);
}

#[wasm_bindgen_test]
fn newer_schema_is_read_only_and_never_overwritten() {
    clear_backprep_keys();
    let raw = r#"{"version":9,"data":{"read":{"cdn":1}}}"#;
    ls().set_item(PROGRESS_KEY, raw).unwrap();
    let (p, mode, notices) = load_progress(1);
    assert!(p.is_read("cdn"));
    assert_eq!(mode, Mode::ReadOnly);
    assert_eq!(notices.len(), 1);
    // Even a direct save refuses to clobber it.
    assert!(local::save(&Progress::default()).is_err());
    assert_eq!(ls().get_item(PROGRESS_KEY).unwrap().as_deref(), Some(raw));
}

#[wasm_bindgen_test]
fn a_save_merges_what_another_tab_wrote_meanwhile() {
    clear_backprep_keys();
    let mut ours = Progress::default();
    ours.mark_read("a", 1);
    local::save(&ours).unwrap();
    // Another tab writes its own progress directly.
    let mut theirs = Progress::default();
    theirs.mark_read("b", 2);
    ls().set_item(PROGRESS_KEY, &storage::encode(&theirs))
        .unwrap();
    // Our next save must not lose "b".
    ours.mark_read("c", 3);
    let written = local::save(&ours).unwrap();
    assert!(written.is_read("a") && written.is_read("b") && written.is_read("c"));
    let (loaded, _, _) = load_progress(4);
    assert_eq!(loaded, written);
}

fn mount_into_fresh_div() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc
        .create_element("div")
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
fn level_badge_renders_name_and_class() {
    let div = mount_into_fresh_div();
    let _handle = leptos::mount::mount_to(
        div.clone(),
        || view! { <LevelBadge level=Level::Advanced /> },
    );
    let badge = div
        .query_selector(".badge")
        .unwrap()
        .expect("badge rendered");
    assert_eq!(badge.text_content().unwrap(), "Advanced");
    assert!(badge.class_list().contains("level-advanced"));
}

#[wasm_bindgen_test]
fn not_found_offers_a_way_home_and_sets_the_title() {
    let div = mount_into_fresh_div();
    let _handle = leptos::mount::mount_to(div.clone(), || view! { <NotFound what="question" /> });
    assert!(div
        .text_content()
        .unwrap()
        .contains("This question does not exist"));
    let link = div.query_selector("a").unwrap().expect("link home");
    assert!(link.get_attribute("href").unwrap().ends_with('/'));
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "Not found · Backprep"
    );
}

/// Takes in the questions' index as the app does before it starts (here from the build's copy:
/// the test runner serves no site).
fn install_index() {
    bank::index::install(include_str!(concat!(env!("OUT_DIR"), "/index.txt")).to_string())
        .expect("the built index reads");
}

#[wasm_bindgen_test]
fn the_bank_index_loads_from_its_file_and_each_content_is_a_file_of_its_own() {
    install_index();
    assert!(bank::index::is_loaded());
    let q = bank::question("idempotency").expect("idempotency is in the index");
    assert!(q.content.starts_with("data/q/idempotency.") && q.content.ends_with(".json"));
    assert!(q.key_points >= 3 && q.checks.len() >= 3);
    assert!(bank::questions().len() >= 100);
}

#[wasm_bindgen_test]
fn quota_exceeded_is_reported_and_nothing_is_lost() {
    clear_backprep_keys();
    let mut p = Progress::default();
    p.mark_read("jwt", 1);
    local::save(&p).expect("first save fits");
    // Fill the origin's quota with filler until the browser refuses.
    let s = ls();
    let chunk = "x".repeat(512 * 1024);
    let mut filled = Vec::new();
    for i in 0..64 {
        let key = format!("filler:{i}");
        if s.set_item(&key, &chunk).is_err() {
            break;
        }
        filled.push(key);
    }
    let small = "y".repeat(1024);
    for i in 0..1024 {
        let key = format!("filler:small:{i}");
        if s.set_item(&key, &small).is_err() {
            break;
        }
        filled.push(key);
    }
    let mut bigger = p.clone();
    for i in 0..2000 {
        bigger.mark_read(&format!("question-with-a-long-identifier-{i}"), i);
    }
    let result = local::save(&bigger);
    for key in &filled {
        s.remove_item(key).unwrap();
    }
    assert_eq!(result, Err(local::SaveError::QuotaExceeded));
    // What was stored before is still there, intact.
    let (loaded, mode, _) = load_progress(2);
    assert_eq!(loaded, p);
    assert_eq!(mode, Mode::ReadWrite);
}

#[wasm_bindgen_test]
fn storage_that_throws_on_access_means_memory_only_with_a_notice() {
    // Chromium throws a SecurityError on `window.localStorage` when storage is blocked; simulate it
    // on this window, then restore the real property.
    let window = web_sys::window().unwrap();
    // Window's attributes live on the instance (WebIDL [Global]), so keep the real descriptor.
    js_sys::eval(
        "window.__realLocalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('blocked', 'SecurityError'); } })",
    )
    .unwrap();
    let loaded = local::load::<Progress>(1);
    let save = local::save(&Progress::default());
    js_sys::eval("Object.defineProperty(window, 'localStorage', window.__realLocalStorage)")
        .unwrap();
    assert!(window.local_storage().unwrap().is_some(), "restored");
    assert_eq!(loaded.mode, Mode::MemoryOnly);
    assert_eq!(loaded.data, Progress::default());
    assert!(
        loaded.notices[0].text.contains("will not be saved"),
        "{:?}",
        loaded.notices
    );
    assert!(matches!(save, Err(local::SaveError::Unavailable(_))));
}

#[wasm_bindgen_test]
fn a_marked_reset_holds_through_a_merging_save_of_a_stale_copy() {
    clear_backprep_keys();
    let mut p = Progress::default();
    p.mark_read("jwt", 1);
    local::save(&p).unwrap();
    let mut reset = p.clone();
    reset.reset_all(2);
    local::save(&reset).unwrap();
    // Another tab still holds `p` and saves it: the reset's mark keeps the read mark out...
    assert!(!local::save(&p).unwrap().is_read("jwt"));
    assert!(!load_progress(3).0.is_read("jwt"));
    // ... while a merging save of the empty value keeps what is stored (the point of merging).
    local::save(&p).unwrap();
    assert!(local::save(&Progress::default())
        .unwrap()
        .reset_at
        .is_some());
}

#[wasm_bindgen_test]
fn an_older_schema_is_migrated_with_a_backup_and_a_notice() {
    clear_backprep_keys();
    let v1 = r#"{"version":1,"data":{"read":{"jwt":7}}}"#;
    ls().set_item(PROGRESS_KEY, v1).unwrap();
    let (p, mode, notices) = load_progress(99);
    assert!(p.is_read("jwt"));
    assert_eq!(mode, Mode::ReadWrite);
    assert!(
        notices[0].text.contains(&format!(
            "upgraded from format 1 to {}",
            storage::SCHEMA_VERSION
        )),
        "{notices:?}"
    );
    assert_eq!(
        backups(),
        vec![("backprep:backup:progress:99".to_string(), v1.to_string())]
    );
    // The next save writes the new format, keeping the read mark.
    local::save(&p).unwrap();
    assert!(ls()
        .get_item(PROGRESS_KEY)
        .unwrap()
        .unwrap()
        .starts_with(&format!("{{\"version\":{},", storage::SCHEMA_VERSION)));
}

#[wasm_bindgen_test]
fn bookmarks_and_notes_survive_a_save_and_merge_with_another_tab() {
    // Regression guard for schema 3: a note deleted in this tab must not come back from the copy
    // another tab stored earlier (the save merges with what is stored).
    clear_backprep_keys();
    let mut other_tab = Progress::default();
    other_tab.set_note("jwt", "old", 1);
    other_tab.set_bookmark("cdn", true, 1);
    local::save(&other_tab).unwrap();
    let mut this_tab = other_tab.clone();
    this_tab.set_note("jwt", "", 2);
    this_tab.set_bookmark("cdn", false, 2);
    let saved = local::save(&this_tab).unwrap();
    assert!(!saved.has_note("jwt") && !saved.is_bookmarked("cdn"));
    assert_eq!(load_progress(3).0, saved);
}

/// The inline script of `index.html` that sets the theme before the first paint reads the
/// preferences from the key the app saves them under (`storage::store::scope` of the base path),
/// for every base path the site can be served under: the rule is written twice (in Rust, and in
/// that script), and a change to one alone would silently break the theme before paint.
#[wasm_bindgen_test]
fn the_theme_script_before_paint_reads_the_key_the_app_writes() {
    use backprep::platform::dom::normalize_base;
    use backprep::prefs::{Prefs, Theme};
    let html = include_str!("../index.html");
    let script = html
        .split("<script>")
        .skip(1)
        .filter_map(|s| s.split("</script>").next())
        .find(|s| s.contains("prefs") && s.contains("data-theme"))
        .expect("index.html sets the theme before paint");
    let run = js_sys::Function::new_no_args(script);
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.document_element().unwrap();
    let head = document.head().unwrap();
    let base = document.create_element("base").unwrap();
    head.prepend_with_node_1(&base).unwrap();
    let dark = storage::encode(&Prefs {
        theme: Theme::Dark,
        ..Prefs::default()
    });
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    for href in [
        "/".to_string(),
        "/backprep/".to_string(),
        "/a/b/".to_string(),
        format!("{origin}/project-page/"),
    ] {
        clear_backprep_keys();
        base.set_attribute("href", &href).unwrap();
        let key = local::scope(storage::PREFS_KEY, &normalize_base(&href));
        ls().set_item(&key, &dark).unwrap();
        root.remove_attribute("data-theme").unwrap();
        run.call0(&wasm_bindgen::JsValue::NULL).unwrap();
        assert_eq!(
            root.get_attribute("data-theme").as_deref(),
            Some("dark"),
            "base {href}: the script did not read {key}"
        );
    }
    base.remove();
    root.remove_attribute("data-theme").unwrap();
    clear_backprep_keys();
}
