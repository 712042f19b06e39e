#include "lint/lsp/lint_adapter.h"

#include <re2/re2.h>

#include <filesystem>
#include <map>
#include <set>

#include "lint/base/utf8.h"
#include "lint/config/config.h"
#include "lint/engine/linter.h"
#include "lint/engine/profiles.h"
#include "lint/rules/pack_loader.h"

namespace claimlint::lsp {
namespace fs = std::filesystem;

struct LintAdapter::State {
  EngineOptions options;  // the command line's defaults: configs are found per file
  std::unique_ptr<Profiles> profiles;
  std::string profiles_error;
  ConfigFinder finder;
  std::map<std::string, std::unique_ptr<RE2>> word_patterns;

  Profiles* GetProfiles() {
    if (!profiles && profiles_error.empty()) {
      auto created = Profiles::Create(options);
      if (created.ok()) {
        profiles = std::move(created.value());
      } else {
        profiles_error = created.error().ToString();
      }
    }
    return profiles.get();
  }

  const RE2& Words(const std::string& pattern, bool case_sensitive) {
    std::string key = (case_sensitive ? "1" : "0") + pattern;
    auto& re = word_patterns[key];
    if (!re) {
      RE2::Options o;
      o.set_log_errors(false);
      o.set_case_sensitive(case_sensitive);
      re = std::make_unique<RE2>(pattern, o);
    }
    return *re;
  }
};

namespace {

bool IsHttpUrl(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

// Maps offsets in the engine's sanitized text back to the buffer: the
// sanitizer drops a leading BOM and turns each invalid byte into U+FFFD (3
// bytes). Editors send valid UTF-8, so usually only the BOM shifts offsets.
class OffsetMap {
 public:
  OffsetMap(std::string_view buffer, std::size_t sanitized_size) : buffer_(buffer) {
    if (buffer_.substr(0, 3) == "\xEF\xBB\xBF") bom_ = 3;
    exact_ = sanitized_size == buffer_.size() - bom_;
  }

  std::size_t ToBuffer(std::size_t offset) const {
    if (exact_) return std::min(offset + bom_, buffer_.size());
    std::size_t b = bom_, s = 0;
    while (b < buffer_.size() && s < offset) {
      std::size_t len = ValidSequenceLength(buffer_, b);
      s += len == 0 ? 3 : len;
      b += len == 0 ? 1 : len;
    }
    return b;
  }

 private:
  std::string_view buffer_;
  std::size_t bom_ = 0;
  bool exact_ = true;
};

char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

LintAdapter::LintAdapter() : state_(std::make_unique<State>()) {}
LintAdapter::~LintAdapter() = default;

BufferLint LintAdapter::LintBuffer(const std::string& path, std::string_view text, bool markdown) {
  BufferLint out;
  Profiles* profiles = state_->GetProfiles();
  if (!profiles) {
    out.error = state_->profiles_error;
    return out;
  }
  auto profile = profiles->For(path);
  if (!profile.ok()) {
    out.error = profile.error().ToString();
    return out;
  }
  const Profile& p = *profile.value();
  out.config_path = p.config.path;
  if (!p.config.Covers(path)) {
    out.covered = false;
    return out;
  }
  // The engine's pipeline, as the command line runs it.
  Document doc = ParseDocument(path, text, markdown);
  std::vector<Finding> findings = p.linter->LintDocument(doc).findings;

  OffsetMap map(text, doc.text.size());
  const RuleSet& rules = *p.rules;
  for (Finding& f : findings) {
    BufferFinding bf;
    int ri = rules.Find(f.rule);
    const Rule* rule = ri >= 0 ? &rules.rules()[ri] : nullptr;
    if (rule) {
      bf.why = rule->why;
      if (IsHttpUrl(rule->url)) bf.url = rule->url;
    }
    bf.suppressible = f.category != Category::kInput && f.category != Category::kMeta;
    // The literal fix of a `replace:` rule, on the matched source text.
    if (rule && rule->has_replace && !f.has_replacement && f.end > f.begin &&
        f.end <= doc.text.size()) {
      std::string_view matched = std::string_view(doc.text).substr(f.begin, f.end - f.begin);
      std::size_t rb = 0, re = matched.size();
      bool found = true;
      if (!rule->replace_words.empty()) {
        const RE2& words = state_->Words(rule->replace_words, rule->case_sensitive);
        re2::StringPiece hit;
        found = words.ok() && words.Match(matched, 0, matched.size(), RE2::UNANCHORED, &hit, 1) &&
                !hit.empty();
        if (found) {
          rb = static_cast<std::size_t>(hit.data() - matched.data());
          re = rb + hit.size();
        }
      }
      if (found) {
        f.has_replacement = true;
        f.replacement = rule->replace;
        // "Non-invasive acupuncture" becomes "Minimally invasive acupuncture".
        char first = matched[rb];
        if (first >= 'A' && first <= 'Z' && !f.replacement.empty()) {
          f.replacement[0] = AsciiUpper(f.replacement[0]);
        }
        f.replace_begin = f.begin + rb;
        f.replace_end = f.begin + re;
      }
    }
    f.begin = map.ToBuffer(f.begin);
    f.end = map.ToBuffer(f.end);
    if (f.has_replacement) {
      f.replace_begin = map.ToBuffer(f.replace_begin);
      f.replace_end = map.ToBuffer(f.replace_end);
    }
    bf.finding = std::move(f);
    out.findings.push_back(std::move(bf));
  }
  return out;
}

std::string LintAdapter::NearestConfig(const std::string& path) {
  fs::path dir = fs::path(path).parent_path();
  return state_->finder.Find(dir.empty() ? "." : dir.string());
}

std::string LintAdapter::NewConfigPath(const std::string& path, const std::string& workspace_root) {
  fs::path dir = fs::path(path).parent_path();
  std::error_code ec;
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / ".git", ec)) return (d / kConfigNames[0]).string();
    if (d == d.parent_path()) break;
  }
  if (!workspace_root.empty()) {
    fs::path rel = fs::path(path).lexically_relative(workspace_root);
    if (!rel.empty() && *rel.begin() != "..") {
      return (fs::path(workspace_root) / kConfigNames[0]).string();
    }
  }
  return (dir / kConfigNames[0]).string();
}

bool LintAdapter::ConfigIsValid(std::string_view yaml, const std::string& path,
                                std::string* error) {
  auto config = ParseConfig(yaml, path);
  if (!config.ok()) {
    *error = config.error().ToString();
    return false;
  }
  // Rule ids must exist and packs resolve, as when the config is loaded for real.
  if (Status st = CheckConfig(config.value()); !st.ok()) {
    *error = st.error().ToString();
    return false;
  }
  return true;
}

std::vector<std::string> LintAdapter::Dependencies() const {
  std::set<std::string> files;
  if (state_->profiles) {
    for (const auto& p : state_->profiles->all()) {
      if (!p->config.path.empty()) files.insert(p->config.path);
      for (const std::string& r : p->config.references) files.insert(r);
      for (const std::string& r : p->config.rule_files) files.insert(r);
    }
  }
  return {files.begin(), files.end()};
}

void LintAdapter::Reload() {
  state_->profiles.reset();
  state_->profiles_error.clear();
  state_->finder = ConfigFinder();
}

}  // namespace claimlint::lsp
