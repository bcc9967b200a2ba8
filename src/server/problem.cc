// Answers of the HTTP runtime: JSON bodies and problem+json (RFC 9457) errors with their
// bounds, the throttled answer, and the request fields every API reads (media type,
// client address). Shared by the MES API and the MIS router.
#include "server/problem.h"

#include <algorithm>
#include <cctype>

namespace ordo::server {

HttpResponse JsonResponse(int status, const Json& body) {
  HttpResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

std::string ProblemTypeUri(ErrorCode code) {
  return std::string("/api/v1/problems/") + ErrorCodeName(code);
}

namespace {

// `text` cut to `max` bytes at a UTF-8 character boundary, saying how much was cut.
std::string Bounded(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + " ... (" + std::to_string(text.size() - end) +
         " more characters not shown)";
}

Json ProblemBody(const Error& e, int status) {
  Json body{{"type", ProblemTypeUri(e.code)},
            {"title", ErrorCodeName(e.code)},
            {"status", status},
            {"code", ErrorCodeName(e.code)},
            {"detail", Bounded(e.message, kMaxProblemDetail)}};
  if (!e.field.empty()) body["field"] = Bounded(e.field, kMaxProblemText);
  if (!e.reason.empty()) body["reason"] = Bounded(e.reason, kMaxProblemText);
  return body;
}

HttpResponse ProblemOf(const Json& body, int status) {
  HttpResponse r = JsonResponse(status, body);
  r.content_type = "application/problem+json";
  return r;
}

int StatusOf(const Error& e) {
  return e.reason == "method_not_allowed" ? 405 : HttpStatusFor(e.code);
}

}  // namespace

HttpResponse ProblemResponse(const Error& e) {
  const int status = StatusOf(e);
  return ProblemOf(ProblemBody(e, status), status);
}

HttpResponse ProblemResponse(const Error& e, const Json& errors, std::size_t total_errors) {
  const int status = StatusOf(e);
  Json body = ProblemBody(e, status);
  Json listed = Json::array();
  if (errors.is_array()) {
    for (const auto& item : errors) {
      if (listed.size() == kMaxListedErrors) break;
      Json bounded = Json::object();
      if (item.is_object()) {
        for (const auto& [key, value] : item.items()) {
          if (bounded.size() == 6) break;  // errors are small records
          if (value.is_string())
            bounded[Bounded(key, 40)] = Bounded(value.get<std::string>(), kMaxProblemText);
          else if (value.is_number() || value.is_boolean() || value.is_null())
            bounded[Bounded(key, 40)] = value;
          else
            bounded[Bounded(key, 40)] = Bounded(value.dump(), kMaxProblemText);
        }
      }
      listed.push_back(std::move(bounded));
    }
  }
  total_errors = std::max(total_errors, listed.size());
  const std::string detail = body["detail"].get<std::string>();
  while (true) {
    if (listed.size() < total_errors) {
      body["errors_omitted"] = total_errors - listed.size();
      body["detail"] = detail + " (" + std::to_string(listed.size()) + " of " +
                       std::to_string(total_errors) + " errors are listed)";
    }
    body["errors"] = listed;
    HttpResponse r = ProblemOf(body, status);
    // JSON escapes can make text up to 6 times longer: list fewer until it fits.
    if (r.body.size() <= kMaxProblemBytes || listed.empty()) return r;
    listed.erase(listed.begin() + static_cast<std::ptrdiff_t>(listed.size() / 2), listed.end());
  }
}

HttpResponse ThrottledResponse(const std::string& message, std::int64_t wait_seconds) {
  HttpResponse r = ProblemResponse(Error::Make(ErrorCode::kResourceExhausted, message));
  Json body = Json::parse(r.body);
  body["retry_after_seconds"] = wait_seconds;
  r.body = body.dump();
  r.headers.emplace_back("Retry-After", std::to_string(wait_seconds));
  return r;
}

std::string AddressOnly(const std::string& client) {
  auto colon = client.rfind(':');
  return colon == std::string::npos ? client : client.substr(0, colon);
}

std::string MediaTypeOf(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  auto not_space = [](unsigned char c) { return c != ' ' && c != '\t'; };
  while (!type.empty() && !not_space(type.back())) type.pop_back();
  std::size_t start = 0;
  while (start < type.size() && !not_space(type[start])) ++start;
  type = type.substr(start);
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

}  // namespace ordo::server
