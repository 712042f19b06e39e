#include "lint/rules/shape_matcher.h"

#include <algorithm>
#include <map>

namespace claimlint {
namespace {

constexpr int kMaxGap = 8;  // words between two elements: keeps a shape a phrase

struct ParsedElement {
  std::vector<std::string> classes;  // lexicon class references (without '@')
  std::vector<std::string> phrases;  // literal words and phrases
  bool optional = false;
  int gap = 0;
};

// The shape string's own structure, beside its elements.
struct ParsedShape {
  std::vector<ParsedElement> elements;
  bool anchored = false;  // starts with '^': the first element opens the sentence
  int anchor_gap = 0;     // words that may come first ("^ ~2 @predicate")
};

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

// Parses a shape string; "" on success, else what is wrong.
std::string ParseShape(std::string_view s, ParsedShape* shape) {
  std::vector<ParsedElement>* out = &shape->elements;
  std::size_t i = 0;
  int gap = 0;
  bool gap_pending = false;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i < s.size() && s[i] == '^') {
    shape->anchored = true;
    ++i;
  }
  auto optional_mark = [&](ParsedElement* e) {
    if (i < s.size() && s[i] == '?') {
      e->optional = true;
      ++i;
    }
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '~') {
      std::size_t j = ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == j || i - j > 2) return "'~' takes a number of words (~3)";
      gap = std::stoi(std::string(s.substr(j, i - j)));
      if (gap > kMaxGap) return "a gap is at most ~" + std::to_string(kMaxGap);
      if (gap_pending) return "two gaps in a row";
      gap_pending = true;
      continue;
    }
    ParsedElement e;
    if (c == '@') {
      std::size_t j = ++i;
      while (i < s.size() && IsNameChar(s[i])) ++i;
      if (i == j) return "'@' must name a lexicon class (@predicate.cure)";
      std::string name(s.substr(j, i - j));
      while (!name.empty() && name.back() == '.') name.pop_back();
      e.classes.push_back(name);
    } else if (c == '(') {
      std::size_t close = s.find(')', i);
      if (close == std::string_view::npos) return "'(' without ')'";
      std::string_view inner = s.substr(i + 1, close - i - 1);
      std::size_t p = 0;
      while (p <= inner.size()) {
        std::size_t bar = inner.find('|', p);
        if (bar == std::string_view::npos) bar = inner.size();
        std::string alt(inner.substr(p, bar - p));
        alt.erase(std::remove(alt.begin(), alt.end(), '\''), alt.end());
        std::string trimmed = NormalizeLexiconText(alt);
        if (trimmed.empty()) return "an empty alternative in '(...)'";
        if (trimmed[0] == '@') {
          std::string name = trimmed.substr(1);
          if (name.empty() || !std::all_of(name.begin(), name.end(), IsNameChar)) {
            return "a bad class name '" + trimmed + "' in '(...)'";
          }
          e.classes.push_back(name);
        } else {
          e.phrases.push_back(alt);
        }
        p = bar + 1;
      }
      i = close + 1;
    } else if (c == '\'') {
      std::size_t close = s.find('\'', i + 1);
      if (close == std::string_view::npos) return "a quoted phrase without its closing quote";
      e.phrases.push_back(std::string(s.substr(i + 1, close - i - 1)));
      if (NormalizeLexiconText(e.phrases.back()).empty()) return "an empty quoted phrase";
      i = close + 1;
    } else if (c == ')' || c == '|' || c == '?') {
      return std::string("unexpected '") + c + "'";
    } else {
      std::size_t j = i;
      while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '?' && s[i] != '(' &&
             s[i] != ')' && s[i] != '|' && s[i] != '~' && s[i] != '@' && s[i] != '\'') {
        ++i;
      }
      e.phrases.push_back(std::string(s.substr(j, i - j)));
    }
    optional_mark(&e);
    e.gap = gap;
    gap = 0;
    gap_pending = false;
    out->push_back(std::move(e));
  }
  if (gap_pending) return "a shape cannot end with a gap";
  if (out->empty()) return "an empty shape";
  if (out->front().optional || out->back().optional) {
    return "the first and last elements of a shape cannot be optional";
  }
  if (out->front().gap > 0) {
    if (!shape->anchored) return "a shape cannot start with a gap (except after '^')";
    shape->anchor_gap = out->front().gap;
    out->front().gap = 0;
  }
  return "";
}

void SetBit(std::vector<std::uint64_t>* bits, int tag) {
  (*bits)[static_cast<std::size_t>(tag) / 64] |= std::uint64_t{1} << (tag % 64);
}

bool HasBit(const std::vector<std::uint64_t>& bits, int tag) {
  return (bits[static_cast<std::size_t>(tag) / 64] >> (tag % 64)) & 1u;
}

}  // namespace

Result<std::unique_ptr<const ShapeMatcher>> ShapeMatcher::Build(const std::vector<Rule>& rules,
                                                                const Lexicon& lexicon) {
  std::unique_ptr<ShapeMatcher> m(new ShapeMatcher());
  m->lexicon_ = &lexicon;
  const auto& classes = lexicon.classes();
  auto add_tag = [&](std::int32_t term, int tag) {
    if (term < 0) return;
    if (m->term_tags_.size() <= static_cast<std::size_t>(term)) {
      m->term_tags_.resize(static_cast<std::size_t>(term) + 1);
    }
    auto& tags = m->term_tags_[static_cast<std::size_t>(term)];
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  };
  for (std::size_t c = 0; c < classes.size(); ++c) {
    for (const std::string& form : classes[c].forms) {
      add_tag(m->scanner_.AddTerm(form), static_cast<int>(c));
    }
  }
  int tags = static_cast<int>(classes.size());
  std::map<std::string, int> literal_tags;  // normalised phrase -> tag
  std::vector<std::pair<int, ParsedShape>> parsed;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    for (const std::string& text : rules[r].shapes) {
      ParsedShape ps;
      std::string problem = ParseShape(text, &ps);
      std::vector<ParsedElement>& elements = ps.elements;
      const SourceLoc& at = rules[r].loc;
      if (!problem.empty()) {
        return Error{at.file, at.line, at.column,
                     "rule '" + rules[r].id + "': shape '" + text + "': " + problem};
      }
      for (ParsedElement& e : elements) {
        for (const std::string& name : e.classes) {
          if (lexicon.Matching(name).empty()) {
            return Error{at.file, at.line, at.column,
                         "rule '" + rules[r].id + "': shape '" + text + "': no lexicon class '" +
                             name + "' (rules/lexicons/README.md)"};
          }
        }
        for (const std::string& p : e.phrases) {
          std::string norm = NormalizeLexiconText(p);
          auto [it, inserted] = literal_tags.emplace(norm, tags);
          if (inserted) {
            add_tag(m->scanner_.AddTerm(norm), tags);
            ++tags;
          }
        }
      }
      parsed.emplace_back(static_cast<int>(r), std::move(ps));
    }
  }
  m->tag_count_ = tags;
  m->term_tags_.resize(m->scanner_.term_count());
  m->serious_tag_.assign(static_cast<std::size_t>(tags), 0);
  m->strength_tag_.assign(static_cast<std::size_t>(tags), 0);
  for (std::size_t c = 0; c < classes.size(); ++c) {
    m->serious_tag_[c] = classes[c].serious() ? 1 : 0;
    if (classes[c].name.rfind("predicate", 0) == 0) m->strength_tag_[c] = classes[c].strength();
  }
  const std::size_t words = (static_cast<std::size_t>(tags) + 63) / 64;
  m->shapes_by_first_tag_.assign(static_cast<std::size_t>(tags), {});
  for (auto& [rule, ps] : parsed) {
    Shape shape;
    shape.rule = rule;
    shape.anchored = ps.anchored;
    shape.anchor_gap = ps.anchor_gap;
    for (const ParsedElement& pe : ps.elements) {
      Element e;
      e.tags.assign(words, 0);
      e.optional = pe.optional;
      e.gap = pe.gap;
      for (const std::string& name : pe.classes) {
        for (const LexiconClass* c : lexicon.Matching(name)) {
          SetBit(&e.tags, static_cast<int>(c - classes.data()));
        }
      }
      for (const std::string& p : pe.phrases) SetBit(&e.tags, literal_tags[NormalizeLexiconText(p)]);
      shape.elements.push_back(std::move(e));
    }
    int index = static_cast<int>(m->shapes_.size());
    for (int t = 0; t < tags; ++t) {
      if (HasBit(shape.elements.front().tags, t)) {
        m->shapes_by_first_tag_[static_cast<std::size_t>(t)].push_back(index);
      }
    }
    m->shapes_.push_back(std::move(shape));
  }
  return std::unique_ptr<const ShapeMatcher>(std::move(m));
}

void ShapeMatcher::Scan(std::string_view text, ScannedText* out) const {
  scanner_.Tokenize(text, &out->tokens);
  scanner_.Scan(out->tokens, &out->hits);
}

bool ShapeMatcher::Accepts(const Element& e, std::int32_t term) const {
  for (std::int32_t tag : term_tags_[static_cast<std::size_t>(term)]) {
    if (HasBit(e.tags, tag)) return true;
  }
  return false;
}

std::uint32_t ShapeMatcher::MatchRest(const Shape& shape, std::size_t k, std::uint32_t from,
                                      const ScannedText& s,
                                      const std::vector<std::vector<std::uint32_t>>& hits_at) const {
  if (k == shape.elements.size()) return from;
  const Element& e = shape.elements[k];
  const auto n = static_cast<std::uint32_t>(s.tokens.size());
  for (std::uint32_t t = from; t < n && t <= from + static_cast<std::uint32_t>(e.gap); ++t) {
    if (s.tokens[t].clause_break) break;
    for (std::uint32_t h : hits_at[t]) {
      const TermHit& hit = s.hits[h];
      if (!Accepts(e, hit.term)) continue;
      if (std::uint32_t end = MatchRest(shape, k + 1, hit.end, s, hits_at)) return end;
    }
  }
  if (e.optional) return MatchRest(shape, k + 1, from, s, hits_at);
  return 0;
}

void ShapeMatcher::Match(const ScannedText& s, std::vector<ShapeMatch>* out) const {
  out->clear();
  if (shapes_.empty() || s.hits.empty()) return;
  thread_local std::vector<std::vector<std::uint32_t>> hits_at;
  thread_local std::vector<std::uint32_t> tried;  // per shape: last start token + 1
  hits_at.assign(s.tokens.size(), {});
  // Longest hits first at each token, so that an element takes "heart
  // disease" before "heart".
  for (std::size_t h = s.hits.size(); h-- > 0;) {
    hits_at[s.hits[h].first].push_back(static_cast<std::uint32_t>(h));
  }
  tried.assign(shapes_.size(), 0);
  struct Candidate {
    int rule;
    std::uint32_t first, end;
  };
  thread_local std::vector<Candidate> found;
  found.clear();
  for (const TermHit& hit : s.hits) {
    for (std::int32_t tag : term_tags_[static_cast<std::size_t>(hit.term)]) {
      for (int si : shapes_by_first_tag_[static_cast<std::size_t>(tag)]) {
        if (tried[static_cast<std::size_t>(si)] == hit.first + 1) continue;
        const Shape& shape = shapes_[static_cast<std::size_t>(si)];
        if (shape.anchored && hit.first > static_cast<std::uint32_t>(shape.anchor_gap)) continue;
        // Every hit that starts here is tried by MatchRest via element 0.
        tried[static_cast<std::size_t>(si)] = hit.first + 1;
        std::uint32_t end = 0;
        for (std::uint32_t h : hits_at[hit.first]) {
          if (!Accepts(shape.elements[0], s.hits[h].term)) continue;
          end = MatchRest(shape, 1, s.hits[h].end, s, hits_at);
          if (end) break;
        }
        if (end) found.push_back({shape.rule, hit.first, end});
      }
    }
  }
  // Per rule: leftmost, then longest, non-overlapping.
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.first != b.first) return a.first < b.first;
    return a.end > b.end;
  });
  int last_rule = -1;
  std::uint32_t last_end = 0;
  for (const Candidate& c : found) {
    if (c.rule == last_rule && c.first < last_end) continue;
    last_rule = c.rule;
    last_end = c.end;
    ShapeMatch m;
    m.rule = c.rule;
    m.begin = s.tokens[c.first].begin;
    m.end = s.tokens[c.end - 1].end;
    bool predicate_seen = false;
    for (const TermHit& h : s.hits) {
      if (h.first < c.first || h.end > c.end) continue;
      for (std::int32_t tag : term_tags_[static_cast<std::size_t>(h.term)]) {
        if (serious_tag_[static_cast<std::size_t>(tag)]) m.serious = true;
        int strength = strength_tag_[static_cast<std::size_t>(tag)];
        if (strength > 0 && !predicate_seen) {
          predicate_seen = true;
          m.finite_predicate = s.tokens[h.first].s_form;
          m.predicate_begin = s.tokens[h.first].begin;
        }
        m.strength = std::max(m.strength, strength);
      }
    }
    out->push_back(m);
  }
  std::sort(out->begin(), out->end(), [](const ShapeMatch& a, const ShapeMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
  });
}

}  // namespace claimlint
