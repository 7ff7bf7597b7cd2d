/*
** test_threads.c — several connections in several threads use the extension
** at once, and get what one connection alone gets.
**
**   build/tests/test_threads [EXTENSION]
**
** Unlike the other unit tests it goes through SQLite: each thread opens its
** own connection and loads the extension with sqlite3_load_extension() —
** EXTENSION, or by default the build next to this binary (build/tamas for
** build/tests/test_threads, build/asan/tamas for build/asan/tests/...).
** The threads start together from a barrier, before anything else in the
** process has used the extension, so the lazy set-up of the lexicons and
** tables (pthread_once) runs under contention too.  Each runs every query
** of the list several times; afterwards one connection alone runs the
** same queries, and every result must equal its result.  Then each
** connection adds its own actor to tamas_actors and must see only its own.
** Run from the repository root (it reads sql/news/).
*/
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define THREADS 6
#define ROUNDS 2

static const char *queries[] = {
    /* calendars: Jalali, Gregorian and Hijri (ICU) readers, formats */
    "WITH t(v) AS (VALUES ('۲۴ اردیبهشت ۱۴۰۱'), ('1401/02/24'), ('سه شنبه بیست و هفتم اردیبهشت ۱۴۰۱'),"
    " ('۱۸ فوریه ۲۰۲۲'), ('۱ رمضان ۱۴۴۳'), ('۲۰ ذی‌الحجه ۱۴۴۵'), ('December 29, 2022'), ('۳۰ اسفند ۱۴۰۱'))"
    " SELECT group_concat(coalesce(jalali_to_iso(v), '-') || '/' || coalesce(fa_date_to_iso(v), '-'), ' ') FROM t",
    "WITH RECURSIVE d(j) AS (SELECT 2459000 UNION ALL SELECT j + 37 FROM d WHERE j < 2469000)"
    " SELECT group_concat(iso_to_jalali(j, 'full') || jalali_to_iso(iso_to_jalali(j, '%OY/%Om/%Od')), ',') FROM d",
    /* the normaliser and match keys */
    "WITH t(v) AS (VALUES ('مي‌كند گفتوگو'), ('سال ١٤٠١'), ('مقامهای  ارشد'), ('میکند می کند'), ('بینالمللی'),"
    " ('ﻻ ﮐ'), ('نمیخواهد برمیگردد'), ('منطقه ای'), ('تنش ها'))"
    " SELECT group_concat(fa_normalize(v) || '|' || fa_normalize(v, 'key') || '|' || fa_normalize(v, 'ascii'), ' ') FROM t",
    "SELECT group_concat(fa_normalize(body), char(10)) FROM tamas_articles('sql/news/*.txt')",
    /* the article reader */
    "SELECT group_concat(file || '|' || coalesce(title, '') || '|' || coalesce(published, '') || '|'"
    " || coalesce(source, '') || '|' || coalesce(cites, '') || '|' || coalesce(chars, '') || '|'"
    " || coalesce(error, ''), char(10)) FROM tamas_articles('sql/news')",
    /* extraction: from files, and from text (unknown names go through ICU's transliterator) */
    "SELECT group_concat(file || '|' || status || '|' || medium || '|' || actor1 || '|' || actor2 || '|'"
    " || coalesce(date, '') || '|' || evidence_start, char(10)) FROM tamas_events('sql/news')",
    "SELECT group_concat(e.status || '|' || e.actor1 || '|' || e.actor2 || '|' || coalesce(e.date, ''), char(10))"
    " FROM tamas_articles('sql/news/*.txt') AS a, extract_contacts(a.body, a.published) AS e",
    "SELECT group_concat(actor1 || '|' || actor2 || '|' || coalesce(date, ''), ' ') FROM extract_contacts("
    "'وزیر امور خارجه ایران روز دوشنبه در تماسی تلفنی با همتای عمانی خود گفت‌وگو کرد. "
    "عراقچی همچنین با ویجیتا هراث وزیر امور خارجه سریلانکا دیدار کرد.', '2025-05-14')",
    /* contacts: the reports grouped, over a path */
    "SELECT group_concat(contact_id || '|' || actor1 || '|' || actor2 || '|' || reports || '|' || files"
    " || '|' || coalesce(fulfilled_by, ''), char(10)) FROM tamas_contacts('sql/news')",
    /* the network and the codes of the events (CAMEO, PLOVER, Wikidata items) */
    "SELECT tamas_graphml(date, actor1, actor2, status, medium, actor1_country, actor1_office,"
    " actor2_country, actor2_office) || group_concat(cameo || plover, ',') FROM tamas_events('sql/news')",
};
#define N_QUERIES (sizeof queries / sizeof queries[0])

static const char *extension;
static pthread_barrier_t start;

typedef struct job {
  int id;
  char *results[N_QUERIES];
  char *own_actor;   /* the actor this connection added, as it sees it */
  int added_rows;    /* rows of tamas_actors marked added */
  char *error;
} job;

static char *dup_string(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

/* The single text result of a query, or an "ERROR: …" string. */
static char *query_text(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st;
  char *out;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    size_t n = strlen(sqlite3_errmsg(db)) + 16;
    out = malloc(n);
    if (out) snprintf(out, n, "ERROR: %s", sqlite3_errmsg(db));
    return out;
  }
  if (sqlite3_step(st) == SQLITE_ROW)
    out = dup_string(sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "NULL");
  else
    out = dup_string(sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return out;
}

static sqlite3 *open_connection(char **error) {
  sqlite3 *db;
  char *err = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    *error = dup_string("cannot open :memory:");
    return NULL;
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (sqlite3_load_extension(db, extension, NULL, &err) != SQLITE_OK) {
    size_t n = strlen(extension) + (err ? strlen(err) : 0) + 32;
    *error = malloc(n);
    if (*error) snprintf(*error, n, "cannot load %s: %s", extension, err ? err : "?");
    sqlite3_free(err);
    sqlite3_close(db);
    return NULL;
  }
  return db;
}

static void *worker(void *arg) {
  job *j = arg;
  sqlite3 *db;
  char sql[512];
  int round;
  size_t q;
  pthread_barrier_wait(&start);
  if (!(db = open_connection(&j->error))) return NULL;
  for (round = 0; round < ROUNDS && !j->error; round++) {
    for (q = 0; q < N_QUERIES; q++) {
      char *r = query_text(db, queries[q]);
      if (round == 0) {
        j->results[q] = r;
      } else {
        if (!r || !j->results[q] || strcmp(r, j->results[q]) != 0)
          j->error = dup_string("a result changed between rounds");
        free(r);
      }
    }
  }
  /* then an actor of this connection only (it would change query 7) */
  snprintf(sql, sizeof sql,
           "INSERT INTO tamas_actors(name, country, office, start, aliases) "
           "VALUES ('Thread Actor %d', 'LKA', 'foreign_minister', '2024-09-24', 'بازیگر%d')",
           j->id, j->id);
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) j->error = dup_string(sqlite3_errmsg(db));
  {
    char *n = query_text(db, "SELECT count(*) FROM tamas_actors WHERE added");
    j->added_rows = n ? atoi(n) : -1;
    free(n);
  }
  snprintf(sql, sizeof sql,
           "SELECT group_concat(actor2, ',') FROM extract_contacts("
           "'عراقچی روز دوشنبه با بازیگر%d وزیر امور خارجه سریلانکا تلفنی گفت‌وگو کرد.', '2025-05-14')",
           j->id);
  j->own_actor = query_text(db, sql);
  sqlite3_close(db);
  return NULL;
}

int main(int argc, char **argv) {
  static job jobs[THREADS];
  pthread_t tid[THREADS];
  char *error = NULL, *path;
  sqlite3 *db;
  size_t q;
  int i;

  /* the extension next to this binary: build/tests/.. → build/tamas */
  if (argc > 1) {
    path = dup_string(argv[1]);
  } else {
    const char *slash = strrchr(argv[0], '/');
    size_t dir = slash ? (size_t)(slash - argv[0]) : 0;
    path = malloc(dir + 16);
    if (path) snprintf(path, dir + 16, "%.*s%s../tamas", (int)dir, argv[0], slash ? "/" : "");
  }
  extension = path;

  pthread_barrier_init(&start, NULL, THREADS);
  for (i = 0; i < THREADS; i++) {
    jobs[i].id = i + 1;
    pthread_create(&tid[i], NULL, worker, &jobs[i]);
  }
  for (i = 0; i < THREADS; i++) pthread_join(tid[i], NULL);
  pthread_barrier_destroy(&start);

  /* the reference: one connection, alone */
  db = open_connection(&error);
  CHECK_STR(error, NULL);
  for (q = 0; db && q < N_QUERIES; q++) {
    char *want = query_text(db, queries[q]);
    if (!(want && strncmp(want, "ERROR", 5) != 0 && strlen(want) > 10))
      fprintf(stderr, "query %zu gives %.200s\n", q, want ? want : "(null)");
    CHECK(want && strncmp(want, "ERROR", 5) != 0 && strlen(want) > 10);
    for (i = 0; i < THREADS; i++) {
      if (!jobs[i].results[q] || !want || strcmp(jobs[i].results[q], want) != 0) {
        fprintf(stderr, "thread %d, query %zu: got\n%.300s\nwant\n%.300s\n", i + 1, q,
                jobs[i].results[q] ? jobs[i].results[q] : "(null)", want ? want : "(null)");
        CHECK(0);
      } else {
        CHECK(1);
      }
    }
    free(want);
  }
  for (i = 0; i < THREADS; i++) {
    char want[64];
    CHECK_STR(jobs[i].error, NULL);
    CHECK_INT(jobs[i].added_rows, 1); /* its own actor, not the others' */
    snprintf(want, sizeof want, "Thread Actor %d", i + 1);
    CHECK_STR(jobs[i].own_actor, want);
    for (q = 0; q < N_QUERIES; q++) free(jobs[i].results[q]);
    free(jobs[i].own_actor);
    free(jobs[i].error);
  }
  /* the other connections' actors are not this one's */
  if (db) {
    char *n = query_text(db, "SELECT count(*) FROM tamas_actors WHERE added");
    CHECK_STR(n, "0");
    free(n);
  }
  sqlite3_close(db);
  free(error);
  free(path);
  return check_summary();
}
