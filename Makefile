# tamas — a SQLite extension that reads Persian news into contact events.
#
#   make          build build/tamas.so (load it with `.load build/tamas`)
#   make test     install missing Debian packages, then run every test,
#                 plain and under AddressSanitizer + UndefinedBehaviorSanitizer
#   make demo     run tamas on the example articles in sql/news/
#   make bench    benchmark against SQLite's own functions
#   make tsan     the thread tests, ten times, under ThreadSanitizer
#   make deps     install the Debian packages the build and tests need
#   make install  install the library (PREFIX=/usr/local, DESTDIR) so that
#                 `.load tamas` works from any directory; make uninstall

CC       ?= cc
PKGS     := icu-uc icu-i18n libpcre2-8 sqlite3
OPT      ?= -O2
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
COMMIT   := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
CPPFLAGS := -Iinclude -Iext/core -D_GNU_SOURCE
BASEFLAGS = -std=c11 $(OPT) -g $(WARN) -fPIC
# Exported: the SQLite entry points and include/tamas.h, nothing else; calls
# inside the library are direct (no PLT), whatever CFLAGS says.
SOFLAGS  := -fvisibility=hidden -fno-semantic-interposition
CFLAGS   ?= $(BASEFLAGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs icu-uc icu-i18n libpcre2-8 2>/dev/null)
LIBS      = $(PKG_LIBS) -lpthread -lm
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined

CORE_SRC   := $(wildcard ext/core/*.c)
CORE_ASM   := $(wildcard ext/core/*.S)
LEXICONS   := $(wildcard sql/lexicon/*.tsv)
SQLITE_SRC := $(wildcard ext/sqlite/*.c)
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
CORE_OBJ   := $(CORE_SRC:ext/core/%.c=core/%.o) $(CORE_ASM:ext/core/%.S=core/%.o)
HEADERS    := $(wildcard include/*.h ext/core/*.h ext/sqlite/*.h)

# Debian packages for the build, the tests and the demo.
DEBS := gcc make pkg-config sqlite3 libsqlite3-dev libicu-dev libpcre2-dev
# … and for the tests of other languages (tests/lang/) and of the SVG timeline
DEBS += python3 tcl libsqlite3-tcl libdbd-sqlite3-perl libxml2-utils
# … and for the memory checks of make test (tests/run.sh runs the tests under it)
DEBS += valgrind

.PHONY: all deps test unit-test sql-test demo bench clean
all: build/tamas.so

# ---- the extension: plain and sanitized -------------------------------------
define variant
# $(1) = build dir, $(2) = extra flags
$(1)/core/%.o: ext/core/%.c $(HEADERS) | $(1)/core
	$$(CC) $$(CPPFLAGS) $$(PKG_CFLAGS) $$(CFLAGS) $$(SOFLAGS) $(2) -c $$< -o $$@
$(1)/core/%.o: ext/core/%.S $(LEXICONS) | $(1)/core
	$$(CC) -I. -c $$< -o $$@
$(1)/sqlite/%.o: ext/sqlite/%.c $(HEADERS) | $(1)/sqlite
	$$(CC) $$(CPPFLAGS) $$(PKG_CFLAGS) $$(CFLAGS) $$(SOFLAGS) $(2) \
	  -DTAMAS_COMMIT='"$$(COMMIT)"' \
	  -DTAMAS_BUILD_FLAGS='"$$(strip $$(CFLAGS) $$(SOFLAGS) $(2))"' -c $$< -o $$@
$(1)/tamas.so: $(CORE_OBJ:%=$(1)/%) $(SQLITE_SRC:ext/sqlite/%.c=$(1)/sqlite/%.o)
	$$(CC) -shared -Wl,-soname,tamas.so $(2) -o $$@ $$^ $$(LIBS)
$(1)/tests/%: tests/unit/%.c $(CORE_OBJ:%=$(1)/%) tests/unit/check.h | $(1)/tests
	$$(CC) $$(CPPFLAGS) $$(PKG_CFLAGS) $$(CFLAGS) $(2) -Itests/unit -o $$@ $$< \
	  $(CORE_OBJ:%=$(1)/%) $$(LIBS)
$(1)/core $(1)/sqlite $(1)/tests:
	mkdir -p $$@
endef
$(eval $(call variant,build,))
$(eval $(call variant,build/asan,$(SANITIZE)))
# ThreadSanitizer: the threads of a scan (ext/core/scan.c) and of several
# connections (test_threads).  make test runs test_scan under it; make tsan
# runs both TSAN_RUNS times, for races that show only at the wrong moment.
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
$(eval $(call variant,build/tsan,$(TSAN_FLAGS)))

UNIT_BINS      := $(UNIT_SRC:tests/unit/%.c=build/tests/%)
UNIT_BINS_ASAN := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)

# The fuzz targets (tests/fuzz/) replayed on their corpus — the seeds and
# every input that once crashed — as unit tests, with gcc, plain and sanitized.
FUZZ_SRC       := $(wildcard tests/fuzz/fuzz_*.c)
UNIT_BINS      += $(FUZZ_SRC:tests/fuzz/fuzz_%.c=build/tests/test_fuzz_%)
UNIT_BINS_ASAN += $(FUZZ_SRC:tests/fuzz/fuzz_%.c=build/asan/tests/test_fuzz_%)
build/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(CORE_OBJ:%=build/%) | build/tests
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Itests/fuzz -DFUZZ_TARGET='"$*"' -o $@ $< \
	  tests/fuzz/replay.c $(CORE_OBJ:%=build/%) $(LIBS)
build/asan/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(CORE_OBJ:%=build/asan/%) | build/asan/tests
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(SANITIZE) -Itests/fuzz -DFUZZ_TARGET='"$*"' -o $@ $< \
	  tests/fuzz/replay.c $(CORE_OBJ:%=build/asan/%) $(LIBS)

# test_threads goes through SQLite: it loads the extension built next to it
# (build/tamas, build/asan/tamas).  ICU is linked in so that it stays mapped
# for the leak checkers when SQLite unloads the extension.
THREAD_LIBS = $(shell pkg-config --libs sqlite3 2>/dev/null) -Wl,--no-as-needed $(PKG_LIBS) \
              -Wl,--as-needed -lpthread
build/tests/test_threads: tests/unit/test_threads.c tests/unit/check.h build/tamas.so | build/tests
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Itests/unit -o $@ $< $(THREAD_LIBS)
build/asan/tests/test_threads: tests/unit/test_threads.c tests/unit/check.h build/asan/tamas.so | build/asan/tests
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(SANITIZE) -Itests/unit -o $@ $< $(THREAD_LIBS)
build/tsan/tests/test_threads: tests/unit/test_threads.c tests/unit/check.h build/tsan/tamas.so | build/tsan/tests
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(TSAN_FLAGS) -Itests/unit -o $@ $< $(THREAD_LIBS)

# ---- dependencies ------------------------------------------------------------
deps:
	@missing=""; for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "make deps: run as root, or: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# ---- tests ---------------------------------------------------------------------
# tests/run.sh runs each unit binary and each SQL script, compares, and ends
# with one line "N passed, N failed".
test: deps
	$(MAKE) --no-print-directory build/tamas.so build/asan/tamas.so $(UNIT_BINS) $(UNIT_BINS_ASAN) \
	  build/tsan/tests/test_scan
	@sh tests/run.sh

TSAN_RUNS ?= 10
.PHONY: tsan
tsan: deps
	$(MAKE) --no-print-directory build/tsan/tests/test_threads build/tsan/tests/test_scan
	@for i in $$(seq $(TSAN_RUNS)); do \
	  for t in build/tsan/tests/test_threads build/tsan/tests/test_scan; do \
	    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 $$t >/dev/null || exit 1; \
	  done; \
	done; echo "make tsan: $(TSAN_RUNS) runs of test_threads and test_scan, no data race"

demo: deps
	$(MAKE) --no-print-directory build/tamas.so
	@sqlite3 -cmd ".load build/tamas" -box :memory: < sql/demo.sql

bench: deps
	$(MAKE) --no-print-directory build/tamas.so build/bench build/bench-stages
	@build/bench build/tamas
	@sh tests/bench/files.sh build/tamas

build/bench: tests/bench/bench.c | build
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(BASEFLAGS) -o $@ $< $(shell pkg-config --libs sqlite3 2>/dev/null) -lm

build/bench-stages: tests/bench/stages.c $(CORE_OBJ:%=build/%) | build
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(BASEFLAGS) -o $@ $< $(CORE_OBJ:%=build/%) $(LIBS)

build:
	mkdir -p $@

# ---- make install / make uninstall ------------------------------------------
# The library is installed as $(LIBDIR)/libtamas.so, with a link tamas.so to
# it.  `.load tamas` asks the dynamic loader for "tamas", then "tamas.so":
# the loader looks in LD_LIBRARY_PATH, in ldconfig's cache and in /lib and
# /usr/lib.  ldconfig caches only files named lib*, under their soname, so the
# library's soname is tamas.so: after ldconfig (run here when root installs
# without DESTDIR), "tamas.so" is found in any directory of /etc/ld.so.conf,
# /usr/local/lib among them.  The lexicons are compiled in: nothing else is
# installed, and nothing is read from disk at run time.
PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
LDCONFIG = if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && \
	     command -v ldconfig >/dev/null 2>&1; then ldconfig; fi

.PHONY: install uninstall
install: build/tamas.so
	install -d "$(DESTDIR)$(LIBDIR)"
	install -m 644 build/tamas.so "$(DESTDIR)$(LIBDIR)/libtamas.so"
	ln -sf libtamas.so "$(DESTDIR)$(LIBDIR)/tamas.so"
	@$(LDCONFIG)
	@if [ -z "$(DESTDIR)" ] && ldconfig -p 2>/dev/null | grep -q "=> $(LIBDIR)/tamas.so$$"; then \
	  echo "make install: done; in sqlite3, from any directory: .load tamas"; \
	else \
	  echo "make install: done; in sqlite3: .load $(LIBDIR)/tamas"; \
	fi

uninstall:
	rm -f "$(DESTDIR)$(LIBDIR)/tamas.so" "$(DESTDIR)$(LIBDIR)/libtamas.so"
	@$(LDCONFIG)

clean:
	rm -rf build

# ---- make fuzz (libFuzzer) needs clang
-include tests/clang.mk
