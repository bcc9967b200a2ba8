# ordo: the two commands of the README, plus bench. See README.md.
BUILD ?= build
PORT ?= 8080
FUZZ_SECONDS ?= 30
# make demo: SIM=0 runs the server without the plant simulator and mosquitto.
SIM ?= 1
MQTT_PORT ?= 18830
# make demo: the MIS's port (MIS_PORT=off runs the demo without the MIS).
MIS_PORT ?= 8090

.PHONY: all deps build bench-build demo test test-tiers validation unit e2e openapi-lint fuzz bench soak bench-mis-year bench-genealogy-10m format clean
# Test results that `make validation` reads (docs/validation/README.md).
RESULTS = $(abspath $(BUILD))/test-results

all: build

deps:
	@scripts/install-deps

# `make build` (for demo and test) compiles at -O1 -g1: about half the compile time of
# -O2 -g, with line tables for backtraces. `make bench` and `make soak` build apart at
# -O2 -g in $(BENCH_BUILD), so the figures in docs/PERFORMANCE.md are of optimised code.
CXX_OPT ?= -O1 -g1 -DNDEBUG
BENCH_BUILD ?= build-bench

# Configures only for a new build directory or other flags: a configure rewrites
# generated/version.cc (its configure time), and everything would link again. Ninja
# re-runs CMake by itself when a CMakeLists.txt or the checked-out commit changes.
build: deps
	@if [ ! -f $(BUILD)/build.ninja ] || [ "$$(cat $(BUILD)/.cxx-opt 2>/dev/null)" != "$(CXX_OPT)" ]; then \
	  cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$(CXX_OPT)" >/dev/null && echo "$(CXX_OPT)" > $(BUILD)/.cxx-opt; \
	fi
	@cmake --build $(BUILD)

# Runs the MES on an embedded SQLite store under ./ordo-data with demo users, with the
# plant simulator and mosquitto beside it (scripts/demo; SIM=0 turns them off).
demo: build
	@if [ ! -f ordo-data/ordo.db ]; then \
	  $(BUILD)/ordo init --data ordo-data --demo | tee ordo-data.credentials.tmp && \
	  mv ordo-data.credentials.tmp ordo-data/demo-credentials.txt && chmod 600 ordo-data/demo-credentials.txt; \
	else \
	  echo "Using the existing ./ordo-data; demo credentials:"; cat ordo-data/demo-credentials.txt 2>/dev/null; \
	fi
	@echo "Open http://127.0.0.1:$(PORT) (Ctrl-C stops the server)"
	@scripts/demo $(BUILD) ordo-data $(PORT) $(SIM) $(MQTT_PORT) $(MIS_PORT)

# Every test tier: unit + integration + tamper + crash (ctest), fuzzing, browser; then the
# validation pack from their results (build/validation/), also when a tier failed.
test: build
	@$(MAKE) --no-print-directory test-tiers || { $(MAKE) --no-print-directory validation; exit 1; }
	@$(MAKE) --no-print-directory validation

# The test tiers hash passwords at libsodium's minimum Argon2id cost (src/core/crypto.h):
# they hash and verify thousands, at about 0.2 s each at the plant's cost. One test checks
# the plant's cost itself (CryptoTest.PlantsGetTheInteractiveCost...).
test-tiers: export ORDO_INSECURE_FAST_PASSWORD_HASH = 1
test-tiers:
	@rm -rf $(RESULTS) build-fuzz/*.log
	@mkdir -p $(RESULTS)
	ctest --test-dir $(BUILD) --show-only=json-v1 > $(RESULTS)/ctest-tests.json
	ctest --test-dir $(BUILD) --output-on-failure -j2 --timeout 900 --output-junit $(RESULTS)/ctest-junit.xml
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory e2e

# The validation pack: trace matrix and compliance response from the last test run
# (tools/validation, docs/validation/README.md). Fails, after writing it, when a test
# failed or a tag names an unknown requirement; prints the counts for the CI log.
validation:
	@node tools/validation/generate.mjs --build $(BUILD)

unit: build
	ctest --test-dir $(BUILD) --output-on-failure -j2 -L unit

# The OpenAPI document (`ordo openapi`) through Spectral, no finding allowed; `make test`
# runs it too, as the ctest test openapi_lint.
openapi-lint: build
	tests/openapi_lint.sh $(BUILD)/ordo

# Prints to the console and writes a JUnit report for the validation pack. The tests'
# screenshots and accessibility reports (web/test-output/, a11y/ per page) are kept with
# the results as $(RESULTS)/e2e-output, also when a test failed.
e2e: build
	@mkdir -p $(RESULTS)
	@rm -rf web/test-output $(RESULTS)/e2e-output
	cd web && npm run --silent build && ORDO_BIN=$(CURDIR)/$(BUILD)/ordo ORDO_MIS_BIN=$(CURDIR)/$(BUILD)/ordo-mis node --test \
	  --test-reporter=spec --test-reporter-destination=stdout \
	  --test-reporter=junit --test-reporter-destination=$(RESULTS)/e2e-junit.xml e2e/; \
	  status=$$?; if [ -d test-output ]; then cp -r test-output $(RESULTS)/e2e-output; fi; exit $$status

fuzz: deps
	@cmake -S . -B build-fuzz -G Ninja -DORDO_FUZZ=ON -DORDO_WEB=OFF \
	  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build-fuzz --target fuzz_request_decoder fuzz_plant_files fuzz_gs1_scan \
	  fuzz_sparkplug_payload fuzz_equipment_batch
	@mkdir -p build-fuzz/corpus build-fuzz/plant-corpus build-fuzz/gs1-corpus \
	  build-fuzz/sparkplug-corpus build-fuzz/equipment-corpus
	tests/fuzz_run.sh build-fuzz/fuzz_request_decoder.log \
	  build-fuzz/src/server/fuzz_request_decoder -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=4096 -timeout=10 -artifact_prefix=build-fuzz/ -print_final_stats=1 build-fuzz/corpus tests/fuzz_seeds
	tests/fuzz_run.sh build-fuzz/fuzz_plant_files.log \
	  build-fuzz/src/mes/masterdata/plant/fuzz_plant_files -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=8192 -timeout=10 -artifact_prefix=build-fuzz/plant- -print_final_stats=1 \
	  build-fuzz/plant-corpus demo/plant/routings demo/plant/equipment demo/plant/products \
	  tests/plant_fuzz_seeds
	tests/fuzz_run.sh build-fuzz/fuzz_gs1_scan.log \
	  build-fuzz/src/mes/lots/gs1/fuzz_gs1_scan -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=600 -timeout=10 -artifact_prefix=build-fuzz/gs1- -print_final_stats=1 \
	  build-fuzz/gs1-corpus tests/gs1_fuzz_seeds
	tests/fuzz_run.sh build-fuzz/fuzz_sparkplug_payload.log \
	  build-fuzz/src/mes/equipment/sparkplug/fuzz_sparkplug_payload -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=4096 -timeout=10 -artifact_prefix=build-fuzz/sparkplug- -print_final_stats=1 \
	  build-fuzz/sparkplug-corpus tests/sparkplug_fuzz_seeds
	tests/fuzz_run.sh build-fuzz/fuzz_equipment_batch.log \
	  build-fuzz/src/mes/equipment/fuzz_equipment_batch -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=4096 -timeout=10 -artifact_prefix=build-fuzz/equipment- -print_final_stats=1 \
	  build-fuzz/equipment-corpus tests/equipment_fuzz_seeds

# The benchmarks' own build: -O2 -g, no web UI, only what the benchmarks run.
bench-build: deps
	@cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DORDO_WEB=OFF \
	  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g -DNDEBUG" >/dev/null
	@cmake --build $(BENCH_BUILD) --target ordo ordo_bench ordo_dispatch_bench \
	  dispatch_sequencing_bench ordo_genealogy_bench ordo_batch_record_bench ordo_equipment_bench \
	  ordo_telemetry_bench ordo_mqtt_bench ordo_soak ordo_mis ordo_mis_oee_bench ordo_mis_feed_bench

bench: bench-build
	$(BENCH_BUILD)/bench/ordo_bench
	$(BENCH_BUILD)/bench/ordo_dispatch_bench
	$(BENCH_BUILD)/src/mes/dispatch/dispatch_sequencing_bench
	$(BENCH_BUILD)/bench/ordo_genealogy_bench
	$(BENCH_BUILD)/bench/ordo_batch_record_bench
	$(BENCH_BUILD)/bench/ordo_equipment_bench
	$(BENCH_BUILD)/bench/ordo_telemetry_bench
	$(BENCH_BUILD)/bench/ordo_mqtt_bench
	$(BENCH_BUILD)/bench/ordo_mis_oee_bench
	$(BENCH_BUILD)/bench/ordo_mis_feed_bench

soak: bench-build
	ORDO_SOAK_SUMMARY=$(abspath $(BENCH_BUILD))/soak-summary.txt $(BENCH_BUILD)/bench/ordo_soak

# The MIS OEE benchmark at the issue's full size: 500 work units x one year (~4.3 GB, ~15 min).
bench-mis-year: bench-build
	$(BENCH_BUILD)/bench/ordo_mis_oee_bench --days 365

bench-genealogy-10m: bench-build
	$(BENCH_BUILD)/bench/ordo_genealogy_bench --lots 10000000

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(BENCH_BUILD) build-fuzz
