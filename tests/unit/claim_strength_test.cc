// The claim-strength model: the C++ scorer agrees with the Python trainer on
// sentences written for this test (tests/data/strength/parity.tsv), malformed
// model files give located errors, and the built-in model reads plain
// sentences the way a reader would.
#include "lint/strength/claim_strength.h"

#include <gtest/gtest.h>

#include <cmath>
#include <ostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/unit/test_support.h"

namespace claimlint {

inline void PrintTo(ClaimStrength s, std::ostream* os) { *os << ClaimStrengthName(s); }

namespace {

using testing::ReadAll;
using testing::SourceDir;

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (true) {
    std::size_t at = s.find(sep, begin);
    out.push_back(s.substr(begin, at == std::string::npos ? std::string::npos : at - begin));
    if (at == std::string::npos) return out;
    begin = at + 1;
  }
}

// --- parity with tools/strength/train.py ------------------------------------

struct ParityRow {
  std::string sentence;
  int strength = 0;
  double p[4] = {};
  std::vector<std::string> features;
};

std::vector<ParityRow> ReadParity() {
  std::vector<ParityRow> rows;
  for (const std::string& line :
       Split(ReadAll(SourceDir() + "/tests/data/strength/parity.tsv"), '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = Split(line, '\t');
    if (cols.size() != 7) {
      ADD_FAILURE() << "malformed parity line: " << line;
      continue;
    }
    ParityRow r;
    r.sentence = cols[0];
    r.strength = std::stoi(cols[1]);
    for (int k = 0; k < 4; ++k) r.p[k] = std::stod(cols[2 + k]);
    r.features = Split(cols[6], '|');
    rows.push_back(std::move(r));
  }
  return rows;
}

ClaimStrengthModel ModelFromSource() {
  const std::string path = SourceDir() + "/rules/models/claim-strength.tsv";
  auto model = ClaimStrengthModel::Parse(ReadAll(path), path);
  if (!model.ok()) throw std::runtime_error(model.error().ToString());
  return std::move(model).value();
}

TEST(ClaimStrengthParity, SameFeaturesClassAndProbabilitiesAsTheTrainer) {
  const ClaimStrengthModel model = ModelFromSource();
  const std::vector<ParityRow> rows = ReadParity();
  ASSERT_GE(rows.size(), 150u);
  for (const ParityRow& r : rows) {
    EXPECT_EQ(model.FeatureNames(r.sentence), r.features) << r.sentence;
    StrengthScore s = model.Score(r.sentence);
    EXPECT_EQ(static_cast<int>(s.strength), r.strength) << r.sentence;
    for (int k = 0; k < 4; ++k) EXPECT_NEAR(s.probability[k], r.p[k], 1e-6) << r.sentence;
  }
}

TEST(ClaimStrengthParity, BuiltinModelIsTheFileInRulesModels) {
  const ClaimStrengthModel model = ModelFromSource();
  const ClaimStrengthModel& builtin = ClaimStrengthModel::Builtin();
  EXPECT_EQ(builtin.feature_count(), model.feature_count());
  EXPECT_EQ(builtin.exaggeration_margin(), model.exaggeration_margin());
  for (const ParityRow& r : ReadParity()) {
    EXPECT_EQ(builtin.Score(r.sentence).probability, model.Score(r.sentence).probability)
        << r.sentence;
  }
}

// --- the file format -----------------------------------------------------------

// A small, valid model: "cures" votes direct, a modal votes conditional.
std::string SmallModel(const std::string& weights_count = "3", const std::string& features =
                                                                   "bias\t0\t0\t0\t0\n"
                                                                   "u:cures\t0\t0\t0\t2\n"
                                                                   "g:modal\t0\t0\t2\t0\n") {
  return "claim-strength-model\t1\n"
         "# a comment\n"
         "classes\tnone\tcorrelational\tconditional\tdirect\n"
         "scheme\tu1b2g-1\n"
         "lexicon\tmodal\tmay might\n"
         "lexicon\thedge_adv\tpossibly\n"
         "lexicon\thedge\tsuggests\n"
         "lexicon\tcorr\tlinked\n"
         "lexicon\tassoc\tlinked_to associated_with\n"
         "lexicon\tcausal\tcures\n"
         "lexicon\tneg\tnot\n"
         "lexicon\tcmp\tmore\n"
         "exaggeration_margin\t0.5\n"
         "weights\t" +
         weights_count + "\n" + features;
}

TEST(ClaimStrengthFile, SmallModelScores) {
  auto model = ClaimStrengthModel::Parse(SmallModel(), "small.tsv");
  ASSERT_TRUE(model.ok()) << model.error().ToString();
  EXPECT_EQ(model.value().Score("Honey cures coughs.").strength, ClaimStrength::kDirect);
  EXPECT_EQ(model.value().Score("Honey might soothe coughs.").strength,
            ClaimStrength::kConditional);
  // No feature fires: equal scores, and ties go to the weaker class.
  StrengthScore none = model.value().Score("Honey is sweet.");
  EXPECT_EQ(none.strength, ClaimStrength::kNone);
  EXPECT_DOUBLE_EQ(none.probability[0], 0.25);
  EXPECT_DOUBLE_EQ(none.Expected(), 1.5);
  EXPECT_EQ(model.value().exaggeration_margin(), 0.5);
  EXPECT_EQ(model.value().feature_count(), 3u);
}

TEST(ClaimStrengthFile, CarriageReturnsAreAccepted) {
  std::string crlf;
  for (char c : SmallModel()) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_TRUE(ClaimStrengthModel::Parse(crlf, "crlf.tsv").ok());
}

struct BadFile {
  std::string text;
  int line;
  int column;
  std::string message;  // a part of the message
};

TEST(ClaimStrengthFile, MalformedFilesGiveLocatedErrors) {
  auto replace = [](std::string s, const std::string& from, const std::string& to) {
    std::size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return s.replace(at, from.size(), to);
  };
  const std::string good = SmallModel();
  const BadFile cases[] = {
      {"", 0, 1, "no weights line"},
      {"weights\t3\n", 1, 1, "not a claim-strength model"},
      {replace(good, "model\t1", "model\t2"), 1, 1, "not a claim-strength model"},
      {replace(good, "conditional\tdirect", "direct\tconditional"), 3, 1, "classes"},
      {replace(good, "u1b2g-1", "u1b3"), 4, 8, "feature scheme"},
      {replace(good, "lexicon\tcmp", "lexicon\tcomparison"), 12, 9, "unknown lexicon"},
      {replace(good, "lexicon\tcmp\tmore\n", ""), 13, 1, "no lexicon \"cmp\""},
      {replace(good, "lexicon\tcmp\tmore\n", "lexicon\tneg\tnever\n"), 12, 9, "twice"},
      {replace(good, "may might", "may  might"), 5, 19, "empty word"},
      {replace(good, "linked_to", "linked"), 9, 15, "two words joined"},
      {replace(good, "margin\t0.5", "margin\thalf"), 13, 21, "expected a number"},
      {replace(good, "scheme\t", "schema\t"), 4, 1, "unknown header line"},
      {replace(good, "classes\tnone\tcorrelational\tconditional\tdirect\n", ""), 13, 1,
       "no classes line"},
      {SmallModel("three"), 14, 9, "number of feature lines"},
      {SmallModel("0"), 14, 9, "number of feature lines"},
      {SmallModel("3", "bias\t0\t0\t0\t0\nu:cures\t0\t0\t2\ng:modal\t0\t0\t2\t0\n"), 16, 1,
       "4 weights"},
      {SmallModel("3", "bias\t0\t0\t0\t0\nu:cures\t0\tx\t0\t2\ng:modal\t0\t0\t2\t0\n"), 16, 11,
       "expected a number"},
      {SmallModel("3", "bias\t0\t0\t0\t0\nu:cures\t0\tnan\t0\t2\ng:modal\t0\t0\t2\t0\n"), 16, 11,
       "expected a number"},
      {SmallModel("3", "u:cures\t0\t0\t0\t2\nbias\t0\t0\t0\t0\ng:modal\t0\t0\t2\t0\n"), 15, 1,
       "first feature must be \"bias\""},
      {SmallModel("3", "bias\t0\t0\t0\t0\nu:cures\t0\t0\t0\t2\nu:cures\t0\t0\t2\t0\n"), 17, 1,
       "given twice"},
      {SmallModel("3", "bias\t0\t0\t0\t0\nu:cures\t0\t0\t0\t2\ng:hedged\t0\t0\t2\t0\n"), 17, 1,
       "unknown grammar feature"},
      {SmallModel("3", "bias\t0\t0\t0\t0\nw:cures\t0\t0\t0\t2\ng:modal\t0\t0\t2\t0\n"), 16, 1,
       "starts with u:, b: or g:"},
      {SmallModel("3", "bias\t0\t0\t0\t0\nb:cures\t0\t0\t0\t2\ng:modal\t0\t0\t2\t0\n"), 16, 1,
       "two words"},
      {SmallModel("4"), 14, 1, "declares 4 features; the file has 3"},
      {SmallModel("2"), 17, 1, "more feature lines"},
  };
  for (const BadFile& c : cases) {
    auto model = ClaimStrengthModel::Parse(c.text, "bad.tsv");
    ASSERT_FALSE(model.ok()) << c.message;
    const Error& e = model.error();
    EXPECT_EQ(e.file, "bad.tsv");
    EXPECT_EQ(e.line, c.line) << e.ToString();
    EXPECT_EQ(e.column, c.column) << e.ToString();
    EXPECT_NE(e.message.find(c.message), std::string::npos) << e.ToString();
  }
}

// --- the built-in model on plain sentences --------------------------------------

ClaimStrength Of(std::string_view sentence) {
  return ClaimStrengthModel::Builtin().Score(sentence).strength;
}

TEST(ClaimStrengthBuiltin, DirectCausalClaims) {
  EXPECT_EQ(Of("This herbal tonic cures insomnia."), ClaimStrength::kDirect);
  EXPECT_EQ(Of("Cold-water swimming reduces inflammation."), ClaimStrength::kDirect);
  EXPECT_EQ(Of("Daily flossing prevents heart disease."), ClaimStrength::kDirect);
  EXPECT_EQ(Of("The new cream improves eczema in toddlers."), ClaimStrength::kDirect);
  EXPECT_EQ(Of("Nicotine patches help smokers stop."), ClaimStrength::kDirect);
}

TEST(ClaimStrengthBuiltin, HedgedClaimsAreConditional) {
  EXPECT_EQ(Of("Drinking green tea may lower the risk of gum disease."),
            ClaimStrength::kConditional);
  EXPECT_EQ(Of("Regular stretching might ease knee pain in older runners."),
            ClaimStrength::kConditional);
  EXPECT_EQ(Of("Cutting back on salt could prevent many strokes."), ClaimStrength::kConditional);
  EXPECT_EQ(Of("The results suggest that the diet may improve blood sugar control."),
            ClaimStrength::kConditional);
}

TEST(ClaimStrengthBuiltin, AssociationsAreCorrelational) {
  EXPECT_EQ(Of("Eating oily fish is associated with better heart health."),
            ClaimStrength::kCorrelational);
  EXPECT_EQ(Of("Short sleep was linked to weight gain in children."),
            ClaimStrength::kCorrelational);
  EXPECT_EQ(Of("Higher step counts were correlated with lower blood pressure."),
            ClaimStrength::kCorrelational);
  EXPECT_EQ(Of("People who gardened were less likely to report anxiety."),
            ClaimStrength::kCorrelational);
}

TEST(ClaimStrengthBuiltin, MethodsAndCaveatsStateNoRelationship) {
  EXPECT_EQ(Of("The study recruited 120 volunteers from two hospitals."), ClaimStrength::kNone);
  EXPECT_EQ(Of("More research is needed before firm conclusions can be drawn."),
            ClaimStrength::kNone);
  EXPECT_EQ(Of("Participants kept a food diary for four weeks."), ClaimStrength::kNone);
  EXPECT_EQ(Of(""), ClaimStrength::kNone);
}

TEST(ClaimStrengthBuiltin, ExpectedStrengthOrdersTheWordings) {
  const ClaimStrengthModel& m = ClaimStrengthModel::Builtin();
  const double cures = m.Score("Garlic cures colds.").Expected();
  const double may = m.Score("Garlic may help prevent colds.").Expected();
  const double none = m.Score("We asked 40 adults about garlic and colds.").Expected();
  EXPECT_GT(cures, may);
  EXPECT_GT(may, none);
  EXPECT_GT(m.exaggeration_margin(), 0.0);
  EXPECT_LT(m.exaggeration_margin(), 3.0);
}

TEST(ClaimStrengthBuiltin, ScoresAClauseOfASentence) {
  const std::string_view sentence =
      "We enrolled 60 adults with eczema, and the cream cures eczema within a week.";
  const std::string_view clause = sentence.substr(sentence.find("the cream"));
  EXPECT_EQ(Of(clause), ClaimStrength::kDirect);
  EXPECT_EQ(Of(sentence.substr(0, sentence.find(','))), ClaimStrength::kNone);
}

TEST(ClaimStrengthBuiltin, ProbabilitiesSumToOne) {
  for (std::string_view s : {"Tea may help.", "", "!!!", "Zinc (15 mg) cures colds."}) {
    StrengthScore score = ClaimStrengthModel::Builtin().Score(s);
    double sum = 0;
    for (double p : score.probability) {
      EXPECT_GE(p, 0.0);
      sum += p;
    }
    EXPECT_NEAR(sum, 1.0, 1e-12) << s;
  }
}

TEST(ClaimStrengthBuiltin, ConcurrentUseGivesTheSameScores) {
  const std::string sentences[] = {"Garlic cures colds.", "Garlic may help prevent colds.",
                                   "Garlic eaters had fewer colds."};
  std::vector<StrengthScore> expected;
  for (const std::string& s : sentences) expected.push_back(ClaimStrengthModel::Builtin().Score(s));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const int k = (i + t) % 3;
        if (ClaimStrengthModel::Builtin().Score(sentences[k]).probability !=
            expected[k].probability) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace claimlint
