#include "lint/genre/page_genre.h"

#include <algorithm>
#include <array>

#include "lint/genre/lexicon_matcher.h"
#include "lint/genre/page_signals.h"

namespace claimlint {
namespace {

// Each signal's weight and the most of it that counts: a page with twenty
// prices is no more a shop than one with five. Weights were set by hand on
// the dev set's genres (docs/genre.md) and kept round.
struct Weighted {
  const char* name;
  Stance favours;
  double weight;
  int cap;
  int PageCounts::*count;
};

constexpr Weighted kSignals[] = {
    {"first-person-practice", Stance::kPromotes, 1.0, 8, &PageCounts::practice},
    {"purchase", Stance::kPromotes, 1.5, 6, &PageCounts::purchase},
    {"call-to-book", Stance::kPromotes, 1.2, 6, &PageCounts::booking},
    {"mlm-or-influencer", Stance::kPromotes, 2.5, 4, &PageCounts::mlm},
    {"prices", Stance::kPromotes, 1.0, 5, &PageCounts::prices},
    {"shop-or-booking-links", Stance::kPromotes, 2.0, 4, &PageCounts::commerce_links},
    {"testimonials", Stance::kPromotes, 0.4, 6, &PageCounts::testimonial},
    {"supplement-disclaimer", Stance::kPromotes, 1.0, 2, &PageCounts::disclaimer},
    {"benefits-list", Stance::kPromotes, 0.4, 6, &PageCounts::benefit_items},
    {"statistics", Stance::kReports, 0.5, 10, &PageCounts::statistics},
    {"news-attribution", Stance::kReports, 0.35, 15, &PageCounts::news},
    {"reporter-byline", Stance::kReports, 3.0, 1, &PageCounts::reporter},
    {"reported-speech", Stance::kReports, 0.6, 8, &PageCounts::quoted_speech},
    {"refutation", Stance::kRefutes, 0.5, 14, &PageCounts::refutation},
    {"myth-or-verdict-headings", Stance::kRefutes, 2.5, 5, &PageCounts::myth_headings},
    {"claims-attributed-to-others", Stance::kRefutes, 0.3, 8, &PageCounts::reported},
    {"signposting-to-care", Stance::kAdvises, 0.6, 8, &PageCounts::seek_care},
    {"institutional-markers", Stance::kAdvises, 1.5, 6, &PageCounts::institutional},
    {"guideline", Stance::kAdvises, 1.0, 4, &PageCounts::guideline},
    {"instructions", Stance::kAdvises, 0.3, 10, &PageCounts::instructions},
};

int StanceIndex(Stance s) { return static_cast<int>(s); }

std::string GenreOf(Stance stance, const PageCounts& c) {
  switch (stance) {
    case Stance::kReports:
      if (c.abstract_headings >= 3 || (c.statistics >= 4 && c.reporter == 0)) return "abstract";
      if (c.reporter > 0 || c.quoted_speech >= 2 || c.news >= 8) return "news";
      if (c.guideline >= 2) return "guideline";
      return "explainer";
    case Stance::kRefutes:
      return "explainer";
    case Stance::kPromotes:
      if (c.mlm >= 2) return "mlm";
      if (c.purchase >= 1 && (c.prices >= 1 || c.commerce_links >= 1) && c.booking <= c.purchase) {
        return "shop";
      }
      if (c.booking >= 1 || c.practice >= 3) return "clinic";
      return "blog";
    case Stance::kAdvises:
      if (c.guideline >= 2 && (c.institution_author || c.institutional > 0)) return "guideline";
      if (c.question_headings >= 3 && c.question_headings * 3 >= c.headings * 2) return "qa";
      if (c.institution_author || c.institutional > 0) return "leaflet";
      return "blog";
  }
  return "blog";
}

}  // namespace

std::string_view StanceName(Stance s) {
  switch (s) {
    case Stance::kPromotes:
      return "promotes";
    case Stance::kAdvises:
      return "advises";
    case Stance::kReports:
      return "reports";
    case Stance::kRefutes:
      return "refutes";
  }
  return "advises";
}

bool IsCarefulGenre(std::string_view genre) {
  return genre == "leaflet" || genre == "guideline" || genre == "qa" || genre == "abstract" ||
         genre == "news" || genre == "explainer";
}

PageGenre ClassifyPage(const Document& doc, const std::vector<Sentence>& sentences,
                       const Lexicon& lexicon) {
  const LexiconMatcher* matcher = nullptr;
  std::unique_ptr<LexiconMatcher> own;
  if (&lexicon == Lexicon::Builtin().get()) {
    matcher = &LexiconMatcher::Builtin(GenreMatcherClasses());
  } else {
    own = std::make_unique<LexiconMatcher>(lexicon, GenreMatcherClasses());
    matcher = own.get();
  }
  const PageCounts c = CountPageSignals(doc, sentences, *matcher);

  PageGenre page;
  std::array<double, 4> score{};
  auto add = [&](const char* name, Stance favours, int count, double points) {
    if (count <= 0) return;
    score[StanceIndex(favours)] += points;
    page.signals.push_back({name, count, favours, points});
  };
  for (const Weighted& w : kSignals) {
    int n = c.*w.count;
    add(w.name, w.favours, n, w.weight * std::min(n, w.cap));
  }
  // A research abstract's section labels: three or more make the structure.
  add("abstract-headings", Stance::kReports, c.abstract_headings,
      c.abstract_headings >= 3 ? 4.0 + c.abstract_headings : c.abstract_headings);
  add("institutional-author", Stance::kAdvises, c.institution_author ? 1 : 0, 3.0);
  // Addressed to the reader: the share of sentences that say "you".
  if (c.sentences > 0) {
    add("second-person", Stance::kAdvises, c.second_person,
        4.0 * c.second_person / static_cast<double>(c.sentences));
  }
  // An institution's own "our clinic" or "our nurses" is not a sales pitch:
  // institutional markers discount first-person practice.
  const double institution =
      (c.institution_author ? 3.0 : 0.0) + 1.5 * std::min(c.institutional, 6);
  double& promotes = score[StanceIndex(Stance::kPromotes)];
  promotes = std::max(0.0, promotes - 0.5 * institution);

  const double p = score[StanceIndex(Stance::kPromotes)];
  const double a = score[StanceIndex(Stance::kAdvises)];
  const double r = score[StanceIndex(Stance::kReports)];
  const double f = score[StanceIndex(Stance::kRefutes)];
  if (r >= 5 && r >= p && r >= f) {
    page.stance = Stance::kReports;
  } else if (f >= 5 && f >= p && f >= 0.8 * r) {
    page.stance = Stance::kRefutes;
  } else if (p >= 4 && p >= 0.8 * a) {
    page.stance = Stance::kPromotes;
  } else {
    page.stance = Stance::kAdvises;
  }
  double total = p + a + r + f;
  page.confidence = total > 0 ? score[StanceIndex(page.stance)] / total : 0;
  page.genre = GenreOf(page.stance, c);
  page.careful = IsCarefulGenre(page.genre);
  std::stable_sort(page.signals.begin(), page.signals.end(),
                   [](const GenreSignal& x, const GenreSignal& y) { return x.points > y.points; });
  return page;
}

}  // namespace claimlint
