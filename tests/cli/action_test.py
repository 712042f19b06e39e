#!/usr/bin/env python3
"""The GitHub Action (action.yml) and the example workflow: their shape, and
the action's scripts (tools/action/) executed with bash against the built
claimlint the way the runner would: inputs through INPUT_* variables, a faked
GITHUB_* environment (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_BASE_REF of a
pull request in a throwaway git repository).

usage: action_test.py CLAIMLINT SOURCE_DIR
Exit status: 0 passed, 1 failed, 77 skipped (PyYAML or bash missing).
"""
import json
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
        failures.append(what + ("\n    " + str(detail).replace("\n", "\n    ") if detail else ""))


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def base_env(tmp, bindir):
    out_file = os.path.join(tmp, "github_output")
    open(out_file, "w").close()
    return out_file, {"PATH": bindir + os.pathsep + os.environ.get("PATH", ""), "HOME": tmp,
                      "GITHUB_OUTPUT": out_file, "GITHUB_ACTIONS": "true", "NO_COLOR": "1",
                      "GIT_CONFIG_NOSYSTEM": "1"}


def outputs_of(out_file):
    return dict(line.split("=", 1) for line in open(out_file).read().splitlines() if "=" in line)


def run_lint(source, cwd, tmp, bindir, defaults, inputs, github=None):
    """tools/action/lint.sh as the runner runs it: every input (the action's
    default when not given) as INPUT_*, and the GITHUB_* variables."""
    out_file, env = base_env(tmp, bindir)
    for k, default in defaults.items():
        env["INPUT_" + k.upper().replace("-", "_")] = inputs.get(k, default)
    env.update(github or {})
    proc = subprocess.run(["bash", os.path.join(source, "tools", "action", "lint.sh")], cwd=cwd,
                          env=env, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode(), outputs_of(out_file)


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "-c", "init.defaultBranch=main"] + list(args), cwd=cwd, check=True,
                   capture_output=True)


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    try:
        import yaml
    except ImportError:
        print("skipped: PyYAML is not installed (Debian: python3-yaml)")
        return SKIP
    if not shutil.which("bash") or not shutil.which("git"):
        print("skipped: bash or git is not installed")
        return SKIP
    action = yaml.safe_load(open(os.path.join(source, "action.yml")))
    check(action["runs"]["using"] == "composite", "the action is a composite action")
    for name in ("paths", "format", "fail-on", "references", "config", "sarif-file", "summary",
                 "changed-only"):
        check(name in action["inputs"], f"the action has input '{name}'")
    steps = action["runs"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    check(any(s.get("uses", "").startswith("actions/cache@") for s in steps),
          "the action caches the build")
    check('setup.sh" plan' in runs and 'setup.sh" build' in runs and "lint.sh" in runs,
          "the action plans (release .deb or cache key), builds on a miss, then lints")
    build = next((s for s in steps if 'setup.sh" build' in s.get("run", "")), {})
    check("cache-hit != 'true'" in build.get("if", ""), "no build on a cache hit", build)
    check(all("${{" not in s.get("run", "") for s in steps),
          "inputs are not pasted into the scripts (no injection)")
    setup = open(os.path.join(source, "tools", "action", "setup.sh")).read()
    check("apt-get install" in setup and "cmake --build" in setup and ".deb" in setup,
          "setup.sh installs the .deb or builds with cmake")
    defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}

    workflow = yaml.safe_load(open(os.path.join(source, "examples", "content-repo-workflow.yml")))
    job = next(iter(workflow["jobs"].values()))
    uses = [s.get("uses", "") for s in job["steps"]]
    check(workflow["permissions"].get("security-events") == "write",
          "the example workflow may upload security events")
    upload = next((s for s in job["steps"] if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif@")), None)
    lint = next((s for s in job["steps"] if "claimlint" in s.get("uses", "")), None)
    check(upload is not None and lint is not None, "the example runs claimlint and upload-sarif",
          uses)
    if upload and lint:
        check(upload["with"]["sarif_file"] == lint["with"]["sarif-file"],
              "upload-sarif uploads the file the action writes")
        check(set(lint["with"]) <= set(action["inputs"]),
              "the example uses only inputs the action has", sorted(lint["with"]))
        check("@v0.1.0" not in lint["uses"], "the example pins no unreleased version",
              lint["uses"])

    tmp = tempfile.mkdtemp(prefix="claimlint-action-")
    try:
        bindir = os.path.join(tmp, "bin")
        os.makedirs(bindir)
        os.symlink(binary, os.path.join(bindir, "claimlint"))
        # setup.sh plan: no release ref -> build, with a key from the sources.
        out_file, env = base_env(tmp, bindir)
        env.update({"GITHUB_ACTION_PATH": source, "RUNNER_TEMP": tmp})
        proc = subprocess.run(["bash", os.path.join(source, "tools", "action", "setup.sh"),
                               "plan"], env=env, capture_output=True, timeout=120)
        plan = outputs_of(out_file)
        check(proc.returncode == 0 and plan.get("mode") == "build" and
              plan.get("key", "").startswith("claimlint-") and plan.get("dir"),
              "setup.sh plan without a release ref plans a cached build", plan)
        # A release ref whose .deb cannot be had falls back to the build.
        out_file, env = base_env(tmp, bindir)
        env.update({"GITHUB_ACTION_PATH": source, "RUNNER_TEMP": tmp,
                    "GITHUB_ACTION_REF": "v9.9.9",
                    "CLAIMLINT_RELEASE_BASE": "file://" + os.path.join(tmp, "no-releases")})
        proc = subprocess.run(["bash", os.path.join(source, "tools", "action", "setup.sh"),
                               "plan"], env=env, capture_output=True, timeout=120)
        again = outputs_of(out_file)
        check(proc.returncode == 0 and again.get("mode") == "build" and
              again.get("key") == plan.get("key"),
              "a release without a .deb falls back to the same cached build",
              f"{again}\n{proc.stderr.decode()}")

        # A content repository with a pull request: origin/main is the base.
        origin = os.path.join(tmp, "origin.git")
        repo = os.path.join(tmp, "repo")
        os.makedirs(os.path.join(repo, "articles"))
        pack = os.path.join(source, "tests", "cli", "data", "packs", "basic.yaml")
        write(os.path.join(repo, "articles", "a-old.md"), "# Old\n\nIt is a miracle cure.\n")
        write(os.path.join(repo, "articles", "warn.md"), "# Tea\n\nIt flushes out toxins.\n")
        git(tmp, "init", "-q", "--bare", origin)
        git(repo, "init", "-q")
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", "base")
        git(repo, "remote", "add", "origin", origin)
        git(repo, "push", "-q", "origin", "main")
        git(repo, "checkout", "-q", "-b", "pr")
        write(os.path.join(repo, "articles", "z-new.md"), "# New\n\nA miracle cure, and more.\n")
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", "new article")
        summary = os.path.join(tmp, "step_summary.md")
        open(summary, "w").close()
        github = {"GITHUB_BASE_REF": "main", "GITHUB_STEP_SUMMARY": summary,
                  "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/content",
                  "GITHUB_SHA": "0123abc"}
        args = f"--no-default-rules --rules {pack}"
        code, out, err, outputs = run_lint(source, repo, tmp, bindir, defaults, {
            "paths": "articles", "sarif-file": "claimlint.sarif", "args": args}, github)
        check(code == 1, "the step fails on an error finding", f"{code}\n{out}\n{err}")
        errors = [l for l in out.splitlines() if l.startswith("::error")]
        check(len(errors) == 2 and errors[0].startswith("::error file=articles/z-new.md,line=3,"),
              "annotations: the pull request's file first", out)
        check("::warning file=articles/warn.md,line=3," in out, "every file is annotated", out)
        check(outputs.get("sarif-file") == "claimlint.sarif", "the sarif-file output is set",
              outputs)
        sarif_path = os.path.join(repo, "claimlint.sarif")
        check(os.path.exists(sarif_path), "the SARIF file is written by the same run")
        if os.path.exists(sarif_path):
            results = json.load(open(sarif_path))["runs"][0]["results"]
            check(len(results) == 3, "the SARIF file has every finding", len(results))
        text = open(summary).read()
        check("## claimlint" in text and
              "(https://github.com/o/content/blob/0123abc/articles/z-new.md#L3)" in text,
              "the job summary counts and links the findings", text)

        code, out, err, _ = run_lint(source, repo, tmp, bindir, defaults, {
            "paths": "articles", "changed-only": "true", "summary": "false", "args": args},
            github)
        check(code == 1 and "z-new.md" in out and "a-old.md" not in out and
              "warn.md" not in out, "changed-only lints only the pull request's files",
              f"{code}\n{out}\n{err}")
        code, out, err, _ = run_lint(source, repo, tmp, bindir, defaults, {
            "paths": "articles/warn.md", "fail-on": "warning", "args": args})
        check(code == 1, "fail-on: warning fails on a warning", f"{code}\n{out}\n{err}")
        code, out, err, _ = run_lint(source, repo, tmp, bindir, defaults, {
            "paths": "articles", "format": "text", "fail-on": "never", "args": args})
        check(code == 0 and "articles/a-old.md:3:" in out, "format text and fail-on never",
              f"{code}\n{out}\n{err}")
        write(os.path.join(repo, "ci.yml"), "rules:\n  test.miracle: off\n")
        code, out, err, _ = run_lint(source, repo, tmp, bindir, defaults, {
            "paths": "articles", "config": "ci.yml", "args": args, "format": "json"})
        check(code == 0 and "test.miracle" not in out and "test.detox" in out,
              "the config input is used", f"{code}\n{out}\n{err}")
        code, out, err, _ = run_lint(source, repo, tmp, bindir, defaults, {
            "paths": "articles", "references": "missing.json", "args": args})
        check(code == 2 and "missing.json" in err, "the references input reaches claimlint",
              f"{code}\n{out}\n{err}")
        code, out, err, _ = run_lint(source, repo, tmp, bindir, defaults, {
            "paths": "articles", "sarif-file": "x.sarif", "args": args + " --rules nowhere.yaml"})
        check(code == 2 and "nowhere.yaml" in err, "a configuration error fails the step with 2",
              f"{code}\n{out}\n{err}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL: " + f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
