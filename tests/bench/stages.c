/*
** stages.c — where the time of a scan goes, stage by stage, in the core
** alone (no SQLite): `build/bench-stages DIR`.
**
** For every file under DIR it times each stage of tamas_events on the same
** text — the UTF-8 check of reading, the article reader (with and without
** the sources, which only tamas_articles needs), and contact extraction —
** and prints the total of each with its throughput.
** Each file is timed as it is read, so only one is in memory at a time.
*/
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tamas.h"

enum { VALIDATE, ARTICLE, ARTICLE_ALL, EXTRACT, N_STAGES };
static const char *const stage_names[N_STAGES] = {
    "UTF-8 check (in reading)", "article reader (events)", "article reader (+ sources)",
    "extraction"};

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  double spent[N_STAGES] = {0}, t;
  size_t bytes = 0, files = 0, events = 0;
  char *err = NULL;
  const char *path;
  tamas_walk *w;
  int i;
  if (argc != 2) {
    fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  if (!(w = tamas_walk_open(argv[1], &err))) {
    fprintf(stderr, "bench-stages: %s\n", err ? err : "out of memory");
    return 1;
  }
  while ((path = tamas_walk_next(w)) != NULL) {
    const char *why;
    size_t len;
    tamas_article a;
    tamas_extraction x;
    char *text;
    /* reading itself is not timed: system calls on a warm cache cost about
    ** what they cost readfile() (files.sh measures that) */
    text = tamas_read_text_file(path, TAMAS_MAX_FILE_BYTES, &len, &why);
    if (!text) continue;
    t = now_seconds();
    if (!tamas_utf8_valid(text, len)) abort();
    spent[VALIDATE] += now_seconds() - t;
    t = now_seconds();
    if (!tamas_article_read(text, len, &a)) abort();
    spent[ARTICLE_ALL] += now_seconds() - t;
    tamas_article_free(&a);
    t = now_seconds();
    if (!tamas_article_read_parts(text, len, 0, &a)) abort();
    spent[ARTICLE] += now_seconds() - t;
    t = now_seconds();
    if (!tamas_extract_article(text, &a, NULL, NULL, &x)) abort();
    spent[EXTRACT] += now_seconds() - t;
    events += x.n_events;
    tamas_extraction_free(&x);
    tamas_article_free(&a);
    free(text);
    bytes += len;
    files++;
  }
  tamas_walk_close(w);
  printf("stages of a scan: %zu files, %.1f MB, %zu events (core only, one pass)\n", files,
         bytes / 1e6, events);
  for (i = 0; i < N_STAGES; i++)
    printf("  %-28s %7.3f s  %6.2f ns/byte  %7.1f MB/s\n", stage_names[i], spent[i],
           spent[i] / (double)bytes * 1e9, bytes / 1e6 / spent[i]);
  return 0;
}
