#!/usr/bin/env python3
"""Safety of the command line against hostile and unlucky use, through the
built binary: outputs never destroy an input or a previous report, every
write is checked, files outside the tree never reach a report, CI logs
cannot be driven by an article, and the odd files and names of a real
machine (FIFOs, devices, dangling links, non-UTF-8 names) are handled.

usage: safety_test.py CLAIMLINT GROUP

Each GROUP is one ctest test. Every run has a timeout: a hang is a failure.
Exit status: 0 all passed, 1 a check failed, 77 skipped.
"""
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = os.path.join(HERE, "data", "packs", "basic.yaml")
OWN = ["--no-default-rules", "--rules", PACK]
FORMATS = ["text", "json", "sarif", "github", "html"]
SKIP = 77
TIMEOUT = 60

BIN = None
passed = 0
failures = []


def check(cond, what, detail=""):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what + (("\n    " + detail.replace("\n", "\n    ")) if detail else ""))
    return cond


class Run:
    def __init__(self, code, out, err, seconds):
        self.code = code
        self.raw = out
        self.out = out.decode("utf-8", "replace")
        self.err = err.decode("utf-8", "replace")
        self.seconds = seconds

    def json(self):
        return json.loads(self.out)

    def describe(self):
        return "exit %s (%.1f s)\nstdout: %s\nstderr: %s" % (self.code, self.seconds,
                                                             self.out[:800], self.err[:800])


def run(args, cwd, stdin=None, env=None, timeout=TIMEOUT, stdout=None, preexec=None):
    """The binary with `args`; a timeout gives code None."""
    e = dict(os.environ)
    e.pop("GITHUB_ACTIONS", None)
    e["NO_COLOR"] = "1"
    if env:
        e.update(env)
    start = time.monotonic()
    proc = subprocess.Popen([BIN] + list(args), cwd=cwd, env=e,
                            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=stdout if stdout is not None else subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=preexec)
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return Run(None, out or b"", err or b"", time.monotonic() - start)
    return Run(proc.returncode, out or b"", err or b"", time.monotonic() - start)


def write(path, data):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def sha(path):
    return hashlib.sha256(read(path)).hexdigest()


def git_root(tmp):
    os.makedirs(f"{tmp}/.git", exist_ok=True)


def leftovers(directory, keep):
    """Files in `directory` other than `keep` (temporary files left behind)."""
    return sorted(n for n in os.listdir(directory) if n not in keep and n != ".git")


ERROR = "# Tonic\n\nThis tonic is a miracle cure for tiredness.\n"
WARNING = "# Tea\n\nThis tea flushes out toxins overnight.\n"


# ---------------------------------------------------------------- outputs

def t_output_over_input(tmp):
    """--output naming an input is refused before anything runs."""
    git_root(tmp)
    write(f"{tmp}/a.md", ERROR)
    write(f"{tmp}/lib.json", '[{"id": "smith2020", "title": "A trial", "issued": '
          '{"date-parts": [[2020]]}, "author": [{"family": "Smith"}]}]\n')
    before = {n: sha(f"{tmp}/{n}") for n in ("a.md", "lib.json")}
    os.link(f"{tmp}/a.md", f"{tmp}/hard.md")
    os.symlink("a.md", f"{tmp}/soft.md")
    for fmt in FORMATS:
        for target in ("a.md", "./a.md", os.path.join(tmp, "a.md"), "hard.md", "soft.md"):
            r = run(OWN + ["--format", fmt, "--output", target, "a.md"], tmp)
            check(r.code == 2 and r.err.strip() and sha(f"{tmp}/a.md") == before["a.md"],
                  f"--format {fmt} --output {target} over the article: exit 2, article kept",
                  r.describe())
        r = run(OWN + ["--format", fmt, "--references", "lib.json", "--output", "lib.json",
                       "a.md"], tmp)
        check(r.code == 2 and sha(f"{tmp}/lib.json") == before["lib.json"],
              f"--format {fmt} --output over the --references library: exit 2, library kept",
              r.describe())
    # A library named in front matter is an input too (read during the run).
    write(f"{tmp}/fm.md", "---\nreferences: [lib.json]\n---\n\n" + ERROR)
    r = run(OWN + ["--format", "json", "--output", "lib.json", "fm.md"], tmp)
    check(r.code == 2 and sha(f"{tmp}/lib.json") == before["lib.json"],
          "--output over a front-matter library: exit 2, library kept", r.describe())
    # claimlint report over its own input.
    r = run(OWN + ["--format", "json", "--output", "r.json", "a.md"], tmp)
    check(r.code == 1, "a JSON report to re-read", r.describe())
    report = sha(f"{tmp}/r.json")
    r = run(["report", "r.json", "--format", "html", "--output", "r.json"], tmp)
    check(r.code == 2 and sha(f"{tmp}/r.json") == report,
          "claimlint report r.json --output r.json: exit 2, the JSON kept", r.describe())
    r = run(["report", "r.json", "--format", "html", "--output", "a.md"], tmp)
    check(r.code == 2 and sha(f"{tmp}/a.md") == before["a.md"],
          "claimlint report --output over an article it reads: exit 2, article kept",
          r.describe())
    check(leftovers(tmp, {"a.md", "lib.json", "hard.md", "soft.md", "fm.md", "r.json"}) == [],
          "no temporary file is left behind", str(os.listdir(tmp)))


def t_output_targets(tmp):
    """Outputs that are not regular files; checked writes (exit 2, a message)."""
    git_root(tmp)
    write(f"{tmp}/a.md", ERROR)
    os.mkdir(f"{tmp}/dir")
    os.symlink("elsewhere.txt", f"{tmp}/dangling.json")
    os.mkfifo(f"{tmp}/fifo.json")
    for target in ("/dev/full", "/dev/null", "dir", "dangling.json", "fifo.json"):
        r = run(OWN + ["--format", "json", "--output", target, "a.md"], tmp, timeout=20)
        check(r.code == 2 and target.split("/")[-1] in r.err,
              f"--output {target} (not a regular file): exit 2 naming it", r.describe())
    check(not os.path.exists(f"{tmp}/elsewhere.txt"), "a dangling --output link is not followed")
    # Standard output on a full disk, and closed.
    for fmt in FORMATS:
        with open("/dev/full", "wb") as full:
            r = run(OWN + ["--format", fmt, "a.md"], tmp, stdout=full)
        check(r.code == 2 and "standard output" in r.err,
              f"--format {fmt} to a full standard output: exit 2 with a message", r.describe())
        r = run(OWN + ["--format", fmt, "a.md"], tmp, preexec=lambda: os.close(1))
        check(r.code == 2 and r.err.strip(),
              f"--format {fmt} to a closed standard output: exit 2 with a message", r.describe())
    for args in (["--help"], ["--list-rules"], ["--version"]):
        with open("/dev/full", "wb") as full:
            r = run(OWN + args, tmp, stdout=full)
        check(r.code == 2 and r.err.strip(), f"{args[0]} to a full standard output: exit 2",
              r.describe())
    # An output in a directory that does not exist, or cannot be written.
    r = run(OWN + ["--output", "no/such/dir/r.txt", "a.md"], tmp)
    check(r.code == 2 and r.err.strip(), "--output in a missing directory: exit 2", r.describe())
    if os.geteuid() != 0:
        os.mkdir(f"{tmp}/ro")
        os.chmod(f"{tmp}/ro", 0o555)
        r = run(OWN + ["--output", "ro/r.txt", "a.md"], tmp)
        check(r.code == 2 and r.err.strip(), "--output in a read-only directory: exit 2",
              r.describe())
        os.chmod(f"{tmp}/ro", 0o755)


def t_failed_runs(tmp):
    """Exit 2 never leaves a report that looks clean; the previous one stays."""
    git_root(tmp)
    write(f"{tmp}/a.md", ERROR)
    for fmt in FORMATS:
        write(f"{tmp}/prev.out", "the previous report\n")
        r = run(OWN + ["--format", fmt, "--output", "prev.out", "a.md", "missing.md"], tmp)
        check(r.code == 2 and read(f"{tmp}/prev.out") == b"the previous report\n",
              f"--format {fmt}: a failed run (missing input) leaves --output as it was",
              r.describe())
        # A read error in the middle of the run (/proc/self/mem is a regular
        # file whose first read fails): not linted as an empty, clean file.
        if os.path.exists("/proc/self/mem"):
            r = run(OWN + ["--format", fmt, "--output", "prev.out", "a.md", "/proc/self/mem"],
                    tmp)
            check(r.code == 2 and read(f"{tmp}/prev.out") == b"the previous report\n",
                  f"--format {fmt}: a read error mid-run: exit 2, --output as it was",
                  r.describe())
        r = run(OWN + ["--format", fmt, "--output", "new.out", "missing.md"], tmp)
        check(r.code == 2 and not os.path.exists(f"{tmp}/new.out"),
              f"--format {fmt}: a failed run creates no --output file", r.describe())
        # A bad config is found before anything is written.
        write(f"{tmp}/bad/.claimlint.yml", "rules: [\n")
        write(f"{tmp}/bad/b.md", ERROR)
        r = run(OWN + ["--format", fmt, "--output", "prev.out", "bad/b.md"], tmp)
        check(r.code == 2 and read(f"{tmp}/prev.out") == b"the previous report\n",
              f"--format {fmt}: a config error leaves --output as it was", r.describe())
    # On standard output, a failed run is never a complete, clean report.
    for fmt in ("json", "sarif"):
        r = run(OWN + ["--format", fmt, "missing.md"], tmp)
        try:
            json.loads(r.out)
            parsed = True
        except ValueError:
            parsed = False
        check(r.code == 2 and not parsed,
              f"--format {fmt} on stdout: a failed run is not a parseable report", r.describe())
    r = run(OWN + ["--format", "json", "a.md", "/proc/self/mem"], tmp)
    check(not os.path.exists("/proc/self/mem") or (r.code == 2 and "incomplete" in r.err),
          "stdout: a failed run says the report above is incomplete", r.describe())
    # SIGINT in the middle of a long run: the previous report stays, no temp file.
    big = ("A paragraph that is a miracle cure. " * 200 + "\n\n") * 60
    for i in range(40):
        write(f"{tmp}/many/m{i:03d}.md", big)
    for fmt in ("json", "text", "html"):
        write(f"{tmp}/prev.out", "the previous report\n")
        e = dict(os.environ, NO_COLOR="1")
        proc = subprocess.Popen([BIN] + OWN + ["--format", fmt, "--jobs", "1", "--output",
                                               "prev.out", "many"], cwd=tmp, env=e,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        check(proc.returncode != 0 and read(f"{tmp}/prev.out") == b"the previous report\n",
              f"--format {fmt}: SIGINT leaves the previous report in place",
              f"exit {proc.returncode}")
        check(leftovers(tmp, {"a.md", "prev.out", "bad", "many"}) == [],
              f"--format {fmt}: SIGINT leaves no temporary file", str(os.listdir(tmp)))


# ---------------------------------------------------------------- baselines

def t_baseline_writes(tmp):
    git_root(tmp)
    write(f"{tmp}/a.md", ERROR)
    write(f"{tmp}/b.md", WARNING)
    outside = tempfile.mkdtemp(prefix="claimlint-outside-")
    try:
        victim = write(f"{outside}/victim.txt", "precious\n")
        # A link planted at the old temporary name is never written through.
        os.symlink(victim, f"{tmp}/base.json.tmp")
        r = run(OWN + ["--write-baseline", "base.json", "a.md"], tmp)
        check(r.code == 0 and read(victim) == b"precious\n",
              "a symlink at BASELINE.tmp is not written through", r.describe())
        check(os.path.islink(f"{tmp}/base.json.tmp") and
              json.load(open(f"{tmp}/base.json"))["entries"],
              "the baseline is written beside it, the planted link left alone")
        # A symlink or a device at PATH is refused, not replaced.
        os.symlink(victim, f"{tmp}/link.json")
        r = run(OWN + ["--write-baseline", "link.json", "a.md"], tmp)
        check(r.code == 2 and os.path.islink(f"{tmp}/link.json") and
              read(victim) == b"precious\n",
              "--write-baseline to a symbolic link: exit 2, link and target kept", r.describe())
    finally:
        for n in os.listdir(outside):
            os.remove(os.path.join(outside, n))
        os.rmdir(outside)
    r = run(OWN + ["--write-baseline", "/dev/full", "a.md"], tmp, timeout=10)
    check(r.code == 2 and r.seconds < 5,
          "--write-baseline /dev/full: exit 2 at once, nothing read from it", r.describe())
    r = run(OWN + ["--write-baseline", "/dev/zero", "a.md"], tmp, timeout=10)
    check(r.code == 2 and r.seconds < 5, "--write-baseline /dev/zero: exit 2 at once",
          r.describe())
    # A baseline that does not parse is not silently dropped.
    r = run(OWN + ["--write-baseline", "base2.json", "a.md", "b.md"], tmp)
    text = read(f"{tmp}/base2.json").decode()
    conflicted = "<<<<<<< HEAD\n" + text + "=======\n" + text + ">>>>>>> other\n"
    write(f"{tmp}/base2.json", conflicted)
    r = run(OWN + ["--write-baseline", "base2.json", "a.md"], tmp)
    check(r.code == 2 and "base2.json:1:" in r.err and read(f"{tmp}/base2.json") ==
          conflicted.encode(), "--write-baseline over a conflicted baseline: exit 2 at "
          "file:line:col, the file kept", r.describe())
    r = run(OWN + ["--baseline", "base2.json", "a.md"], tmp)
    check(r.code == 2 and r.out == "", "--baseline with merge-conflict markers: exit 2",
          r.describe())
    # --write-baseline and --output naming one file.
    r = run(OWN + ["--write-baseline", "same.json", "--output", "same.json", "a.md"], tmp)
    check(r.code == 2 and not os.path.exists(f"{tmp}/same.json"),
          "--write-baseline and --output on one file: exit 2", r.describe())
    # Duplicate keys in a baseline are an error at their place.
    write(f"{tmp}/dup.json", '{"schema": "claimlint-baseline/1",\n "entries": [],\n'
          ' "entries": []}\n')
    r = run(OWN + ["--baseline", "dup.json", "a.md"], tmp)
    check(r.code == 2 and "dup.json:3:" in r.err and "duplicate" in r.err,
          "a baseline with a duplicate key: exit 2 at file:line:col", r.describe())
    # File names that are not UTF-8 match their own baseline entries.
    name = b"caf\xe9-\xff.md"
    write(os.path.join(tmp.encode(), b"raw", name), ERROR)
    r = run(OWN + ["--write-baseline", "raw.json", "raw"], tmp)
    check(r.code == 0, "a baseline of a non-UTF-8 file name", r.describe())
    r = run(OWN + ["--format", "json", "--baseline", "raw.json", "raw"], tmp)
    ok = r.code == 0
    try:
        s = r.json()["summary"]
        ok = ok and s["findings"] == 0 and s["baselined"] >= 1 and s["stale"] == 0
    except (ValueError, KeyError):
        ok = False
    check(ok, "a non-UTF-8 file name matches its baseline entries", r.describe())


# ---------------------------------------------------------------- paths

def t_outside_tree(tmp):
    """Nothing outside the linted tree (or the report's root) reaches a report."""
    repo = f"{tmp}/repo"
    write(f"{repo}/.git/config", "[remote]\n\ttoken = SECRET-TOKEN-1234\n")
    write(f"{repo}/articles/ok.md", ERROR)
    write(f"{tmp}/outside.md", "# Outside\n\nOUTSIDE-TEXT is a miracle cure.\n")
    os.symlink("../.git/config", f"{repo}/articles/leak.md")
    os.symlink(f"{tmp}/outside.md", f"{repo}/articles/out.md")
    os.symlink("ok.md", f"{repo}/articles/alias.md")
    for fmt in FORMATS:
        r = run(OWN + ["--format", fmt, "articles"], repo)
        check(r.code == 1 and "SECRET-TOKEN" not in r.out and "OUTSIDE-TEXT" not in r.out
              and "leak.md" not in r.out and "out.md" not in r.out,
              f"--format {fmt}: the walk does not follow links out of the tree", r.describe())
    r = run(OWN + ["--format", "json", "articles"], repo)
    paths = sorted(f["path"] for f in r.json()["files"]) if r.code == 1 else []
    check(paths == ["articles/alias.md", "articles/ok.md"],
          "a link to a file inside the tree is linted", str(paths))
    # claimlint report reads only articles under its root.
    r = run(OWN + ["--format", "json", "--output", "r.json", "articles/ok.md"], repo)
    report = json.load(open(f"{repo}/r.json"))
    crafted = dict(report)
    crafted["files"] = [dict(report["files"][0], path=p)
                        for p in ("/etc/passwd", "../outside.md", ".git/config",
                                  "articles/ok.md")]
    write(f"{repo}/crafted.json", json.dumps(crafted))
    r = run(["report", "crafted.json", "--format", "html", "--output", "page.html"], repo)
    page = read(f"{repo}/page.html").decode("utf-8", "replace") if r.code == 0 else ""
    check(r.code == 0 and "root:x:0" not in page and "OUTSIDE-TEXT" not in page and
          "tiredness" in page,
          "claimlint report embeds only articles under the report's root", r.describe())
    check("SECRET-TOKEN" not in page, "claimlint report does not read hidden directories",
          page[:300])
    r = run(["report", "r.json", "--format", "html", "--root", "articles", "--output",
             "page2.html"], repo)
    check(r.code == 0, "claimlint report --root", r.describe())


def t_front_matter_paths(tmp):
    """references: in front matter resolves only to regular files in the tree."""
    repo = f"{tmp}/repo"
    git_root(repo)
    write(f"{repo}/secret.txt", "SECRET-BYTES-5678 not a library\n")
    write(f"{tmp}/outside.json", "[]\n")
    os.mkfifo(f"{repo}/fifo.json")
    os.symlink("/dev/zero", f"{repo}/zero.json")
    write(f"{repo}/lib.json", "[]\n")
    cases = {
        "dev-zero": "/dev/zero",
        "dev-stdin": "/dev/stdin",
        "proc-self": "/proc/self/environ",
        "etc-passwd": "/etc/passwd",
        "fifo": "fifo.json",
        "link-to-zero": "zero.json",
        "dotdot": "../outside.json",
        "deep-dotdot": "../../../../../../../etc/passwd",
        "directory": ".",
        "secret": "secret.txt",
        "empty": "''",
    }
    for name, ref in cases.items():
        write(f"{repo}/{name}.md", f"---\ntitle: T\nreferences: [{ref}]\n---\n\n{ERROR}")
    for fmt in FORMATS:
        for name, ref in cases.items():
            # stdin stays open (a pipe with no writer yet) to catch /dev/stdin.
            r = run(OWN + ["--format", fmt, f"{name}.md"], repo, stdin=b"", timeout=20)
            check(r.code is not None and r.code in (1, 2) and r.seconds < 10,
                  f"--format {fmt}: references: {ref} answers at once", r.describe())
            check("SECRET-BYTES" not in r.out + r.err and "root:x" not in r.out + r.err,
                  f"--format {fmt}: references: {ref} echoes no bytes of the file",
                  r.describe())
            if fmt == "json" and r.code == 1:
                rules = [x["rule"] for f in r.json()["files"] for x in f["findings"]]
                check("input.references" in rules,
                      f"references: {ref} is refused with an input.references finding",
                      str(rules))
    # A library inside the tree still works, from a subdirectory too.
    write(f"{repo}/sub/ok.md", f"---\nreferences: [../lib.json]\n---\n\n{ERROR}")
    r = run(OWN + ["--format", "json", "sub/ok.md"], repo)
    rules = [x["rule"] for f in r.json()["files"] for x in f["findings"]] if r.code in (0, 1) \
        else ["exit %s" % r.code]
    check("input.references" not in rules, "references: ../lib.json inside the repository",
          str(rules) + r.err)


def t_fifo_args(tmp):
    """Explicit arguments that are not regular files; closed stdin."""
    git_root(tmp)
    os.mkfifo(f"{tmp}/pipe.md")
    r = run(OWN + ["pipe.md"], tmp, timeout=10)
    check(r.code == 2 and "pipe.md" in r.err and "FIFO" in r.err,
          "an explicit FIFO argument: exit 2 at once naming it", r.describe())
    for dev in ("/dev/zero", "/dev/null"):
        r = run(OWN + [dev], tmp, timeout=10)
        check(r.code == 2 and dev in r.err, f"{dev} as an argument: exit 2 at once",
              r.describe())
    r = run(OWN + ["--rules", "/dev/zero"], tmp, timeout=10)
    check(r.code == 2 and r.err.strip(), "--rules /dev/zero: exit 2, no abort", r.describe())
    r = run(OWN + ["--references", "/dev/zero", "-"], tmp, stdin=b"A text.\n", timeout=10)
    check(r.code == 2 and r.err.strip(), "--references /dev/zero: exit 2", r.describe())
    r = run(OWN + ["--config", "/dev/zero", "-"], tmp, stdin=b"A text.\n", timeout=10)
    check(r.code == 2 and r.err.strip(), "--config /dev/zero: exit 2", r.describe())
    r = run(OWN + ["-"], tmp, preexec=lambda: os.close(0))
    check(r.code == 2 and r.err.strip(), "closed standard input: exit 2, not an empty file",
          r.describe())
    r = run(OWN + ["--stdin-filename", "", "-"], tmp, stdin=b"A miracle cure.\n")
    check(r.code == 2 and r.out == "", "--stdin-filename '': exit 2 before any report",
          r.describe())


# ---------------------------------------------------------------- CI logs

OWN_ANNOTATION = tuple(f"::{level} file={name},line="
                       for level in ("error", "warning", "notice") for name in ("a.md", "a.txt"))


def t_ci_injection(tmp):
    """No article line reaches a CI log at the start of a line."""
    git_root(tmp)
    # Each line has a finding, so that the text format shows it.
    lines = ["::error file=pwned.md,line=1::A miracle cure", "::add-mask::a miracle cure",
             "  ::set-output name=x::a miracle cure", "::stop-commands::miracle cure",
             "A miracle cure ::error::mid-line"]
    write(f"{tmp}/a.md", "# T\n\n" + "\n\n".join(lines) + "\n\nA miracle cure.\n")
    write(f"{tmp}/a.txt", "\n".join(lines) + "\nA miracle cure.\n")
    for env in ({"GITHUB_ACTIONS": "true"}, {}):
        for fmt in FORMATS:
            for name in ("a.md", "a.txt"):
                r = run(OWN + ["--format", fmt, name], tmp, env=env)
                # --format github writes workflow commands of its own; the
                # article's text is inside their escaped messages.
                bad = [l for l in r.out.splitlines() if l.lstrip().startswith("::")
                       and not (fmt == "github" and l.startswith(OWN_ANNOTATION))]
                check(r.code == 1 and not bad,
                      f"--format {fmt} {name} {env or ''}: no line starts with '::' from "
                      "the article", "\n".join(bad[:5]) or r.describe())


# ---------------------------------------------------------------- odd names

def t_odd_names(tmp):
    git_root(tmp)
    write(f"{tmp}/a\\b.md", ERROR)
    r = run(OWN + ["--format", "sarif", "a\\b.md"], tmp)
    uris = [l["physicalLocation"]["artifactLocation"]["uri"]
            for res in r.json()["runs"][0]["results"] for l in res["locations"]] \
        if r.code == 1 else []
    check(uris and all(u == "a%5Cb.md" for u in uris),
          "SARIF: a POSIX file named a\\b.md is a%5Cb.md, not a/b.md", str(uris))
    # --list-rules and --explain never print control characters from a pack.
    write(f"{tmp}/ctl.yaml", "pack: \"ctl\\e[31m\"\nrules:\n  - id: ctl.red\n"
          "    category: claim\n    severity: error\n    message: \"x \\e]0;title\\a\"\n"
          "    why: \"w \\e[2J\"\n    patterns: [zzzz]\n"
          "    examples: {fire: [zzzz], pass: [a]}\n")
    for args in (["--list-rules"], ["--explain", "ctl.red"]):
        r = run(["--no-default-rules", "--rules", "ctl.yaml"] + args, tmp)
        ctl = [c for c in r.raw if c < 0x20 and c not in (0x0a, 0x09)]
        check(r.code == 0 and not ctl, f"{args[0]} prints no raw control characters from a pack",
              repr(r.raw[:300]))
    # --init never follows a dangling link out of the directory.
    outside = tempfile.mkdtemp(prefix="claimlint-init-")
    try:
        d = f"{tmp}/init"
        os.mkdir(d)
        os.symlink(f"{outside}/planted.yml", f"{d}/.claimlint.yml")
        r = run(["--init"], d)
        check(r.code == 2 and not os.path.exists(f"{outside}/planted.yml"),
              "--init with a dangling .claimlint.yml link: exit 2, nothing written outside",
              r.describe())
    finally:
        for n in os.listdir(outside):
            os.remove(os.path.join(outside, n))
        os.rmdir(outside)
    # Duplicate keys in a config are an error at their place.
    d = f"{tmp}/dup"
    write(f"{d}/.claimlint.yml", "fail_on: error\nrules:\n  test.miracle: off\n"
          "fail_on: info\n")
    write(f"{d}/a.md", ERROR)
    r = run(OWN + ["a.md"], d)
    check(r.code == 2 and ".claimlint.yml:4:" in r.err and "duplicate" in r.err,
          "a config with a duplicate key: exit 2 at file:line:col", r.describe())


GROUPS = {name[2:]: fn for name, fn in globals().items() if name.startswith("t_")}


def main():
    global BIN
    if len(sys.argv) != 3 or sys.argv[2] not in GROUPS:
        print("usage: safety_test.py CLAIMLINT {%s}" % ",".join(GROUPS), file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="claimlint-safety-")
    try:
        GROUPS[sys.argv[2]](tmp)
    finally:
        subprocess.run(["chmod", "-R", "u+rwx", tmp], check=False)
        subprocess.run(["rm", "-rf", tmp], check=False)
    for f in failures:
        print("FAIL: " + f)
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
