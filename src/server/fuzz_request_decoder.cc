// libFuzzer target: the JSON request decoder must never crash, hang or accept a body
// that breaks its own contract, whatever bytes arrive.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "server/request_decoder.h"

namespace {

const ordo::server::RequestSchema& Schema() {
  using ordo::server::FieldType;
  static const ordo::server::RequestSchema schema{{
      {"subject", FieldType::kString, true, 64, ""},
      {"text", FieldType::kString, true, 4000, ""},
      {"corrects", FieldType::kInteger, false, 0, ""},
      {"flag", FieldType::kBoolean, false, 0, ""},
      {"roles", FieldType::kStringArray, false, 5, ""},
  }};
  return schema;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  auto result = ordo::server::DecodeRequest(body, Schema());
  if (result.ok()) {
    const auto& j = result.value();
    // Contract: only declared fields, required ones present, types as declared.
    if (!j.is_object() || !j.contains("subject") || !j["subject"].is_string() ||
        j["subject"].get_ref<const std::string&>().size() > 64 || !j.contains("text"))
      std::abort();
    for (auto it = j.begin(); it != j.end(); ++it) {
      bool known = false;
      for (const auto& f : Schema().fields) known = known || f.name == it.key();
      if (!known) std::abort();
    }
    (void)ordo::CanonicalJson(j);  // must not throw on anything accepted
  } else if (result.error().field.empty() || result.error().message.empty()) {
    std::abort();  // every rejection names the field and says why
  }
  return 0;
}
