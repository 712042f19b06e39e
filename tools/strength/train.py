#!/usr/bin/env python3
"""Trains the claim-strength model and writes rules/models/claim-strength.tsv.

Usage (from the repository root):
  python3 tools/strength/train.py [--benchmarks /work/shared/benchmarks]
      [--out rules/models/claim-strength.tsv]
      [--parity-in tests/data/strength/parity_sentences.txt]
      [--parity-out tests/data/strength/parity.tsv]

The procedure (splits, tuning, pruning) is described in tools/strength/README.md.
Deterministic: no randomness, sorted iteration, the same output for the same data.
"""

import argparse
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import features as feats  # noqa: E402
import logreg  # noqa: E402
import model as mdl  # noqa: E402

LABELS = {"no_relationship": 0, "correlational": 1, "conditional_causal": 2, "direct_causal": 3}
L2_GRID = [1e-2, 3e-3, 1e-3, 3e-4]  # large to small: each fit starts from the last
WEIGHTINGS = ["none", "balanced"]
PRUNE_GRID = [0.02, 0.05, 0.1, 0.15, 0.2]  # features whose largest |weight| is below are dropped
MIN_DF = 2  # n-grams in fewer training sentences than this are left out
FOLDS = 5  # cross-fitting folds over the InSciOut training pairs


def fnv1a32(text):
    h = 0x811C9DC5
    for c in text.encode("utf-8"):
        h = ((h ^ c) * 0x01000193) & 0xFFFFFFFF
    return h


def split_of(sentence):
    """0 = held out (test), 1 = validation, 2-4 = training."""
    return fnv1a32(sentence) % 5


def read_yu(bench):
    path = os.path.join(bench, "yu_causal_strength", "combined_normalized.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    out = []
    for source, _id, sentence, label in rows[1:]:
        out.append((source, sentence, LABELS[label]))
    return out


def read_insciout(bench, name):
    path = os.path.join(bench, "insciout_exaggeration", name)
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                pairs.append(json.loads(line))
    return pairs


# --- metrics -----------------------------------------------------------------


def confusion(gold, pred):
    m = [[0] * 4 for _ in range(4)]
    for g, p in zip(gold, pred):
        m[g][p] += 1
    return m


def class_scores(m):
    rows = []
    for k in range(4):
        tp = m[k][k]
        pp = sum(m[j][k] for j in range(4))
        gp = sum(m[k])
        p = tp / pp if pp else 0.0
        r = tp / gp if gp else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((p, r, f, gp))
    return rows


def macro_f1(gold, pred):
    return sum(f for _, _, f, _ in class_scores(confusion(gold, pred))) / 4


def report(title, gold, pred):
    m = confusion(gold, pred)
    rows = class_scores(m)
    acc = sum(m[k][k] for k in range(4)) / max(1, len(gold))
    print("%s: n=%d accuracy=%.3f macro-F1=%.3f" % (title, len(gold), acc,
                                                  sum(r[2] for r in rows) / 4))
    for k, (p, r, f, n) in enumerate(rows):
        print("  %-13s P=%.3f R=%.3f F1=%.3f n=%d" % (mdl.CLASSES[k], p, r, f, n))
    print("  confusion (rows gold, columns predicted):")
    for k in range(4):
        print("  %-13s %s" % (mdl.CLASSES[k], " ".join("%5d" % v for v in m[k])))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --- training ----------------------------------------------------------------


class Vocab:
    def __init__(self, feature_lists):
        df = {}
        for fl in feature_lists:
            for f in fl:
                df[f] = df.get(f, 0) + 1
        keep = [f for f in df if df[f] >= MIN_DF or f.startswith("g:")]
        self.names = sorted(keep)
        self.index = {f: i for i, f in enumerate(self.names)}

    def encode(self, fl):
        return [self.index[f] for f in fl if f in self.index]


def costs(labels, weighting):
    if weighting == "none":
        return [1.0] * len(labels)
    counts = [labels.count(k) for k in range(4)]
    return [len(labels) / (4.0 * counts[y]) for y in labels]


def to_weights(x, vocab):
    F = len(vocab.names)
    w = {f: [x[k * F + i] for k in range(4)] for i, f in enumerate(vocab.names)}
    w["bias"] = [x[4 * F + k] for k in range(4)]
    return w


def prune(weights, threshold):
    """Drops small features, and rounds as the file will (so that what is
    measured here is what is shipped)."""
    out = {}
    for f, w in weights.items():
        if f == "bias" or max(abs(v) for v in w) >= threshold:
            out[f] = [float(mdl.format_weight(v)) for v in w]
    return out


def fit(examples, l2, weighting, x0=None):
    fls = [e[0] for e in examples]
    labels = [e[1] for e in examples]
    vocab = Vocab(fls)
    data = [vocab.encode(fl) for fl in fls]
    if x0 is not None:
        x0 = _remap(x0, vocab)
    x = logreg.fit(data, labels, costs(labels, weighting), len(vocab.names), l2, x0)
    return to_weights(x, vocab)


def _remap(weights, vocab):
    F = len(vocab.names)
    x = [0.0] * (4 * F + 4)
    for i, f in enumerate(vocab.names):
        w = weights.get(f)
        if w:
            for k in range(4):
                x[k * F + i] = w[k]
    for k in range(4):
        x[4 * F + k] = weights["bias"][k]
    return x


def pair_sentences(pairs, banned):
    """Both sides of each pair, with their strength labels."""
    out = []
    for p in pairs:
        out.append((p["press_release_conclusion"], p["press_release_strength"]))
        out.append((p["abstract_conclusion"], p["abstract_strength"]))
    return [(s, y) for s, y in out if s not in banned]


def exaggeration_scores(model, pairs):
    """(gold exaggerates, release class, abstract class, release probabilities,
    abstract probabilities) of each pair."""
    out = []
    for p in pairs:
        cr, pr = model.predict(p["press_release_conclusion"])
        ca, pa = model.predict(p["abstract_conclusion"])
        out.append((p["exaggeration_label"] == "exaggerates", cr, ca, pr, pa))
    return out


def p_higher(pr, pa):
    """P(release class > abstract class), the two read independently."""
    return sum(pr[i] * pa[j] for i in range(4) for j in range(i))


# Decision rules for "the release states it more strongly than the abstract".
RULES = [
    ("predicted class: release > abstract", lambda cr, ca, pr, pa, m: cr > ca),
    ("expected strength: release - abstract > margin",
     lambda cr, ca, pr, pa, m: mdl.expected_strength(pr) - mdl.expected_strength(pa) > m),
    ("P(release class > abstract class) > 0.5", lambda cr, ca, pr, pa, m: p_higher(pr, pa) > 0.5),
    ("direct release, correlational or no-relationship abstract",
     lambda cr, ca, pr, pa, m: cr == 3 and ca <= 1),
]


def rule_scores(scores, rule, margin):
    tp = fp = fn = 0
    for g, cr, ca, pr, pa in scores:
        d = rule(cr, ca, pr, pa, margin)
        tp += g and d
        fp += (not g) and d
        fn += g and not d
    return prf(tp, fp, fn)


def choose_margin(scores):
    """The margin (0 to 2 in steps of 0.05) with the best F1 for the
    expected-strength rule; of equal F1s, the largest (the more precise).
    Prints the curve."""
    best = None
    curve = []
    for i in range(0, 41):
        tau = i * 0.05
        p, r, f = rule_scores(scores, RULES[1][1], tau)
        if i % 4 == 0:
            curve.append("%.1f: P=%.2f R=%.2f F1=%.2f" % (tau, p, r, f))
        if best is None or f >= best[0]:
            best = (f, tau)
    print("  expected-strength margin curve: " + "; ".join(curve))
    return best[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--benchmarks", default="/work/shared/benchmarks")
    ap.add_argument("--out", default="rules/models/claim-strength.tsv")
    ap.add_argument("--parity-in", default="tests/data/strength/parity_sentences.txt")
    ap.add_argument("--parity-out", default="tests/data/strength/parity.tsv")
    args = ap.parse_args()

    lex = feats.split_lexicons(feats.LEXICONS)
    yu = read_yu(args.benchmarks)
    ins_train = read_insciout(args.benchmarks, "insciout_train.jsonl")
    ins_test = read_insciout(args.benchmarks, "insciout_test.jsonl")

    held_out = [(s, y, src) for src, s, y in yu if split_of(s) == 0]
    # Sentences that are evaluated never reach training, even as duplicates.
    banned = {s for s, _, _ in held_out}
    for p in ins_test:
        banned.add(p["press_release_conclusion"])
        banned.add(p["abstract_conclusion"])
    valid = [(s, y) for src, s, y in yu if split_of(s) == 1]
    core = [(s, y) for src, s, y in yu if split_of(s) >= 2 and s not in banned]
    yu_train = [(s, y) for src, s, y in yu if split_of(s) >= 1 and s not in banned]
    ins_sents = pair_sentences(ins_train, banned)
    dropped = sum(1 for src, s, y in yu if split_of(s) >= 1 and s in banned)
    print("Yu et al.: %d held out, %d validation, %d training core (%d dropped as duplicates "
          "of evaluated sentences); InSciOut train: %d sentences" %
          (len(held_out), len(valid), len(core), dropped, len(ins_sents)))

    def featurise(rows):
        return [(feats.features(s, lex), y) for s, y in rows]

    core_x = featurise(core)

    # 1. Regularisation, class weighting and pruning, on the validation slice.
    gold_valid = [y for _, y in valid]
    best = None
    for weighting in WEIGHTINGS:
        w = None
        for l2 in L2_GRID:
            w = fit(core_x, l2, weighting, w)
            scores = []
            for threshold in PRUNE_GRID:
                mp = mdl.Model(feats.LEXICONS, prune(w, threshold), 0.0)
                f1 = macro_f1(gold_valid, [mp.predict(s)[0] for s, _ in valid])
                scores.append("%g: %.3f (%d)" % (threshold, f1, len(mp.weights)))
                if best is None or f1 > best[0]:
                    best = (f1, l2, weighting, threshold)
            print("  l2=%g weighting=%s: validation macro-F1 by pruning threshold (features): %s"
                  % (l2, weighting, ", ".join(scores)), flush=True)
    _, l2, weighting, threshold = best
    print("chosen: l2=%g, class weighting %s, pruning threshold %g (validation macro-F1 %.3f)"
          % (l2, weighting, threshold, best[0]))

    # 2. The exaggeration margin, on the InSciOut training pairs, each pair
    #    scored by a model trained without its fold (cross-fitting), with
    #    everything else the final model will see.
    yu_train_x = featurise(yu_train)
    fold_of = [fnv1a32(p["press_release_conclusion"]) % FOLDS for p in ins_train]
    scores = [None] * len(ins_train)
    for k in range(FOLDS):
        rest = [p for p, f in zip(ins_train, fold_of) if f != k]
        wk = prune(fit(yu_train_x + featurise(pair_sentences(rest, banned)), l2, weighting),
                   threshold)
        held = [i for i, f in enumerate(fold_of) if f == k]
        for i, s in zip(held, exaggeration_scores(mdl.Model(feats.LEXICONS, wk, 0.0),
                                                  [ins_train[i] for i in held])):
            scores[i] = s
    margin = choose_margin(scores)
    print("InSciOut train pairs, cross-fitted (margin %.2f):" % margin)
    for name, rule in RULES:
        print("  %-58s P=%.3f R=%.3f F1=%.3f" % ((name,) + rule_scores(scores, rule, margin)))

    # 3. The final model: all training data, the chosen settings.
    final = prune(fit(yu_train_x + featurise(ins_sents), l2, weighting), threshold)
    comments = [
        "Claim strength after Yu et al. (2019): multinomial logistic regression, L2 %g, "
        "class weighting %s," % (l2, weighting),
        "trained by tools/strength/train.py on Yu et al. (fnv1a32(sentence) % 5 != 0) and "
        "the InSciOut training split;",
        "features whose largest |weight| is below %g are left out. Format: "
        "tools/strength/README.md." % threshold,
    ]
    mdl.write(args.out, feats.LEXICONS, final, margin, comments)
    print("wrote %s: %d features, %d bytes" %
          (args.out, len(final), os.path.getsize(args.out)))

    # 4. The shipped file, read back, on the held-out split.
    shipped = mdl.read(args.out)
    pred = [shipped.predict(s)[0] for s, _, _ in held_out]
    gold = [y for _, y, _ in held_out]
    report("Held-out Yu et al. (all)", gold, pred)
    for src in ["pubmed_conclusion", "eurekalert_press_release"]:
        sel = [i for i, h in enumerate(held_out) if h[2] == src]
        report("Held-out Yu et al. (%s)" % src, [gold[i] for i in sel], [pred[i] for i in sel])

    # 5. Parity data for the C++ implementation.
    write_parity(shipped, args.parity_in, args.parity_out)


def write_parity(model, src, dst):
    rows = []
    with open(src, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if not line or line.startswith("#"):
                continue
            assert "\t" not in line, line
            c, p = model.predict(line)
            fl = feats.features(line, model.lex)
            rows.append("\t".join([line, str(c)] + [repr(v) for v in p] + ["|".join(fl)]))
    with open(dst, "w", encoding="utf-8", newline="\n") as out:
        out.write("# sentence\tclass\tp(none)\tp(correlational)\tp(conditional)\tp(direct)"
                  "\tfeatures (|-separated); written by tools/strength/train.py\n")
        out.write("\n".join(rows) + "\n")
    print("wrote %s: %d sentences" % (dst, len(rows)))


if __name__ == "__main__":
    main()
