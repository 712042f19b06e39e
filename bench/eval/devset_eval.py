#!/usr/bin/env python3
"""Measures claimlint on the development set (devset/README.md).

Usage:
  devset_eval.py CLAIMLINT [--devset DIR] [--details] [--json FILE] [-- EXTRA_ARGS...]
  devset_eval.py --check [--devset DIR]

Lints every article under DIR/articles (each with its own file name, so the
front matter, the extension and the references it names are read as a real
page's would be), matches the findings with DIR/labels, and prints per
category: true and false positives, false negatives, precision, recall; the
same for the careful genres with false positives per 1,000 words; and per
genre. --details lists every false positive and false negative.
"""

import argparse
import fnmatch
import json
import os
import re
import subprocess
import sys

import yaml

CATEGORIES = ["claim", "citation", "disclosure", "quality"]
GENRES = {"clinic-blog", "shop", "mlm", "influencer", "practitioner", "wellness-blog", "leaflet",
          "abstract", "news", "explainer", "guideline", "qa"}
STANCES = {"promotes", "advises", "reports", "refutes"}
CITATION_KINDS = {"vague", "unresolved", "mismatch", "overstated", "contradicted", "uncited",
                  "no-identifier", "numbered-missing", "name-only"}


def line_starts(text):
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    return starts


def line_of(starts, offset):
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


def col_offset(starts, text, line, column):
    """Character offset of a 1-based line and code-point column."""
    if line < 1 or line > len(starts):
        return len(text)
    return min(starts[line - 1] + column - 1, len(text))


class LabelError(Exception):
    pass


def load_labels(devset, slug, text, concepts):
    path = os.path.join(devset, "labels", slug + ".yaml")
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    where = os.path.relpath(path)
    unknown = set(data) - {"genre", "stance", "careful", "claims", "citations", "disclosures",
                           "quality", "notes"}
    if unknown:
        raise LabelError(f"{where}: unknown keys {sorted(unknown)}")
    if data.get("genre") not in GENRES:
        raise LabelError(f"{where}: genre must be one of {sorted(GENRES)}")
    if data.get("stance") not in STANCES:
        raise LabelError(f"{where}: stance must be one of {sorted(STANCES)}")
    if not isinstance(data.get("careful"), bool):
        raise LabelError(f"{where}: careful must be true or false")
    starts = line_starts(text)
    spans = {"claim": [], "citation": []}
    for key, cat in (("claims", "claim"), ("citations", "citation")):
        for item in data.get(key) or []:
            if isinstance(item, str):
                item = {"text": item}
            sub = item.get("text")
            if not isinstance(sub, str) or not sub:
                raise LabelError(f"{where}: {key} entry without text: {item!r}")
            if cat == "citation" and item.get("kind") not in CITATION_KINDS:
                raise LabelError(f"{where}: citation {sub!r} needs a kind of {sorted(CITATION_KINDS)}")
            n = int(item.get("occurrence", 1))
            pos = -1
            for _ in range(n):
                pos = text.find(sub, pos + 1)
                if pos < 0:
                    raise LabelError(f"{where}: {key}: {sub!r} (occurrence {n}) not in the article")
            end = pos + len(sub)
            spans[cat].append({"text": sub, "begin": pos, "end": end,
                               "line": line_of(starts, pos), "end_line": line_of(starts, max(pos, end - 1)),
                               "kind": item.get("kind", "")})
    concept_sets = {}
    for key, cat, table in (("disclosures", "disclosure", "disclosures"), ("quality", "quality", "quality")):
        items = data.get(key) or []
        for c in items:
            if c not in concepts.get(table, {}):
                raise LabelError(f"{where}: {key}: unknown concept {c!r} (add it to concepts.yaml)")
        concept_sets[cat] = list(items)
    return data, spans, concept_sets


def words(text):
    return len(re.findall(r"\w+", text))


def lint(claimlint, devset, files, extra):
    cmd = [claimlint, "--format", "json", "--fail-on", "never", "--jobs", "2"] + extra + files
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=devset)
    if out.returncode not in (0, 1):
        sys.stderr.write(out.stderr)
        raise SystemExit(f"claimlint exited {out.returncode}")
    report = json.loads(out.stdout)
    return {f["path"]: f["findings"] for f in report["files"]}


def score_spans(findings, labels, text, starts):
    """Greedy matching of findings to labels of one category."""
    matched = [False] * len(labels)
    fps, tps = [], []
    cand = []
    for fi, f in enumerate(findings):
        fb = col_offset(starts, text, f["line"], f["column"])
        fe = col_offset(starts, text, f["end_line"], f["end_column"])
        for li, lab in enumerate(labels):
            if f["line"] <= lab["end_line"] and lab["line"] <= f["end_line"]:
                overlap = max(0, min(fe, lab["end"]) - max(fb, lab["begin"]))
                cand.append((-overlap, abs(fb - lab["begin"]), fi, li))
    cand.sort()
    used = set()
    for _, _, fi, li in cand:
        if fi in used or matched[li]:
            continue
        used.add(fi)
        matched[li] = True
        tps.append((findings[fi], labels[li]))
    for fi, f in enumerate(findings):
        if fi not in used:
            fps.append(f)
    fns = [lab for li, lab in enumerate(labels) if not matched[li]]
    return tps, fps, fns


def score_concepts(findings, wanted, table):
    globs = {c: table.get(c) or [] for c in wanted}
    remaining = list(findings)
    tps, fns = [], []
    for c in wanted:
        hit = next((f for f in remaining if any(fnmatch.fnmatch(f["rule"], g) for g in globs[c])), None)
        if hit is None:
            fns.append(c)
        else:
            remaining.remove(hit)
            tps.append((hit, c))
    return tps, remaining, fns


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("claimlint", nargs="?")
    ap.add_argument("--devset", default=os.path.join(os.path.dirname(__file__), "..", "..", "devset"))
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--json", help="write the per-category counts here")
    ap.add_argument("extra", nargs="*")
    a = ap.parse_args()
    devset = os.path.abspath(a.devset)
    with open(os.path.join(devset, "concepts.yaml"), encoding="utf-8") as f:
        concepts = yaml.safe_load(f)
    arts = sorted(n for n in os.listdir(os.path.join(devset, "articles"))
                  if os.path.splitext(n)[1] in (".md", ".markdown", ".txt", ".mdx"))
    slugs = {os.path.splitext(n)[0]: n for n in arts}
    label_files = {os.path.splitext(n)[0] for n in os.listdir(os.path.join(devset, "labels"))
                   if n.endswith(".yaml")}
    problems = [f"labels/{s}.yaml: no article" for s in sorted(label_files - set(slugs))]
    problems += [f"articles/{slugs[s]}: no labels" for s in sorted(set(slugs) - label_files)]
    docs = {}
    for slug, name in slugs.items():
        if slug not in label_files:
            continue
        with open(os.path.join(devset, "articles", name), encoding="utf-8") as f:
            text = f.read()
        try:
            docs[slug] = (name, text) + load_labels(devset, slug, text, concepts)
        except LabelError as e:
            problems.append(str(e))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        raise SystemExit(1)
    if a.check:
        print(f"{len(docs)} articles, labels well-formed")
        return
    if not a.claimlint:
        ap.error("CLAIMLINT is required unless --check")
    results = lint(os.path.abspath(a.claimlint), devset,
                   ["articles/" + docs[s][0] for s in sorted(docs)], a.extra)

    def zero():
        return {c: {"tp": 0, "fp": 0, "fn": 0} for c in CATEGORIES}

    total, careful, promo = zero(), zero(), zero()
    by_genre = {}
    words_careful = words_promo = 0
    details = []
    for slug in sorted(docs):
        name, text, data, spans, concept_sets = docs[slug]
        findings = results.get("articles/" + name, [])
        starts = line_starts(text)
        n_words = words(text)
        bucket = careful if data["careful"] else promo
        if data["careful"]:
            words_careful += n_words
        else:
            words_promo += n_words
        g = by_genre.setdefault(data["genre"], {"files": 0, "words": 0, "counts": zero()})
        g["files"] += 1
        g["words"] += n_words
        for cat in CATEGORIES:
            fs = [f for f in findings if f["category"] == cat]
            if cat in ("claim", "citation"):
                tps, fps, fns = score_spans(fs, spans[cat], text, starts)
                fn_desc = [f"{lab['text']!r} (line {lab['line']})" for lab in fns]
            else:
                table = concepts["disclosures" if cat == "disclosure" else "quality"]
                tps, fps, fns = score_concepts(fs, concept_sets[cat], table)
                fn_desc = list(fns)
            for d in (total, bucket, g["counts"]):
                d[cat]["tp"] += len(tps)
                d[cat]["fp"] += len(fps)
                d[cat]["fn"] += len(fns)
            for f in fps:
                details.append(f"FP {cat:10} {name}:{f['line']}:{f['column']} [{f['rule']}] "
                               f"{f['excerpt'][:70]!r}")
            for d in fn_desc:
                details.append(f"FN {cat:10} {name}: {d}")

    def pr(c):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        return p, r

    def table(title, counts, n_words=None):
        print(f"\n{title}\n")
        head = "| category | TP | FP | FN | precision | recall |"
        sep = "|---|---|---|---|---|---|"
        if n_words:
            head += " FP / 1,000 words |"
            sep += "---|"
        print(head)
        print(sep)
        allc = {"tp": 0, "fp": 0, "fn": 0}
        for cat in CATEGORIES + ["all"]:
            c = allc if cat == "all" else counts[cat]
            if cat != "all":
                for k in allc:
                    allc[k] += c[k]
            p, r = pr(c)
            row = f"| {cat} | {c['tp']} | {c['fp']} | {c['fn']} | {p:.2f} | {r:.2f} |"
            if n_words:
                row += f" {1000 * c['fp'] / n_words:.1f} |"
            print(row)

    print(f"devset: {len(docs)} articles, {words_careful + words_promo} words "
          f"({sum(1 for d in docs.values() if d[2]['careful'])} careful, {words_careful} words)")
    table("All articles", total, words_careful + words_promo)
    table("Promotional and advisory genres", promo, words_promo)
    table("Careful genres", careful, words_careful)
    print("\nPer genre (all categories)\n")
    print("| genre | files | words | TP | FP | FN | precision | recall | FP / 1,000 words |")
    print("|---|---|---|---|---|---|---|---|---|")
    for genre in sorted(by_genre):
        g = by_genre[genre]
        c = {k: sum(g["counts"][cat][k] for cat in CATEGORIES) for k in ("tp", "fp", "fn")}
        p, r = pr(c)
        print(f"| {genre} | {g['files']} | {g['words']} | {c['tp']} | {c['fp']} | {c['fn']} | "
              f"{p:.2f} | {r:.2f} | {1000 * c['fp'] / g['words']:.1f} |")
    if a.details:
        print()
        for d in sorted(details):
            print(d)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"all": total, "careful": careful, "promotional": promo,
                       "words": {"careful": words_careful, "promotional": words_promo}}, f, indent=1)


if __name__ == "__main__":
    main()
