#!/usr/bin/python3
"""The editors' review page, opened in headless Chromium.

Usage: html_chromium_test.py CLAIMLINT SOURCE_DIR

Checks, on the DOM as it stands after the page's script ran:
  * the corpus report loads without console messages (errors, CSP violations);
  * every located finding of the JSON report of the same run has exactly one
    highlight (an element with data-finding="N"), and no other highlights exist;
  * an article full of script-injection attempts executes none of them and
    leaves no script, event handler or javascript: link in the page.
Each detector is first shown to fire on a page built to trip it, so a silent
browser cannot pass the test. Exit code 77 (skip) when Chromium is missing.
"""

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Chromium logs console messages (uncaught exceptions, console.*, CSP
# violations) as "...:INFO:CONSOLE:<line>] ..." or "CONSOLE(<line>)".
CONSOLE_RE = re.compile(r":CONSOLE[:(]")


def find_chromium():
    override = os.environ.get("CHROMIUM")
    if override:
        return override if shutil.which(override) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Dom(html.parser.HTMLParser):
    """Every element of a serialized DOM with its attributes, plus the title
    text and the bodies of script elements."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, {attr: value})
        self.scripts = []
        self.title = ""
        self._in = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: (v or "") for k, v in attrs}))
        if tag in ("script", "title"):
            self._in = tag
            if tag == "script":
                self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, {k: (v or "") for k, v in attrs}))

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "title":
            self.title += data


class Browser:
    def __init__(self, chromium, workdir):
        self.chromium = chromium
        self.workdir = workdir

    def dump(self, page):
        """(DOM after scripts ran, console lines) for a local file."""
        profile = tempfile.mkdtemp(prefix="profile-", dir=self.workdir)
        cmd = [self.chromium, *CHROMIUM_FLAGS, "--user-data-dir=" + profile,
               "--enable-logging=stderr", "--v=0", "--dump-dom",
               "file://" + os.path.abspath(page)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)
        if proc.returncode != 0 or "<html" not in proc.stdout:
            raise RuntimeError("chromium failed on %s (exit %d):\n%s"
                               % (page, proc.returncode, proc.stderr[-3000:]))
        console = [l for l in proc.stderr.splitlines() if CONSOLE_RE.search(l)]
        return proc.stdout, console


def run_claimlint(claimlint, fmt, inputs, out, extra=()):
    cmd = [claimlint, "--format", fmt, "--fail-on", "never", *extra, *inputs, "-o", out]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError("%s -> exit %d\n%s" % (" ".join(cmd), proc.returncode, proc.stderr))


def findings_of(json_path):
    """Findings in report order: the HTML numbers them 0, 1, 2, ... the same way."""
    with open(json_path, encoding="utf-8") as f:
        report = json.load(f)
    return [x for file in report["files"] for x in file["findings"]]


def check_highlights(dom, findings, label, failures):
    marks = {}
    for tag, attrs in dom.elements:
        if "data-finding" in attrs:
            marks.setdefault(attrs["data-finding"], []).append((tag, attrs))
    items = {}
    for tag, attrs in dom.elements:
        if tag == "li" and "data-item" in attrs:
            items[attrs["data-item"]] = items.get(attrs["data-item"], 0) + 1
    located = 0
    for n, f in enumerate(findings):
        key = str(n)
        if items.get(key) != 1:
            failures.append("%s: finding %d (%s) is listed %d times" % (label, n, f["rule"],
                                                                        items.get(key, 0)))
        got = marks.get(key, [])
        if f.get("line", 0) < 1:
            if got:
                failures.append("%s: whole-file finding %d has a highlight" % (label, n))
            continue
        located += 1
        if len(got) != 1:
            failures.append("%s: finding %d (%s, line %d) has %d highlights"
                            % (label, n, f["rule"], f["line"], len(got)))
            continue
        tag, attrs = got[0]
        if tag != "mark" or ("[%s]" % f["rule"]) not in attrs.get("title", ""):
            failures.append("%s: highlight %d is <%s title=%r>, not finding %s"
                            % (label, n, tag, attrs.get("title"), f["rule"]))
    strays = [k for k in marks if not k.isdigit() or int(k) >= len(findings)]
    if strays:
        failures.append("%s: highlights of no finding: %s" % (label, strays[:10]))
    highlights = sum(len(v) for v in marks.values())
    print("%s: %d findings (%d located), %d highlights" % (label, len(findings), located,
                                                           highlights))
    return located, highlights


def check_script_ran(dom, label, failures):
    # The page's script un-hides the filter form: proof that the CSP hash
    # matches and the script ran to the end.
    for tag, attrs in dom.elements:
        if tag == "form" and attrs.get("id") == "filters":
            if "hidden" in attrs:
                failures.append("%s: the page's script did not run (filters still hidden)" % label)
            return
    failures.append("%s: no filter form" % label)


def injection_effects(dom, page_script):
    """What an injected script or handler could have left behind."""
    found = []
    if "PWNED" in dom.title:
        found.append("title changed to %r" % dom.title)
    for tag, attrs in dom.elements:
        if attrs.get("id", "").startswith("pwned"):
            found.append("element <%s id=%s>" % (tag, attrs["id"]))
        if "data-pwned" in attrs:
            found.append("<%s data-pwned>" % tag)
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append("event handler <%s %s=...>" % (tag, name))
            squashed = re.sub(r"[\x00-\x20]", "", value).lower()
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and (
                    squashed.startswith("javascript:") or squashed.startswith("vbscript:")
                    or squashed.startswith("data:text/html")):
                found.append("<%s %s=%r>" % (tag, name, value))
        if tag in ("iframe", "object", "embed", "svg", "img", "base", "frame"):
            found.append("element <%s>" % tag)
    foreign = [s for s in dom.scripts if s.strip() != page_script.strip()]
    if foreign or len(dom.scripts) != 1:
        found.append("%d scripts, %d not the page's own" % (len(dom.scripts), len(foreign)))
    return found


def page_script_of(path):
    with open(path, encoding="utf-8") as f:
        scripts = Dom(f.read()).scripts
    return scripts[0] if len(scripts) == 1 else ""


def negative_checks(browser, work, failures):
    """The detectors must fire on pages built to trip them."""
    bad_js = os.path.join(work, "bad-js.html")
    with open(bad_js, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><title>t</title></head><body>"
                "<script>noSuchFunction();</script></body></html>")
    bad_csp = os.path.join(work, "bad-csp.html")
    with open(bad_csp, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                "content=\"default-src 'none'; script-src 'sha256-AAAA'\"><title>t</title>"
                "</head><body><script>document.title='x';</script></body></html>")
    for page, what in ((bad_js, "a JavaScript error"), (bad_csp, "a CSP violation")):
        _, console = browser.dump(page)
        if not console:
            failures.append("console detection is blind: %s gave no console line" % what)
    # Injection detection: the same attempts, really executed.
    live = os.path.join(work, "live-injection.html")
    with open(live, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><title>t</title></head><body>"
                "<script>document.title='PWNED-live';"
                "var d=document.createElement('div');d.id='pwned-live';"
                "document.body.appendChild(d);</script>"
                "<a href=\"javascript:alert(1)\">x</a></body></html>")
    dom_text, _ = browser.dump(live)
    effects = injection_effects(Dom(dom_text), "")
    for needle in ("title changed", "id=pwned-live", "javascript:"):
        if not any(needle in e for e in effects):
            failures.append("injection detection is blind to %r (saw %s)" % (needle, effects))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    claimlint, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    chromium = find_chromium()
    if not chromium:
        print("SKIP: chromium is not installed")
        return SKIP
    failures = []
    with tempfile.TemporaryDirectory(prefix="claimlint-html-") as work:
        browser = Browser(chromium, work)
        negative_checks(browser, work, failures)

        os.chdir(source)  # paths in the report relative to the repository
        cases = [("corpus", ["corpus/"]),
                 ("injection", ["tests/html/data/injection.md"])]
        for label, inputs in cases:
            page = os.path.join(work, label + ".html")
            data = os.path.join(work, label + ".json")
            run_claimlint(claimlint, "html", inputs, page)
            run_claimlint(claimlint, "json", inputs, data)
            dom_text, console = browser.dump(page)
            dom = Dom(dom_text)
            for line in console:
                failures.append("%s: console: %s" % (label, line))
            print("%s: %d console lines" % (label, len(console)))
            check_script_ran(dom, label, failures)
            findings = findings_of(data)
            located, highlights = check_highlights(dom, findings, label, failures)
            if label == "corpus" and located == 0:
                failures.append("corpus: no located findings to check")
            if label == "injection":
                if highlights == 0:
                    failures.append("injection: no highlights around the injected markup")
                effects = injection_effects(dom, page_script_of(page))
                for e in effects:
                    failures.append("injection: " + e)
                print("injection: %d effects" % len(effects))
    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
