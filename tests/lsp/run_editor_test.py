#!/usr/bin/env python3
"""Runs an editor's own LSP client against `claimlint lsp`, headless.

usage: run_editor_test.py {nvim|eglot} CLAIMLINT

Makes a scratch workspace (a git repository holding article.md and an
empty .claimlint.yml), then runs nvim_test.lua in `nvim --headless`, or
eglot_test.el in `emacs --batch`. The editor script prints its checks and
exits non-zero on a failure. Exit status 77 (skipped) when the editor (or
eglot) is not installed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77

ARTICLE = (
    "---\n"
    "title: Acupuncture at the café\n"
    "author: Zoë Ng\n"
    "date: 2024-03-01\n"
    "---\n"
    "\n"
    "# Needles 🌿 and you\n"
    "\n"
    "Résumé 😀 first. Acupuncture is a safe and non-invasive way to manage pain.\n"
    "\n"
    "针灸 is old. Dry needling is a non-invasive treatment for tight muscles.\n"
)


def command(editor, claimlint, workspace):
    if editor == "nvim":
        nvim = shutil.which("nvim")
        if not nvim:
            return None, "nvim is not installed (Debian: apt-get install neovim)"
        return [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
                "-c", "luafile " + os.path.join(HERE, "nvim_test.lua")], None
    emacs = shutil.which("emacs")
    if not emacs:
        return None, "emacs is not installed (Debian: apt-get install emacs-nox elpa-eglot)"
    # Debian's elpa-* packages live in the system package directory, which
    # `-Q` leaves out of the package search.
    init = ("(progn (add-to-list 'package-directory-list \"/usr/share/emacs/site-lisp/elpa\")"
            " (package-initialize))")
    probe = subprocess.run([emacs, "--batch", "-Q", "--eval", init, "--eval", "(require 'eglot)"],
                           capture_output=True, timeout=120)
    if probe.returncode != 0:
        return None, "eglot is not installed (Debian: apt-get install elpa-eglot)"
    return [emacs, "--batch", "-Q", "--eval", init,
            "-l", os.path.join(HERE, "eglot_test.el")], None


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("nvim", "eglot"):
        print(__doc__, file=sys.stderr)
        return 2
    editor, claimlint = sys.argv[1], os.path.abspath(sys.argv[2])
    workspace = tempfile.mkdtemp(prefix="claimlint-%s-" % editor)
    try:
        cmd, why = command(editor, claimlint, workspace)
        if cmd is None:
            print("SKIP: " + why)
            return SKIP
        subprocess.run(["git", "init", "-q", workspace], check=False)
        with open(os.path.join(workspace, "article.md"), "w", encoding="utf-8") as f:
            f.write(ARTICLE)
        with open(os.path.join(workspace, ".claimlint.yml"), "w") as f:
            f.write("# house settings\n")
        env = dict(os.environ, CLAIMLINT_BIN=claimlint, LSP_TEST_DIR=workspace,
                   HOME=workspace, XDG_CONFIG_HOME=os.path.join(workspace, ".config"),
                   XDG_DATA_HOME=os.path.join(workspace, ".local"),
                   XDG_STATE_HOME=os.path.join(workspace, ".state"))
        try:
            p = subprocess.run(cmd, cwd=workspace, env=env, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=240)
        except subprocess.TimeoutExpired as e:
            print((e.stdout or b"").decode(errors="replace"))
            print((e.stderr or b"").decode(errors="replace"))
            print("FAIL: %s did not finish in 240 s" % editor)
            return 1
        out = p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace")
        print(out)
        if p.returncode != 0:
            print("FAIL: %s exited with status %d" % (editor, p.returncode))
            return 1
        if "0 failed" not in out:
            print("FAIL: %s printed no summary" % editor)
            return 1
        return 0
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
