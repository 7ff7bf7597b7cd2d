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

#include <stdlib.h>

#include "tamas.h"
#include "tamas_sqlite.h"

/* The aggregate's state: the timeline being collected. */
typedef struct tl_state {
  tamas_timeline *timeline;
} tl_state;

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
  for (i = 0; i < 4; i++) f[i] = tamas_value_text(argv[i + 1], &nomem);
  if (nomem || !tamas_timeline_add(st->timeline, tamas_value_day(argv[0]), f[0], f[1], f[2], f[3]))
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
  tamas_result_document(ctx, svg, len);
}
