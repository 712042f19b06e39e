#!/usr/bin/env python3
"""Distribution checks against the built binary.

usage: dist_test.py CLAIMLINT SOURCE_DIR GROUP
  manpage    docs/claimlint.1 is what --help gives; the bash completion
             offers every option
  rule_docs  docs/rules/ is what --write-rule-docs gives from the packs
  outputs    --sarif and --summary from the same run as --format; SARIF
             suppressions for inline and baseline hiding, valid SARIF 2.1.0
  changed    --changed-since / --changed-first against a git ref
  version    --version names the git revision
Exit status: 0 passed, 1 failed, 77 skipped.
"""
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
failures = []
passed = 0


def check(cond, what, detail=""):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what + ("\n    " + str(detail).replace("\n", "\n    ") if detail else ""))


def run(args, cwd, env=None):
    e = dict(os.environ)
    e.pop("GITHUB_ACTIONS", None)
    e["NO_COLOR"] = "1"
    e.update(env or {})
    return subprocess.run([BIN] + args, cwd=cwd, capture_output=True, text=True, env=e,
                          timeout=300)


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def git(cwd, *args):
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org"] +
                          list(args), cwd=cwd, capture_output=True, text=True, check=True)


def t_manpage(tmp):
    proc = subprocess.run([sys.executable, os.path.join(SRC, "tools", "make_manpage.py"),
                           "--check", BIN, os.path.join(SRC, "docs", "claimlint.1")],
                          capture_output=True, text=True)
    check(proc.returncode == 0, "docs/claimlint.1 and the completion match --help",
          proc.stdout + proc.stderr)


def t_rule_docs(tmp):
    out = os.path.join(tmp, "rules")
    r = run(["--write-rule-docs", out], tmp)
    check(r.returncode == 0, "--write-rule-docs succeeds", r.stderr)
    have = os.path.join(SRC, "docs", "rules")
    cmp = filecmp.dircmp(out, have)
    stale = cmp.left_only + cmp.right_only + cmp.diff_files
    # dircmp compares shallowly; compare the bytes of every page.
    for name in cmp.common_files:
        with open(os.path.join(out, name), "rb") as a, open(os.path.join(have, name), "rb") as b:
            if a.read() != b.read() and name not in stale:
                stale.append(name)
    check(not stale, "docs/rules/ is current (build the claimlint_docs target to refresh it)",
          sorted(stale)[:20])


def sarif_schema():
    for cand in (os.path.join(SRC, "tests", "schema", "sarif-schema-2.1.0.json"),
                 os.path.join(SRC, "..", "shared", "schemas", "sarif-schema-2.1.0.json")):
        if os.path.exists(cand):
            return cand
    return None


def t_outputs(tmp):
    pack = os.path.join(SRC, "tests", "cli", "data", "packs", "basic.yaml")
    own = ["--no-default-rules", "--rules", pack]
    write(f"{tmp}/a.md", "# Tonic\n\nThis tonic is a miracle cure.\n\n"
          "It flushes out toxins. <!-- claimlint-disable-line test.detox -->\n")
    write(f"{tmp}/b.md", "# Tea\n\nThis tea is a miracle cure.\n\nA gentle remedy.\n")
    r = run(own + ["--write-baseline", "base.json", "b.md"], tmp)
    check(r.returncode == 0, "a baseline of b.md", r.stderr)
    summary = os.path.join(tmp, "summary.md")
    write(summary, "earlier step\n")
    r = run(own + ["--format", "github", "--sarif", "out.sarif", "--summary", summary,
                   "--baseline", "base.json", "a.md", "b.md"], tmp,
            env={"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r",
                 "GITHUB_SHA": "abc"})
    check(r.returncode == 1 and "::error file=a.md,line=3," in r.stdout,
          "annotations on stdout, exit 1", r.stdout + r.stderr)
    log = json.load(open(f"{tmp}/out.sarif"))
    results = log["runs"][0]["results"]
    kinds = sorted((x["ruleId"], x.get("suppressions", [{}])[0].get("kind", "")) for x in results)
    check(kinds == [("test.detox", "inSource"), ("test.gentle", "external"),
                    ("test.miracle", ""), ("test.miracle", "external")],
          "SARIF from the same run: findings, inline-suppressed and baselined ones", kinds)
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        short = rule["shortDescription"]["text"]
        check(len(short) <= 100 and "{" not in short, "a short title without placeholders",
              short)
        check("markdown" in rule.get("help", {}) and "/docs/rules/" in rule.get("helpUri", ""),
              "help in Markdown and a link to the rule's page", json.dumps(rule)[:300])
    text = open(summary).read()
    check(text.startswith("earlier step\n## claimlint"), "the summary is appended", text[:200])
    check("| claim | 1 |" in text and "[a.md:3](https://github.com/o/r/blob/abc/a.md#L3)" in text,
          "the summary counts by category and links the findings", text)
    schema = sarif_schema()
    validator = os.path.join(SRC, "tests", "schema", "validate.py")
    try:
        import jsonschema  # noqa: F401
        have_jsonschema = True
    except ImportError:
        have_jsonschema = False
    if schema and have_jsonschema and os.path.exists(validator):
        proc = subprocess.run([sys.executable, validator, schema, f"{tmp}/out.sarif"],
                              capture_output=True, text=True)
        check(proc.returncode == 0, "the SARIF with suppressions validates", proc.stdout +
              proc.stderr)
        r = run(["--format", "sarif", "--output", "builtin.sarif", "--fail-on", "never",
                 os.path.join(SRC, "corpus")], tmp)
        proc = subprocess.run([sys.executable, validator, schema, f"{tmp}/builtin.sarif"],
                              capture_output=True, text=True)
        check(proc.returncode == 0, "the corpus' SARIF (built-in rules) validates",
              proc.stdout + proc.stderr)


def t_changed(tmp):
    if not shutil.which("git"):
        raise SystemExit(SKIP)
    pack = os.path.join(SRC, "tests", "cli", "data", "packs", "basic.yaml")
    own = ["--no-default-rules", "--rules", pack, "--format", "json", "--fail-on", "never"]
    git(tmp, "init", "-q", "-b", "main")
    for name in ("a.md", "b.md", "c.md"):
        write(f"{tmp}/docs/{name}", "# T\n\nIt is a miracle cure.\n")
    git(tmp, "add", ".")
    git(tmp, "commit", "-q", "-m", "base")
    git(tmp, "checkout", "-q", "-b", "topic")
    write(f"{tmp}/docs/c.md", "# T\n\nIt is a miracle cure, they say.\n")
    git(tmp, "commit", "-q", "-am", "change c")
    write(f"{tmp}/docs/b.md", "# T\n\nIt is a miracle cure. Still.\n")  # uncommitted
    r = run(own + ["--changed-since", "main", "docs"], tmp)
    paths = [f["path"] for f in json.loads(r.stdout)["files"]] if r.returncode == 0 else r.stderr
    check(paths == ["docs/b.md", "docs/c.md"], "--changed-since lints only the changed files",
          paths)
    r = run(own + ["--changed-first", "main", "docs"], tmp)
    paths = [f["path"] for f in json.loads(r.stdout)["files"]] if r.returncode == 0 else r.stderr
    check(paths == ["docs/b.md", "docs/c.md", "docs/a.md"],
          "--changed-first lints every file, the changed ones first", paths)
    r = run(own + ["--changed-since", "main", "."], os.path.join(tmp, "docs"))
    paths = [f["path"] for f in json.loads(r.stdout)["files"]] if r.returncode == 0 else r.stderr
    check(paths == ["b.md", "c.md"], "paths relative to a subdirectory", paths)
    r = run(own + ["--changed-since", "no-such-ref", "docs"], tmp)
    check(r.returncode == 2 and "no-such-ref" in r.stderr, "an unknown ref exits 2", r.stderr)
    r = run(own + ["--changed-since", "--output", "docs"], tmp)
    check(r.returncode == 2, "a ref that looks like an option is refused", r.stderr)


def t_version(tmp):
    r = run(["--version"], tmp)
    line = r.stdout.strip()
    check(r.returncode == 0 and line.startswith("claimlint "), "--version prints a line", line)
    if shutil.which("git") and subprocess.run(["git", "-C", SRC, "rev-parse", "HEAD"],
                                              capture_output=True).returncode == 0:
        head = subprocess.run(["git", "-C", SRC, "rev-parse", "--short=12", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        check("(git " in line and head in line, "--version names the git revision", line)


def main():
    global BIN, SRC
    BIN, SRC, group = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    tmp = tempfile.mkdtemp(prefix="claimlint-dist-")
    try:
        globals()["t_" + group](tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL: " + f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
