// GS1 Global Trade Item Numbers on material definitions: the check a `gtin` field must
// pass, and the one form (14 digits) in which two GTINs are compared, so that a GTIN-13
// written on the material and the same item scanned as AI (01) with a leading zero match.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ordo::masterdata {

// True for 8, 12, 13 or 14 ASCII digits whose last digit is the GS1 mod-10 check digit
// of the others.
bool IsValidGtin(std::string_view gtin);

// The GTIN left-padded with zeros to 14 digits, or nullopt when it is not valid.
std::optional<std::string> Gtin14(std::string_view gtin);

}  // namespace ordo::masterdata
