# The two commands of the README: `make` and `make test`. Everything else is a helper.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps configure build test check clean bench test-sanitize fuzz package

all: build
	./$(BUILD_DIR)/plenary build --root .

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

check: build
	./$(BUILD_DIR)/plenary check --root .

clean:
	rm -rf $(BUILD_DIR)

# The Debian package (CPack): build/plenary_<version>_<arch>.deb; see docs/packaging.md.
package: build
	cd $(BUILD_DIR) && cpack -G DEB

# --- beyond the two commands -------------------------------------------------------------------
# Benchmarks against pandoc and WeasyPrint (tests/bench/); not part of `make test`.
bench: configure
	@scripts/install-deps.sh bench
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target plenary book_assemble
	tests/bench/run.sh $(BUILD_DIR)/plenary
	tests/bench/book.sh $(BUILD_DIR)

# libFuzzer targets (tests/fuzz/), built with clang into build-fuzz/: each runs FUZZ_SECONDS on
# its corpus (seeded from the sample data); findings are listed and fail the target.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/install-deps.sh fuzz
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLENARY_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzz_targets
	tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer.
SANITIZE_DIR ?= build-sanitize
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLENARY_SANITIZE=ON >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)
