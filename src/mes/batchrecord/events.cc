// JSON of the batch record's events (the stored payload shape; docs/batch-record.md).
#include "mes/batchrecord/events.h"

namespace ordo::batchrecord {

void to_json(Json& j, const ReviewItem& e) {
  j = Json{{"exception_id", e.exception_id}, {"outcome", e.outcome}, {"comment", e.comment}};
}
void from_json(const Json& j, ReviewItem& e) {
  j.at("exception_id").get_to(e.exception_id);
  j.at("outcome").get_to(e.outcome);
  j.at("comment").get_to(e.comment);
}
void to_json(Json& j, const ExceptionsReviewed& e) {
  j = Json{{"order_id", e.order_id}, {"items", e.items}};
}
void from_json(const Json& j, ExceptionsReviewed& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("items").get_to(e.items);
}
void to_json(Json& j, const Released& e) {
  j = Json{{"order_id", e.order_id},
           {"version", e.version},
           {"content_hash", e.content_hash},
           {"checkpoint_seq", e.checkpoint_seq},
           {"record", e.record}};
}
void from_json(const Json& j, Released& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("version").get_to(e.version);
  j.at("content_hash").get_to(e.content_hash);
  j.at("checkpoint_seq").get_to(e.checkpoint_seq);
  e.record = j.at("record");
}
void to_json(Json& j, const Amended& e) {
  j = Json{{"order_id", e.order_id},
           {"reason", e.reason},
           {"previous_hash", e.previous_hash},
           {"content_hash", e.content_hash}};
}
void from_json(const Json& j, Amended& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("reason").get_to(e.reason);
  j.at("previous_hash").get_to(e.previous_hash);
  j.at("content_hash").get_to(e.content_hash);
}

}  // namespace ordo::batchrecord
