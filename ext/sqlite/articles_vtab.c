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
** A path that does not exist is an error that names it.
**
** It streams: one article is in memory at a time.  It reads files, so it is
** SQLITE_VTAB_DIRECTONLY: a view or trigger in a database someone else made
** cannot use it to read this machine's files.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdio.h>
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
  COL_PATH /* hidden: the argument */
};

typedef struct articles_vtab {
  sqlite3_vtab base;
  sqlite3 *db; /* for SQLITE_LIMIT_LENGTH */
} articles_vtab;

typedef struct articles_cursor {
  sqlite3_vtab_cursor base;
  tamas_walk *walk;
  sqlite3_int64 rowid;
  const char *file;   /* owned by walk */
  char *text;         /* the file's text, or NULL when error is set */
  size_t len;
  const char *error;  /* why the file could not be read */
  char error_copy[128];
  tamas_article article;
  char *body;
  size_t body_len;
} articles_cursor;

static int articles_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                            sqlite3_vtab **out, char **err) {
  articles_vtab *vtab;
  int rc = sqlite3_declare_vtab(
      db,
      "CREATE TABLE x(file TEXT, title TEXT, published TEXT, source TEXT, "
      "cites TEXT, news_code TEXT, body TEXT, chars INTEGER, error TEXT, "
      "path HIDDEN)");
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

/* idxNum 1: the path argument is argv[0].  A usable path makes the plan
** cheap; without one the plan is priced out, and xFilter says what is
** missing.  An unusable path constraint (path = column of a later table)
** is refused so SQLite picks an order where it is usable. */
static int articles_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  int i, path_at = -1;
  (void)vtab;
  for (i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn != COL_PATH) continue;
    if (!c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ) return SQLITE_CONSTRAINT;
    path_at = i;
  }
  if (path_at >= 0) {
    info->aConstraintUsage[path_at].argvIndex = 1;
    info->aConstraintUsage[path_at].omit = 1;
    info->idxNum = 1;
    info->estimatedCost = 1000.0; /* reading files: each row is costly */
    info->estimatedRows = 1000;
  } else {
    info->idxNum = 0;
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

static void clear_article(articles_cursor *c) {
  free(c->text);
  free(c->body);
  tamas_article_free(&c->article);
  c->text = c->body = NULL;
  c->error = NULL;
}

static int articles_close(sqlite3_vtab_cursor *cur) {
  articles_cursor *c = (articles_cursor *)cur;
  clear_article(c);
  tamas_walk_close(c->walk);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* Read the next file of the walk into the cursor. */
static int load_next(articles_cursor *c) {
  const char *why;
  clear_article(c);
  c->file = c->walk ? tamas_walk_next(c->walk) : NULL;
  if (!c->file) return SQLITE_OK;
  c->rowid++;
  /* files longer than SQLITE_LIMIT_LENGTH or TAMAS_MAX_FILE_BYTES: error row */
  c->text = tamas_read_text_file(c->file, tamas_sql_max_text(((articles_vtab *)c->base.pVtab)->db),
                                 &c->len, &why);
  if (!c->text) {
    snprintf(c->error_copy, sizeof c->error_copy, "%s", why);
    c->error = c->error_copy;
    return SQLITE_OK;
  }
  if (!tamas_article_read(c->text, c->len, &c->article) ||
      !(c->body = tamas_article_body(&c->article, c->text, &c->body_len)))
    return SQLITE_NOMEM;
  return SQLITE_OK;
}

static int articles_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str,
                           int argc, sqlite3_value **argv) {
  articles_cursor *c = (articles_cursor *)cur;
  const char *path;
  char *err = NULL;
  (void)idx_str;
  clear_article(c);
  tamas_walk_close(c->walk);
  c->walk = NULL;
  c->rowid = 0;
  if (idx_num != 1 || argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_free(cur->pVtab->zErrMsg);
    cur->pVtab->zErrMsg = sqlite3_mprintf(
        "tamas_articles: missing path: use tamas_articles('folder/') with a file, "
        "a folder or a glob");
    return SQLITE_ERROR;
  }
  path = (const char *)sqlite3_value_text(argv[0]);
  if (!path) return SQLITE_NOMEM;
  if (strlen(path) != (size_t)sqlite3_value_bytes(argv[0])) {
    sqlite3_free(cur->pVtab->zErrMsg);
    cur->pVtab->zErrMsg = sqlite3_mprintf("tamas_articles: the path holds a NUL byte");
    return SQLITE_ERROR;
  }
  c->walk = tamas_walk_open(path, &err); /* copies what it keeps of path */
  if (!c->walk) {
    sqlite3_free(cur->pVtab->zErrMsg);
    cur->pVtab->zErrMsg =
        err ? sqlite3_mprintf("tamas_articles: %s", err) : NULL;
    free(err);
    return err ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  return load_next(c);
}

static int articles_next(sqlite3_vtab_cursor *cur) {
  return load_next((articles_cursor *)cur);
}

static int articles_eof(sqlite3_vtab_cursor *cur) {
  return ((articles_cursor *)cur)->file == NULL;
}

static int articles_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  articles_cursor *c = (articles_cursor *)cur;
  const tamas_article *a = &c->article;
  if (col == COL_FILE) {
    sqlite3_result_text(ctx, c->file, -1, SQLITE_TRANSIENT);
    return SQLITE_OK;
  }
  if (col == COL_ERROR) {
    tamas_result_text(ctx, c->error);
    return SQLITE_OK;
  }
  if (!c->text) return SQLITE_OK; /* unreadable: every other column NULL */
  switch (col) {
    case COL_TITLE: tamas_result_span(ctx, c->text, a->title); break;
    case COL_PUBLISHED: tamas_result_text(ctx, a->published); break;
    case COL_SOURCE: tamas_result_text(ctx, a->source); break;
    case COL_CITES: tamas_result_text(ctx, a->cites); break;
    case COL_NEWS_CODE: tamas_result_text(ctx, a->news_code); break;
    case COL_BODY:
      if (c->body_len > 0) sqlite3_result_text(ctx, c->body, (int)c->body_len, SQLITE_TRANSIENT);
      break;
    case COL_CHARS:
      sqlite3_result_int64(ctx, (sqlite3_int64)tamas_utf8_chars(c->body, c->body_len));
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
