#include "core/thread_scheduling.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>
#endif

namespace ordo {

#if defined(__linux__)
namespace {

// struct sched_attr of linux/sched/types.h, version 1 (56 bytes); glibc 2.36 has no
// wrapper, so the system calls are made directly.
struct SchedAttr {
  std::uint32_t size;
  std::uint32_t sched_policy;
  std::uint64_t sched_flags;
  std::int32_t sched_nice;
  std::uint32_t sched_priority;
  std::uint64_t sched_runtime, sched_deadline, sched_period;
  std::uint32_t sched_util_min, sched_util_max;
};

constexpr std::uint64_t kKeepPolicy = 0x08;  // SCHED_FLAG_KEEP_POLICY

long ThisThread() { return ::syscall(SYS_gettid); }

bool ReadAttr(SchedAttr* attr, long tid = 0) {
  *attr = SchedAttr{};
  return ::syscall(SYS_sched_getattr, tid == 0 ? ThisThread() : tid, attr, sizeof(SchedAttr), 0) ==
         0;
}

}  // namespace

void LowerThisThreadsPriority(int increment) {
  const auto tid = static_cast<id_t>(ThisThread());
  errno = 0;
  const int current = ::getpriority(PRIO_PROCESS, tid);
  if (errno != 0) return;
  (void)::setpriority(PRIO_PROCESS, tid, std::min(19, current + increment));
}

bool RequestThisThreadsSlice(std::chrono::microseconds slice) {
  SchedAttr attr;
  if (!ReadAttr(&attr)) return false;
  // Only the normal policies have a slice to ask for (SCHED_OTHER 0, SCHED_BATCH 3).
  if (attr.sched_policy != 0 && attr.sched_policy != 3) return false;
  attr.size = sizeof(SchedAttr);
  attr.sched_flags = kKeepPolicy;  // the nice value is kept by passing it back unchanged
  attr.sched_runtime = static_cast<std::uint64_t>(slice.count()) * 1000;
  return ::syscall(SYS_sched_setattr, ThisThread(), &attr, 0) == 0;
}

std::optional<long long> ThreadSliceMicros(long tid) {
  SchedAttr attr;
  if (!ReadAttr(&attr, tid)) return std::nullopt;
  return static_cast<long long>(attr.sched_runtime / 1000);
}

bool KernelKeepsThreadSlices() {
  utsname u{};
  if (::uname(&u) != 0) return false;
  int major = 0, minor = 0;
  if (std::sscanf(u.release, "%d.%d", &major, &minor) != 2) return false;
  return major > 6 || (major == 6 && minor >= 12);
}

#else

void LowerThisThreadsPriority(int) {}
bool RequestThisThreadsSlice(std::chrono::microseconds) { return false; }
std::optional<long long> ThreadSliceMicros(long) { return std::nullopt; }
bool KernelKeepsThreadSlices() { return false; }

#endif

}  // namespace ordo
