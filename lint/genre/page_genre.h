// The page's genre and stance: what kind of page a file is (a clinic's page,
// a shop, a leaflet, a research abstract, a news report...) and where it
// stands towards the treatments it names — promoting or advising them, or
// reporting on or refuting them. Computed once per file from signals in its
// text and structure (docs/genre.md); the checks read it to decide what a
// page owes its readers (treatment risks are owed by pages that promote or
// advise, not by a trial's abstract).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/document/document.h"
#include "lint/document/sentence.h"
#include "lint/rules/lexicon.h"

namespace claimlint {

enum class Stance { kPromotes, kAdvises, kReports, kRefutes };
std::string_view StanceName(Stance s);

// One signal that counted: its name ("abstract-headings"), how many times it
// was seen, the stance it speaks for and how much it weighed.
struct GenreSignal {
  std::string name;
  int count = 0;
  Stance favours = Stance::kPromotes;
  double points = 0;  // what it added to its stance's score
};

struct PageGenre {
  Stance stance = Stance::kAdvises;
  // clinic | shop | mlm | blog | leaflet | guideline | qa | abstract | news | explainer
  std::string genre = "blog";
  // A careful genre: a leaflet, a guideline, a Q&A page, an abstract, a news
  // report or an explainer.
  bool careful = false;
  double confidence = 0;             // 0..1: the winning stance's share of the evidence
  std::vector<GenreSignal> signals;  // the signals seen, strongest first

  // Pages that promote or advise owe their readers a treatment's risks.
  bool OwesTreatmentRisks() const {
    return stance == Stance::kPromotes || stance == Stance::kAdvises;
  }
  // A page selling its own product or service (a shop or clinic page), whose
  // commercial interest is plain to the reader.
  bool SellsOwnService() const { return genre == "shop" || genre == "clinic"; }
  // How many times a signal was seen (0 when it was not).
  int SignalCount(std::string_view name) const {
    for (const GenreSignal& s : signals) {
      if (s.name == name) return s.count;
    }
    return 0;
  }
};

// Classifies one document from its sentences, headings, links and front
// matter, with the genre.* lexicon classes (rules/lexicons/genre.yaml).
PageGenre ClassifyPage(const Document& doc, const std::vector<Sentence>& sentences,
                       const Lexicon& lexicon);

// True for the careful genres.
bool IsCarefulGenre(std::string_view genre);

}  // namespace claimlint
