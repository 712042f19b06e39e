#!/usr/bin/env python3
"""The GitHub Action (action.yml) and the example workflow: their shape, and
the action's run step executed with bash against the built claimlint, the
way the runner would (inputs through INPUT_* variables, GITHUB_OUTPUT).

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


def run_step(script, tmp, bindir, defaults, inputs):
    out_file = os.path.join(tmp, "github_output")
    open(out_file, "w").close()
    env = {"PATH": bindir + os.pathsep + os.environ.get("PATH", ""), "HOME": tmp,
           "GITHUB_OUTPUT": out_file, "GITHUB_ACTIONS": "true", "NO_COLOR": "1"}
    # As the runner does: every input, with the action's default when not given.
    for k, default in defaults.items():
        env["INPUT_" + k.upper().replace("-", "_")] = inputs.get(k, default)
    proc = subprocess.run(["bash", "-e", "-c", script], cwd=tmp, env=env, capture_output=True,
                          timeout=120)
    outputs = dict(line.split("=", 1) for line in open(out_file).read().splitlines() if "=" in line)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode(), outputs


def main():
    binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    try:
        import yaml
    except ImportError:
        print("skipped: PyYAML is not installed (Debian: python3-yaml)")
        return SKIP
    if not shutil.which("bash"):
        print("skipped: bash is not installed")
        return SKIP
    action = yaml.safe_load(open(os.path.join(source, "action.yml")))
    check(action["runs"]["using"] == "composite", "the action is a composite action")
    for name in ("paths", "format", "fail-on", "references", "config", "sarif-file"):
        check(name in action["inputs"], f"the action has input '{name}'")
    steps = {s.get("id", s.get("name")): s for s in action["runs"]["steps"]}
    check(any("apt-get install" in s.get("run", "") for s in action["runs"]["steps"]),
          "the action installs the Debian packages")
    check(any("cmake --build" in s.get("run", "") for s in action["runs"]["steps"]),
          "the action builds claimlint with cmake")
    script = steps["lint"]["run"]
    defaults = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    check("${{" not in script, "inputs are not pasted into the script (no injection)")

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

    tmp = tempfile.mkdtemp(prefix="claimlint-action-")
    try:
        bindir = os.path.join(tmp, "bin")
        os.makedirs(bindir)
        os.symlink(binary, os.path.join(bindir, "claimlint"))
        os.makedirs(os.path.join(tmp, ".git"))
        os.makedirs(os.path.join(tmp, "articles"))
        pack = os.path.join(source, "tests", "cli", "data", "packs", "basic.yaml")
        write(os.path.join(tmp, "articles", "bad.md"), "# Tonic\n\nIt is a miracle cure.\n")
        write(os.path.join(tmp, "articles", "warn.md"), "# Tea\n\nIt flushes out toxins.\n")
        write(os.path.join(tmp, "lib one.json"), "[]\n")
        args = f"--no-default-rules --rules {pack}"
        code, out, err, outputs = run_step(script, tmp, bindir, defaults, {
            "paths": "articles/bad.md\narticles/warn.md", "format": "github",
            "sarif-file": "claimlint.sarif", "args": args})
        check(code == 1, "the step fails on an error finding", f"{code}\n{out}\n{err}")
        check("::error file=articles/bad.md,line=3," in out and
              "::warning file=articles/warn.md,line=3," in out,
              "the job log carries GitHub annotations", out)
        check(outputs.get("sarif-file") == "claimlint.sarif", "the sarif-file output is set",
              outputs)
        sarif_path = os.path.join(tmp, "claimlint.sarif")
        check(os.path.exists(sarif_path), "the SARIF file is written even though the step failed")
        if os.path.exists(sarif_path):
            results = json.load(open(sarif_path))["runs"][0]["results"]
            check(len(results) == 2, "the SARIF file has both findings", len(results))

        code, out, err, _ = run_step(script, tmp, bindir, defaults, {
            "paths": "articles/warn.md", "format": "github", "fail-on": "warning", "args": args})
        check(code == 1, "fail-on: warning fails on a warning", f"{code}\n{out}\n{err}")
        code, out, err, _ = run_step(script, tmp, bindir, defaults, {
            "paths": "articles", "format": "text", "fail-on": "never", "args": args})
        check(code == 0 and "articles/bad.md:3:" in out, "format text and fail-on never",
              f"{code}\n{out}\n{err}")
        write(os.path.join(tmp, "ci.yml"), "rules:\n  test.miracle: off\n")
        code, out, err, _ = run_step(script, tmp, bindir, defaults, {
            "paths": "articles", "config": "ci.yml", "args": args, "format": "json"})
        check(code == 0 and "test.miracle" not in out and "test.detox" in out,
              "the config input is used", f"{code}\n{out}\n{err}")
        code, out, err, _ = run_step(script, tmp, bindir, defaults, {
            "paths": "articles", "references": "missing.json", "args": args})
        check(code == 2 and "missing.json" in err, "the references input reaches claimlint",
              f"{code}\n{out}\n{err}")
        code, out, err, _ = run_step(script, tmp, bindir, defaults, {
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
