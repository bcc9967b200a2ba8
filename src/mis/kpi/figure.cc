// Figures: profile names and the display helper.
#include "mis/kpi/figure.h"

#include <cmath>
#include <cstdio>

namespace ordo::mis {

const char* ProfileName(Profile profile) {
  return profile == Profile::kIso22400 ? "iso22400" : "practitioner";
}

Result<Profile> ParseProfile(std::string_view text) {
  if (text == "iso22400" || text.empty()) return Profile::kIso22400;
  if (text == "practitioner") return Profile::kPractitioner;
  return Error::Invalid(
      "profile",
      "profile: \"" + std::string(text) + "\" is not valid; expected iso22400 or practitioner",
      "invalid_profile");
}

std::optional<double> Figure::Element(const std::string& key) const {
  for (const auto& [k, v] : elements)
    if (k == key) return v;
  return std::nullopt;
}

std::string FormatForDisplay(std::optional<double> value, int decimals, bool as_percent) {
  if (!value.has_value() || !std::isfinite(*value)) return "";
  if (decimals < 0) decimals = 0;
  if (decimals > 12) decimals = 12;
  const double v = as_percent ? *value * 100 : *value;
  const double scale = std::pow(10.0, decimals);
  // A value meant as an exact tie (0.74795) may be stored a hair below it in binary:
  // nudge by a few ulps of the scaled value before rounding half away from zero.
  const double scaled = std::fabs(v) * scale;
  const double rounded =
      std::floor(scaled + 0.5 + 4 * std::numeric_limits<double>::epsilon() * scaled);
  const double out = std::copysign(rounded / scale, v);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, out == 0 ? 0.0 : out);
  return buf;
}

}  // namespace ordo::mis
