#include "lint/genre/page_signals.h"

#include <set>
#include <string>
#include <string_view>

#include "lint/text/strings.h"

namespace claimlint {
namespace {

enum class Kind {
  kNone,
  kPractice,
  kPurchase,
  kBooking,
  kMlm,
  kTestimonial,
  kDisclaimer,
  kAbstractHeading,
  kStatistics,
  kNews,
  kReporter,
  kRefutation,
  kReported,
  kSeekCare,
  kInstitutional,
  kInstitution,
  kInstruction,
  kGuideline,
  kPredicate,
};

Kind KindOf(std::string_view cls) {
  auto starts = [&](std::string_view p) { return cls.substr(0, p.size()) == p; };
  if (cls == "genre.practice") return Kind::kPractice;
  if (cls == "genre.purchase") return Kind::kPurchase;
  if (cls == "genre.booking") return Kind::kBooking;
  if (cls == "genre.mlm") return Kind::kMlm;
  if (cls == "genre.testimonial") return Kind::kTestimonial;
  if (cls == "genre.disclaimer") return Kind::kDisclaimer;
  if (cls == "genre.abstract-heading") return Kind::kAbstractHeading;
  if (cls == "genre.statistics") return Kind::kStatistics;
  if (cls == "genre.news-reporting") return Kind::kNews;
  if (cls == "genre.reporter") return Kind::kReporter;
  if (cls == "genre.refutation") return Kind::kRefutation;
  if (cls == "genre.reported") return Kind::kReported;
  if (cls == "genre.institutional") return Kind::kInstitutional;
  if (cls == "genre.institution") return Kind::kInstitution;
  if (cls == "genre.instruction") return Kind::kInstruction;
  if (starts("risk.seek-care")) return Kind::kSeekCare;
  if (starts("evidence.design.guideline")) return Kind::kGuideline;
  if (starts("predicate.")) return Kind::kPredicate;
  return Kind::kNone;
}

struct Hits {
  std::vector<LexiconHit> all;
  int Count(const std::vector<Kind>& kinds, Kind k) const {
    int n = 0;
    for (const LexiconHit& h : all) n += kinds[h.cls] == k;
    return n;
  }
  bool Has(const std::vector<Kind>& kinds, Kind k) const { return Count(kinds, k) > 0; }
};

int CountWords(std::string_view text) {
  int n = 0;
  bool in_word = false;
  for (char c : text) {
    bool w = static_cast<unsigned char>(c) > ' ';
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

bool HasWord(const std::vector<WordToken>& words, std::initializer_list<std::string_view> any) {
  for (const WordToken& w : words) {
    for (std::string_view a : any) {
      if (w.word == a) return true;
    }
  }
  return false;
}

// A currency sign (£ $ €) followed by a digit.
int CountPrices(std::string_view text) {
  int n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t len = 0;
    if (text[i] == '$') {
      len = 1;
    } else if (text.substr(i, 2) == "\xC2\xA3") {
      len = 2;
    } else if (text.substr(i, 3) == "\xE2\x82\xAC") {
      len = 3;
    }
    if (len == 0) continue;
    std::size_t j = i + len;
    if (j < text.size() && text[j] == ' ') ++j;
    if (j < text.size() && text[j] >= '0' && text[j] <= '9') ++n;
    i = j;
  }
  return n;
}

// Where a link goes, or what it says, shows a shop, a basket, a booking page,
// a referral or an affiliate programme.
bool IsCommerceLink(std::string_view destination, std::string_view text) {
  std::string d = Lower(destination);
  for (std::string_view p : {"basket",  "cart",          "checkout", "/shop",      "shop.",
                             "/store",  "/product",      "/buy",     "/order",     "/book",
                             "booking", "/join",         "referral", "ref=",       "affiliate",
                             "aff=",    "affid",         "tag=",     "amzn.to",    "amazon.",
                             "payhip",  "gumroad",       "etsy.",    "/subscribe", "/enrol",
                             "/enroll", "/appointments", "calendly", "/pricing",   "/prices"}) {
    if (d.find(p) != std::string::npos) return true;
  }
  std::string t = Lower(text);
  for (std::string_view p : {"book ", "book now", "buy", "order ", "order now", "shop ", "shop now",
                             "add to", "join ", "get yours", "get it here", "get it for"}) {
    if (t.find(p) != std::string::npos) return true;
  }
  return false;
}

// href="..." destinations of raw HTML in the source.
std::vector<std::pair<std::string, std::string>> HtmlLinks(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t pos = 0;
  while ((pos = text.find("href=\"", pos)) != std::string_view::npos) {
    std::size_t b = pos + 6;
    std::size_t e = text.find('"', b);
    if (e == std::string_view::npos) break;
    std::size_t close = text.find('>', e);
    std::size_t end_tag = close == std::string_view::npos ? close : text.find("</a", close);
    std::string shown;
    if (end_tag != std::string_view::npos && end_tag - close < 200) {
      shown = std::string(text.substr(close + 1, end_tag - close - 1));
    }
    out.emplace_back(std::string(text.substr(b, e - b)), shown);
    pos = e;
  }
  return out;
}

// The label a paragraph opens with, when it is short and ends in '.' or ':'
// ("Background." "Methods:"): the plain text of a bold lead-in.
std::string_view LeadLabel(std::string_view text) {
  std::size_t limit = std::min<std::size_t>(text.size(), 48);
  for (std::size_t i = 0; i < limit; ++i) {
    if (text[i] == '.' || text[i] == ':') return text.substr(0, i);
  }
  return {};
}

// True when the hits cover the whole of `label` (a heading or lead-in that is
// nothing but an abstract section name, possibly two joined by "and").
bool WholeLabel(std::string_view label, const std::vector<LexiconHit>& hits,
                const std::vector<Kind>& kinds) {
  std::vector<WordToken> words = LexiconWords(label);
  if (words.empty() || words.size() > 6) return false;
  for (const LexiconHit& h : hits) {
    if (kinds[h.cls] == Kind::kAbstractHeading && h.begin == words.front().begin) return true;
  }
  return false;
}

}  // namespace

const std::vector<std::string>& GenreMatcherClasses() {
  static const std::vector<std::string> classes = {"genre", "risk.seek-care",
                                                   "evidence.design.guideline", "predicate"};
  return classes;
}

PageCounts CountPageSignals(const Document& doc, const std::vector<Sentence>& sentences,
                            const LexiconMatcher& matcher) {
  PageCounts c;
  std::vector<Kind> kinds;
  for (const std::string& cls : matcher.classes()) kinds.push_back(KindOf(cls));

  std::set<std::string> abstract_labels;
  for (const Block& block : doc.blocks) {
    const int words = CountWords(block.text);
    c.words += words;
    if (block.kind == BlockKind::kHeading) {
      ++c.headings;
      std::string_view t = TrimView(block.text);
      if (!t.empty() && t.back() == '?') ++c.question_headings;
      std::string lower = Lower(t);
      for (std::string_view m : {"myth", "fact check", "fact-check", "verdict", "claim:",
                                 "the claim", "fact:", "the facts", "what the evidence says"}) {
        if (lower.find(m) != std::string::npos) {
          ++c.myth_headings;
          break;
        }
      }
    }
    Hits hits{matcher.FindAll(block.text)};
    // Section labels of an abstract: a heading that is one, or a paragraph
    // that opens with one ("Background." "Results:").
    std::string_view label =
        block.kind == BlockKind::kHeading ? TrimView(block.text) : LeadLabel(block.text);
    if (!label.empty() && WholeLabel(label, hits.all, kinds)) {
      abstract_labels.insert(Lower(label));
    }
    if (block.kind != BlockKind::kHeading) {
      std::string lower = Lower(LeadLabel(block.text));
      if (lower == "claim" || lower == "verdict" || lower == "myth" || lower == "fact" ||
          lower.rfind("verdict", 0) == 0) {
        ++c.myth_headings;
      }
    }
    // Benefits listed: a list item or table cell that promises one.
    if ((block.kind == BlockKind::kListItem || block.kind == BlockKind::kTableCell) &&
        hits.Has(kinds, Kind::kPredicate)) {
      ++c.benefit_items;
    }
    // A byline or sign-off: short, and naming a journalist or an institution.
    if (words <= 40 && block.kind != BlockKind::kHeading) {
      std::string lower = Lower(block.text);
      bool byline = lower.rfind("by ", 0) == 0 || lower.find("written by") != std::string::npos ||
                    lower.find("published by") != std::string::npos ||
                    lower.find("produced by") != std::string::npos ||
                    lower.find("reviewed by") != std::string::npos ||
                    lower.find(" \xC2\xB7 ") != std::string::npos ||
                    lower.find(" | ") != std::string::npos;
      if (byline && hits.Has(kinds, Kind::kReporter)) ++c.reporter;
      if (byline && hits.Has(kinds, Kind::kInstitution)) c.institution_author = true;
    }
  }
  c.abstract_headings = static_cast<int>(abstract_labels.size());

  for (const Sentence& s : sentences) {
    std::string_view text = SentenceText(doc, s);
    ++c.sentences;
    Hits hits{matcher.FindAll(text)};
    c.practice += hits.Count(kinds, Kind::kPractice);
    c.purchase += hits.Count(kinds, Kind::kPurchase);
    c.booking += hits.Count(kinds, Kind::kBooking);
    c.mlm += hits.Count(kinds, Kind::kMlm);
    c.testimonial += hits.Count(kinds, Kind::kTestimonial);
    c.disclaimer += hits.Count(kinds, Kind::kDisclaimer);
    c.statistics += hits.Count(kinds, Kind::kStatistics);
    c.news += hits.Count(kinds, Kind::kNews);
    c.refutation += hits.Count(kinds, Kind::kRefutation);
    c.reported += hits.Count(kinds, Kind::kReported);
    c.seek_care += hits.Count(kinds, Kind::kSeekCare);
    c.institutional += hits.Count(kinds, Kind::kInstitutional);
    c.guideline += hits.Count(kinds, Kind::kGuideline);
    std::vector<WordToken> words = LexiconWords(text);
    if (words.empty()) continue;
    for (const LexiconHit& h : hits.all) {
      if (kinds[h.cls] == Kind::kInstruction && h.begin == words.front().begin) {
        ++c.instructions;
        break;
      }
    }
    if (HasWord(words, {"you", "your", "you're", "yourself", "you'll", "you've"})) {
      ++c.second_person;
    }
    if (HasWord(words, {"i", "my", "i'm", "i've", "i'd", "me"})) ++c.first_person;
    // Speech reported in the past or present tense, quoted or not: the
    // attribution of news ("said Dr Rao", "she told reporters").
    if (HasWord(words, {"said", "says", "told"})) ++c.quoted_speech;
  }

  // The author named in the front matter.
  if (!doc.front_matter.author.empty()) {
    Hits hits{matcher.FindAll(doc.front_matter.author)};
    if (hits.Has(kinds, Kind::kInstitution)) c.institution_author = true;
    if (hits.Has(kinds, Kind::kReporter)) ++c.reporter;
  }

  // Prices and shop or booking links, also in raw HTML (a "Book now" button).
  std::string visible = doc.text;
  for (const HtmlComment& cm : doc.comments) {
    for (std::size_t i = cm.src_begin; i < cm.src_end && i < visible.size(); ++i) visible[i] = ' ';
  }
  c.prices = CountPrices(visible);
  // Raw HTML and components (a booking card, a button) are not blocks: their
  // text still sells.
  std::string raw = visible;
  for (const Block& block : doc.blocks) {
    for (std::size_t i = block.src_begin; i < block.src_end && i < raw.size(); ++i) raw[i] = ' ';
  }
  if (doc.front_matter.present) {
    for (std::size_t i = doc.front_matter.src_begin; i < doc.front_matter.src_end && i < raw.size();
         ++i) {
      raw[i] = ' ';
    }
  }
  Hits raw_hits{matcher.FindAll(raw)};
  c.practice += raw_hits.Count(kinds, Kind::kPractice);
  c.purchase += raw_hits.Count(kinds, Kind::kPurchase);
  c.booking += raw_hits.Count(kinds, Kind::kBooking);
  c.mlm += raw_hits.Count(kinds, Kind::kMlm);
  for (const Link& link : doc.links)
    c.commerce_links += IsCommerceLink(link.destination, link.text);
  for (const auto& [dest, shown] : HtmlLinks(visible))
    c.commerce_links += IsCommerceLink(dest, shown);
  return c;
}

}  // namespace claimlint
