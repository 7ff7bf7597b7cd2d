/*
** events_vtab.c — contact events as tables.
**
**   SELECT * FROM extract_contacts('…متن خبر…');
**   SELECT * FROM extract_contacts(readfile('a.txt'), '2022-05-14');
**   SELECT date, actor1, actor2, status FROM tamas_events('news/');
**   SELECT count(*) FROM tamas_events('news/', 1);  -- on this thread only
**   CREATE VIRTUAL TABLE news USING tamas_events(path='news/');
**
** extract_contacts(text [, published]) reads one text (a sentence, a
** paragraph or a whole page: the article reader finds the body and the
** date); `published` replaces the date found in the text.  tamas_events(path)
** gives the same rows for every article under a path, with the file and the
** title.  Columns are listed in event_columns below; evidence_start and
** evidence_end are 1-based character positions of the evidence sentence in
** the text, so substr(text, evidence_start, evidence_end - evidence_start + 1)
** is the evidence.
**
** `threads` (hidden, after path) is how many threads read and analyse files
** ahead of the query (ext/io/scan.c): 0 or NULL one per core, 1 none but
** the query's; rows come in walk order whatever the number.
**
** tamas_events reads files, so it is SQLITE_VTAB_DIRECTONLY.  Both stream:
** a few articles' events are in memory at a time.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdlib.h>
#include <string.h>

#include "tamas.h"
#include "tamas_sqlite.h"

#define EVENT_COLUMNS                                                                \
  "medium TEXT, status TEXT, actor1 TEXT, actor1_fa TEXT, actor1_country TEXT, "    \
  "actor1_office TEXT, actor1_known INTEGER, actor2 TEXT, actor2_fa TEXT, "         \
  "actor2_country TEXT, actor2_office TEXT, actor2_known INTEGER, initiator TEXT, " \
  "place TEXT, date TEXT, date_end TEXT, date_precision TEXT, date_text TEXT, "     \
  "date_basis TEXT, cameo TEXT, plover TEXT, first_time INTEGER, mentions INTEGER, " \
  "rules TEXT, evidence TEXT, "                                                     \
  "evidence_start INTEGER, evidence_end INTEGER, published TEXT"

enum {
  C_MEDIUM, C_STATUS, C_A1, C_A1_FA, C_A1_COUNTRY, C_A1_OFFICE, C_A1_KNOWN, C_A2, C_A2_FA,
  C_A2_COUNTRY, C_A2_OFFICE, C_A2_KNOWN, C_INITIATOR, C_PLACE, C_DATE, C_DATE_END, C_PRECISION,
  C_DATE_TEXT, C_DATE_BASIS, C_CAMEO, C_PLOVER, C_FIRST, C_MENTIONS, C_RULES, C_EVIDENCE,
  C_EV_START, C_EV_END,
  C_PUBLISHED, N_EVENT_COLUMNS
};

typedef struct events_vtab {
  sqlite3_vtab base;
  int is_files;        /* tamas_events (1) or extract_contacts (0) */
  char *fixed_path;    /* CREATE VIRTUAL TABLE … USING tamas_events(path='…') */
  const void *overlay; /* the connection's run-time actors */
  sqlite3 *db;         /* for SQLITE_LIMIT_LENGTH */
} events_vtab;

typedef struct events_cursor {
  sqlite3_vtab_cursor base;
  sqlite3_int64 rowid;
  tamas_scan *scan;           /* tamas_events: the files, read ahead */
  const tamas_scanned *item;  /* the current article: the scan's, or `own` */
  tamas_scanned own;          /* extract_contacts: a copy of the text */
  size_t i;                   /* current event */
  size_t char_pos, byte_pos; /* a running byte → character offset */
  char *published_arg;
  int eof;
} events_cursor;

/* ---- connect ------------------------------------------------------------------ */

static int events_connect_common(sqlite3 *db, void *aux, int argc, const char *const *argv,
                                 sqlite3_vtab **out, char **err, int is_files) {
  events_vtab *v;
  int rc = sqlite3_declare_vtab(
      db, is_files ? "CREATE TABLE x(file TEXT, title TEXT, " EVENT_COLUMNS ", path HIDDEN, threads HIDDEN)"
                   : "CREATE TABLE x(" EVENT_COLUMNS ", text HIDDEN, published_arg HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  /* tamas_events reads files: not from views or triggers of untrusted schemas */
  if (is_files) sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  else sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->is_files = is_files;
  v->overlay = aux;
  v->db = db;
  /* CREATE VIRTUAL TABLE news USING tamas_events(path='news/') */
  if (is_files && argc > 3) {
    const char *a = argv[3];
    size_t n;
    if (strncmp(a, "path", 4) != 0 || !(a = strchr(a, '='))) {
      *err = sqlite3_mprintf("tamas_events: unknown argument '%s': use path='folder/'", argv[3]);
      sqlite3_free(v);
      return SQLITE_ERROR;
    }
    a++;
    while (*a == ' ') a++;
    n = strlen(a);
    if (n >= 2 && (a[0] == '\'' || a[0] == '"') && a[n - 1] == a[0]) a++, n -= 2;
    v->fixed_path = sqlite3_mprintf("%.*s", (int)n, a);
  }
  *out = &v->base;
  return SQLITE_OK;
}

static int files_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                         sqlite3_vtab **out, char **err) {
  return events_connect_common(db, aux, argc, argv, out, err, 1);
}

static int text_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                        sqlite3_vtab **out, char **err) {
  return events_connect_common(db, aux, argc, argv, out, err, 0);
}

static int events_disconnect(sqlite3_vtab *vtab) {
  events_vtab *v = (events_vtab *)vtab;
  sqlite3_free(v->fixed_path);
  sqlite3_free(v);
  return SQLITE_OK;
}

/* idxNum bit 1: argv holds the path or text; bit 2: threads or published.
** The first hidden column is required: without it the plan is priced out
** and xFilter says what is missing.  An unusable constraint on a hidden
** column is refused so that SQLite finds an order where it is usable. */
static int events_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  events_vtab *v = (events_vtab *)vtab;
  int first_hidden = v->is_files ? N_EVENT_COLUMNS + 2 : N_EVENT_COLUMNS;
  int i, arg = 0, idx = 0, at[2] = {-1, -1};
  for (i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    int k = c->iColumn - first_hidden;
    if (k < 0 || k > 1) continue;
    if (!c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ) return SQLITE_CONSTRAINT;
    at[k] = i;
  }
  for (i = 0; i < 2; i++)
    if (at[i] >= 0) {
      info->aConstraintUsage[at[i]].argvIndex = ++arg;
      info->aConstraintUsage[at[i]].omit = 1;
      idx |= 1 << i;
    }
  info->idxNum = idx;
  if ((idx & 1) || v->fixed_path) {
    info->estimatedCost = v->is_files ? 100000.0 : 100.0;
    info->estimatedRows = v->is_files ? 10000 : 5;
  } else {
    info->estimatedCost = 1e99;
    info->estimatedRows = 1;
  }
  return SQLITE_OK;
}

/* ---- cursor --------------------------------------------------------------------- */

static int events_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
  events_cursor *c = sqlite3_malloc(sizeof *c);
  (void)vtab;
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static void clear_article(events_cursor *c) {
  tamas_extraction_free(&c->own.events);
  tamas_article_free(&c->own.article);
  free(c->own.text);
  c->own.text = NULL;
  c->item = NULL;
  c->i = 0;
  c->char_pos = c->byte_pos = 0;
}

static int events_close(sqlite3_vtab_cursor *cur) {
  events_cursor *c = (events_cursor *)cur;
  clear_article(c);
  tamas_scan_close(c->scan);
  sqlite3_free(c->published_arg);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* Move to the next file that has events (tamas_events).  Files that cannot
** be read (binary, too long …) have none: tamas_articles says why. */
static int next_file(events_cursor *c) {
  int nomem;
  clear_article(c);
  do c->item = c->scan ? tamas_scan_next(c->scan, &nomem) : NULL;
  while (c->item && c->item->events.n_events == 0);
  c->eof = c->item == NULL;
  return c->item || !nomem ? SQLITE_OK : SQLITE_NOMEM;
}

/* published (extract_contacts): an ISO date, copied into the cursor. */
static int take_published(events_cursor *c, sqlite3_value *arg) {
  const char *p = (const char *)sqlite3_value_text(arg);
  int32_t jdn;
  if (!p || !(c->published_arg = sqlite3_mprintf("%s", p))) return SQLITE_NOMEM;
  if (strlen(p) != (size_t)sqlite3_value_bytes(arg))
    return tamas_vtab_error(c->base.pVtab, SQLITE_ERROR, "extract_contacts: published holds a NUL byte");
  if (!tamas_parse_timevalue(p, strlen(p) >= 10 ? 10 : strlen(p), &jdn)) {
    char *quoted = tamas_sql_excerpt(p);
    int rc = quoted ? tamas_vtab_error(c->base.pVtab, SQLITE_ERROR,
                                       "extract_contacts: published must be an ISO date such "
                                       "as '2022-05-14', not %s",
                                       quoted)
                    : SQLITE_NOMEM;
    sqlite3_free(quoted);
    return rc;
  }
  return SQLITE_OK;
}

/* extract_contacts: the text argument, read now (one article). */
static int extract_text(events_cursor *c, const events_vtab *v, sqlite3_value *arg) {
  tamas_scanned *it = &c->own;
  it->len = (size_t)sqlite3_value_bytes(arg);
  if (it->len > TAMAS_MAX_FILE_BYTES) {
    return tamas_vtab_error(c->base.pVtab, SQLITE_ERROR,
                            "extract_contacts: the text is %llu bytes long; tamas reads at "
                            "most " TAMAS_MAX_FILE_TEXT " (TAMAS_MAX_FILE_BYTES)",
                            (unsigned long long)it->len);
  }
  if (!(it->text = malloc(it->len + 1))) return SQLITE_NOMEM;
  memcpy(it->text, sqlite3_value_text(arg), it->len + 1);
  /* the page is read once: its title for the row, its body for extraction */
  if (!tamas_article_read_parts(it->text, it->len, 0, &it->article) ||
      !tamas_extract_article(it->text, &it->article, c->published_arg, v->overlay, &it->events))
    return SQLITE_NOMEM;
  c->item = it;
  c->eof = it->events.n_events == 0;
  return SQLITE_OK;
}

/* tamas_events: start the scan of the path. */
static int start_scan(events_cursor *c, const events_vtab *v, const char *path, int threads) {
  char *err = NULL;
  tamas_scan_options opt = {.kind = TAMAS_SCAN_EVENTS,
                            .max_bytes = tamas_sql_max_text(v->db),
                            .overlay = v->overlay,
                            .threads = threads};
  if (!path)
    return tamas_vtab_error(c->base.pVtab, SQLITE_ERROR,
                            "tamas_events: missing path: use tamas_events('folder/') with a "
                            "file, a folder or a glob");
  if (!(c->scan = tamas_scan_open(path, &opt, &err))) {
    int rc = err ? tamas_vtab_error(c->base.pVtab, SQLITE_ERROR, "tamas_events: %s", err)
                 : SQLITE_NOMEM;
    free(err);
    return rc;
  }
  return next_file(c);
}

/* idxNum bit 1: argv holds the path (tamas_events) or the text
** (extract_contacts); bit 2: argv holds threads or published. */
static int events_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str, int argc,
                         sqlite3_value **argv) {
  events_cursor *c = (events_cursor *)cur;
  events_vtab *v = (events_vtab *)cur->pVtab;
  sqlite3_value *first = (idx_num & 1) ? argv[0] : NULL;
  sqlite3_value *second = (idx_num & 2) ? argv[(idx_num & 1) ? 1 : 0] : NULL;
  int threads = 0, rc;
  (void)idx_str, (void)argc;
  clear_article(c);
  tamas_scan_close(c->scan);
  c->scan = NULL;
  c->eof = 0;
  c->rowid = 0;
  sqlite3_free(c->published_arg);
  c->published_arg = NULL;
  if (first && sqlite3_value_type(first) == SQLITE_NULL) first = NULL;
  if (second && sqlite3_value_type(second) == SQLITE_NULL) second = NULL;
  if (first && !sqlite3_value_text(first)) return SQLITE_NOMEM;
  if (v->is_files) {
    const char *path = first ? (const char *)sqlite3_value_text(first) : v->fixed_path;
    if (first && strlen(path) != (size_t)sqlite3_value_bytes(first))
      return tamas_vtab_error(cur->pVtab, SQLITE_ERROR, "tamas_events: the path holds a NUL byte");
    if (second && (rc = tamas_sql_threads(second, cur->pVtab, "tamas_events", &threads)) != SQLITE_OK)
      return rc;
    return start_scan(c, v, path, threads);
  }
  if (second && (rc = take_published(c, second)) != SQLITE_OK) return rc;
  if (!(idx_num & 1))
    return tamas_vtab_error(cur->pVtab, SQLITE_ERROR,
                            "extract_contacts: missing text: use extract_contacts('…')");
  if (!first) {
    c->eof = 1; /* NULL text: no rows */
    return SQLITE_OK;
  }
  return extract_text(c, v, first);
}

static int events_next(sqlite3_vtab_cursor *cur) {
  events_cursor *c = (events_cursor *)cur;
  c->rowid++;
  if (++c->i < c->item->events.n_events) return SQLITE_OK;
  if (!c->scan) {
    c->eof = 1;
    return SQLITE_OK;
  }
  return next_file(c);
}

static int events_eof(sqlite3_vtab_cursor *cur) { return ((events_cursor *)cur)->eof; }

/* 1-based character position of a byte offset (offsets asked in order are
** counted incrementally). */
static sqlite3_int64 char_position(events_cursor *c, size_t byte) {
  if (byte < c->byte_pos) c->byte_pos = c->char_pos = 0;
  c->char_pos += tamas_utf8_chars(c->item->text + c->byte_pos, byte - c->byte_pos);
  c->byte_pos = byte;
  return (sqlite3_int64)c->char_pos + 1;
}

static void result_actor(sqlite3_context *ctx, events_cursor *c, const tamas_actor *a, int field) {
  switch (field) {
    case 0: tamas_result_text(ctx, a->name); break;
    case 1: tamas_result_span(ctx, c->item->text, a->fa); break;
    case 2: tamas_result_text(ctx, a->country); break;
    case 3: tamas_result_text(ctx, a->office); break;
    default: sqlite3_result_int(ctx, a->known); break;
  }
}

static int events_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  events_cursor *c = (events_cursor *)cur;
  events_vtab *v = (events_vtab *)cur->pVtab;
  const tamas_scanned *it = c->item;
  const tamas_event *e = &it->events.events[c->i];
  if (v->is_files) {
    if (col == 0) {
      sqlite3_result_text(ctx, it->file, -1, SQLITE_TRANSIENT);
      return SQLITE_OK;
    }
    if (col == 1) {
      tamas_result_span(ctx, it->text, it->article.title);
      return SQLITE_OK;
    }
    col -= 2;
  }
  switch (col) {
    case C_MEDIUM: tamas_result_text(ctx, tamas_medium_name(e->medium)); break;
    case C_STATUS: tamas_result_text(ctx, tamas_status_name(e->status)); break;
    case C_A1: case C_A1_FA: case C_A1_COUNTRY: case C_A1_OFFICE: case C_A1_KNOWN:
      result_actor(ctx, c, &e->actor[0], col - C_A1);
      break;
    case C_A2: case C_A2_FA: case C_A2_COUNTRY: case C_A2_OFFICE: case C_A2_KNOWN:
      result_actor(ctx, c, &e->actor[1], col - C_A2);
      break;
    case C_INITIATOR: tamas_result_text(ctx, e->initiator); break;
    case C_PLACE: tamas_result_text(ctx, e->place); break;
    case C_DATE: tamas_result_day(ctx, e->date); break;
    case C_DATE_END: tamas_result_day(ctx, e->date_end); break;
    case C_PRECISION: tamas_result_text(ctx, tamas_precision_name(e->precision)); break;
    case C_DATE_TEXT: tamas_result_span(ctx, it->text, e->date_text); break;
    case C_DATE_BASIS: tamas_result_text(ctx, e->date_basis); break;
    case C_RULES: tamas_result_text(ctx, e->rules); break;
    case C_CAMEO: tamas_result_text(ctx, tamas_event_cameo(e)); break;
    case C_PLOVER: tamas_result_text(ctx, tamas_event_plover(e)); break;
    case C_FIRST: sqlite3_result_int(ctx, e->first_time); break;
    case C_MENTIONS: sqlite3_result_int(ctx, e->mentions); break;
    case C_EVIDENCE: tamas_result_span(ctx, it->text, e->evidence); break;
    case C_EV_START: sqlite3_result_int64(ctx, char_position(c, e->evidence.start)); break;
    case C_EV_END: sqlite3_result_int64(ctx, char_position(c, e->evidence.end) - 1); break;
    case C_PUBLISHED: tamas_result_text(ctx, it->events.published); break;
    default: break; /* hidden argument columns */
  }
  return SQLITE_OK;
}

static int events_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = ((events_cursor *)cur)->rowid;
  return SQLITE_OK;
}

/* tamas_events also works with CREATE VIRTUAL TABLE (xCreate); both are
** read-only.  Fields not named are NULL. */
static sqlite3_module files_module = {
    .iVersion = 0,
    .xCreate = files_connect,
    .xConnect = files_connect,
    .xBestIndex = events_best_index,
    .xDisconnect = events_disconnect,
    .xDestroy = events_disconnect,
    .xOpen = events_open,
    .xClose = events_close,
    .xFilter = events_filter,
    .xNext = events_next,
    .xEof = events_eof,
    .xColumn = events_column,
    .xRowid = events_rowid,
};

static sqlite3_module text_module = {
    .iVersion = 0,
    .xConnect = text_connect, /* eponymous only */
    .xBestIndex = events_best_index,
    .xDisconnect = events_disconnect,
    .xOpen = events_open,
    .xClose = events_close,
    .xFilter = events_filter,
    .xNext = events_next,
    .xEof = events_eof,
    .xColumn = events_column,
    .xRowid = events_rowid,
};

const sqlite3_module *tamas_events_module(void) { return &files_module; }
const sqlite3_module *tamas_extract_module(void) { return &text_module; }

void *tamas_overlay_new(void) { return tamas_actor_overlay_new(); }
void tamas_overlay_free(void *overlay) { tamas_actor_overlay_free(overlay); }
