#!/usr/bin/env python3
"""Pathological inputs through the real command line. For each: no crash, no
hang (each run is bounded by a timeout), exit code 0, 1 or 2, a message on
stderr for 2, and the bytes of every linted file unchanged.

usage: run_pathological.py CLAIMLINT [TIMEOUT_SECONDS]
"""
import hashlib
import os
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
TIMEOUT = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
failures = []
passed = 0


def digest_tree(root):
    out = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in filenames:
            p = os.path.join(dirpath, name)
            if os.path.islink(p) or not os.path.isfile(p):
                continue
            try:
                with open(p, "rb") as f:
                    out[p] = hashlib.sha256(f.read()).hexdigest()
            except OSError:
                out[p] = "unreadable"
    return out


def run(name, paths, root, allowed=(0, 1, 2), args=(), want_stderr_on_2=True):
    global passed
    before = digest_tree(root)
    try:
        proc = subprocess.run([BIN, "--format", "json", *args, *paths], capture_output=True,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        failures.append(f"{name}: no answer within {TIMEOUT:.0f} s")
        return None
    after = digest_tree(root)
    problems = []
    if proc.returncode not in allowed:
        problems.append(f"exit {proc.returncode} (allowed {allowed})")
    if proc.returncode == 2 and want_stderr_on_2 and not proc.stderr.strip():
        problems.append("exit 2 with nothing on stderr")
    if before != after:
        problems.append("a linted file changed")
    if problems:
        failures.append(f"{name}: " + "; ".join(problems) + "\n  stderr: " +
                        proc.stderr.decode("utf-8", "replace")[:300])
    else:
        passed += 1
    return proc


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def main():
    with tempfile.TemporaryDirectory() as root:
        cases = {
            "invalid-overlong.md": b"Overlong \xc0\xaf slash boosts immunity.\n",
            "invalid-surrogate.md": b"Surrogate \xed\xa0\x80 here.\n",
            "invalid-truncated.md": b"Truncated \xe2\x82",
            "nul-bytes.md": b"Text\x00with NUL\x00bytes.\n",
            "bom.md": b"\xef\xbb\xbfA BOM article that boosts immunity.\n",
            "utf16.md": "UTF-16 text boosts immunity.\n".encode("utf-16"),
            "crlf.md": b"Line one.\r\nIt boosts immunity.\r\n",
            "lone-cr.md": b"Line one.\rIt boosts immunity.\rEnd.",
            "empty.md": b"",
            "empty.txt": b"",
            "single-line-20mb.md": (b"It boosts immunity and cures colds. " * 600000)[:20 * 1024 * 1024],
            "nested-quotes.md": b">" * 50000 + b" deep boosts immunity\n",
            "nested-lists.md": b"".join(b"  " * i + b"- item\n" for i in range(10000)),
            "emphasis.md": b"*" * 100000 + b"a" + b"_" * 100000 + b"\n",
            "brackets.md": b"[" * 100000 + b"x" + b"]" * 100000 + b"(" * 50000 + b"\n",
            "links.md": b"[a](b" * 50000 + b"\n",
            "backticks.md": b"`" * 100000 + b"\n" + b"`a" * 50000 + b"\n",
            "entities.md": b"&amp;" * 200000 + b"&#x" + b"9" * 100 + b";\n",
            "table-1mb.md": b"| a | b |\n|---|---|\n" + b"| boosts immunity | cures colds |\n" * 30000,
            "unterminated-front-matter.md": b"---\ntitle: x\nauthor: y\n\nBody boosts immunity.\n",
            "invalid-front-matter.md": b"---\ntitle: [unclosed\n  - : :\n---\nBody.\n",
            "deep-front-matter.md": b"---\n" + b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n---\nBody.\n",
            "binary.md": bytes(range(256)) * 100,
            "deep-toml.md": b"+++\na = " + b"[" * 5000 + b"]" * 5000 + b"\n+++\nBody.\n",
            "many-toml-keys.md": b"+++\n" + b"".join(b"k%d = %d\n" % (i, i) for i in range(100000)) +
            b"+++\nBody.\n",
            "deep-json.md": b"{\"a\": " + b"[" * 5000 + b"]" * 5000 + b"}\n\nBody.\n",
            "html-tags-1mb.md": b"<div>\n" + b"<p>It <b>boosts</b> immunity &amp; cures colds.</p>\n" * 20000,
            "html-open-tags.md": b"<div>\n" + b"<a b=" * 100000 + b"\n",
            "mdx-stray-tags.mdx": b"Text <a b c " * 100000 + b"\n",
            "mdx-stray-braces.mdx": b"Text {a " * 100000 + b"{/*" * 50000 + b"\n",
            "mdx-backticks.mdx": b"`a " * 100000 + b"\n",
        }
        for name, data in cases.items():
            write(os.path.join(root, name), data)
        for name in cases:
            run(name, [os.path.join(root, name)], root)

        # A directory named like an article, a symlink loop, a dangling link,
        # an unreadable file, all inside a walked tree.
        tree = os.path.join(root, "tree")
        os.makedirs(os.path.join(tree, "x.md"))
        write(os.path.join(tree, "ok.md"), b"Fine text.\n")
        os.symlink(tree, os.path.join(tree, "loop"))
        os.symlink(os.path.join(tree, "gone.md"), os.path.join(tree, "dangling.md"))
        locked = write(os.path.join(tree, "locked.md"), b"Locked boosts immunity.\n")
        os.chmod(locked, 0)
        run("walked tree (dir x.md, loop, dangling link, unreadable)", [tree], root)
        run("directory named x.md given directly", [os.path.join(tree, "x.md")], root)
        proc = run("missing file", [os.path.join(root, "deleted.md")], root, allowed=(2,))
        if proc is not None and b"deleted.md" not in proc.stderr:
            failures.append("missing file: stderr does not name the file")
        os.chmod(locked, 0o644)

    print(f"{passed} passed, {len(failures)} failed")
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
