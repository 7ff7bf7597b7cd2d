/*
** scan.c — a corpus scanned by worker threads, handed back in walk order.
**
** tamas_events and tamas_articles read every file under a path and analyse
** it; on a machine with several cores the files are independent work.  A scan
** of n threads starts n - 1 workers.  The walk, under a lock, gives each file
** a number; a worker takes the next number, reads and analyses that file
** outside the lock, and leaves the result in a ring of slots, where the
** caller picks results up in number order.  While the caller's next result
** is not ready it analyses the next file itself rather than sleep (sleeping
** and waking for every file cost more than a tenth of the work).  No thread
** runs more than the ring's size ahead of the caller, so memory stays a few
** articles whatever the corpus.  With one thread the caller reads and
** analyses each file itself, in tamas_scan_next: no thread, no lock.
**
** The analysis is the core's (tamas_article_read, tamas_extract_article),
** which shares only read-only tables between threads; the run-time actor
** overlay has its own lock (lexicon.c).
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tamas.h"

#define SLOTS_PER_THREAD 2

typedef struct slot {
  tamas_scanned item;
  char *file;       /* owned copy of the walk's path */
  char error[96];   /* copy of the read error (the reader's buffer is per thread) */
  int ready;        /* analysed: the caller may take it */
  int nomem;
} slot;

struct tamas_scan {
  tamas_scan_options opt;
  tamas_walk *walk;
  int n_threads;        /* worker threads started (the caller works too);
                           0: the caller does all the work, without locks */
  pthread_t threads[TAMAS_SCAN_MAX_THREADS];
  slot *slots;
  unsigned long n_slots;
  pthread_mutex_t lock;
  pthread_cond_t done;  /* the caller's next slot became ready, or the walk ended */
  pthread_cond_t room;  /* the caller gave a slot back, or the scan stops */
  int caller_waits, workers_wait; /* who sleeps on done, on room */
  unsigned long next;     /* number of the next file the walk gives */
  unsigned long taken;    /* files handed to the caller */
  unsigned long released; /* … and given back: all but the last one handed */
  int walk_ended, stopping;
};

int tamas_scan_threads(int threads) {
  long cores;
  if (threads > 0) return threads < TAMAS_SCAN_MAX_THREADS ? threads : TAMAS_SCAN_MAX_THREADS;
  cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (cores < 1) return 1;
  return cores < TAMAS_SCAN_MAX_THREADS ? (int)cores : TAMAS_SCAN_MAX_THREADS;
}

static void clear_slot(slot *sl) {
  free(sl->file);
  free(sl->item.text);
  free(sl->item.body);
  tamas_article_free(&sl->item.article);
  tamas_extraction_free(&sl->item.events);
  memset(sl, 0, sizeof *sl);
}

/* Read and analyse the slot's file.  Returns 0 when out of memory. */
static int analyse(const tamas_scan_options *opt, slot *sl) {
  tamas_scanned *it = &sl->item;
  const char *why;
  it->file = sl->file;
  it->text = tamas_read_text_file(sl->file, opt->max_bytes, &it->len, &why);
  if (!it->text) {
    snprintf(sl->error, sizeof sl->error, "%s", why ? why : "unreadable");
    it->error = sl->error;
    return 1; /* a file that cannot be read is a row that says why */
  }
  if (opt->kind == TAMAS_SCAN_ARTICLES)
    return tamas_article_read(it->text, it->len, &it->article) &&
           (it->body = tamas_article_body(&it->article, it->text, &it->body_len)) != NULL;
  return tamas_article_read_parts(it->text, it->len, opt->article_parts, &it->article) &&
         tamas_extract_article(it->text, &it->article, opt->published, opt->overlay,
                               &it->events);
}

/* Under the lock: the next file of the walk into the next slot, or NULL
** when the walk has ended.  Slots [released, next) are in use; the caller
** checks there is room. */
static slot *claim(tamas_scan *s) {
  const char *file = tamas_walk_next(s->walk);
  slot *sl;
  if (!file) {
    s->walk_ended = 1;
    if (s->caller_waits) pthread_cond_signal(&s->done);
    return NULL;
  }
  sl = &s->slots[s->next++ % s->n_slots];
  if (!(sl->file = strdup(file))) sl->nomem = 1;
  return sl;
}

/* Analyse a claimed slot outside the lock, then hand it in under it. */
static void work_on(tamas_scan *s, slot *sl) {
  pthread_mutex_unlock(&s->lock);
  if (!sl->nomem && !analyse(&s->opt, sl)) sl->nomem = 1;
  pthread_mutex_lock(&s->lock);
  sl->ready = 1;
  if (s->caller_waits) pthread_cond_signal(&s->done);
}

static void *worker(void *arg) {
  tamas_scan *s = arg;
  slot *sl;
  pthread_mutex_lock(&s->lock);
  for (;;) {
    while (!s->stopping && !s->walk_ended && s->next >= s->released + s->n_slots) {
      s->workers_wait++;
      pthread_cond_wait(&s->room, &s->lock);
      s->workers_wait--;
    }
    if (s->stopping || s->walk_ended || !(sl = claim(s))) break;
    work_on(s, sl);
  }
  pthread_mutex_unlock(&s->lock);
  return NULL;
}

static int start_workers(tamas_scan *s, int wanted) {
  int i;
  s->n_slots = (unsigned long)wanted * SLOTS_PER_THREAD;
  if (!(s->slots = calloc(s->n_slots, sizeof *s->slots))) return 0;
  if (pthread_mutex_init(&s->lock, NULL) != 0) return 0;
  if (pthread_cond_init(&s->done, NULL) != 0) {
    pthread_mutex_destroy(&s->lock);
    return 0;
  }
  if (pthread_cond_init(&s->room, NULL) != 0) {
    pthread_cond_destroy(&s->done);
    pthread_mutex_destroy(&s->lock);
    return 0;
  }
  for (i = 0; i < wanted - 1; i++) { /* the caller is one of the `wanted` */
    if (pthread_create(&s->threads[i], NULL, worker, s) != 0) break;
    s->n_threads++;
  }
  return 1;
}

tamas_scan *tamas_scan_open(const char *path, const tamas_scan_options *opt, char **err) {
  tamas_scan *s = calloc(1, sizeof *s);
  int wanted = tamas_scan_threads(opt->threads);
  struct stat st;
  int started = 0;
  *err = NULL;
  if (!s) return NULL;
  s->opt = *opt;
  if (!(s->walk = tamas_walk_open(path, err))) {
    free(s);
    return NULL;
  }
  /* one file (tamas_events(name) per row of a list): no threads to start */
  if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) wanted = 1;
  if (wanted > 1) started = start_workers(s, wanted);
  if (s->n_threads == 0) { /* one thread asked for, or no other could start */
    if (started) {
      pthread_cond_destroy(&s->room);
      pthread_cond_destroy(&s->done);
      pthread_mutex_destroy(&s->lock);
    }
    free(s->slots);
    s->n_slots = 1;
    if (!(s->slots = calloc(1, sizeof *s->slots))) {
      tamas_walk_close(s->walk);
      free(s);
      return NULL;
    }
  }
  return s;
}

/* The caller's thread does the work: one slot. */
static const tamas_scanned *next_here(tamas_scan *s, int *nomem) {
  slot *sl = &s->slots[0];
  const char *file;
  clear_slot(sl);
  if (!(file = tamas_walk_next(s->walk))) return NULL;
  if (!(sl->file = strdup(file)) || !analyse(&s->opt, sl)) {
    *nomem = 1;
    return NULL;
  }
  return &sl->item;
}

/* With workers: the caller takes its results in order, and while the next
** one is not ready it analyses a file itself, when there is room — so it
** seldom sleeps, and is one of the threads asked for. */
const tamas_scanned *tamas_scan_next(tamas_scan *s, int *nomem) {
  slot *sl, *mine;
  *nomem = 0;
  if (s->n_threads == 0) return next_here(s, nomem);
  /* give back the slot handed out last (no worker touches it till then) */
  if (s->released < s->taken) clear_slot(&s->slots[s->released % s->n_slots]);
  pthread_mutex_lock(&s->lock);
  if (s->released < s->taken) {
    s->released++;
    if (s->workers_wait) pthread_cond_signal(&s->room);
  }
  sl = &s->slots[s->taken % s->n_slots];
  while (!sl->ready && !(s->walk_ended && s->taken == s->next)) {
    if (!s->walk_ended && s->next < s->released + s->n_slots) {
      if ((mine = claim(s))) work_on(s, mine);
      continue; /* ready now, or the walk has ended */
    }
    s->caller_waits = 1;
    pthread_cond_wait(&s->done, &s->lock);
    s->caller_waits = 0;
  }
  if (!sl->ready) {
    pthread_mutex_unlock(&s->lock);
    return NULL; /* the end */
  }
  s->taken++;
  pthread_mutex_unlock(&s->lock);
  if (sl->nomem) {
    *nomem = 1;
    return NULL;
  }
  return &sl->item;
}

void tamas_scan_close(tamas_scan *s) {
  unsigned long i;
  int t;
  if (!s) return;
  if (s->n_threads > 0) {
    pthread_mutex_lock(&s->lock);
    s->stopping = 1;
    pthread_cond_broadcast(&s->room);
    pthread_mutex_unlock(&s->lock);
    for (t = 0; t < s->n_threads; t++) pthread_join(s->threads[t], NULL);
    pthread_cond_destroy(&s->room);
    pthread_cond_destroy(&s->done);
    pthread_mutex_destroy(&s->lock);
  }
  for (i = 0; i < s->n_slots; i++) clear_slot(&s->slots[i]);
  free(s->slots);
  tamas_walk_close(s->walk);
  free(s);
}
