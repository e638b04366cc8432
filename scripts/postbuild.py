#!/usr/bin/env python3
"""Trunk post-build hook (also runs standalone on a built folder).

In a release build it:
1. prerenders every page (the app's own components rendered on the host, `src/bin/prerender.rs`):
   index.html becomes the question list, questions/<id>.html each question, quiz.html,
   quiz/play.html, progress.html, 404.html the not-found page, shell.html an empty app (what the
   service worker serves offline for a page it has not kept); plus the bank's data files,
   robots.txt and, with SITE_URL set, sitemap.xml;
2. adds to every page a Content-Security-Policy meta tag that allows its inline scripts by their
   sha256 hashes (no 'unsafe-inline'), plus 'wasm-unsafe-eval' for WebAssembly;
3. stamps the build's content hash into every page (<meta name="backprep-build">), which also tells
   the app to register the service worker;
4. writes into sw.js the list of files to keep offline with the build hash, so the cache name
   changes exactly when the build changes.
Debug builds (trunk serve) get none of this: trunk's live-reload script is inline, and a service
worker would serve stale files during development.

The study area's build (index.html) is the last of those scripts/build.sh runs; its hook
first gathers the other areas' builds (their wasm, js and page templates, from DIST.<bin>/), whose
own hooks do nothing.

usage: TRUNK_STAGING_DIR=dir TRUNK_PROFILE=release scripts/postbuild.py    (as a trunk hook)
       scripts/postbuild.py DIR                                            (re-stamp a built site)
"""
import base64, hashlib, json, os, pathlib, re, shutil, subprocess, sys

# The other areas' binaries (src/meta.rs, `Area::bin`); each page's template is <bin>.html.
OTHER_AREAS = ["backprep-practice", "backprep-interview", "backprep-progress", "backprep-design"]

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {script_hashes}; "
       "style-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
       "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'")

# Pages kept for offline use besides the data: the ones with no id in their address. A question
# page not kept is rendered offline by the app from its data file, inside shell.html.
KEPT_PAGES = ["index.html", "quiz.html", "quiz/play.html", "interview.html", "progress.html", "designs.html", "404.html", "shell.html"]

def sha256_b64(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()

def stamp_csp(html: str) -> str:
    # Remove what an earlier run added, so the script is idempotent.
    html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    html = re.sub(r'\s*<meta name="backprep-build"[^>]*>', "", html)
    # Only scripts that run need a hash; JSON data blocks never run.
    inline = [body for attrs, body in re.findall(r"<script((?:(?!\bsrc=)[^>])*)>(.*?)</script>", html, re.S)
              if "application/json" not in attrs and "application/ld+json" not in attrs]
    hashes = " ".join(f"'sha256-{sha256_b64(s.encode())}'" for s in inline)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP.format(script_hashes=hashes)}" />'
    # The CSP must come before any script, so it goes right after <meta charset>.
    out, n = re.subn(r'(<meta charset="?utf-8"?\s*/?>)', lambda m: m.group(1) + "\n    " + meta, html, count=1, flags=re.I)
    if n != 1:
        raise SystemExit("postbuild: no <meta charset> in a page to put the CSP after")
    return out

def stamp_build(html: str, build: str) -> str:
    # assets/sw.js reads this exact tag: it installs a build only if every kept page carries its hash.
    stamp = f'<meta name="backprep-build" content="{build}" />'
    html, n = re.subn(r"(<meta http-equiv=\"Content-Security-Policy\"[^>]*>)", lambda m: m.group(1) + "\n    " + stamp, html, count=1)
    if n != 1:
        raise SystemExit("postbuild: could not stamp the build into a page")
    return html

def write_shell(dist: pathlib.Path) -> None:
    """An app with nothing prerendered in it: the offline stand-in for a page not kept."""
    html = (dist / "404.html").read_text(encoding="utf-8")
    start, end = html.index("<body>") + len("<body>"), html.rindex("</body>")
    title = re.sub(r"<title>.*?</title>", "<title>Backprep</title>", html[:start], flags=re.S)
    title = re.sub(r'\s*<meta name="robots"[^>]*>', "", title)
    (dist / "shell.html").write_text(title + '<div id="app"></div>' + html[end:], encoding="utf-8")

def gather_areas(staging: pathlib.Path, final_dist: pathlib.Path) -> None:
    """Copies each other area's wasm, js and page template from its own build into this one."""
    for bin in OTHER_AREAS:
        built = pathlib.Path(f"{final_dist}.{bin}")
        page = built / "index.html"  # trunk names its output index.html whatever the template
        if not page.is_file():
            raise SystemExit(f"postbuild: {page} is missing: build the site with scripts/build.sh, "
                             "which builds every area of the app")
        for f in built.iterdir():
            if re.fullmatch(re.escape(bin) + r"-[0-9a-f]+(_bg\.wasm|\.js)", f.name):
                shutil.copy2(f, staging / f.name)
        shutil.copy2(page, staging / f"{bin}.html")

def minify_scripts(dist: pathlib.Path) -> None:
    """Minifies each area's wasm-bindgen glue (about 2 KB gzip of every first visit). trunk's own
    minifier fails on that output; esbuild (pinned in package.json) keeps its exports and the
    names the wasm imports, which are object keys."""
    root = pathlib.Path(__file__).resolve().parent.parent
    esbuild = root / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists():
        raise SystemExit(f"postbuild: {esbuild} is missing: run scripts/setup.sh (npm packages)")
    for f in sorted(dist.glob("backprep*.js")):
        subprocess.run([str(esbuild), str(f), "--minify", "--format=esm", "--legal-comments=none",
                        "--log-level=warning", f"--outfile={f}", "--allow-overwrite"], check=True)

def prerender(dist: pathlib.Path, public_url: str) -> None:
    root = pathlib.Path(__file__).resolve().parent.parent
    cmd = ["cargo", "run", "--quiet", "--bin", "prerender", "--", str(dist), public_url]
    # A trunk hook inherits trunk's cargo settings for the wasm target; the prerenderer is a host
    # program, built for the host.
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARGO_BUILD_TARGET")}
    subprocess.run(cmd, cwd=root, env=env, check=True)
    write_shell(dist)

# What a first visit may fetch of the questions' data files for the service worker to keep them
# all (raw bytes; gzip on the wire is about a third). The bank of 111 questions has 1.0 MB, about
# 9 KB a question, so up to about 300 questions a first visit keeps every answer for offline use.
QUESTION_DATA_KEPT = 3_000_000

def main() -> int:
    if len(sys.argv) > 1:
        # A site already built and prerendered: stamp it again (a changed file, a new hash).
        dist = pathlib.Path(sys.argv[1])
    else:
        if os.environ.get("TRUNK_PROFILE") != "release":
            print("postbuild: debug build, nothing to do")
            return 0
        if pathlib.Path(os.environ.get("TRUNK_HTML_FILE", "index.html")).name != "index.html":
            print("postbuild: an area's build; the study area's build gathers it")
            return 0
        dist = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
        public_url = os.environ.get("TRUNK_PUBLIC_URL") or "/"
        gather_areas(dist, pathlib.Path(os.environ["TRUNK_DIST_DIR"]))
        minify_scripts(dist)
        prerender(dist, public_url)
        for bin in OTHER_AREAS:
            (dist / f"{bin}.html").unlink(missing_ok=True)

    pages = sorted(dist.rglob("*.html"))
    for page in pages:
        page.write_text(stamp_csp(page.read_text(encoding="utf-8")), encoding="utf-8")
    sw = dist / "sw.js"
    files = sorted(p for p in dist.rglob("*") if p.is_file() and p.name != "sw.js")
    listing = {str(p.relative_to(dist)).replace(os.sep, "/"): hashlib.sha256(p.read_bytes()).hexdigest()[:16]
               for p in files}
    # The build hash covers every file (each page before its own stamp) but sw.js.
    build = hashlib.sha256(json.dumps(listing, sort_keys=True).encode()).hexdigest()[:16]
    for page in pages:
        page.write_text(stamp_build(page.read_text(encoding="utf-8"), build), encoding="utf-8")
    precache = [f for f in sorted(listing) if not f.endswith(".html") or f in KEPT_PAGES]
    # The questions' data files are kept up front while they add up to QUESTION_DATA_KEPT bytes;
    # a bigger bank's are kept one by one as they are fetched (assets/sw.js, README "Offline").
    question_data = [f for f in precache if f.startswith("data/q/")]
    question_bytes = sum((dist / f).stat().st_size for f in question_data)
    if question_bytes > QUESTION_DATA_KEPT:
        precache = [f for f in precache if not f.startswith("data/q/")]
    missing = [p for p in KEPT_PAGES if p not in listing]
    if missing:
        raise SystemExit(f"postbuild: pages missing from the build: {', '.join(missing)}")
    text = sw.read_text(encoding="utf-8")
    text, n = re.subn(r"^const BUILD = .*;$", f"const BUILD = {json.dumps({'hash': build, 'files': precache})};", text, count=1, flags=re.M)
    if n != 1:
        print("postbuild: sw.js has no `const BUILD = …;` line to fill", file=sys.stderr)
        return 1
    sw.write_text(text, encoding="utf-8")
    size = sum((dist / f).stat().st_size for f in precache)
    kept_data = "all" if question_bytes <= QUESTION_DATA_KEPT else "none up front (kept as fetched)"
    print(f"postbuild: build {build}, {len(pages)} pages stamped, {len(precache)} files kept offline "
          f"({size:,} bytes; the questions' data files, {question_bytes:,} bytes: {kept_data}), CSP written")
    return 0

if __name__ == "__main__":
    sys.exit(main())
