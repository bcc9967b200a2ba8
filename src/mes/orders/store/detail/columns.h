// The columns of the orders tables as the seals cover them and the readers select them,
// and the text form of stored quantities (private to store/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mes/orders/orders.h"
#include "storage/database.h"

namespace ordo::orders::detail {

const std::vector<std::string>& OrderColumns();
const std::vector<std::string>& OperationColumns();
const std::vector<std::string>& BomColumns();
// The order of a row that selected OrderColumns() in that order.
Order OrderFrom(const storage::Statement& s);
// The first `columns` columns of the current row as the seal check takes them (text,
// nullopt for NULL): store::CheckSealedContent.
std::vector<std::optional<std::string>> ContentOf(const storage::Statement& s, std::size_t columns);
// The strings of a JSON array of strings (predecessors, alternates); others are skipped.
std::vector<std::string> IdList(const std::string& json);
// "a, b, c": a column list for SELECT.
std::string Joined(const std::vector<std::string>& columns);
// The JSON text of a quantity (exact round trip), and back (0 for text that is no number).
std::string NumberText(double value);
double NumberOf(const std::string& text);

}  // namespace ordo::orders::detail
