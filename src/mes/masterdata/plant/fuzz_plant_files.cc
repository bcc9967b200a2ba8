// libFuzzer target: arbitrary bytes as a plant YAML file must give objects or errors
// (with file, line and field), never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mes/masterdata/plant/plant_files.h"

namespace plant = ordo::masterdata::plant;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plant::PlantFile file{"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size)};
  plant::ReadResult result = plant::ReadPlantFiles({file});
  for (const auto& object : result.objects) {
    const auto* kind = ordo::masterdata::FindKind(object.kind);
    if (!kind) __builtin_trap();  // the reader only returns known kinds
    // What was read must write and read back to the same content.
    std::string again = plant::WriteObjectYaml(*kind, object.content);
    auto reread = plant::ReadPlantFiles({{"again.yaml", again}});
    if (!reread.errors.empty() || reread.objects.size() != 1 ||
        reread.objects[0].content != object.content)
      __builtin_trap();
  }
  return 0;
}
