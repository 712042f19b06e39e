// The raw counts the genre classifier weighs: lexicon hits by class over the
// page's sentences, and the structure around them (headings, bylines,
// prices, links).
#pragma once

#include <vector>

#include "lint/document/document.h"
#include "lint/document/sentence.h"
#include "lint/genre/lexicon_matcher.h"

namespace claimlint {

struct PageCounts {
  int words = 0;
  int sentences = 0;
  int headings = 0;

  // Promotion: the page sells.
  int practice = 0;        // first-person practice ("our clinic", "we offer", "my clients")
  int purchase = 0;        // baskets, codes, delivery, subscriptions, affiliate wording
  int booking = 0;         // calls to book or contact
  int mlm = 0;             // member and referral ids, "join & save", "wellness advocate"
  int prices = 0;          // a currency sign before a number
  int commerce_links = 0;  // links to a shop, basket, booking page, referral or affiliate URL
  int testimonial = 0;     // first-person stories, customer reviews
  int disclaimer = 0;      // supplement-site boilerplate ("not evaluated by the FDA")
  int benefit_items = 0;   // list items or table cells that promise a benefit

  // Reporting research.
  int abstract_headings = 0;  // distinct section labels of a research abstract
  int statistics = 0;         // confidence intervals, p values, randomised groups
  int news = 0;               // attribution ("researchers said", "published in")
  int reporter = 0;           // a journalist's or fact-checker's byline
  int quoted_speech = 0;      // sentences that report speech ("said", "says", "told")

  // Refuting.
  int refutation = 0;     // "no evidence", "myth", "debunked", "not true"
  int myth_headings = 0;  // headings that name a myth, a claim or a verdict
  int reported = 0;       // claims attributed to others ("sellers claim", "marketed as")

  // Advising, and the institution behind the advice.
  int seek_care = 0;                // "see a GP if", "ask your pharmacist", "call 111"
  int institutional = 0;            // "Page last reviewed", "registered charity", "this leaflet"
  bool institution_author = false;  // the author or publisher is an institution
  int guideline = 0;                // a clinical guideline and its recommendations
  int instructions = 0;             // sentences that open with an instruction verb
  int second_person = 0;            // sentences addressed to the reader ("you", "your")
  int first_person = 0;             // sentences in the first person singular ("I", "my")
  int question_headings = 0;        // headings that ask a question
};

// Counts the signals of one document. `matcher` must hold the genre.*,
// risk.seek-care and predicate.* classes (GenreMatcherClasses()).
PageCounts CountPageSignals(const Document& doc, const std::vector<Sentence>& sentences,
                            const LexiconMatcher& matcher);

// The lexicon references CountPageSignals needs.
const std::vector<std::string>& GenreMatcherClasses();

}  // namespace claimlint
