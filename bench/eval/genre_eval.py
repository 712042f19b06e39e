#!/usr/bin/env python3
"""Measures claimlint's page classifier (lint/genre) on the development set.

Usage:
  genre_eval.py CLAIMLINT [--devset DIR] [--details]

Lints every article of DIR/articles with --format json, reads each file's
"page" object (stance, genre, careful) and compares it with the labels in
DIR/labels: accuracy of the stance (promotes | advises | reports | refutes),
of careful against promotional, and of "owes treatment risks" (promotes or
advises) against the labelled stance; a confusion table of stances; with
--details, every article with its signals.
"""

import argparse
import json
import os
import subprocess
import sys

import yaml

STANCES = ["promotes", "advises", "reports", "refutes"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("claimlint")
    ap.add_argument("--devset", default=os.path.join(os.path.dirname(__file__), "..", "..", "devset"))
    ap.add_argument("--details", action="store_true")
    a = ap.parse_args()
    devset = os.path.abspath(a.devset)
    arts = sorted(n for n in os.listdir(os.path.join(devset, "articles"))
                  if os.path.splitext(n)[1] in (".md", ".markdown", ".txt", ".mdx"))
    files = ["articles/" + n for n in arts]
    out = subprocess.run([os.path.abspath(a.claimlint), "--format", "json", "--fail-on", "never",
                          "--jobs", "2"] + files, capture_output=True, text=True, cwd=devset)
    if out.returncode not in (0, 1):
        sys.stderr.write(out.stderr)
        raise SystemExit(f"claimlint exited {out.returncode}")
    pages = {f["path"]: f.get("page") for f in json.loads(out.stdout)["files"]}
    n = stance_ok = careful_ok = owes_ok = 0
    confusion = {s: {t: 0 for t in STANCES} for s in STANCES}
    rows = []
    for name in arts:
        slug = os.path.splitext(name)[0]
        with open(os.path.join(devset, "labels", slug + ".yaml"), encoding="utf-8") as f:
            lab = yaml.safe_load(f)
        page = pages.get("articles/" + name) or {}
        got_stance = page.get("stance", "?")
        got_careful = page.get("careful")
        n += 1
        stance_ok += got_stance == lab["stance"]
        careful_ok += got_careful == lab["careful"]
        owes_ok += (got_stance in ("promotes", "advises")) == (lab["stance"] in ("promotes", "advises"))
        if got_stance in STANCES:
            confusion[lab["stance"]][got_stance] += 1
        mark = "" if got_stance == lab["stance"] and got_careful == lab["careful"] else "  <--"
        signals = ", ".join(f"{s['name']}x{s['count']}" for s in page.get("signals", []))
        rows.append(f"{slug:48} {lab['stance']:8} {got_stance:8} {lab['genre']:13} "
                    f"{page.get('genre', '?'):9} {page.get('confidence', 0):.2f}{mark}\n      {signals}")
    print(f"devset: {n} articles")
    print(f"stance accuracy: {stance_ok}/{n} = {stance_ok / n:.2f}")
    print(f"careful vs promotional accuracy: {careful_ok}/{n} = {careful_ok / n:.2f}")
    print(f"owes treatment risks (promotes|advises vs reports|refutes): {owes_ok}/{n} = {owes_ok / n:.2f}")
    print("\n| labelled \\ classified | " + " | ".join(STANCES) + " |")
    print("|---|" + "---|" * len(STANCES))
    for s in STANCES:
        print(f"| {s} | " + " | ".join(str(confusion[s][t]) for t in STANCES) + " |")
    if a.details:
        print("\nslug                                             label    got      genre(label)  genre     conf")
        for r in rows:
            print(r)


if __name__ == "__main__":
    main()
