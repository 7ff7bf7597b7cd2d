/*
** normalize_sql.c — fa_normalize(), the Persian text normaliser in SQL.
**
**   SELECT fa_normalize('ميكند');                      -- می‌کند
**   SELECT fa_normalize('مقامهای  ارشد');              -- مقام‌های ارشد
**   SELECT fa_normalize('١٤٠١/٢/٢٤', 'ascii');         -- 1401/2/24
**   SELECT fa_normalize('می کند', 'key');              -- میکند
**
** fa_normalize(text [, options]) applies the rules listed in
** include/tamas.h (Normalisation).  options is a comma-separated list
** (spaces around the names and letter case do not matter, '' is no option):
**   ascii      every digit becomes ASCII (default: Arabic-Indic → Persian)
**   no-repair  no ZWNJ repair: no ZWNJ added, no suffix joined to its word
**   key        the match key instead of the normalised text
** NULL text or NULL options give NULL.  Numbers and blobs are read as text.
** An unknown option is an error, since it is a mistake in the query; so is
** a result longer than SQLITE_LIMIT_LENGTH.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdlib.h>
#include <string.h>

#include "tamas.h"
#include "tamas_sqlite.h"

static int name_is(const char *s, size_t n, const char *name) {
  size_t i;
  if (strlen(name) != n) return 0;
  for (i = 0; i < n; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != name[i]) return 0;
  }
  return 1;
}

/* Read the options; on an unknown one, set the error and return 0. */
static int parse_options(sqlite3_context *ctx, const char *s, unsigned *opts) {
  *opts = 0;
  while (*s) {
    const char *end = strchr(s, ','), *a = s, *b;
    if (!end) end = s + strlen(s);
    b = end;
    while (a < b && (*a == ' ' || *a == '\t')) a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t')) b--;
    if (a == b) {
      /* an empty item: nothing */
    } else if (name_is(a, (size_t)(b - a), "ascii")) {
      *opts |= TAMAS_NORM_ASCII_DIGITS;
    } else if (name_is(a, (size_t)(b - a), "no-repair")) {
      *opts |= TAMAS_NORM_NO_REPAIR;
    } else if (name_is(a, (size_t)(b - a), "key")) {
      *opts |= TAMAS_NORM_MATCH_KEY;
    } else {
      /* name it, cut after 60 characters */
      size_t n = (size_t)(b - a), cut = 0, chars = 0;
      char *msg;
      while (cut < n && (chars < 60 || ((unsigned char)a[cut] & 0xC0) == 0x80))
        chars += ((unsigned char)a[cut++] & 0xC0) != 0x80;
      msg = sqlite3_mprintf(
          "fa_normalize: unknown option '%.*s%s': use 'ascii', 'no-repair' or "
          "'key', separated by commas",
          (int)cut, a, cut < n ? "\xe2\x80\xa6" : "");
      if (msg) {
        sqlite3_result_error(ctx, msg, -1);
        sqlite3_free(msg);
      } else {
        sqlite3_result_error_nomem(ctx);
      }
      return 0;
    }
    s = *end ? end + 1 : end;
  }
  return 1;
}

void tamas_sql_fa_normalize(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *text;
  size_t in_len, out_len;
  unsigned opts = 0;
  char *norm, *result;
  int limit;
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  if (argc > 1) {
    const char *o;
    if (sqlite3_value_type(argv[1]) == SQLITE_NULL) return;
    o = (const char *)sqlite3_value_text(argv[1]);
    if (!o) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    if (strlen(o) != (size_t)sqlite3_value_bytes(argv[1])) {
      sqlite3_result_error(ctx, "fa_normalize: the options hold a NUL byte", -1);
      return;
    }
    if (!parse_options(ctx, o, &opts)) return;
  }
  text = (const char *)sqlite3_value_text(argv[0]);
  in_len = (size_t)sqlite3_value_bytes(argv[0]);
  if (!text) {
    if (in_len != 0) { /* out of memory while converting to text */
      sqlite3_result_error_nomem(ctx);
      return;
    }
    text = ""; /* an empty blob */
  }
  norm = tamas_normalize(text, in_len, opts, &out_len, NULL);
  if (!norm) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  limit = sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
  if (limit >= 0 && out_len > (size_t)limit) {
    free(norm);
    sqlite3_result_error(ctx, "fa_normalize: result too long", -1);
    sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
    return;
  }
  /* The core allocates with malloc(); SQLite's memory is sqlite3_malloc64(). */
  result = sqlite3_malloc64(out_len + 1);
  if (!result) {
    free(norm);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  memcpy(result, norm, out_len + 1);
  free(norm);
  sqlite3_result_text64(ctx, result, out_len, sqlite3_free, SQLITE_UTF8);
}
