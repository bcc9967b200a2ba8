// ORDO_ASSERT: for invariants of our own code (a bug if false), never for user or
// device input, which gets a Result error instead. Always on, also in release builds:
// it prints the condition and where, then aborts, so a broken invariant never writes.
#pragma once

#include <cstdio>
#include <cstdlib>

#define ORDO_ASSERT(condition)                                                           \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "ordo: invariant broken: %s (%s:%d)\n", #condition, __FILE__, \
                   __LINE__);                                                            \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)
