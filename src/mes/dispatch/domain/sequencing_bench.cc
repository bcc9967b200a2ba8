// Micro-benchmark (not a test): Sequence() over N candidates (default 10 000, the
// issue's "work unit with 10,000 open operations") with each rule and 20 supervisor
// moves, repeated R times (default 50); prints p50 and p99 per rule in milliseconds.
// Run: cmake --build build --target dispatch_sequencing_bench &&
//      build/src/mes/dispatch/dispatch_sequencing_bench [N] [R]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "mes/dispatch/domain/sequencing.h"

using namespace ordo::dispatch;

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 10'000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 50;
  if (n < 1 || runs < 1) {
    std::fprintf(stderr, "usage: %s [candidates >= 1] [runs >= 1]\n", argv[0]);
    return 2;
  }
  const ordo::TimeMicros now = 1'795'996'800'000'000;
  const ordo::TimeMicros day = 86'400'000'000;
  std::mt19937_64 rng(42);
  std::vector<Candidate> candidates;
  for (int i = 0; i < n; ++i) {
    Candidate c;
    c.order_id = "ORD-" + std::to_string(100000 + i / 4);
    c.operation = std::to_string(10 * (1 + i % 4));
    c.priority = 1 + static_cast<int>(rng() % 9);
    c.due_us = now + static_cast<ordo::TimeMicros>(rng() % 60) * day - 10 * day;
    c.created_seq = static_cast<std::int64_t>(rng() % 1'000'000);
    c.ready_us = now - static_cast<ordo::TimeMicros>(rng() % 1000) * 60'000'000;
    c.processing_minutes = 5 + static_cast<double>(rng() % 600);
    c.remaining_order_minutes = c.processing_minutes * (1 + static_cast<double>(rng() % 4));
    candidates.push_back(std::move(c));
  }
  std::vector<Move> moves;
  for (int i = 0; i < 20; ++i) {
    const Candidate& c = candidates[rng() % candidates.size()];
    moves.push_back({c.order_id, c.operation,
                     i % 3 == 0   ? Direction::kUp
                     : i % 3 == 1 ? Direction::kDown
                                  : Direction::kPosition,
                     1 + static_cast<int>(rng() % 50), "bench move", "bench", i + 1});
  }
  std::printf("dispatch sequencing: %d candidates, 20 moves, %d runs per rule\n", n, runs);
  for (Rule rule :
       {Rule::kPriorityDueDate, Rule::kFifo, Rule::kShortestProcessingTime, Rule::kCriticalRatio}) {
    std::vector<double> ms;
    std::size_t check = 0;
    for (int r = 0; r < runs; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      auto list = Sequence(candidates, rule, now, moves);
      const auto t1 = std::chrono::steady_clock::now();
      check += list.size() + list.front().reason.size();
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    const double p50 = ms[ms.size() / 2];
    const double p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
    std::printf("  %-26s p50 %7.2f ms  p99 %7.2f ms  (check %zu)\n",
                std::string(RuleName(rule)).c_str(), p50, p99, check);
  }
  return 0;
}
