// How the calling thread asks Linux's scheduler for CPU time (nice and the time slice are
// per thread there). Best effort: on another OS, or a kernel without a call, nothing
// changes and nothing fails; the work is the same, only who waits for a core differs.
#pragma once

#include <chrono>
#include <optional>

namespace ordo {

// Raises the calling thread's nice value by `increment` (at most 19), so it yields the
// CPU to threads at the process's own nice value. A thread cannot lower it again.
void LowerThisThreadsPriority(int increment);

// Asks for time slices of `slice` (Linux clamps it to 0.1-100 ms) for the calling thread,
// keeping its nice value and policy. Under EEVDF (Linux 6.12 and later) a thread with a
// shorter slice than the one on a core takes the core as soon as it wakes, instead of
// waiting for the running thread's slice (0.75 ms times 1 + log2(cores) by default) to
// end; its share of the CPU is unchanged. Earlier kernels ignore it. Returns false when
// the call was refused.
bool RequestThisThreadsSlice(std::chrono::microseconds slice);

// The slice of the threads on a person's request path: the server's io thread (the HTTP
// requests) and the engine's writer. While machine data keeps both cores busy, a request
// then waits for a core about a tenth of a millisecond, not a whole default slice, at
// each of its wake-ups; PERFORMANCE.md, the soak.
inline constexpr std::chrono::microseconds kRequestPathSlice{100};

// The slice of thread `tid` (0: the calling thread) in microseconds, as the kernel reports
// it (sched_getattr's sched_runtime: the one asked for, else the default), or nothing when
// it cannot tell.
std::optional<long long> ThreadSliceMicros(long tid = 0);

// Whether the running kernel keeps a slice asked for by a normal thread (Linux 6.12 and
// later: EEVDF's custom slices).
bool KernelKeepsThreadSlices();

}  // namespace ordo
