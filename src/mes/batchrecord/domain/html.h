// The printable form of a batch record (?format=html, `ordo batch-record export --html`):
// one self-contained HTML page with print CSS (@page margins, page numbers from the CSS
// page counters, the content hash in every page's header), the exceptions and their
// review first, then the whole record and every signature manifestation. Every text is
// HTML-escaped. Pure.
#pragma once

#include <string>

#include "core/canonical_json.h"

namespace ordo::batchrecord {

// `view`: the record as GET answers it (domain/review.h View), or a sealed version's
// record with its content_hash (review and release blocks may be absent).
std::string RenderHtml(const Json& view);

}  // namespace ordo::batchrecord
