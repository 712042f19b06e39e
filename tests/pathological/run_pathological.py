#!/usr/bin/env python3
"""Pathological and hostile inputs through the real command line, in every
output format. For each: no crash, no hang (each run is bounded by a
timeout), exit code 0, 1 or 2 (or the one a case expects), a message on
stderr for 2, peak memory under the bound, and the bytes of every linted file
unchanged. A table of exit status, time and peak RSS per case is printed.

usage: run_pathological.py CLAIMLINT [TIMEOUT_SECONDS [RSS_LIMIT_MIB [FORMATS]]]
(RSS_LIMIT_MIB 0: not checked, as under sanitizers. FORMATS: a comma-separated
subset of the formats, default all.)
"""
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1]
TIMEOUT = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
RSS_LIMIT_MIB = float(sys.argv[3]) if len(sys.argv) > 3 else 256.0
FORMATS = (sys.argv[4].split(",") if len(sys.argv) > 4 and sys.argv[4]
           else ["text", "json", "sarif", "github", "html"])
failures = []
passed = 0
table = []


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


def cap_memory():
    # A run that breaks its bound fails fast rather than taking the machine's
    # memory (sanitizers reserve address space: no cap then).
    if RSS_LIMIT_MIB:
        cap = int(RSS_LIMIT_MIB * 8) << 20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def high_water_kib(pid):
    """VmHWM of a running process (its own peak RSS since exec), 0 when gone.
    ru_maxrss would also count the pages of this (forked) Python process."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure(argv, cwd=None):
    """(exit code or None on timeout, stdout, stderr, seconds, peak RSS in MiB).
    The peak is sampled every few milliseconds until the process exits."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                preexec_fn=cap_memory)
        deadline = start + TIMEOUT
        code, peak = None, 0
        while True:
            peak = max(peak, high_water_kib(proc.pid))
            pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        proc.returncode = code if code is not None else -9
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        # Only the start of a huge report is kept.
        stdout, stderr = out.read(64 * 1024 * 1024), err.read(64 * 1024)
    return code, stdout, stderr, seconds, peak / 1024.0


def run(name, paths, root, allowed=(0, 1, 2), args=(), want_stderr_on_2=True, formats=FORMATS,
        want_rule=None, max_output=None, cwd=None):
    """`name` in each format; want_rule: a rule the JSON report must hold;
    max_output: a bound on the report's size in bytes."""
    global passed
    last = None
    for fmt in formats:
        before = digest_tree(root)
        code, out, err, seconds, rss = measure([BIN, "--format", fmt, *args, *paths], cwd)
        table.append((name, fmt, code, seconds, rss, len(out)))
        label = f"{name} [--format {fmt}]"
        if code is None:
            failures.append(f"{label}: no answer within {TIMEOUT:.0f} s")
            continue
        after = digest_tree(root)
        problems = []
        if code not in allowed:
            problems.append(f"exit {code} (allowed {allowed})")
        if code == 2 and want_stderr_on_2 and not err.strip():
            problems.append("exit 2 with nothing on stderr")
        if before != after:
            problems.append("a linted file changed")
        if RSS_LIMIT_MIB and rss > RSS_LIMIT_MIB:
            problems.append(f"peak RSS {rss:.0f} MiB over {RSS_LIMIT_MIB:.0f} MiB")
        if max_output is not None and len(out) > max_output:
            problems.append(f"{len(out)} bytes of report (bound {max_output})")
        if want_rule and fmt == "json" and code in (0, 1):
            try:
                rules = {x["rule"] for f in json.loads(out)["files"] for x in f["findings"]}
            except (ValueError, KeyError):
                rules = set()
            if want_rule not in rules:
                problems.append(f"no {want_rule} finding (got {sorted(rules)[:8]})")
        if want_rule and fmt == "json" and code == 2 and want_rule.startswith("exit2:"):
            if want_rule[6:] not in err.decode("utf-8", "replace"):
                problems.append(f"stderr does not mention {want_rule[6:]!r}")
        if problems:
            failures.append(f"{label}: " + "; ".join(problems) + "\n  stderr: " +
                            err.decode("utf-8", "replace")[:300])
        else:
            passed += 1
        last = (code, out, err)
    return last


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return path


def hostile(root):
    """Inputs built to exhaust memory or time; each is bounded (docs/limits.md)."""
    h = os.path.join(root, "hostile")
    os.makedirs(os.path.join(h, ".git"))
    miracle = b"It is a miracle cure. "

    def art(name, data):
        return write(os.path.join(h, name), data)

    # Suppression comments naming many rule ids: the comment is a finding, the
    # report stays small.
    for n in (2000, 50000):
        ids = b" ".join(b"c.%x" % i for i in range(n))
        p = art(f"suppress-{n}.md", b"<!-- claimlint-disable-next-line " + ids + b" -->\n" +
                miracle + b"\n")
        run(f"suppression comment naming {n} rule ids", [p], root, max_output=1 << 20,
            want_rule="meta.bad-suppression")
    # A BibTeX @string bomb named in front matter: 10 levels of 10 copies.
    bomb = [b'@string{s0 = "xxxxxxxxxx"}']
    for i in range(1, 10):
        bomb.append(b"@string{s%d = " % i + b" # ".join([b"s%d" % (i - 1)] * 10) + b"}")
    bomb.append(b"@article{smith2020, author = {Smith, Ann}, title = s9, year = 2020}")
    write(os.path.join(h, "bomb.bib"), b"\n".join(bomb) + b"\n")
    p = art("bomb.md", b"---\nreferences: [bomb.bib]\n---\n\n" + miracle + b"[@smith2020]\n")
    run("BibTeX @string bomb in front matter", [p], root, want_rule="input.references")
    # Front-matter references naming devices, FIFOs and files outside the tree.
    os.mkfifo(os.path.join(h, "fifo.json"))
    for k, (label, ref) in enumerate((("/dev/zero", b"/dev/zero"), ("/dev/stdin", b"/dev/stdin"),
                       ("a FIFO", b"fifo.json"), ("/etc/passwd", b"/etc/passwd"),
                       ("../ escape", b"../../../../../../etc/passwd"))):
        p = art(f"ref-{k}.md", b"---\nreferences: [" + ref + b"]\n---\n\n" + miracle +
                b"\n")
        run(f"front-matter references: {label}", [p], root, want_rule="input.references")
    # A cited entry with a long abstract (one sentence of 200 KB).
    abstract = "vitamin d supplements reduced hip fractures in older adults and " * 3200
    lib = [{"id": "smith2020", "type": "article-journal", "title": "Vitamin D and fractures",
            "author": [{"family": "Smith", "given": "Ann"}], "issued": {"date-parts": [[2020]]},
            "container-title": "J Bone", "abstract": abstract}]
    write(os.path.join(h, "abstract.json"), json.dumps(lib).encode())
    p = art("abstract.md", b"---\nreferences: [abstract.json]\n---\n\n"
            b"Vitamin D supplements prevent hip fractures in older adults (Smith 2020).\n")
    run("cited entry with a 200 KB abstract", [p], root)
    # One-line paragraphs of findings: 400 KB is linted, 1 MB is too large.
    p = art("line-400k.md", (miracle * 18000) + b"\n")
    run("400 KB one-line paragraph of findings", [p], root)
    p = art("line-1m.md", (miracle * 48000) + b"\n")
    run("1 MB one-line paragraph", [p], root, want_rule="input.too-large")
    # A 10 KB sentence against a pattern whose matches fail the word boundary.
    pack = os.path.join(h, "slow-pack.yaml")
    write(pack, b"pack: slow\nrules:\n  - id: slow.a\n    category: claim\n"
          b"    severity: info\n    message: m\n    patterns: ['a[^.]*z']\n"
          b"    examples: {fire: [az], pass: [q]}\n")
    p = art("sentence-10k.md", b"ba " * 3400 + b"z.\n")
    run("10 KB sentence, boundary-rejected pattern", [p], root,
        args=("--no-default-rules", "--rules", pack))
    # Rule packs: YAML aliases, too many rules, a device.
    small = art("small.md", miracle + b"\n")
    laughs = [b"pack: laughs", b"a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        laughs.append(b"a%d: &a%d [" % (i, i) + b", ".join([b"*a%d" % (i - 1)] * 10) + b"]")
    laughs.append(b"rules:\n  - id: l.x\n    category: claim\n    severity: info\n"
                  b"    message: *a8\n    patterns: [x]")
    write(os.path.join(h, "laughs.yaml"), b"\n".join(laughs) + b"\n")
    run("rule pack of nested YAML aliases", [small], root, allowed=(2,),
        args=("--rules", os.path.join(h, "laughs.yaml")))
    many = [b"pack: many", b"rules:"]
    for i in range(8000):
        many.append(b"  - {id: m.r%d, category: claim, severity: info, message: m, "
                    b"patterns: [q%d], examples: {fire: [q%d], pass: [z]}}" % (i, i, i))
    write(os.path.join(h, "many.yaml"), b"\n".join(many) + b"\n")
    run("rule pack of 8,000 rules (under 1 MiB)", [small], root, allowed=(2,),
        args=("--rules", os.path.join(h, "many.yaml")))
    # 50,000 aliases of one 100 KB pattern: 300 KB of YAML, 5 GB of patterns.
    big = b'"' + b"x" * 100000 + b'"'
    write(os.path.join(h, "alias-text.yaml"),
          b"pack: al\nrules:\n  - id: al.x\n    category: claim\n    severity: info\n"
          b"    message: m\n    patterns: [&p " + big + b", " + b", ".join([b"*p"] * 50000) +
          b"]\n")
    run("rule pack aliasing a 100 KB pattern 50,000 times", [small], root, allowed=(2,),
        args=("--rules", os.path.join(h, "alias-text.yaml")))
    # One library named 5,000 times in front matter, and front matter whose
    # aliases repeat a long string.
    entries = [{"id": "k%d" % i, "title": "Entry %d" % i, "issued": {"date-parts": [[2020]]}}
               for i in range(20000)]
    write(os.path.join(h, "big.json"), json.dumps(entries).encode())
    p = art("same-lib.md", b"---\nreferences: [" + b", ".join([b"big.json"] * 5000) +
            b"]\n---\n\n" + miracle + b"\n")
    run("front matter naming one library 5,000 times", [p], root)
    p = art("fm-alias.md", b"---\ntitle: &t " + b"y" * 30000 + b"\nkeywords: [" +
            b", ".join([b"*t"] * 3000) + b"]\n---\n\n" + miracle + b"\n")
    run("front matter aliasing a 30 KB string 3,000 times", [p], root,
        want_rule="input.front-matter")
    run("--rules /dev/zero", [small], root, allowed=(2,), args=("--rules", "/dev/zero"))
    run("--references /dev/zero", [small], root, allowed=(2,),
        args=("--references", "/dev/zero"))


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
        got = run("missing file", [os.path.join(root, "deleted.md")], root, allowed=(2,))
        if got is not None and b"deleted.md" not in got[2]:
            failures.append("missing file: stderr does not name the file")
        os.chmod(locked, 0o644)

        hostile(root)

    print(f"{'case':44} {'format':7} {'exit':>4} {'seconds':>8} {'peak MiB':>9} {'output':>9}")
    for name, fmt, code, seconds, rss, size in table:
        print(f"{name[:44]:44} {fmt:7} {str(code):>4} {seconds:8.2f} {rss:9.1f} {size:9d}")
    print(f"{passed} passed, {len(failures)} failed")
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
