// The columns of the orders tables as the seals cover them and the readers select them,
// and the text form of stored quantities (private to store/).
#pragma once

#include <string>
#include <vector>

namespace ordo::orders::detail {

const std::vector<std::string>& OrderColumns();
const std::vector<std::string>& OperationColumns();
const std::vector<std::string>& BomColumns();
// "a, b, c": a column list for SELECT.
std::string Joined(const std::vector<std::string>& columns);
// The JSON text of a quantity (exact round trip), and back (0 for text that is no number).
std::string NumberText(double value);
double NumberOf(const std::string& text);

}  // namespace ordo::orders::detail
