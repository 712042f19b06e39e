#!/usr/bin/env python3
"""`claimlint lsp` driven by a scripted client over pipes.

usage: protocol_test.py CLAIMLINT GROUP

Each GROUP is one ctest test:
  lifecycle   initialize, requests before it and after shutdown, exit statuses
  encodings   utf-16 (default), utf-8 and utf-32 negotiation; exact ranges on
              text with accents, emoji outside the BMP, CJK, CRLF, front
              matter and a byte-order mark
  sync        didChange incremental (several ranges, in each encoding) then
              full; didClose clears diagnostics; untitled buffers
  hover       Markdown and plain-text hovers
  actions     code actions: replacement, disable comment (plain and snippet),
              turning the rule off in a new and in an existing config, each
              applied and seen to remove the diagnostic
  cancel      $/cancelRequest on a queued request
  robustness  malformed framing, bad JSON, wrong params, unknown methods,
              oversized and deeply nested messages; the server keeps going

Every test works in a fresh temporary directory holding `.git`, so that no
config from outside applies. Exit status: 0 passed, 1 a check failed.
"""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import (Client, ProtocolError, apply_edits, edits_for,  # noqa: E402
                        position_of, range_text)

NEEDLING = "claim.non-invasive-needling"

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
# What each needling finding covers in ARTICLE.
SPANS = ["Acupuncture is a safe and non-invasive", "Dry needling is a non-invasive"]

BIN = None
passed = 0
failures = []


def check(cond, what, detail=""):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what + (("\n    " + str(detail).replace("\n", "\n    ")) if detail else ""))
    return cond


def workdir():
    d = tempfile.mkdtemp(prefix="claimlint-lsp-")
    os.mkdir(os.path.join(d, ".git"))
    return d


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(path)


def start(tmp, capabilities=None, encodings=None, init_options=None):
    c = Client(BIN, cwd=tmp)
    caps = dict(capabilities or {})
    if encodings is not None:
        caps.setdefault("general", {})["positionEncodings"] = encodings
    opts = {"debounceMs": 20}
    opts.update(init_options or {})
    r = c.initialize(caps, uri_of(tmp), opts)
    return c, r


def open_doc(c, uri, text, version=1, language="markdown"):
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": language, "version": version, "text": text}})
    return c.diagnostics(uri, version)


def needling(diags):
    return [d for d in diags["diagnostics"] if d.get("code") == NEEDLING]


def finish(c):
    r = c.request("shutdown")
    c.notify("exit")
    code = c.wait_exit()
    check(r.get("result", "missing") is None, "shutdown answers null", r)
    check(code == 0, "exit after shutdown gives status 0", code)


def check_spans(diags, text, encoding, spans, label):
    got = sorted((d["range"]["start"]["line"], d["range"]["start"]["character"],
                  range_text(text, d["range"], encoding)) for d in needling(diags))
    check([g[2] for g in got] == spans, label + ": the ranges cover exactly the claims",
          got)
    for span, d in zip(spans, sorted(needling(diags), key=lambda d: (
            d["range"]["start"]["line"], d["range"]["start"]["character"]))):
        i = text.find(span)
        want = {"start": position_of(text, i, encoding),
                "end": position_of(text, i + len(span), encoding)}
        check(d["range"] == want, label + ": range of '%s' in %s" % (span, encoding),
              "got %s want %s" % (d["range"], want))


# -- groups ---------------------------------------------------------------------
def test_lifecycle(tmp):
    # A request before initialize.
    c = Client(BIN, cwd=tmp)
    r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///x.md"},
                                         "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32002, "a request before initialize: -32002", r)
    r = c.request("initialize", {"capabilities": {}})
    caps = r["result"]["capabilities"]
    check(caps["positionEncoding"] == "utf-16", "utf-16 when the client names none", caps)
    check(caps["textDocumentSync"]["change"] == 2 and caps["textDocumentSync"]["openClose"],
          "incremental sync with open/close", caps)
    check(caps.get("hoverProvider") is True, "hover advertised", caps)
    check("quickfix" in caps["codeActionProvider"]["codeActionKinds"], "quick fixes advertised")
    check(r["result"]["serverInfo"]["name"] == "claimlint", "serverInfo names claimlint")
    r = c.request("initialize", {"capabilities": {}})
    check(r.get("error", {}).get("code") == -32600, "a second initialize is refused", r)
    c.notify("initialized", {})
    r = c.request("shutdown")
    check("result" in r and r["result"] is None, "shutdown answers null", r)
    r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///x.md"},
                                         "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32600, "a request after shutdown: InvalidRequest", r)
    c.notify("exit")
    check(c.wait_exit() == 0, "exit after shutdown: status 0")

    # exit without shutdown.
    c = Client(BIN, cwd=tmp)
    c.initialize({})
    c.notify("exit")
    check(c.wait_exit() == 1, "exit without shutdown: status 1")

    # The end of input without exit.
    c = Client(BIN, cwd=tmp)
    c.initialize({})
    c.close_input()
    check(c.wait_exit() == 1, "end of input without shutdown: status 1")

    # --help and an unknown option.
    import subprocess
    p = subprocess.run([BIN, "lsp", "--help"], capture_output=True, text=True)
    check(p.returncode == 0 and "Language Server Protocol" in p.stdout, "lsp --help", p.stdout)
    p = subprocess.run([BIN, "lsp", "--tcp"], capture_output=True, text=True)
    check(p.returncode == 2, "lsp with an unknown option: status 2", p.returncode)
    p = subprocess.run([BIN, "--help"], capture_output=True, text=True)
    check("claimlint lsp" in p.stdout, "claimlint --help names the lsp subcommand")


def test_encodings(tmp):
    path = os.path.join(tmp, "article.md")
    uri = uri_of(path)
    for offered, want in [(None, "utf-16"), (["utf-8", "utf-16"], "utf-8"),
                          (["utf-32", "utf-16"], "utf-32"), (["utf-16", "utf-8"], "utf-16"),
                          (["latin-1", "utf-32"], "utf-32"), (["latin-1"], "utf-16")]:
        c, r = start(tmp, encodings=offered)
        enc = r["result"]["capabilities"]["positionEncoding"]
        check(enc == want, "offered %s: negotiated %s" % (offered, want), enc)
        d = open_doc(c, uri, ARTICLE)
        check(len(needling(d)) == 2, enc + ": two needling findings", d)
        check_spans(d, ARTICLE, enc, SPANS, enc)
        check(all(x["source"] == "claimlint" for x in d["diagnostics"]), "source is claimlint")
        check(all(x["severity"] in (1, 2, 3) for x in d["diagnostics"]), "severities mapped")
        n = needling(d)[0]
        check(n["severity"] == 1, "an error rule maps to severity 1", n)
        check(n.get("codeDescription", {}).get("href", "").startswith("https://"),
              "codeDescription.href is the rule's page", n)

        # CRLF: the same positions.
        crlf = ARTICLE.replace("\n", "\r\n")
        curi = uri_of(os.path.join(tmp, "crlf.md"))
        d2 = open_doc(c, curi, crlf)
        check([x["range"] for x in needling(d2)] == [x["range"] for x in needling(d)],
              enc + ": CRLF gives the same ranges", (needling(d2), needling(d)))
        # A byte-order mark: the client counts it as a character of line 0.
        buri = uri_of(os.path.join(tmp, "bom.md"))
        bom_text = "\ufeffAcupuncture is a safe and non-invasive way to manage pain.\n"
        d3 = open_doc(c, buri, bom_text)
        check_spans(d3, bom_text, enc, ["Acupuncture is a safe and non-invasive"], enc + " BOM")
        # Plain text.
        turi = uri_of(os.path.join(tmp, "notes.txt"))
        ptext = "Ça va 😀. Dry needling is a non-invasive treatment for tight muscles.\n"
        d4 = open_doc(c, turi, ptext, language="plaintext")
        check_spans(d4, ptext, enc, ["Dry needling is a non-invasive"], enc + " plain text")
        finish(c)


def test_sync(tmp):
    for enc in ["utf-16", "utf-8", "utf-32"]:
        c, r = start(tmp, encodings=[enc])
        uri = uri_of(os.path.join(tmp, "a.md"))
        text = ARTICLE
        d = open_doc(c, uri, text)
        check_spans(d, text, enc, SPANS, enc + " v1")
        # Incremental: two changes in one notification, applied in order.
        line = text.split("\n").index(
            "Résumé 😀 first. Acupuncture is a safe and non-invasive way to manage pain.")
        ins = "🧪 Note: "
        change1 = {"range": {"start": {"line": line, "character": 0},
                             "end": {"line": line, "character": 0}}, "text": ins}
        text2 = text.replace("Résumé 😀 first.", ins + "Résumé 😀 first.")
        # Then replace "Dry needling is a non-invasive" by a harmless phrase.
        i = text2.find("non-invasive treatment")
        start_pos = position_of(text2, i, enc)
        end_pos = position_of(text2, i + len("non-invasive"), enc)
        change2 = {"range": {"start": start_pos, "end": end_pos}, "text": "gentle"}
        text3 = text2[:i] + "gentle" + text2[i + len("non-invasive"):]
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [change1, change2]})
        d = c.diagnostics(uri, 2)
        check_spans(d, text3, enc, SPANS[:1], enc + " after incremental changes")
        # A change that deletes across lines (a whole paragraph and its blank).
        a = text3.find("\n针灸")
        b = text3.find("muscles.") + len("muscles.")
        change3 = {"range": {"start": position_of(text3, a, enc),
                             "end": position_of(text3, b, enc)}, "text": ""}
        text4 = text3[:a] + text3[b:]
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                            "contentChanges": [change3]})
        d = c.diagnostics(uri, 3)
        check_spans(d, text4, enc, SPANS[:1], enc + " after a multi-line delete")
        # Full sync: back to the original text.
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                            "contentChanges": [{"text": ARTICLE}]})
        d = c.diagnostics(uri, 4)
        check_spans(d, ARTICLE, enc, SPANS, enc + " after a full change")
        # Quick successive changes: only the last version's diagnostics matter,
        # and they arrive.
        for v in range(5, 15):
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                                "contentChanges": [{"text": ARTICLE + "x" * v}]})
        d = c.diagnostics(uri, 14)
        check(len(needling(d)) == 2, enc + ": diagnostics for the last of quick changes")
        # Close: diagnostics cleared.
        c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        d = c.diagnostics(uri)
        check(d["diagnostics"] == [], enc + ": didClose clears the diagnostics", d)
        finish(c)

    # An untitled buffer is linted from memory, and a non-article is not.
    c, _ = start(tmp)
    d = open_doc(c, "untitled:Untitled-1", ARTICLE)
    check(len(needling(d)) == 2, "an untitled Markdown buffer is linted", d)
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri_of(os.path.join(tmp, "x.py")), "languageId": "python", "version": 1,
        "text": "Acupuncture is a safe and non-invasive way to manage pain.\n"}})
    got = [m for m in c.drain(0.5) if m.get("method") == "textDocument/publishDiagnostics"
           and m["params"]["uri"].endswith("x.py")]
    check(got == [], "a Python file gets no diagnostics", got)
    # A change to a document that is not open is ignored, not fatal.
    c.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nope.md", "version": 2},
                                        "contentChanges": [{"text": "x"}]})
    finish(c)


def test_hover(tmp):
    uri = uri_of(os.path.join(tmp, "a.md"))
    c, _ = start(tmp)
    d = open_doc(c, uri, ARTICLE)
    rng = needling(d)[0]["range"]
    inside = {"line": rng["start"]["line"], "character": rng["start"]["character"] + 3}
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": inside})
    h = r.get("result") or {}
    value = h.get("contents", {}).get("value", "")
    check(h.get("contents", {}).get("kind") == "markdown", "hover is Markdown by default", h)
    check(NEEDLING in value, "hover names the rule", value)
    check("**Why:**" in value and "**Fix:**" in value, "hover gives why and fix", value)
    check("<!-- claimlint-disable-next-line " + NEEDLING in value,
          "hover shows the suppression syntax", value)
    check("minimally invasive" in value, "hover shows the replacement", value)
    check(h.get("range") == rng, "hover range is the finding's", (h.get("range"), rng))
    outside = {"line": 9, "character": 0}
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": outside})
    check(r.get("result", "missing") is None, "no hover away from findings", r)
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri_of("/nowhere.md")},
                                         "position": outside})
    check(r.get("result", "missing") is None, "hover on a document that is not open: null", r)
    finish(c)
    # A client that shows only plain text.
    c, _ = start(tmp, capabilities={"textDocument": {"hover": {"contentFormat": ["plaintext"]}}})
    d = open_doc(c, uri, ARTICLE)
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": inside})
    h = r["result"]
    check(h["contents"]["kind"] == "plaintext" and "**" not in h["contents"]["value"],
          "plain-text hover for a plain-text client", h)
    finish(c)


def code_actions(c, uri, rng):
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": rng, "context": {"diagnostics": []}})
    return r["result"]


def change_full(c, uri, version, text):
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                        "contentChanges": [{"text": text}]})
    return c.diagnostics(uri, version)


def test_actions(tmp):
    path = os.path.join(tmp, "a.md")
    uri = uri_of(path)
    caps = {"workspace": {"workspaceEdit": {"documentChanges": True,
                                            "resourceOperations": ["create", "rename", "delete"]}}}
    for enc in ["utf-16", "utf-8"]:
        c, _ = start(tmp, capabilities=caps, encodings=[enc])
        d = open_doc(c, uri, ARTICLE)
        first = needling(d)[0]
        acts = code_actions(c, uri, first["range"])
        titles = [a["title"] for a in acts]
        check(any(t.startswith("Replace") for t in titles), enc + ": a replace action", titles)
        check(any("for this line" in t for t in titles), enc + ": a disable-comment action",
              titles)
        check(any(t.startswith("Turn " + NEEDLING + " off in") for t in titles),
              enc + ": a config action", titles)
        check(all(a["kind"] == "quickfix" for a in acts), "all quick fixes")
        # (b) the replacement.
        rep = next(a for a in acts if a["title"].startswith("Replace"))
        check(rep.get("isPreferred") is True, "the replacement is preferred")
        check(rep["diagnostics"][0]["code"] == NEEDLING, "the action names its diagnostic")
        dc = rep["edit"]["documentChanges"][0]
        check(dc["textDocument"]["version"] == 1, "the edit is versioned", dc)
        new = apply_edits(ARTICLE, edits_for(rep["edit"], uri), enc)
        check("a safe and minimally invasive way" in new, enc + ": replacement applied",
              new)
        d2 = change_full(c, uri, 2, new)
        check(len(needling(d2)) == 1, enc + ": the replaced finding is gone", d2)
        # (a) the disable comment, above the line (it starts a paragraph).
        d2 = change_full(c, uri, 3, ARTICLE)
        acts = code_actions(c, uri, needling(d2)[1]["range"])
        sup = next(a for a in acts if "for this line" in a["title"])
        new = apply_edits(ARTICLE, edits_for(sup["edit"], uri), enc)
        want = ("<!-- claimlint-disable-next-line " + NEEDLING + " -- reason -->\n"
                "针灸 is old.")
        check(want in new, enc + ": the comment goes above the line", new)
        d3 = change_full(c, uri, 4, new)
        check(len(needling(d3)) == 1, enc + ": the suppressed finding is gone", d3)
        check(not any(x.get("code", "").startswith("meta.") for x in d3["diagnostics"]),
              enc + ": the new comment is a valid, used suppression", d3)
        finish(c)

    # Mid-paragraph: the comment goes at the end of the line.
    c, _ = start(tmp, capabilities=caps)
    text = "Some intro words here.\nAcupuncture is a safe and non-invasive way to ease pain.\n"
    d = open_doc(c, uri, text)
    acts = code_actions(c, uri, needling(d)[0]["range"])
    sup = next(a for a in acts if "for this line" in a["title"])
    new = apply_edits(text, edits_for(sup["edit"], uri), "utf-16")
    check(new.endswith("pain. <!-- claimlint-disable-line " + NEEDLING + " -->\n"),
          "inside a paragraph the comment ends the line", new)
    d = change_full(c, uri, 2, new)
    check(needling(d) == [], "the end-of-line comment silences it", d)
    finish(c)

    # Snippets: a client supporting SnippetTextEdit gets a $1 placeholder.
    scaps = {"workspace": {"workspaceEdit": {"documentChanges": True, "snippetEditSupport": True}}}
    c, _ = start(tmp, capabilities=scaps)
    d = open_doc(c, uri, ARTICLE)
    acts = code_actions(c, uri, needling(d)[0]["range"])
    sup = next(a for a in acts if "for this line" in a["title"])
    e = sup["edit"]["documentChanges"][0]["edits"][0]
    check(e.get("snippet", {}).get("kind") == "snippet" and
          "${1:reason}" in e["snippet"]["value"], "a snippet placeholder for the reason", e)
    check(not any(a["title"].startswith("Turn ") for a in acts),
          "no config action when the client cannot create files", [a["title"] for a in acts])
    # A client without documentChanges gets `changes`.
    finish(c)
    c, _ = start(tmp)
    d = open_doc(c, uri, ARTICLE)
    acts = code_actions(c, uri, needling(d)[0]["range"])
    check(all("changes" in a["edit"] for a in acts), "plain `changes` edits when that is all",
          acts)
    # context.only without quickfix: nothing.
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": needling(d)[0]["range"],
        "context": {"diagnostics": [], "only": ["refactor"]}})
    check(r["result"] == [], "only: [refactor] gets no quick fixes", r)
    finish(c)

    # (c) the config: created when there is none, then edited.
    c, _ = start(tmp, capabilities=caps)
    d = open_doc(c, uri, ARTICLE)
    acts = code_actions(c, uri, needling(d)[0]["range"])
    cfg = next(a for a in acts if a["title"].startswith("Turn "))
    ops = cfg["edit"]["documentChanges"]
    cfg_path = os.path.join(tmp, ".claimlint.yml")
    check(ops[0].get("kind") == "create" and ops[0]["uri"] == uri_of(cfg_path),
          "a new config at the repository root", ops)
    content = apply_edits("", ops[1]["edits"], "utf-16")
    with open(cfg_path, "w") as f:
        f.write(content)
    c.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": uri_of(cfg_path), "type": 1}]})
    d = c.diagnostics(uri)
    check(needling(d) == [], "after the config is written and watched, the rule is off", d)
    # Edit an existing config that has comments and other rules.
    with open(cfg_path, "w") as f:
        f.write("# house rules\nrules:\n  quality.no-date: off  # dated in the CMS\n"
                "fail_on: warning\n")
    c.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": uri_of(cfg_path), "type": 2}]})
    d = c.diagnostics(uri)
    check(len(needling(d)) == 2, "with the new config the rule is back", d)
    acts = code_actions(c, uri, needling(d)[0]["range"])
    cfg = next(a for a in acts if a["title"].startswith("Turn "))
    with open(cfg_path) as f:
        before = f.read()
    after = apply_edits(before, edits_for(cfg["edit"], uri_of(cfg_path)), "utf-16")
    check(after == "# house rules\nrules:\n  " + NEEDLING + ": off\n"
          "  quality.no-date: off  # dated in the CMS\nfail_on: warning\n",
          "the existing config keeps its comments and entries", after)
    with open(cfg_path, "w") as f:
        f.write(after)
    # A save of the config (no watcher) also reloads.
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(cfg_path)}})
    d = c.diagnostics(uri)
    check(needling(d) == [], "after didSave of the config, the rule is off", d)
    # A broken config: one diagnostic says so, and the server carries on.
    with open(cfg_path, "w") as f:
        f.write("rules: [\n")
    c.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": uri_of(cfg_path), "type": 2}]})
    d = c.diagnostics(uri)
    check(len(d["diagnostics"]) == 1 and "cannot lint" in d["diagnostics"][0]["message"],
          "a broken config is reported on the document", d)
    os.remove(cfg_path)
    c.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": uri_of(cfg_path), "type": 3}]})
    d = c.diagnostics(uri)
    check(len(needling(d)) == 2, "with the config deleted, the defaults again", d)
    # Watchers were registered (the client declared dynamic registration? no:
    # this client did not, so none).
    check(not any(r["method"] == "client/registerCapability" for r in c.server_requests),
          "no registration for a client without dynamic registration")
    finish(c)

    # A client with dynamic registration gets file watchers.
    wcaps = dict(caps)
    wcaps["workspace"] = dict(caps["workspace"],
                              didChangeWatchedFiles={"dynamicRegistration": True})
    with open(os.path.join(tmp, "library.json"), "w") as f:
        f.write("[]\n")
    with open(cfg_path, "w") as f:
        f.write("references: [library.json]\n")
    c, _ = start(tmp, capabilities=wcaps)
    open_doc(c, uri, ARTICLE)

    def globs():
        regs = [r for r in c.server_requests if r["method"] == "client/registerCapability"]
        return [w["globPattern"] for r in regs for g in r["params"]["registrations"]
                for w in g["registerOptions"]["watchers"]]
    deadline = time.time() + 10
    while time.time() < deadline and "**/library.json" not in globs():
        time.sleep(0.05)
    check("**/.claimlint.yml" in globs(), "a watcher for configs is registered", globs())
    check("**/library.json" in globs(), "a watcher for the config's reference library",
          globs())
    # Saving the library reloads: the open article is linted again.
    c.notify("textDocument/didSave", {"textDocument": {
        "uri": uri_of(os.path.join(tmp, "library.json"))}})
    d = c.diagnostics(uri)
    check(len(needling(d)) == 2, "a saved library relints the open documents", d)
    finish(c)
    os.remove(cfg_path)


def test_cancel(tmp):
    c, _ = start(tmp)
    # A big document keeps the lint thread busy while requests queue up.
    big_uri = uri_of(os.path.join(tmp, "big.md"))
    para = ("Acupuncture is a safe and non-invasive way to manage pain, and cupping "
            "detoxes the blood according to the clinic.\n\n")
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": big_uri, "languageId": "markdown", "version": 1, "text": para * 6000}})
    small = uri_of(os.path.join(tmp, "small.md"))
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": small, "languageId": "markdown", "version": 1, "text": ARTICLE}})
    pos = {"textDocument": {"uri": small}, "position": {"line": 8, "character": 20}}
    a = c.request_async("textDocument/hover", pos)
    b = c.request_async("textDocument/hover", pos)
    c.notify("$/cancelRequest", {"id": b})
    c.notify("$/cancelRequest", {"id": 12345})  # unknown: ignored
    ra, rb = c.response(a), c.response(b)
    check("result" in ra and ra["result"] is not None, "the other request is answered", ra)
    check(rb.get("error", {}).get("code") == -32800 or "result" in rb,
          "the cancelled request is answered (cancelled or done)", rb)
    check(rb.get("error", {}).get("code") == -32800,
          "a request still queued is cancelled with -32800", rb)
    finish(c)


def test_robustness(tmp):
    c, _ = start(tmp)

    def alive(label):
        r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///n.md"},
                                             "position": {"line": 0, "character": 0}})
        check("result" in r, "still answering after " + label, r)

    c.send_raw(b"Garbage-Header-Without-Colon\r\n\r\n")
    alive("a header block without Content-Length")
    c.send_raw(b"Content-Length: twelve\r\n\r\n")
    alive("a non-numeric Content-Length")
    c.send_raw(b"Content-Length: 3\r\n\r\n{x}")
    r = c.wait_for(lambda m: m.get("error", {}).get("code") == -32700)
    check(r["id"] is None, "invalid JSON: ParseError with id null", r)
    alive("invalid JSON")
    # A body shorter than announced swallows the next header; the server
    # resynchronises on the Content-Length after it.
    good = json.dumps({"jsonrpc": "2.0", "id": 777, "method": "shutdown-not"}).encode()
    c.send_raw(b"Content-Length: 2\r\n\r\n{}junk junk\r\nContent-Length: %d\r\n\r\n" % len(good)
               + good)
    r = c.response(777)
    check(r.get("error", {}).get("code") == -32601, "resynchronised after a short body", r)
    r = c.wait_for(lambda m: "error" in m and m.get("id") is None)
    check(r["error"]["code"] == -32600, "the short body ('{}') is an invalid request", r)
    for payload, rid, code, label in [
            (b"[1, 2]", None, -32600, "a batch"), (b"42", None, -32600, "a number"),
            (b'{"jsonrpc": "2.0", "id": 1005}', 1005, -32600, "no method"),
            (b'{"jsonrpc": "2.0", "id": {"a": 1}, "method": "x"}', None, -32600,
             "an object id"),
            (b'{"jsonrpc": "2.0", "id": 1006, "method": 7}', 1006, -32600, "a numeric method")]:
        c.send_raw(b"Content-Length: %d\r\n\r\n" % len(payload) + payload)
        r = c.wait_for(lambda m: "error" in m and m.get("id") == rid)
        check(r["error"]["code"] == code, label + ": error %d" % code, r)
    r = c.request("workspace/symbol", {"query": "x"})
    check(r.get("error", {}).get("code") == -32601, "an unknown method: MethodNotFound", r)
    c.notify("some/unknownNotification", {})
    r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///n.md"},
                                         "position": "here"})
    check(r.get("error", {}).get("code") == -32602, "a malformed position: InvalidParams", r)
    r = c.request("textDocument/hover", {"textDocument": 5})
    check(r.get("error", {}).get("code") == -32602, "a malformed textDocument: InvalidParams", r)
    r = c.request("textDocument/codeAction", [1, 2])
    check(r.get("error", {}).get("code") == -32602, "array params: InvalidParams", r)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": 3}})
    c.notify("textDocument/didChange", "nonsense")
    alive("malformed notifications")
    # Deep nesting.
    deep = b'{"jsonrpc": "2.0", "id": 1008, "method": "x", "params": ' + b"[" * 100000 + \
        b"]" * 100000 + b"}"
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
    r = c.wait_for(lambda m: "error" in m and m.get("id") is None)
    check(r["error"]["code"] == -32600, "deep nesting is refused", r)
    # Oversized: 17 MiB with an id up front.
    head = b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {"x": "'
    body = head + b"a" * (17 * 1024 * 1024) + b'"}}'
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    r = c.response(99)
    check(r.get("error", {}).get("code") == -32600 and "limit" in r["error"]["message"],
          "an oversized message gets an error with its id", r)
    alive("an oversized message")
    # An oversized didOpen (no id): a null-id error, the server goes on.
    note = b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"t": "' + \
        b"b" * (17 * 1024 * 1024) + b'"}}'
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(note) + note)
    r = c.wait_for(lambda m: "error" in m and m.get("id") is None)
    check(r["error"]["code"] == -32600, "an oversized notification is reported", r)
    alive("an oversized notification")
    # Non-UTF-8 bytes in a JSON string.
    bad = b'{"jsonrpc": "2.0", "id": 1010, "method": "x", "params": {"s": "\xff\xfe"}}'
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(bad) + bad)
    r = c.wait_for(lambda m: "error" in m and m.get("id") is None)
    check(r["error"]["code"] == -32700, "invalid UTF-8: ParseError", r)
    alive("invalid UTF-8")
    check(c.frame_errors == [], "every message from the server is well framed", c.frame_errors)
    finish(c)

    # A stream that ends inside a message: the server exits, status 1.
    c = Client(BIN, cwd=tmp)
    c.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
    c.close_input()
    check(c.wait_exit() == 1, "input ending mid-message: exit status 1")


GROUPS = {
    "lifecycle": test_lifecycle,
    "encodings": test_encodings,
    "sync": test_sync,
    "hover": test_hover,
    "actions": test_actions,
    "cancel": test_cancel,
    "robustness": test_robustness,
}


def main():
    global BIN
    if len(sys.argv) != 3 or sys.argv[2] not in GROUPS:
        print("usage: protocol_test.py CLAIMLINT {%s}" % "|".join(GROUPS), file=sys.stderr)
        return 2
    BIN = os.path.abspath(sys.argv[1])
    tmp = workdir()
    try:
        GROUPS[sys.argv[2]](tmp)
    except ProtocolError as e:
        failures.append("protocol: %s" % e)
    finally:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL: " + f)
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
