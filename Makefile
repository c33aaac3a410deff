# dockling — the two commands a fresh machine needs are `make tour` and `make test`.
# `make vmtest` runs the cgroup tests again inside a VM booting Debian 12's own 6.1 kernel.
SWIFT  ?= swift
PREFIX ?= /usr/local
BIN    := .build/debug
TOOLS  := dockling dockling-init dockling-namespaces dockling-cgroups dockling-snapshot dockling-union dockling-commit dockling-stdio dockling-build
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: setup build release tour test pacetest vmtest bench install uninstall clean fuzz

# Only what building and touring takes; test, bench and vmtest install their own extras.
setup:
	@scripts/setup-debian.sh tour

build: setup
	$(SWIFT) build

# The lessons, step by step, with every kernel call traced (pauses when on a terminal).
tour: build
	$(BIN)/dockling tour

# Every lesson checked against the code (the tour keeps a store of its own), then the test suites.
test: build
	@scripts/setup-debian.sh test
	@log=$$(mktemp /tmp/dockling-tourlog.XXXXXX); \
	  $(BIN)/dockling tour --check --no-pause > $$log 2>&1; status=$$?; \
	  tail -n 1 $$log; [ $$status -eq 0 ] || cat $$log; rm -f $$log; exit $$status
	$(SWIFT) test --skip TourPaceSystemTests

# Lessons 6 and 7 on a 160x45 terminal with a reader's 40-second pause before every step:
# about 17 minutes of waiting, so not part of `make test` (CI runs it beside vmtest).
pacetest: build
	@scripts/setup-debian.sh test
	$(SWIFT) test --filter TourPaceSystemTests

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

# The system tests that touch cgroups, and a run/exec/commit/OOM check script, inside a
# virtual machine: Debian 12's own cloud kernel (6.1, cgroup v2 only, every controller
# delegated) under qemu's software emulation (no KVM needed), with an initramfs made from
# the executables below. Its own build folders, so that it never races `make test`'s
# .build; the kernel and the initramfs are cached in .build-vm/. See scripts/vmtest/.
VM_DIR     := .build-vm
VM_RELEASE := .build-vm-release
VM_DEBUG   := .build-vm-debug
vmtest:
	@scripts/setup-debian.sh vmtest
	$(SWIFT) build -c release --scratch-path $(VM_RELEASE) $(RELEASE_FLAGS)
	$(SWIFT) build --build-tests --scratch-path $(VM_DEBUG)
	@scripts/vmtest/fetch-kernel.sh $(VM_DIR)/kernel
	@VMTEST_TOOLS="$(TOOLS)" scripts/vmtest/build-initramfs.sh $(VM_DIR)/kernel $(VM_RELEASE)/release $(VM_DEBUG)/debug $(VM_DIR)/initramfs.cpio
	@scripts/vmtest/run.sh $(VM_DIR)/kernel $(VM_DIR)/initramfs.cpio $(VM_DIR)/console.log

bench: release
	@scripts/setup-debian.sh bench
	bench/build/run.sh .build/release
	bench/run.sh

install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/dockling/lessons
	for t in $(TOOLS); do install -m 755 .build/release/$$t $(PREFIX)/bin/$$t; done
	install -m 644 lessons/*.md $(PREFIX)/share/dockling/lessons/

uninstall:
	for t in $(TOOLS); do rm -f $(PREFIX)/bin/$$t; done
	rm -rf $(PREFIX)/share/dockling

# libFuzzer on the layer reader, image references and manifests (FUZZ_SECONDS each).
fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build $(VM_DIR) $(VM_RELEASE) $(VM_DEBUG)
