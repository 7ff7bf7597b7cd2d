/*
** test_scan.c — a corpus scanned by worker threads (ext/io/scan.c) gives,
** file for file and in walk order, what reading each file alone gives.
**
** The corpus is made in a scratch folder from the example articles of
** sql/news/ (run from the repository root), copied many times over, with
** files the reader refuses among them (binary, not UTF-8, empty, a folder
** inside a folder) and another folder deeper down.  Every scan — 1, 2, 3
** and 8 threads, events and articles — is compared with tamas_walk +
** tamas_read_text_file + tamas_extract on the same files.  Then: a scan
** closed early, or before its first file; a path that does not exist;
** actors added to the overlay while workers read it (built under
** ThreadSanitizer too: make tsan).
*/
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "tamas.h"

#define COPIES 12

static char dir[64];

static void write_file(const char *name, const char *data, size_t n) {
  char path[256];
  FILE *f;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  f = fopen(path, "wb");
  if (!f) return;
  fwrite(data, 1, n, f);
  fclose(f);
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long size;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc((size_t)size + 1);
  *n = buf ? fread(buf, 1, (size_t)size, f) : 0;
  fclose(f);
  return buf;
}

/* The corpus: every example article COPIES times (in two folders), and the
** files the reader refuses.  Returns the number of files. */
static int make_corpus(void) {
  DIR *d = opendir("sql/news");
  struct dirent *e;
  char sub[128];
  int files = 0;
  if (!d) return 0;
  snprintf(sub, sizeof sub, "%s/deeper", dir);
  mkdir(sub, 0700);
  snprintf(sub, sizeof sub, "%s/deeper/empty-folder", dir);
  mkdir(sub, 0700);
  while ((e = readdir(d))) {
    char path[300], name[300];
    size_t n;
    char *text;
    int k;
    if (!strstr(e->d_name, ".txt")) continue;
    snprintf(path, sizeof path, "sql/news/%s", e->d_name);
    if (!(text = slurp(path, &n))) continue;
    for (k = 0; k < COPIES; k++) {
      snprintf(name, sizeof name, "%sa%02d-%s", k % 2 ? "deeper/" : "", k, e->d_name);
      write_file(name, text, n);
      files++;
    }
    free(text);
  }
  closedir(d);
  write_file("b-binary.txt", "\xd8\xa7\0\xd8\xa8", 5);
  write_file("b-latin1.txt", "caf\xe9 \xd8\xa7", 7);
  write_file("b-empty.txt", "", 0);
  return files + 3;
}

static int same_span(tamas_span a, tamas_span b) { return a.start == b.start && a.end == b.end; }

static int same_events(const tamas_extraction *a, const tamas_extraction *b) {
  size_t i;
  if (a->n_events != b->n_events || strcmp(a->published, b->published) != 0) return 0;
  for (i = 0; i < a->n_events; i++) {
    const tamas_event *x = &a->events[i], *y = &b->events[i];
    if (x->medium != y->medium || x->status != y->status ||
        strcmp(x->actor[0].name, y->actor[0].name) != 0 ||
        strcmp(x->actor[1].name, y->actor[1].name) != 0 || x->date != y->date ||
        x->date_end != y->date_end || !same_span(x->evidence, y->evidence) ||
        !same_span(x->date_text, y->date_text) || strcmp(x->initiator, y->initiator) != 0)
      return 0;
  }
  return 1;
}

/* One scan against the files read one by one.  Returns the files seen. */
static int check_scan(tamas_scan_kind kind, int threads, int *events_seen) {
  tamas_scan_options opt = {.kind = kind, .threads = threads};
  char *err = NULL;
  tamas_scan *s = tamas_scan_open(dir, &opt, &err);
  tamas_walk *w = tamas_walk_open(dir, &err);
  const tamas_scanned *it;
  int nomem = 0, files = 0, agree = 1;
  *events_seen = 0;
  if (!s || !w) {
    CHECK(s && w);
    tamas_scan_close(s), tamas_walk_close(w), free(err);
    return 0;
  }
  while ((it = tamas_scan_next(s, &nomem))) {
    const char *file = tamas_walk_next(w), *why;
    size_t len;
    char *text = file ? tamas_read_text_file(file, 0, &len, &why) : NULL;
    files++;
    if (!file || strcmp(it->file, file) != 0) {
      agree = 0;
      free(text);
      break;
    }
    if (!text) {
      agree &= it->text == NULL && it->error && strcmp(it->error, why) == 0;
      continue;
    }
    agree &= it->text && it->error == NULL && it->len == len && memcmp(it->text, text, len) == 0;
    if (kind == TAMAS_SCAN_EVENTS) {
      tamas_extraction x;
      agree &= tamas_extract(text, len, NULL, NULL, &x) && same_events(&it->events, &x);
      *events_seen += (int)it->events.n_events;
      tamas_extraction_free(&x);
    } else {
      tamas_article a;
      size_t body_len;
      char *body = NULL;
      agree &= tamas_article_read(text, len, &a) &&
               (body = tamas_article_body(&a, text, &body_len)) && body_len == it->body_len &&
               memcmp(body, it->body, body_len) == 0 && same_span(a.title, it->article.title) &&
               strcmp(a.published, it->article.published) == 0 &&
               (a.source == NULL) == (it->article.source == NULL);
      free(body);
      tamas_article_free(&a);
    }
    free(text);
  }
  CHECK(agree);
  CHECK_INT(nomem, 0);
  CHECK(tamas_walk_next(w) == NULL); /* the scan saw every file */
  tamas_scan_close(s);
  tamas_walk_close(w);
  return files;
}

static void test_same_as_alone(int files) {
  static const int threads[] = {1, 2, 3, 8};
  int t, events, first_events = -1;
  for (t = 0; t < 4; t++) {
    CHECK_INT(check_scan(TAMAS_SCAN_EVENTS, threads[t], &events), files);
    if (first_events < 0) first_events = events;
    CHECK_INT(events, first_events);
    CHECK_INT(check_scan(TAMAS_SCAN_ARTICLES, threads[t], &events), files);
  }
  CHECK(first_events >= COPIES * 8); /* the examples have contacts to find */
}

/* A scan left early: the workers stop after the file they are on. */
static void test_closed_early(void) {
  tamas_scan_options opt = {.kind = TAMAS_SCAN_EVENTS, .threads = 4};
  char *err = NULL;
  int nomem, k;
  tamas_scan *s = tamas_scan_open(dir, &opt, &err);
  CHECK(s != NULL);
  for (k = 0; s && k < 3; k++) CHECK(tamas_scan_next(s, &nomem) != NULL);
  tamas_scan_close(s);
  s = tamas_scan_open(dir, &opt, &err); /* and before the first file */
  CHECK(s != NULL);
  tamas_scan_close(s);
  tamas_scan_close(NULL);
}

static void test_bad_paths(void) {
  tamas_scan_options opt = {.kind = TAMAS_SCAN_ARTICLES, .threads = 2};
  char *err = NULL, path[128];
  int nomem = 1;
  tamas_scan *s;
  snprintf(path, sizeof path, "%s/no-such-folder", dir);
  CHECK(tamas_scan_open(path, &opt, &err) == NULL);
  CHECK(err && strstr(err, "cannot open") && strstr(err, "No such file or directory"));
  free(err);
  /* an empty folder: no file, at once */
  snprintf(path, sizeof path, "%s/deeper/empty-folder", dir);
  s = tamas_scan_open(path, &opt, &err);
  CHECK(s && tamas_scan_next(s, &nomem) == NULL && nomem == 0);
  CHECK(s && tamas_scan_next(s, &nomem) == NULL); /* and again */
  tamas_scan_close(s);
}

static void test_thread_counts(void) {
  int cores = tamas_scan_threads(0);
  CHECK(cores >= 1 && cores <= TAMAS_SCAN_MAX_THREADS);
  CHECK_INT(tamas_scan_threads(1), 1);
  CHECK_INT(tamas_scan_threads(5), 5);
  CHECK_INT(tamas_scan_threads(1000), TAMAS_SCAN_MAX_THREADS);
}

/* The connection adds actors while the workers read the overlay. */
static void test_overlay_added_during_scan(int files) {
  void *overlay = tamas_actor_overlay_new();
  tamas_scan_options opt = {.kind = TAMAS_SCAN_EVENTS, .threads = 4, .overlay = overlay};
  char *err = NULL, name[32];
  const tamas_scanned *it;
  int nomem, seen = 0;
  tamas_scan *s = tamas_scan_open(dir, &opt, &err);
  CHECK(overlay && s);
  while (s && (it = tamas_scan_next(s, &nomem))) {
    snprintf(name, sizeof name, "Person %d", seen++);
    CHECK(tamas_actor_add(overlay, name, "IRN", "foreign_minister", NULL, NULL,
                          "\xd8\xa8\xd9\x87\xd8\xb1\xd8\xa7\xd9\x85 \xd9\x86\xd9\x88\xd8\xb1\xdb\x8c", NULL) == NULL);
  }
  CHECK_INT(seen, files);
  tamas_scan_close(s);
  tamas_actor_overlay_free(overlay);
}

static void remove_corpus(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
}

int main(void) {
  int files;
  snprintf(dir, sizeof dir, "/tmp/tamas-scan-XXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  files = make_corpus();
  CHECK(files > COPIES * 8);
  test_same_as_alone(files);
  test_closed_early();
  test_bad_paths();
  test_thread_counts();
  test_overlay_added_during_scan(files);
  remove_corpus();
  return check_summary();
}
