/*
** fuzz_dates.c — libFuzzer target: reading dates in arbitrary bytes.
**
**   tamas_find_date (every calendar and flag combination, walking the text
**   date by date), tamas_date_match_jdn, tamas_jalali_text_to_iso,
**   tamas_fa_date_text_to_iso, tamas_parse_timevalue, and
**   tamas_format_jalali with the input as a format.
**
** Checks beyond "no crash": every match lies inside the text and after
** `from`, fields are in range, and an ISO result is a well-formed date.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "tamas.h"

static void check_iso(const char *iso) {
  int i;
  FUZZ_ASSERT(strlen(iso) == 10);
  for (i = 0; i < 10; i++)
    FUZZ_ASSERT(i == 4 || i == 7 ? iso[i] == '-' : iso[i] >= '0' && iso[i] <= '9');
}

static void walk_dates(const char *t, size_t n, unsigned calendars, unsigned flags) {
  size_t from = 0;
  int guard = 0;
  tamas_date_match m;
  while (from <= n && tamas_find_date(t, n, from, calendars, flags, &m)) {
    FUZZ_ASSERT(m.start >= from && m.start <= m.end && m.end <= n);
    FUZZ_ASSERT(m.month >= 1 && m.month <= 12);
    FUZZ_ASSERT(m.day >= 0 && m.day <= 31);
    FUZZ_ASSERT(m.weekday >= -1 && m.weekday <= 6);
    FUZZ_ASSERT((m.calendar & calendars) != 0);
    if (flags & TAMAS_FIND_NEED_YEAR) FUZZ_ASSERT(m.year != 0);
    if (flags & TAMAS_FIND_NEED_DAY) FUZZ_ASSERT(m.day != 0);
    {
      int32_t jdn = tamas_date_match_jdn(&m);
      char iso[11];
      if (jdn && tamas_jdn_to_iso(jdn, iso)) check_iso(iso);
      if (flags & TAMAS_FIND_VALID && m.year && m.day) FUZZ_ASSERT(jdn != 0);
    }
    from = m.end > from ? m.end : from + 1;
    FUZZ_ASSERT(++guard <= 1000000);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *t = (const char *)data;
  char iso[11], out[256];
  int32_t jdn;
  unsigned flags;
  char *fmt;

  if (tamas_jalali_text_to_iso(t, size, iso)) check_iso(iso);
  if (tamas_fa_date_text_to_iso(t, size, iso)) check_iso(iso);
  walk_dates(t, size, TAMAS_CAL_ANY, 0);
  for (flags = 1; flags < 8; flags++) {
    walk_dates(t, size, TAMAS_CAL_JALALI, flags);
    walk_dates(t, size, TAMAS_CAL_GREGORIAN | TAMAS_CAL_HIJRI, flags);
  }
  if (tamas_parse_timevalue(t, size, &jdn)) {
    FUZZ_ASSERT(jdn >= 0 && jdn <= 5373485); /* as julianday(): 0 .. 9999-12-31 */
    if (tamas_jdn_to_iso(jdn, iso)) check_iso(iso);
  }

  /* The input as a format (NUL-terminated copy), on a fixed day. */
  fmt = malloc(size + 1);
  if (!fmt) return 0;
  memcpy(fmt, data, size);
  fmt[size] = 0;
  {
    int n = tamas_format_jalali(2459714, fmt, out, sizeof out);
    FUZZ_ASSERT(n >= -1 && n < (int)sizeof out);
    if (n >= 0) FUZZ_ASSERT(strlen(out) == (size_t)n);
    n = tamas_format_jalali(size > 0 ? 2459714 + (int32_t)data[0] * 1000 : 0, fmt, out, 8);
    FUZZ_ASSERT(n >= -1 && n < 8);
  }
  free(fmt);
  return 0;
}
