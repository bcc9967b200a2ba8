// Glue for storing an attachment: look the hash up, call the decision, write the bytes
// beside the entry, reply with the row built from the appended entry.
#include "mes/attachments/commands/store_attachment.h"

#include "mes/attachments/store/attachments_store.h"

namespace ordo::attachments {

engine::Command StoreAttachment(engine::Actor actor, NewAttachment attachment) {
  engine::Command c;
  c.actor = std::move(actor);
  std::string data = std::move(attachment.data);
  attachment.data.clear();  // the decision needs only the metadata; the bytes go below
  c.decide = [attachment](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto found = FindAttachment(ctx.db, attachment.sha256);
    if (!found.ok()) return found.error();
    auto event = DecideStoreAttachment(attachment, found->has_value());
    if (!event.ok()) return event.error();
    return std::vector<ledger::Event>{std::move(*event)};
  };
  c.after_append = [sha256 = attachment.sha256, data = std::move(data)](
                       engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    return PutAttachmentData(ctx.db, sha256, data);
  };
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>& entries) {
    // The projection row as just written, built from the entry instead of read back.
    auto row = RowOf(entries.front());
    return Json{{"attachment", row.ok() ? ToJson(*row) : Json(nullptr)}};
  };
  return c;
}

}  // namespace ordo::attachments
