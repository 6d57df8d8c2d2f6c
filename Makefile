# canje — the two commands a newcomer needs:
#   make run    bootstrap, build, load the cecot-2025 demo into ./demo/, print its summary, give
#               its users passwords and sign-in codes and serve the web console on 127.0.0.1:8420
#   make test   bootstrap, build (optimised and with ASan+UBSan) and run every test
# Also: make build, make test-full (longer fuzzing and larger data), make bench, make clean,
#   make install (PREFIX=/usr/local, DESTDIR honoured) and make deb (canje_VERSION_ARCH.deb here).

JOBS ?= $(shell nproc)
# The optimised tree's suites mostly wait (loopback, fsync, PostgreSQL): one more than the cores.
TEST_JOBS ?= $(shell echo $$(( $$(nproc) + 1 )))
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
CMAKE_FLAGS ?=
PREFIX ?= /usr/local

.PHONY: all bootstrap build build-asan test test-full run bench clean install deb

all: build

bootstrap:
	@scripts/bootstrap

# The optimised tree keeps line tables only (-g1): backtraces name files and lines, and it builds
# a quarter faster than with full debug information (docs/testing.md).
$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" $(CMAKE_FLAGS)

# The sanitizer tree keeps line tables only too: its reports name files and lines (-O0 inlines
# nothing), and it builds faster than with full debug information. It is compiled with clang,
# which builds it in about half the time gcc takes (docs/testing.md); the optimised tree keeps
# gcc, the faster of the two at -O2 here. A tree configured before with gcc keeps gcc: remove it.
ASAN_CXX ?= clang++
$(ASAN_DIR)/build.ninja:
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCANJE_SANITIZE=ON \
	  -DCMAKE_CXX_COMPILER=$(ASAN_CXX) -DCMAKE_CXX_FLAGS_DEBUG=-g1 $(CMAKE_FLAGS)

build: bootstrap $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The sanitizer tree builds only the unit tests.
build-asan: bootstrap $(ASAN_DIR)/build.ninja
	cmake --build $(ASAN_DIR) -j $(JOBS) --target unit_tests

# The optimised tree runs every test; the sanitizer tree runs the unit tests (label "unit").
# The optimised tree's suites also run on PostgreSQL: a throwaway cluster
# (scripts/postgres-test-cluster) lives for the ctest run and is removed even when tests fail.
# WITH_POSTGRES runs the rest of its line with CANJE_TEST_POSTGRES_URL naming such a cluster,
# removed afterwards even when the tests fail.
WITH_POSTGRES = pg_dir=$$(mktemp -d); trap '$(CURDIR)/scripts/postgres-test-cluster stop "$$pg_dir"' EXIT; \
	  url=$$($(CURDIR)/scripts/postgres-test-cluster start "$$pg_dir") || exit 1; \
	  echo "PostgreSQL test cluster: $$url"; export CANJE_TEST_POSTGRES_URL=$$url;

test: build build-asan
	@$(WITH_POSTGRES) cd $(BUILD_DIR) && ctest --output-on-failure -j $(TEST_JOBS) -LE full
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -L unit -LE full

# Longer runs: the "full" tests, and each fuzz target for a minute under the sanitizers.
test-full: test
	@$(WITH_POSTGRES) cd $(BUILD_DIR) && CANJE_TEST_FULL=1 ctest --output-on-failure -j $(JOBS) -L full
	cd $(ASAN_DIR) && CANJE_FUZZ_SECONDS=60 ctest --output-on-failure -j $(JOBS) -R _fuzz

run: build
	rm -rf demo && mkdir -p demo
	$(BUILD_DIR)/canje demo --db demo/canje.db
	@echo
	@echo "canje is built as $(BUILD_DIR)/canje. To type its commands as the README prints them"
	@echo "('canje ...'), put it on this shell's PATH:"
	@echo "  export PATH=\"$(abspath $(BUILD_DIR)):\$$PATH\""
	@echo "or install it for every shell: sudo make install (into $(PREFIX)),"
	@echo "or as a Debian package: make deb && sudo dpkg -i canje_*.deb"
	@scripts/demo-console $(BUILD_DIR)/canje demo/canje.db

# The binary, manual pages, bash completion, the canje-serve unit and its configuration, the
# web console (PREFIX/share/canje/console), the docs and examples, under PREFIX (the configuration in PREFIX/etc, or /etc when PREFIX is /usr).
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD_DIR) --prefix "$(PREFIX)"

# A Debian package built by CPack (docs/operations.md, "Installing canje").
deb: build
	rm -f $(BUILD_DIR)/canje_*.deb canje_*.deb
	cd $(BUILD_DIR) && cpack -G DEB
	cp $(BUILD_DIR)/canje_*.deb .

bench: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target benchmarks
	bench/run

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)
