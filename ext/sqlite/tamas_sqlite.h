/*
** tamas_sqlite.h — what the SQL layer's files share: the SQL functions each
** file implements, registered from the one table in tamas.c.
*/
#ifndef TAMAS_SQLITE_H
#define TAMAS_SQLITE_H

#include <sqlite3ext.h>

/* calendar_sql.c */
void tamas_sql_jalali_to_iso(sqlite3_context *, int, sqlite3_value **);
void tamas_sql_iso_to_jalali(sqlite3_context *, int, sqlite3_value **);
void tamas_sql_fa_date_to_iso(sqlite3_context *, int, sqlite3_value **);

/* normalize_sql.c */
void tamas_sql_fa_normalize(sqlite3_context *, int, sqlite3_value **);

/* info_sql.c */
void tamas_sql_version(sqlite3_context *, int, sqlite3_value **);
void tamas_sql_debug(sqlite3_context *, int, sqlite3_value **);

/* timeline_sql.c: the aggregate tamas_timeline_svg() */
void tamas_sql_timeline_step(sqlite3_context *, int, sqlite3_value **);
void tamas_sql_timeline_final(sqlite3_context *);

/* graphml_sql.c: the aggregate tamas_graphml() (user data: the run-time actors) */
void tamas_sql_graphml_step(sqlite3_context *, int, sqlite3_value **);
void tamas_sql_graphml_final(sqlite3_context *);

/* plover_vtab.c */
const sqlite3_module *tamas_plover_module(void);

/* articles_vtab.c */
const sqlite3_module *tamas_articles_module(void);

/* results.c: result setters shared by the tables (NULL when empty) */
#include "tamas.h"
void tamas_result_text(sqlite3_context *ctx, const char *s);
void tamas_result_span(sqlite3_context *ctx, const char *text, tamas_span s);
void tamas_result_day(sqlite3_context *ctx, int32_t jdn);
/* An aggregate's document (malloc'd; NULL: out of memory), handed to SQLite
** or, when longer than SQLITE_LIMIT_LENGTH, an error. */
void tamas_result_document(sqlite3_context *ctx, char *doc, size_t len);
/* An argument as text, NULL for NULL (*nomem set when SQLite could not
** give the text); as a day (a JDN, read as date() reads it; 0 when none). */
const char *tamas_value_text(sqlite3_value *v, int *nomem);
int32_t tamas_value_day(sqlite3_value *v);

/* actors_vtab.c */
const sqlite3_module *tamas_actors_module(void);

/* events_vtab.c */
const sqlite3_module *tamas_events_module(void);
const sqlite3_module *tamas_extract_module(void);

/* contacts_vtab.c: tamas_contacts, and the same without a path (nofs) */
const sqlite3_module *tamas_contacts_module(void);
const sqlite3_module *tamas_contacts_nofs_module(void);

/* safety_sql.c: limits and error messages shared by the SQL layer */
/* The longest text tamas reads or returns on this connection, in bytes: the
** smaller of SQLITE_LIMIT_LENGTH and TAMAS_MAX_FILE_BYTES. */
size_t tamas_sql_max_text(sqlite3 *db);
/* A user's string for an error message, quoted: at most 60 characters (then
** "…"), valid UTF-8 kept whole.  sqlite3_mprintf'd (sqlite3_free), or NULL. */
char *tamas_sql_excerpt(const char *s);
/* Set a virtual table's error message (printf-style, sqlite3_mprintf's
** formats) and return rc, or SQLITE_NOMEM when the message cannot be made. */
int tamas_vtab_error(sqlite3_vtab *vtab, int rc, const char *fmt, ...);
/* The `threads` argument of tamas_events and tamas_articles: a whole number
** >= 0 (0: one per core; above TAMAS_SCAN_MAX_THREADS counts as that).
** Else SQLITE_ERROR with a message naming `table` on vtab. */
int tamas_sql_threads(sqlite3_value *arg, sqlite3_vtab *vtab, const char *table, int *threads);

/* The connection's run-time actor lexicon (tamas_actors INSERTs), shared by
** the modules that read or extend it. */
void *tamas_overlay_new(void);
void tamas_overlay_free(void *overlay);

#endif /* TAMAS_SQLITE_H */
