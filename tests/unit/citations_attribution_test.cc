// Attributions read from the evidence lexicon, the forms added for real
// pages (name-only, parenthesised numbers), the design of a source, the
// outcomes a source denies, and the checks built on them, end to end.
#include <gtest/gtest.h>

#include "lint/citations/extract.h"
#include "lint/citations/source_design.h"
#include "lint/citations/targets.h"
#include "lint/citations/term_scan.h"
#include "tests/unit/test_support.h"

namespace claimlint {
namespace {

std::vector<Citation> OfKind(std::string_view text, CitationKind kind) {
  std::vector<Citation> out;
  for (Citation& c : cite::ExtractFromText(text)) {
    if (c.kind == kind) out.push_back(std::move(c));
  }
  return out;
}

std::string Span(std::string_view text, const Citation& c) {
  return std::string(text.substr(c.begin, c.end - c.begin));
}

TEST(CitationsTermScan, WordsAndClasses) {
  cite::TermScan scan = cite::ScanTerms("A Nobel Prize-winning scientist’s pilot study showed it.");
  ASSERT_GE(scan.words.size(), 8u);
  EXPECT_EQ(scan.words[2].norm, "prize");
  EXPECT_EQ(scan.words[3].norm, "winning");
  EXPECT_EQ(scan.words[4].norm, "scientist's");
  EXPECT_NE(scan.At(5, "evidence.design.pilot"), nullptr);
  EXPECT_NE(scan.At(7, "evidence.reporting-verb"), nullptr);
  EXPECT_EQ(scan.At(7, "evidence.reporting-verb.tentative"), nullptr);
  const cite::TermHit* pilot = scan.At(5, "evidence.design");
  ASSERT_NE(pilot, nullptr);
  EXPECT_EQ(pilot->last, 7);  // "pilot study", two words
}

TEST(CitationsAttribution, VagueInOtherWords) {
  struct Case {
    const char* text;
    const char* span;
  };
  const Case cases[] = {
      {"Ginger has been shown to settle the stomach.", "has been shown"},
      {"It has also been demonstrated in clinics for decades.",
       "has also been demonstrated in clinics for decades"},
      {"There is ample research behind cupping.", "There is ample research"},
      {"Case studies that show it clears acne keep appearing.", "Case studies that show"},
      {"A 2015 study pointed to turmeric for joint pain.", "A 2015 study pointed to"},
      {"Studies from the 1950s observed lower blood pressure.", "Studies from the 1950s"},
      {"Researchers at a leading British university discovered a cure.",
       "Researchers at a leading British university"},
      {"Garlic lowers blood pressure, experts say.", "experts say"},
      {"It works as well as diet, although in trials it has worked less well.", "in trials"},
  };
  for (const Case& k : cases) {
    auto v = OfKind(k.text, CitationKind::kVague);
    ASSERT_EQ(v.size(), 1u) << k.text;
    EXPECT_EQ(Span(k.text, v[0]), k.span) << k.text;
  }
  for (const char* text :
       {"The larger trials have found little.", "There is too little research to say.",
        "The quality of studies has improved.", "Study participants found it hard.",
        "Blood tests showed low iron.", "Lead was found in two samples.",
        "In trials, a supplement shortened colds slightly."}) {
    EXPECT_TRUE(OfKind(text, CitationKind::kVague).empty()) << text;
  }
}

TEST(CitationsAttribution, NamedSourceInAnyOrder) {
  for (const char* text :
       {"A 2019 study published in the Journal of Example Medicine found it works.",
        "A study published in the Journal of Example Medicine in 2019 found it works.",
        "In the Journal of Example Medicine, a 2019 study found it works."}) {
    auto d = OfKind(text, CitationKind::kDescribed);
    ASSERT_EQ(d.size(), 1u) << text;
    EXPECT_EQ(d[0].journal, "Journal of Example Medicine") << text;
    EXPECT_EQ(d[0].year, 2019) << text;
    EXPECT_TRUE(OfKind(text, CitationKind::kVague).empty()) << text;
  }
  auto body =
      OfKind("Cochrane reviews have found that it eases headaches.", CitationKind::kDescribed);
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(body[0].source, "Cochrane");
  auto team = OfKind("A study led by Okafor in Leeds found it helps.", CitationKind::kDescribed);
  ASSERT_EQ(team.size(), 1u);
  ASSERT_EQ(team[0].families.size(), 1u);
  EXPECT_EQ(team[0].families[0], "Okafor");
  auto uni = OfKind("Scientists at the University of Exampleton showed it helps.",
                    CitationKind::kDescribed);
  ASSERT_EQ(uni.size(), 1u);
  // Who paid is not who reported.
  EXPECT_EQ(OfKind("A large NIH-funded trial has confirmed it.", CitationKind::kVague).size(), 1u);
}

TEST(CitationsAttribution, NameOnlyAndParenthesisedNumbers) {
  auto n = OfKind("Hollander and colleagues compared it with a drug.", CitationKind::kAuthorYear);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].year, 0);
  EXPECT_EQ(n[0].families[0], "Hollander");
  EXPECT_TRUE(
      OfKind("A 2019 study by Hollander and colleagues found it.", CitationKind::kAuthorYear)
          .empty());

  auto p = OfKind("It grows new connections (1). It lowers sugar (2, 3).", CitationKind::kNumbered);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_TRUE(p[0].parenthesised);
  EXPECT_EQ(p[1].numbers, (std::vector<int>{2, 3}));
  for (const char* text : {"Three steps: (1) eat well, (2) sleep.", "Type (2) diabetes is common.",
                           "Lee A(1), Kim B(2)."}) {
    EXPECT_TRUE(OfKind(text, CitationKind::kNumbered).empty()) << text;
  }
}

TEST(CitationsSourceDesign, FromTitleAndAbstract) {
  struct Case {
    const char* title;
    const char* name;
    int level;
    bool human;
  };
  const Case cases[] = {
      {"Regression of a metastasis after an infusion: a case report", "case-report", 5, true},
      {"Collagen and cartilage thickness in a rat model of osteoarthritis", "animal", 5, false},
      {"CBD and sleep: an open-label pilot study of 12 participants", "pilot", 4, true},
      {"Acupuncture for neck pain: a systematic review of randomised trials", "systematic-review",
       1, true},
      {"A systematic review of animal studies of curcumin", "animal", 5, false},
      {"Yoga for back pain: a randomised controlled trial", "rct", 2, true},
  };
  for (const Case& k : cases) {
    cite::Design d = cite::DesignOfText(k.title);
    EXPECT_EQ(d.name, k.name) << k.title;
    EXPECT_EQ(d.level, k.level) << k.title;
    EXPECT_EQ(d.human, k.human) << k.title;
  }
  Reference r;
  r.title = "Regression of a liver metastasis after intravenous vitamin C";
  r.abstract = "We describe one patient whose metastasis regressed. Causation is unclear.";
  cite::Design d = cite::DesignOf(r);
  EXPECT_EQ(d.name, "case-report");
  EXPECT_FALSE(d.from_title);
  EXPECT_TRUE(d.Preliminary());
}

TEST(CitationsTargets, DeniedOutcomes) {
  auto t = cite::FindNegatedTargets("Massage raises substance K but not substance P.");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_TRUE(cite::MentionsTarget(cite::TargetTerms("It raises substance P levels."), t[0]));
  EXPECT_FALSE(cite::MentionsTarget(cite::TargetTerms("It raises substance K levels."), t[0]));

  auto s =
      cite::FindNegatedTargets("Adding vitamin C did not improve survival or tumour response.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(cite::MentionsTarget(cite::TargetTerms("It helps patients live longer."), s[0]));

  EXPECT_EQ(cite::FindNegatedTargets("There was no effect on pain in adults.").size(), 1u);
  EXPECT_EQ(cite::FindNegatedTargets("Survival did not differ between the groups.").size(), 1u);
  EXPECT_TRUE(cite::FindNegatedTargets("The tea eased breathlessness over a year.").empty());
}

// End to end, with the examples library.
std::vector<Finding> Lint(const std::string& text) {
  std::vector<Finding> out;
  for (Finding& f : testing::ExampleLinter().Lint("article.md", text).findings) {
    if (f.category == Category::kCitation) out.push_back(std::move(f));
  }
  return out;
}

std::vector<const Finding*> Of(const std::vector<Finding>& fs, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : fs) {
    if (f.rule == rule) out.push_back(&f);
  }
  return out;
}

std::string All(const std::vector<Finding>& fs) {
  std::string s;
  for (const Finding& f : fs) s += f.rule + " '" + f.excerpt + "': " + f.message + "\n";
  return s.empty() ? "(none)" : s;
}

TEST(CitationsAttributionCheck, HedgedSummariesOfWeakEvidence) {
  // Weak evidence, hedged: honest.
  EXPECT_TRUE(Lint("Small trials suggest that ginger may ease nausea in some people.\n").empty());
  // A tentative verb and a hedge, but no word on how weak: a note.
  auto note = Lint("Studies suggest that ginger may ease nausea.\n");
  ASSERT_EQ(note.size(), 1u) << All(note);
  EXPECT_EQ(note[0].severity, Severity::kInfo);
  // A firm claim on unnamed studies: a warning.
  auto firm = Lint("Studies prove that ginger cures nausea.\n");
  ASSERT_EQ(firm.size(), 1u) << All(firm);
  EXPECT_EQ(firm[0].severity, Severity::kWarning);
  // What a source is said to deny, warn about or say of the evidence itself.
  for (const char* text : {"Studies have found no benefit from copper bracelets.\n",
                           "Experts say people with heart problems should avoid cold plunges.\n",
                           "Reviews have found that most research on cupping was small.\n"}) {
    EXPECT_TRUE(Lint(text).empty()) << text << All(Lint(text));
  }
}

TEST(CitationsAttributionCheck, LeadInToCitedList) {
  std::string cited =
      "# Ginger\n\nTrials have found that ginger eases nausea:\n\n"
      "- in pregnancy (Smith et al., 2020)\n- after surgery (Jones, 2019)\n";
  EXPECT_TRUE(Of(Lint(cited), "citation.vague").empty()) << All(Lint(cited));
  std::string half =
      "# Ginger\n\nTrials have found that ginger eases nausea:\n\n"
      "- in pregnancy (Smith et al., 2020)\n- after surgery\n";
  EXPECT_EQ(Of(Lint(half), "citation.vague").size(), 1u) << All(Lint(half));
}

TEST(CitationsAttributionCheck, DescribedEntryCountsAsCited) {
  std::string text =
      "# Therapies\n\nA 2018 review published in Example Reviews found twelve small trials. "
      "Jones (2019) followed adults.\n\n## References\n\n"
      "- Brown C, Green D. A systematic review of example therapies. Example Reviews. 2018. "
      "PMID: 30000001\n"
      "- Jones B. A cohort study of an example exposure. Example Epidemiology. 2019. "
      "doi:10.1000/example.2019.2\n";
  auto fs = Lint(text);
  EXPECT_TRUE(Of(fs, "citation.uncited-entry").empty()) << All(fs);
  EXPECT_TRUE(Of(fs, "citation.vague").empty()) << All(fs);
  // The stated year is checked against the entry the description resolves to.
  std::string wrong = text;
  wrong.replace(wrong.find("A 2018 review"), 13, "A 2016 review");
  auto w = Lint(wrong);
  ASSERT_EQ(Of(w, "citation.year-mismatch").size(), 1u) << All(w);
}

TEST(CitationsAttributionCheck, StatedDetailsWithNumberedCitations) {
  std::string list =
      "\n\n## References\n\n"
      "1. Garcia H, Lind S, Osei K. A pilot trial of an example exercise programme for knee "
      "pain. Example Rehabilitation. 2022. doi:10.1000/example.2022.4\n";
  auto year = Lint("# Knees\n\nA 2019 pilot trial tested the programme [1]." + list);
  ASSERT_EQ(Of(year, "citation.year-mismatch").size(), 1u) << All(year);
  auto journal =
      Lint("# Knees\n\nWriting in the Journal of Knee Science, the team tested it [1]." + list);
  ASSERT_EQ(Of(journal, "citation.journal-mismatch").size(), 1u) << All(journal);
  auto author = Lint("# Knees\n\nMorgan and colleagues tested the programme [1]." + list);
  ASSERT_EQ(Of(author, "citation.author-mismatch").size(), 1u) << All(author);
  auto design = Lint("# Knees\n\nA systematic review tested the programme [1]." + list);
  ASSERT_EQ(Of(design, "citation.design-mismatch").size(), 1u) << All(design);
  auto fine = Lint("# Knees\n\nIn a 2022 pilot trial, Garcia and colleagues tested it [1]." + list);
  EXPECT_TRUE(fine.empty()) << All(fine);
}

TEST(CitationsAttributionCheck, FormsWithNothingToPointTo) {
  auto markers = Lint("# Blend\n\nLion's mane grows brain cells (1). Reishi calms you (2).\n");
  auto m = Of(markers, "citation.no-reference-list");
  ASSERT_EQ(m.size(), 1u) << All(markers);
  EXPECT_NE(m[0]->message.find("(1), (2)"), std::string::npos) << m[0]->message;
  auto name = Lint("# Colic\n\nHollander and colleagues showed that adjustments stop colic.\n");
  EXPECT_EQ(Of(name, "citation.name-only").size(), 1u) << All(name);
}

TEST(CitationsAttributionCheck, IdentifiersOnlyWhenAReaderCannotFindIt) {
  std::string list =
      "# Sleep\n\nTwo trials looked at sleep [1, 2].\n\n## References\n\n"
      "1. Smith A, Patel R. A randomised trial of an example intervention. J Ex Med. 2020;12:45.\n"
      "2. Jones B. A cohort study of an example exposure. Example Epidemiology. 2019;3:1-9.\n"
      "3. Holm L. 2017.\n";
  auto fs = Lint(list);
  auto links = Of(fs, "citation.no-links");
  ASSERT_EQ(links.size(), 1u) << All(fs);
  EXPECT_EQ(links[0]->line, 7);
  EXPECT_NE(links[0]->message.find("2 entries"), std::string::npos) << links[0]->message;
  auto noid = Of(fs, "citation.no-identifier");
  ASSERT_EQ(noid.size(), 1u) << All(fs);
  EXPECT_EQ(noid[0]->line, 9);
}

TEST(CitationsAttributionCheck, SourceDesignAndDeniedOutcomes) {
  auto report = Lint("The example tea cures hiccups (Lee & Marsh, 2021).\n");
  auto o = Of(report, "citation.overstated");
  ASSERT_EQ(o.size(), 1u) << All(report);
  EXPECT_NE(o[0]->message.find("a case report"), std::string::npos) << o[0]->message;
  EXPECT_TRUE(Of(Lint("In rats, the example extract sped up wound healing (Ortiz et al., "
                      "2020).\n"),
                 "citation.overstated")
                  .empty());
  auto denied = Lint("The example massage raises substance P (Novak & Quinn, 2018).\n");
  EXPECT_EQ(Of(denied, "citation.contradicted").size(), 1u) << All(denied);
  auto kept = Lint("The example massage raises substance K (Novak & Quinn, 2018).\n");
  EXPECT_TRUE(Of(kept, "citation.contradicted").empty()) << All(kept);
}

}  // namespace
}  // namespace claimlint
