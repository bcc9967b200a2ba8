// Independence of the batch release: the quality person who signs the release of an
// order's batch record must not have performed or verified any step of that order
// (EU GMP Annex 11 / Part 11 separation of duties; IND-rows of regulatory.md). Pure: the
// performers are read from the record's facts, the signer arrives as an argument.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/batchrecord/domain/facts.h"

namespace ordo::batchrecord {

// One person who did something that is part of the record, with the first such step in
// words (e.g. "started operation 0010", "consumed lot L-API-01 at operation 0020").
struct Performer {
  std::string user;  // login name
  std::string step;
  std::int64_t seq = 0;  // the entry that shows it
};

// Every person who performed or verified a step of the order, once each, in the order of
// their first step: the actors of operation start, pause, resume, completion and
// verification, of instruction acknowledgements, parameter and characteristic entries,
// lot and serial consumptions and productions, the named verifier and acknowledging user
// of those entries, then the signers of the order's own signatures (verifications) not
// named yet.
// Not performers: who created, released or completed the order as a whole, whose
// attempts were refused, who reviewed the record, who opened or dispositioned a
// deviation, or who released an earlier version.
std::vector<Performer> PerformersOf(const Facts& facts);

// Ok when `signer` (login name) is none of `performers`; otherwise permission_denied,
// reason same_person, field signature.user, naming the person, the order and the step.
Status CheckIndependentRelease(const std::vector<Performer>& performers, const std::string& signer,
                               const std::string& order_id);

}  // namespace ordo::batchrecord
