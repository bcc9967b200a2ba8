// The permissions the review capability defines (registered in capability.cc). Reading
// reviews needs audit.read (mes/audit/permissions.h).
#pragma once

namespace ordo::review {

// Sign a review of a period of the audit trail (quality).
inline constexpr const char* kAuditReview = "audit.review";

}  // namespace ordo::review
