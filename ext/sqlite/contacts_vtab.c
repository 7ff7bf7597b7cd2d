/*
** contacts_vtab.c — tamas_contacts: one row per real-world contact, its
** reports grouped (the rules are in include/tamas.h, "Contacts").
**
**   SELECT * FROM tamas_contacts('news/');              -- scan a folder
**   SELECT * FROM tamas_contacts('news/', 1);           -- on this thread only
**   CREATE TABLE ev AS SELECT * FROM tamas_events('news/');
**   SELECT * FROM tamas_contacts WHERE events = 'ev';   -- group a table
**
** Hidden columns, the arguments in this order: `path` (a file, folder or
** glob, scanned as tamas_events scans it), `threads` (as for tamas_events)
** and `events` (the name of a table or view of event rows to group instead;
** tamas_contacts(NULL, NULL, 'ev') is the same).  The table needs the
** columns of tamas_events that grouping reads — file, actor1,
** actor1_country, actor2, actor2_country, status, medium, date, date_end,
** date_precision, published, evidence — and `source` (the outlet) when it
** has one; without it `sources` is NULL.  A value grouping cannot read is an
** error that names its row.
**
** All rows are read when the query starts (grouping needs them all), then
** the contacts are handed out.  It reads files, and the table it names may
** be one that reads files (CREATE VIRTUAL TABLE … USING tamas_events), so it
** is SQLITE_VTAB_DIRECTONLY.  sqlite3_tamas_nofs_init registers it without
** the path: it groups tables only.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tamas.h"
#include "tamas_sqlite.h"

enum {
  C_ID, C_A1, C_A1_COUNTRY, C_A2, C_A2_COUNTRY, C_MEDIUM, C_STATUS, C_DATE, C_DATE_END,
  C_PRECISION, C_REPORTS, C_ARTICLES, C_SOURCES, C_FIRST, C_LAST, C_EVIDENCE, C_EVIDENCE_FILE,
  C_FILES, C_FULFILLED_BY, C_ALTERNATIVES,
  C_PATH, C_THREADS, C_EVENTS /* hidden: the arguments */
};

typedef struct contacts_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  const void *overlay; /* the connection's run-time actors, for a scan */
  int no_files;        /* registered by sqlite3_tamas_nofs_init */
} contacts_vtab;

typedef struct contacts_cursor {
  sqlite3_vtab_cursor base;
  tamas_contacts *set;
  size_t i;
  int sources_known; /* 0: an events table without a source column */
} contacts_cursor;

static int connect_common(sqlite3 *db, void *aux, sqlite3_vtab **out, int no_files) {
  contacts_vtab *v;
  int rc = sqlite3_declare_vtab(
      db,
      "CREATE TABLE x(contact_id INTEGER, actor1 TEXT, actor1_country TEXT, actor2 TEXT, "
      "actor2_country TEXT, medium TEXT, status TEXT, date TEXT, date_end TEXT, "
      "date_precision TEXT, reports INTEGER, articles INTEGER, sources INTEGER, "
      "first_reported TEXT, last_reported TEXT, evidence TEXT, evidence_file TEXT, files TEXT, "
      "fulfilled_by INTEGER, alternatives INTEGER, path HIDDEN, threads HIDDEN, events HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  /* Reads files, or a table that may: never from a view or trigger. */
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  if (!(v = sqlite3_malloc(sizeof *v))) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->db = db;
  v->overlay = aux;
  v->no_files = no_files;
  *out = &v->base;
  return SQLITE_OK;
}

static int contacts_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                            sqlite3_vtab **out, char **err) {
  (void)argc, (void)argv, (void)err;
  return connect_common(db, aux, out, 0);
}

static int contacts_connect_nofs(sqlite3 *db, void *aux, int argc, const char *const *argv,
                                 sqlite3_vtab **out, char **err) {
  (void)argc, (void)argv, (void)err;
  return connect_common(db, aux, out, 1);
}

static int contacts_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

/* idxNum bit 1: argv holds the path, bit 2: threads, bit 4: the events
** table, in this order.  A path or a table makes the plan; without either
** it is priced out and xFilter says what is missing.  An unusable
** constraint on an argument is refused so that SQLite finds an order where
** it is usable. */
static int contacts_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  int i, arg = 0, at[3] = {-1, -1, -1};
  (void)vtab;
  for (i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn < C_PATH) continue;
    if (!c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ) return SQLITE_CONSTRAINT;
    at[c->iColumn - C_PATH] = i;
  }
  info->idxNum = 0;
  for (i = 0; i < 3; i++)
    if (at[i] >= 0) {
      info->aConstraintUsage[at[i]].argvIndex = ++arg;
      info->aConstraintUsage[at[i]].omit = 1;
      info->idxNum |= 1 << i;
    }
  if (info->idxNum & 5) {
    info->estimatedCost = 100000.0; /* every event row is read first */
    info->estimatedRows = 1000;
  } else {
    info->estimatedCost = 1e99;
    info->estimatedRows = 1;
  }
  return SQLITE_OK;
}

static int contacts_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
  contacts_cursor *c = sqlite3_malloc(sizeof *c);
  (void)vtab;
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static int contacts_close(sqlite3_vtab_cursor *cur) {
  contacts_cursor *c = (contacts_cursor *)cur;
  tamas_contacts_free(c->set);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* ---- an events table ---------------------------------------------------------- */

/* The columns read from an events table, in this order; `source` may be
** missing. */
static const char *const event_columns[] = {
    "file",   "actor1", "actor1_country", "actor2",    "actor2_country", "status", "medium",
    "date",   "date_end", "date_precision", "published", "evidence", "source"};
enum {
  E_FILE, E_A1, E_C1, E_A2, E_C2, E_STATUS, E_MEDIUM, E_DATE, E_DATE_END, E_PRECISION,
  E_PUBLISHED, E_EVIDENCE, E_SOURCE, N_EVENT_COLUMNS
};

/* "tamas_contacts: row N of 'ev': …" */
static int row_error(sqlite3_vtab *vtab, sqlite3_int64 row, const char *quoted_table,
                     const char *fmt, ...) {
  va_list ap;
  char *what;
  int rc;
  va_start(ap, fmt);
  what = sqlite3_vmprintf(fmt, ap);
  va_end(ap);
  rc = what ? tamas_vtab_error(vtab, SQLITE_ERROR, "tamas_contacts: row %lld of %s: %s", row,
                               quoted_table, what)
            : SQLITE_NOMEM;
  sqlite3_free(what);
  return rc;
}

static const char *column_text(sqlite3_stmt *st, int col) {
  return sqlite3_column_type(st, col) == SQLITE_NULL ? NULL
                                                     : (const char *)sqlite3_column_text(st, col);
}

/* A date column as a JDN (NULL: 0).  Returns 0 when it is not a date. */
static int column_day(sqlite3_stmt *st, int col, int32_t *jdn) {
  const char *s = column_text(st, col);
  *jdn = 0;
  return !s || tamas_parse_timevalue(s, strlen(s), jdn);
}

/* One row of the events table into a report; SQLITE_OK, or an error naming
** the row and the value. */
static int report_of_row(sqlite3_vtab *vtab, sqlite3_stmt *st, int has_source, sqlite3_int64 row,
                         const char *table, tamas_report *r) {
  static const char *const required[] = {"actor1", "actor2", "status", "medium"};
  static const int required_at[] = {E_A1, E_A2, E_STATUS, E_MEDIUM};
  const char *s;
  int i, k;
  memset(r, 0, sizeof *r);
  for (i = 0; i < 4; i++) {
    s = column_text(st, required_at[i]);
    if (!s || !*s) return row_error(vtab, row, table, "no %s", required[i]);
  }
  s = column_text(st, E_STATUS);
  if ((k = tamas_status_from_name(s, strlen(s))) < 0)
    return row_error(vtab, row, table,
                     "status '%q' is not occurred, planned, proposed, requested, refused or denied", s);
  r->status = (tamas_status)k;
  s = column_text(st, E_MEDIUM);
  if ((k = tamas_medium_from_name(s, strlen(s))) == 0)
    return row_error(vtab, row, table,
                     "medium '%q' is not phone, in_person, video, letter or unspecified", s);
  r->medium = (tamas_medium)k;
  for (i = 0; i < 3; i++) {
    static const int at[] = {E_DATE, E_DATE_END, E_PUBLISHED};
    int32_t *day = i == 0 ? &r->date : i == 1 ? &r->date_end : &r->published_day;
    if (!column_day(st, at[i], day))
      return row_error(vtab, row, table, "%s '%q' is not a date", event_columns[at[i]],
                       column_text(st, at[i]));
  }
  if (!r->date) r->date_end = 0; /* undated: its end and precision mean nothing */
  else if (r->date_end && r->date_end < r->date)
    return row_error(vtab, row, table, "date_end '%q' is before date '%q'",
                     column_text(st, E_DATE_END), column_text(st, E_DATE));
  if (r->date && (s = column_text(st, E_PRECISION)) != NULL) {
    for (k = TAMAS_DAY; k <= TAMAS_YEAR && strcmp(s, tamas_precision_name((tamas_precision)k)); k++) {
    }
    if (k > TAMAS_YEAR)
      return row_error(vtab, row, table, "date_precision '%q' is not day, week, month or year", s);
    r->precision = (tamas_precision)k;
  }
  r->actor[0] = column_text(st, E_A1);
  r->actor[1] = column_text(st, E_A2);
  r->country[0] = column_text(st, E_C1);
  r->country[1] = column_text(st, E_C2);
  r->published = column_text(st, E_PUBLISHED);
  r->file = column_text(st, E_FILE);
  r->source = has_source ? column_text(st, E_SOURCE) : NULL;
  r->evidence = column_text(st, E_EVIDENCE);
  r->evidence_len = r->evidence ? strlen(r->evidence) : 0;
  return SQLITE_OK;
}

/* Which event columns `table` has: SQLITE_OK and *has_source, or an error
** naming what is missing. */
static int check_columns(sqlite3_vtab *vtab, sqlite3 *db, const char *table, const char *quoted,
                         int *has_source) {
  sqlite3_stmt *st = NULL;
  char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", table);
  int i, j, rc;
  if (!sql) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  sqlite3_free(sql);
  if (rc != SQLITE_OK)
    return tamas_vtab_error(vtab, SQLITE_ERROR, "tamas_contacts: cannot read events table %s: %s",
                            quoted, sqlite3_errmsg(db));
  *has_source = 0;
  for (i = 0; i < N_EVENT_COLUMNS; i++) {
    for (j = 0; j < sqlite3_column_count(st); j++) {
      const char *name = sqlite3_column_name(st, j);
      if (name && sqlite3_stricmp(name, event_columns[i]) == 0) break;
    }
    if (j < sqlite3_column_count(st)) {
      if (i == E_SOURCE) *has_source = 1;
    } else if (i != E_SOURCE) {
      sqlite3_finalize(st);
      return tamas_vtab_error(vtab, SQLITE_ERROR,
                              "tamas_contacts: events table %s has no column %s (it needs the "
                              "columns of tamas_events: file, actor1, actor1_country, actor2, "
                              "actor2_country, status, medium, date, date_end, date_precision, "
                              "published, evidence; and source, when it has one)",
                              quoted, event_columns[i]);
    }
  }
  sqlite3_finalize(st);
  return SQLITE_OK;
}

/* Every row of the events table into the set. */
static int add_table(contacts_cursor *c, sqlite3 *db, const char *table) {
  sqlite3_vtab *vtab = c->base.pVtab;
  sqlite3_stmt *st = NULL;
  sqlite3_str *sql;
  sqlite3_int64 row = 0;
  char *quoted = tamas_sql_excerpt(table), *text;
  int i, rc, has_source;
  if (!quoted) return SQLITE_NOMEM;
  if ((rc = check_columns(vtab, db, table, quoted, &has_source)) != SQLITE_OK) goto done;
  c->sources_known = has_source;
  sql = sqlite3_str_new(db);
  sqlite3_str_appendall(sql, "SELECT ");
  for (i = 0; i < (has_source ? N_EVENT_COLUMNS : E_SOURCE); i++)
    sqlite3_str_appendf(sql, "%s\"%w\"", i ? ", " : "", event_columns[i]);
  sqlite3_str_appendf(sql, " FROM \"%w\"", table);
  if (!(text = sqlite3_str_finish(sql))) {
    rc = SQLITE_NOMEM;
    goto done;
  }
  rc = sqlite3_prepare_v2(db, text, -1, &st, NULL);
  sqlite3_free(text);
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    tamas_report r;
    if ((rc = report_of_row(vtab, st, has_source, ++row, quoted, &r)) != SQLITE_OK) goto done;
    if ((i = tamas_contacts_add(c->set, &r)) != 1) {
      rc = i == 0 ? SQLITE_NOMEM : row_error(vtab, row, quoted, "not a report");
      goto done;
    }
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  else if (rc != SQLITE_NOMEM)
    rc = tamas_vtab_error(vtab, SQLITE_ERROR, "tamas_contacts: cannot read events table %s: %s",
                          quoted, sqlite3_errmsg(db));
done:
  sqlite3_finalize(st);
  sqlite3_free(quoted);
  return rc;
}

/* ---- a path ----------------------------------------------------------------------- */

static int add_path(contacts_cursor *c, const contacts_vtab *v, sqlite3_value *path_arg,
                    sqlite3_value *threads_arg) {
  sqlite3_vtab *vtab = c->base.pVtab;
  const char *path = (const char *)sqlite3_value_text(path_arg);
  tamas_scan_options opt = {.max_bytes = tamas_sql_max_text(v->db), .overlay = v->overlay};
  char *err = NULL;
  int rc;
  if (!path) return SQLITE_NOMEM;
  if (v->no_files)
    return tamas_vtab_error(vtab, SQLITE_ERROR,
                            "tamas_contacts: this connection reads no files (tamas was loaded "
                            "with sqlite3_tamas_nofs_init): group a table instead, "
                            "SELECT * FROM tamas_contacts WHERE events = 'table'");
  if (strlen(path) != (size_t)sqlite3_value_bytes(path_arg))
    return tamas_vtab_error(vtab, SQLITE_ERROR, "tamas_contacts: the path holds a NUL byte");
  if (threads_arg &&
      (rc = tamas_sql_threads(threads_arg, vtab, "tamas_contacts", &opt.threads)) != SQLITE_OK)
    return rc;
  c->sources_known = 1;
  if (tamas_contacts_add_path(c->set, path, &opt, &err)) return SQLITE_OK;
  rc = err ? tamas_vtab_error(vtab, SQLITE_ERROR, "tamas_contacts: %s", err) : SQLITE_NOMEM;
  free(err);
  return rc;
}

/* idxNum as contacts_best_index sets it. */
static int contacts_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str, int argc,
                           sqlite3_value **argv) {
  contacts_cursor *c = (contacts_cursor *)cur;
  contacts_vtab *v = (contacts_vtab *)cur->pVtab;
  sqlite3_value *arg[3] = {NULL, NULL, NULL};
  int i, k = 0, rc;
  (void)idx_str, (void)argc;
  for (i = 0; i < 3; i++)
    if (idx_num & (1 << i) && sqlite3_value_type(argv[k++]) != SQLITE_NULL) arg[i] = argv[k - 1];
  tamas_contacts_free(c->set);
  c->i = 0;
  if (!(c->set = tamas_contacts_new())) return SQLITE_NOMEM;
  if (arg[0] && arg[2])
    return tamas_vtab_error(cur->pVtab, SQLITE_ERROR,
                            "tamas_contacts: give a path or an events table, not both");
  if (arg[2]) {
    const char *table = (const char *)sqlite3_value_text(arg[2]);
    if (!table) return SQLITE_NOMEM;
    if (strlen(table) != (size_t)sqlite3_value_bytes(arg[2]))
      return tamas_vtab_error(cur->pVtab, SQLITE_ERROR,
                              "tamas_contacts: the events table name holds a NUL byte");
    if (arg[1])
      return tamas_vtab_error(cur->pVtab, SQLITE_ERROR,
                              "tamas_contacts: threads is for a path, not for an events table");
    rc = add_table(c, v->db, table);
  } else if (arg[0]) {
    rc = add_path(c, v, arg[0], arg[1]);
  } else {
    return tamas_vtab_error(cur->pVtab, SQLITE_ERROR,
                            "tamas_contacts: missing path or events table: use "
                            "tamas_contacts('folder/') or SELECT * FROM tamas_contacts WHERE "
                            "events = 'table'");
  }
  if (rc == SQLITE_OK && !tamas_contacts_group(c->set)) rc = SQLITE_NOMEM;
  return rc;
}

static int contacts_next(sqlite3_vtab_cursor *cur) {
  ((contacts_cursor *)cur)->i++;
  return SQLITE_OK;
}

static int contacts_eof(sqlite3_vtab_cursor *cur) {
  contacts_cursor *c = (contacts_cursor *)cur;
  return !c->set || c->i >= tamas_contacts_count(c->set);
}

/* The files as a JSON array of strings. */
static void result_files(sqlite3_context *ctx, const tamas_contact *k) {
  sqlite3_str *s = sqlite3_str_new(sqlite3_context_db_handle(ctx)); /* its length limit */
  size_t i;
  int n;
  sqlite3_str_appendchar(s, 1, '[');
  for (i = 0; i < k->n_files; i++) {
    const unsigned char *p = (const unsigned char *)k->files[i];
    sqlite3_str_appendall(s, i ? ",\"" : "\"");
    for (; *p; p++) {
      if (*p == '"' || *p == '\\') sqlite3_str_appendf(s, "\\%c", *p);
      else if (*p < 0x20) sqlite3_str_appendf(s, "\\u%04x", *p);
      else sqlite3_str_appendchar(s, 1, (char)*p);
    }
    sqlite3_str_appendchar(s, 1, '"');
  }
  sqlite3_str_appendchar(s, 1, ']');
  if (sqlite3_str_errcode(s) != SQLITE_OK) {
    sqlite3_free(sqlite3_str_finish(s));
    sqlite3_result_error_nomem(ctx);
    return;
  }
  n = sqlite3_str_length(s);
  sqlite3_result_text(ctx, sqlite3_str_finish(s), n, sqlite3_free);
}

static int contacts_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  contacts_cursor *c = (contacts_cursor *)cur;
  const tamas_contact *k = tamas_contacts_at(c->set, c->i);
  switch (col) {
    case C_ID: sqlite3_result_int64(ctx, k->id); break;
    case C_A1: tamas_result_text(ctx, k->actor[0]); break;
    case C_A1_COUNTRY: tamas_result_text(ctx, k->country[0]); break;
    case C_A2: tamas_result_text(ctx, k->actor[1]); break;
    case C_A2_COUNTRY: tamas_result_text(ctx, k->country[1]); break;
    case C_MEDIUM: tamas_result_text(ctx, tamas_medium_name(k->medium)); break;
    case C_STATUS: tamas_result_text(ctx, tamas_status_name(k->status)); break;
    case C_DATE: tamas_result_day(ctx, k->date); break;
    case C_DATE_END: tamas_result_day(ctx, k->date_end); break;
    case C_PRECISION: tamas_result_text(ctx, tamas_precision_name(k->precision)); break;
    case C_REPORTS: sqlite3_result_int64(ctx, (sqlite3_int64)k->reports); break;
    case C_ARTICLES: sqlite3_result_int64(ctx, (sqlite3_int64)k->n_files); break;
    case C_SOURCES:
      if (c->sources_known) sqlite3_result_int64(ctx, (sqlite3_int64)k->sources);
      break;
    case C_FIRST: tamas_result_text(ctx, k->first_reported); break;
    case C_LAST: tamas_result_text(ctx, k->last_reported); break;
    case C_EVIDENCE: tamas_result_text(ctx, k->evidence); break;
    case C_EVIDENCE_FILE: tamas_result_text(ctx, k->evidence_file); break;
    case C_FILES: result_files(ctx, k); break;
    case C_FULFILLED_BY:
      if (k->fulfilled_by) sqlite3_result_int64(ctx, k->fulfilled_by);
      break;
    case C_ALTERNATIVES: sqlite3_result_int64(ctx, (sqlite3_int64)k->alternatives); break;
    default: break; /* the hidden arguments */
  }
  return SQLITE_OK;
}

static int contacts_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = (sqlite3_int64)((contacts_cursor *)cur)->i + 1;
  return SQLITE_OK;
}

/* Eponymous only, read-only; sqlite3_tamas_nofs_init's differs only in
** connecting without a path.  Fields not named are NULL. */
#define CONTACTS_MODULE(connect)                                                          \
  {                                                                                       \
    .iVersion = 0, .xConnect = connect, .xBestIndex = contacts_best_index,                \
    .xDisconnect = contacts_disconnect, .xOpen = contacts_open, .xClose = contacts_close, \
    .xFilter = contacts_filter, .xNext = contacts_next, .xEof = contacts_eof,             \
    .xColumn = contacts_column, .xRowid = contacts_rowid,                                 \
  }
static sqlite3_module contacts_module = CONTACTS_MODULE(contacts_connect);
static sqlite3_module contacts_nofs_module = CONTACTS_MODULE(contacts_connect_nofs);

const sqlite3_module *tamas_contacts_module(void) { return &contacts_module; }
const sqlite3_module *tamas_contacts_nofs_module(void) { return &contacts_nofs_module; }
