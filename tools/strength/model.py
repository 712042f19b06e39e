"""The claim-strength model file (rules/models/claim-strength.tsv): writing,
reading and scoring. The format is described in tools/strength/README.md;
lint/strength/claim_strength.cc reads the same file."""

import math

import features as feats

MAGIC = "claim-strength-model"
FORMAT_VERSION = 1
CLASSES = ["none", "correlational", "conditional", "direct"]


class Model:
    def __init__(self, lexicons, weights, margin):
        self.lexicons = lexicons  # {name: "w1 w2 ..."}
        self.lex = feats.split_lexicons(lexicons)
        self.weights = weights  # {feature: [w0, w1, w2, w3]}, "bias" included
        self.margin = margin  # recommended exaggeration margin on expected strength

    def probabilities(self, text):
        scores = list(self.weights["bias"])
        for f in feats.features(text, self.lex):
            w = self.weights.get(f)
            if w is not None:
                for k in range(4):
                    scores[k] += w[k]
        return softmax(scores)

    def predict(self, text):
        p = self.probabilities(text)
        return argmax(p), p


def softmax(scores):
    m = max(scores)
    e = [math.exp(s - m) for s in scores]
    z = sum(e)
    return [x / z for x in e]


def argmax(p):
    """The first index of the largest value (ties go to the weaker class)."""
    best = 0
    for k in range(1, len(p)):
        if p[k] > p[best]:
            best = k
    return best


def expected_strength(p):
    return sum(k * pk for k, pk in enumerate(p))


def format_weight(w):
    s = "%.4g" % w
    return "0" if s in ("0", "-0") else s


def write(path, lexicons, weights, margin, comments):
    """Writes the model; `weights` maps feature -> 4 floats and holds "bias"."""
    names = sorted(f for f in weights if f != "bias")
    lines = ["%s\t%d" % (MAGIC, FORMAT_VERSION)]
    lines += ["# " + c for c in comments]
    lines.append("classes\t" + "\t".join(CLASSES))
    lines.append("scheme\t" + feats.FEATURE_SCHEME)
    for name in sorted(lexicons):
        lines.append("lexicon\t%s\t%s" % (name, " ".join(lexicons[name].split())))
    lines.append("exaggeration_margin\t%s" % format_weight(margin))
    lines.append("weights\t%d" % (len(names) + 1))
    for f in ["bias"] + names:
        lines.append(f + "\t" + "\t".join(format_weight(w) for w in weights[f]))
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(lines) + "\n")


def read(path):
    """Reads a model written by write(); raises ValueError on a malformed file."""
    lexicons, weights, margin = {}, {}, None
    expected = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or lines[0] != "%s\t%d" % (MAGIC, FORMAT_VERSION):
        raise ValueError("%s:1: not a claim-strength model" % path)
    for no, line in enumerate(lines[1:], start=2):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if expected is not None:
            if len(cols) != 5:
                raise ValueError("%s:%d: expected a feature and 4 weights" % (path, no))
            weights[cols[0]] = [float(x) for x in cols[1:]]
        elif cols[0] == "classes":
            if cols[1:] != CLASSES:
                raise ValueError("%s:%d: unexpected classes" % (path, no))
        elif cols[0] == "scheme":
            if cols[1:] != [feats.FEATURE_SCHEME]:
                raise ValueError("%s:%d: unknown feature scheme" % (path, no))
        elif cols[0] == "lexicon":
            lexicons[cols[1]] = cols[2]
        elif cols[0] == "exaggeration_margin":
            margin = float(cols[1])
        elif cols[0] == "weights":
            expected = int(cols[1])
    if expected != len(weights) or "bias" not in weights:
        raise ValueError("%s: weight count or bias missing" % path)
    return Model(lexicons, weights, margin)
