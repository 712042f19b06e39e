#include "lint/references/bodies.h"

#include <algorithm>

#include "lint/text/fold.h"
#include "lint/text/strings.h"

namespace claimlint {

const std::vector<HealthBody>& HealthBodies() {
  static const std::vector<HealthBody> kBodies = {
      {"NICE",
       {"NICE", "National Institute for Health and Care Excellence",
        "National Institute for Health and Clinical Excellence"},
       {"nice.org.uk"},
       true},
      {"WHO", {"WHO", "World Health Organization", "World Health Organisation"}, {"who.int"}, true},
      {"NHS", {"NHS", "National Health Service", "NHS Choices"}, {"nhs.uk"}, true},
      {"CDC",
       {"CDC", "Centers for Disease Control and Prevention", "Centers for Disease Control"},
       {"cdc.gov"},
       true},
      {"NCCIH",
       {"NCCIH", "National Center for Complementary and Integrative Health"},
       {"nccih.nih.gov"},
       false},
      {"NIH", {"NIH", "National Institutes of Health"}, {"nih.gov"}, true},
      {"FDA", {"FDA", "Food and Drug Administration"}, {"fda.gov"}, true},
      {"EMA", {"EMA", "European Medicines Agency"}, {"ema.europa.eu"}, true},
      {"MHRA", {"MHRA", "Medicines and Healthcare products Regulatory Agency"}, {}, true},
      {"AHRQ", {"AHRQ", "Agency for Healthcare Research and Quality"}, {"ahrq.gov"}, true},
      {"ACP", {"American College of Physicians"}, {"acponline.org", "acpjournals.org"}, true},
      {"SIGN", {"Scottish Intercollegiate Guidelines Network"}, {"sign.ac.uk"}, true},
      {"Cochrane",
       {"Cochrane", "Cochrane Collaboration", "Cochrane Library"},
       {"cochrane.org", "cochranelibrary.com"},
       false},
      {"Mayo Clinic", {"Mayo Clinic"}, {"mayoclinic.org"}, false},
  };
  return kBodies;
}

const std::string& HealthBodyPattern() {
  static const std::string kPattern = [] {
    std::vector<std::string> names;
    for (const HealthBody& b : HealthBodies()) names.insert(names.end(), b.names.begin(), b.names.end());
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string p = "(?:";
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i) p += '|';
      const std::string& n = names[i];
      bool acronym = std::all_of(n.begin(), n.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (acronym) {
        p += "\\b" + n + "\\b";
      } else {
        std::string words;
        for (char c : n) words += c == ' ' ? std::string(R"(\s+)") : std::string(1, c);
        p += "(?i:\\b" + words + "\\b)";
      }
    }
    return p + ")";
  }();
  return kPattern;
}

std::string CanonicalBody(std::string_view name) {
  // Names normalised once: acronyms compared as written (case-sensitive, with
  // or without "the"), other names folded.
  struct Known {
    std::string key;
    bool acronym;
    const std::string* canonical;
  };
  static const std::vector<Known> kKnown = [] {
    std::vector<Known> v;
    for (const HealthBody& b : HealthBodies()) {
      for (const std::string& n : b.names) {
        bool acronym = std::all_of(n.begin(), n.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        v.push_back({acronym ? n : NormalizeTitle(n), acronym, &b.canonical});
      }
    }
    return v;
  }();
  std::string_view trimmed = TrimView(name);
  if (trimmed.size() > 120) return "";
  std::string_view bare = trimmed;
  if (bare.rfind("the ", 0) == 0 || bare.rfind("The ", 0) == 0) bare.remove_prefix(4);
  std::string folded = NormalizeTitle(bare);
  for (const Known& k : kKnown) {
    if (k.acronym ? bare == k.key : folded == k.key) return *k.canonical;
  }
  return "";
}

const std::vector<std::string>& BodyNames(std::string_view body) {
  static const std::vector<std::string> kNone;
  for (const HealthBody& b : HealthBodies()) {
    if (b.canonical == body) return b.names;
  }
  return kNone;
}

const std::vector<std::string>& BodyHosts(std::string_view body) {
  static const std::vector<std::string> kNone;
  for (const HealthBody& b : HealthBodies()) {
    if (b.canonical == body) return b.hosts;
  }
  return kNone;
}

}  // namespace claimlint
