// ConnectionTable: which connections the transport keeps when clients crowd it. Decides
// admission by a global cap and a per-address cap and, at the global cap, which
// connection to shed first (an unauthenticated one that is not being answered). Pure
// bookkeeping: no sockets, no clock; the transport closes what it is told to.
#pragma once

#include <cstdint>
#include <list>
#include <map>
#include <optional>
#include <string>

namespace ordo::server {

class ConnectionTable {
 public:
  using Id = std::uint64_t;

  struct Admission {
    std::optional<Id> id;     // set when admitted: the new connection's id
    std::optional<Id> evict;  // a connection the caller must close to make room
    std::string refusal;      // why not admitted ("" when admitted)
  };

  // max_total / max_per_address: at most this many connections at once (>= 1).
  ConnectionTable(int max_total, int max_per_address);

  // A new connection from `address` (an IP address without port). Refused when the
  // address already holds max_per_address connections. At max_total, the oldest
  // connection that is neither authenticated nor busy is removed from the table and
  // named in `evict` to make room; when there is none the new one is refused.
  Admission Admit(const std::string& address);
  // The connection is handling a request or streaming (busy) or waiting (not busy).
  void SetBusy(Id id, bool busy);
  // A request on the connection carried a valid session; it stays so for its lifetime.
  void SetAuthenticated(Id id);
  // The connection ended. No-op for an id already evicted.
  void Remove(Id id);

  int size() const { return static_cast<int>(entries_.size()); }
  int CountFrom(const std::string& address) const;

 private:
  struct Entry {
    Id id;
    std::string address;
    bool busy = false;
    bool authenticated = false;
  };
  std::list<Entry>::iterator Find(Id id);
  void Erase(std::list<Entry>::iterator it);

  int max_total_;
  int max_per_address_;
  Id next_id_ = 1;
  std::list<Entry> entries_;  // oldest first
  std::map<std::string, int> per_address_;
};

}  // namespace ordo::server
