/*
** results.c — the small result setters the table-valued functions share:
** a non-empty string, a span of the article text, a JDN as an ISO date.
** Each leaves the result NULL when there is nothing to give.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

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
