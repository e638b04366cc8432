#!/usr/bin/env python3
"""Runs the code in every answer of the question bank.

Every fenced block in assets/questions/*.md is found and numbered per file: `<id>#<n>`, where n
counts ALL fences in the answer body from 0, in order, whatever their language. How each block is
run comes from scripts/examples/manifest.toml (see its header for the fields). Blocks in `http`
and `text` are not code and are skipped; a block in any other language with no manifest entry
fails the run, and so does a manifest entry that names no block, so new code has to be classified.

It starts what it needs, idempotently: a virtualenv in .cache/examples-venv with the pinned
packages of requirements.txt (then it re-runs itself inside it), PostgreSQL 15 from Debian in a
temporary directory on a unix socket (as a non-root user when run as root; stopped at the end),
TypeScript from npm in .cache/examples-node, nginx from Debian unpacked into .cache (never
installed as a service).

usage: scripts/examples/run.py [--only SUBSTRING]... [--verbose]
"""

import argparse
import atexit
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "scripts" / "examples"
CACHE = ROOT / ".cache"
VENV = CACHE / "examples-venv"
NODE_DIR = CACHE / "examples-node"
NGINX_DIR = CACHE / "examples-nginx"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
BANK = ROOT / "assets" / "questions"
NOT_CODE = {"http", "text"}
TYPESCRIPT = "5.9.3"
TIMEOUT = 90


def say(msg):
    print(f"examples: {msg}", flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def sudo():
    return [] if os.geteuid() == 0 else ["sudo"]


def apt_install(*pkgs):
    """apt-get install with no service started by the package's scripts."""
    say(f"installing {' '.join(pkgs)} from Debian")
    policy = Path("/usr/sbin/policy-rc.d")
    made = False
    if os.geteuid() == 0 and not policy.exists():
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
        made = True
    try:
        sh(sudo() + ["apt-get", "update", "-qq"])
        sh(sudo() + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *pkgs],
           env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    finally:
        if made:
            policy.unlink()


# ---------------------------------------------------------------- bootstrap: the venv

def ensure_venv():
    """Creates the venv with the pinned packages (only when the requirements changed), then
    re-executes this script with its python."""
    req = HERE / "requirements.txt"
    want = hashlib.sha256(req.read_bytes()).hexdigest()
    stamp = VENV / ".requirements-hash"
    py = VENV / "bin" / "python"
    if not (py.exists() and stamp.exists() and stamp.read_text() == want):
        say(f"setting up {VENV.relative_to(ROOT)} from requirements.txt")
        if VENV.exists():
            shutil.rmtree(VENV)
        try:
            sh([sys.executable, "-m", "venv", str(VENV)])
        except subprocess.CalledProcessError:
            shutil.rmtree(VENV, ignore_errors=True)
            apt_install("python3-venv")
            sh([sys.executable, "-m", "venv", str(VENV)])
        sh([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check",
            "-r", str(req)])
        stamp.write_text(want)
    if Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(py), [str(py), __file__, *sys.argv[1:]])


# ---------------------------------------------------------------- the blocks

FENCE = re.compile(r"^(\s*)```(\S*)\s*$")


def blocks():
    """Yields (file_id, n, lang, code) for every fenced block of every answer body."""
    for path in sorted(BANK.glob("*.md")):
        text = path.read_text()
        parts = text.split("\n+++\n", 1)
        body = parts[1] if len(parts) == 2 else text
        lines = body.split("\n")
        n, i = 0, 0
        while i < len(lines):
            m = FENCE.match(lines[i])
            if m:
                indent, lang = len(m.group(1)), m.group(2)
                j = i + 1
                while j < len(lines) and not lines[j].strip().startswith("```"):
                    j += 1
                code = "\n".join(line[indent:] if line[:indent].strip() == "" else line
                                 for line in lines[i + 1:j])
                yield path.stem, n, lang, code + "\n"
                n += 1
                i = j + 1
            else:
                i += 1


def apply_subst(code, entry, key):
    for old, new in entry.get("subst", []):
        if old not in code:
            raise Failure(f"subst: {old!r} is not in the block any more")
        code = code.replace(old, new)
    return code


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def run(cmd, *, cwd=None, env=None, input=None, timeout=TIMEOUT, expect_fail=False):
    p = subprocess.run(cmd, cwd=cwd, env=env, input=input, capture_output=True, text=True,
                       timeout=timeout)
    if (p.returncode != 0) != expect_fail:
        out = (p.stdout + p.stderr).strip()
        raise Failure(out[-3000:] or f"exit code {p.returncode}")
    return p


# ---------------------------------------------------------------- PostgreSQL

class Postgres:
    def __init__(self):
        self.dir = None
        self.port = 54391
        self.count = 0

    def start(self):
        if self.dir:
            return
        if not (PG_BIN / "postgres").exists():
            apt_install("postgresql-15")   # Debian's package includes the contrib extensions
        self.dir = Path(tempfile.mkdtemp(prefix="backprep-examples-pg-"))
        as_user = []
        if os.geteuid() == 0:
            user = "postgres"
            if subprocess.run(["id", "-u", user], capture_output=True).returncode != 0:
                user = "backprep-examples"
                if subprocess.run(["id", "-u", user], capture_output=True).returncode != 0:
                    sh(["useradd", "--system", "--no-create-home", user])
            shutil.chown(self.dir, user)
            as_user = ["runuser", "-u", user, "--"]
        self.as_user = as_user
        data = self.dir / "data"
        run(as_user + [str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                       "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        opts = (f"-k {self.dir} -p {self.port} -c listen_addresses='' -c fsync=off "
                "-c full_page_writes=off -c deadlock_timeout=200ms -c max_connections=40")
        run(as_user + [str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", opts, "-l",
                       str(self.dir / "log"), "-w", "start"])
        atexit.register(self.stop)

    def stop(self):
        if self.dir:
            subprocess.run(self.as_user + [str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"),
                                           "-m", "immediate", "stop"], capture_output=True)
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def psql(self, db, *args, **kw):
        cmd = ["psql", "-X", "-q", "-h", str(self.dir), "-p", str(self.port), "-U", "postgres",
               "-d", db, "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", *args]
        return run(cmd, **kw)

    def fresh_db(self):
        self.start()
        self.count += 1
        name = f"ex{self.count}"
        self.psql("postgres", "-c", f"CREATE DATABASE {name}")
        return name

    def dsn(self, db):
        return f"host={self.dir} port={self.port} user=postgres dbname={db}"


PG = Postgres()


def sql_file(tmp, name, text):
    p = Path(tmp) / name
    p.write_text(text)
    return str(p)


def with_db(entry, tmp):
    """A fresh database with the entry's setup SQL run in it; returns its name."""
    db = PG.fresh_db()
    if entry.get("setup"):
        PG.psql(db, "-f", sql_file(tmp, "setup.sql", entry["setup"]))
    return db


# ---------------------------------------------------------------- per language

def do_sql(code, entry, tmp):
    db = with_db(entry, tmp)
    env = {**os.environ, "EXAMPLES_DSN": PG.dsn(db), "PYTHONPATH": str(HERE / "lib"),
           "PYTHONDONTWRITEBYTECODE": "1"}
    if "driver" in entry:
        block = sql_file(tmp, "block.sql", code)
        run([sys.executable, str(HERE / entry["driver"]), block], env=env, cwd=tmp)
        return
    args = []
    for k, v in entry.get("psql_vars", {}).items():
        args += ["-v", f"{k}={v}"]
    expect = entry.get("expect_error")
    p = PG.psql(db, *args, "-f", sql_file(tmp, "block.sql", code), expect_fail=bool(expect))
    if expect and f"ERROR:  {expect}:" not in p.stderr:
        raise Failure(f"expected SQLSTATE {expect}, got: {p.stderr.strip()[-800:]}")
    if entry.get("after"):
        PG.psql(db, "-f", sql_file(tmp, "after.sql", entry["after"]))


def do_python(code, entry, tmp):
    src = entry.get("prelude", "") + "\n" + code + "\n" + entry.get("post", "")
    path = sql_file(tmp, "example.py", src)
    if entry.get("check") == "compile":
        compile(src, path, "exec")
        return
    env = {**os.environ, "PYTHONPATH": str(HERE / "lib"), "PYTHONDONTWRITEBYTECODE": "1"}
    if entry.get("setup") or entry.get("db"):
        env["EXAMPLES_DSN"] = PG.dsn(with_db(entry, tmp))
    p = run([sys.executable, path], cwd=tmp, env=env)
    want = entry.get("stdout")
    if want is not None and p.stdout.strip() != want.strip():
        raise Failure(f"stdout was {p.stdout.strip()!r}, expected {want.strip()!r}")


def do_bash(code, entry, tmp):
    path = sql_file(tmp, "example.sh", entry.get("prelude", "") + "\n" + code + "\n"
                    + entry.get("post", ""))
    check = entry.get("check")
    if check == "syntax":
        run(["bash", "-n", path])
    elif check == "run":
        env = {**os.environ, "HOME": tmp, "GIT_CONFIG_NOSYSTEM": "1"}
        run(["bash", "-euo", "pipefail", path], cwd=tmp, env=env)
    else:
        raise Failure('bash needs check = "syntax" or "run" (or skip)')


def dig(doc, dotted):
    cur = doc
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def do_yaml(code, entry, tmp):
    import yaml  # from the venv
    docs = list(yaml.safe_load_all(code))
    if not docs or any(d is None for d in docs):
        raise Failure("empty YAML document")
    fragments = set(entry.get("fragment_docs", []))
    for i, doc in enumerate(docs):
        if i in fragments:
            continue
        for key in entry.get("require", []):
            # PyYAML reads a bare `on` key (GitHub Actions) as YAML 1.1 true
            if dig(doc, key) is None and not (key == "on" and True in doc):
                raise Failure(f"document {i}: required key {key!r} is missing")


def do_json(code, entry, tmp):
    import json
    if entry.get("check", "json") == "json":
        json.loads(code)
        return
    dec, i, n = json.JSONDecoder(), 0, 0
    while True:
        while i < len(code) and code[i].isspace():
            i += 1
        if i == len(code):
            break
        _, i = dec.raw_decode(code, i)
        n += 1
    if n < 2:
        raise Failure("json-seq: expected two or more JSON values")


def nginx_binary():
    """Debian's nginx unpacked (apt-get download + dpkg-deb -x) into .cache, never installed."""
    found = shutil.which("nginx")
    if found:
        return found
    binary = NGINX_DIR / "usr" / "sbin" / "nginx"
    if not binary.exists():
        say("unpacking Debian's nginx into .cache/examples-nginx")
        NGINX_DIR.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as d:
            got = subprocess.run(["apt-get", "download", "nginx"], cwd=d, capture_output=True)
            if got.returncode != 0:
                sh(sudo() + ["apt-get", "update", "-qq"])
                sh(["apt-get", "download", "nginx"], cwd=d)
            for deb in Path(d).glob("*.deb"):
                sh(["dpkg-deb", "-x", str(deb), str(NGINX_DIR)])
    return str(binary)


def self_signed(tmp):
    """A throwaway key pair for the nginx blocks that name TLS files (cryptography, from the venv)."""
    import datetime
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    key_path, crt_path = Path(tmp) / "tls.key", Path(tmp) / "tls.crt"
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "example.test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    crt = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
           .public_key(key.public_key()).serial_number(1)
           .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
           .sign(key, hashes.SHA256()))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    crt_path.write_bytes(crt.public_bytes(serialization.Encoding.PEM))
    return str(key_path), str(crt_path)


def do_nginx(code, entry, tmp):
    key, crt = self_signed(tmp)
    code = code.replace("@TLS_KEY@", key).replace("@TLS_CRT@", crt)
    http = entry.get("http_prelude", "")
    wrap = entry.get("wrap", "http")
    if wrap == "server":
        inner = f"{http}\nserver {{\n listen 127.0.0.1:8080;\n{code}\n}}\n"
    elif wrap == "http":
        inner = f"{http}\n{code}\n"
    else:
        raise Failure(f"unknown wrap {wrap!r}")
    conf = (f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nevents {{}}\n"
            f"http {{\n access_log off;\n client_body_temp_path {tmp}/body;\n"
            f" proxy_temp_path {tmp}/proxy;\n fastcgi_temp_path {tmp}/fastcgi;\n"
            f" uwsgi_temp_path {tmp}/uwsgi;\n scgi_temp_path {tmp}/scgi;\n{inner}\n}}\n")
    path = sql_file(tmp, "nginx.conf", conf)
    run([nginx_binary(), "-t", "-q", "-p", tmp, "-e", f"{tmp}/error.log", "-c", path])


def do_js(code, entry, tmp):
    src = entry.get("prelude", "") + "\n" + code + "\n" + entry.get("post", "")
    path = sql_file(tmp, "example.mjs", src)
    if entry.get("check") == "syntax":
        run(["node", "--check", path])
    else:
        run(["node", path], cwd=tmp)


def tsc():
    binary = NODE_DIR / "node_modules" / ".bin" / "tsc"
    if not binary.exists():
        say(f"installing typescript {TYPESCRIPT} into .cache/examples-node")
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        (NODE_DIR / "package.json").write_text('{"private": true}\n')
        sh(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "-E",
            f"typescript@{TYPESCRIPT}"], cwd=NODE_DIR)
    return str(binary)


def do_ts(code, entry, tmp):
    src = entry.get("prelude", "") + "\n" + code + "\n" + entry.get("post", "") + "\nexport {};\n"
    path = sql_file(tmp, "example.ts", src)
    run([tsc(), "--noEmit", "--strict", "--target", "es2022", "--module", "es2022",
         "--lib", "es2022", path])


def do_java(code, entry, tmp):
    src = entry.get("prelude", "") + "\n" + code + "\n" + entry.get("post", "")
    m = re.search(r"^public (?:final )?class (\w+)", src, re.M)
    path = sql_file(tmp, (m.group(1) if m else "Example") + ".java", src)
    run(["javac", "-d", str(Path(tmp) / "out"), path])


def do_go(code, entry, tmp):
    raise Failure("go blocks must be skipped with a reason: no Go toolchain is installed")


RUNNERS = {"sql": do_sql, "python": do_python, "bash": do_bash, "sh": do_bash,
           "yaml": do_yaml, "json": do_json, "nginx": do_nginx, "js": do_js, "ts": do_ts,
           "java": do_java, "go": do_go}


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", action="append", default=[],
                    help="run only the blocks whose key contains this (repeatable)")
    ap.add_argument("--verbose", action="store_true", help="print a failure's whole output")
    args = ap.parse_args()
    ensure_venv()

    manifest = tomllib.loads((HERE / "manifest.toml").read_text())
    found = list(blocks())
    keys = {f"{fid}#{n}" for fid, n, _, _ in found}
    results = {"PASS": 0, "SKIP": 0, "FAIL": 0}
    failed = []
    started = time.monotonic()

    def report(status, key, lang, secs, note=""):
        results[status] += 1
        line = f"{status}  {key:<42} {lang:<7} {secs:6.2f}s"
        print(line + (f"  {note}" if note else ""), flush=True)
        if status == "FAIL":
            failed.append(key)

    for key in sorted(set(manifest) - keys):
        if not args.only or any(o in key for o in args.only):
            report("FAIL", key, "-", 0, "manifest entry names no block (renumbered or removed?)")

    for fid, n, lang, code in found:
        key = f"{fid}#{n}"
        if args.only and not any(o in key for o in args.only):
            continue
        entry = manifest.get(key)
        t0 = time.monotonic()
        if entry is None:
            if lang in NOT_CODE:
                report("SKIP", key, lang, 0, "not code")
            else:
                report("FAIL", key, lang, 0, "no manifest entry: classify it in "
                       "scripts/examples/manifest.toml")
            continue
        if "lang" in entry and entry["lang"] != lang:
            report("FAIL", key, lang, 0, f"manifest says lang {entry['lang']!r}: renumbered?")
            continue
        if "skip" in entry:
            if not str(entry["skip"]).strip():
                report("FAIL", key, lang, 0, "skip needs a reason")
            else:
                report("SKIP", key, lang, 0, entry["skip"])
            continue
        runner = RUNNERS.get(lang)
        if runner is None:
            report("FAIL", key, lang, 0, f"no runner for language {lang!r}")
            continue
        with tempfile.TemporaryDirectory(prefix="backprep-example-") as tmp:
            os.chmod(tmp, 0o755)
            try:
                runner(apply_subst(code, entry, key), entry, tmp)
                report("PASS", key, lang, time.monotonic() - t0, entry.get("note", ""))
            except subprocess.TimeoutExpired:
                report("FAIL", key, lang, time.monotonic() - t0, f"timed out after {TIMEOUT}s")
            except (Failure, SyntaxError, ValueError, subprocess.CalledProcessError) as e:
                report("FAIL", key, lang, time.monotonic() - t0, "")
                text = str(e)
                if not args.verbose:
                    text = "\n".join(text.splitlines()[-25:])
                print("      " + text.replace("\n", "\n      "), flush=True)

    PG.stop()
    print(f"\nexamples: {len(found)} blocks in {len({f for f, *_ in found})} files, "
          f"{time.monotonic() - started:.1f}s")
    if failed:
        print("failed: " + " ".join(failed))
    print(f"examples: {results['PASS']} passed, {results['FAIL']} failed, "
          f"{results['SKIP']} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
