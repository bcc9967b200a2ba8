// Lineage of MIS figures: where an input came from (a range of MES ledger sequence
// numbers, or rows of an imported file), and a set of such references that merges
// adjacent ranges so a year of intervals stays a short list.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ordo::mis {

// One source range: ledger entries [first, last] (file_hash empty), or rows [first, last]
// (1-based data rows) of the import whose file has SHA-256 `file_hash`.
struct SourceRef {
  std::string file_hash;  // "" = the MES ledger
  std::int64_t first = 0;
  std::int64_t last = 0;

  static SourceRef Ledger(std::int64_t first, std::int64_t last) { return {"", first, last}; }
  static SourceRef Ledger(std::int64_t seq) { return {"", seq, seq}; }
  static SourceRef Import(std::string file_hash, std::int64_t row) {
    return {std::move(file_hash), row, row};
  }
  bool is_ledger() const { return file_hash.empty(); }
  // "ledger:12-15", "ledger:7", "import:<hash>#3-9", "import:<hash>#3".
  std::string ToString() const;
  bool operator==(const SourceRef&) const = default;
};

// A sorted set of source ranges; ranges of one source that touch or overlap are merged
// (ledger 1-3 + 4-6 = 1-6). Exact up to kMaxRanges ranges; beyond that the set becomes
// coarse: one covering range per source (the ledger, each import file), which holds every
// entry behind the figure and possibly others between them. The exact sources of a
// coarse figure are in its drill-down (time_elements.h, with_segments). Not
// thread-safe; a value.
class SourceSet {
 public:
  static constexpr std::size_t kMaxRanges = 64;

  void Add(const SourceRef& ref);
  void Add(const SourceSet& other);
  const std::vector<SourceRef>& refs() const { return refs_; }
  bool empty() const { return refs_.empty(); }
  bool coarse() const { return coarse_; }

 private:
  void Coarsen();
  std::vector<SourceRef> refs_;  // sorted by (file_hash, first); disjoint, not adjacent
  bool coarse_ = false;
};

}  // namespace ordo::mis
