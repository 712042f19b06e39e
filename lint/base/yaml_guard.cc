#include "lint/base/yaml_guard.h"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "lint/base/limits.h"

namespace claimlint {
namespace {

// Walks the events with a stack of open collections. Each node counts one;
// an alias counts the size of what it names. A mapping alternates key and
// value: scalar keys are compared for repeats.
class Guard : public YAML::EventHandler {
 public:
  Guard(const std::string& file, const YamlGuardOptions& o)
      : file_(file),
        duplicates_(o.reject_duplicate_keys),
        max_alias_(o.max_alias_nodes ? o.max_alias_nodes : limits::kYamlAliasNodes) {}

  std::optional<Error> error;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Leaf(mark, anchor, nullptr);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    Leaf(mark, anchor, &value);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (error) return;
    auto it = sizes_.find(anchor);
    Size size = it == sizes_.end() ? Size{1, 0} : it->second;
    alias_nodes_ += size.nodes;
    alias_bytes_ += size.bytes;
    if (alias_nodes_ > max_alias_) {
      Fail(mark, "YAML aliases here expand the document by more than " +
                     std::to_string(max_alias_) + " nodes (the limit; see docs/limits.md)");
      return;
    }
    // A few aliases of one long string are as costly as many nodes.
    if (alias_bytes_ > limits::kYamlAliasBytes) {
      Fail(mark, "YAML aliases here repeat more than " +
                     std::to_string(limits::kYamlAliasBytes >> 20) +
                     " MiB of text (the limit; see docs/limits.md)");
      return;
    }
    nodes_ += size.nodes;
    bytes_ += size.bytes;
    Child(mark, nullptr);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, anchor, false);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, anchor, true);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapEnd() override { Close(); }

 private:
  struct Frame {
    bool map = false;
    bool at_key = true;  // maps: the next child is a key
    YAML::anchor_t anchor = 0;
    std::size_t first_node = 0;
    std::size_t first_byte = 0;
    YAML::Mark mark;
    std::map<std::string, int> keys;  // scalar key -> line (1-based)
  };

  void Fail(const YAML::Mark& mark, std::string message) {
    if (error) return;
    error = Error{file_, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0,
                  std::move(message)};
  }

  // A finished child of the innermost collection (`key` when it is a scalar).
  void Child(const YAML::Mark& mark, const std::string* scalar) {
    if (stack_.empty()) return;
    Frame& f = stack_.back();
    if (!f.map) return;
    if (f.at_key && duplicates_ && scalar) {
      auto [it, fresh] = f.keys.emplace(*scalar, mark.line + 1);
      if (!fresh) {
        Fail(mark,
             "duplicate key '" + *scalar + "' (first on line " + std::to_string(it->second) + ")");
      }
    }
    f.at_key = !f.at_key;
  }

  void Leaf(const YAML::Mark& mark, YAML::anchor_t anchor, const std::string* value) {
    if (error) return;
    ++nodes_;
    std::size_t bytes = value ? value->size() : 0;
    bytes_ += bytes;
    if (anchor) sizes_[anchor] = Size{1, bytes};
    Child(mark, value);
  }

  void Open(const YAML::Mark& mark, YAML::anchor_t anchor, bool map) {
    if (error) return;
    ++nodes_;
    Frame f;
    f.map = map;
    f.anchor = anchor;
    f.first_node = nodes_;
    f.first_byte = bytes_;
    f.mark = mark;
    stack_.push_back(std::move(f));
  }

  void Close() {
    if (error || stack_.empty()) return;
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.anchor) sizes_[f.anchor] = Size{nodes_ - f.first_node + 1, bytes_ - f.first_byte};
    Child(f.mark, nullptr);
  }

  std::string file_;
  bool duplicates_;
  std::size_t max_alias_;
  // What an anchored node holds: its nodes and the bytes of its scalars.
  struct Size {
    std::size_t nodes = 0;
    std::size_t bytes = 0;
  };
  std::size_t nodes_ = 0, alias_nodes_ = 0;
  std::size_t bytes_ = 0, alias_bytes_ = 0;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, Size> sizes_;
};

}  // namespace

Status CheckYamlDocument(std::string_view yaml, const std::string& filename,
                         const YamlGuardOptions& options) {
  std::istringstream in{std::string(yaml)};
  Guard guard(filename, options);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(guard);
  } catch (const YAML::Exception&) {
    // A syntax error: the loader reports it at its place. What was seen up
    // to it still counts.
  }
  if (guard.error) return *guard.error;
  return {};
}

}  // namespace claimlint
