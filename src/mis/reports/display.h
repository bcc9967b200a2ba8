// The display of exact KPI values in reports, as the web UI shows them (web/src/mis/
// format.ts): rounded half-up (away from zero) on the value's shortest decimal form, the
// form its JSON carries; nothing else is computed. Pure.
#pragma once

#include <optional>
#include <string>

namespace ordo::mis::reports {

// `value` x 10^shift rounded half-up to `decimals` digits, as text: RoundHalfUp(0.81349,
// 1, 2) == "81.3"; RoundHalfUp(0.0745, 1, 2) == "7.5" (the shortest form "7.45e-2" is
// what is rounded, not the binary double, whose x 100 is 7.4499...).
std::string RoundHalfUp(double value, int decimals, int shift = 0);

// A figure's value for a person: a fraction (unit "1") as a percentage with one decimal
// ("81.3 %"), seconds as "1 h 02 min" / "12 min 30 s" / "45 s", anything else with two
// decimals and its unit; "—" for no value.
std::string DisplayValue(const std::optional<double>& value, const std::string& unit);

}  // namespace ordo::mis::reports
