"""Tokenisation and features of the claim-strength model (scheme "u1b2g-1").

lint/strength/claim_strength.cc implements the same steps byte for byte; the
parity test (tests/data/strength/parity.tsv) holds them together. The word
lists below are written into the model file, and both sides read them from
there, so only the rules that use them live twice.
"""

FEATURE_SCHEME = "u1b2g-1"

# Word lists of the grammar features. Single tokens, after tokenisation
# (lower case, ASCII apostrophe); "assoc" holds two-token phrases joined by "_".
LEXICONS = {
    "modal": "may might could can would should",
    "hedge_adv": "possibly potentially perhaps probably likely presumably plausibly conceivably",
    "hedge": (
        "suggest suggests suggested suggesting indicate indicates indicated indicating imply "
        "implies implied appear appears appeared seem seems seemed propose proposes proposed "
        "hypothesize hypothesise hypothesized hypothesised speculate speculated hint hints hinted"
    ),
    "corr": (
        "associated association associations correlated correlation correlations correlate "
        "correlates linked link links related relationship relationships relation predictor "
        "predictors predicted predicts predictive predict"
    ),
    "assoc": (
        "associated_with association_with association_between associations_with "
        "associations_between correlated_with correlation_between correlation_with "
        "correlates_with linked_to linked_with link_between related_to relationship_between "
        "relationship_with predictor_of predictors_of"
    ),
    "causal": (
        "cause causes caused causing lead leads led leading result results resulted reduce "
        "reduces reduced reducing improve improves improved improving increase increases "
        "increased increasing decrease decreases decreased decreasing prevent prevents prevented "
        "preventing protect protects protected protecting cure cures cured curing treat treats "
        "treated treating lower lowers lowered lowering boost boosts boosted boosting enhance "
        "enhances enhanced enhancing induce induces induced inducing promote promotes promoted "
        "promoting trigger triggers triggered alleviate alleviates alleviated relieve relieves "
        "relieved ameliorate ameliorates attenuate attenuates attenuated inhibit inhibits "
        "inhibited suppress suppresses suppressed reverse reverses reversed restore restores "
        "restored worsen worsens worsened impair impairs impaired damage damages damaged benefit "
        "benefits benefited benefitted help helps helped affect affects affected influence "
        "influences influenced contribute contributes contributed eliminate eliminates "
        "eliminated kill kills killed save saves saved saving slow slows slowed delay delays "
        "delayed stop stops stopped block blocks blocked raise raises raised cut cuts curb curbs "
        "curbed prolong prolongs prolonged extend extends extended drive drives drove ease eases "
        "eased fight fights combat combats shorten shortens shortened heal heals healed healing "
        "burn burns clear clears cleared remove removes removed resolve resolves resolved calm "
        "calms calmed soothe soothes soothed flush flushes cleanse cleanses detoxify detoxifies "
        "strengthen strengthens strengthened weaken weakens weakened stimulate stimulates "
        "stimulated activate activates activated repair repairs repaired regulate regulates "
        "regulated accelerate accelerates accelerated harm harms harmed "
        "effective efficacious beneficial protective harmful "
        "effect effects efficacy improvement improvements reduction reductions"
    ),
    "neg": (
        "not no never neither nor without cannot none nothing lack lacks lacked fail fails "
        "failed unable absence"
    ),
    "cmp": "more less higher lower greater fewer than compared comparison versus vs better worse",
}

# Window sizes (tokens) of the grammar rules.
AFTER_MODAL = 4  # "may also help reduce": modal, then a causal word within 4 tokens
AFTER_HEDGE = 6  # "suggest that daily walks reduce"
BEFORE_CAUSAL = 4  # no modal or hedging adverb this close before a plain causal word
NEG_BEFORE = 3  # "did not reduce", "was not significantly associated"
SHORT_LEN = 10  # token counts of the length buckets
LONG_LEN = 30


def split_lexicons(lexicons):
    """{name: "w1 w2"} -> {name: frozenset of words}."""
    return {name: frozenset(words.split()) for name, words in lexicons.items()}


def _is_word_byte(c):
    return (0x30 <= c <= 0x39) or (0x41 <= c <= 0x5A) or (0x61 <= c <= 0x7A) or c >= 0x80


def _is_alpha(c):
    return (0x41 <= c <= 0x5A) or (0x61 <= c <= 0x7A)


def tokenize(text):
    """Lower-cased word tokens of `text` (a str; read as UTF-8 bytes).

    - ASCII letters and digits, and bytes >= 0x80 (other scripts, accents) make
      words; ASCII letters are lower-cased, nothing else is.
    - The UTF-8 sequences E2 80 xx (U+2000-U+203F: spaces, dashes, quotes,
      bullets) and C2 A0 (no-break space) separate words, except E2 80 99
      (right single quote), which is an apostrophe.
    - An apostrophe (' or U+2019) stays in a word, as ', when a word is open
      and an ASCII letter follows it: "doesn't", "children's"; otherwise it
      separates.
    - Everything else (ASCII punctuation, spaces, controls) separates.
    - A token holding an ASCII digit becomes "0".
    """
    b = text.encode("utf-8")
    n = len(b)
    tokens = []
    cur = bytearray()
    i = 0
    while i < n:
        c = b[i]
        step = 1
        apostrophe = False
        separator = False
        if c == 0x27:
            apostrophe = True
        elif c == 0xE2 and i + 2 < n and b[i + 1] == 0x80:
            step = 3
            if b[i + 2] == 0x99:
                apostrophe = True
            else:
                separator = True
        elif c == 0xC2 and i + 1 < n and b[i + 1] == 0xA0:
            step = 2
            separator = True
        if apostrophe:
            if cur and i + step < n and _is_alpha(b[i + step]):
                cur.append(0x27)
            else:
                separator = True
        elif not separator and _is_word_byte(c):
            cur.append(c + 32 if 0x41 <= c <= 0x5A else c)
        else:
            separator = True
        if separator and cur:
            tokens.append(_finish(cur))
            cur = bytearray()
        i += step
    if cur:
        tokens.append(_finish(cur))
    return tokens


def _finish(cur):
    if any(0x30 <= c <= 0x39 for c in cur):
        return "0"
    return cur.decode("utf-8", errors="surrogateescape")


def _is_neg(tok, lex):
    return tok in lex["neg"] or tok.endswith("n't")


def grammar_features(tokens, lex):
    """Names (without "g:") of the grammar features that hold, sorted."""
    n = len(tokens)
    modal, hedge_adv, hedge = lex["modal"], lex["hedge_adv"], lex["hedge"]
    corr, causal, cmp, assoc = lex["corr"], lex["causal"], lex["cmp"], lex["assoc"]
    neg = [_is_neg(t, lex) for t in tokens]
    out = set()
    for i, t in enumerate(tokens):
        if t in modal:
            out.add("modal")
            after = tokens[i + 1 : i + 1 + AFTER_MODAL]
            if any(a in causal for a in after):
                out.add("modal_causal")
            if any(a in corr for a in after):
                out.add("modal_corr")
        if t in hedge_adv:
            out.add("hedge_adv")
        if t in hedge:
            out.add("hedge")
            if any(a in causal for a in tokens[i + 1 : i + 1 + AFTER_HEDGE]):
                out.add("hedge_causal")
        if t in corr:
            out.add("corr")
        if i + 1 < n and t + "_" + tokens[i + 1] in assoc:
            out.add("assoc")
        if t in causal:
            out.add("causal")
            before = tokens[max(0, i - BEFORE_CAUSAL) : i]
            negated = any(neg[max(0, i - NEG_BEFORE) : i])
            if not negated and not any(b in modal or b in hedge_adv for b in before):
                out.add("causal_plain")
        if neg[i]:
            out.add("neg")
            after = tokens[i + 1 : i + 1 + AFTER_MODAL]
            if any(a in causal for a in after):
                out.add("neg_causal")
            if any(a in corr for a in after):
                out.add("neg_corr")
        if t in cmp:
            out.add("cmp")
        if t == "0":
            out.add("num")
    if n <= SHORT_LEN:
        out.add("len_short")
    elif n >= LONG_LEN:
        out.add("len_long")
    else:
        out.add("len_mid")
    return sorted(out)


def features(text, lex):
    """The sorted, distinct feature names of `text`: "u:tok", "b:tok tok", "g:name"."""
    tokens = tokenize(text)
    out = set()
    for i, t in enumerate(tokens):
        out.add("u:" + t)
        if i + 1 < len(tokens):
            out.add("b:" + t + " " + tokens[i + 1])
    for g in grammar_features(tokens, lex):
        out.add("g:" + g)
    return sorted(out)
