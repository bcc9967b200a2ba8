// The permissions the execution capability defines (registered in capability.cc).
#pragma once

namespace ordo::execution {

// Perform operations: start, pause, resume, acknowledge instructions, consume, record
// parameters and characteristics, complete (operator, supervisor).
inline constexpr const char* kExecutionPerform = "execution.perform";
// Verify a completed operation as the second person, signed with meaning `verified`
// (operator, supervisor, quality). The rules still ask for a different person than the
// performers, holding the operation's qualifications (domain/complete.h).
inline constexpr const char* kExecutionVerify = "execution.verify";

}  // namespace ordo::execution
