#!/usr/bin/env python3
"""Trunk post-build hook (also runs standalone on a built folder).

In a release build it:
1. adds a Content-Security-Policy meta tag to index.html that allows trunk's inline module script
   by its sha256 hash (no 'unsafe-inline'), plus 'wasm-unsafe-eval' for WebAssembly;
2. writes 404.html, a copy of index.html, for hosts that serve it for unknown paths;
3. stamps the build's content hash into index.html (<meta name="backprep-build">), which also tells
   the app to register the service worker;
4. writes the list of every file with its hash into sw.js, so the cache name changes exactly when
   the build changes.
Debug builds (trunk serve) get none of this: trunk's live-reload script is inline, and a service
worker would serve stale files during development.

usage: TRUNK_STAGING_DIR=dir TRUNK_PROFILE=release scripts/postbuild.py    (as a trunk hook)
       scripts/postbuild.py DIR                                            (re-stamp a built folder)
"""
import base64, hashlib, json, os, pathlib, re, sys

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {script_hashes}; "
       "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
       "manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'")

def sha256_b64(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()

def stamp_html(html: str) -> str:
    # Remove what an earlier run added, so the script is idempotent.
    html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    html = re.sub(r'\s*<meta name="backprep-build"[^>]*>', "", html)
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    hashes = " ".join(f"'sha256-{sha256_b64(s.encode())}'" for s in inline)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP.format(script_hashes=hashes)}" />'
    # The CSP must come before any script, so it goes right after <meta charset>.
    out, n = re.subn(r'(<meta charset="?utf-8"?\s*/?>)', lambda m: m.group(1) + "\n    " + meta, html, count=1, flags=re.I)
    if n != 1:
        raise SystemExit("postbuild: no <meta charset> in index.html to put the CSP after")
    return out

def main() -> int:
    if len(sys.argv) > 1:
        dist = pathlib.Path(sys.argv[1])
    else:
        if os.environ.get("TRUNK_PROFILE") != "release":
            print("postbuild: debug build, nothing to do")
            return 0
        dist = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
    index = dist / "index.html"
    html = stamp_html(index.read_text(encoding="utf-8"))
    index.write_text(html, encoding="utf-8")

    sw = dist / "sw.js"
    files = sorted(p for p in dist.rglob("*") if p.is_file() and p.name not in ("sw.js", "404.html"))
    listing = {str(p.relative_to(dist)).replace(os.sep, "/"): hashlib.sha256(p.read_bytes()).hexdigest()[:16]
               for p in files if p.name != "index.html"}
    # The build hash covers every file but index.html's own stamp (which holds it) and sw.js.
    build = hashlib.sha256(json.dumps(listing, sort_keys=True).encode() + html.encode()).hexdigest()[:16]
    stamp = f'<meta name="backprep-build" content="{build}" />'
    html, n = re.subn(r"(<meta http-equiv=\"Content-Security-Policy\"[^>]*>)", lambda m: m.group(1) + "\n    " + stamp, html, count=1)
    if n != 1:
        raise SystemExit("postbuild: could not stamp the build into index.html")
    index.write_text(html, encoding="utf-8")
    (dist / "404.html").write_text(html, encoding="utf-8")
    precache = ["index.html"] + sorted(listing)
    text = sw.read_text(encoding="utf-8")
    text, n = re.subn(r"^const BUILD = .*;$", f"const BUILD = {json.dumps({'hash': build, 'files': precache})};", text, count=1, flags=re.M)
    if n != 1:
        print("postbuild: sw.js has no `const BUILD = …;` line to fill", file=sys.stderr)
        return 1
    sw.write_text(text, encoding="utf-8")
    size = sum(p.stat().st_size for p in files)
    print(f"postbuild: build {build}, {len(precache)} files precached ({size:,} bytes), CSP and 404.html written")
    return 0

if __name__ == "__main__":
    sys.exit(main())
