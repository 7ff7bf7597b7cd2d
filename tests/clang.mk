# tests/clang.mk — make fuzz, which needs clang, included by the Makefile.
# clang and libclang-rt-14-dev (Debian) are installed by it only, not by
# make test.
#
#   make fuzz                      build the libFuzzer targets, run each for
#                                  FUZZ_SECONDS (60)
#   make fuzz FUZZ_SECONDS=900     … for 15 minutes each
#   make fuzz FUZZ_TARGETS=dates   … one target
#
# Each target tests/fuzz/fuzz_NAME.c is built as build/fuzz/fuzz_NAME with
# -fsanitize=fuzzer,address,undefined, against a copy of the core compiled
# the same way (build/fuzz/obj/).  Seeds are tests/fuzz/corpus/NAME/
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

build/fuzz/obj/%.o: ext/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) $(DEPFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -c $< -o $@
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -Itests/fuzz \
	  -o $@ $< $(FUZZ_OBJ) $(LIBS)
