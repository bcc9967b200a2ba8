// The execution commands (issue 10 section 4): each loads the facts its rule needs
// (facts_loader.h), asks the pure decision (domain/) and emits the events: the orders
// events of the operation's life (orders/events.h), lots.material_consumed, and
// execution's own records. A compliance refusal (IsComplianceRefusal) is itself recorded
// as execution.command_refused; its reply is {"refused": {...the error...}}, which the
// HTTP layer answers as the refusal's problem (RefusalOf). Glue only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "mes/execution/domain/complete.h"
#include "mes/execution/domain/recording.h"
#include "mes/signatures/signing.h"

namespace ordo::execution {

struct OperationRef {
  std::string order_id, operation;
};

engine::Command StartOperationCommand(engine::Actor actor, OperationRef ref, std::string work_unit);
engine::Command PauseOperationCommand(engine::Actor actor, OperationRef ref, std::string reason);
engine::Command ResumeOperationCommand(engine::Actor actor, OperationRef ref);
engine::Command AcknowledgeCommand(engine::Actor actor, OperationRef ref,
                                   std::optional<std::string> shown_hash);

// What the operator scanned or typed: `lot` (a lot id) or `scan` (a plain lot id or GS1
// element strings, lots/gs1/gs1.h), the quantity and its unit (a unit of the lot's
// material, converted to its base unit).
// Or `serial`: a component serial (lots.h: FindSerial) consumed into the order's device
// (domain/consume_serial.h), quantity absent or 1, no lot or scan; it records
// lots.serial_consumed after the genealogy cycle check (ConsumeSerialCommand). A `scan`
// of a GS1 label with GTIN (AI 01) of a serial-tracked material and serial (AI 21), no lot
// (AI 10), consumes that serial the same way (refusals name the field scan; the label's
// material must be the serial's: wrong_material).
struct ConsumeInput {
  std::string lot, scan;
  double quantity = 0;
  std::string unit;
  std::string serial;
};
engine::Command ConsumeCommand(engine::Actor actor, OperationRef ref, ConsumeInput input);
// The consume command of a component serial (ConsumeCommand calls it when `serial` is
// given). Refusals: conflicting_fields (field serial) with a lot or scan;
// invalid_quantity (field quantity) for a quantity other than 1; the recording checks;
// serial_missing (404, field serial) for a serial never produced; DecideConsumeSerial's;
// genealogy_cycle (field serial) when the serial came from this order.
engine::Command ConsumeSerialCommand(engine::Actor actor, OperationRef ref, ConsumeInput input);
// An output lot produced at the operation: the lot id, optionally the material the
// operator believes it is (checked against the order's product), the quantity and its
// unit (a unit of the product material, default its base unit), expiry and location.
// For a serial-tracked product: `count` serials generated from the material's
// serial_pattern, or the `serials` scanned (domain/produce_serials.h), one
// lots.serial_produced each; lot, quantity, unit, expiry and location are then not used
// (lot and quantity are refused).
struct ProduceInput {
  std::string lot, material;
  double quantity = 0;
  std::string unit, expiry, location;
  std::optional<std::int64_t> count;
  std::vector<std::string> serials;
};
engine::Command ProduceCommand(engine::Actor actor, OperationRef ref, ProduceInput input);
engine::Command RecordParameterCommand(engine::Actor actor, OperationRef ref,
                                       RecordParameter input);
engine::Command RecordCharacteristicCommand(engine::Actor actor, OperationRef ref,
                                            RecordCharacteristic input);
engine::Command CompleteOperationCommand(engine::Actor actor, OperationRef ref,
                                         CompleteCommand input);
engine::Command VerifyOperationCommand(engine::Actor actor, OperationRef ref,
                                       signatures::SignerIdentity signer);

// The refusal a command's reply records ({"refused": ...}), or nullopt for a success.
std::optional<Error> RefusalOf(const Json& reply);

// The operation as the terminal shows it: the pinned operation with its state, the
// order's state, what this user acknowledged, the recorded values and exceptions, and
// the order's bill of materials with what has been consumed.
Result<Json> OperationView(storage::Database& db, const OperationRef& ref, std::int64_t user_id);

}  // namespace ordo::execution
