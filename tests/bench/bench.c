/*
** bench.c — `make bench`: tamas against SQLite's own functions, as ratios.
**
**   build/bench build/tamas [rows]
**   build/bench --rss COMMAND [ARGS…]
**
** Each case runs a query over the same generated rows once with a tamas
** function and once with SQLite's baseline (date()), in the same process,
** alternating, several times; it prints the median cost per row of each and
** their ratio.  The rows of both columns are built the same way (one printf
** each), so the ratio is the cost of the functions themselves.  It reports;
** it never fails on a slow machine.
**
** With --rss it runs a command and prints the command's peak resident memory
** in KiB (tests/bench/files.sh uses it for a whole and a quarter corpus).
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <time.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define RUNS 7

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(sqlite3 *db, const char *what) {
  fprintf(stderr, "bench: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  exit(1);
}

static double time_query(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st;
  double t0 = now_seconds();
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) die(db, sql);
  while (sqlite3_step(st) == SQLITE_ROW) {
  }
  sqlite3_finalize(st);
  return now_seconds() - t0;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, compare_doubles);
  return v[n / 2];
}

/* Run `subject` and `baseline` RUNS times each, alternating; print a line. */
static void compare(sqlite3 *db, const char *label, const char *subject,
                    const char *baseline, long rows) {
  double s[RUNS], b[RUNS], ms, mb;
  int i;
  time_query(db, subject); /* warm-up */
  time_query(db, baseline);
  for (i = 0; i < RUNS; i++) {
    s[i] = time_query(db, subject);
    b[i] = time_query(db, baseline);
  }
  ms = median(s, RUNS);
  mb = median(b, RUNS);
  printf("%-44s %7.1f ns/row   baseline %7.1f ns/row   ratio %.2fx\n", label,
         ms / rows * 1e9, mb / rows * 1e9, ms / mb);
}

/* Run argv[0…] and print its peak resident set size (KiB). */
static int peak_rss(char **argv) {
  struct rusage ru;
  int status;
  pid_t pid = fork();
  if (pid < 0) return perror("bench: fork"), 1;
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, 1);
    execvp(argv[0], argv);
    perror("bench: exec");
    _exit(127);
  }
  if (wait4(pid, &status, 0, &ru) < 0) return perror("bench: wait4"), 1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fprintf(stderr, "bench: %s failed\n", argv[0]);
    return 1;
  }
  printf("%ld\n", ru.ru_maxrss);
  return 0;
}

int main(int argc, char **argv) {
  const char *ext = argc > 1 ? argv[1] : "build/tamas";
  long rows = argc > 2 ? atol(argv[2]) : 200000;
  sqlite3 *db;
  char *err = NULL, *sql;
  if (argc > 2 && strcmp(argv[1], "--rss") == 0) return peak_rss(argv + 2);
  if (rows <= 0) rows = 200000;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) die(db, "open");
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, ext, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "bench: cannot load %s: %s\n", ext, err ? err : "?");
    return 1;
  }
  /* One table, three columns built the same way: a numeric Jalali date, a
  ** Jalali date with the month name, and an ISO date for date(). */
  sql = sqlite3_mprintf(
      "CREATE TABLE rows AS WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL "
      "SELECT i + 1 FROM n WHERE i + 1 < %ld) "
      "SELECT printf('%%04d/%%02d/%%02d', 1300 + i %% 130, 1 + i %% 12, 1 + i %% 28) AS jalali, "
      "printf('%%d %%s %%04d', 1 + i %% 28, "
      "  iso_to_jalali('2022-0' || (1 + i %% 9) || '-15', '%%B'), 1300 + i %% 130) AS named, "
      "printf('%%04d-%%02d-%%02d', 1921 + i %% 130, 1 + i %% 12, 1 + i %% 28) AS iso "
      "FROM n",
      rows);
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) die(db, "create rows");
  sqlite3_free(sql);

  printf("tamas bench: %ld rows, %ld cores, median of %d runs, same process\n",
         rows, sysconf(_SC_NPROCESSORS_ONLN), RUNS);
  compare(db, "jalali_to_iso('1401/02/24') vs date()",
          "SELECT count(jalali_to_iso(jalali)) FROM rows",
          "SELECT count(date(iso)) FROM rows", rows);
  compare(db, "jalali_to_iso('24 <month> 1401') vs date()",
          "SELECT count(jalali_to_iso(named)) FROM rows",
          "SELECT count(date(iso)) FROM rows", rows);
  compare(db, "iso_to_jalali(iso) vs date()",
          "SELECT count(iso_to_jalali(iso)) FROM rows",
          "SELECT count(date(iso)) FROM rows", rows);
  sqlite3_close(db);
  return 0;
}
