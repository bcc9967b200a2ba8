// Admission and shedding decisions for the transport's connections.
#include "server/connection_table.h"

#include <algorithm>

namespace ordo::server {

ConnectionTable::ConnectionTable(int max_total, int max_per_address)
    : max_total_(std::max(1, max_total)), max_per_address_(std::max(1, max_per_address)) {}

int ConnectionTable::CountFrom(const std::string& address) const {
  auto it = per_address_.find(address);
  return it == per_address_.end() ? 0 : it->second;
}

ConnectionTable::Admission ConnectionTable::Admit(const std::string& address) {
  Admission a;
  if (CountFrom(address) >= max_per_address_) {
    a.refusal = "per-address connection limit (" + std::to_string(max_per_address_) +
                ") reached for " + address;
    return a;
  }
  if (size() >= max_total_) {
    auto victim = std::find_if(entries_.begin(), entries_.end(),
                               [](const Entry& e) { return !e.busy && !e.authenticated; });
    if (victim == entries_.end()) {
      a.refusal = "connection limit (" + std::to_string(max_total_) +
                  ") reached and every connection is authenticated or busy";
      return a;
    }
    a.evict = victim->id;
    Erase(victim);
  }
  a.id = next_id_++;
  entries_.push_back(Entry{*a.id, address});
  ++per_address_[address];
  return a;
}

std::list<ConnectionTable::Entry>::iterator ConnectionTable::Find(Id id) {
  return std::find_if(entries_.begin(), entries_.end(),
                      [id](const Entry& e) { return e.id == id; });
}

void ConnectionTable::Erase(std::list<Entry>::iterator it) {
  auto count = per_address_.find(it->address);
  if (count != per_address_.end() && --count->second <= 0) per_address_.erase(count);
  entries_.erase(it);
}

void ConnectionTable::SetBusy(Id id, bool busy) {
  auto it = Find(id);
  if (it != entries_.end()) it->busy = busy;
}

void ConnectionTable::SetAuthenticated(Id id) {
  auto it = Find(id);
  if (it != entries_.end()) it->authenticated = true;
}

void ConnectionTable::Remove(Id id) {
  auto it = Find(id);
  if (it != entries_.end()) Erase(it);
}

}  // namespace ordo::server
