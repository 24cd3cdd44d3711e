# The two commands of the README: `make` and `make test`. Everything else is a helper.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps configure build test check clean bench test-sanitize fuzz

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

# --- beyond the two commands -------------------------------------------------------------------
# Benchmarks against pandoc and WeasyPrint (tests/bench/); not part of `make test`.
bench: configure
	@scripts/install-deps.sh bench
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target plenary
	tests/bench/run.sh $(BUILD_DIR)/plenary

# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer.
SANITIZE_DIR ?= build-sanitize
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLENARY_SANITIZE=ON >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)
