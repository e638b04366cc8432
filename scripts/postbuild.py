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

usage: TRUNK_STAGING_DIR=dir TRUNK_PROFILE=release scripts/postbuild.py    (as a trunk hook)
       scripts/postbuild.py DIR [PUBLIC_URL]                               (prerender and stamp a built folder)
"""
import base64, hashlib, json, os, pathlib, re, subprocess, sys

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {script_hashes}; "
       "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
       "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'")

# Pages kept for offline use besides the data: the ones with no id in their address. A question
# page not kept is rendered offline by the app from its data file, inside shell.html.
KEPT_PAGES = ["index.html", "quiz.html", "quiz/play.html", "progress.html", "404.html", "shell.html"]

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

def prerender(dist: pathlib.Path, public_url: str) -> None:
    root = pathlib.Path(__file__).resolve().parent.parent
    cmd = ["cargo", "run", "--quiet", "--bin", "prerender", "--", str(dist), public_url]
    # A trunk hook inherits trunk's cargo settings for the wasm target; the prerenderer is a host
    # program, built for the host.
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARGO_BUILD_TARGET")}
    subprocess.run(cmd, cwd=root, env=env, check=True)
    write_shell(dist)

def main() -> int:
    if len(sys.argv) > 1:
        dist = pathlib.Path(sys.argv[1])
        public_url = sys.argv[2] if len(sys.argv) > 2 else "/"
    else:
        if os.environ.get("TRUNK_PROFILE") != "release":
            print("postbuild: debug build, nothing to do")
            return 0
        dist = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
        public_url = os.environ.get("TRUNK_PUBLIC_URL") or "/"
    prerender(dist, public_url)

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
    print(f"postbuild: build {build}, {len(pages)} pages stamped, {len(precache)} files kept offline "
          f"({size:,} bytes), CSP written")
    return 0

if __name__ == "__main__":
    sys.exit(main())
