#include "lint/strength/claim_strength.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "lint/data/builtin_files.h"
#include "lint/strength/strength_tokens.h"

namespace claimlint {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t Fnv(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

const std::uint64_t kUnigramSeed = Fnv(kFnvOffset, "u:");

// A bigram's key mixes its two unigram keys, so each token is hashed once;
// "b:a b" in the file is split at its space and keyed the same way.
std::uint64_t BigramKey(std::uint64_t a, std::uint64_t b) {
  std::uint64_t x = a * 0x9E3779B97F4A7C15ull ^ b;  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::uint64_t BigramKey(std::string_view a, std::string_view b) {
  return BigramKey(Fnv(kUnigramSeed, a), Fnv(kUnigramSeed, b));
}

// The table key of a feature name: FNV-1a 64 of the name, or for a bigram
// the mix above; 0 when a bigram is not two words.
std::uint64_t FeatureKey(std::string_view name) {
  if (name.substr(0, 2) != "b:") return Fnv(kFnvOffset, name);
  std::string_view words = name.substr(2);
  std::size_t space = words.find(' ');
  if (space == 0 || space == std::string_view::npos || space + 1 == words.size() ||
      words.find(' ', space + 1) != std::string_view::npos) {
    return 0;
  }
  return BigramKey(words.substr(0, space), words.substr(space + 1));
}

constexpr std::string_view kMagic = "claim-strength-model\t1";
constexpr std::string_view kScheme = "u1b2g-1";
constexpr std::string_view kClassNames[4] = {"none", "correlational", "conditional", "direct"};

// The word lists of tools/strength/features.py, a bit each.
enum : std::uint32_t {
  kModal = 1u << 0,
  kHedgeAdv = 1u << 1,
  kHedge = 1u << 2,
  kCorr = 1u << 3,
  kAssoc = 1u << 4,  // two-word phrases, looked up as bigrams
  kCausal = 1u << 5,
  kNeg = 1u << 6,
  kCmp = 1u << 7,
  kUsed = 1u << 31,  // the table slot is filled
};
struct LexiconName {
  std::string_view name;
  std::uint32_t bit;
};
constexpr LexiconName kLexicons[] = {
    {"modal", kModal}, {"hedge_adv", kHedgeAdv}, {"hedge", kHedge}, {"corr", kCorr},
    {"assoc", kAssoc}, {"causal", kCausal},      {"neg", kNeg},     {"cmp", kCmp},
};
[[maybe_unused]] constexpr std::uint32_t kAllLexicons =
    kModal | kHedgeAdv | kHedge | kCorr | kAssoc | kCausal | kNeg | kCmp;

// The grammar features (features.py grammar_features), a bit each.
enum Grammar {
  kGModal,
  kGModalCausal,
  kGModalCorr,
  kGHedgeAdv,
  kGHedge,
  kGHedgeCausal,
  kGCorr,
  kGAssoc,
  kGCausal,
  kGCausalPlain,
  kGNeg,
  kGNegCausal,
  kGNegCorr,
  kGCmp,
  kGNum,
  kGLenShort,
  kGLenMid,
  kGLenLong,
  kGrammarCount
};
constexpr std::string_view kGrammarNames[kGrammarCount] = {
    "modal",    "modal_causal", "modal_corr", "hedge_adv",    "hedge",   "hedge_causal",
    "corr",     "assoc",        "causal",     "causal_plain", "neg",     "neg_causal",
    "neg_corr", "cmp",          "num",        "len_short",    "len_mid", "len_long"};

// Window sizes, in tokens (features.py).
constexpr std::size_t kAfterModal = 4;
constexpr std::size_t kAfterHedge = 6;
constexpr std::size_t kBeforeCausal = 4;
constexpr std::size_t kNegBefore = 3;
constexpr std::size_t kShortLen = 10;
constexpr std::size_t kLongLen = 30;

std::vector<std::pair<std::string_view, int>> SplitTabs(std::string_view line) {
  std::vector<std::pair<std::string_view, int>> fields;  // field, 1-based column
  std::size_t begin = 0;
  while (true) {
    std::size_t tab = line.find('\t', begin);
    std::size_t end = tab == std::string_view::npos ? line.size() : tab;
    fields.emplace_back(line.substr(begin, end - begin), static_cast<int>(begin) + 1);
    if (tab == std::string_view::npos) break;
    begin = tab + 1;
  }
  return fields;
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && ptr == end && std::isfinite(*out);
}

bool EndsWithNegation(std::string_view t) {
  return t.size() >= 3 && t.substr(t.size() - 3) == "n't";
}

}  // namespace

struct ClaimStrengthModel::Scratch {
  struct Token {
    std::string_view text;
    std::uint64_t key = 0;  // of "u:" + text
    std::uint32_t lexicons = 0;
    std::int32_t unigram = -1;  // weight indices, -1 when not in the model
    std::int32_t bigram = -1;   // of this token and the next
    bool assoc = false;         // this token and the next make an "assoc" phrase
    bool neg = false;
  };
  std::string text;
  std::vector<StrengthToken> spans;
  std::vector<Token> tokens;
  std::vector<std::int32_t> found;
};

std::string_view ClaimStrengthName(ClaimStrength s) { return kClassNames[static_cast<int>(s)]; }

double StrengthScore::Expected() const {
  return probability[1] + 2 * probability[2] + 3 * probability[3];
}

const ClaimStrengthModel::Entry* ClaimStrengthModel::Find(std::uint64_t hash) const {
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Entry& e = table_[i];
    if (!(e.lexicons & kUsed)) return nullptr;
    if (e.key == hash) return &e;
  }
}

bool ClaimStrengthModel::Insert(std::uint64_t hash, std::int32_t weight, std::uint32_t lexicons) {
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    Entry& e = table_[i];
    if (!(e.lexicons & kUsed)) {
      e = {hash, weight, lexicons | kUsed};
      return true;
    }
    if (e.key == hash) {
      if (weight >= 0 && e.weight >= 0) return false;
      if (weight >= 0) e.weight = weight;
      e.lexicons |= lexicons;
      return true;
    }
  }
}

Result<ClaimStrengthModel> ClaimStrengthModel::Parse(std::string_view text,
                                                     std::string_view filename) {
  ClaimStrengthModel m;
  int line_no = 0;
  auto error = [&](int column, std::string message) {
    return Error{std::string(filename), line_no, column, std::move(message)};
  };
  std::vector<std::pair<std::uint64_t, std::uint32_t>> words;  // hash, lexicon bit
  std::uint32_t lexicons_seen = 0;
  bool classes_seen = false, scheme_seen = false;
  long long declared = -1;  // the "weights" line's count; -1 while in the header
  int weights_line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_no;
    if (line_no == 1) {
      if (line != kMagic) {
        return error(1,
                     "not a claim-strength model: the first line must be "
                     "\"claim-strength-model<TAB>1\"");
      }
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    auto fields = SplitTabs(line);
    std::string_view key = fields[0].first;

    if (declared < 0) {  // header
      if (key == "classes") {
        bool ok = fields.size() == 5;
        for (std::size_t k = 0; ok && k < 4; ++k) ok = fields[k + 1].first == kClassNames[k];
        if (!ok) return error(1, "the classes must be: none, correlational, conditional, direct");
        classes_seen = true;
      } else if (key == "scheme") {
        if (fields.size() != 2 || fields[1].first != kScheme) {
          return error(
              fields.size() > 1 ? fields[1].second : 1,
              "unknown feature scheme (this build reads \"" + std::string(kScheme) + "\")");
        }
        scheme_seen = true;
      } else if (key == "lexicon") {
        if (fields.size() != 3) return error(1, "a lexicon line is: lexicon<TAB>name<TAB>words");
        const LexiconName* lex = nullptr;
        for (const LexiconName& l : kLexicons) {
          if (l.name == fields[1].first) lex = &l;
        }
        if (!lex)
          return error(fields[1].second,
                       "unknown lexicon \"" + std::string(fields[1].first) + "\"");
        if (lexicons_seen & lex->bit) return error(fields[1].second, "lexicon given twice");
        lexicons_seen |= lex->bit;
        std::string_view list = fields[2].first;
        std::size_t b = 0;
        while (b < list.size()) {
          std::size_t e = list.find(' ', b);
          if (e == std::string_view::npos) e = list.size();
          std::string_view w = list.substr(b, e - b);
          int column = fields[2].second + static_cast<int>(b);
          if (w.empty()) return error(column, "empty word in a lexicon");
          if (lex->bit == kAssoc) {
            std::size_t us = w.find('_');
            if (us == 0 || us == std::string_view::npos || us + 1 == w.size() ||
                w.find('_', us + 1) != std::string_view::npos) {
              return error(column, "an assoc phrase is two words joined by \"_\"");
            }
            words.emplace_back(BigramKey(w.substr(0, us), w.substr(us + 1)), lex->bit);
          } else {
            words.emplace_back(Fnv(kUnigramSeed, w), lex->bit);
          }
          b = e + 1;
        }
      } else if (key == "exaggeration_margin") {
        if (fields.size() != 2 || !ParseDouble(fields[1].first, &m.margin_)) {
          return error(fields.size() > 1 ? fields[1].second : 1, "expected a number");
        }
      } else if (key == "weights") {
        long long n = -1;
        if (fields.size() == 2) {
          std::string_view v = fields[1].first;
          auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
          if (ec != std::errc() || ptr != v.data() + v.size()) n = -1;
        }
        if (n < 1 || n > (1 << 24)) {
          return error(fields.size() > 1 ? fields[1].second : 1,
                       "expected the number of feature lines");
        }
        if (!classes_seen) return error(1, "no classes line before the weights");
        if (!scheme_seen) return error(1, "no scheme line before the weights");
        for (const LexiconName& l : kLexicons) {
          if (!(lexicons_seen & l.bit)) {
            return error(1, "no lexicon \"" + std::string(l.name) + "\" before the weights");
          }
        }
        declared = n;
        weights_line = line_no;
        std::size_t size = 16;
        while (size < 4 * (words.size() + static_cast<std::size_t>(n))) size *= 2;
        m.table_.assign(size, Entry{});
        m.weights_.reserve(static_cast<std::size_t>(n));
        for (const auto& [hash, bit] : words) m.Insert(hash, -1, bit);
      } else {
        return error(1, "unknown header line \"" + std::string(key) + "\"");
      }
      continue;
    }

    // A feature line: name and four weights.
    if (fields.size() != 5) return error(1, "expected a feature name and 4 weights");
    if (m.weights_.size() == static_cast<std::size_t>(declared)) {
      return error(1, "more feature lines than the weights line declares (" +
                          std::to_string(declared) + ")");
    }
    const bool first = m.weights_.empty();
    if (first != (key == "bias")) {
      return error(1, first ? "the first feature must be \"bias\"" : "\"bias\" given twice");
    }
    if (!first) {
      std::string_view prefix = key.substr(0, 2);
      if (key.size() < 3 || (prefix != "u:" && prefix != "b:" && prefix != "g:")) {
        return error(1, "a feature name starts with u:, b: or g:");
      }
      if (prefix == "g:" && std::find(std::begin(kGrammarNames), std::end(kGrammarNames),
                                      key.substr(2)) == std::end(kGrammarNames)) {
        return error(1, "unknown grammar feature \"" + std::string(key) + "\"");
      }
    }
    std::array<double, 4> w{};
    for (int k = 0; k < 4; ++k) {
      if (!ParseDouble(fields[k + 1].first, &w[k])) {
        return error(fields[k + 1].second, "expected a number");
      }
    }
    const auto index = static_cast<std::int32_t>(m.weights_.size());
    m.weights_.push_back(w);
    const std::uint64_t hash = FeatureKey(key);
    if (!first && hash == 0) return error(1, "a bigram feature is two words: \"b:a b\"");
    if (!first && !m.Insert(hash, index, 0)) {
      return error(1, "feature \"" + std::string(key) + "\" given twice");
    }
  }
  if (declared < 0) return error(1, "no weights line");
  if (m.weights_.size() != static_cast<std::size_t>(declared)) {
    line_no = weights_line;
    return error(1, "the weights line declares " + std::to_string(declared) +
                        " features; the file has " + std::to_string(m.weights_.size()));
  }
  m.grammar_.assign(kGrammarCount, -1);
  for (int g = 0; g < kGrammarCount; ++g) {
    std::string name = "g:" + std::string(kGrammarNames[g]);
    if (const Entry* e = m.Find(FeatureKey(name))) m.grammar_[g] = e->weight;
  }
  return m;
}

std::uint32_t ClaimStrengthModel::Analyse(std::string_view sentence, Scratch& sc) const {
  TokenizeForStrength(sentence, sc.text, sc.spans);
  const std::size_t n = sc.spans.size();
  sc.tokens.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    Scratch::Token& t = sc.tokens[i];
    t = {};
    t.text = std::string_view(sc.text).substr(sc.spans[i].begin, sc.spans[i].size);
    t.key = Fnv(kUnigramSeed, t.text);
    if (const Entry* e = Find(t.key)) {
      t.lexicons = e->lexicons;
      t.unigram = e->weight;
    }
    t.neg = (t.lexicons & kNeg) || EndsWithNegation(t.text);
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (const Entry* e = Find(BigramKey(sc.tokens[i].key, sc.tokens[i + 1].key))) {
      sc.tokens[i].bigram = e->weight;
      sc.tokens[i].assoc = e->lexicons & kAssoc;
    }
  }

  std::uint32_t g = 0;
  auto set = [&g](int bit) { g |= 1u << bit; };
  auto any_after = [&](std::size_t i, std::size_t window, std::uint32_t lex) {
    for (std::size_t j = i + 1; j < n && j <= i + window; ++j) {
      if (sc.tokens[j].lexicons & lex) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const Scratch::Token& t = sc.tokens[i];
    if (t.lexicons & kModal) {
      set(kGModal);
      if (any_after(i, kAfterModal, kCausal)) set(kGModalCausal);
      if (any_after(i, kAfterModal, kCorr)) set(kGModalCorr);
    }
    if (t.lexicons & kHedgeAdv) set(kGHedgeAdv);
    if (t.lexicons & kHedge) {
      set(kGHedge);
      if (any_after(i, kAfterHedge, kCausal)) set(kGHedgeCausal);
    }
    if (t.lexicons & kCorr) set(kGCorr);
    if (t.assoc) set(kGAssoc);
    if (t.lexicons & kCausal) {
      set(kGCausal);
      bool hedged = false, negated = false;
      for (std::size_t j = i >= kBeforeCausal ? i - kBeforeCausal : 0; j < i; ++j) {
        if (sc.tokens[j].lexicons & (kModal | kHedgeAdv)) hedged = true;
      }
      for (std::size_t j = i >= kNegBefore ? i - kNegBefore : 0; j < i; ++j) {
        if (sc.tokens[j].neg) negated = true;
      }
      if (!hedged && !negated) set(kGCausalPlain);
    }
    if (t.neg) {
      set(kGNeg);
      if (any_after(i, kAfterModal, kCausal)) set(kGNegCausal);
      if (any_after(i, kAfterModal, kCorr)) set(kGNegCorr);
    }
    if (t.lexicons & kCmp) set(kGCmp);
    if (t.text == "0") set(kGNum);
  }
  set(n <= kShortLen ? kGLenShort : n >= kLongLen ? kGLenLong : kGLenMid);
  return g;
}

StrengthScore ClaimStrengthModel::Score(std::string_view sentence) const {
  // Buffers reused from sentence to sentence: no allocation once warm.
  thread_local Scratch sc;
  const std::uint32_t grammar = Analyse(sentence, sc);
  sc.found.clear();
  for (const Scratch::Token& t : sc.tokens) {
    if (t.unigram >= 0) sc.found.push_back(t.unigram);
    if (t.bigram >= 0) sc.found.push_back(t.bigram);
  }
  for (int g = 0; g < kGrammarCount; ++g) {
    if ((grammar >> g & 1u) && grammar_[g] >= 0) sc.found.push_back(grammar_[g]);
  }
  // Each feature counts once; adding in file order (the trainer's sorted
  // order) gives the trainer's sums to the last bit.
  std::sort(sc.found.begin(), sc.found.end());
  sc.found.erase(std::unique(sc.found.begin(), sc.found.end()), sc.found.end());
  std::array<double, 4> s = weights_[0];
  for (std::int32_t f : sc.found) {
    for (int k = 0; k < 4; ++k) s[k] += weights_[f][k];
  }
  StrengthScore out;
  const double top = *std::max_element(s.begin(), s.end());
  double z = 0;
  for (int k = 0; k < 4; ++k) {
    out.probability[k] = std::exp(s[k] - top);
    z += out.probability[k];
  }
  int best = 0;
  for (int k = 0; k < 4; ++k) {
    out.probability[k] /= z;
    if (out.probability[k] > out.probability[best]) best = k;
  }
  out.strength = static_cast<ClaimStrength>(best);
  return out;
}

std::vector<std::string> ClaimStrengthModel::FeatureNames(std::string_view sentence) const {
  Scratch sc;
  const std::uint32_t grammar = Analyse(sentence, sc);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < sc.tokens.size(); ++i) {
    names.push_back("u:" + std::string(sc.tokens[i].text));
    if (i + 1 < sc.tokens.size()) {
      names.push_back("b:" + std::string(sc.tokens[i].text) + " " +
                      std::string(sc.tokens[i + 1].text));
    }
  }
  for (int g = 0; g < kGrammarCount; ++g) {
    if (grammar >> g & 1u) names.push_back("g:" + std::string(kGrammarNames[g]));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

const ClaimStrengthModel& ClaimStrengthModel::Builtin() {
  // The model is part of the binary and covered by the unit tests, so a
  // failure here is a build defect: say so and stop.
  static const ClaimStrengthModel model = [] {
    if (const BuiltinFile* f = FindBuiltinFile("models/claim-strength.tsv")) {
      auto result = Parse(f->text, "rules/models/claim-strength.tsv");
      if (result.ok()) return std::move(result).value();
      std::fprintf(stderr, "claimlint: built-in %s\n", result.error().ToString().c_str());
      std::abort();
    }
    std::fprintf(stderr, "claimlint: built-in rules/models/claim-strength.tsv is missing\n");
    std::abort();
  }();
  return model;
}

}  // namespace claimlint
