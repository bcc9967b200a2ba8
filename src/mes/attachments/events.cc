// JSON of the attachments capability's event (the stored payload shape;
// docs/masterdata.md section 7).
#include "mes/attachments/events.h"

namespace ordo::attachments {

void to_json(Json& j, const AttachmentStored& e) {
  j = Json{{"sha256", e.sha256}, {"name", e.name}, {"media_type", e.media_type}, {"size", e.size}};
}

void from_json(const Json& j, AttachmentStored& e) {
  j.at("sha256").get_to(e.sha256);
  j.at("name").get_to(e.name);
  j.at("media_type").get_to(e.media_type);
  j.at("size").get_to(e.size);
}

}  // namespace ordo::attachments
