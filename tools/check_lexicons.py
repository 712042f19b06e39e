#!/usr/bin/env python3
"""Validate claimlint's lexicons (rules/lexicons/*.yaml) and count their terms.

Checks every file against the format in rules/lexicons/README.md, generates
the inflected forms of plain terms exactly as the README describes, and prints
entries and surface forms per file and class. Exits 1 on any problem.

    python3 tools/check_lexicons.py                 # check and count
    python3 tools/check_lexicons.py --forms CLASS   # also print a class's forms
    python3 tools/check_lexicons.py DIR             # another lexicon folder

Needs python3 and PyYAML only.
"""

import argparse
import os
import re
import sys

import yaml

# The files the README's table lists, with the first segment of their classes
# (a rule's '@predicate' must name one file) and the classes each must have.
EXPECTED = {
    "treatments": ("treatment", [
        "treatment.therapy", "treatment.herb", "treatment.supplement",
        "treatment.food", "treatment.device", "treatment.product",
        "treatment.drug", "treatment.reference"]),
    "predicates": ("predicate", [
        "predicate.cure", "predicate.prevent", "predicate.treat",
        "predicate.relieve", "predicate.boost", "predicate.balance",
        "predicate.detox", "predicate.kill", "predicate.heal",
        "predicate.improve", "predicate.support", "predicate.work"]),
    "conditions": ("condition", []),
    "functions": ("function", [
        "function.immune", "function.metabolism", "function.circulation",
        "function.digestion", "function.hormones", "function.sleep",
        "function.mood", "function.energy", "function.skin"]),
    "pseudo": ("pseudo", [
        "pseudo.toxins", "pseudo.energy", "pseudo.meridians",
        "pseudo.subluxation", "pseudo.acidity", "pseudo.chakras"]),
    "modifiers": ("intensifier", [
        "intensifier.absolute", "intensifier.speed", "intensifier.permanence",
        "intensifier.universal", "intensifier.guarantee",
        "intensifier.superlative"]),
    "evidence": ("evidence", [
        "evidence.proof", "evidence.research", "evidence.reporting-verb",
        "evidence.authority"]),
    "risk": ("risk", [
        "risk.warning", "risk.side-effect", "risk.contraindication",
        "risk.interaction", "risk.seek-care"]),
    "genre": ("genre", [
        "genre.promotion", "genre.call-to-action", "genre.abstract-heading",
        "genre.news-reporting", "genre.refutation"]),
}
# The README asks for at least this many condition entries.
MIN_CONDITION_ENTRIES = 1000

FILE_KEYS = {"lexicon", "description", "sources", "classes"}
CLASS_KEYS = {"description", "pos", "attributes", "terms"}
POS_VALUES = {"verb", "noun", "adj", "phrase"}
CLASS_NAME = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
# Letters (accented ones too: "sjögren's"), digits, spaces, straight
# apostrophes, hyphens and the few marks that occur inside names ("covid-19",
# "omega-3", "nad+", "100%", "join & save", "me/cfs").
TERM_CHARS = re.compile(r"^[^\W_](?:[^\W_]|[ '\-+&%./])*$")
VOWELS = set("aeiou")
# Verbs whose past forms are not stem + -ed: written plain, they would get
# "drawed" or "fighted", so the checker asks for a list.
IRREGULAR_VERBS = set("""
arise awake be bear beat become begin bend bind bite bleed blow break breed
bring build burst buy cast catch choose cling come cost creep cut deal dig do
draw dream drink drive dwell eat fall feed feel fight find flee fling fly
forbid forget forgive freeze get give go grind grow hang have hear hide hit
hold hurt keep kneel know lay lead leap learn leave lend let lie light lose
make mean meet mislead mistake outdo overcome overtake pay prove put quit read
rebuild redo remake reset rewind ride ring rise run say see seek sell send set
sew shake shed shine shoot show shrink shut sing sink sit slay sleep slide
sling slit sow speak speed spend spill spin spit split spoil spread spring
stand steal stick sting stink stride strike string strive swear sweep swell
swim swing take teach tear tell think thrive throw tread undergo understand
undo upset uphold wake wear weave win wind withdraw withhold withstand wring
write
""".split())


def normalise(form):
    """The matcher's view of a form: case, apostrophes and hyphens folded."""
    form = form.lower().replace("\u2019", "'").replace("\u2018", "'")
    form = form.replace("-", " ")
    return " ".join(form.split())


def verb_forms(word):
    """-s/-es, -ed/-d and -ing on one word (the first word of a verb term)."""
    if re.search(r"(s|x|z|ch|sh|o)$", word):
        third = word + "es"
    else:
        third = word + "s"
    past = word + "d" if word.endswith("e") else word + "ed"
    if re.search(r"(ee|ye|oe)$", word):
        ing = word + "ing"
    elif word.endswith("e"):
        ing = word[:-1] + "ing"
    else:
        ing = word + "ing"
    return [third, past, ing]


def noun_plural(word):
    """The plural of the last word of a noun term: -s, -es, -y -> -ies."""
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def regular_verb_problem(word):
    """Why a verb's generated forms would be wrong, or None.

    The README generates forms by adding letters only, so a verb that changes
    its stem (carry -> carried, stop -> stopped, die -> dying) must be written
    as a list."""
    if word in IRREGULAR_VERBS:
        return "is irregular (draw -> drew, drawn)"
    if len(word) > 1 and word.endswith("y") and word[-2] not in VOWELS:
        return "ends in consonant + y (carry -> carried)"
    if word.endswith("ie"):
        return "ends in -ie (die -> dying)"
    if doubles_final_consonant(word):
        return "one syllable ending consonant-vowel-consonant (stop -> stopped)"
    # A stressed last syllable after a prefix doubles too (unclog ->
    # unclogged, expel -> expelled, control -> controlled).
    match = re.match(r"^(un|re|ex|com|con|pro|dis|de|be|up|out)(.+)$", word)
    if match and doubles_final_consonant(match.group(2)):
        return ("a prefixed verb ending consonant-vowel-consonant "
                "(unclog -> unclogged)")
    return None


def doubles_final_consonant(word):
    """One syllable ending consonant-vowel-consonant: stop, rid, slim."""
    groups = re.findall(r"[aeiouy]+", word)
    return (len(groups) == 1 and len(word) >= 3 and word[-1] not in VOWELS
            and word[-1] not in "wxy" and word[-2] in VOWELS
            and word[-3] not in VOWELS)


def surface_forms(term, pos):
    """Every form a plain term stands for, as the README specifies."""
    words = term.split(" ")
    forms = [term]
    if pos == "verb":
        first, rest = words[0], words[1:]
        for inflected in verb_forms(first):
            forms.append(" ".join([inflected] + rest))
    elif pos == "noun":
        forms.append(" ".join(words[:-1] + [noun_plural(words[-1])]))
    return forms


class Checker:
    def __init__(self):
        self.errors = []

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def check_term_text(self, where, text):
        if not isinstance(text, str):
            self.error(where, f"term {text!r} is not a string")
            return False
        if text != text.strip() or "  " in text or not text:
            self.error(where, f"term {text!r} has stray spaces")
            return False
        if text != text.lower():
            self.error(where, f"term {text!r} is not lower case")
            return False
        if not TERM_CHARS.match(text):
            self.error(where, f"term {text!r} has a character the format "
                       "does not allow (use straight apostrophes)")
            return False
        return True

    def check_class(self, fname, cname, body):
        """Returns (entries, surface forms) of a valid class, else None."""
        where = f"{fname}: {cname}"
        if not isinstance(body, dict):
            self.error(where, "a class is a mapping")
            return None
        for key in body:
            if key not in CLASS_KEYS:
                self.error(where, f"unknown key {key!r}")
        if not isinstance(body.get("description"), str) or \
                not body.get("description", "").strip():
            self.error(where, "needs a description")
        pos = body.get("pos", "phrase")
        if pos not in POS_VALUES:
            self.error(where, f"pos {pos!r} is not one of "
                       f"{', '.join(sorted(POS_VALUES))}")
            pos = "phrase"
        attributes = body.get("attributes", {})
        if not isinstance(attributes, dict):
            self.error(where, "attributes is a mapping")
            attributes = {}
        for key, value in attributes.items():
            if not isinstance(key, str) or not re.match(r"^[a-z][a-z0-9_]*$",
                                                        key):
                self.error(where, f"attribute name {key!r} is not lower case")
            if isinstance(value, (dict, list)) or value is None:
                self.error(where, f"attribute {key!r} is not a scalar")
        if cname.split(".")[-1] == "serious" and \
                attributes.get("serious") is not True:
            self.error(where, "a .serious class needs attributes: "
                       "{serious: true}")
        if "serious" in attributes and cname.split(".")[-1] != "serious":
            self.error(where, "only a .serious class carries 'serious'")
        if cname.startswith("predicate."):
            strength = attributes.get("strength")
            if strength not in (1, 2, 3) or isinstance(strength, bool):
                self.error(where, "a predicate class needs attributes: "
                           "{strength: 1|2|3}")
        terms = body.get("terms")
        if not isinstance(terms, list) or not terms:
            self.error(where, "needs a non-empty list of terms")
            return None
        seen_terms = {}
        seen_forms = {}
        forms_total = 0
        for index, entry in enumerate(terms):
            here = f"{where} term {index + 1}"
            if isinstance(entry, list):
                if not entry:
                    self.error(here, "an empty list")
                    continue
                texts = entry
                generated = []
                for text in texts:
                    if self.check_term_text(here, text):
                        generated.append(text)
            else:
                if not self.check_term_text(here, entry):
                    continue
                texts = [entry]
                words = entry.split(" ")
                if pos == "verb":
                    problem = regular_verb_problem(words[0])
                    if problem:
                        self.error(here, f"verb {entry!r} {problem}: write "
                                   "its forms as a list")
                if pos == "noun" and words[-1].endswith("s"):
                    self.error(here, f"noun {entry!r} ends in 's', so '-es' "
                               "would be added: write its forms as a list")
                generated = surface_forms(entry, pos)
            for text in texts:
                if not isinstance(text, str):
                    continue
                key = normalise(text)
                if key in seen_terms:
                    self.error(here, f"term {text!r} is already in this class "
                               f"(term {seen_terms[key]})")
                else:
                    seen_terms[key] = index + 1
            for form in generated:
                key = normalise(form)
                if key in seen_forms and seen_forms[key] != index + 1:
                    self.error(here, f"form {form!r} is also generated by "
                               f"term {seen_forms[key]}")
                elif key not in seen_forms:
                    seen_forms[key] = index + 1
                    forms_total += 1
        return len(terms), forms_total, body

    def check_file(self, path):
        fname = os.path.basename(path)
        stem = fname[:-len(".yaml")]
        try:
            with open(path, encoding="utf-8") as handle:
                data = yaml.safe_load(handle)
        except (OSError, yaml.YAMLError) as exc:
            self.error(fname, f"cannot be read: {exc}")
            return None
        if not isinstance(data, dict):
            self.error(fname, "the top level is a mapping")
            return None
        for key in data:
            if key not in FILE_KEYS:
                self.error(fname, f"unknown top-level key {key!r}")
        for key in FILE_KEYS:
            if key not in data:
                self.error(fname, f"missing top-level key {key!r}")
        if data.get("lexicon") != stem:
            self.error(fname, f"lexicon: {data.get('lexicon')!r} should be "
                       f"{stem!r}, the file's name")
        if not isinstance(data.get("description"), str):
            self.error(fname, "needs a description")
        sources = data.get("sources")
        if not isinstance(sources, list) or not sources or not all(
                isinstance(s, str) and s.strip() for s in sources):
            self.error(fname, "needs a non-empty list of sources")
        classes = data.get("classes")
        if not isinstance(classes, dict) or not classes:
            self.error(fname, "needs a mapping of classes")
            return None
        prefix, required = EXPECTED.get(stem, (None, []))
        if prefix is None:
            self.error(fname, "is not one of the lexicons the README lists")
        results = {}
        for cname, body in classes.items():
            if not isinstance(cname, str) or not CLASS_NAME.match(cname):
                self.error(fname, f"class name {cname!r} is not lower-case "
                           "dotted segments")
                continue
            if prefix and cname.split(".")[0] != prefix:
                self.error(fname, f"class {cname!r} should start with "
                           f"'{prefix}.'")
            # A '.serious' class splits a class by an attribute, so the class
            # it splits must exist too.
            parent = cname.rsplit(".", 1)[0]
            if cname.endswith(".serious") and parent not in classes:
                self.error(fname, f"class {cname!r} has no class {parent!r} "
                           "beside it")
            result = self.check_class(fname, cname, body)
            if result:
                results[cname] = result
        for cname in required:
            if cname not in classes:
                self.error(fname, f"the README's class {cname!r} is missing")
        if stem == "conditions":
            entries = sum(r[0] for r in results.values())
            if entries < MIN_CONDITION_ENTRIES:
                self.error(fname, f"{entries} entries; the README asks for at "
                           f"least {MIN_CONDITION_ENTRIES}")
        return results


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_dir = os.path.join(os.path.dirname(here), "rules", "lexicons")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=default_dir)
    parser.add_argument("--forms", metavar="CLASS", action="append",
                        default=[], help="print the surface forms of CLASS")
    parser.add_argument("--dump-forms", action="store_true",
                        help="print only 'CLASS<TAB>FORM' for every normalised form, sorted "
                             "(the C++ loader's parity test compares with it)")
    args = parser.parse_args()
    if args.dump_forms:
        rows = set()
        for name in sorted(os.listdir(args.directory)):
            if not name.endswith(".yaml"):
                continue
            with open(os.path.join(args.directory, name), encoding="utf-8") as f:
                data = yaml.safe_load(f)
            for cname, body in data["classes"].items():
                pos = body.get("pos", "phrase")
                for entry in body["terms"]:
                    forms = entry if isinstance(entry, list) else surface_forms(normalise(entry), pos)
                    for form in forms:
                        rows.add(f"{cname}\t{normalise(form)}")
        sys.stdout.write("".join(r + "\n" for r in sorted(rows)))
        return 0

    checker = Checker()
    paths = sorted(os.path.join(args.directory, name)
                   for name in os.listdir(args.directory)
                   if name.endswith(".yaml"))
    found = {os.path.basename(p)[:-len(".yaml")] for p in paths}
    for stem in sorted(EXPECTED):
        if stem not in found:
            checker.error(f"{stem}.yaml", "is missing")

    grand_entries = grand_forms = 0
    for path in paths:
        results = checker.check_file(path)
        if not results:
            continue
        fname = os.path.basename(path)
        entries = sum(r[0] for r in results.values())
        forms = sum(r[1] for r in results.values())
        grand_entries += entries
        grand_forms += forms
        print(f"{fname}: {len(results)} classes, {entries} entries, "
              f"{forms} surface forms")
        width = max(len(c) for c in results)
        for cname, (n_entries, n_forms, body) in results.items():
            print(f"  {cname:<{width}}  {n_entries:5d} entries  "
                  f"{n_forms:6d} forms")
            if cname in args.forms:
                pos = body.get("pos", "phrase")
                for entry in body["terms"]:
                    if isinstance(entry, list):
                        print("      " + " | ".join(entry))
                    else:
                        print("      " + " | ".join(surface_forms(entry, pos)))
    print(f"total: {grand_entries} entries, {grand_forms} surface forms")

    if checker.errors:
        for message in checker.errors:
            print(f"error: {message}", file=sys.stderr)
        print(f"{len(checker.errors)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
