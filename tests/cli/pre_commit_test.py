#!/usr/bin/env python3
"""The pre-commit hook, for real: a temporary git repository uses this
repository's .pre-commit-hooks.yaml (through a throw-away clone of it, as
pre-commit needs a repository and a rev) with the built claimlint on PATH. An
article with an error blocks `pre-commit run` and `git commit`; a clean one
passes; files that are not Markdown or text are not handed to the hook.

usage: pre_commit_test.py CLAIMLINT SOURCE_DIR
Exit status: 0 passed, 1 failed, 77 skipped (pre-commit or git not installed).
"""
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
passed = 0
failures = []


def check(cond, what, detail=""):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what + ("\n    " + detail.replace("\n", "\n    ") if detail else ""))


def sh(args, cwd, env, check_ok=True):
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, timeout=300)
    out = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    if check_ok and proc.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s" % (" ".join(args), proc.returncode, out))
    return proc.returncode, out


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) != 3:
        print("usage: pre_commit_test.py CLAIMLINT SOURCE_DIR", file=sys.stderr)
        return 2
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    pre_commit = shutil.which("pre-commit")
    git = shutil.which("git")
    if not pre_commit or not git:
        print("skipped: pre-commit or git is not installed (Debian: pre-commit)")
        return SKIP
    pack = os.path.join(source, "tests", "cli", "data", "packs", "basic.yaml")
    tmp = tempfile.mkdtemp(prefix="claimlint-pre-commit-")
    env = dict(os.environ)
    # The built binary, under the name the hook's entry uses.
    bindir = os.path.join(tmp, "bin")
    os.makedirs(bindir)
    os.symlink(binary, os.path.join(bindir, "claimlint"))
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    env["PRE_COMMIT_HOME"] = os.path.join(tmp, "cache")
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_NOSYSTEM="1",
               HOME=tmp, NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    try:
        hooks = os.path.join(tmp, "hooks")
        os.makedirs(hooks)
        shutil.copy(os.path.join(source, ".pre-commit-hooks.yaml"), hooks)
        sh([git, "init", "-q"], hooks, env)
        sh([git, "add", ".pre-commit-hooks.yaml"], hooks, env)
        sh([git, "commit", "-q", "-m", "hooks"], hooks, env)
        _, rev = sh([git, "rev-parse", "HEAD"], hooks, env)

        work = os.path.join(tmp, "work")
        os.makedirs(work)
        sh([git, "init", "-q"], work, env)
        write(os.path.join(work, ".pre-commit-config.yaml"),
              "repos:\n"
              "  - repo: %s\n"
              "    rev: %s\n"
              "    hooks:\n"
              "      - id: claimlint\n"
              "        args: [--no-default-rules, --rules, %s]\n" % (hooks, rev.strip(), pack))
        write(os.path.join(work, "bad.md"), "# Tonic\n\nThis tonic is a miracle cure.\n")
        write(os.path.join(work, "good.md"), "# Sleep\n\nA regular bedtime helps.\n")
        write(os.path.join(work, "bad.txt"), "This tea is a miracle cure.\n")
        write(os.path.join(work, "script.py"), "# a miracle cure\n")
        write(os.path.join(work, "warn.md"), "# Tea\n\nIt flushes out toxins.\n")
        sh([git, "add", "."], work, env)

        code, out = sh([pre_commit, "run", "--files", "bad.md"], work, env, check_ok=False)
        check(code != 0 and "bad.md:3:17: error:" in out and "[test.miracle]" in out,
              "an article with an error fails the hook and the output shows the finding", out)
        code, out = sh([pre_commit, "run", "--files", "good.md"], work, env, check_ok=False)
        check(code == 0 and "Passed" in out, "a clean article passes", out)
        code, out = sh([pre_commit, "run", "--files", "warn.md"], work, env, check_ok=False)
        check(code == 0 and "Passed" in out, "warnings alone pass (default --fail-on error)", out)
        code, out = sh([pre_commit, "run", "--files", "bad.txt"], work, env, check_ok=False)
        check(code != 0 and "bad.txt:1:" in out, "plain-text files are checked too", out)
        code, out = sh([pre_commit, "run", "--files", "script.py"], work, env, check_ok=False)
        check(code == 0 and "no files to check" in out, "other files are not handed to the hook",
              out)
        before = open(os.path.join(work, "bad.md"), "rb").read()
        code, out = sh([pre_commit, "run", "--all-files"], work, env, check_ok=False)
        check(code != 0 and "bad.md" in out and "bad.txt" in out and "good.md" not in out,
              "--all-files reports the failing files only", out)
        check(open(os.path.join(work, "bad.md"), "rb").read() == before,
              "the hook does not modify files")

        # As a git hook: the commit is blocked, then allowed once fixed.
        sh([pre_commit, "install"], work, env)
        sh([git, "rm", "-q", "--cached", "bad.txt", "script.py", "warn.md"], work, env)
        code, out = sh([git, "commit", "-m", "add articles"], work, env, check_ok=False)
        check(code != 0 and "test.miracle" in out, "git commit is blocked by the finding", out)
        code, _ = sh([git, "rev-parse", "--verify", "-q", "HEAD"], work, env, check_ok=False)
        check(code != 0, "nothing was committed")
        write(os.path.join(work, "bad.md"), "# Tonic\n\nThis tonic tastes of ginger.\n")
        sh([git, "add", "bad.md"], work, env)
        code, out = sh([git, "commit", "-m", "add articles"], work, env, check_ok=False)
        check(code == 0, "git commit passes once the article is fixed", out)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        failures.append(str(e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL: " + f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
