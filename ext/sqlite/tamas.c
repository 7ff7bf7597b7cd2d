/*
** tamas.c — the entry point of the tamas SQLite extension.
**
**   .load build/tamas                      -- sqlite3 shell
**   SELECT jalali_to_iso('۲۴ اردیبهشت ۱۴۰۱');   -- 2022-05-14
**
** SQLite derives the entry point sqlite3_tamas_init from the file name.  It
** registers every SQL function listed in the tables below; each lives in its
** own file (calendar_sql.c, normalize_sql.c, info_sql.c, timeline_sql.c,
** graphml_sql.c), as does every table-valued function (articles_vtab.c,
** events_vtab.c, actors_vtab.c, contacts_vtab.c, plover_vtab.c).  Pure functions are DETERMINISTIC and
** INNOCUOUS so they may be used in indexes, views and triggers of untrusted
** schemas.
**
** A second entry point, sqlite3_tamas_nofs_init, registers the same without
** the two tables that read files (tamas_articles, tamas_events), and
** tamas_contacts without its path (it groups tables only):
**   .load build/tamas sqlite3_tamas_nofs_init
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <pthread.h>
#include <stddef.h>

#include "tamas_sqlite.h"

/* SQLITE_EXTENSION_INIT2 stores the API pointer in a global at each load;
** connections opened in several threads at once would race on it (the same
** value, but a data race for ThreadSanitizer).  Stored once, under a lock. */
static void set_api(const sqlite3_api_routines *pApi) {
#ifndef SQLITE_CORE
  static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&lock);
  if (sqlite3_api != pApi) SQLITE_EXTENSION_INIT2(pApi);
  pthread_mutex_unlock(&lock);
#else
  (void)pApi;
#endif
}

#define PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

static const struct {
  const char *name;
  int n_arg;
  int flags;
  void (*x_func)(sqlite3_context *, int, sqlite3_value **);
} functions[] = {
    {"jalali_to_iso", 1, PURE, tamas_sql_jalali_to_iso},
    {"iso_to_jalali", 1, PURE, tamas_sql_iso_to_jalali},
    {"iso_to_jalali", 2, PURE, tamas_sql_iso_to_jalali},
    {"fa_date_to_iso", 1, PURE, tamas_sql_fa_date_to_iso},
    {"fa_normalize", 1, PURE, tamas_sql_fa_normalize},
    {"fa_normalize", 2, PURE, tamas_sql_fa_normalize},
    {"tamas_version", 0, PURE, tamas_sql_version},
    {"tamas_debug", 0, PURE, tamas_sql_debug},
};

/* Aggregate functions (timeline_sql.c, graphml_sql.c). */
static const struct {
  const char *name;
  int n_arg;
  int flags;
  void (*x_step)(sqlite3_context *, int, sqlite3_value **);
  void (*x_final)(sqlite3_context *);
  int uses_actors; /* its user data: the connection's run-time actors */
} aggregates[] = {
    {"tamas_timeline_svg", 5, PURE, tamas_sql_timeline_step, tamas_sql_timeline_final, 0},
    {"tamas_graphml", 5, PURE, tamas_sql_graphml_step, tamas_sql_graphml_final, 1},
    {"tamas_graphml", 9, PURE, tamas_sql_graphml_step, tamas_sql_graphml_final, 1},
};

/* Table-valued functions (eponymous virtual tables). */
static const struct {
  const char *name;
  const sqlite3_module *(*module)(void);
  int uses_actors; /* reads the connection's run-time actors */
  /* what sqlite3_tamas_nofs_init registers instead: the same module, or one
  ** that reads no files, or NULL for nothing */
  const sqlite3_module *(*nofs_module)(void);
} modules[] = {
    {"tamas_articles", tamas_articles_module, 0, NULL},
    {"extract_contacts", tamas_extract_module, 1, tamas_extract_module},
    {"tamas_events", tamas_events_module, 1, NULL},
    {"tamas_actors", tamas_actors_module, 1, tamas_actors_module},
    {"tamas_contacts", tamas_contacts_module, 1, tamas_contacts_nofs_module},
    {"tamas_plover", tamas_plover_module, 1, tamas_plover_module},
};

/* Register everything; with_files = 0 leaves out the file readers. */
static int register_all(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi,
                        int with_files) {
  size_t i;
  void *actors;
  int owned = 0;
  set_api(pApi);
  for (i = 0; i < sizeof functions / sizeof functions[0]; i++) {
    int rc = sqlite3_create_function(db, functions[i].name, functions[i].n_arg,
                                     functions[i].flags, NULL,
                                     functions[i].x_func, NULL, NULL);
    if (rc != SQLITE_OK) {
      if (pzErrMsg)
        *pzErrMsg = sqlite3_mprintf("tamas: cannot register %s(): %s",
                                    functions[i].name, sqlite3_errmsg(db));
      return rc;
    }
  }
  /* One run-time actor lexicon per connection; the first module that uses
  ** it frees it when the connection closes (the functions that read it go
  ** with the connection too). */
  actors = tamas_overlay_new();
  if (!actors) return SQLITE_NOMEM;
  for (i = 0; i < sizeof aggregates / sizeof aggregates[0]; i++) {
    int rc = sqlite3_create_function(db, aggregates[i].name, aggregates[i].n_arg,
                                     aggregates[i].flags,
                                     aggregates[i].uses_actors ? actors : NULL, NULL,
                                     aggregates[i].x_step, aggregates[i].x_final);
    if (rc != SQLITE_OK) {
      tamas_overlay_free(actors);
      if (pzErrMsg)
        *pzErrMsg = sqlite3_mprintf("tamas: cannot register %s(): %s",
                                    aggregates[i].name, sqlite3_errmsg(db));
      return rc;
    }
  }
  for (i = 0; i < sizeof modules / sizeof modules[0]; i++) {
    int owner;
    const sqlite3_module *(*module)(void) = with_files ? modules[i].module : modules[i].nofs_module;
    if (!module) continue;
    owner = modules[i].uses_actors && !owned;
    int rc = sqlite3_create_module_v2(db, modules[i].name, module(),
                                      modules[i].uses_actors ? actors : NULL,
                                      owner ? tamas_overlay_free : NULL);
    if (owner) owned = 1; /* from here SQLite frees it, even when this call fails */
    if (rc != SQLITE_OK) {
      if (!owned) tamas_overlay_free(actors);
      if (pzErrMsg)
        *pzErrMsg = sqlite3_mprintf("tamas: cannot register %s: %s",
                                    modules[i].name, sqlite3_errmsg(db));
      return rc;
    }
  }
  return SQLITE_OK;
}

/* The library is built with -fvisibility=hidden: the entry points are
** exported by name. */
#ifdef _WIN32
#define TAMAS_ENTRY_POINT __declspec(dllexport)
#elif defined(__GNUC__)
#define TAMAS_ENTRY_POINT __attribute__((visibility("default")))
#else
#define TAMAS_ENTRY_POINT
#endif

TAMAS_ENTRY_POINT
int sqlite3_tamas_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  return register_all(db, pzErrMsg, pApi, 1);
}

/* The same without any file access: no tamas_articles, no tamas_events.
**   .load build/tamas sqlite3_tamas_nofs_init
** For hosts that run SQL from people who must not read the server's files. */
TAMAS_ENTRY_POINT
int sqlite3_tamas_nofs_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  return register_all(db, pzErrMsg, pApi, 0);
}
