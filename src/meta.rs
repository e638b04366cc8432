//! What each page is, for the document around it: its path, the file a static host serves it
//! from, its title and its description. The prerenderer writes these into every page's `<head>`;
//! the pages set the same titles in the browser.

use crate::bank::designs::{self, Design};
use crate::bank::{self, Question};

/// A page the site has a file for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The question list (`/`).
    List,
    /// One question.
    Question(&'static Question),
    /// The quiz set-up (`/quiz`).
    Quiz,
    /// The quiz cards (`/quiz/play`).
    QuizPlay,
    /// The mock interview (`/interview`).
    Interview,
    /// The progress dashboard (`/progress`).
    Progress,
    /// The design exercises (`/designs`).
    Designs,
    /// One design exercise.
    Design(&'static Design),
    /// The timed practice round on one design exercise.
    DesignPractice(&'static Design),
    /// What an unknown address shows.
    NotFound,
}

/// A part of the app with a wasm build of its own, so that a first visit downloads only the part it
/// lands on (each under the size budget): moving between parts is a page load, which a
/// prerendered page makes quick; moving within one is a route change. The study loop (the list,
/// a search, a question, next and previous, back) is one area, so it never loads a page; the
/// other areas are crossed rarely. The build script, the post-build step, the size report and
/// `.gitignore` name these binaries too (`tests/structure.rs` checks they agree).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// The study loop: the question list, the question pages, the not-found page and the
    /// offline shell (which renders a question from its data file).
    Study,
    /// Quizzes.
    Practice,
    /// Mock interviews.
    Interview,
    /// The progress dashboard, export and import.
    Progress,
    /// The design exercises.
    Design,
}

impl Area {
    /// Every area.
    pub const ALL: [Area; 5] = [
        Area::Study,
        Area::Practice,
        Area::Interview,
        Area::Progress,
        Area::Design,
    ];

    /// The area that serves the address `path` (within the site, starting with `/`).
    pub fn of_path(path: &str) -> Area {
        let path = path.split(['?', '#']).next().unwrap_or(path);
        if path == "/quiz" || path.starts_with("/quiz/") {
            Area::Practice
        } else if path == "/interview" {
            Area::Interview
        } else if path == "/progress" || path.starts_with("/progress/") {
            Area::Progress
        } else if path == "/designs" || path.starts_with("/designs/") {
            Area::Design
        } else {
            Area::Study
        }
    }

    /// Its wasm binary's name (and its page template's, `<bin>.html`, for the other areas).
    pub fn bin(self) -> &'static str {
        match self {
            Area::Study => "backprep",
            Area::Practice => "backprep-practice",
            Area::Interview => "backprep-interview",
            Area::Progress => "backprep-progress",
            Area::Design => "backprep-design",
        }
    }
}

/// The site's description of itself.
pub const SITE_DESCRIPTION: &str = "Study backend developer interview questions offline: interview-grade answers, quizzes, spaced repetition and progress kept in your browser.";

impl Page {
    /// Every page, list first.
    pub fn all() -> Vec<Page> {
        let mut pages = vec![
            Page::List,
            Page::Quiz,
            Page::QuizPlay,
            Page::Interview,
            Page::Progress,
            Page::Designs,
            Page::NotFound,
        ];
        pages.extend(bank::questions().iter().map(Page::Question));
        pages.extend(designs::designs().iter().map(Page::Design));
        pages.extend(designs::designs().iter().map(Page::DesignPractice));
        pages
    }

    /// The address within the site (`/questions/jwt`); the not-found page has none of its own.
    pub fn path(self) -> String {
        match self {
            Page::List => "/".into(),
            Page::Question(q) => format!("/questions/{}", q.id),
            Page::Quiz => "/quiz".into(),
            Page::QuizPlay => "/quiz/play".into(),
            Page::Interview => "/interview".into(),
            Page::Progress => "/progress".into(),
            Page::Designs => "/designs".into(),
            Page::Design(d) => format!("/designs/{}", d.id),
            Page::DesignPractice(d) => format!("/designs/{}/practice", d.id),
            Page::NotFound => "/404".into(),
        }
    }

    /// The file a static host serves for [`Page::path`]: hosts map `/quiz` to `quiz.html`.
    pub fn file(self) -> String {
        match self {
            Page::List => "index.html".into(),
            Page::NotFound => "404.html".into(),
            other => format!("{}.html", &other.path()[1..]),
        }
    }

    /// The title's page part ("" for the home page; see `platform::dom::title_text`).
    pub fn title(self) -> String {
        match self {
            Page::List => String::new(),
            Page::Question(q) => q.question.to_string(),
            Page::Quiz | Page::QuizPlay => "Quiz".into(),
            Page::Interview => "Mock interview".into(),
            Page::Progress => "Your progress".into(),
            Page::Designs => "System design".into(),
            Page::Design(d) => d.title.to_string(),
            Page::DesignPractice(d) => format!("Practice: {}", d.title),
            Page::NotFound => "Not found".into(),
        }
    }

    /// The area that serves it.
    pub fn area(self) -> Area {
        match self {
            Page::NotFound => Area::Study,
            other => Area::of_path(&other.path()),
        }
    }

    /// Whether search engines should list it (the quiz cards and not-found are app states, not
    /// pages to find).
    pub fn is_listed(self) -> bool {
        !matches!(
            self,
            Page::QuizPlay | Page::DesignPractice(_) | Page::NotFound
        )
    }
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end_matches([',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_files() {
        let jwt = Page::Question(bank::question("jwt").unwrap());
        assert_eq!(jwt.path(), "/questions/jwt");
        assert_eq!(jwt.file(), "questions/jwt.html");
        assert_eq!(Page::List.file(), "index.html");
        assert_eq!(Page::QuizPlay.file(), "quiz/play.html");
        assert_eq!(
            Page::all().len(),
            7 + bank::questions().len() + 2 * designs::designs().len()
        );
        let d = Page::Design(designs::design("url-shortener").unwrap());
        assert_eq!(d.file(), "designs/url-shortener.html");
        assert_eq!(d.area(), Area::Design);
        assert_eq!(Page::Designs.file(), "designs.html");
        assert_eq!(Page::Interview.file(), "interview.html");
        assert_eq!(Page::Interview.area(), Area::Interview);
        assert!(!Page::NotFound.is_listed() && Page::Progress.is_listed());
    }

    #[test]
    fn areas_by_address() {
        assert_eq!(Area::of_path("/"), Area::Study);
        assert_eq!(Area::of_path("/?q=tcp"), Area::Study);
        assert_eq!(Area::of_path("/questions/jwt?q=x"), Area::Study);
        assert_eq!(Area::of_path("/quiz?only=due"), Area::Practice);
        assert_eq!(Area::of_path("/quiz/play"), Area::Practice);
        assert_eq!(Area::of_path("/quizzes"), Area::Study);
        assert_eq!(Area::of_path("/progress"), Area::Progress);
        assert_eq!(Page::NotFound.area(), Area::Study);
        assert_eq!(Area::of_path("/designs"), Area::Design);
        assert_eq!(
            Area::of_path("/designs/url-shortener/practice"),
            Area::Design
        );
        assert_eq!(Area::of_path("/designsx"), Area::Study);
    }

    #[test]
    fn clip_cuts_at_words() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("one two three four", 12), "one two…");
    }
}
