// The permissions the audit capability defines (registered in capability.cc).
#pragma once

namespace ordo::audit {

inline constexpr const char* kAuditRead =
    "audit.read";  // read the audit trail's reviews and security events
inline constexpr const char* kLedgerFeed =
    "ledger.feed";  // read the ledger (GET /api/v1/ledger, its stream, span and signed
                    // checkpoints): every role with audit.read, and feed_reader, which
                    // holds nothing else
inline constexpr const char* kLedgerVerify =
    "ledger.verify";  // verify the ledger and sign its head on demand

inline constexpr const char* kSecurityMonitor =
    "security.monitor";  // receive security events live (admins)

}  // namespace ordo::audit
