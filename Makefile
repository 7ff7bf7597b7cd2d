# tamas — a SQLite extension that reads Persian news into contact events.
#
#   make            build build/tamas.so (load it with `.load build/tamas`)
#   make test       install missing Debian packages, then run every test:
#                   plain, under ASan/UBSan, TSan and valgrind, other languages
#   make check      the plain build's unit and SQL tests only (seconds; no packages)
#   make test T=x   one test: tests/unit/test_x.c, tests/sql/x.sql or tests/rules/x.tsv
#   make bless T=x  print the diff of SQL test x, then write its new expected output
#   make demo       run tamas on the example articles in sql/news/
#   make bench      benchmark against SQLite's own functions
#   make tsan       the thread tests, ten times, under ThreadSanitizer
#   make deps       install the Debian packages the build and tests need
#   make install    install the library (PREFIX=/usr/local, DESTDIR) so that
#                   `.load tamas` works from any directory; make uninstall
#
# The source is one folder per stage of the pipeline (README, Layout); each
# folder uses only the folders before it in CORE_DIRS (tests/layers.sh checks).

CC       ?= cc
PKGS     := icu-uc icu-i18n libpcre2-8 sqlite3
OPT      ?= -O2
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
COMMIT   := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
CPPFLAGS := -Iinclude -Iext -D_GNU_SOURCE
BASEFLAGS = -std=c11 $(OPT) -g $(WARN) -fPIC
# Exported: the two SQLite entry points, nothing else; calls inside the
# library are direct (no PLT), whatever CFLAGS says.
SOFLAGS  := -fvisibility=hidden -fno-semantic-interposition
CFLAGS   ?= $(BASEFLAGS)
DEPFLAGS  = -MMD -MP
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs icu-uc icu-i18n libpcre2-8 2>/dev/null)
LIBS      = $(PKG_LIBS) -lpthread -lm
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined

# The pipeline, in dependency order (ext/data: the lexicons, compiled in by
# the build tool ext/data/embed.c, and their reader).
CORE_DIRS  := data text calendar lexicon article extract io contacts timeline export
CORE_SRC   := $(filter-out ext/data/embed.c,$(foreach d,$(CORE_DIRS),$(wildcard ext/$(d)/*.c)))
SQLITE_SRC := $(wildcard ext/sqlite/*.c)
LEXICONS   := $(wildcard sql/lexicon/*.tsv)
RULES      := $(wildcard sql/rules/*.tsv)
GEN_DATA   := build/gen/lexicon_data.c
# object names, relative to a build directory
CORE_OBJ   := $(CORE_SRC:ext/%.c=obj/%.o) obj/gen/lexicon_data.o
SQLITE_OBJ := $(SQLITE_SRC:ext/%.c=obj/%.o)
UNIT_SRC   := $(wildcard tests/unit/test_*.c)

# Debian packages for the build, the tests and the demo.
DEBS := gcc make pkg-config sqlite3 libsqlite3-dev libicu-dev libpcre2-dev
# … and for the tests of other languages (tests/lang/: R through RSQLite), of
# the SVG timeline and the GraphML network (read back by igraph from R), and of
# the scan over processes (GNU parallel; rsync for its other machines)
DEBS += python3 tcl libsqlite3-tcl libdbd-sqlite3-perl libxml2-utils
DEBS += r-cran-rsqlite r-cran-igraph parallel rsync
# … and for the memory checks of make test (tests/run.sh runs the tests under it)
DEBS += valgrind

.PHONY: all deps test check bless demo bench clean
all: build/tamas.so

# ---- the lexicons, compiled in ------------------------------------------------
build/embed: ext/data/embed.c | build
	$(CC) -std=c11 -O1 -o $@ $<
$(GEN_DATA): build/embed $(LEXICONS) $(RULES)
	@mkdir -p $(@D)
	build/embed $@ $(foreach f,$(LEXICONS),tamas_lex_$(basename $(notdir $(f)))=$(f)) \
	  $(foreach f,$(RULES),tamas_rules_$(basename $(notdir $(f)))=$(f))
# A lexicon row its loader cannot use (an unknown kind, country or office
# code, a bad date) fails the build, naming the file and line.
build/lexicons.checked: build/tests/test_lexicons
	@if build/tests/test_lexicons >$@.log 2>&1; then mv $@.log $@; else \
	  cat $@.log; echo "make: sql/lexicon/ has rows tamas cannot use (above)" >&2; exit 1; fi

# ---- the extension: plain and sanitized -------------------------------------
define variant
# $(1) = build dir, $(2) = extra flags
$(1)/obj/%.o: ext/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(PKG_CFLAGS) $$(CFLAGS) $$(SOFLAGS) $$(DEPFLAGS) $(2) -c $$< -o $$@
$(1)/obj/sqlite/%.o: ext/sqlite/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(PKG_CFLAGS) $$(CFLAGS) $$(SOFLAGS) $$(DEPFLAGS) $(2) \
	  -DTAMAS_COMMIT='"$$(COMMIT)"' \
	  -DTAMAS_BUILD_FLAGS='"$$(strip $$(CFLAGS) $$(SOFLAGS) $(2))"' -c $$< -o $$@
$(1)/obj/gen/%.o: build/gen/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(CFLAGS) $$(SOFLAGS) $(2) -c $$< -o $$@
$(1)/tamas.so: $(CORE_OBJ:%=$(1)/%) $(SQLITE_OBJ:%=$(1)/%) | build/lexicons.checked
	$$(CC) -shared -Wl,-soname,tamas.so $(2) -o $$@ $$^ $$(LIBS)
$(1)/tests/%: tests/unit/%.c $(CORE_OBJ:%=$(1)/%)
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(PKG_CFLAGS) $$(CFLAGS) $$(DEPFLAGS) $(2) -Itests/unit -o $$@ $$< \
	  $(CORE_OBJ:%=$(1)/%) $$(LIBS)
endef
$(eval $(call variant,build,))
$(eval $(call variant,build/asan,$(SANITIZE)))
# ThreadSanitizer: the threads of a scan (ext/io/scan.c) and of several
# connections (test_threads).  make test runs test_scan under it; make tsan
# runs both TSAN_RUNS times, for races that show only at the wrong moment.
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
$(eval $(call variant,build/tsan,$(TSAN_FLAGS)))
-include $(shell find build -name '*.d' 2>/dev/null)

UNIT_BINS      := $(UNIT_SRC:tests/unit/%.c=build/tests/%)
UNIT_BINS_ASAN := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)

# The fuzz targets (tests/fuzz/) replayed on their corpus — the seeds and
# every input that once crashed — as unit tests, with gcc, plain and sanitized.
FUZZ_SRC       := $(wildcard tests/fuzz/fuzz_*.c)
UNIT_BINS      += $(FUZZ_SRC:tests/fuzz/fuzz_%.c=build/tests/test_fuzz_%)
UNIT_BINS_ASAN += $(FUZZ_SRC:tests/fuzz/fuzz_%.c=build/asan/tests/test_fuzz_%)
build/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(CORE_OBJ:%=build/%)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(DEPFLAGS) -Itests/fuzz -DFUZZ_TARGET='"$*"' -o $@ $< \
	  tests/fuzz/replay.c $(CORE_OBJ:%=build/%) $(LIBS)
build/asan/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(CORE_OBJ:%=build/asan/%)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(DEPFLAGS) $(SANITIZE) -Itests/fuzz -DFUZZ_TARGET='"$*"' -o $@ $< \
	  tests/fuzz/replay.c $(CORE_OBJ:%=build/asan/%) $(LIBS)

# test_threads goes through SQLite: it loads the extension built next to it
# (build/tamas, build/asan/tamas).  ICU is linked in so that it stays mapped
# for the leak checkers when SQLite unloads the extension.
THREAD_LIBS = $(shell pkg-config --libs sqlite3 2>/dev/null) -Wl,--no-as-needed $(PKG_LIBS) \
              -Wl,--as-needed -lpthread
define thread_test
$(1)/tests/test_threads: tests/unit/test_threads.c $(1)/tamas.so
	@mkdir -p $$(@D)
	$$(CC) $$(CPPFLAGS) $$(PKG_CFLAGS) $$(CFLAGS) $$(DEPFLAGS) $(2) -Itests/unit -o $$@ $$< $$(THREAD_LIBS)
endef
$(eval $(call thread_test,build,))
$(eval $(call thread_test,build/asan,$(SANITIZE)))
$(eval $(call thread_test,build/tsan,$(TSAN_FLAGS)))

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
# with one line "N passed, N failed".  make test brings its packages and runs
# everything; make check and make test T=… build and run the plain tests only.
ifeq ($(T),)
test: deps
	$(MAKE) --no-print-directory build/tamas.so build/asan/tamas.so $(UNIT_BINS) $(UNIT_BINS_ASAN) \
	  build/tsan/tests/test_scan
	@sh tests/run.sh
else
test:
	@$(MAKE) --no-print-directory build/tamas.so $(filter build/tests/test_$(T),$(UNIT_BINS))
	@sh tests/run.sh --only "$(T)"
endif

check:
	@$(MAKE) --no-print-directory build/tamas.so $(UNIT_BINS)
	@sh tests/run.sh --check

bless:
	@[ -n "$(T)" ] || { echo "make bless: name the test, as in make bless T=extract" >&2; exit 2; }
	@$(MAKE) --no-print-directory build/tamas.so
	@sh tests/run.sh --bless "$(T)"

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
	@sh tests/bench/contacts.sh build/tamas

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
