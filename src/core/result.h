// Result<T> and Error: how expected failures travel through ordo (no exceptions
// cross a module boundary). Each ErrorCode maps to exactly one HTTP status.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ordo {

enum class ErrorCode {
  kInvalidArgument,       // the input itself is wrong (400)
  kUnauthenticated,       // no or bad credentials (401)
  kPermissionDenied,      // authenticated, but not allowed (403)
  kNotFound,              // the named thing does not exist (404)
  kConflict,              // clashes with current state or an earlier request (409)
  kFailedPrecondition,    // state does not allow it now (422)
  kResourceExhausted,     // throttled or too large (429 / 413 chosen by caller)
  kUnavailable,           // try again later (503)
  kInternal,              // a bug or an I/O failure (500)
  kUnsupportedMediaType,  // a request body of a media type the endpoint does not take (415)
  kIntegrityViolation,    // a stored record failed its integrity check and was not used (500)
};

// Stable machine-readable name, e.g. "invalid_argument".
const char* ErrorCodeName(ErrorCode code);
// The HTTP status the code maps to.
int HttpStatusFor(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // a sentence a person can act on
  std::string field;    // the offending input field, when there is one
  std::string reason;   // finer stable code, e.g. "unknown_field" (optional)

  static Error Invalid(std::string field, std::string message, std::string reason = {}) {
    return Error{ErrorCode::kInvalidArgument, std::move(message), std::move(field),
                 std::move(reason)};
  }
  static Error Make(ErrorCode code, std::string message) {
    return Error{code, std::move(message), {}, {}};
  }
};

// Either a value or an Error. Cheap to move; check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT
  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status Ok() { return Unit{}; }

}  // namespace ordo

// Propagates an error from an expression returning Result/Status.
#define ORDO_TRY(expr)                                           \
  do {                                                           \
    auto ordo_try_result_ = (expr);                              \
    if (!ordo_try_result_.ok()) return ordo_try_result_.error(); \
  } while (0)
