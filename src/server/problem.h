// Answers of the HTTP runtime that every API shares (the MES's `Api` and the MIS router):
// JSON bodies, problem+json (RFC 9457) errors with a stable `code`, the throttled answer,
// and two request fields (media type, client address). No engine, no capability code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/canonical_json.h"
#include "core/result.h"
#include "server/http_types.h"

namespace ordo::server {

// Bounds of every problem response, whatever the error holds (ORDO-API-06): `detail`
// is cut after kMaxProblemDetail characters, `field`, `reason` and each text of a listed
// error after kMaxProblemText, and at most kMaxListedErrors errors are listed (fewer if
// their escaped JSON would pass kMaxProblemBytes). A problem body stays under
// kMaxProblemBytes.
inline constexpr std::size_t kMaxProblemDetail = 2000;
inline constexpr std::size_t kMaxProblemText = 300;
inline constexpr std::size_t kMaxListedErrors = 50;
inline constexpr std::size_t kMaxProblemBytes = 128 * 1024;

// A JSON answer (invalid UTF-8 in strings replaced, never thrown).
HttpResponse JsonResponse(int status, const Json& body);
// Problem+json response for an error (RFC 9457): type (ProblemTypeUri(code)), title,
// status (HttpStatusFor(code); 405 for reason method_not_allowed), code, detail, and
// field and reason when the error has them.
HttpResponse ProblemResponse(const Error& error);
// The same with a list of errors (`errors`, objects of scalars, e.g. {file, line, field,
// message}) out of `total_errors` found: lists at most kMaxListedErrors of them; when
// fewer than total are listed, `errors_omitted` counts the rest and `detail` says so.
HttpResponse ProblemResponse(const Error& error, const Json& errors, std::size_t total_errors);
// 429 problem+json with retry_after_seconds and a Retry-After header.
HttpResponse ThrottledResponse(const std::string& message, std::int64_t wait_seconds);
// "/api/v1/problems/not_found": where the server describes the problem type of `code`.
std::string ProblemTypeUri(ErrorCode code);

// "application/json" from "Application/JSON; charset=utf-8": the media type of a
// Content-Type header, lower case, without parameters ("" when the header is empty).
std::string MediaTypeOf(const std::string& content_type);
// "10.0.0.5" from "10.0.0.5:51234".
std::string AddressOnly(const std::string& client);

}  // namespace ordo::server
