#include "lint/lsp/config_edit.h"

#include <algorithm>
#include <vector>

namespace claimlint::lsp {
namespace {

struct Line {
  std::size_t begin = 0;  // offset of the first byte
  std::size_t end = 0;    // offset of the terminator (or the text's end)
  std::size_t next = 0;   // offset of the next line
};

std::vector<Line> SplitLines(std::string_view s) {
  std::vector<Line> lines;
  std::size_t i = 0;
  while (i < s.size()) {
    Line l;
    l.begin = i;
    std::size_t nl = s.find_first_of("\r\n", i);
    if (nl == std::string_view::npos) {
      l.end = l.next = s.size();
    } else {
      l.end = nl;
      l.next = nl + ((s[nl] == '\r' && nl + 1 < s.size() && s[nl + 1] == '\n') ? 2 : 1);
    }
    lines.push_back(l);
    i = l.next;
  }
  return lines;
}

std::string_view Newline(std::string_view s) {
  std::size_t nl = s.find_first_of("\r\n");
  if (nl == std::string_view::npos) return "\n";
  if (s[nl] == '\r') return nl + 1 < s.size() && s[nl + 1] == '\n' ? "\r\n" : "\r";
  return "\n";
}

std::size_t Indent(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

bool BlankOrComment(std::string_view line) {
  std::size_t n = line.find_first_not_of(" \t");
  return n == std::string_view::npos || line[n] == '#';
}

// The value after "key:" with a trailing comment and spaces removed.
std::string_view ValueAfterColon(std::string_view line, std::size_t colon) {
  std::string_view v = line.substr(colon + 1);
  std::size_t hash = v.find(" #");
  if (!v.empty() && v[0] == '#') hash = 0;
  if (hash != std::string_view::npos) v = v.substr(0, hash);
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

// A rule id as a YAML key: plain when it is only letters, digits, '.', '-'
// and '_'; double-quoted otherwise (globs such as "claim.*").
std::string Key(std::string_view rule) {
  bool plain = !rule.empty() && std::all_of(rule.begin(), rule.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
  });
  if (plain) return std::string(rule);
  std::string q = "\"";
  for (char c : rule) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

// True when `line` (indented by `indent`) is the entry for `rule`.
bool IsEntryFor(std::string_view line, std::size_t indent, std::string_view rule) {
  std::string_view rest = line.substr(indent);
  for (std::string quote : {std::string(), std::string("\""), std::string("'")}) {
    std::string key = quote + std::string(rule) + quote;
    if (rest.substr(0, key.size()) != key) continue;
    std::string_view after = rest.substr(key.size());
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    if (!after.empty() && after.front() == ':') return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> DisableRuleInConfig(std::string_view yaml, std::string_view rule) {
  const std::string key = Key(rule);
  const std::string nl(Newline(yaml));
  std::vector<Line> lines = SplitLines(yaml);
  std::string out(yaml);
  // The top-level `rules:` key.
  std::size_t at = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = yaml.substr(lines[i].begin, lines[i].end - lines[i].begin);
    std::size_t colon = l.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = l.substr(0, colon);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == "rules" || name == "\"rules\"" || name == "'rules'") {
      at = i;
      break;
    }
  }
  if (at == lines.size()) {
    if (!out.empty() && out.back() != '\n' && out.back() != '\r') out += nl;
    out += "rules:" + nl + "  " + key + ": off" + nl;
    return out;
  }
  const Line& head = lines[at];
  std::string_view head_text = yaml.substr(head.begin, head.end - head.begin);
  std::string_view value = ValueAfterColon(head_text, head_text.find(':'));
  if (!value.empty() && value.front() == '{') {
    if (value.back() != '}') return std::nullopt;  // a flow mapping over several lines
    std::size_t brace = head.begin + head_text.find('{');
    bool empty = value.find_first_not_of(" \t", 1) == value.size() - 1;
    out.insert(brace + 1, key + ": off" + (empty ? "" : ", "));
    return out;
  }
  if (!value.empty() && value != "~" && value != "null") {
    return std::nullopt;  // a scalar or a sequence: not a mapping to add to
  }
  if (!value.empty()) {
    // `rules: null` or `rules: ~`: an empty mapping, written out.
    out.replace(head.begin, head.end - head.begin, "rules:" + nl + "  " + key + ": off");
    return out;
  }
  // A block mapping: the entries are the indented lines below.
  std::size_t indent = 0;
  std::size_t block_end = lines.size();
  for (std::size_t i = at + 1; i < lines.size(); ++i) {
    std::string_view l = yaml.substr(lines[i].begin, lines[i].end - lines[i].begin);
    if (BlankOrComment(l)) continue;
    std::size_t n = Indent(l);
    if (n == 0) {
      block_end = i;
      break;
    }
    if (indent == 0) indent = n;
  }
  if (indent == 0) indent = 2;
  const std::string entry = std::string(indent, ' ') + key + ": off";
  for (std::size_t i = at + 1; i < block_end; ++i) {
    std::string_view l = yaml.substr(lines[i].begin, lines[i].end - lines[i].begin);
    if (BlankOrComment(l) || Indent(l) != indent || !IsEntryFor(l, indent, rule)) continue;
    // Replace the entry and the lines nested under it.
    std::size_t last = i;
    for (std::size_t k = i + 1; k < block_end; ++k) {
      std::string_view m = yaml.substr(lines[k].begin, lines[k].end - lines[k].begin);
      if (BlankOrComment(m)) continue;
      if (Indent(m) <= indent) break;
      last = k;
    }
    out.replace(lines[i].begin, lines[last].end - lines[i].begin, entry);
    return out;
  }
  std::string insert = entry + nl;
  if (head.next == head.end) insert = nl + entry;  // `rules:` is the last line, unterminated
  out.insert(head.next, insert);
  return out;
}

void MinimalEdit(std::string_view before, std::string_view after, std::size_t* begin,
                 std::size_t* end, std::string* text) {
  std::size_t prefix = 0;
  std::size_t limit = std::min(before.size(), after.size());
  while (prefix < limit && before[prefix] == after[prefix]) ++prefix;
  // Never split a UTF-8 sequence: back up to a lead byte.
  while (prefix > 0 && prefix < before.size() &&
         (static_cast<unsigned char>(before[prefix]) & 0xC0) == 0x80) {
    --prefix;
  }
  std::size_t suffix = 0;
  while (suffix < limit - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  while (suffix > 0 && suffix < before.size() &&
         (static_cast<unsigned char>(before[before.size() - suffix]) & 0xC0) == 0x80) {
    --suffix;
  }
  *begin = prefix;
  *end = before.size() - suffix;
  *text = std::string(after.substr(prefix, after.size() - suffix - prefix));
}

}  // namespace claimlint::lsp
