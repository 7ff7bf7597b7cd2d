/*
** tsv.c — the rows the lexicon loaders could not use (tsv.h: tsv_reject),
** kept for the check that fails the build on them.  Loaders run once per
** process, possibly in several threads at once (each under its own
** pthread_once), so the list has a lock.
*/
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tsv.h"

static char rejects[TSV_MAX_REJECTS][160];
static size_t n_rejects;
static pthread_mutex_t rejects_lock = PTHREAD_MUTEX_INITIALIZER;

void tsv_reject(const tsv_reader *r, const char *fmt, ...) {
  va_list ap;
  pthread_mutex_lock(&rejects_lock);
  if (n_rejects < TSV_MAX_REJECTS) {
    char *line = rejects[n_rejects];
    int k = snprintf(line, sizeof rejects[0], "%s:%d: ", r->file, r->line);
    va_start(ap, fmt);
    if (k > 0 && (size_t)k < sizeof rejects[0]) vsnprintf(line + k, sizeof rejects[0] - (size_t)k, fmt, ap);
    va_end(ap);
  }
  n_rejects++;
  pthread_mutex_unlock(&rejects_lock);
}

size_t tsv_rejects(char *out, size_t cap) {
  size_t i, len = 0, n;
  pthread_mutex_lock(&rejects_lock);
  n = n_rejects;
  if (out && cap) {
    out[0] = 0;
    for (i = 0; i < n && i < TSV_MAX_REJECTS; i++) {
      int k = snprintf(out + len, cap - len, "%s\n", rejects[i]);
      if (k < 0 || (size_t)k >= cap - len) break;
      len += (size_t)k;
    }
  }
  pthread_mutex_unlock(&rejects_lock);
  return n;
}
