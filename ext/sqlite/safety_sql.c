/*
** safety_sql.c — what the SQL layer shares to stay within its limits.
**
**   tamas_sql_max_text(db)   the longest text read or returned: the smaller
**                            of SQLITE_LIMIT_LENGTH and TAMAS_MAX_FILE_BYTES
**   tamas_sql_excerpt(s)     a user's string cut short for an error message
**   tamas_sql_threads(v, …)  the `threads` argument of the file tables
**   tamas_vtab_error(vt, …)  a virtual table's error message, printf-style
**
** A file longer than tamas_sql_max_text() is reported (tamas_articles'
** error column) or skipped (tamas_events), never read; a longer text given
** to extract_contacts() is an error.  So no column can be longer than
** SQLITE_LIMIT_LENGTH.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdarg.h>
#include <string.h>

#include "tamas.h"
#include "tamas_sqlite.h"

#define EXCERPT_CHARS 60

size_t tamas_sql_max_text(sqlite3 *db) {
  int limit = sqlite3_limit(db, SQLITE_LIMIT_LENGTH, -1);
  size_t max = TAMAS_MAX_FILE_BYTES;
  if (limit >= 0 && (size_t)limit < max) max = (size_t)limit;
  return max;
}

char *tamas_sql_excerpt(const char *s) {
  size_t i = 0, chars = 0;
  if (!s) return sqlite3_mprintf("NULL");
  /* count characters as SQLite's printf does (%!.Ns counts characters) */
  while (s[i] && chars <= EXCERPT_CHARS) {
    if (((unsigned char)s[i] & 0xC0) != 0x80) chars++;
    i++;
  }
  if (chars <= EXCERPT_CHARS) return sqlite3_mprintf("'%s'", s);
  return sqlite3_mprintf("'%!.*s…'", EXCERPT_CHARS, s);
}

int tamas_vtab_error(sqlite3_vtab *vtab, int rc, const char *fmt, ...) {
  va_list ap;
  sqlite3_free(vtab->zErrMsg);
  va_start(ap, fmt);
  vtab->zErrMsg = sqlite3_vmprintf(fmt, ap);
  va_end(ap);
  return vtab->zErrMsg ? rc : SQLITE_NOMEM;
}

int tamas_sql_threads(sqlite3_value *arg, sqlite3_vtab *vtab, const char *table, int *threads) {
  sqlite3_int64 n = sqlite3_value_int64(arg);
  char *quoted;
  int rc;
  if (sqlite3_value_type(arg) == SQLITE_INTEGER && n >= 0) {
    *threads = n > TAMAS_SCAN_MAX_THREADS ? TAMAS_SCAN_MAX_THREADS : (int)n;
    return SQLITE_OK;
  }
  if (!(quoted = tamas_sql_excerpt((const char *)sqlite3_value_text(arg)))) return SQLITE_NOMEM;
  rc = tamas_vtab_error(vtab, SQLITE_ERROR,
                        "%s: threads must be a whole number: 1 to read on the query's own "
                        "thread only, 0 for one thread per core; not %s",
                        table, quoted);
  sqlite3_free(quoted);
  return rc;
}
