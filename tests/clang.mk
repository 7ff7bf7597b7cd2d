# tests/clang.mk — opt-in targets that need clang, included by the Makefile.
# clang and libclang-rt-14-dev (Debian) are installed by these targets only,
# not by make test.
#
#   make fuzz                      build the libFuzzer targets, run each for
#                                  FUZZ_SECONDS (60)
#   make fuzz FUZZ_SECONDS=900     … for 15 minutes each
#   make fuzz FUZZ_TARGETS=dates   … one target
#   make tsan                      the thread test under ThreadSanitizer
#
# Each target tests/fuzz/fuzz_NAME.c is built as build/fuzz/fuzz_NAME with
# -fsanitize=fuzzer,address,undefined, against a copy of the core compiled
# the same way (build/fuzz/core/).  Seeds are tests/fuzz/corpus/NAME/
# (committed; make test replays them, see the Makefile); what the fuzzer
# finds goes to build/fuzz/corpus/NAME/, a crash to build/fuzz/crash-NAME-*.
# A crash input is kept as tests/fuzz/corpus/NAME/crash-WHAT once fixed.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DEBS    := clang libclang-rt-14-dev
FUZZ_FLAGS   := -std=c11 -O1 -g -fno-omit-frame-pointer \
                -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_TARGETS ?= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_OBJ     := $(CORE_OBJ:%=build/fuzz/%)

.PHONY: fuzz fuzz-build
.SECONDARY: $(FUZZ_OBJ)
fuzz:
	@$(MAKE) --no-print-directory deps DEBS="$(DEBS) $(FUZZ_DEBS)"
	@$(MAKE) --no-print-directory fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-build: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

build/fuzz/core/%.o: ext/core/%.c $(HEADERS) | build/fuzz/core
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/core/%.o: ext/core/%.S $(LEXICONS) | build/fuzz/core
	$(FUZZ_CC) -I. -c $< -o $@
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -Itests/fuzz \
	  -o $@ $< $(FUZZ_OBJ) $(LIBS)
build/fuzz/core:
	mkdir -p $@

# ---- make tsan: the thread test under ThreadSanitizer ---------------------------
# The extension built with clang -fsanitize=thread (build/tsan/), and
# tests/unit/test_threads.c loading it from six threads at once.  Found a
# race on sqlite3_api (stored at each load; now once, under a lock).
# A race shows only when the threads meet at the wrong moment: TSAN_RUNS runs.
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
TSAN_RUNS  ?= 10
$(eval $(call variant,build/tsan,$(TSAN_FLAGS)))
build/tsan/%: CC = $(FUZZ_CC)
build/tsan/tests/test_threads: tests/unit/test_threads.c tests/unit/check.h build/tsan/tamas.so | build/tsan/tests
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 -O1 -g $(TSAN_FLAGS) -Itests/unit -o $@ $< $(THREAD_LIBS)

.PHONY: tsan
tsan:
	@$(MAKE) --no-print-directory deps DEBS="$(DEBS) $(FUZZ_DEBS)"
	@$(MAKE) --no-print-directory build/tsan/tests/test_threads
	@for i in $$(seq $(TSAN_RUNS)); do \
	  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build/tsan/tests/test_threads \
	    || exit 1; \
	done; echo "make tsan: $(TSAN_RUNS) runs, no data race"
