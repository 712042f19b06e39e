#!/usr/bin/env python3
"""End-to-end tests of the claimlint command line, run against the built binary.

usage: cli_test.py CLAIMLINT GROUP

Each GROUP is one ctest test. Findings come from the small rule pack in
tests/cli/data/packs (loaded with --no-default-rules --rules) so that the
tests do not depend on the wording of the built-in packs. Every test runs in
a fresh temporary directory that holds a `.git`, so no configuration from
outside it applies.

Exit status: 0 all passed, 1 a check failed, 77 skipped (something the group
needs is not installed).
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, "data")
PACK = os.path.join(DATA, "packs", "basic.yaml")
OWN = ["--no-default-rules", "--rules", PACK]
SKIP = 77

BIN = None
passed = 0
failures = []


class Skip(Exception):
    pass


def check(cond, what, detail=""):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what + (("\n    " + detail.replace("\n", "\n    ")) if detail else ""))
    return cond


class Run:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")
        self.raw = proc.stdout

    def json(self):
        return json.loads(self.out)

    def describe(self):
        return "exit %d\nstdout: %s\nstderr: %s" % (self.code, self.out[:1500], self.err[:1500])


def run(args, cwd, stdin=None, env=None):
    e = dict(os.environ)
    e.pop("GITHUB_ACTIONS", None)
    e["NO_COLOR"] = "1"
    if env:
        e.update(env)
    proc = subprocess.run([BIN] + list(args), cwd=cwd, input=stdin, capture_output=True,
                          env=e, timeout=120)
    return Run(proc)


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def rules_of(report):
    """[(path, line, rule)] of a JSON report."""
    out = []
    for f in report["files"]:
        for x in f["findings"]:
            out.append((f["path"], x["line"], x["rule"]))
    return out


def digest(root):
    out = {}
    for d, _, files in os.walk(root):
        if ".git" in d.split(os.sep):
            continue
        for n in files:
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = hashlib.sha256(f.read()).hexdigest()
    return out


def located_error(text, filename):
    """True when `text` has a line 'FILENAME:LINE:COL: message'."""
    for line in text.splitlines():
        if filename in line:
            rest = line.split(filename, 1)[1]
            parts = rest.split(":", 3)
            if len(parts) == 4 and parts[0] == "" and parts[1].isdigit() and parts[2].isdigit() \
                    and parts[3].strip():
                return True
    return False


CLEAN = "# Sleep\n\nA regular bedtime helps many adults sleep better.\n"
ERROR = "# Tonic\n\nThis tonic is a miracle cure for tiredness.\n"
WARNING = "# Tea\n\nThis tea flushes out toxins overnight.\n"
INFO = "# Balm\n\nA gentle remedy for dry skin.\n"


# ---------------------------------------------------------------- groups

def t_exit_codes(tmp):
    write(f"{tmp}/clean.md", CLEAN)
    write(f"{tmp}/error.md", ERROR)
    write(f"{tmp}/warning.md", WARNING)
    r = run(OWN + ["clean.md"], tmp)
    check(r.code == 0, "a clean file exits 0", r.describe())
    r = run(OWN + ["error.md"], tmp)
    check(r.code == 1, "a file with an error finding exits 1", r.describe())
    check("error.md:3:" in r.out and "[test.miracle]" in r.out,
          "the text report names file:line:col and the rule", r.describe())
    r = run(OWN + ["warning.md"], tmp)
    check(r.code == 0, "warnings alone do not fail by default", r.describe())
    check("[test.detox]" in r.out, "warnings are still printed", r.describe())
    r = run(OWN + ["clean.md", "error.md"], tmp)
    check(r.code == 1, "one failing file fails the run", r.describe())

    r = run(OWN + ["--no-such-option", "clean.md"], tmp)
    check(r.code == 2 and r.out == "" and "unknown option" in r.err,
          "an unknown option exits 2 with a message and no report", r.describe())
    r = run(OWN + ["--fail-on", "sometimes", "clean.md"], tmp)
    check(r.code == 2 and r.out == "", "a bad option value exits 2", r.describe())
    r = run(OWN + ["--jobs", "0", "clean.md"], tmp)
    check(r.code == 2 and r.out == "", "--jobs 0 is a usage error", r.describe())
    r = run(OWN, tmp)
    check(r.code == 2 and r.out == "" and "no paths" in r.err, "no paths exits 2", r.describe())
    r = run(OWN + ["clean.md", "missing.md"], tmp)
    check(r.code == 2 and r.out == "" and "missing.md" in r.err,
          "a missing file exits 2, names the file, and prints no partial report", r.describe())
    r = run(OWN + ["--format", "json", "missing-dir/"], tmp)
    check(r.code == 2 and r.out == "", "a missing directory exits 2", r.describe())

    for name in ("broken-yaml.yaml", "unknown-key.yaml", "bad-pattern.yaml", "unknown-check.yaml",
                 "bad-option.yaml"):
        pack = os.path.join(DATA, "packs", "invalid", name)
        for fmt in ("text", "json", "sarif"):
            r = run(["--no-default-rules", "--rules", pack, "--format", fmt, "error.md"], tmp)
            check(r.code == 2 and r.out == "" and located_error(r.err, name),
                  f"bad rule pack {name} ({fmt}): file:line:col on stderr, exit 2, no report",
                  r.describe())
    r = run(["--no-default-rules", "--rules", os.path.join(tmp, "none.yaml"), "error.md"], tmp)
    check(r.code == 2 and r.out == "", "a missing rule pack exits 2", r.describe())

    r = run(["--help"], tmp)
    check(r.code == 0 and "usage: claimlint" in r.out, "--help exits 0", r.describe())
    r = run(["--version"], tmp)
    check(r.code == 0 and r.out.startswith("claimlint "), "--version exits 0", r.describe())


def t_fail_on(tmp):
    write(f"{tmp}/error.md", ERROR)
    write(f"{tmp}/warning.md", WARNING)
    write(f"{tmp}/info.md", INFO)
    write(f"{tmp}/clean.md", CLEAN)
    expect = {
        "error": {"error.md": 1, "warning.md": 0, "info.md": 0, "clean.md": 0},
        "warning": {"error.md": 1, "warning.md": 1, "info.md": 0, "clean.md": 0},
        "info": {"error.md": 1, "warning.md": 1, "info.md": 1, "clean.md": 0},
        "never": {"error.md": 0, "warning.md": 0, "info.md": 0, "clean.md": 0},
    }
    for level, files in expect.items():
        for f, code in files.items():
            r = run(OWN + ["--fail-on", level, f], tmp)
            check(r.code == code, f"--fail-on {level} on {f} exits {code}", r.describe())
    # The config's fail_on applies; the command line's wins over it.
    write(f"{tmp}/.claimlint.yml", "fail_on: warning\n")
    r = run(OWN + ["warning.md"], tmp)
    check(r.code == 1, "fail_on: warning in the config fails on a warning", r.describe())
    r = run(OWN + ["--fail-on", "error", "warning.md"], tmp)
    check(r.code == 0, "--fail-on on the command line overrides the config", r.describe())


def validator():
    script = os.path.join(ROOT, "tests", "schema", "validate.py")
    if not os.path.exists(script):
        raise Skip("tests/schema/validate.py is not there")
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        raise Skip("the jsonschema package is not installed (Debian: python3-jsonschema)")
    return script


def validate(schema, path):
    proc = subprocess.run([sys.executable, validator(), schema, path], capture_output=True)
    return proc.returncode == 0, (proc.stdout + proc.stderr).decode("utf-8", "replace")


def t_formats(tmp):
    write(f"{tmp}/a.md", ERROR + "\nIt flushes out toxins. <!-- claimlint-disable-line test.detox -->\n"
          "\nA gentle remedy.\n")
    write(f"{tmp}/b.txt", "It is a miracle cure.\n\nIt flushes out toxins.\n")
    write(f"{tmp}/c.md", CLEAN)
    r = run(OWN + ["--format", "json", "a.md", "b.txt", "c.md"], tmp)
    check(r.code == 1, "json run exits 1", r.describe())
    report = r.json()
    check(report["schema"] == "claimlint-report/1", "json schema field", r.out[:200])
    check([f["path"] for f in report["files"]] == ["a.md", "b.txt", "c.md"],
          "every file is in the report, in input order, clean ones too", r.out[:500])
    s = report["summary"]
    check((s["files"], s["findings"], s["error"], s["warning"], s["info"], s["suppressed"]) ==
          (3, 4, 2, 1, 1, 1), "summary counts findings, severities and suppressed", json.dumps(s))
    r = run(OWN + ["--format", "sarif", "--output", "out.sarif", "a.md", "b.txt", "c.md"], tmp)
    check(r.code == 1 and r.out == "", "sarif to --output leaves stdout empty", r.describe())
    with open(f"{tmp}/out.sarif") as f:
        sarif = json.load(f)
    results = sarif["runs"][0]["results"]
    shown = [x for x in results if not x.get("suppressions")]
    check(len(shown) == 4 and all("partialFingerprints" in x for x in results),
          "sarif has every finding, each with partialFingerprints", json.dumps(results)[:800])
    check([x["suppressions"][0]["kind"] for x in results if x.get("suppressions")] ==
          ["inSource"], "the suppressed finding is a result with an inSource suppression",
          json.dumps(results)[:800])

    r = run(OWN + ["a.md"], tmp, env={"GITHUB_ACTIONS": "true"})
    lines = [l for l in r.out.splitlines() if l.startswith("::")]
    check(r.code == 1 and any(l.startswith("::error file=a.md,line=3,") for l in lines),
          "GITHUB_ACTIONS=true makes github annotations the default", r.describe())
    r = run(OWN + ["--format", "text", "a.md"], tmp, env={"GITHUB_ACTIONS": "true"})
    check(not r.out.startswith("::") and "a.md:3:" in r.out,
          "an explicit --format wins over GITHUB_ACTIONS", r.describe())
    r = run(OWN + ["a.md"], tmp, env={"GITHUB_ACTIONS": "false"})
    check("::error" not in r.out, "GITHUB_ACTIONS other than 'true' keeps text", r.describe())

    r = run(OWN + ["--output", "no-such-dir/x.json", "--format", "json", "a.md"], tmp)
    check(r.code == 2 and r.out == "", "an unwritable --output exits 2", r.describe())
    r = run(OWN + ["--format", "json", "--output", "r.json", "a.md"], tmp)
    with open(f"{tmp}/r.json") as f:
        check(json.load(f)["files"][0]["path"] == "a.md" and r.out == "",
              "--output writes the report to the file", r.describe())

    # The HTML review page from a saved JSON report.
    r = run(["report", "r.json", "--format", "html", "--output", "r.html"], tmp)
    html = open(f"{tmp}/r.html", encoding="utf-8").read() if os.path.exists(f"{tmp}/r.html") else ""
    check(r.code == 0 and "<html" in html.lower() and "miracle cure" in html,
          "claimlint report FILE.json --format html writes the review page", r.describe())
    r = run(["report", "missing.json", "--format", "html"], tmp)
    check(r.code == 2 and r.out == "", "report of a missing JSON file exits 2", r.describe())


def t_schemas(tmp):
    validator()
    write(f"{tmp}/a.md", ERROR + "\nIt flushes out toxins. <!-- claimlint-disable-line test.detox -->\n"
          "\nA gentle remedy.\n\n<!-- claimlint-disable-next-line test.gentle -->\nNothing.\n"
          "\n<!-- claimlint-disbale -->\n")
    write(f"{tmp}/b.txt", "It is a \"miracle cure\".\n\nIt flushes out toxins.\n")
    write(f"{tmp}/c.md", CLEAN)
    with open(f"{tmp}/d.md", "wb") as f:
        f.write(b"A miracle cure \xff\xfe.\n")
    files = ["a.md", "b.txt", "c.md", "d.md"]
    r = run(OWN + ["--format", "json", "--output", "report.json"] + files, tmp)
    check(r.code == 1, "json run exits 1", r.describe())
    ok, msg = validate(os.path.join(ROOT, "docs", "report.schema.json"), f"{tmp}/report.json")
    check(ok, "--format json validates against docs/report.schema.json", msg)
    r = run(OWN + ["--format", "json", "--output", "empty.json", "c.md"], tmp)
    ok, msg = validate(os.path.join(ROOT, "docs", "report.schema.json"), f"{tmp}/empty.json")
    check(ok, "a report with no findings validates", msg)

    sarif_schema = None
    for cand in (os.path.join(ROOT, "tests", "schema", "sarif-schema-2.1.0.json"),
                 os.path.join(ROOT, "..", "shared", "schemas", "sarif-schema-2.1.0.json")):
        if os.path.exists(cand):
            sarif_schema = cand
            break
    if sarif_schema is None:
        raise Skip("no SARIF 2.1.0 schema found")
    for name, args in (("out.sarif", files), ("clean.sarif", ["c.md"])):
        r = run(OWN + ["--format", "sarif", "--output", name] + args, tmp)
        ok, msg = validate(sarif_schema, f"{tmp}/{name}")
        check(ok, f"--format sarif ({name}) validates against the SARIF 2.1.0 schema", msg)


def t_stdin(tmp):
    text = "# Note\n\nA **miracle** cure, they say.\n".encode()
    r = run(OWN + ["--format", "json", "--stdin-filename", "notes/tonic.md", "-"], tmp, stdin=text)
    report = r.json()
    check(r.code == 1 and rules_of(report) == [("notes/tonic.md", 3, "test.miracle")],
          "stdin is linted as Markdown under --stdin-filename", r.describe())
    r = run(OWN + ["--format", "json", "--stdin-filename", "notes/tonic.txt", "-"], tmp, stdin=text)
    check(r.code == 0 and rules_of(r.json()) == [],
          "a .txt --stdin-filename reads stdin as plain text (markup is not stripped)",
          r.describe())
    r = run(OWN + ["--format", "json", "-"], tmp, stdin=text)
    check(r.json()["files"][0]["path"] == "<stdin>", "stdin without a name is <stdin>",
          r.describe())
    # stdin finds its config from --stdin-filename's directory.
    write(f"{tmp}/notes/.claimlint.yml", "rules:\n  test.miracle: off\n")
    r = run(OWN + ["--format", "json", "--stdin-filename", "notes/tonic.md", "-"], tmp, stdin=text)
    check(r.code == 0 and rules_of(r.json()) == [],
          "stdin uses the config nearest to --stdin-filename", r.describe())


SUPPRESS = """# Suppressions

<!-- claimlint-disable-next-line test.miracle -- quoting the advert -->
Line four is a miracle cure.

Line six is a miracle cure. <!-- claimlint-disable-line test.* -->

<!-- claimlint-disable test.detox -->

Line ten flushes out toxins and is a miracle cure.

<!-- claimlint-enable test.detox -->

Line fourteen flushes out toxins.

<!-- claimlint-disable-next-line -->
Line seventeen is a miracle cure that flushes out toxins.

<!-- claimlint-disable-next-line test.gentle -->
Line twenty has nothing.

<!-- claimlint-disbale test.miracle -->
Line twenty-three is a miracle cure.
"""


def t_suppressions(tmp):
    write(f"{tmp}/s.md", SUPPRESS)
    r = run(OWN + ["--format", "json", "s.md"], tmp)
    got = [(line, rule) for _, line, rule in rules_of(r.json())]
    want = [(10, "test.miracle"), (14, "test.detox"), (19, "meta.unused-suppression"),
            (22, "meta.bad-suppression"), (23, "test.miracle")]
    check(got == want, "each suppression form hides what it names and nothing else",
          f"got {got}\nwant {want}")
    check(r.json()["summary"]["suppressed"] == 5, "summary.suppressed counts hidden findings",
          json.dumps(r.json()["summary"]))
    # The same directives work in plain text files (whole-line comments).
    write(f"{tmp}/s.txt", "<!-- claimlint-disable-next-line test.miracle -->\n"
          "A miracle cure.\n\nAnother miracle cure.\n\n<!-- claimlint-disable-file test.detox -->\n"
          "It flushes out toxins.\n")
    r = run(OWN + ["--format", "json", "s.txt"], tmp)
    got = [(line, rule) for _, line, rule in rules_of(r.json())]
    check(got == [(4, "test.miracle")], "suppressions in .txt files", f"got {got}")
    # disable-file anywhere in the file; input.* is never suppressed.
    write(f"{tmp}/f.md", "A miracle cure.\n\n<!-- claimlint-disable-file -->\n")
    r = run(OWN + ["--format", "json", "f.md"], tmp)
    check(r.code == 0 and rules_of(r.json()) == [], "disable-file with no rule hides all",
          r.describe())
    with open(f"{tmp}/bin.md", "wb") as f:
        f.write(b"<!-- claimlint-disable-file -->\n\x00\x01\x02 miracle cure \xff\xfe\x00\n")
    r = run(OWN + ["--format", "json", "bin.md"], tmp)
    inputs = [x for x in rules_of(r.json()) if x[2].startswith("input.")] if r.out else []
    check(r.code in (0, 1) and len(inputs) >= 1,
          "input.* findings are not suppressed by disable-file", r.describe())
    # Directives shown as code (fenced, indented, inline) are examples, not directives.
    write(f"{tmp}/code.md", "# T\n\n```\n<!-- claimlint-disable-file -->\n```\n\nA miracle cure.\n\n"
          "    <!-- claimlint-disable-file -->\n\n`<!-- claimlint-disable-file -->`\n")
    r = run(OWN + ["--format", "json", "code.md"], tmp)
    check(rules_of(r.json()) == [("code.md", 7, "test.miracle")],
          "directives inside code are inert", r.describe())
    # The config can switch the meta rules off or re-level them.
    write(f"{tmp}/.claimlint.yml", "rules:\n  meta.unused-suppression: off\n"
          "  meta.bad-suppression: error\n")
    r = run(OWN + ["--format", "json", "s.md"], tmp)
    got = [(line, rule) for _, line, rule in rules_of(r.json())]
    sev = {x["rule"]: x["severity"] for x in r.json()["files"][0]["findings"]}
    check((19, "meta.unused-suppression") not in got and sev.get("meta.bad-suppression") == "error",
          "config switches off and re-levels meta rules", f"{got} {sev}")


def git_root(tmp):
    os.makedirs(os.path.join(tmp, ".git"), exist_ok=True)


def t_config(tmp):
    repo = os.path.join(tmp, "repo")
    git_root(repo)
    # A config above the repository root is never used.
    write(f"{tmp}/.claimlint.yml", "rules:\n  \"*\": off\n")
    write(f"{repo}/a.md", ERROR)
    write(f"{repo}/site/b.md", ERROR + "\nIt flushes out toxins.\n")
    write(f"{repo}/site/deep/c.md", ERROR)
    write(f"{repo}/site/drafts/d.md", ERROR)
    write(f"{repo}/site/notes.txt", "A miracle cure.\n")
    r = run(OWN + ["--format", "json", "."], repo)
    check(len(rules_of(r.json())) == 6, "no config in the repository: defaults, and the config "
          "above the repository root is ignored", r.describe())

    write(f"{repo}/.claimlint.yml", "rules:\n  test.miracle: warning\n")
    write(f"{repo}/site/.claimlint.yml",
          "rules:\n  test.miracle: off\n  \"test.*\": info\nexclude: [drafts/, \"*.txt\"]\n")
    write(f"{repo}/site/deep/.claimlint.yaml", "")
    r = run(OWN + ["--format", "json", "."], repo)
    sev = {(f["path"], x["rule"]): x["severity"] for f in r.json()["files"] for x in f["findings"]}
    paths = [f["path"] for f in r.json()["files"]]
    check(sev.get(("a.md", "test.miracle")) == "warning", "root config re-levels a rule",
          repr(sev))
    check(("site/b.md", "test.miracle") not in sev and
          sev.get(("site/b.md", "test.detox")) == "info",
          "nearest config wins: exact id off beats the glob, the glob re-levels the rest",
          repr(sev))
    check(sev.get(("site/deep/c.md", "test.miracle")) == "error",
          "an empty nearer config restores the defaults (configs do not merge)", repr(sev))
    check("site/drafts/d.md" not in paths and "site/notes.txt" not in paths,
          "exclude globs drop files", json.dumps(paths))
    check(r.code == 1, "the error in site/deep fails the run", r.describe())
    r = run(OWN + ["--format", "json", "site/drafts/d.md"], repo)
    check(r.json()["files"] == [], "excluded files are skipped even when named", r.describe())

    write(f"{tmp}/other.yml", "rules:\n  test.detox: error\n")
    r = run(OWN + ["--format", "json", "--config", "../other.yml", "site/b.md", "site/drafts/d.md"],
            repo)
    sev = {(f["path"], x["rule"]): x["severity"] for f in r.json()["files"] for x in f["findings"]}
    check(sev == {("site/b.md", "test.miracle"): "error", ("site/b.md", "test.detox"): "error",
                  ("site/drafts/d.md", "test.miracle"): "error"},
          "--config replaces the search for every file", repr(sev))
    r = run(OWN + ["--config", "../none.yml", "a.md"], repo)
    check(r.code == 2 and r.out == "", "a missing --config exits 2", r.describe())
    r = run(OWN + ["--disable", "test.miracle", "--format", "json", "a.md"], repo)
    check(rules_of(r.json()) == [], "--disable still applies over the config", r.describe())

    # Errors in a config: file:line:col, exit 2, no report.
    bad = {
        "unknown-key.yml": ("fail_on: error\nexlude: [x]\n", ":2:1: "),
        "wrong-type.yml": ("rules:\n  test.miracle: loud\n", ":2:17: "),
        "unknown-rule.yml": ("rules:\n  test.miracle: off\n  test.mircle: off\n", ":3:3: "),
        "bad-option.yml": ("rules:\n  test.stale: {options: {max_age_yaers: 2}}\n", ":2:26: "),
        "bad-option-value.yml": ("rules:\n  test.stale: {options: {max_age_years: banana}}\n",
                                 ":2:41: "),
        "bad-yaml.yml": ("rules: [\n", ":2:1: "),
    }
    for name, (text, where) in bad.items():
        write(f"{tmp}/{name}", text)
        for fmt in ("text", "json"):
            r = run(OWN + ["--format", fmt, "--config", f"../{name}", "a.md"], repo)
            check(r.code == 2 and r.out == "" and (name + where) in r.err,
                  f"config error {name} ({fmt}): {where.strip(': ')} on stderr, exit 2, no report",
                  r.describe())
    write(f"{repo}/site/deep/.claimlint.yaml", "fail_on: 3\n")
    r = run(OWN + ["--format", "json", "."], repo)
    check(r.code == 2 and r.out == "" and ".claimlint.yaml:1:10: " in r.err,
          "a discovered config with an error stops the run before any output", r.describe())
    os.remove(f"{repo}/site/deep/.claimlint.yaml")

    # Per-rule options reach the rules, and --print-config shows the result.
    write(f"{repo}/site/.claimlint.yml", "rules:\n  test.miracle: off\n"
          "  test.stale: {severity: warning, options: {max_age_years: 7}}\nfail_on: info\n")
    r = run(OWN + ["--print-config", "site/b.md"], repo)
    check(r.code == 0 and "config: " + os.path.join(repo, "site", ".claimlint.yml") in r.out
          and "test.stale: {severity: warning, options: {max_age_years: 7}}" in r.out
          and "test.detox: warning" in r.out and "test.miracle" not in r.out
          and "fail_on: info" in r.out and "linted: true" in r.out,
          "--print-config shows the config file, fail_on and the rules that run", r.describe())
    r = run(OWN + ["--print-config", "a.md", "--fail-on", "never"], repo)
    check(r.code == 0 and "test.miracle: warning" in r.out and "fail_on: never" in r.out,
          "--print-config for a file under the root config", r.describe())
    fresh = os.path.join(tmp, "fresh")
    git_root(fresh)
    r = run(OWN + ["--print-config", "x.md"], fresh)
    check(r.code == 0 and "config: ~" in r.out and "test.miracle: error" in r.out,
          "--print-config with no config: defaults", r.describe())


def t_init(tmp):
    git_root(tmp)
    r = run(["--init"], tmp)
    check(r.code == 0 and os.path.exists(f"{tmp}/.claimlint.yml"), "--init writes .claimlint.yml",
          r.describe())
    first = open(f"{tmp}/.claimlint.yml").read()
    check(first.lstrip().startswith("#") and "fail_on" in first, "the starter config is commented",
          first[:300])
    write(f"{tmp}/a.md", ERROR)
    r = run(OWN + ["--format", "json", "a.md"], tmp)
    check(r.code == 1 and rules_of(r.json()) == [("a.md", 3, "test.miracle")],
          "the starter config loads and changes nothing", r.describe())
    write(f"{tmp}/.claimlint.yml", "# mine\n")
    r = run(["--init"], tmp)
    check(r.code == 2 and "already exists" in r.err and open(f"{tmp}/.claimlint.yml").read() ==
          "# mine\n", "--init refuses to overwrite", r.describe())


def t_baseline(tmp):
    git_root(tmp)
    write(f"{tmp}/a.md", "# A\n\nIt is a miracle cure.\n\nIt flushes out toxins.\n")
    write(f"{tmp}/b.md", "# B\n\nAnother miracle cure.\n")
    r = run(OWN + ["--format", "json", "--write-baseline", "base.json", "a.md", "b.md"], tmp)
    s = r.json()["summary"]
    check(r.code == 0 and s["findings"] == 0 and s["baselined"] == 3,
          "--write-baseline records today's findings and the run passes", r.describe())
    base = json.load(open(f"{tmp}/base.json"))
    check(base["schema"] == "claimlint-baseline/1" and len(base["entries"]) == 3,
          "the baseline is versioned JSON with one entry per finding", json.dumps(base)[:500])

    r = run(OWN + ["--format", "json", "--baseline", "base.json", "a.md", "b.md"], tmp)
    s = r.json()["summary"]
    check(r.code == 0 and (s["findings"], s["baselined"], s["stale"]) == (0, 3, 0),
          "--baseline hides the recorded findings", r.describe())

    # Lines inserted above, a new finding, and a fixed one.
    write(f"{tmp}/a.md", "# A\n\nA new first paragraph.\n\nAnd another.\n\n"
          "It is a miracle cure.\n\nIt flushes out toxins.\n\nA new miracle cure appears.\n")
    write(f"{tmp}/b.md", "# B\n\nNothing to see.\n")
    r = run(OWN + ["--format", "json", "--baseline", "base.json", "a.md", "b.md"], tmp)
    s = r.json()["summary"]
    check(r.code == 1 and rules_of(r.json()) == [("a.md", 11, "test.miracle")],
          "moved findings stay hidden; only the new one is reported", r.describe())
    check((s["baselined"], s["stale"]) == (2, 1), "baselined and stale are counted",
          json.dumps(s))
    # Linting a subset: other files' entries are neither stale nor lost.
    r = run(OWN + ["--format", "json", "--baseline", "base.json", "a.md"], tmp)
    check(r.json()["summary"]["stale"] == 0, "entries of files not linted are not stale",
          r.describe())
    r = run(OWN + ["--format", "json", "--write-baseline", "base.json", "a.md"], tmp)
    base = json.load(open(f"{tmp}/base.json"))
    check(sorted(e["file"] for e in base["entries"]) == ["a.md", "a.md", "a.md", "b.md"],
          "re-recording one file keeps the other files' entries", json.dumps(base)[:600])
    # Paths typed differently give the same fingerprints.
    r = run(OWN + ["--format", "json", "--baseline", "base.json", "./a.md",
                   os.path.join(tmp, "a.md")], tmp)
    check(r.json()["summary"]["findings"] == 0 and
          [f["path"] for f in r.json()["files"]] == ["a.md"],
          "./a.md and /abs/a.md are the same file, reported (and fingerprinted) as a.md",
          r.describe())

    # Malformed baselines: file:line:col, exit 2, no report.
    write(f"{tmp}/bad1.json", "{\n  \"schema\": \"claimlint-baseline/1\",\n  \"entries\": [\n    {\"file\": }\n  ]\n}\n")
    write(f"{tmp}/bad2.json", "{\"schema\": \"claimlint-baseline/1\",\n \"entries\": [\n"
          "  {\"file\": \"a.md\", \"rule\": \"x.y\", \"fingerprint\": 5}]}\n")
    write(f"{tmp}/bad3.json", "{\"schema\": \"claimlint-baseline/7\", \"entries\": []}\n")
    for name, where in (("bad1.json", "bad1.json:4:14: "), ("bad2.json", "bad2.json:3:50: "),
                        ("bad3.json", "bad3.json:1:12: ")):
        r = run(OWN + ["--format", "json", "--baseline", name, "a.md"], tmp)
        check(r.code == 2 and r.out == "" and where in r.err,
              f"malformed baseline {name}: {where.strip()} on stderr, exit 2, no report",
              r.describe())
    r = run(OWN + ["--baseline", "none.json", "a.md"], tmp)
    check(r.code == 2 and r.out == "", "a missing baseline exits 2", r.describe())


def corpus_copies(tmp, copies):
    src = os.path.join(ROOT, "corpus")
    names = sorted(n for n in os.listdir(src) if n.endswith((".md", ".txt", ".markdown")))
    if not names:
        raise Skip("corpus/ has no articles")
    for i in range(copies):
        d = os.path.join(tmp, "c", "set%02d" % i)
        os.makedirs(d)
        for n in names:
            shutil.copy(os.path.join(src, n), d)
    if os.path.isdir(os.path.join(src, "refs")):
        shutil.copytree(os.path.join(src, "refs"), os.path.join(tmp, "c", "refs"))
    return len(names) * copies


def t_jobs(tmp):
    git_root(tmp)
    # A snapshot of corpus/, so that edits while the test runs cannot differ.
    corpus = os.path.join(tmp, "corpus")
    shutil.copytree(os.path.join(ROOT, "corpus"), corpus)
    for rules in ([], OWN):
        label = "built-in rules" if not rules else "test pack"
        for fmt in ("json", "text", "sarif"):
            outs = {}
            for jobs in ("1", "2", "7"):
                outs[jobs] = run(rules + ["--format", fmt, "--fail-on", "never", "--jobs", jobs,
                                          corpus], tmp)
            outs["default"] = run(rules + ["--format", fmt, "--fail-on", "never", corpus], tmp)
            one = outs["1"]
            check(one.code == 0 and one.out.strip() != "" and one.err == "",
                  f"corpus/ lints cleanly, with nothing on stderr ({label}, {fmt})",
                  one.describe())
            for k, o in outs.items():
                check(o.raw == one.raw and o.code == one.code,
                      f"--jobs {k} output is byte-identical to --jobs 1 ({label}, {fmt})",
                      f"{len(o.raw)} vs {len(one.raw)} bytes")
    # JSON and text are written file by file as the run goes; with a baseline
    # the whole report is built first. An empty baseline changes nothing, so
    # both ways must give the same bytes.
    write(f"{tmp}/empty.md", "")
    r = run(["--write-baseline", "empty-base.json", "empty.md"], tmp)
    check(r.code == 0, "an empty baseline is written", r.describe())
    for fmt in ("json", "text"):
        streamed = run(["--format", fmt, "--fail-on", "never", corpus], tmp)
        built = run(["--format", fmt, "--fail-on", "never", "--baseline", "empty-base.json",
                     corpus], tmp)
        check(streamed.raw == built.raw and streamed.code == built.code,
              f"{fmt}: the streamed report equals the one built whole",
              f"{len(streamed.raw)} vs {len(built.raw)} bytes")
    n = corpus_copies(tmp, 6)
    a = run(["--format", "json", "--fail-on", "never", "--jobs", "1", "c"], tmp)
    check(a.code == 0 and len(a.json()["files"]) == n, f"{n} files lint", a.describe())
    for jobs in ("2", "4"):
        b = run(["--format", "json", "--fail-on", "never", "--jobs", jobs, "c"], tmp)
        check(a.raw == b.raw, f"{n} files: --jobs {jobs} is byte-identical to --jobs 1",
              f"{len(a.raw)} vs {len(b.raw)} bytes")


def t_shard(tmp):
    git_root(tmp)
    n = corpus_copies(tmp, 3)
    full = run(OWN + ["--format", "json", "--fail-on", "never", "c"], tmp)
    all_paths = [f["path"] for f in full.json()["files"]]
    check(len(all_paths) == n, "the unsharded run sees every file", full.describe())
    for count in (1, 2, 3, 5):
        seen = []
        for k in range(1, count + 1):
            r = run(OWN + ["--format", "json", "--fail-on", "never", "--shard", f"{k}/{count}",
                           "c"], tmp)
            paths = [f["path"] for f in r.json()["files"]]
            check(paths == [p for p in all_paths if p in paths],
                  f"shard {k}/{count} keeps the input order", json.dumps(paths))
            again = run(OWN + ["--format", "json", "--fail-on", "never", "--shard",
                               f"{k}/{count}", "c"], tmp)
            check(again.raw == r.raw, f"shard {k}/{count} is deterministic")
            seen.extend(paths)
        check(sorted(seen) == sorted(all_paths) and len(seen) == len(set(seen)),
              f"the {count} shards partition the file list",
              f"{len(seen)} paths over shards, {len(set(seen))} distinct, {len(all_paths)} total")
    # The split is by the reported path: however the paths are typed.
    plain = run(OWN + ["--format", "json", "--shard", "2/3", "c"], tmp).json()
    dotted = run(OWN + ["--format", "json", "--shard", "2/3", "./c/"], tmp).json()
    absolute = run(OWN + ["--format", "json", "--shard", "2/3", os.path.join(tmp, "c")], tmp).json()
    check(plain["files"] == dotted["files"] == absolute["files"],
          "c, ./c/ and /abs/c give the same shard", json.dumps([len(plain["files"]),
                                                               len(dotted["files"]),
                                                               len(absolute["files"])]))
    for bad in ("0/3", "4/3", "1/0", "x/2", "2"):
        r = run(OWN + ["--shard", bad, "c"], tmp)
        check(r.code == 2 and r.out == "", f"--shard {bad} is a usage error", r.describe())


def t_rules_info(tmp):
    git_root(tmp)
    r = run(OWN + ["--list-rules"], tmp)
    lines = r.out.splitlines()
    rows = {l.split()[0]: l.split()[1:3] for l in lines[:-1]}
    check(r.code == 0 and lines[-1] == "15 rules" and rows.get("test.detox") == ["warning", "claim"]
          and rows.get("input.encoding") == ["error", "input"]
          and rows.get("meta.unused-suppression") == ["info", "meta"],
          "--list-rules lists the loaded rules and claimlint's own input.* and meta.* rules",
          r.describe())
    write(f"{tmp}/.claimlint.yml", "rules:\n  test.detox: off\n  test.gentle: error\n")
    r = run(OWN + ["--list-rules"], tmp)
    check(r.code == 0 and "test.detox" not in r.out and
          any(l.split()[:2] == ["test.gentle", "error"] for l in r.out.splitlines()),
          "--list-rules reflects the working directory's config", r.describe())
    r = run(OWN + ["--explain", "test.miracle"], tmp)
    check(r.code == 0 and r.out.startswith("test.miracle (claim, error)") and
          "'{match}' is a miracle claim." in r.out and "https://example.org/test-miracle" in r.out
          and "It is a miracle cure." in r.out and "It is a cure." in r.out,
          "--explain prints the rule, its source and examples", r.describe())
    r = run(OWN + ["--explain", "test.nothing"], tmp)
    check(r.code == 2 and r.out == "" and "test.nothing" in r.err,
          "--explain of an unknown rule exits 2", r.describe())
    os.remove(f"{tmp}/.claimlint.yml")
    for own in ("input.encoding", "input.binary", "input.front-matter", "input.references",
                "input.too-large", "meta.too-many-findings", "meta.citation-budget",
                "meta.long-sentence", "meta.too-many-citations", "meta.unused-suppression", "meta.bad-suppression"):
        r = run(["--explain", own], tmp)
        check(r.code == 0 and r.out.startswith(own + " (") and "why: " in r.out,
              f"--explain describes claimlint's own finding {own}", r.describe())
    write(f"{tmp}/.claimlint.yml", "rules:\n  meta.citation-budget: off\n"
          "  meta.too-many-findings: info\n")
    write(f"{tmp}/clean.md", "")
    r = run(["--print-config", "clean.md"], tmp)
    check(r.code == 0, "a config may re-level or switch off claimlint's own meta findings",
          r.describe())
    os.remove(f"{tmp}/.claimlint.yml")
    r = run(["--list-rules"], tmp)
    check(r.code == 0 and r.out.strip().endswith("rules"), "--list-rules with the built-in packs",
          r.describe())


def t_unmodified(tmp):
    git_root(tmp)
    write(f"{tmp}/a.md", SUPPRESS)
    write(f"{tmp}/b.txt", "A miracle cure.\r\nIt flushes out toxins.\r\n")
    with open(f"{tmp}/c.md", "wb") as f:
        f.write(b"\xef\xbb\xbf# BOM\n\nA miracle cure \xff with a bad byte.\n")
    write(f"{tmp}/.claimlint.yml", "rules:\n  test.gentle: error\n")
    before = digest(tmp)
    for args in (["--format", "text"], ["--format", "json"], ["--format", "sarif"],
                 ["--format", "github"], ["--format", "html"], ["--jobs", "3"],
                 ["--write-baseline", "base.json"], ["--baseline", "base.json"]):
        run(OWN + args + ["."], tmp)
    after = digest(tmp)
    after.pop("base.json", None)
    check(before == after, "linting never modifies the linted files (or the config)",
          f"changed: {sorted(k for k in before if before.get(k) != after.get(k))}")


GROUPS = {name[2:]: fn for name, fn in globals().items() if name.startswith("t_")}


def main():
    global BIN
    if len(sys.argv) != 3 or sys.argv[2] not in GROUPS:
        print("usage: cli_test.py CLAIMLINT {%s}" % ",".join(GROUPS), file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="claimlint-cli-")
    try:
        GROUPS[sys.argv[2]](tmp)
    except Skip as s:
        print(f"skipped: {s}")
        if not failures:
            return SKIP
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL: " + f)
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
