// ReadPlantFiles with the real content validation (masterdata::ValidateContent). Kept in
// its own file so code that only writes YAML does not need validation linked.
#include "mes/masterdata/domain/validate.h"
#include "mes/masterdata/plant/detail/reader.h"

namespace ordo::masterdata::plant {

ReadResult ReadPlantFiles(const std::vector<PlantFile>& files) {
  return detail::ReadPlantFilesWith(files, masterdata::ValidateContent);
}

}  // namespace ordo::masterdata::plant
