/*
** timeline_sql.c — tamas_timeline_svg(date, actor1, actor2, status, medium),
** an aggregate that draws contacts as an SVG timeline (the drawing is
** ext/timeline/timeline.c).
**
**   SELECT writefile('timeline.svg',
**                    tamas_timeline_svg(date, actor1, actor2, status, medium))
**   FROM tamas_events('news/');
**
** A row whose actors are both NULL (the NULL side of an outer join) is not
** drawn; no rows give a small SVG that says so.  The result depends only on
** the set of rows, not on their order, so the function is DETERMINISTIC and
** INNOCUOUS.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdint.h>
#include <stdlib.h>

#include "tamas.h"
#include "tamas_sqlite.h"

/* The day of a date argument, as date() reads it; 0 when there is none (the
** timeline leaves out a day it cannot write as an ISO date). */
static int32_t value_day(sqlite3_value *v) {
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

/* The aggregate's state: the timeline being collected. */
typedef struct tl_state {
  tamas_timeline *timeline;
} tl_state;

/* The value of an argument as text, NULL for NULL; *nomem when SQLite could
** not give the text. */
static const char *value_text(sqlite3_value *v, int *nomem) {
  const char *s;
  if (sqlite3_value_type(v) == SQLITE_NULL) return NULL;
  if (!(s = (const char *)sqlite3_value_text(v))) *nomem = 1;
  return s;
}

void tamas_sql_timeline_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  tl_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
  const char *f[4];
  int i, nomem = 0;
  (void)argc;
  if (st && !st->timeline) st->timeline = tamas_timeline_new();
  if (!st || !st->timeline) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  for (i = 0; i < 4; i++) f[i] = value_text(argv[i + 1], &nomem);
  if (nomem || !tamas_timeline_add(st->timeline, value_day(argv[0]), f[0], f[1], f[2], f[3]))
    sqlite3_result_error_nomem(ctx);
}

void tamas_sql_timeline_final(sqlite3_context *ctx) {
  tl_state *st = sqlite3_aggregate_context(ctx, 0);
  size_t len = 0;
  char *svg = tamas_timeline_svg(st ? st->timeline : NULL, &len);
  if (st) {
    tamas_timeline_free(st->timeline);
    st->timeline = NULL;
  }
  if (!svg) {
    sqlite3_result_error_nomem(ctx);
  } else if (len > (size_t)sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1)) {
    free(svg);
    sqlite3_result_error_toobig(ctx);
  } else {
    sqlite3_result_text64(ctx, svg, len, free, SQLITE_UTF8);
  }
}
