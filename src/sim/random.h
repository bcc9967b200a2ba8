// The simulator's random numbers: SplitMix64 with our own uniform and normal draws, so
// that a seed gives the same stream on every compiler and library (std::*_distribution
// is implementation-defined). Pure; not for secrets.
#pragma once

#include <cstdint>
#include <string_view>

namespace ordo::sim {

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  // The next 64 random bits (SplitMix64).
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in [low, high).
  double Between(double low, double high) { return low + (high - low) * Uniform(); }
  // Uniform integer in [low, high] (high >= low).
  std::int64_t IntBetween(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(high - low + 1));
  }
  // True with probability `p`.
  bool Chance(double p) { return Uniform() < p; }
  // Approximately standard normal (Irwin-Hall: twelve uniforms minus six).
  double Normal() {
    double sum = 0;
    for (int i = 0; i < 12; ++i) sum += Uniform();
    return sum - 6.0;
  }

 private:
  std::uint64_t state_;
};

// FNV-1a of `text`: mixes a work unit's id into its stream's seed.
inline std::uint64_t HashText(std::string_view text) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001B3ULL;
  }
  return h;
}

}  // namespace ordo::sim
