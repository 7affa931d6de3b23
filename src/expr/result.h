// Result and error types of the expression module. The module never throws across its
// boundary: every fallible operation returns a Result<T>, which holds either a T or an
// Error. An Error carries a stable code (for programs) and a message already written in
// the language the caller asked for (Swedish by default), for people.
//
// These types are deliberately independent of core/Status: expr builds and is tested
// without any other module of the project.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace aktkoll::expr {

// The language of every message the module writes (issues and evaluation errors).
enum class Lang { kSv, kEn };

enum class ErrorCode {
  kNoSuchKey,          // a map key or field that is not there (guard it with has())
  kIndexOutOfRange,    // list index outside [0, size)
  kDivisionByZero,     // integer / or % by zero
  kOverflow,           // int64, timestamp or duration out of range
  kNoMatchingOverload, // an operator or function applied to values it has no meaning for
  kInvalidArgument,    // a conversion or function given a value it cannot use
  kUnboundVariable,    // a declared variable without a value in the activation
  kLimitExceeded,      // a cost limit (steps, iterations, size) was reached
  kInternal,           // a bug in aktkoll
};

class Error {
 public:
  Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  ErrorCode code_;
  std::string message_;
};

// Either a T or an Error. Accessing the value of an error is a bug (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : rep_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Result(Error error) : rep_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return rep_.index() == 0; }
  T& value() & { assert(ok()); return std::get<0>(rep_); }
  const T& value() const& { assert(ok()); return std::get<0>(rep_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(rep_)); }
  const Error& error() const { assert(!ok()); return std::get<1>(rep_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> rep_;
};

// Success or an Error, for operations without a value (e.g. registering a function).
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit
  bool ok() const { return ok_; }
  const Error& error() const { assert(!ok_); return error_; }

 private:
  Error error_{ErrorCode::kInternal, std::string()};
  bool ok_ = true;
};

}  // namespace aktkoll::expr
