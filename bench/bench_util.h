// Small helpers shared by the ordo benchmark: timing, medians, scratch directories
// and the per-run figures the storage and HTTP benchmarks report.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ordo::bench {

using SteadyClock = std::chrono::steady_clock;

inline double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// Median of the values (mean of the two middle ones for an even count); 0 when empty.
inline double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

inline double MinOf(const std::vector<double>& v) {
  return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}
inline double MaxOf(const std::vector<double>& v) {
  return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

// The value at quantile q (0..1) of an already sorted vector (nearest rank).
inline double Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  std::size_t rank = static_cast<std::size_t>(q * static_cast<double>(sorted.size()) + 0.999999);
  rank = std::clamp<std::size_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

// A fresh directory under `parent`, removed (with everything in it) on destruction
// unless keep is set.
class ScratchDir {
 public:
  ScratchDir(const std::string& parent, const std::string& name, bool keep)
      : path_(parent + "/" + name), keep_(keep) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    if (!keep_) std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool keep_;
};

// One storage measurement: `entries` durable rows in `seconds`, in `commits` commits.
struct StorageRun {
  std::int64_t entries = 0;
  std::int64_t commits = 0;
  double seconds = 0;
  double rate() const { return seconds > 0 ? static_cast<double>(entries) / seconds : 0; }
  double group() const { return commits > 0 ? static_cast<double>(entries) / commits : 0; }
};

// One HTTP measurement.
struct HttpRun {
  std::int64_t writes = 0;  // 201 responses inside the measured window
  std::int64_t errors = 0;  // anything else (status or transport)
  double seconds = 0;
  double p50_ms = 0, p99_ms = 0, max_ms = 0;
  double login_seconds = 0;     // time for all clients to sign in (not measured)
  std::int64_t vm_hwm_kib = 0;  // server peak resident set (VmHWM)
  std::int64_t vm_rss_kib = 0;  // server resident set at the end (VmRSS)
  std::int64_t head_seq = 0;    // server ledger head at the end
  double rate() const { return seconds > 0 ? static_cast<double>(writes) / seconds : 0; }
};

}  // namespace ordo::bench
