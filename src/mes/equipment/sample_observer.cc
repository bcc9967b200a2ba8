// The observers of accepted samples (sample_observer.h).
#include "mes/equipment/sample_observer.h"

namespace ordo::equipment {

namespace {
// Written at start-up only (Register), read by the writer thread afterwards.
std::vector<SampleObserver>& Observers() {
  static std::vector<SampleObserver> observers;
  return observers;
}
}  // namespace

void RegisterSampleObserver(SampleObserver observer) { Observers().push_back(std::move(observer)); }

const std::vector<SampleObserver>& SampleObservers() { return Observers(); }

}  // namespace ordo::equipment
