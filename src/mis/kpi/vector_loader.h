// Test code: reads a KPI test vector (tests/mis/vectors/<name>/) into Inputs. The files
// are in the MIS import CSV formats of issue 13 section 5 (one file per kind, named
// <kind>.csv, header first), so the same files can later go through `ordo-mis import`;
// each row's source is (SHA-256 of the file, data row number). `expected.csv` lists the
// figures the vector's public source gives:
//   kpi,profile,scope,from,to,policy,expected,tolerance
// (`policy`: overrides "policy.<knob>=<value>" separated by ';'; `expected` "null" for a
// figure that must be null; lines starting with '#' are comments).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mis/kpi/inputs.h"

namespace ordo::mis::testing {

// Reads every <kind>.csv present in `dir`. Errors name the file, row and field.
Result<Inputs> LoadVectorInputs(const std::string& dir);

struct ExpectedFigure {
  int line = 0;
  std::string kpi;
  std::string profile;
  std::string scope;
  TimeMicros from = 0;
  TimeMicros to = 0;
  std::vector<std::string> overrides;
  std::optional<double> expected;  // nullopt = must be null
  double tolerance = 0;
};
Result<std::vector<ExpectedFigure>> LoadExpected(const std::string& path);

}  // namespace ordo::mis::testing
