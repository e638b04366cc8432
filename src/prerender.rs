//! Writes the site's pages as real HTML at build time (host only): every route is rendered by the
//! app's own components, as a first-time visitor would see it, into the page trunk built
//! (`index.html`), with its own title, description, link-preview tags and, for a question, its
//! structured data and its content inline (so the app starts with no fetch). Also writes the bank's
//! data files, `robots.txt`, and with a site URL `sitemap.xml` and canonical links.
//!
//! Run by `src/bin/prerender.rs` from the trunk post-build hook (`scripts/postbuild.py`).

use crate::app::area_app;
use crate::bank::{self, html_to_text};
use crate::meta::{clip, Area, Page, SITE_DESCRIPTION};
use crate::platform::{dom, storage};
use leptos::prelude::*;
use std::fmt::Write as _;
use std::path::Path;

/// Where the site is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The path it is served under (`/`, or `/backprep/`).
    pub public_url: String,
    /// Its absolute address (`https://example.org/backprep/`), when known: canonical links, the
    /// sitemap and `og:url` need it.
    pub site_url: Option<String>,
}

impl Site {
    /// The absolute URL of `page`, when the site's address is known.
    pub fn url_of(&self, page: Page) -> Option<String> {
        let base = self.site_url.as_deref()?.trim_end_matches('/');
        Some(match page {
            Page::List => format!("{base}/"),
            other => format!("{base}{}", other.path()),
        })
    }
}

/// The app's HTML for `page`, rendered on the host as a first-time visitor sees it.
pub fn render_app(page: Page, public_url: &str) -> String {
    // Every page starts from an empty store: what one page records (a read mark) must not show
    // on the next.
    storage::reset();
    dom::set_base_path(public_url);
    let url = format!("{}{}", dom::base_path(), page.path());
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(&url));
        area_app(page.area()).to_html()
    });
    owner.unset();
    html
}

/// Escapes text for an HTML attribute or text node.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// JSON made safe inside `<script>`: no `<` at all, so no `</script>` can end it early.
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// A question's description: its 20-second answer as text.
fn description(page: Page) -> String {
    match page {
        Page::Question(q) => bank::content::compiled(q.id)
            .map(|c| clip(&html_to_text(&c.summary), 300))
            .unwrap_or_default(),
        Page::Quiz | Page::QuizPlay => {
            "Quiz yourself on backend interview questions: flashcards graded against each answer's key points, or multiple choice.".into()
        }
        Page::Interview => "Rehearse a backend interview out loud: timed answers, key points to check yourself against, the interviewer's follow-ups, and a report.".into(),
        Page::Progress => "Your readiness, mastery per topic, streaks and reviews due, kept in your browser.".into(),
        Page::Designs => "Worked system design exercises for backend interviews: clarifying questions, estimates with a calculator, APIs, diagrams, deep dives, and a timed practice round.".into(),
        Page::Design(d) => clip(d.summary, 300),
        Page::DesignPractice(d) => format!("A timed system design round on {}: six stages against the clock, the interviewer's clarifying answers, then your notes beside the model answer and a rubric to grade.", d.title),
        _ => SITE_DESCRIPTION.into(),
    }
}

/// What goes into `<head>` for `page`.
fn head(page: Page, site: &Site) -> String {
    let title = dom::title_text(&page.title());
    let description = description(page);
    let mut h = String::new();
    writeln!(h, "<title>{}</title>", escape(&title)).unwrap();
    writeln!(
        h,
        "    <meta name=\"description\" content=\"{}\" />",
        escape(&description)
    )
    .unwrap();
    if !page.is_listed() {
        writeln!(h, "    <meta name=\"robots\" content=\"noindex\" />").unwrap();
    }
    if let Some(url) = site.url_of(page).filter(|_| page.is_listed()) {
        writeln!(
            h,
            "    <link rel=\"canonical\" href=\"{}\" />",
            escape(&url)
        )
        .unwrap();
        writeln!(
            h,
            "    <meta property=\"og:url\" content=\"{}\" />",
            escape(&url)
        )
        .unwrap();
    }
    let kind = if matches!(page, Page::Question(_) | Page::Design(_)) {
        "article"
    } else {
        "website"
    };
    writeln!(h, "    <meta property=\"og:type\" content=\"{kind}\" />").unwrap();
    // Every area loads the questions' index before it starts: ask for it with the page.
    writeln!(
        h,
        "    <link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\" />",
        escape(&format!(
            "{}/{}",
            site.public_url.trim_end_matches('/'),
            crate::bank::INDEX_FILE
        ))
    )
    .unwrap();
    writeln!(
        h,
        "    <meta property=\"og:site_name\" content=\"Backprep\" />"
    )
    .unwrap();
    writeln!(
        h,
        "    <meta property=\"og:title\" content=\"{}\" />",
        escape(&title)
    )
    .unwrap();
    writeln!(
        h,
        "    <meta property=\"og:description\" content=\"{}\" />",
        escape(&description)
    )
    .unwrap();
    writeln!(h, "    <meta name=\"twitter:card\" content=\"summary\" />").unwrap();
    if let Page::Question(q) = page {
        if let Some(c) = bank::content::compiled(q.id) {
            let mut answer = serde_json::json!({
                "@type": "Answer",
                "text": html_to_text(&c.summary),
            });
            if let Some(url) = site.url_of(page) {
                answer["url"] = url.into();
            }
            let data = serde_json::json!({
                "@context": "https://schema.org",
                "@type": "QAPage",
                "mainEntity": {
                    "@type": "Question",
                    "name": q.question,
                    "text": q.question,
                    "answerCount": 1,
                    "acceptedAnswer": answer,
                },
            });
            writeln!(
                h,
                "    <script type=\"application/ld+json\">{}</script>",
                script_json(&data.to_string())
            )
            .unwrap();
        }
    }
    if let Page::Design(d) = page {
        let mut data = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "LearningResource",
            "name": d.title,
            "description": d.summary,
            "learningResourceType": "Worked example",
            "educationalLevel": d.level.label(),
            "teaches": "System design for backend interviews",
            "inLanguage": "en",
        });
        if let Some(url) = site.url_of(page) {
            data["url"] = url.into();
        }
        writeln!(
            h,
            "    <script type=\"application/ld+json\">{}</script>",
            script_json(&data.to_string())
        )
        .unwrap();
    }
    h
}

/// The whole page for `page`, from trunk's `template` (its `index.html`).
pub fn page_html(template: &str, page: Page, site: &Site) -> Result<String, String> {
    let mut html = template.to_string();
    // trunk's template: one <title>, the site's description, an empty <body> but for a <noscript>.
    while let Some(start) = html.find("<meta name=\"description\"") {
        let end = html[start..]
            .find('>')
            .map(|i| start + i + 1)
            .unwrap_or(html.len());
        let line_start = html[..start].rfind('\n').map_or(start, |i| i + 1);
        let line_end = if html[end..].starts_with('\n') {
            end + 1
        } else {
            end
        };
        let whole_line = html[line_start..start].trim().is_empty();
        html.replace_range(
            if whole_line {
                line_start..line_end
            } else {
                start..end
            },
            "",
        );
    }
    let title_start = html.find("<title>").ok_or("the template has no <title>")?;
    let title_end = html[title_start..]
        .find("</title>")
        .map(|i| title_start + i + "</title>".len())
        .ok_or("the template's <title> is not closed")?;
    html.replace_range(title_start..title_end, head(page, site).trim_end());
    let body_start = html.find("<body>").ok_or("the template has no <body>")? + "<body>".len();
    let body_end = html
        .rfind("</body>")
        .ok_or("the template's <body> is not closed")?;
    let mut body = render_app(page, &site.public_url);
    if let Page::Question(q) = page {
        if let Some(text) = bank::files::text(q.content) {
            write!(
                body,
                "<script type=\"application/json\" id=\"bp-content\">{}</script>",
                script_json(text)
            )
            .unwrap();
        }
    }
    if let Page::Design(d) | Page::DesignPractice(d) = page {
        if let Some(text) = bank::files::text(d.content) {
            write!(
                body,
                // `boot::DESIGN_CONTENT_SCRIPT_ID` reads it (boot is wasm only).
                "<script type=\"application/json\" id=\"bp-design-content\">{}</script>",
                script_json(text)
            )
            .unwrap();
        }
    }
    html.replace_range(body_start..body_end, &body);
    Ok(html)
}

/// What [`write_site`] did.
#[derive(Debug, Default)]
pub struct Report {
    /// Pages written.
    pub pages: usize,
    /// Data files written.
    pub data_files: usize,
    /// What needed the site's absolute URL and was left out.
    pub skipped: Vec<&'static str>,
}

/// Writes every page, the data files, `robots.txt` and (with a site URL) `sitemap.xml` into
/// `dir`, which holds trunk's output: `index.html`, the study area's page, and `<bin>.html` for
/// every other area (see `meta::Area`). Each page is written from its area's template.
pub fn write_site(dir: &Path, site: &Site) -> Result<Report, String> {
    let read = |name: String| {
        std::fs::read_to_string(dir.join(&name))
            .map_err(|e| format!("{}: {e}", dir.join(&name).display()))
    };
    let mut templates = std::collections::HashMap::new();
    for area in Area::ALL {
        let name = match area {
            Area::Study => "index.html".to_string(),
            other => format!("{}.html", other.bin()),
        };
        templates.insert(area, read(name)?);
    }
    let write = |name: &str, text: &str| -> Result<(), String> {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut report = Report::default();
    for page in Page::all() {
        write(
            &page.file(),
            &page_html(&templates[&page.area()], page, site)?,
        )?;
        report.pages += 1;
    }
    for (name, text) in bank::files::FILES {
        write(name, text)?;
        report.data_files += 1;
    }
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    match &site.site_url {
        Some(_) => {
            let mut sitemap = String::from(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
            );
            for page in Page::all().into_iter().filter(|p| p.is_listed()) {
                if let Some(url) = site.url_of(page) {
                    writeln!(sitemap, "  <url><loc>{}</loc></url>", escape(&url)).unwrap();
                }
            }
            sitemap.push_str("</urlset>\n");
            write("sitemap.xml", &sitemap)?;
            if let Some(url) = site.url_of(Page::List) {
                writeln!(robots, "Sitemap: {url}sitemap.xml").unwrap();
            }
        }
        None => {
            report.skipped = vec![
                "canonical links",
                "og:url",
                "sitemap.xml",
                "the Sitemap line of robots.txt",
            ]
        }
    }
    write("robots.txt", &robots)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n    <meta name=\"description\" content=\"x\" />\n    <title>Backprep</title>\n  </head>\n  <body>\n    <noscript>old</noscript>\n  </body>\n</html>\n";

    fn site() -> Site {
        Site {
            public_url: "/".into(),
            site_url: Some("https://example.org/prep/".into()),
        }
    }

    #[test]
    fn a_question_page_carries_its_answer_title_description_and_structured_data() {
        let q = bank::question("jwt").unwrap();
        let html = page_html(TEMPLATE, Page::Question(q), &site()).unwrap();
        assert!(html.contains(&format!("<title>{} · Backprep</title>", escape(q.question))));
        assert_eq!(html.matches("<meta name=\"description\"").count(), 1);
        assert!(html
            .contains("<link rel=\"canonical\" href=\"https://example.org/prep/questions/jwt\""));
        assert!(html.contains("\"@type\":\"QAPage\""));
        assert!(html.contains("id=\"bp-content\""));
        assert!(!html.contains("<noscript>old"));
        let content = bank::content::compiled("jwt").unwrap();
        let answer_start: String = html_to_text(&content.answer).chars().take(40).collect();
        assert!(
            html_to_text(&html).contains(&answer_start),
            "the answer is in the page"
        );
        // Inline JSON cannot end its script early.
        let script = html.split("id=\"bp-content\">").nth(1).unwrap();
        assert!(!script.split("</script>").next().unwrap().contains('<'));
    }

    #[test]
    fn the_list_page_links_every_question_and_is_anonymous() {
        let html = page_html(TEMPLATE, Page::List, &site()).unwrap();
        for q in bank::questions() {
            assert!(
                html.contains(&format!("href=\"/questions/{}\"", q.id)),
                "{}",
                q.id
            );
        }
        assert!(html.contains(&format!("{} questions · 0 read", bank::questions().len())));
        assert!(html.contains("<title>Backprep</title>"));
    }

    #[test]
    fn under_a_sub_path_links_carry_it() {
        let sub = Site {
            public_url: "/backprep/".into(),
            site_url: None,
        };
        let html = page_html(TEMPLATE, Page::List, &sub).unwrap();
        assert!(html.contains("href=\"/backprep/questions/jwt\""));
        assert!(!html.contains("rel=\"canonical\""));
        dom::set_base_path("/");
    }

    #[test]
    fn a_design_page_carries_its_diagram_content_and_structured_data() {
        let d = crate::bank::designs::design("url-shortener").unwrap();
        let html = page_html(TEMPLATE, Page::Design(d), &site()).unwrap();
        assert!(html.contains("<title>Design a URL shortener · Backprep</title>"));
        assert!(html.contains("\"@type\":\"LearningResource\""));
        assert!(html.contains("id=\"bp-design-content\""));
        assert!(html.contains("<svg"), "the diagram is drawn into the page");
        for heading in [
            "The prompt",
            "Clarifying questions",
            "Requirements",
            "Estimate",
            "API and data model",
            "High-level design",
            "Deep dives",
            "Bottlenecks and failure modes",
            "What a senior answer adds",
        ] {
            assert!(html.contains(&format!(">{heading}</h2>")), "{heading}");
        }
        // The calculator shows its figures with scripts off.
        assert!(html.contains("req/s"));
        let script = html.split("id=\"bp-design-content\">").nth(1).unwrap();
        assert!(!script.split("</script>").next().unwrap().contains('<'));
    }

    #[test]
    fn the_designs_page_links_every_exercise() {
        let html = page_html(TEMPLATE, Page::Designs, &site()).unwrap();
        for d in crate::bank::designs::designs() {
            assert!(
                html.contains(&format!("href=\"/designs/{}\"", d.id)),
                "{}",
                d.id
            );
        }
    }

    #[test]
    fn app_states_are_not_for_search_engines() {
        let html = page_html(TEMPLATE, Page::QuizPlay, &site()).unwrap();
        assert!(html.contains("noindex"));
        assert!(!html.contains("rel=\"canonical\""));
    }
}
