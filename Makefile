# dockling — the two commands a fresh machine needs are `make tour` and `make test`.
SWIFT  ?= swift
PREFIX ?= /usr/local
BIN    := .build/debug
TOOLS  := dockling dockling-init dockling-namespaces dockling-cgroups dockling-snapshot dockling-union dockling-commit dockling-stdio
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: setup build release tour test bench install clean fuzz

setup:
	@scripts/setup-debian.sh

build: setup
	$(SWIFT) build

# The lessons, step by step, with every kernel call traced (pauses when on a terminal).
tour: build
	$(BIN)/dockling tour

# Every lesson checked against the code (in a throw-away store), then the test suites.
test: build
	@root=$$(mktemp -d /tmp/dockling-tour-root.XXXXXX); chmod 755 $$root; \
	  $(BIN)/dockling tour --check --no-pause --root $$root > $$root.log 2>&1; status=$$?; \
	  tail -n 1 $$root.log; [ $$status -eq 0 ] || cat $$root.log; \
	  rm -rf $$root $$root.log; exit $$status
	$(SWIFT) test

# The optimised executables that bench measures and install copies. They start faster
# - without the $$ORIGIN search path (the Swift runtime is linked in, so ld.so has
#   nothing to look for beside them);
# - with lld's packed relative relocations (DT_RELR, glibc 2.36+): 40 000 relocations
#   in 7 KB instead of 1 MB for ld.so to read at each start;
# - with the C++ runtime linked in too (scripts/static-cxx, -static-libgcc): ld.so then
#   loads two libraries fewer, and libstdc++.so's 5 000 relocations with them;
# - with generic metadata prespecialised at compile time (as the Swift standard library
#   is built), where the runtime would otherwise build it from mangled names at start.
RELEASE_FLAGS := --static-swift-stdlib --disable-local-rpath \
  -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs \
  -Xlinker -L$(CURDIR)/scripts/static-cxx -Xswiftc -Xclang-linker -Xswiftc -static-libgcc \
  -Xswiftc -Xfrontend -Xswiftc -prespecialize-generic-metadata
release: setup
	$(SWIFT) build -c release $(RELEASE_FLAGS)

bench: release
	bench/run.sh

install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/dockling/lessons
	for t in $(TOOLS); do install -m 755 .build/release/$$t $(PREFIX)/bin/$$t; done
	install -m 644 lessons/*.md $(PREFIX)/share/dockling/lessons/

# libFuzzer on the layer reader, image references and manifests (FUZZ_SECONDS each).
fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build
