/*
** calendar_sql.c — SQL functions over the calendar core.
**
**   SELECT jalali_to_iso('سه‌شنبه ۲۴ اردیبهشت ۱۴۰۱');   -- 2022-05-14
**   SELECT jalali_to_iso('1401/2/24');                  -- 2022-05-14
**   SELECT iso_to_jalali('2022-05-14');                 -- 1401-02-24
**   SELECT iso_to_jalali('2022-05-14', 'full');  -- شنبه ۲۴ اردیبهشت ۱۴۰۱
**   SELECT fa_date_to_iso('۱۸ فوریه ۲۰۲۲');             -- 2022-02-18
**
** NULL in, NULL out; text with no (valid) date gives NULL.  A bad format
** argument to iso_to_jalali() is an error, since it is a mistake in the query
** rather than in the data.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <string.h>

#include "tamas.h"
#include "tamas_sqlite.h"

typedef int (*text_to_iso_fn)(const char *, size_t, char *);

static void text_to_iso(sqlite3_context *ctx, sqlite3_value *arg,
                        text_to_iso_fn convert) {
  const char *text;
  char iso[11];
  if (sqlite3_value_type(arg) == SQLITE_NULL) return;
  text = (const char *)sqlite3_value_text(arg);
  if (text == NULL) { /* out of memory while converting to text */
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (convert(text, (size_t)sqlite3_value_bytes(arg), iso))
    sqlite3_result_text(ctx, iso, 10, SQLITE_TRANSIENT);
}

void tamas_sql_jalali_to_iso(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  text_to_iso(ctx, argv[0], tamas_jalali_text_to_iso);
}

void tamas_sql_fa_date_to_iso(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  text_to_iso(ctx, argv[0], tamas_fa_date_text_to_iso);
}

/* The day of a time value, as date() reads it: text, or a Julian day number. */
static int value_to_jdn(sqlite3_value *v, int32_t *jdn) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      return tamas_julian_day_to_jdn(sqlite3_value_double(v), jdn);
    case SQLITE_TEXT:
    case SQLITE_BLOB: { /* read as text, as date() reads it */
      const char *s = (const char *)sqlite3_value_text(v);
      return s && tamas_parse_timevalue(s, (size_t)sqlite3_value_bytes(v), jdn);
    }
    default:
      return 0;
  }
}

#define FORMAT_RESULT_MAX 512

void tamas_sql_iso_to_jalali(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *fmt = NULL;
  char out[FORMAT_RESULT_MAX];
  int32_t jdn;
  int n;
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  if (argc > 1) {
    if (sqlite3_value_type(argv[1]) == SQLITE_NULL) return;
    fmt = (const char *)sqlite3_value_text(argv[1]);
    if (fmt == NULL) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
  }
  /* Check the format on a known-good day, so a bad format is an error even
  ** on rows whose date is NULL-worthy. */
  if (fmt && (strlen(fmt) != (size_t)sqlite3_value_bytes(argv[1]) ||
              tamas_format_jalali(2459714, fmt, out, sizeof out) < 0)) {
    char *quoted = tamas_sql_excerpt(fmt);
    char *msg = quoted ? sqlite3_mprintf(
        "iso_to_jalali: bad format %s%s: use 'iso', 'numeric', 'long', 'full', "
        "'weekday' or a pattern of %%Y %%m %%d %%e %%B %%A %%%% (with %%O for "
        "Persian digits), at most %d bytes of result",
        quoted, strlen(fmt) != (size_t)sqlite3_value_bytes(argv[1]) ? " (then a NUL byte)" : "",
        FORMAT_RESULT_MAX - 1) : NULL;
    sqlite3_result_error(ctx, msg ? msg : "iso_to_jalali: bad format", -1);
    sqlite3_free(msg);
    sqlite3_free(quoted);
    return;
  }
  if (!value_to_jdn(argv[0], &jdn)) return;
  n = tamas_format_jalali(jdn, fmt, out, sizeof out);
  if (n >= 0) sqlite3_result_text(ctx, out, n, SQLITE_TRANSIENT);
}
