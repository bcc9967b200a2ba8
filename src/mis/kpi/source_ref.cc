// Source references and their merging set.
#include "mis/kpi/source_ref.h"

#include <algorithm>

namespace ordo::mis {

std::string SourceRef::ToString() const {
  std::string range = std::to_string(first);
  if (last != first) range += "-" + std::to_string(last);
  if (is_ledger()) return "ledger:" + range;
  return "import:" + file_hash + "#" + range;
}

void SourceSet::Add(const SourceRef& ref) {
  if (coarse_) {
    for (SourceRef& r : refs_) {
      if (r.file_hash == ref.file_hash) {
        r.first = std::min(r.first, ref.first);
        r.last = std::max(r.last, ref.last);
        return;
      }
    }
    refs_.push_back(ref);
    std::sort(refs_.begin(), refs_.end(),
              [](const SourceRef& a, const SourceRef& b) { return a.file_hash < b.file_hash; });
    return;
  }
  auto less = [](const SourceRef& a, const SourceRef& b) {
    return a.file_hash != b.file_hash ? a.file_hash < b.file_hash : a.first < b.first;
  };
  // The common case, inputs in order: extend the last range.
  if (!refs_.empty()) {
    SourceRef& back = refs_.back();
    if (back.file_hash == ref.file_hash && ref.first >= back.first && ref.first <= back.last + 1) {
      back.last = std::max(back.last, ref.last);
      return;
    }
  }
  auto it = std::lower_bound(refs_.begin(), refs_.end(), ref, less);
  it = refs_.insert(it, ref);
  // Merge with the neighbour before, then swallow the ones after.
  if (it != refs_.begin()) {
    auto prev = it - 1;
    if (prev->file_hash == it->file_hash && it->first <= prev->last + 1) {
      prev->last = std::max(prev->last, it->last);
      it = refs_.erase(it) - 1;
    }
  }
  auto next = it + 1;
  while (next != refs_.end() && next->file_hash == it->file_hash && next->first <= it->last + 1) {
    it->last = std::max(it->last, next->last);
    next = refs_.erase(next);
    it = next - 1;
  }
  if (refs_.size() > kMaxRanges) Coarsen();
}

void SourceSet::Add(const SourceSet& other) {
  if (other.coarse_ && !coarse_) Coarsen();
  for (const SourceRef& ref : other.refs_) Add(ref);
}

void SourceSet::Coarsen() {
  coarse_ = true;
  std::vector<SourceRef> out;
  for (const SourceRef& ref : refs_) {
    if (!out.empty() && out.back().file_hash == ref.file_hash) {
      out.back().last = std::max(out.back().last, ref.last);
    } else {
      out.push_back(ref);
    }
  }
  refs_ = std::move(out);
}

}  // namespace ordo::mis
