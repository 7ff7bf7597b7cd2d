/*
** graphml_sql.c — tamas_graphml(date, actor1, actor2, status, medium
** [, actor1_country, actor1_office, actor2_country, actor2_office]), an
** aggregate that writes the contact network as GraphML (the writer is
** ext/export/graphml.c).
**
**   SELECT writefile('contacts.graphml',
**                    tamas_graphml(date, actor1, actor2, status, medium,
**                                  actor1_country, actor1_office,
**                                  actor2_country, actor2_office))
**   FROM tamas_events('news/');
**
** Nodes are actors (label, country, office, wikidata), edges the pairs in
** contact with their counts by status and medium and their first and last
** date.  A row with a NULL actor is left out.  The document depends only on
** the set of rows, so the function is DETERMINISTIC and INNOCUOUS.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdlib.h>

#include "tamas.h"
#include "tamas_sqlite.h"

typedef struct graph_state {
  tamas_graph *graph;
} graph_state;

void tamas_sql_graphml_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  graph_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
  const char *f[8] = {0};
  int i, nomem = 0;
  if (st && !st->graph) st->graph = tamas_graph_new(sqlite3_user_data(ctx));
  if (!st || !st->graph) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  for (i = 1; i < argc && i <= 8; i++) f[i - 1] = tamas_value_text(argv[i], &nomem);
  if (nomem || !tamas_graph_add(st->graph, tamas_value_day(argv[0]), f[0], f[1], f[2], f[3], f[4],
                                f[5], f[6], f[7]))
    sqlite3_result_error_nomem(ctx);
}

void tamas_sql_graphml_final(sqlite3_context *ctx) {
  graph_state *st = sqlite3_aggregate_context(ctx, 0);
  size_t len = 0;
  char *xml = tamas_graph_graphml(st ? st->graph : NULL, &len);
  if (st) {
    tamas_graph_free(st->graph);
    st->graph = NULL;
  }
  tamas_result_document(ctx, xml, len);
}
