/*
** actors_vtab.c — tamas_actors: the actor lexicon as a table, and the way to
** add a person at run time.
**
**   SELECT name, office, start, end FROM tamas_actors WHERE country = 'OMN';
**   INSERT INTO tamas_actors(name, country, office, start, aliases)
**     VALUES ('Vijitha Herath', 'LKA', 'foreign_minister', '2024-09-24',
**             'ویجیتا هراث|هراث');
**
** One row per person and office held: name (English Wikipedia title),
** country (ISO 3166-1 alpha-3 or an organisation code), office (a code from
** sql/lexicon/offices.tsv), start and end (ISO dates, NULL when open),
** aliases (the Persian forms, '|'-separated), wikidata (the person's
** Wikidata item, "Q7747", where a source confirms it; NULL elsewhere), added
** (1 for rows added at run time).  An INSERT is recognised at once by extract_contacts and
** tamas_events on this connection; it lasts as long as the connection.
** Rows cannot be updated or deleted.  The table is SQLITE_VTAB_DIRECTONLY:
** views and triggers cannot read or change it.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <string.h>

#include "tamas.h"
#include "tamas_sqlite.h"

enum { COL_NAME, COL_COUNTRY, COL_OFFICE, COL_START, COL_END, COL_ALIASES, COL_WIKIDATA, COL_ADDED };

typedef struct actors_vtab {
  sqlite3_vtab base;
  void *overlay;
} actors_vtab;

typedef struct actors_cursor {
  sqlite3_vtab_cursor base;
  size_t i;
  tamas_actor_row row;
  int eof;
} actors_cursor;

static int actors_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                          sqlite3_vtab **out, char **err) {
  actors_vtab *v;
  int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(name TEXT, country TEXT, office TEXT, "
                                    "start TEXT, end TEXT, aliases TEXT, wikidata TEXT, added INTEGER)");
  (void)argc, (void)argv, (void)err;
  if (rc != SQLITE_OK) return rc;
  /* It reads no files, but an INSERT changes what every later extraction on
  ** the connection finds: a trigger or view in a database someone else made
  ** must not do that, so the table is for direct use only. */
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->overlay = aux;
  *out = &v->base;
  return SQLITE_OK;
}

static int actors_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

/* A full scan is the only plan: the lexicon is small (about a thousand rows). */
static int actors_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  (void)vtab;
  info->estimatedCost = 1000.0;
  info->estimatedRows = 1000;
  return SQLITE_OK;
}

static int actors_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
  actors_cursor *c = sqlite3_malloc(sizeof *c);
  (void)vtab;
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static int actors_close(sqlite3_vtab_cursor *cur) {
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int load_row(actors_cursor *c) {
  const actors_vtab *v = (const actors_vtab *)c->base.pVtab;
  c->eof = !tamas_actor_row_at(v->overlay, c->i, &c->row);
  return SQLITE_OK;
}

static int actors_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str, int argc,
                         sqlite3_value **argv) {
  actors_cursor *c = (actors_cursor *)cur;
  (void)idx_num, (void)idx_str, (void)argc, (void)argv;
  c->i = 0;
  return load_row(c);
}

static int actors_next(sqlite3_vtab_cursor *cur) {
  actors_cursor *c = (actors_cursor *)cur;
  c->i++;
  return load_row(c);
}

static int actors_eof(sqlite3_vtab_cursor *cur) { return ((actors_cursor *)cur)->eof; }

static int actors_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  const tamas_actor_row *r = &((actors_cursor *)cur)->row;
  switch (col) {
    case COL_NAME: sqlite3_result_text(ctx, r->name, -1, SQLITE_TRANSIENT); break;
    case COL_COUNTRY: sqlite3_result_text(ctx, r->country, -1, SQLITE_TRANSIENT); break;
    case COL_OFFICE: sqlite3_result_text(ctx, r->office, -1, SQLITE_TRANSIENT); break;
    case COL_START: tamas_result_day(ctx, r->start); break;
    case COL_END: tamas_result_day(ctx, r->end); break;
    case COL_ALIASES: sqlite3_result_text(ctx, r->aliases, -1, SQLITE_TRANSIENT); break;
    case COL_WIKIDATA: tamas_result_text(ctx, r->wikidata); break;
    default: sqlite3_result_int(ctx, r->added); break;
  }
  return SQLITE_OK;
}

static int actors_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = (sqlite3_int64)((actors_cursor *)cur)->i + 1;
  return SQLITE_OK;
}

static const char *text_arg(sqlite3_value *v) {
  return sqlite3_value_type(v) == SQLITE_NULL ? NULL : (const char *)sqlite3_value_text(v);
}

/* INSERT only: argv[0] NULL, argv[1] the new rowid, argv[2..] the columns. */
static int actors_update(sqlite3_vtab *vtab, int argc, sqlite3_value **argv, sqlite3_int64 *rowid) {
  actors_vtab *v = (actors_vtab *)vtab;
  const char *why;
  if (argc == 1 || sqlite3_value_type(argv[0]) != SQLITE_NULL) {
    return tamas_vtab_error(vtab, SQLITE_ERROR,
                            "tamas_actors: rows cannot be changed or deleted, only inserted");
  }
  {
    /* what the core would cut short: a NUL byte inside a value, a name
    ** longer than an event's actor name holds */
    static const char *const names[] = {"name",  "country", "office",  "start",
                                        "end",   "aliases", "wikidata"};
    int col;
    for (col = COL_NAME; col <= COL_WIKIDATA; col++) {
      const char *t = text_arg(argv[2 + col]);
      if (t && strlen(t) != (size_t)sqlite3_value_bytes(argv[2 + col]))
        return tamas_vtab_error(vtab, SQLITE_CONSTRAINT, "tamas_actors: a NUL byte in %s",
                                names[col]);
      if (t && col == COL_NAME && strlen(t) >= sizeof(((tamas_actor *)0)->name))
        return tamas_vtab_error(vtab, SQLITE_CONSTRAINT, "tamas_actors: name is longer than %d bytes",
                                (int)sizeof(((tamas_actor *)0)->name) - 1);
    }
  }
  why = tamas_actor_add(v->overlay, text_arg(argv[2 + COL_NAME]), text_arg(argv[2 + COL_COUNTRY]),
                        text_arg(argv[2 + COL_OFFICE]), text_arg(argv[2 + COL_START]),
                        text_arg(argv[2 + COL_END]), text_arg(argv[2 + COL_ALIASES]),
                        text_arg(argv[2 + COL_WIKIDATA]));
  if (why)
    return tamas_vtab_error(vtab, strcmp(why, "out of memory") == 0 ? SQLITE_NOMEM : SQLITE_CONSTRAINT,
                            "tamas_actors: %s", why);
  *rowid = 0;
  return SQLITE_OK;
}

/* Designated initialisers: the fields not named (transactions, renames…)
** are NULL, whatever the SQLite version adds at the end of the struct. */
static sqlite3_module actors_module = {
    .iVersion = 0,
    .xCreate = actors_connect, /* also eponymous, so INSERT works without CREATE */
    .xConnect = actors_connect,
    .xBestIndex = actors_best_index,
    .xDisconnect = actors_disconnect,
    .xDestroy = actors_disconnect,
    .xOpen = actors_open,
    .xClose = actors_close,
    .xFilter = actors_filter,
    .xNext = actors_next,
    .xEof = actors_eof,
    .xColumn = actors_column,
    .xRowid = actors_rowid,
    .xUpdate = actors_update,
};

const sqlite3_module *tamas_actors_module(void) { return &actors_module; }
