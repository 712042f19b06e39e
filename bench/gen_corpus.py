#!/usr/bin/env python3
"""Writes N deterministic, realistic Markdown health articles (~8 KB each) for
the benchmark: front matter, headings, paragraphs with claims (asserted,
negated, hedged, cited), lists, tables, links, citations, disclosures.

usage: gen_corpus.py OUT_DIR N [--seed S]
"""
import os
import random
import sys

TOPICS = ["acupuncture", "chiropractic care", "cupping", "massage therapy", "turmeric",
          "vitamin D", "intermittent fasting", "CBD oil", "homeopathy", "lavender oil",
          "yoga", "probiotics", "ginger", "magnesium", "tai chi", "reflexology"]
CONDITIONS = ["back pain", "migraine", "anxiety", "insomnia", "arthritis", "high blood pressure",
              "neck pain", "fatigue", "digestive problems", "stress", "knee pain", "eczema"]
CLAIMS = [
    "{t} boosts your immune system and helps you fight off colds.",
    "{t} targets the root cause of {c} rather than masking symptoms.",
    "Many patients say {t} provides immediate relief from {c}.",
    "{t} flushes toxins out of the body and cleanses the blood.",
    "{t} is completely safe and has no side effects.",
    "Our approach is clinically proven to relieve {c}.",
    "{t} restores the flow of energy along the meridians.",
    "Unlike medication, {t} works for everyone.",
]
NEGATED = [
    "There is no good evidence that {t} boosts the immune system.",
    "{t} does not cure {c}, and it is not a substitute for medical care.",
    "Claims that {t} removes toxins are not supported by research.",
]
HEDGED = [
    "Some small studies suggest {t} may help some people with {c}.",
    "{t} might ease mild {c}, although the evidence is limited.",
    "It is thought that {t} could reduce stress in some adults.",
]
CITED = [
    "A randomised trial found that {t} reduced {c} scores modestly (Smith et al., 2020).",
    "In a cohort of 2,400 adults, {t} users reported fewer symptoms [{n}].",
    "A systematic review concluded the effect on {c} was small [^{n}].",
]
NEUTRAL = [
    "{c} is common, and most episodes improve within a few weeks.",
    "Keep a diary of your symptoms so you can discuss them at your appointment.",
    "Sessions usually last between 30 and 60 minutes, and a course is often 6 to 8 sessions.",
    "Prices vary by region; ask the practitioner about costs before you book.",
    "Gentle activity, such as walking, often helps more than bed rest.",
    "If symptoms get worse, or you develop new ones, see your GP.",
    "Practitioners should be registered with a professional body and use single-use needles.",
    "You should tell the practitioner about any medicines you take, including blood thinners.",
]


def paragraph(rng, t, c, n):
    parts = []
    for _ in range(rng.randint(3, 6)):
        pool = rng.choice([CLAIMS, NEGATED, HEDGED, CITED, NEUTRAL, NEUTRAL, NEUTRAL])
        s = rng.choice(pool).format(t=t.capitalize() if rng.random() < 0.5 else t, c=c, n=n)
        if rng.random() < 0.15:
            s = s.replace(" the ", " **the** ", 1)
        if rng.random() < 0.1:
            s = s.replace(" and ", " &amp; ", 1)
        parts.append(s[0].upper() + s[1:])
    return " ".join(parts)


def article(rng, i):
    t = rng.choice(TOPICS)
    c = rng.choice(CONDITIONS)
    lines = []
    if rng.random() < 0.7:
        lines += ["---", f"title: {t.capitalize()} for {c}", f"date: 2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"]
        if rng.random() < 0.6:
            lines.append(f"author: Writer {i % 97}")
        lines += ["---", ""]
    lines += [f"# {t.capitalize()} for {c}: what to know", ""]
    size = 0
    section = 0
    while size < 7000:
        section += 1
        lines += [f"## {rng.choice(['How it works', 'Benefits', 'What the research says', 'Risks', 'What to expect', 'Is it right for you?'])}", ""]
        for _ in range(rng.randint(1, 3)):
            p = paragraph(rng, t, c, section)
            lines += [p, ""]
            size += len(p)
        r = rng.random()
        if r < 0.3:
            for _ in range(rng.randint(3, 5)):
                lines.append("- " + paragraph(rng, t, c, section).split(". ")[0] + ".")
            lines.append("")
        elif r < 0.45:
            lines += ["| Option | What it involves | Evidence |", "|---|---|---|"]
            for _ in range(3):
                lines.append(f"| {rng.choice(TOPICS)} | {rng.randint(2, 12)} sessions | {rng.choice(['limited', 'moderate', 'none'])} |")
            lines.append("")
        elif r < 0.55:
            lines += ["> " + rng.choice(CLAIMS).format(t=t, c=c), "", "This is a myth.", ""]
        elif r < 0.7:
            lines += [f"Read the [NHS guidance](https://www.nhs.uk/conditions/{c.replace(' ', '-')}/) and the "
                      f"[review](https://doi.org/10.1000/bench.{i}.{section}).", ""]
        size += 200
    lines += ["## References", ""]
    for k in range(1, section + 1):
        lines.append(f"{k}. Author{k} A, Other B. A study of {t} for {c}. J Example Med. 20{10 + k}. doi:10.1000/bench.{i}.{k}")
    lines.append("")
    for k in range(1, section + 1):
        lines.append(f"[^{k}]: Review{k} C. Outcomes of {t}. Example Reviews. 2019.")
    lines += ["", "Book now with our clinic and get 10% off your first session with code WELL10.", ""]
    return "\n".join(lines)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--seed" else 1
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        sub = os.path.join(out, f"d{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"article-{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(article(rng, i))


if __name__ == "__main__":
    main()
