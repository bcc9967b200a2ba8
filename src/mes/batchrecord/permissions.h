// The permissions the batch record capability defines (registered in capability.cc).
#pragma once

namespace ordo::batchrecord {

// Read an order's electronic batch record, its sealed versions and exports (supervisor,
// quality, engineer).
inline constexpr const char* kBatchRecordRead = "batchrecord.read";
// Acknowledge or disposition the exceptions of a batch record (quality).
inline constexpr const char* kBatchRecordReview = "batchrecord.review";
// Release (seal) a batch record with a signature, meaning released (quality).
inline constexpr const char* kBatchRecordRelease = "batchrecord.release";

}  // namespace ordo::batchrecord
