#include "lint/document/front_matter_yaml.h"

#include <yaml-cpp/yaml.h>

#include <string>

#include "lint/base/utf8.h"
#include "lint/base/yaml_guard.h"

namespace claimlint {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t LineEnd(std::string_view text, std::size_t from, std::size_t limit) {
  std::size_t e = from;
  while (e < limit && text[e] != '\n') ++e;
  if (e > from && text[e - 1] == '\r') --e;
  return e;
}

class YamlConverter {
 public:
  YamlConverter(std::string_view text, std::size_t base, std::size_t limit)
      : text_(text), base_(base), limit_(limit) {}

  bool Convert(const YAML::Node& node, FmValue* v, int depth) {
    if (depth >= kMaxFrontMatterDepth) {
      error_ = FmError{"values are nested too deeply", At(node)};
      return false;
    }
    v->begin = v->end = At(node);
    if (node.IsMap()) {
      v->kind = FmValue::Kind::kTable;
      for (const auto& kv : node) {
        FmMember m;
        m.key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
        m.line_begin = At(kv.first);
        m.line_end = LineEnd(text_, m.line_begin, limit_);
        if (!Convert(kv.second, &m.value, depth + 1)) return false;
        v->members.push_back(std::move(m));
      }
    } else if (node.IsSequence()) {
      v->kind = FmValue::Kind::kArray;
      for (const auto& item : node) {
        FmValue child;
        if (!Convert(item, &child, depth + 1)) return false;
        v->items.push_back(std::move(child));
      }
    } else if (node.IsScalar()) {
      v->kind = FmValue::Kind::kString;
      v->text = node.Scalar();
      Locate(v);
    }
    return true;
  }

  const std::optional<FmError>& error() const { return error_; }

 private:
  std::size_t At(const YAML::Node& node) const {
    YAML::Mark mark = node.Mark();
    if (mark.pos < 0) return base_;
    return std::min(base_ + static_cast<std::size_t>(mark.pos), limit_);
  }

  // Finds where a scalar's text is written and maps it there.
  void Locate(FmValue* v) {
    std::size_t p = v->begin;
    if (p >= limit_ || v->text.empty()) return;
    char c = text_[p];
    if (c == '"' || c == '\'') {
      ++p;
    } else if (c == '|' || c == '>') {
      p = LineEnd(text_, p, limit_);
      while (p < limit_ && (text_[p] == '\n' || text_[p] == '\r')) ++p;
    }
    if (AlignScalar(text_, p, limit_, v->text, &v->map)) {
      const TextSegment& last = v->map.segments().back();
      v->end = last.src + last.src_len;
      if (v->end < limit_ && (text_[v->end] == '"' || text_[v->end] == '\'')) ++v->end;
    } else {
      // Anchors, tags and other forms: the value's first line, as a whole.
      v->map = TextMap();
      std::size_t e = LineEnd(text_, v->begin, limit_);
      if (e > v->begin) {
        v->map.Add(0, static_cast<uint32_t>(v->text.size()), static_cast<uint32_t>(v->begin),
                   static_cast<uint32_t>(e - v->begin));
        v->end = e;
      }
    }
  }

  std::string_view text_;
  std::size_t base_, limit_;
  std::optional<FmError> error_;
};

}  // namespace

bool AlignScalar(std::string_view text, std::size_t start, std::size_t limit,
                 std::string_view decoded, TextMap* map) {
  *map = TextMap();
  std::size_t i = start, j = 0;
  auto add = [&](std::size_t plain, std::size_t plain_len, std::size_t src, std::size_t src_len) {
    if (plain_len == 0) return;  // stripped bytes map to nothing
    map->Add(static_cast<uint32_t>(plain), static_cast<uint32_t>(plain_len),
             static_cast<uint32_t>(src), static_cast<uint32_t>(src_len));
  };
  while (j < decoded.size()) {
    if (i >= limit) {
      *map = TextMap();
      return false;
    }
    char s = text[i], d = decoded[j];
    bool line_start = i == start || text[i - 1] == '\n';
    if (IsBlank(s) && (IsBlank(d) || s == '\n' || s == '\r' || line_start)) {
      // A run of blanks and breaks against a run of blanks, or against
      // nothing (indentation YAML strips, a break it drops).
      std::size_t i2 = i, j2 = j;
      while (i2 < limit && IsBlank(text[i2])) ++i2;
      while (j2 < decoded.size() && IsBlank(decoded[j2])) ++j2;
      add(j, j2 - j, i, i2 - i);
      i = i2;
      j = j2;
      continue;
    }
    if (s == '\'' && i + 1 < limit && text[i + 1] == '\'' && d == '\'') {
      add(j, 1, i, 2);  // '' in a single-quoted scalar is one quote
      i += 2;
      ++j;
      continue;
    }
    if (s == d) {
      add(j, 1, i, 1);
      ++i;
      ++j;
      continue;
    }
    if (s == '\\' && i + 1 < limit) {
      // A double-quoted escape: \n, \", \xHH, \uHHHH, \UHHHHHHHH, or an
      // escaped line break.
      char e = text[i + 1];
      std::size_t len = e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2;
      std::size_t cp = ValidSequenceLength(decoded, j);
      if (cp == 0) cp = 1;
      add(j, cp, i, std::min(len, limit - i));
      i += len;
      j += cp;
      continue;
    }
    *map = TextMap();
    return false;
  }
  return !map->segments().empty();
}

std::optional<FmError> ReadYaml(std::string_view text, std::size_t begin, std::size_t end,
                                FmValue* root) {
  std::string body(text.substr(begin, end - begin));
  // Bounded before yaml-cpp sees it: what its aliases would add to the walk.
  YamlGuardOptions guard;
  guard.reject_duplicate_keys = false;
  if (Status st = CheckYamlDocument(body, "front matter", guard); !st.ok()) {
    std::size_t at = begin;
    for (int line = 1; line < st.error().line && at < end; ++line) {
      at = LineEnd(text, at, end);
      if (at < end && text[at] == '\r') ++at;
      if (at < end && text[at] == '\n') ++at;
    }
    return FmError{"front matter not read: " + st.error().message, at};
  }
  try {
    YAML::Node data = YAML::Load(body);
    YamlConverter converter(text, begin, end);
    if (!converter.Convert(data, root, 0)) return converter.error();
  } catch (const YAML::Exception& e) {
    std::size_t at = begin;
    if (e.mark.pos >= 0) {
      at = std::min(begin + static_cast<std::size_t>(e.mark.pos), end);
    } else if (e.mark.line > 0) {
      for (int line = 0; line < e.mark.line && at < end; ++line) {
        at = LineEnd(text, at, end);
        while (at < end && (text[at] == '\r' || text[at] == '\n')) {
          bool crlf = text[at] == '\r' && at + 1 < end && text[at + 1] == '\n';
          at += crlf ? 2 : 1;
          break;
        }
      }
    }
    return FmError{"front matter is not valid YAML: " + e.msg, at};
  }
  return std::nullopt;
}

}  // namespace claimlint
