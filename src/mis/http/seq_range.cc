// The first/last range query (seq_range.h).
#include "mis/http/seq_range.h"

#include "server/query_params.h"

namespace ordo::mis::http {

namespace {

static_assert(kMaxRangeLength == 1000, "the invalid_range message names 999 and 1,000");

Result<std::int64_t> Bound(const std::map<std::string, std::string>& query, const std::string& name,
                           const RangeSpec& spec) {
  auto it = query.find(name);
  if (it == query.end())
    return Error::Invalid(name, name + ": required, " + spec.number, "missing_parameter");
  if (it->second.empty()) return Error::Invalid(name, name + ": expected " + spec.number);
  return server::IntParam(query, name, 0, 1, spec.max);
}

}  // namespace

Result<SeqRange> ParseSeqRange(const std::map<std::string, std::string>& query,
                               const RangeSpec& spec) {
  for (const auto& [name, value] : query)
    if (name != "first" && name != "last")
      return Error::Invalid(name, "unknown parameter '" + name + "': expected first and last",
                            "unknown_parameter");
  auto first = Bound(query, "first", spec);
  if (!first.ok()) return first.error();
  auto last = Bound(query, "last", spec);
  if (!last.ok()) return last.error();
  if (*last < *first || *last - *first >= kMaxRangeLength)
    return Error::Invalid(
        "last", "last: expected at least first and at most first + 999 (1,000 " + spec.plural + ")",
        "invalid_range");
  return SeqRange{*first, *last};
}

}  // namespace ordo::mis::http
