// Unit tests of the deviation decisions and projection.
#include "mes/deviations/domain/deviation.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/signatures/events.h"

namespace ordo::deviations {
namespace {

DeviationOpened Draft() {
  DeviationOpened e;
  e.id = "DV-000001";
  e.order_id = "WO-1";
  e.operation = "20";
  e.lots = {"L-1"};
  e.source = "manual";
  e.classification = "major";
  e.title = "Spill";
  e.description = "granulate spilled";
  return e;
}

Deviation OpenDev(const std::string& classification = "major") {
  DeviationOpened e = Draft();
  e.classification = classification;
  return Opened(e, 10, "op.olga", 1000);
}

signatures::SignerState Quality(const std::string& name, std::int64_t id = 4) {
  signatures::SignerState s;
  s.user_id = id;
  s.name = name;
  s.printed_name = name;
  s.meaning = "dispositioned";
  s.active = true;
  s.policy_acknowledged = true;
  return s;
}

template <typename T>
std::string Code(const Result<T>& r) {
  return r.ok() ? "" : r.error().reason;
}
template <typename T>
std::string Field(const Result<T>& r) {
  return r.ok() ? "" : r.error().field;
}

TEST(DeviationId, SixDigitsCountedFromOne) {
  ORDO_VERIFIES("ORDO-DEV-01");
  EXPECT_EQ(FormatId(1), "DV-000001");
  EXPECT_EQ(FormatId(123456), "DV-123456");
  EXPECT_EQ(FormatId(1234567), "DV-1234567");
}

TEST(DeviationOpen, ValidatesEachField) {
  ORDO_VERIFIES("ORDO-DEV-02");
  EXPECT_TRUE(ValidateOpen(Draft()).ok());
  auto with = [](auto change) {
    DeviationOpened e = Draft();
    change(e);
    Status s = ValidateOpen(e);
    return s.ok() ? std::string() : s.error().field;
  };
  EXPECT_EQ(with([](auto& e) { e.order_id.clear(); }), "order_id");
  EXPECT_EQ(with([](auto& e) { e.title.clear(); }), "title");
  EXPECT_EQ(with([](auto& e) { e.title = std::string(201, 'x'); }), "title");
  EXPECT_EQ(with([](auto& e) { e.description = "a\x01"; }), "description");
  EXPECT_EQ(with([](auto& e) { e.classification = "severe"; }), "classification");
  EXPECT_EQ(with([](auto& e) { e.source = "guess"; }), "source");
  EXPECT_EQ(with([](auto& e) { e.lots = {"L-1", ""}; }), "lots[1]");
}

TEST(DeviationUpdate, NotesAreAppendedNeverRewritten) {
  ORDO_VERIFIES("ORDO-DEV-03");
  Deviation d = OpenDev();
  DeviationUpdated u;
  u.investigation_note = "first look";
  auto e = DecideUpdate(d, u, {});
  ASSERT_TRUE(e.ok());
  Apply(d, ledger::ReadPayload<DeviationUpdated>(e->payload).value(), "qa.anna", 2000);
  u.investigation_note = "second look";
  Apply(d, u, "qa.bert", 3000);
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(d.notes[0].text, "first look");
  EXPECT_EQ(d.notes[0].actor, "qa.anna");
  EXPECT_EQ(d.notes[1].text, "second look");
}

TEST(DeviationUpdate, RefusesBadInputUnknownRootCauseAndClosed) {
  ORDO_VERIFIES("ORDO-DEV-04");
  Deviation d = OpenDev();
  EXPECT_EQ(Code(DecideUpdate(d, DeviationUpdated{}, {})), "missing_field");
  DeviationUpdated c;
  c.classification = "huge";
  EXPECT_EQ(Field(DecideUpdate(d, c, {})), "classification");
  DeviationUpdated r;
  r.root_cause = "GUESS";
  EXPECT_EQ(Code(DecideUpdate(d, r, {"EQUIPMENT", "METHOD"})), "unknown_code");
  EXPECT_EQ(Field(DecideUpdate(d, r, {"EQUIPMENT"})), "root_cause");
  r.root_cause = "METHOD";
  EXPECT_TRUE(DecideUpdate(d, r, {"EQUIPMENT", "METHOD"}).ok());
  d.state = kStateClosed;
  EXPECT_EQ(Code(DecideUpdate(d, r, {"METHOD"})), "deviation_closed");
}

TEST(DeviationUpdate, ACriticalDeviationStaysCriticalSoOneSignatureNeverClosesIt) {
  ORDO_VERIFIES("ORDO-DEV-06", "ORDO-DEV-16");
  Deviation critical = OpenDev("critical");
  DeviationUpdated lower;
  lower.classification = "minor";
  EXPECT_EQ(Code(DecideUpdate(critical, lower, {})), "invalid_transition");
  EXPECT_EQ(Field(DecideUpdate(critical, lower, {})), "classification");
  // A major deviation may be raised to critical (and then needs two signatures).
  DeviationUpdated raise;
  raise.classification = "critical";
  EXPECT_TRUE(DecideUpdate(OpenDev("major"), raise, {}).ok());
}

TEST(DeviationDisposition, OneSignatureClosesAMajorDeviation) {
  ORDO_VERIFIES("ORDO-DEV-05", "P11-17");
  Deviation d = OpenDev("major");
  auto out = DecideDisposition(d, "use_as_is", "within validated range", Quality("qa.anna"), 20);
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(out->events.size(), 3u);
  EXPECT_EQ(out->events[0].type, signatures::SignatureApplied::kType);
  EXPECT_EQ(out->events[0].payload["meaning"], "dispositioned");
  EXPECT_EQ(out->events[1].type, DispositionSigned::kType);
  EXPECT_EQ(out->events[1].signatures, Json::array({20}));
  EXPECT_EQ(out->events[2].type, DeviationClosed::kType);
  EXPECT_TRUE(out->closed);
  EXPECT_FALSE(out->second_signature_required);
}

TEST(DeviationDisposition, CriticalNeedsTwoDistinctSignersNeverTheAuthor) {
  ORDO_VERIFIES("ORDO-DEV-06", "P11-17");
  Deviation d = OpenDev("critical");
  EXPECT_EQ(SignaturesNeeded(d), 2);
  // The author may sign neither.
  auto author = DecideDisposition(d, "rework", "", Quality("op.olga"), 20);
  EXPECT_EQ(Code(author), "same_person");
  EXPECT_EQ(Field(author), "signature.user");
  auto first = DecideDisposition(d, "rework", "", Quality("qa.anna"), 20);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->events.size(), 2u);
  EXPECT_TRUE(first->second_signature_required);
  EXPECT_FALSE(first->closed);
  Apply(d, DispositionSigned{d.id, "rework", ""}, "qa.anna", 21, 2000);
  EXPECT_EQ(d.dispositions[0].signature_seq, 20);
  // The same person again, and a different disposition, are refused.
  EXPECT_EQ(Code(DecideDisposition(d, "rework", "", Quality("qa.anna"), 30)), "same_person");
  EXPECT_EQ(Code(DecideDisposition(d, "scrap", "", Quality("qa.bert", 5), 30)),
            "invalid_transition");
  auto second = DecideDisposition(d, "rework", "", Quality("qa.bert", 5), 30);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->closed);
  Apply(d, DeviationClosed{d.id}, 4000);
  EXPECT_EQ(d.state, kStateClosed);
  EXPECT_EQ(Code(DecideDisposition(d, "rework", "", Quality("qa.carl", 6), 40)),
            "deviation_closed");
}

TEST(DeviationDisposition, RefusesUnknownDispositionAndWrongMeaning) {
  ORDO_VERIFIES("ORDO-DEV-07");
  Deviation d = OpenDev();
  EXPECT_EQ(Field(DecideDisposition(d, "ignore", "", Quality("qa.anna"), 20)), "disposition");
  auto wrong = Quality("qa.anna");
  wrong.meaning = "released";
  EXPECT_EQ(Field(DecideDisposition(d, "scrap", "", wrong, 20)), "signature.meaning");
  auto unacknowledged = Quality("qa.anna");
  unacknowledged.policy_acknowledged = false;
  EXPECT_EQ(Code(DecideDisposition(d, "scrap", "", unacknowledged, 20)), "policy_not_acknowledged");
}

TEST(DeviationJson, RoundTripsTheProjectedState) {
  ORDO_VERIFIES("ORDO-DEV-08");
  Deviation d = OpenDev("critical");
  Apply(d, DeviationUpdated{d.id, std::nullopt, std::nullopt, "note", "METHOD", "CAPA-7"},
        "qa.anna", 5);
  Apply(d, DispositionSigned{d.id, "scrap", "gone"}, "qa.anna", 12, 6);
  Deviation back = FromJson(ToJson(d));
  EXPECT_EQ(ToJson(back), ToJson(d));
  EXPECT_EQ(back.root_cause, "METHOD");
  EXPECT_EQ(back.capa, "CAPA-7");
  EXPECT_EQ(back.dispositions.at(0).signer, "qa.anna");
}

}  // namespace
}  // namespace ordo::deviations
