// ReadPlantFiles with the real content validation (masterdata::ValidateContent). Kept in
// its own file so code that only writes YAML does not need validation linked.
#include "domain/masterdata/validate.h"
#include "plant/detail/reader.h"

namespace ordo::plant {

ReadResult ReadPlantFiles(const std::vector<PlantFile>& files) {
  return detail::ReadPlantFilesWith(files, masterdata::ValidateContent);
}

}  // namespace ordo::plant
