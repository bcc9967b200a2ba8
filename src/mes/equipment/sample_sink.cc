// The installed sample sink (sample_sink.h).
#include "mes/equipment/sample_sink.h"

#include <atomic>

namespace ordo::equipment {

namespace {
std::atomic<SampleSink*> installed{nullptr};  // set at start-up, read by the writer thread
}  // namespace

void SetSampleSink(SampleSink* sink) { installed = sink; }

SampleSink* InstalledSampleSink() { return installed; }

}  // namespace ordo::equipment
