//! Prerenders the site into a built folder (see `backprep::prerender`).
//! usage: prerender DIR [PUBLIC_URL]   (SITE_URL in the environment gives the absolute address)

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: prerender DIR [PUBLIC_URL]");
        std::process::exit(2);
    };
    let public_url = args.next().unwrap_or_else(|| "/".into());
    let site_url = std::env::var("SITE_URL")
        .ok()
        .filter(|s| !s.trim().is_empty());
    let site = backprep::prerender::Site {
        public_url,
        site_url: site_url.map(|s| if s.ends_with('/') { s } else { format!("{s}/") }),
    };
    match backprep::prerender::write_site(std::path::Path::new(&dir), &site) {
        Ok(report) => {
            println!(
                "prerender: {} pages and {} data files written under {}",
                report.pages, report.data_files, site.public_url
            );
            if !report.skipped.is_empty() {
                println!(
                    "prerender: SITE_URL is not set, so these were left out: {}",
                    report.skipped.join(", ")
                );
            }
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
