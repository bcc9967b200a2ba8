# Sources that do not share a unity-build translation unit (ORDO_UNITY, CMakeLists.txt):
# each defines, in its anonymous namespace, a helper or constant of the same name as
# another source of its target (test fixtures such as kNow or Context(), or a small
# helper written twice, such as Str() or OrNull()), so they compile alone. Renaming or
# sharing the helper takes a source off this list. Included after every add_subdirectory:
# a source file's properties live in the folder that defines its target.

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/admin/demo_production.cc ${CMAKE_BINARY_DIR}/generated/demo_files.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/admin PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/access/domain/credential_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/access/domain/rename_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/access/domain/roles_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/access PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/batchrecord/domain/completeness.cc
  ${CMAKE_SOURCE_DIR}/src/mes/batchrecord/domain/independence.cc
  ${CMAKE_SOURCE_DIR}/src/mes/batchrecord/domain/sealed_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/batchrecord PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/equipment/domain/downtime_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/equipment/domain/ingest_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/equipment PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/equipment/sparkplug/topic.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/equipment/sparkplug PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/execution/domain/complete.cc
  ${CMAKE_SOURCE_DIR}/src/mes/execution/domain/complete_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/execution/domain/consume_serial_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/execution/domain/consume_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/execution/domain/produce_serials_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/execution/domain/produce_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/execution/domain/recording_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/execution PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/genealogy/http/recall_http.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/genealogy PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/lots/domain/lot_import_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/lots/domain/serial_actions_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/lots/domain/transitions_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/lots/http/lots_http.cc
  ${CMAKE_SOURCE_DIR}/src/mes/lots/http/serials_http.cc
  ${CMAKE_SOURCE_DIR}/src/mes/lots/store/serial_view.cc
  ${CMAKE_SOURCE_DIR}/src/mes/lots/store/serials_store.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/lots PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/masterdata/domain/change_control_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/masterdata PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/masterdata/plant/yaml_limits_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/masterdata/plant PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/orders/domain/import_test.cc
  ${CMAKE_SOURCE_DIR}/src/mes/orders/domain/release_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/orders PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/personnel/domain/duties_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/personnel PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mes/telemetry/domain/compaction_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mes/telemetry PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

# The MIS and the simulator are not part of the fuzz build (ORDO_FUZZ).
if(NOT ORDO_FUZZ)
set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mis/app/kpi_command.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mis/app PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mis/calendar/tzif.cc
  ${CMAKE_SOURCE_DIR}/src/mis/calendar/tzif_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mis/calendar PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/mis/kpi/kpi_time.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/mis/kpi PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

set_source_files_properties(
  ${CMAKE_SOURCE_DIR}/src/sim/messages_test.cc
  DIRECTORY ${CMAKE_SOURCE_DIR}/src/sim PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endif()
