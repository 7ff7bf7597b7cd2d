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

/* articles_vtab.c */
const sqlite3_module *tamas_articles_module(void);

/* actors_vtab.c */
const sqlite3_module *tamas_actors_module(void);

/* events_vtab.c */
const sqlite3_module *tamas_events_module(void);
const sqlite3_module *tamas_extract_module(void);

/* The connection's run-time actor lexicon (tamas_actors INSERTs), shared by
** the modules that read or extend it. */
void *tamas_overlay_new(void);
void tamas_overlay_free(void *overlay);

#endif /* TAMAS_SQLITE_H */
