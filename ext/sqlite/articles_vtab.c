/*
** articles_vtab.c — tamas_articles(path): one row per article file.
**
**   SELECT file, title, published, source FROM tamas_articles('news/');
**   SELECT count(*) FROM tamas_articles('news/2022-*.txt') WHERE error IS NULL;
**
** `path` is a file, a directory (walked recursively in name order) or a glob.
** Columns: file, title, published ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM"),
** source, cites ('|'-separated), news_code, body, chars (characters in body),
** error (NULL, or why the file could not be read as text; the scan goes on).
** A path that does not exist is an error that names it.  `threads` (hidden,
** after path: tamas_articles('news/', 1)) is how many threads read files
** ahead of the query (ext/io/scan.c): 0 or NULL one per core, 1 none but
** the query's; rows come in walk order whatever the number.
**
** It streams: a few articles are in memory at a time.  It reads files, so it is
** SQLITE_VTAB_DIRECTONLY: a view or trigger in a database someone else made
** cannot use it to read this machine's files.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdlib.h>
#include <string.h>

#include "tamas.h"
#include "tamas_sqlite.h"

enum {
  COL_FILE,
  COL_TITLE,
  COL_PUBLISHED,
  COL_SOURCE,
  COL_CITES,
  COL_NEWS_CODE,
  COL_BODY,
  COL_CHARS,
  COL_ERROR,
  COL_PATH,   /* hidden: the arguments */
  COL_THREADS
};

typedef struct articles_vtab {
  sqlite3_vtab base;
  sqlite3 *db; /* for SQLITE_LIMIT_LENGTH */
} articles_vtab;

typedef struct articles_cursor {
  sqlite3_vtab_cursor base;
  tamas_scan *scan;
  sqlite3_int64 rowid;
  const tamas_scanned *item; /* the current file; NULL at the end */
} articles_cursor;

static int articles_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                            sqlite3_vtab **out, char **err) {
  articles_vtab *vtab;
  int rc = sqlite3_declare_vtab(
      db,
      "CREATE TABLE x(file TEXT, title TEXT, published TEXT, source TEXT, "
      "cites TEXT, news_code TEXT, body TEXT, chars INTEGER, error TEXT, "
      "path HIDDEN, threads HIDDEN)");
  (void)aux, (void)argc, (void)argv, (void)err;
  if (rc != SQLITE_OK) return rc;
  /* Reads files: never from a view, trigger or schema of untrusted origin. */
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  vtab = sqlite3_malloc(sizeof *vtab);
  if (!vtab) return SQLITE_NOMEM;
  memset(vtab, 0, sizeof *vtab);
  vtab->db = db;
  *out = &vtab->base;
  return SQLITE_OK;
}

static int articles_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

/* idxNum bit 1: the path argument is argv[0]; bit 2: threads follows.  A
** usable path makes the plan cheap; without one the plan is priced out, and
** xFilter says what is missing.  An unusable constraint on an argument
** (path = column of a later table) is refused so SQLite picks an order where
** it is usable. */
static int articles_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  int i, arg = 0, at[2] = {-1, -1};
  (void)vtab;
  for (i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn != COL_PATH && c->iColumn != COL_THREADS) continue;
    if (!c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ) return SQLITE_CONSTRAINT;
    at[c->iColumn - COL_PATH] = i;
  }
  info->idxNum = 0;
  for (i = 0; i < 2; i++)
    if (at[i] >= 0) {
      info->aConstraintUsage[at[i]].argvIndex = ++arg;
      info->aConstraintUsage[at[i]].omit = 1;
      info->idxNum |= 1 << i;
    }
  if (info->idxNum & 1) {
    info->estimatedCost = 1000.0; /* reading files: each row is costly */
    info->estimatedRows = 1000;
  } else {
    info->estimatedCost = 1e99;
    info->estimatedRows = 1;
  }
  return SQLITE_OK;
}

static int articles_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
  articles_cursor *c = sqlite3_malloc(sizeof *c);
  (void)vtab;
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static int articles_close(sqlite3_vtab_cursor *cur) {
  articles_cursor *c = (articles_cursor *)cur;
  tamas_scan_close(c->scan);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* The next file of the scan (a file that cannot be read is a row too). */
static int load_next(articles_cursor *c) {
  int nomem;
  c->item = c->scan ? tamas_scan_next(c->scan, &nomem) : NULL;
  if (!c->item) return nomem ? SQLITE_NOMEM : SQLITE_OK;
  c->rowid++;
  return SQLITE_OK;
}

static int articles_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str,
                           int argc, sqlite3_value **argv) {
  articles_cursor *c = (articles_cursor *)cur;
  tamas_scan_options opt = {
      .kind = TAMAS_SCAN_ARTICLES,
      .max_bytes = tamas_sql_max_text(((articles_vtab *)cur->pVtab)->db)};
  const char *path;
  char *err = NULL;
  int rc;
  (void)idx_str, (void)argc;
  tamas_scan_close(c->scan);
  c->scan = NULL;
  c->item = NULL;
  c->rowid = 0;
  if (!(idx_num & 1) || sqlite3_value_type(argv[0]) == SQLITE_NULL)
    return tamas_vtab_error(cur->pVtab, SQLITE_ERROR,
                            "tamas_articles: missing path: use tamas_articles('folder/') with "
                            "a file, a folder or a glob");
  path = (const char *)sqlite3_value_text(argv[0]);
  if (!path) return SQLITE_NOMEM;
  if (strlen(path) != (size_t)sqlite3_value_bytes(argv[0]))
    return tamas_vtab_error(cur->pVtab, SQLITE_ERROR, "tamas_articles: the path holds a NUL byte");
  if ((idx_num & 2) && sqlite3_value_type(argv[1]) != SQLITE_NULL &&
      (rc = tamas_sql_threads(argv[1], cur->pVtab, "tamas_articles", &opt.threads)) != SQLITE_OK)
    return rc;
  c->scan = tamas_scan_open(path, &opt, &err); /* copies what it keeps of path */
  if (!c->scan) {
    rc = err ? tamas_vtab_error(cur->pVtab, SQLITE_ERROR, "tamas_articles: %s", err) : SQLITE_NOMEM;
    free(err);
    return rc;
  }
  return load_next(c);
}

static int articles_next(sqlite3_vtab_cursor *cur) {
  return load_next((articles_cursor *)cur);
}

static int articles_eof(sqlite3_vtab_cursor *cur) {
  return ((articles_cursor *)cur)->item == NULL;
}

static int articles_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  const tamas_scanned *it = ((articles_cursor *)cur)->item;
  const tamas_article *a = &it->article;
  if (col == COL_FILE) {
    sqlite3_result_text(ctx, it->file, -1, SQLITE_TRANSIENT);
    return SQLITE_OK;
  }
  if (col == COL_ERROR) {
    tamas_result_text(ctx, it->error);
    return SQLITE_OK;
  }
  if (!it->text) return SQLITE_OK; /* unreadable: every other column NULL */
  switch (col) {
    case COL_TITLE: tamas_result_span(ctx, it->text, a->title); break;
    case COL_PUBLISHED: tamas_result_text(ctx, a->published); break;
    case COL_SOURCE: tamas_result_text(ctx, a->source); break;
    case COL_CITES: tamas_result_text(ctx, a->cites); break;
    case COL_NEWS_CODE: tamas_result_text(ctx, a->news_code); break;
    case COL_BODY:
      if (it->body_len > 0) sqlite3_result_text(ctx, it->body, (int)it->body_len, SQLITE_TRANSIENT);
      break;
    case COL_CHARS:
      sqlite3_result_int64(ctx, (sqlite3_int64)tamas_utf8_chars(it->body, it->body_len));
      break;
    default: break;
  }
  return SQLITE_OK;
}

static int articles_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = ((articles_cursor *)cur)->rowid;
  return SQLITE_OK;
}

/* No xCreate (eponymous only), no xUpdate, transactions, functions or
** renames: read-only.  Fields not named are NULL. */
static sqlite3_module articles_module = {
    .iVersion = 0,
    .xConnect = articles_connect,
    .xBestIndex = articles_best_index,
    .xDisconnect = articles_disconnect,
    .xOpen = articles_open,
    .xClose = articles_close,
    .xFilter = articles_filter,
    .xNext = articles_next,
    .xEof = articles_eof,
    .xColumn = articles_column,
    .xRowid = articles_rowid,
};

const sqlite3_module *tamas_articles_module(void) { return &articles_module; }
