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
  bool opens_span = false, closes_span = false;  // '{' before it, '}' after it
};

// The shape string's own structure, beside its elements.
struct ParsedShape {
  std::vector<ParsedElement> elements;
  bool anchored = false;  // starts with '^': the first element opens the sentence
  int anchor_gap = 0;     // words that may come first ("^ ~2 @predicate")
  bool span_opened = false, span_closed = false;  // '{' ... '}': the words reported
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
  bool open_pending = false;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '{') {
      if (open_pending || shape->span_opened) return "one '{' per shape";
      open_pending = true;
      shape->span_opened = true;
      ++i;
      continue;
    }
    if (c == '}') {
      if (out->empty() || !shape->span_opened || shape->span_closed) return "'}' without '{'";
      out->back().closes_span = true;
      shape->span_closed = true;
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
      if (i < s.size() && s[i] == '!') {  // the class alone, not its subclasses
        name += '!';
        ++i;
      }
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
        // 'quoted phrase' inside alternatives: drop the quotes, keep inner
        // apostrophes ("hasn't").
        while (!alt.empty() && (alt.front() == ' ' || alt.front() == '\'')) alt.erase(0, 1);
        while (!alt.empty() && (alt.back() == ' ' || alt.back() == '\'')) alt.pop_back();
        std::string trimmed = NormalizeLexiconText(alt);
        if (trimmed.empty()) return "an empty alternative in '(...)'";
        if (trimmed[0] == '@') {
          std::string name(alt);
          name.erase(0, name.find('@') + 1);
          while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
          std::string bare =
              !name.empty() && name.back() == '!' ? name.substr(0, name.size() - 1) : name;
          if (bare.empty() || !std::all_of(bare.begin(), bare.end(), IsNameChar)) {
            return "a bad class name '@" + name + "' in '(...)'";
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
      auto inner_apostrophe = [&](std::size_t k) {
        return s[k] == '\'' && k > j && k + 1 < s.size() && s[k + 1] != ' ' && s[k + 1] != '\'';
      };
      while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '?' && s[i] != '(' &&
             s[i] != ')' && s[i] != '|' && s[i] != '~' && s[i] != '@' &&
             (s[i] != '\'' || inner_apostrophe(i)) && s[i] != '{' && s[i] != '}') {
        ++i;
      }
      e.phrases.push_back(std::string(s.substr(j, i - j)));
    }
    optional_mark(&e);
    e.opens_span = open_pending;
    open_pending = false;
    e.gap = gap;
    gap = 0;
    gap_pending = false;
    out->push_back(std::move(e));
  }
  if (gap_pending) return "a shape cannot end with a gap";
  if (out->empty()) return "an empty shape";
  if (shape->span_opened != shape->span_closed) return "'{' without '}'";
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

// The classes a reference names: "name" and its subclasses, or "name!" alone.
std::vector<const LexiconClass*> Resolve(const Lexicon& lexicon, const std::string& ref) {
  if (!ref.empty() && ref.back() == '!') {
    const LexiconClass* c = lexicon.Find(ref.substr(0, ref.size() - 1));
    return c ? std::vector<const LexiconClass*>{c} : std::vector<const LexiconClass*>{};
  }
  return lexicon.Matching(ref);
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
          if (Resolve(lexicon, name).empty()) {
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
        for (const LexiconClass* c : Resolve(lexicon, name)) {
          SetBit(&e.tags, static_cast<int>(c - classes.data()));
        }
      }
      for (const std::string& p : pe.phrases)
        SetBit(&e.tags, literal_tags[NormalizeLexiconText(p)]);
      if (pe.opens_span) shape.span_first = static_cast<int>(shape.elements.size());
      if (pe.closes_span) shape.span_last = static_cast<int>(shape.elements.size());
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

bool ShapeMatcher::MentionsSerious(const ScannedText& scanned) const {
  for (const TermHit& h : scanned.hits) {
    for (std::int32_t tag : term_tags_[static_cast<std::size_t>(h.term)]) {
      if (serious_tag_[static_cast<std::size_t>(tag)]) return true;
    }
  }
  return false;
}

bool ShapeMatcher::Accepts(const Element& e, std::int32_t term) const {
  for (std::int32_t tag : term_tags_[static_cast<std::size_t>(term)]) {
    if (HasBit(e.tags, tag)) return true;
  }
  return false;
}

std::uint32_t ShapeMatcher::MatchRest(const Shape& shape, std::size_t k, std::uint32_t from,
                                      const ScannedText& s,
                                      const std::vector<std::vector<std::uint32_t>>& hits_at,
                                      std::vector<std::pair<std::uint32_t, std::uint32_t>>* spans,
                                      std::uint32_t carried_gap) const {
  if (k == shape.elements.size()) return from;
  const Element& e = shape.elements[k];
  const auto n = static_cast<std::uint32_t>(s.tokens.size());
  for (std::uint32_t t = from; t < n && t <= from + carried_gap + static_cast<std::uint32_t>(e.gap);
       ++t) {
    if (s.tokens[t].clause_break) break;
    for (std::uint32_t h : hits_at[t]) {
      const TermHit& hit = s.hits[h];
      if (!Accepts(e, hit.term)) continue;
      if (std::uint32_t end = MatchRest(shape, k + 1, hit.end, s, hits_at, spans, 0)) {
        (*spans)[k] = {hit.first, hit.end};
        return end;
      }
    }
  }
  if (e.optional) {
    // A skipped element leaves its gap to the next one: in "A ~2 B? C",
    // C may come up to two words after A.
    if (std::uint32_t end = MatchRest(shape, k + 1, from, s, hits_at, spans,
                                      carried_gap + static_cast<std::uint32_t>(e.gap))) {
      (*spans)[k] = {from, from};  // absent
      return end;
    }
  }
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
    std::uint32_t first, end;            // the whole match, in tokens
    std::uint32_t span_first, span_end;  // the words reported ('{' ... '}')
  };
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
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
        spans.assign(shape.elements.size(), {0, 0});
        for (std::uint32_t h : hits_at[hit.first]) {
          if (!Accepts(shape.elements[0], s.hits[h].term)) continue;
          end = MatchRest(shape, 1, s.hits[h].end, s, hits_at, &spans, 0);
          if (end) {
            spans[0] = {s.hits[h].first, s.hits[h].end};
            break;
          }
        }
        if (!end) continue;
        std::uint32_t sf = hit.first, se = end;
        if (shape.span_first >= 0) {
          sf = spans[static_cast<std::size_t>(shape.span_first)].first;
          se = spans[static_cast<std::size_t>(shape.span_last)].second;
          if (se <= sf) {  // only absent elements inside the braces
            sf = hit.first;
            se = end;
          }
        }
        found.push_back({shape.rule, hit.first, end, sf, se});
      }
    }
  }
  // Per rule and end, the shortest span: in "detox and flushes toxins" the
  // predicate nearest the target is the claim.
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.span_end != b.span_end) return a.span_end < b.span_end;
    return a.span_first > b.span_first;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Candidate& a, const Candidate& b) {
                            return a.rule == b.rule && a.span_end == b.span_end;
                          }),
              found.end());
  // Per rule: leftmost, then longest, non-overlapping reported spans.
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.span_first != b.span_first) return a.span_first < b.span_first;
    return a.span_end > b.span_end;
  });
  int last_rule = -1;
  std::uint32_t last_end = 0;
  for (const Candidate& c : found) {
    if (c.rule == last_rule && c.span_first < last_end) continue;
    last_rule = c.rule;
    last_end = c.span_end;
    ShapeMatch m;
    m.rule = c.rule;
    m.begin = s.tokens[c.span_first].begin;
    m.end = s.tokens[c.span_end - 1].end;
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
