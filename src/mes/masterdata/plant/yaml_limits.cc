// Alias and expansion limits of plant YAML files (see detail/yaml_limits.h).
#include "mes/masterdata/plant/detail/yaml_limits.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <sstream>
#include <vector>

namespace ordo::masterdata::plant::detail {

namespace {

constexpr std::size_t kNodeBytes = 8;  // what one node costs beyond its scalar text

// Thrown from inside the event handler to stop the parser at the first exceeded limit.
struct LimitExceeded {
  FileError error;
};

std::string Bytes(std::size_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= 1024 && n % 1024 == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

// Sizes every node with its aliases expanded; collections are frames on a stack.
class Measure : public YAML::EventHandler {
 public:
  Measure(const PlantFile& file, const YamlLimits& limits, std::size_t budget)
      : file_(file), limits_(limits), budget_(budget) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Leaf(mark, anchor, kNodeBytes);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    ++result_.aliases;
    if (result_.aliases > limits_.max_aliases)
      Stop(mark, "yaml_alias_limit",
           "uses more than " + std::to_string(limits_.max_aliases) +
               " YAML aliases (*name); the limit is " + std::to_string(limits_.max_aliases) +
               " per file");
    auto size = anchors_.find(anchor);
    if (size == anchors_.end())
      Stop(mark, "yaml_alias_limit",
           "a YAML alias is used inside the node it refers to; the document would be infinite");
    Add(mark, size->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    Leaf(mark, anchor, kNodeBytes + value.size());
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnMapEnd() override { Close(); }

  const YamlExpansion& result() const { return result_; }

 private:
  struct Frame {
    YAML::anchor_t anchor;
    std::size_t bytes;  // of the contents, aliases expanded
  };

  void Open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    Add(mark, kNodeBytes);  // the collection node itself, in its parent
    frames_.push_back({anchor, 0});
  }

  void Leaf(const YAML::Mark& mark, YAML::anchor_t anchor, std::size_t bytes) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = bytes;
    Add(mark, bytes);
  }
  void Close() {
    if (frames_.empty()) return;
    Frame done = frames_.back();
    frames_.pop_back();
    if (done.anchor != YAML::NullAnchor) anchors_[done.anchor] = kNodeBytes + done.bytes;
    if (!frames_.empty()) frames_.back().bytes += done.bytes;  // already in the total
  }
  // Counts `bytes` once in the running total (the document as the walk will see it).
  void Add(const YAML::Mark& mark, std::size_t bytes) {
    // Each value is at most budget_ + 1 (checked below), so the sums cannot overflow.
    result_.expanded_bytes += bytes;
    if (!frames_.empty()) frames_.back().bytes += bytes;
    if (result_.expanded_bytes > budget_)
      Stop(mark, "yaml_too_large",
           "expands to more than " + Bytes(budget_) +
               " with its YAML aliases (*name) written out; the limit is " +
               Bytes(limits_.max_expanded_bytes) + " per file and " +
               Bytes(limits_.max_total_expanded_bytes) + " for all files of one request");
  }
  [[noreturn]] void Stop(const YAML::Mark& mark, const std::string& code,
                         const std::string& message) {
    throw LimitExceeded{{file_.path, mark.line >= 0 ? mark.line + 1 : 0, "", message, code}};
  }

  const PlantFile& file_;
  const YamlLimits& limits_;
  const std::size_t budget_;
  std::vector<Frame> frames_;
  std::map<YAML::anchor_t, std::size_t> anchors_;  // completed anchored nodes
  YamlExpansion result_;
};

}  // namespace

ExpansionCheck CheckYamlExpansion(const PlantFile& file, const YamlLimits& limits,
                                  std::size_t budget) {
  std::istringstream in(file.text);
  Measure measure(file, limits, budget);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(measure);  // one document: a second is refused elsewhere
  } catch (const LimitExceeded& e) {
    return {measure.result(), e.error};
  } catch (const YAML::Exception&) {
    // Syntax: the loader reports it at its line.
  }
  return {measure.result(), std::nullopt};
}

}  // namespace ordo::masterdata::plant::detail
