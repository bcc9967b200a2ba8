// Test support for the MIS KPI tests: the worked-example vectors of tests/mis/vectors/ as
// import files (ForImport) and their expected figures (LoadExpected).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ordo::testing {

// tests/mis/vectors/ (with the trailing slash).
extern const std::string kVectors;
// The import kinds, in an order where each may depend on the ones before.
extern const std::vector<std::string> kKinds;

std::string ReadText(const std::string& path);
// One CSV line split at commas (the vector files have no quoted cells).
std::vector<std::string> Split(const std::string& line);
// '+' percent-encoded, for times in a URL query.
std::string Encode(const std::string& text);

// The vector file of `kind` in the import formats where they differ (the engine's test
// loader is more lenient): equipment levels are the import's (a root is an enterprise, a
// line a work_center; the engine does not read levels), and date columns are days (UTC):
// a period_end given as an exclusive time becomes the inclusive last day. The orders'
// due_date takes a time with an offset as it is (the import keeps the instant).
std::string ForImport(const std::string& kind, const std::string& text);

// One row of a vector's expected.csv (tests/mis/vectors/README.md):
// kpi,profile,scope,from,to,policy,expected,tolerance; '#' lines are comments.
struct ExpectedFigure {
  int line = 0;
  std::string kpi, profile, scope, from, to;
  std::vector<std::string> overrides;
  std::optional<double> expected;  // nullopt: the figure must be null
  double tolerance = 0;
};
// The rows of `path`; a row without 8 cells is a test failure (ADD_FAILURE).
std::vector<ExpectedFigure> LoadExpected(const std::string& path);

}  // namespace ordo::testing
