// A sealed version read back with its review and release blocks, and the check of an
// exported record's review and release blocks against them (`ordo ledger verify
// --record`). Pure; built from the record's own ledger entries (Facts::entries).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/batchrecord/domain/review.h"

namespace ordo::batchrecord {

// One exception's line of the review block. A deviation exception: status open (when
// `deviation_open`) or cleared_by_disposition, with its DV id. Any other: status open
// without `mark`, else the mark's outcome with comment, reviewer, time and seq.
Json ReviewLine(const std::string& exception_id, const std::string& kind,
                const std::string& deviation, bool deviation_open, const ReviewMark* mark);

// A sealed version's line of the release block: version, content_hash, checkpoint_seq,
// seq, time, released_by, signature (seq, signer, printed_name, meaning, time) and
// amendment_reason.
Json VersionLine(const SealedVersion& v);

// The review block of sealed version `v` as it stood when it was sealed: one line per
// exception of the sealed content, with the reviews recorded before its release entry
// (a deviation exception is cleared by its disposition: the release refuses open
// deviations); `open` and `open_deviations` as the view lists them.
Json SealedReview(const SealedVersion& v, const Facts& facts);

// Sealed version `version` of the record as GET .../batch-record/versions/{n} answers it:
// the sealed content, content_hash, state "sealed", its review (SealedReview) and its
// release block (released, the versions up to and including it). nullopt when the
// entries hold no such version.
std::optional<Json> SealedView(const Facts& facts, std::int64_t version);

// Where the `review` and `release` blocks of an exported record differ from the ledger's
// (paths such as release.versions[0].signature.printed_name or
// review.exceptions[1].comment), at most `limit`. `versions` are the release lines of
// every sealed version (VersionLine), oldest first; `review_at_seal` is the review block
// of the version the file's content matched (SealedReview). A block the file leaves out
// is not checked. The file's release block must list a prefix of the sealed versions (an
// export made before a later version was sealed lists fewer). When it lists at least one
// version the file claims the sealed state, and its review block must equal
// `review_at_seal`; an export made before the release may show exceptions still open,
// but each line it shows reviewed must equal the sealed one.
std::vector<std::string> BlockDifferences(const Json& exported, const Json& versions,
                                          const Json& review_at_seal, std::size_t limit = 5);

}  // namespace ordo::batchrecord
