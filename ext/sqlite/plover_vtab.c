/*
** plover_vtab.c — tamas_plover(source): the rows of a table or view of
** contact events as PLOVER records (ext/export/plover.c).
**
**   CREATE TABLE ev AS SELECT * FROM tamas_events('news/');
**   SELECT record FROM tamas_plover('ev');             -- one JSON object a row
**   .once events.jsonl
**   SELECT record FROM tamas_plover('ev');             -- PLOVER as JSON lines
**
** `source` names a table or view (or "schema.table") whose columns are named
** as tamas_events names them.  It needs medium, status, actor1, actor2 and
** date; it reads, when they are there, id, file, title, actor1_fa,
** actor2_fa, actor1_country, actor2_country, actor1_office, actor2_office,
** initiator, place, date_end, date_precision, evidence, evidence_start,
** evidence_end and published, and leaves out the fields of the others.  So a
** table written by hand, with only the needed columns, gives records too.
** Columns: id (the row's id column, or the id tamas makes), record (the
** JSON text).  PLOVER requires a date and an actor: rows without a date, or
** with neither actor, are left out.  A status, medium or date tamas does not
** know is an error naming the row.
**
** It reads whatever table it is given, and a table may be one that reads
** files (CREATE VIRTUAL TABLE … USING tamas_events(path=…)), so it is
** SQLITE_VTAB_DIRECTONLY: a view or trigger cannot use it.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdlib.h>
#include <string.h>

#include "tamas.h"
#include "tamas_sqlite.h"

/* The columns read from the source, in this order; the first five are needed. */
static const char *const wanted[] = {
    "medium",         "status",         "actor1",        "actor2",        "date",
    "id",             "file",           "title",         "actor1_fa",     "actor2_fa",
    "actor1_country", "actor2_country", "actor1_office", "actor2_office", "initiator",
    "place",          "date_end",       "date_precision", "evidence",     "evidence_start",
    "evidence_end",   "published"};
enum { N_WANTED = sizeof wanted / sizeof wanted[0], N_NEEDED = 5 };
enum { W_MEDIUM, W_STATUS, W_A1, W_A2, W_DATE, W_ID, W_FILE, W_TITLE, W_A1_FA, W_A2_FA,
       W_A1_COUNTRY, W_A2_COUNTRY, W_A1_OFFICE, W_A2_OFFICE, W_INITIATOR, W_PLACE, W_DATE_END,
       W_PRECISION, W_EVIDENCE, W_EV_START, W_EV_END, W_PUBLISHED };
enum { COL_ID, COL_RECORD, COL_SOURCE };

typedef struct plover_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  const void *overlay;
} plover_vtab;

typedef struct plover_cursor {
  sqlite3_vtab_cursor base;
  sqlite3_stmt *rows;   /* the source's rows */
  char *source;         /* its name, for messages */
  sqlite3_int64 row;    /* rows read */
  char id[32];          /* the made id, when the row has none */
  char *given_id;       /* the row's own id */
  char *record;         /* the current record */
  size_t record_len;
  int eof;
} plover_cursor;

static int plover_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                          sqlite3_vtab **out, char **err) {
  plover_vtab *v;
  int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(id TEXT, record TEXT, source HIDDEN)");
  (void)argc, (void)argv, (void)err;
  if (rc != SQLITE_OK) return rc;
  /* it reads any table it is named, tables that read files among them */
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  if (!(v = sqlite3_malloc(sizeof *v))) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->db = db;
  v->overlay = aux;
  *out = &v->base;
  return SQLITE_OK;
}

static int plover_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

/* idxNum 1: argv[0] is the source.  Without it the plan is priced out and
** xFilter says what is missing. */
static int plover_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  int i, at = -1;
  (void)vtab;
  for (i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn != COL_SOURCE) continue;
    if (!c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ) return SQLITE_CONSTRAINT;
    at = i;
  }
  if (at >= 0) {
    info->aConstraintUsage[at].argvIndex = 1;
    info->aConstraintUsage[at].omit = 1;
    info->idxNum = 1;
    info->estimatedCost = 10000.0;
    info->estimatedRows = 1000;
  } else {
    info->idxNum = 0;
    info->estimatedCost = 1e99;
    info->estimatedRows = 1;
  }
  return SQLITE_OK;
}

static int plover_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
  plover_cursor *c = sqlite3_malloc(sizeof *c);
  (void)vtab;
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static void clear(plover_cursor *c) {
  sqlite3_finalize(c->rows);
  c->rows = NULL;
  sqlite3_free(c->source);
  c->source = NULL;
  free(c->record);
  c->record = NULL;
  sqlite3_free(c->given_id);
  c->given_id = NULL;
}

static int plover_close(sqlite3_vtab_cursor *cur) {
  clear((plover_cursor *)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Which of the wanted columns the table has (present[i]); 0 when it has
** none at all (no such table). */
static int read_columns(sqlite3 *db, const char *schema, const char *table, int *present,
                        int *rc) {
  sqlite3_stmt *st;
  int found = 0, i;
  *rc = sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_xinfo(?1, ?2)", -1, &st, NULL);
  if (*rc != SQLITE_OK) return 0;
  sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
  if (schema) sqlite3_bind_text(st, 2, schema, -1, SQLITE_STATIC);
  while ((*rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    found = 1;
    for (i = 0; name && i < N_WANTED; i++)
      if (sqlite3_stricmp(name, wanted[i]) == 0) present[i] = 1;
  }
  *rc = *rc == SQLITE_DONE ? SQLITE_OK : *rc;
  sqlite3_finalize(st);
  return found;
}

/* Prepare the query over the source: its name as a table, else as
** "schema.table". */
static int prepare_rows(plover_cursor *c, const char *name) {
  plover_vtab *v = (plover_vtab *)c->base.pVtab;
  int present[N_WANTED] = {0}, rc, i;
  char *schema = NULL, *table = sqlite3_mprintf("%s", name), *sql, *quoted;
  if (!table) return SQLITE_NOMEM;
  if (!read_columns(v->db, NULL, table, present, &rc) && rc == SQLITE_OK && strchr(name, '.')) {
    char *dot = strchr(table, '.');
    *dot = 0;
    schema = table;
    table = dot + 1;
    read_columns(v->db, schema, table, present, &rc);
  }
  if (rc != SQLITE_OK) {
    sqlite3_free(schema ? schema : table);
    return rc;
  }
  for (i = 0; i < N_NEEDED && present[i]; i++) continue;
  if (i < N_NEEDED) {
    int empty = 1, k;
    for (k = 0; k < N_WANTED; k++) empty &= !present[k];
    quoted = tamas_sql_excerpt(name);
    rc = !quoted ? SQLITE_NOMEM
         : empty && !present[i]
             ? tamas_vtab_error(c->base.pVtab, SQLITE_ERROR,
                                "tamas_plover: no table or view %s with the columns of "
                                "tamas_events (medium, status, actor1, actor2, date …)",
                                quoted)
             : tamas_vtab_error(c->base.pVtab, SQLITE_ERROR,
                                "tamas_plover: %s has no column %s: it needs medium, status, "
                                "actor1, actor2 and date, as tamas_events names them",
                                quoted, wanted[i]);
    sqlite3_free(quoted);
    sqlite3_free(schema ? schema : table);
    return rc;
  }
  sql = sqlite3_mprintf("SELECT");
  for (i = 0; sql && i < N_WANTED; i++) {
    char *next = present[i] ? sqlite3_mprintf("%s%s \"%w\"", sql, i ? "," : "", wanted[i])
                            : sqlite3_mprintf("%s%s NULL", sql, i ? "," : "");
    sqlite3_free(sql);
    sql = next;
  }
  if (sql) {
    char *next = schema ? sqlite3_mprintf("%s FROM \"%w\".\"%w\"", sql, schema, table)
                        : sqlite3_mprintf("%s FROM \"%w\"", sql, table);
    sqlite3_free(sql);
    sql = next;
  }
  sqlite3_free(schema ? schema : table);
  if (!sql) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(v->db, sql, -1, &c->rows, NULL);
  sqlite3_free(sql);
  if (rc != SQLITE_OK)
    return tamas_vtab_error(c->base.pVtab, rc, "tamas_plover: %s", sqlite3_errmsg(v->db));
  return SQLITE_OK;
}

static const char *col_text(sqlite3_stmt *st, int i) {
  return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : (const char *)sqlite3_column_text(st, i);
}

/* Step the source to its next row that makes a record. */
static int next_record(plover_cursor *c) {
  plover_vtab *v = (plover_vtab *)c->base.pVtab;
  free(c->record);
  c->record = NULL;
  sqlite3_free(c->given_id);
  c->given_id = NULL;
  for (;;) {
    tamas_event_row r;
    char why[160];
    int rc = sqlite3_step(c->rows), got;
    if (rc == SQLITE_DONE) {
      c->eof = 1;
      return SQLITE_OK;
    }
    if (rc != SQLITE_ROW)
      return tamas_vtab_error(c->base.pVtab, rc, "tamas_plover: %s", sqlite3_errmsg(v->db));
    c->row++;
    memset(&r, 0, sizeof r);
    r.medium = col_text(c->rows, W_MEDIUM);
    r.status = col_text(c->rows, W_STATUS);
    r.actor[0] = col_text(c->rows, W_A1);
    r.actor[1] = col_text(c->rows, W_A2);
    r.date = col_text(c->rows, W_DATE);
    r.id = col_text(c->rows, W_ID);
    r.file = col_text(c->rows, W_FILE);
    r.title = col_text(c->rows, W_TITLE);
    r.actor_fa[0] = col_text(c->rows, W_A1_FA);
    r.actor_fa[1] = col_text(c->rows, W_A2_FA);
    r.country[0] = col_text(c->rows, W_A1_COUNTRY);
    r.country[1] = col_text(c->rows, W_A2_COUNTRY);
    r.office[0] = col_text(c->rows, W_A1_OFFICE);
    r.office[1] = col_text(c->rows, W_A2_OFFICE);
    r.initiator = col_text(c->rows, W_INITIATOR);
    r.place = col_text(c->rows, W_PLACE);
    r.date_end = col_text(c->rows, W_DATE_END);
    r.date_precision = col_text(c->rows, W_PRECISION);
    r.evidence = col_text(c->rows, W_EVIDENCE);
    r.evidence_start = sqlite3_column_int64(c->rows, W_EV_START);
    r.evidence_end = sqlite3_column_int64(c->rows, W_EV_END);
    r.published = col_text(c->rows, W_PUBLISHED);
    got = tamas_plover_record(&r, v->overlay, &c->record, &c->record_len, why, sizeof why);
    if (got == 0) continue; /* no date or no actor: PLOVER cannot hold it */
    if (got == -2) return SQLITE_NOMEM;
    if (got < 0) {
      char *quoted = tamas_sql_excerpt(c->source);
      rc = quoted ? tamas_vtab_error(c->base.pVtab, SQLITE_ERROR, "tamas_plover: row %lld of %s: %s",
                                     (long long)c->row, quoted, why)
                  : SQLITE_NOMEM;
      sqlite3_free(quoted);
      return rc;
    }
    if (r.id && r.id[0]) {
      if (!(c->given_id = sqlite3_mprintf("%s", r.id))) return SQLITE_NOMEM;
    } else {
      tamas_plover_id(&r, c->id);
    }
    return SQLITE_OK;
  }
}

static int plover_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str, int argc,
                         sqlite3_value **argv) {
  plover_cursor *c = (plover_cursor *)cur;
  const char *name;
  int rc;
  (void)idx_str, (void)argc;
  clear(c);
  c->eof = 0;
  c->row = 0;
  if (!idx_num)
    return tamas_vtab_error(cur->pVtab, SQLITE_ERROR,
                            "tamas_plover: missing source: use tamas_plover('table') with a "
                            "table or view of tamas_events rows");
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    c->eof = 1; /* NULL: no rows */
    return SQLITE_OK;
  }
  if (!(name = (const char *)sqlite3_value_text(argv[0]))) return SQLITE_NOMEM;
  if (strlen(name) != (size_t)sqlite3_value_bytes(argv[0]))
    return tamas_vtab_error(cur->pVtab, SQLITE_ERROR, "tamas_plover: the source holds a NUL byte");
  if (!(c->source = sqlite3_mprintf("%s", name))) return SQLITE_NOMEM;
  if ((rc = prepare_rows(c, c->source)) != SQLITE_OK) return rc;
  return next_record(c);
}

static int plover_next(sqlite3_vtab_cursor *cur) { return next_record((plover_cursor *)cur); }

static int plover_eof(sqlite3_vtab_cursor *cur) { return ((plover_cursor *)cur)->eof; }

static int plover_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  plover_cursor *c = (plover_cursor *)cur;
  if (col == COL_ID)
    sqlite3_result_text(ctx, c->given_id ? c->given_id : c->id, -1, SQLITE_TRANSIENT);
  else if (col == COL_RECORD)
    sqlite3_result_text(ctx, c->record, (int)c->record_len, SQLITE_TRANSIENT);
  else
    sqlite3_result_text(ctx, c->source, -1, SQLITE_TRANSIENT);
  return SQLITE_OK;
}

static int plover_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = ((plover_cursor *)cur)->row;
  return SQLITE_OK;
}

static sqlite3_module plover_module = {
    .iVersion = 0,
    .xConnect = plover_connect, /* eponymous only */
    .xBestIndex = plover_best_index,
    .xDisconnect = plover_disconnect,
    .xOpen = plover_open,
    .xClose = plover_close,
    .xFilter = plover_filter,
    .xNext = plover_next,
    .xEof = plover_eof,
    .xColumn = plover_column,
    .xRowid = plover_rowid,
};

const sqlite3_module *tamas_plover_module(void) { return &plover_module; }
