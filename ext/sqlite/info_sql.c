/*
** info_sql.c — tamas_version() and tamas_debug().
**
**   SELECT tamas_version();   -- 0.1.0
**   SELECT tamas_debug();     -- version, commit, library versions, scan
**                             -- threads, build flags
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include "tamas.h"
#include "tamas_sqlite.h"

#ifndef TAMAS_COMMIT
#define TAMAS_COMMIT "unknown"
#endif
#ifndef TAMAS_BUILD_FLAGS
#define TAMAS_BUILD_FLAGS "unknown"
#endif

void tamas_sql_version(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, TAMAS_VERSION, -1, SQLITE_STATIC);
}

void tamas_sql_debug(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  char icu[32], pcre2[64];
  char *text;
  (void)argc;
  (void)argv;
  tamas_icu_version(icu, sizeof icu);
  tamas_pcre2_version(pcre2, sizeof pcre2);
  text = sqlite3_mprintf(
      "tamas %s\n"
      "commit: %s\n"
      "sqlite: %s (built with %s)\n"
      "icu: %s\n"
      "pcre2: %s\n"
      "pcre2 jit: %s\n"
      "jalali years: %d-%d\n"
      "scan threads: %d (tamas_events, tamas_articles: one per core, at most %d)\n"
      "build flags: %s",
      TAMAS_VERSION, TAMAS_COMMIT, sqlite3_libversion(), SQLITE_VERSION, icu,
      pcre2, tamas_pcre2_jit_available() ? "yes" : "no", TAMAS_JALALI_MIN_YEAR,
      TAMAS_JALALI_MAX_YEAR, tamas_scan_threads(0), TAMAS_SCAN_MAX_THREADS, TAMAS_BUILD_FLAGS);
  if (text == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text(ctx, text, -1, sqlite3_free);
}
