// Attributions to research in words: "studies have shown", "experts say",
// "it has been demonstrated that", "according to research", "there is ample
// research behind it". Read as grammar over lexicon hits (term_scan.h): a
// research or expert noun phrase and a reporting verb after it, an agentless
// passive of a reporting verb, "according to" before a research noun, and
// "there is" before an amount of research. An attribution that names its
// source anywhere in it (a journal, a body or institution, an author) is a
// description, resolved later against the references; one that does not is
// vague.
#include <algorithm>
#include <array>
#include <set>

#include "lint/citations/finders.h"
#include "lint/citations/term_scan.h"
#include "lint/references/bodies.h"
#include "lint/text/strings.h"

namespace claimlint::cite {
namespace {

using Words = std::vector<ScanWord>;

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

bool IsYear(std::string_view w) {
  return w.size() == 4 && (w.rfind("19", 0) == 0 || w.rfind("20", 0) == 0) &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool Capitalised(std::string_view text, const ScanWord& w) {
  unsigned char c = static_cast<unsigned char>(text[w.begin]);
  return (c >= 'A' && c <= 'Z') || (c >= 0xC3 && c <= 0xDE);
}

// The text between two words holds a clause break.
bool Break(std::string_view text, std::size_t from, std::size_t to, bool comma) {
  for (std::size_t i = from; i < to && i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
        c == '[' || c == ']' || c == '"') {
      return true;
    }
    if (comma && c == ',') return true;
    // An em or en dash (E2 80 93/94) sets off a clause.
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < to &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x93 ||
         static_cast<unsigned char>(text[i + 2]) == 0x94)) {
      return true;
    }
  }
  return false;
}

bool HasComma(std::string_view text, std::size_t from, std::size_t to) {
  return text.substr(from, to > from ? to - from : 0).find(',') != std::string_view::npos;
}

// Research nouns that are not sources a page leans on ("blood tests show").
bool NotASource(const TermHit& h, const Words& words) {
  if (h.last - h.first != 1) return false;
  std::string_view w = words[static_cast<std::size_t>(h.first)].norm;
  return In(w,
            {"test", "tests", "testing", "assessment", "evaluation", "evaluations", "questionnaire",
             "poll", "article", "articles", "publication", "publications", "abstract", "abstracts",
             "data", "finding", "investigation", "investigations", "experiment"});
}

// The noun of an attribution: a research noun, an expert, or a study design
// that names research ("pilot study", "animal studies"), not reasoning,
// testimonials, guidelines or protocols (other checks read those).
const TermHit* SubjectAt(const TermScan& scan, int w) {
  const TermHit* best = nullptr;
  for (const TermHit& h : scan.hits) {
    if (h.first != w) continue;
    bool subject = TermScan::Is(h.cls, "evidence.research") ||
                   TermScan::Is(h.cls, "evidence.expert") ||
                   (TermScan::Is(h.cls, "evidence.design") &&
                    !TermScan::Is(h.cls, "evidence.design.mechanism") &&
                    !TermScan::Is(h.cls, "evidence.design.anecdote") &&
                    !TermScan::Is(h.cls, "evidence.design.guideline") &&
                    !TermScan::Is(h.cls, "evidence.design.protocol"));
    if (!subject) continue;
    // "in mice", "in the lab": where, not who.
    if (scan.words[static_cast<std::size_t>(h.first)].norm == "in") continue;
    if (NotASource(h, scan.words)) continue;
    // "experts say" is listed whole; its verb is read as the verb.
    bool has_verb = false;
    for (int k = h.first + 1; k < h.last && !has_verb; ++k) {
      has_verb = scan.At(k, "evidence.reporting-verb") != nullptr;
    }
    if (has_verb) continue;
    if (!best || h.last > best->last) best = &h;
  }
  return best;
}

// A reporting verb starting at word w, as a verb of attribution.
const TermHit* VerbAt(const TermScan& scan, int w) {
  const TermHit* h = scan.At(w, "evidence.reporting-verb");
  if (!h) return nullptr;
  std::string_view first = scan.words[static_cast<std::size_t>(h->first)].norm;
  // Verbs that measure or describe rather than report a finding, and those
  // that give advice or a warning (what a careful page should say).
  static const std::set<std::string_view> kNot = {
      "record",    "records",    "recorded", "recording", "measure",   "measures", "measured",
      "measuring", "detect",     "detects",  "detected",  "detecting", "describe", "describes",
      "described", "describing", "finding",  "state",     "states",    "note",     "notes",
      "document",  "documents",  "back",     "backs",     "claim",     "claims",   "maintain",
      "maintains", "advise",     "advises",  "advised",   "advising",  "warn",     "warns",
      "warned",    "warning"};
  if (kNot.count(first)) return nullptr;
  return h;
}

bool Tentative(const TermHit& verb) {
  return TermScan::Is(verb.cls, "evidence.reporting-verb.tentative");
}

// Words that may stand in a research noun phrase before its noun.
bool Modifier(const TermScan& scan, std::string_view text, int w) {
  const ScanWord& word = scan.words[static_cast<std::size_t>(w)];
  static const std::set<std::string_view> kMods = {
      "a",         "an",         "one",           "another",        "some",          "many",
      "most",      "several",    "numerous",      "multiple",       "countless",     "various",
      "other",     "few",        "more",          "recent",         "new",           "newer",
      "latest",    "current",    "earlier",       "previous",       "past",          "early",
      "further",   "additional", "large",         "larger",         "small",         "smaller",
      "big",       "major",      "independent",   "published",      "peer",          "reviewed",
      "clinical",  "scientific", "medical",       "human",          "animal",        "laboratory",
      "lab",       "controlled", "randomised",    "randomized",     "observational", "systematic",
      "leading",   "top",        "renowned",      "world",          "famous",        "well",
      "known",     "prominent",  "respected",     "prize",          "winning",       "funded",
      "backed",    "sponsored",  "international", "national",       "university",    "independent",
      "limited",   "handful",    "modern",        "mainstream",     "conventional",  "growing",
      "decades",   "years",      "old",           "groundbreaking", "landmark",      "major",
      "double",    "blind",      "blinded",       "placebo",        "rigorous",      "careful",
      "high",      "quality",    "good",          "strong",         "solid",         "robust",
      "extensive", "exciting",   "promising",     "preliminary",    "initial",       "pilot",
      "of",        "all",        "both",          "nutrition",      "health"};
  if (kMods.count(word.norm) || IsYear(word.norm)) return true;
  // Numbers ("nine trials", "12 studies") and comparatives or participles
  // ("larger", "better designed", "well conducted").
  const std::string& n = word.norm;
  if (std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  static const std::set<std::string_view> kNumbers = {
      "two",       "three",  "four",   "five",   "six",    "seven",  "eight",
      "nine",      "ten",    "eleven", "twelve", "dozen",  "dozens", "hundreds",
      "thousands", "better", "best",   "and",    "higher", "lower"};
  if (kNumbers.count(n)) return true;
  auto ends = [&](std::string_view suf) {
    return n.size() > suf.size() + 2 && n.compare(n.size() - suf.size(), suf.size(), suf) == 0;
  };
  if (ends("er") || ends("est") || ends("ed")) return true;
  if (scan.EndingAt(w + 1, "evidence.quantity") || scan.EndingAt(w + 1, "evidence.weight") ||
      scan.EndingAt(w + 1, "evidence.design") || scan.EndingAt(w + 1, "evidence.hedge")) {
    return true;
  }
  return Capitalised(text, word) && w > 0;
}

bool Definite(std::string_view w) {
  return In(w, {"the", "this", "these", "those", "that", "our", "their", "its", "his", "her",
                "such", "said", "same", "my", "your", "which"});
}

// Words that make a source weak, when they modify it: "some studies",
// "small trials", "a few reports", "early research".
bool WeakWord(std::string_view w) {
  return In(
      w, {"some", "few", "small", "smaller", "early", "preliminary", "limited", "initial", "pilot",
          "one", "handful", "anecdotal", "laboratory", "lab", "animal", "observational", "older"});
}

struct Found {
  std::size_t begin, end;            // the citation's words
  std::size_t span_begin, span_end;  // where names of the source are looked for
  std::size_t complement, complement_end;
  bool tentative = false, weak = false, inquiry = false;
};

// The start of the clause that holds byte `b`: after the last ';' or ':'
// before it, at most 100 bytes back, at a word start.
std::size_t ClauseStart(std::string_view text, std::size_t b) {
  std::size_t lb = b > 100 ? b - 100 : 0;
  for (std::size_t i = b; i > lb; --i) {
    char c = text[i - 1];
    if (c == ';' || c == ':' || c == '.' || c == '!' || c == '?') return i;
  }
  return lb;
}

// Word index of the start of the noun phrase that ends with the subject.
int PhraseStart(const TermScan& scan, std::string_view text, int subject) {
  int start = subject;
  for (int k = subject - 1; k >= 0 && subject - k <= 6; --k) {
    const ScanWord& w = scan.words[static_cast<std::size_t>(k)];
    const ScanWord& next = scan.words[static_cast<std::size_t>(k + 1)];
    if (Break(text, w.end, next.begin, /*comma=*/true)) break;
    if (Definite(w.norm)) return -1 - k;  // a definite phrase: encoded as negative
    if (!Modifier(scan, text, k)) break;
    // "of" only in "a handful of", "a number of", "plenty of".
    if (w.norm == "of" &&
        !(scan.EndingAt(k + 1, "evidence.quantity") ||
          (k > 0 && scan.words[static_cast<std::size_t>(k - 1)].norm == "handful"))) {
      break;
    }
    start = k;
  }
  return start;
}

bool WeakPhrase(const TermScan& scan, int from, int to) {
  for (int k = from; k < to; ++k) {
    if (WeakWord(scan.words[static_cast<std::size_t>(k)].norm)) return true;
    for (const TermHit& h : scan.hits) {
      if (h.first != k || !TermScan::Is(h.cls, "evidence.design")) continue;
      auto level = h.cls->attributes.find("level");
      auto human = h.cls->attributes.find("human");
      if ((level != h.cls->attributes.end() && std::atoi(level->second.c_str()) >= 3) ||
          (human != h.cls->attributes.end() && human->second == "false")) {
        return true;
      }
    }
  }
  return false;
}

// Subject and verb: "recent studies have shown", "researchers at a leading
// university discovered", "case studies that show", "a 2015 study pointed to".
void SubjectVerb(std::string_view text, const TermScan& scan, std::vector<Found>* out) {
  const int n = static_cast<int>(scan.words.size());
  int claimed_until = -1;  // a verb already taken by an earlier subject
  for (int i = 0; i < n; ++i) {
    const TermHit* subject = SubjectAt(scan, i);
    if (!subject) continue;
    // "the evidence", "the experts" are listed whole: definite all the same.
    int start = Definite(scan.words[static_cast<std::size_t>(i)].norm) ? -1 - i
                                                                       : PhraseStart(scan, text, i);
    if (start < 0) {  // "the study", "these researchers": refers back
      i = subject->last - 1;
      continue;
    }
    // The noun of a prepositional phrase ("the quality of studies") is not a subject.
    if (start > 0) {
      const ScanWord& before = scan.words[static_cast<std::size_t>(start - 1)];
      bool adjoining = !Break(text, before.end, scan.words[static_cast<std::size_t>(start)].begin,
                              /*comma=*/true);
      if (adjoining && In(before.norm, {"of", "than", "about", "on", "for", "with", "without",
                                        "into", "to", "by", "from", "in", "like", "as", "after",
                                        "before", "following", "despite", "unlike"})) {
        i = subject->last - 1;
        continue;
      }
    }
    // Study participants, trial sites: the noun modifies another.
    if (subject->last < n &&
        In(scan.words[static_cast<std::size_t>(subject->last)].norm,
           {"participants", "participant", "subjects", "volunteers", "group",    "groups",
            "arm",          "site",        "sites",    "period",     "drug",     "protocol",
            "design",       "results",     "result",   "outcome",    "outcomes", "population",
            "sample",       "size",        "team's"})) {
      i = subject->last - 1;
      continue;
    }
    const TermHit* verb = nullptr;
    const TermHit* looked = nullptr;  // "examined": what the study was about
    int commas = 0;
    for (int w = subject->last; w < n && w <= subject->last + 12; ++w) {
      const ScanWord& prev = scan.words[static_cast<std::size_t>(w - 1)];
      const ScanWord& cur = scan.words[static_cast<std::size_t>(w)];
      if (Break(text, prev.end, cur.begin, /*comma=*/false)) break;
      if (HasComma(text, prev.end, cur.begin)) {
        // "Studies, however, show": a short aside only.
        bool aside = In(cur.norm, {"however", "though", "indeed", "too", "also", "again",
                                   "moreover", "meanwhile", "in"}) ||
                     (cur.norm.size() > 4 && cur.norm.compare(cur.norm.size() - 2, 2, "ly") == 0);
        if (++commas > 2 || (!aside && commas == 1 && w != subject->last)) break;
        if (!aside && w == subject->last) break;
      }
      if (In(cur.norm, {"but", "while", "whereas", "although", "because", "so", "if", "when",
                        "unless", "though"})) {
        break;
      }
      // A later subject takes the verb, unless it is a name ("Example
      // Reviews") or the object of a preposition ("studies of trials").
      if (w > subject->last && SubjectAt(scan, w) && !Capitalised(text, cur) &&
          !In(prev.norm, {"in", "of", "on", "from", "by", "with", "about", "for", "into", "to"})) {
        break;
      }
      const TermHit* v = VerbAt(scan, w);
      if (!v && !looked && !TermScan::Is(subject->cls, "evidence.expert")) {
        looked = scan.At(w, "evidence.inquiry-verb");
      }
      if (!v) continue;
      // "too little research to say": an infinitive reports nothing.
      if (scan.words[static_cast<std::size_t>(w - 1)].norm == "to") continue;
      // "are finding", "have been showing": a progressive needs its auxiliary.
      std::string_view vw = scan.words[static_cast<std::size_t>(v->first)].norm;
      if (vw.size() > 3 && vw.compare(vw.size() - 3, 3, "ing") == 0) {
        std::string_view aux = scan.words[static_cast<std::size_t>(w - 1)].norm;
        if (!In(aux, {"are", "is", "were", "was", "been", "be"})) continue;
      }
      verb = v;
      break;
    }
    bool inquiry = !verb && looked;
    if (inquiry) verb = looked;
    if (!verb || verb->first <= claimed_until) {
      i = subject->last - 1;
      continue;
    }
    claimed_until = verb->last - 1;
    Found f;
    f.begin = scan.words[static_cast<std::size_t>(start)].begin;
    f.end = verb->end;
    // "A study on PubMed examined", "studies from the 1950s observed": the
    // words that name the source, without the verb after them; "studies have
    // shown": with it.
    bool plain_gap = true;
    int last_gap = subject->last - 1;
    for (int k = subject->last; k < verb->first; ++k) {
      const std::string& g = scan.words[static_cast<std::size_t>(k)].norm;
      bool aux =
          In(g, {"has",      "have",      "had",        "been",         "also",       "now",
                 "recently", "all",       "both",       "consistently", "repeatedly", "clearly",
                 "already",  "even",      "long",       "often",        "however",    "indeed",
                 "too",      "generally", "largely",    "mostly",       "widely",     "are",
                 "is",       "were",      "was",        "do",           "does",       "did",
                 "never",    "actually",  "previously", "since",        "that",       "which",
                 "who"});
      if (!aux) {
        plain_gap = false;
        last_gap = k;
      }
    }
    if (!plain_gap) f.end = scan.words[static_cast<std::size_t>(last_gap)].end;
    f.span_begin = ClauseStart(text, f.begin);
    f.span_end = verb->end;
    f.complement = verb->end;
    f.complement_end = text.size();
    // "..., scientists have reported.", "... and a scientist proved it": the
    // claim is the clause before.
    std::string_view after = TrimView(text.substr(verb->end));
    bool ends = after.empty() || after[0] == '.' || after[0] == ';' || after[0] == '!';
    if (!ends && verb->last < n &&
        In(scan.words[static_cast<std::size_t>(verb->last)].norm, {"it", "this", "so", "that"})) {
      // "... proved it decades ago", "... have shown this again and again".
      bool adverbial = true;
      for (int k = verb->last + 1; k < n; ++k) {
        if (Break(text, scan.words[static_cast<std::size_t>(k - 1)].end,
                  scan.words[static_cast<std::size_t>(k)].begin, /*comma=*/true)) {
          break;
        }
        adverbial =
            adverbial &&
            In(scan.words[static_cast<std::size_t>(k)].norm,
               {"decades",        "years",        "ago",        "long",  "again", "too",
                "already",        "conclusively", "repeatedly", "time",  "and",   "over",
                "many",           "times",        "beyond",     "doubt", "as",    "well",
                "scientifically", "clinically",   "since",      "then",  "now",   "before"});
      }
      ends = adverbial;
    }
    if (ends && start > 0) {
      f.complement = 0;
      f.complement_end = f.begin;
    }
    // "Research supports its use": backing claimed by the attribution itself.
    if (TermScan::Is(verb->cls, "evidence.reporting-verb.support")) {
      f.complement_end = f.complement;
    }
    f.tentative = Tentative(*verb);
    // "studies in mice suggested": what follows the noun may say how weak.
    f.weak = WeakPhrase(scan, start, verb->first);
    f.inquiry = inquiry;
    out->push_back(f);
    i = verb->last - 1;
  }
}

// An agentless passive: "has been shown to", "it has been demonstrated that",
// "has also been demonstrated", "was found to".
void Passive(std::string_view text, const TermScan& scan, std::vector<Found>* out) {
  const int n = static_cast<int>(scan.words.size());
  for (int i = 1; i < n; ++i) {
    const std::string& w = scan.words[static_cast<std::size_t>(i)].norm;
    bool strong = In(w, {"shown", "demonstrated", "proven", "proved", "established", "confirmed"});
    bool plain = In(w, {"found", "observed", "reported", "documented", "noted"});
    if (!strong && !plain) continue;
    // Back over adverbs to the auxiliary.
    int k = i - 1;
    // "clinically proven", "scientifically shown": a proof claim (the claim
    // packs read those), not an attribution.
    if (In(scan.words[static_cast<std::size_t>(i - 1)].norm,
           {"clinically", "scientifically", "medically"})) {
      continue;
    }
    while (k >= 0 && k >= i - 3) {
      const std::string& a = scan.words[static_cast<std::size_t>(k)].norm;
      if (In(a, {"also", "repeatedly", "consistently", "clearly", "conclusively", "now", "already",
                 "long", "often", "widely", "well", "been", "since", "even", "actually", "indeed",
                 "previously"})) {
        --k;
        continue;
      }
      break;
    }
    if (k < 0) continue;
    const std::string& aux = scan.words[static_cast<std::size_t>(k)].norm;
    bool been = false;
    for (int j = k + 1; j < i; ++j)
      been = been || scan.words[static_cast<std::size_t>(j)].norm == "been";
    bool be = In(aux, {"is", "are", "was", "were"});
    bool perfect = In(aux, {"has", "have", "had"}) && been;
    if (!be && !perfect) continue;
    if (Break(text, scan.words[static_cast<std::size_t>(k)].end,
              scan.words[static_cast<std::size_t>(i)].begin, /*comma=*/true)) {
      continue;
    }
    // What follows the participle.
    std::size_t after = scan.words[static_cast<std::size_t>(i)].end;
    std::string_view rest = TrimView(text.substr(after));
    std::string next = i + 1 < n ? scan.words[static_cast<std::size_t>(i + 1)].norm : "";
    bool clause_end = rest.empty() || rest[0] == '.' || rest[0] == ',' || rest[0] == ';' ||
                      rest[0] == '!' || rest[0] == ')';
    bool ok = next == "to" || next == "that" || (strong && (next == "in" || clause_end));
    if (!ok) continue;
    if (next == "to" && i + 2 < n) {
      // "was found to contain", "was shown to the panel": not a finding about an effect.
      const std::string& v = scan.words[static_cast<std::size_t>(i + 2)].norm;
      if (In(v,
             {"the", "a", "an", "them", "him", "her", "us", "me", "you", "contain", "contains"})) {
        continue;
      }
    }
    // "shown by Smith et al.", "demonstrated by research": the agent decides.
    std::size_t b = scan.words[static_cast<std::size_t>(k)].begin;
    std::size_t e = scan.words[static_cast<std::size_t>(i)].end;
    Found f;
    f.begin = b;
    f.end = e;
    f.span_begin = ClauseStart(text, b);
    f.span_end = e;
    if (next == "in" && i + 2 < n) {
      // "demonstrated in studies", "demonstrated in epidemics": keep the place
      // with the attribution.
      int m = i + 2;
      while (m < n && m <= i + 8 &&
             !Break(text, scan.words[static_cast<std::size_t>(m - 1)].end,
                    scan.words[static_cast<std::size_t>(m)].begin, /*comma=*/true)) {
        ++m;
      }
      f.end = scan.words[static_cast<std::size_t>(m - 1)].end;
      f.span_end = f.end;
    }
    f.complement = after;
    f.complement_end = text.size();
    // The subject of a passive is what it is said about: "Reflexology has
    // been shown to ..." claims for reflexology.
    std::size_t cb = ClauseStart(text, b);
    if (cb < b) {
      f.complement = cb;
    }
    f.tentative = false;
    f.weak = false;
    out->push_back(f);
  }
}

// "According to (recent) research/experts/a study".
void According(std::string_view text, const TermScan& scan, std::vector<Found>* out) {
  const int n = static_cast<int>(scan.words.size());
  for (int i = 0; i + 2 < n; ++i) {
    if (scan.words[static_cast<std::size_t>(i)].norm != "according" ||
        scan.words[static_cast<std::size_t>(i + 1)].norm != "to") {
      continue;
    }
    int w = i + 2;
    while (w < n && w <= i + 7 && !SubjectAt(scan, w) && Modifier(scan, text, w) &&
           !Definite(scan.words[static_cast<std::size_t>(w)].norm)) {
      ++w;
    }
    if (w >= n || Definite(scan.words[static_cast<std::size_t>(w)].norm)) continue;
    const TermHit* subject = SubjectAt(scan, w);
    if (!subject) continue;
    Found f;
    f.begin = scan.words[static_cast<std::size_t>(i)].begin;
    f.end = subject->end;
    f.span_begin = f.begin;
    // Its own description runs to the clause end: "according to a study by
    // Smith published in 2019".
    int m = subject->last;
    while (m < n && m <= subject->last + 10 &&
           !Break(text, scan.words[static_cast<std::size_t>(m - 1)].end,
                  scan.words[static_cast<std::size_t>(m)].begin, /*comma=*/true)) {
      ++m;
    }
    f.span_end = scan.words[static_cast<std::size_t>(m - 1)].end;
    if (f.begin > 2) {  // "X reduces Y, according to research": the claim is before it
      f.complement = 0;
      f.complement_end = f.begin;
    } else {
      f.complement = f.span_end;
      f.complement_end = text.size();
    }
    f.weak = WeakPhrase(scan, i + 2, subject->last);
    out->push_back(f);
    i = m - 1;
  }
}

// "..., although in trials it has worked": trials as the unnamed authority
// of the clause that follows.
void InStudies(std::string_view text, const TermScan& scan, std::vector<Found>* out) {
  const int n = static_cast<int>(scan.words.size());
  for (int i = 0; i + 2 < n; ++i) {
    if (scan.words[static_cast<std::size_t>(i)].norm != "in") continue;
    // Not a sentence's opening "In trials, ...": that reports what trials
    // found; after another clause it lends their authority to it.
    bool opens =
        i > 0 &&
        (Break(text, scan.words[static_cast<std::size_t>(i - 1)].end,
               scan.words[static_cast<std::size_t>(i)].begin, /*comma=*/true) ||
         In(scan.words[static_cast<std::size_t>(i - 1)].norm,
            {"although", "though", "but", "and", "while", "yet", "whereas", "because", "since"}));
    if (!opens) continue;
    int w = i + 1;
    while (w < n && w <= i + 4 && !SubjectAt(scan, w) && Modifier(scan, text, w) &&
           !Definite(scan.words[static_cast<std::size_t>(w)].norm)) {
      ++w;
    }
    if (w >= n) continue;
    const TermHit* noun = SubjectAt(scan, w);
    if (!noun || noun->last >= n) continue;
    std::string_view head = scan.words[static_cast<std::size_t>(noun->last - 1)].norm;
    if (!In(head, {"trials", "studies", "research", "experiments"})) continue;
    const std::string& next = scan.words[static_cast<std::size_t>(noun->last)].norm;
    if (!In(next,
            {"it", "they", "this", "these", "those", "people", "patients", "participants",
             "volunteers", "users", "the", "a", "an", "adults", "children", "women", "men"})) {
      continue;
    }
    Found f;
    f.begin = scan.words[static_cast<std::size_t>(i)].begin;
    f.end = noun->end;
    f.span_begin = ClauseStart(text, f.begin);
    f.span_end = noun->end;
    f.complement = noun->end;
    f.complement_end = text.size();
    f.weak = WeakPhrase(scan, i + 1, noun->last);
    out->push_back(f);
    i = noun->last - 1;
  }
}

// "There is ample research behind it", "there are many studies showing".
void Existential(std::string_view text, const TermScan& scan, std::vector<Found>* out) {
  const int n = static_cast<int>(scan.words.size());
  for (int i = 0; i + 2 < n; ++i) {
    if (scan.words[static_cast<std::size_t>(i)].norm != "there") continue;
    int w = i + 1;
    const std::string& be = scan.words[static_cast<std::size_t>(w)].norm;
    if (In(be, {"has", "have"}) && w + 1 < n &&
        scan.words[static_cast<std::size_t>(w + 1)].norm == "been") {
      w += 2;
    } else if (In(be, {"is", "are", "was", "were", "exists", "exist", "s"})) {
      w += 1;
    } else {
      continue;
    }
    const TermHit* amount = nullptr;
    const TermHit* weight = nullptr;
    while (w < n && w <= i + 6) {
      if (const TermHit* q = scan.At(w, "evidence.quantity")) {
        amount = q;
        w = q->last;
      } else if (const TermHit* g = scan.At(w, "evidence.weight")) {
        weight = g;
        w = g->last;
      } else if (In(scan.words[static_cast<std::size_t>(w)].norm,
                    {"also", "now", "a", "clinical", "scientific", "medical", "published"})) {
        ++w;
      } else {
        break;
      }
    }
    if (w >= n || (!amount && !weight)) continue;
    const TermHit* noun = SubjectAt(scan, w);
    if (!noun) continue;
    std::string_view head = scan.words[static_cast<std::size_t>(noun->last - 1)].norm;
    // "good evidence": how strong is an author's judgement; "ample evidence",
    // "plenty of research": an amount the page leans on.
    bool evidence = head == "evidence";
    if (evidence && !amount) continue;
    Found f;
    f.begin = scan.words[static_cast<std::size_t>(i)].begin;
    f.end = noun->end;
    f.span_begin = f.begin;
    int m = noun->last;
    while (m < n && m <= noun->last + 8 &&
           !Break(text, scan.words[static_cast<std::size_t>(m - 1)].end,
                  scan.words[static_cast<std::size_t>(m)].begin, /*comma=*/true)) {
      ++m;
    }
    f.span_end = scan.words[static_cast<std::size_t>(m - 1)].end;
    // "There is ample research behind it": the attribution is the claim.
    f.complement = f.complement_end = noun->end;
    out->push_back(f);
    i = noun->last - 1;
  }
}

// --- Naming the source ------------------------------------------------------

bool Nationality(std::string_view w) {
  static const RE2& re = Re(
      R"(^(?:[A-Z][a-z]+(?:ish|ese|ian|ean|can|ern|ic)|German|French|Dutch|Greek|Thai|Swiss|Scots?|Welsh|Irish|Inuit|Western|Eastern|Nordic|Asian|Global|International|National|European|American|African)$)");
  return RE2::FullMatch(StringPiece(w.data(), w.size()), re);
}

bool StopCapital(std::string_view w) {
  return IsStopName(w) || Nationality(w) ||
         In(w,
            {"I",     "We",          "You",        "He",      "She",     "They",     "It",     "Dr",
             "Nobel", "Prize",       "Our",        "Their",   "His",     "Her",      "Its",    "My",
             "Your",  "Researchers", "Scientists", "Experts", "Doctors", "Research", "Science"});
}

struct Names {
  std::string journal, body, author;
  int year = 0;
};

Names NamesIn(std::string_view text, std::size_t b, std::size_t e, const TermScan& scan) {
  Names out;
  std::string_view span = text.substr(b, e - b);
  StringPiece sp(span.data(), span.size());
  // Journals: a lexicon name, or a capitalised name after "published in".
  for (const TermHit* h : scan.All("evidence.journal")) {
    if (h->begin < b || h->end > e) continue;
    std::string form;
    for (int k = h->first; k < h->last; ++k) {
      form += (form.empty() ? "" : " ") + scan.words[static_cast<std::size_t>(k)].norm;
    }
    if (In(form,
           {"the journal", "a journal", "a peer reviewed journal", "peer reviewed journals",
            "medical journal", "medical journals", "scientific journal", "scientific journals"})) {
      continue;
    }
    out.journal = std::string(text.substr(h->begin, h->end - h->begin));
    break;
  }
  if (out.journal.empty()) {
    static const RE2& named = Re(
        R"((?:\b(?:published|appeared|appearing|writing|reported|printed|report|study|paper|review|trial|analysis)\s+in\s+(?:the\s+)?(?:(?i:journal)\s+)?|\bthe\s+journal\s+)((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+(?:(?:of|and|for|in|the|on|&)\s+)*\p{Lu}[\p{L}&'’.-]*)*))");
    static const RE2& titled = Re(
        R"(\b((?:\p{Lu}[\p{L}'’-]*\s+)*(?:Journal|Annals|Archives|Proceedings|Reviews?|Letters|Bulletin)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|and|for|in|the|&)\s+)*\p{Lu}[\p{L}'’-]*)*))");
    StringPiece g;
    if (RE2::PartialMatch(sp, titled, &g) ||
        (RE2::PartialMatch(sp, named, &g) &&
         !StopCapital(std::string_view(g.data(), g.size())
                          .substr(0, std::string_view(g.data(), g.size()).find(' '))))) {
      std::string name(g.data(), g.size());
      while (!name.empty() && (name.back() == '.' || name.back() == ',')) name.pop_back();
      if (CanonicalBody(name).empty()) out.journal = name;
    }
  }
  // Bodies and institutions.
  for (const TermHit* h : scan.All("evidence.authority")) {
    if (h->begin < b || h->end > e) continue;
    std::string_view after = text.substr(h->end, std::min<std::size_t>(12, text.size() - h->end));
    // "NIH-funded": who paid, not who reported.
    static const RE2& paid =
        Re(R"(^[-\s]?(?i:funded|backed|sponsored|supported|approved|registered|cleared))");
    if (RE2::PartialMatch(StringPiece(after.data(), after.size()), paid)) continue;
    out.body = std::string(text.substr(h->begin, h->end - h->begin));
    break;
  }
  if (out.body.empty()) {
    static const RE2& institution = Re(
        R"(\b((?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:University|Institute|College|Hospital|School|Centre|Center|Clinic|Foundation|Society|Association|Council|Agency|Laboratory|Laboratories|Academy|Ministry)|(?:University|Institute|College|Academy)\s+of\s+\p{Lu}[\p{L}'’-]*))");
    static const RE2& at = Re(R"(\b(?:at|from)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+))");
    StringPiece g;
    if (RE2::PartialMatch(sp, institution, &g)) {
      std::string name(g.data(), g.size());
      if (!Nationality(name.substr(0, name.find(' '))) || name.find(' ') != std::string::npos) {
        out.body = name;
      }
    } else if (RE2::PartialMatch(sp, at, &g) &&
               !StopCapital(std::string_view(g.data(), g.size()))) {
      out.body = std::string(g.data(), g.size());
    }
  }
  // Authors.
  static const RE2& by = Re(
      R"(\b(?:by|led\s+by)\s+(?:(?:Dr|Prof|Professor)\.?\s+)?(\p{Lu}[\p{L}'’-]+)(?:\s+(?:et\s+al|and\s+(?:colleagues|co-?workers|team)|\p{Lu}[\p{L}'’-]+))?)");
  static const RE2& etal = Re(
      R"(\b(\p{Lu}[\p{L}'’-]+)\s+(?:et\s+al\b|and\s+(?:colleagues|co-?workers|his\s+team|her\s+team)))");
  static const RE2& title =
      Re(R"(\b(?:Dr|Prof|Professor)\.?\s+(?:\p{Lu}[\p{L}'’-]*\s+)?(\p{Lu}[\p{L}'’-]+))");
  static const RE2& team =
      Re(R"(\b(\p{Lu}[\p{L}-]+)['’]s\s+(?:team|group|lab|laboratory|study|trial|review))");
  StringPiece g;
  for (const RE2* re : {&etal, &title, &team, &by}) {
    if (RE2::PartialMatch(sp, *re, &g)) {
      std::string name(g.data(), g.size());
      if (StopCapital(name) || !CanonicalBody(name).empty()) continue;
      // "a study by Harvard University": an institution, not a person.
      if (re == &by && !out.body.empty() && out.body.find(name) != std::string::npos) continue;
      out.author = name;
      break;
    }
  }
  // A publication year: "a 2015 study", "published in 2015", "In 2015, ...".
  static const RE2& year = Re(
      R"((?i)(?:\b(?:a|an|one|another|the)\s+((?:19|20)\d\d)\b|\b(?:published|conducted|released|carried\s+out|issued|appeared|run|done)\b[^.;]*?\bin\s+((?:19|20)\d\d)\b|^\s*in\s+((?:19|20)\d\d)\s*,|\(((?:19|20)\d\d)\)))");
  std::string y1, y2, y3, y4;
  if (RE2::PartialMatch(sp, year, &y1, &y2, &y3, &y4)) {
    const std::string& y = !y1.empty() ? y1 : !y2.empty() ? y2 : !y3.empty() ? y3 : y4;
    out.year = std::stoi(y);
  }
  return out;
}

}  // namespace

void FindVague(std::string_view text, const Gates& gates, std::vector<Citation>* out) {
  (void)gates;
  TermScan scan = ScanTerms(text);
  bool research = false;
  for (const TermHit& h : scan.hits) {
    research = research || TermScan::Is(h.cls, "evidence.research") ||
               TermScan::Is(h.cls, "evidence.expert") || TermScan::Is(h.cls, "evidence.design") ||
               TermScan::Is(h.cls, "evidence.reporting-verb") ||
               TermScan::Is(h.cls, "evidence.inquiry-verb");
  }
  if (!research) return;
  std::vector<Found> found;
  SubjectVerb(text, scan, &found);
  Passive(text, scan, &found);
  According(text, scan, &found);
  Existential(text, scan, &found);
  InStudies(text, scan, &found);
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.begin < b.begin; });
  std::vector<Citation> kept;
  for (const Found& f : found) {
    bool overlap = std::any_of(kept.begin(), kept.end(), [&](const Citation& c) {
      return f.begin < c.end && c.begin < f.end;
    });
    if (overlap) continue;
    Citation c;
    c.begin = f.begin;
    c.end = f.end;
    c.text = std::string(text.substr(f.begin, f.end - f.begin));
    c.complement = f.complement;
    c.complement_end = f.complement_end;
    c.tentative = f.tentative;
    c.weak_source = f.weak;
    c.inquiry = f.inquiry;
    Names names = NamesIn(text, f.span_begin, std::max(f.span_end, f.end), scan);
    c.year = names.year;
    if (!names.journal.empty() || !names.body.empty() || !names.author.empty()) {
      c.kind = CitationKind::kDescribed;
      c.journal = names.journal;
      c.source = names.body.empty() ? "" : CanonicalBody(names.body);
      if (c.source.empty()) c.source = names.body;
      if (!names.author.empty()) c.families = {names.author};
    } else {
      c.kind = CitationKind::kVague;
    }
    kept.push_back(std::move(c));
  }
  out->insert(out->end(), kept.begin(), kept.end());
}

}  // namespace claimlint::cite
