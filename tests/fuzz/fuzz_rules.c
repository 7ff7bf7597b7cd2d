/*
** fuzz_rules.c — libFuzzer target: the rule compiler (ext/extract/rules.c) on
** arbitrary rule files, and the rules it accepts matched on an arbitrary
** string of units.
**
** The first byte picks the stage; the rest, up to the first NUL, is the rule
** file, and after it the category bytes of the units to match (each byte a
** category, ';' ending a unit).  Checks: a file either compiles or says what
** is wrong (a message, no crash); every match of a compiled rule lies inside
** the units, and so does each role; the rules tried at every unit give the
** same matches as tried where their patterns say a match may start.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"
#include "fuzz.h"

static tagged t; /* large: static */

/* Units from bytes: byte b is category b % count, ';' ends a unit. */
static void units_from(const uint8_t *p, size_t n) {
  int count = lexicon_category_count(), u = 0;
  size_t i;
  memset(&t, 0, offsetof(tagged, tags));
  t.n = 0;
  for (i = 0; i < n && u < 160; i++) { /* past 64: more than one word of unit bits */
    if (t.n == u) {
      memset(&t.units[u], 0, sizeof t.units[u]);
      t.units[u].mention = t.units[u].actor = -1;
      t.n = u + 1;
    }
    if (p[i] == ';') u++;
    else cat_add(&t.units[u].cats, p[i] % count);
  }
  units_write_tags(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static rule_matcher *m;
  char err[256];
  const uint8_t *nul;
  size_t file_n;
  rule_set *rs;
  rule_stage stage;
  rule_match ms[64], every[64];
  int n, i, r;
  if (size < 1) return 0;
  if (!m) FUZZ_ASSERT((m = rule_matcher_new()) != NULL);
  stage = (rule_stage)(data[0] % N_STAGES);
  nul = memchr(data + 1, 0, size - 1);
  file_n = nul ? (size_t)(nul - (data + 1)) : size - 1;
  err[0] = 0;
  rs = rules_compile_text(stage, (const char *)data + 1, file_n, err, sizeof err);
  if (!rs) {
    FUZZ_ASSERT(err[0] != 0); /* a refusal says why */
    return 0;
  }
  units_from(nul ? nul + 1 : data + size, nul ? size - file_n - 2 : 0);
  n = rules_match(rs, stage, &t, m, ms, 64);
  FUZZ_ASSERT(n >= 0 && n <= 64);
  rules_try_every_unit = 1;
  FUZZ_ASSERT(rules_match(rs, stage, &t, m, every, 64) == n);
  rules_try_every_unit = 0;
  for (i = 0; i < n; i++)
    FUZZ_ASSERT(every[i].r == ms[i].r && every[i].u0 == ms[i].u0 && every[i].u1 == ms[i].u1 &&
                !memcmp(every[i].role, ms[i].role, sizeof ms[i].role));
  for (i = 0; i < n; i++) {
    FUZZ_ASSERT(ms[i].u0 >= 0 && ms[i].u0 <= ms[i].u1 && ms[i].u1 <= t.n);
    for (r = 0; r < N_ROLES; r++)
      if (ms[i].role[r][0] >= 0)
        FUZZ_ASSERT(ms[i].role[r][0] <= ms[i].role[r][1] && ms[i].role[r][1] <= t.n);
  }
  rules_free(rs);
  return 0;
}
