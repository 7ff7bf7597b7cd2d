/*
** results.c — the small result setters the SQL functions and tables share:
** a non-empty string, a span of the article text, a JDN as an ISO date, a
** document an aggregate wrote (each leaves the result NULL when there is
** nothing to give); and the readers of their arguments: text or NULL, a day.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdlib.h>

#include "tamas.h"
#include "tamas_sqlite.h"

void tamas_result_text(sqlite3_context *ctx, const char *s) {
  if (s && s[0]) sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
}

void tamas_result_span(sqlite3_context *ctx, const char *text, tamas_span s) {
  if (s.end > s.start)
    sqlite3_result_text(ctx, text + s.start, (int)(s.end - s.start), SQLITE_TRANSIENT);
}

void tamas_result_day(sqlite3_context *ctx, int32_t jdn) {
  char iso[11];
  if (jdn && tamas_jdn_to_iso(jdn, iso)) sqlite3_result_text(ctx, iso, 10, SQLITE_TRANSIENT);
}

void tamas_result_document(sqlite3_context *ctx, char *doc, size_t len) {
  if (!doc) {
    sqlite3_result_error_nomem(ctx);
  } else if (len > (size_t)sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1)) {
    free(doc);
    sqlite3_result_error_toobig(ctx);
  } else {
    sqlite3_result_text64(ctx, doc, len, free, SQLITE_UTF8);
  }
}

const char *tamas_value_text(sqlite3_value *v, int *nomem) {
  const char *s;
  if (sqlite3_value_type(v) == SQLITE_NULL) return NULL;
  if (!(s = (const char *)sqlite3_value_text(v))) *nomem = 1;
  return s;
}

int32_t tamas_value_day(sqlite3_value *v) {
  int32_t jdn = 0;
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      if (!tamas_julian_day_to_jdn(sqlite3_value_double(v), &jdn)) return 0;
      break;
    case SQLITE_TEXT: {
      const char *s = (const char *)sqlite3_value_text(v);
      if (!s || !tamas_parse_timevalue(s, (size_t)sqlite3_value_bytes(v), &jdn)) return 0;
      break;
    }
    default:
      return 0;
  }
  return jdn;
}
