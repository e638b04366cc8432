#!/usr/bin/env python3
"""Prints the raw and gzip size of every file in dist/, and checks the byte budget.

usage: scripts/size_report.py [--check] [DIST]
The budget covers the wasm + js that a first visit must download, gzip -9. The question bank is
compiled into the wasm, so the budget is the app's code allowance plus an allowance for the bank's
text; both are constants below, and a change to either must say why in its commit.
Exit 1 with --check when over budget.
"""
import gzip, pathlib, sys

# Measured 2026-11-23: the app's code (a build with a 3-question bank) is 227 KB gzip: Leptos view
# code is mostly monomorphized generics (twiggy: ~10,500 functions, none over 14 KB). The 111-answer
# bank's pre-rendered HTML adds ~220 KB gzip. Each allowance leaves ~10% headroom.
# Raised to 340 KB for the quiz (setup, flashcards, multiple choice, summary) and the service-worker
# edge, which brought the code to ~308 KB gzip.
# Raised to 480 KB for "study smarter" (issue 8), measured by removing one piece at a time from a
# release build (wasm-opt -Oz, gzip -9): FSRS scheduling (rs-fsrs + chrono) 18.6 KB; note rendering
# with pulldown-cmark 19.2 KB; the /progress route (dashboard, SVG charts, export/import with its
# validator) 56 KB; bookmarks, notes, due marks and filters across the other pages the rest. Code is
# now ~462 KB gzip.
CODE_BUDGET = 480 * 1024      # wasm + js code: router, list/search, question page, quiz, dashboard, storage, sw
BANK_BUDGET = 250 * 1024      # the compiled-in question bank (HTML only; search text is derived)
BUDGET = CODE_BUDGET + BANK_BUDGET

def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    dist = pathlib.Path(args[0] if args else "dist")
    if not dist.is_dir():
        print(f"size: {dist} does not exist; build first (make dist)", file=sys.stderr)
        return 2
    rows, total_raw, total_gz, payload_gz = [], 0, 0, 0
    for f in sorted(p for p in dist.rglob("*") if p.is_file()):
        data = f.read_bytes()
        gz = len(gzip.compress(data, 9))
        rows.append((str(f.relative_to(dist)), len(data), gz))
        total_raw += len(data)
        total_gz += gz
        if f.suffix in (".wasm", ".js") and f.name != "sw.js":
            payload_gz += gz
    width = max(len(r[0]) for r in rows)
    print(f"{'file':<{width}}  {'raw':>10}  {'gzip':>10}")
    for name, raw, gz in rows:
        print(f"{name:<{width}}  {raw:>10,}  {gz:>10,}")
    print(f"{'total':<{width}}  {total_raw:>10,}  {total_gz:>10,}")
    print(f"wasm + js (gzip): {payload_gz:,} bytes of a {BUDGET:,}-byte budget "
          f"({CODE_BUDGET // 1024} KB code + {BANK_BUDGET // 1024} KB bank)")
    if check and payload_gz > BUDGET:
        print(f"size budget: 0 passed, 1 failed — over by {payload_gz - BUDGET:,} bytes")
        return 1
    if check:
        print("size budget: 1 passed, 0 failed")
    return 0

if __name__ == "__main__":
    sys.exit(main())
