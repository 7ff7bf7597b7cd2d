/*
** files.c — walking a path (file, directory tree or glob) one file at a
** time, and reading one article file as UTF-8 text.
**
** The walk streams: it holds one sorted list of names per directory level
** it is inside, never the list of the whole tree.  Names are sorted so that
** the same folder gives rows in the same order on every machine.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tamas.h"
#include "text/utf8.h"

typedef struct frame {
  char *dir;      /* directory path, or NULL for the root list */
  char **names;   /* entries (root: full paths), each with its type after
                  ** the terminating NUL (see dup_name) */
  size_t n, next;
} frame;

struct tamas_walk {
  frame stack[TAMAS_WALK_MAX_DEPTH + 1];
  int depth;      /* frames in use */
  char *current;  /* the path returned last */
};

static char *dup_string(const char *s) {
  size_t n = strlen(s);
  char *d = malloc(n + 1);
  if (d) memcpy(d, s, n + 1);
  return d;
}

/* A copy of an entry's name that carries the entry's type (readdir's
** d_type, or DT_UNKNOWN) in one byte after its terminating NUL: the walk
** needs no stat() for a regular file, and the sort sees the name alone. */
static char *dup_name(const char *s, unsigned char type) {
  size_t n = strlen(s);
  char *d = malloc(n + 2);
  if (!d) return NULL;
  memcpy(d, s, n + 1);
  d[n + 1] = (char)type;
  return d;
}

static unsigned char name_type(const char *name) {
  return (unsigned char)name[strlen(name) + 1];
}

static char *join_path(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  char *p = malloc(a + b + 2);
  if (!p) return NULL;
  memcpy(p, dir, a);
  p[a] = '/';
  memcpy(p + a + 1, name, b + 1);
  if (a > 0 && dir[a - 1] == '/') memmove(p + a, p + a + 1, b + 1);
  return p;
}

static int compare_names(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

static void free_frame(frame *f) {
  size_t i;
  for (i = 0; i < f->n; i++) free(f->names[i]);
  free(f->names);
  free(f->dir);
  memset(f, 0, sizeof *f);
}

/* List a directory's visible entries, sorted.  Returns 0 on failure. */
static int list_dir(const char *dir, frame *f) {
  DIR *d = opendir(dir);
  struct dirent *e;
  size_t cap = 32;
  if (!d) return 0;
  f->names = malloc(cap * sizeof *f->names);
  f->n = f->next = 0;
  f->dir = dup_string(dir);
  if (!f->names || !f->dir) {
    closedir(d);
    free_frame(f);
    return 0;
  }
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue; /* ., .., and hidden files */
    if (f->n == cap) {
      char **bigger = realloc(f->names, 2 * cap * sizeof *bigger);
      if (!bigger) break;
      f->names = bigger;
      cap *= 2;
    }
    if ((f->names[f->n] = dup_name(e->d_name, e->d_type)) != NULL) f->n++;
  }
  closedir(d);
  qsort(f->names, f->n, sizeof *f->names, compare_names);
  return 1;
}

/* An error message naming a path; a path longer than PATH_SHOWN bytes is
** shown as its start, "…" and its end, cut between UTF-8 characters. */
#define PATH_SHOWN 200
static char *message(const char *fmt, const char *path, const char *reason) {
  char shown[PATH_SHOWN + 8];
  size_t len = strlen(path), n;
  char *m;
  if (len > PATH_SHOWN) {
    size_t head = PATH_SHOWN / 2, tail = len - PATH_SHOWN / 2;
    while (head > 0 && ((unsigned char)path[head] & 0xC0) == 0x80) head--;
    while (tail < len && ((unsigned char)path[tail] & 0xC0) == 0x80) tail++;
    snprintf(shown, sizeof shown, "%.*s\xe2\x80\xa6%s", (int)head, path, path + tail);
    path = shown;
  }
  n = strlen(fmt) + strlen(path) + strlen(reason) + 1;
  m = malloc(n);
  if (m) snprintf(m, n, fmt, path, reason);
  return m;
}

tamas_walk *tamas_walk_open(const char *path, char **err) {
  tamas_walk *w = calloc(1, sizeof *w);
  frame *root;
  *err = NULL;
  if (!w) return NULL;
  root = &w->stack[0];
  w->depth = 1;
  if (strpbrk(path, "*?[")) {
    glob_t g;
    size_t i;
    int rc = glob(path, 0, NULL, &g);
    if (rc != 0) {
      *err = message("cannot open '%s': %s", path,
                     rc == GLOB_NOMATCH ? "no file matches the pattern" : "glob failed");
      if (rc != GLOB_NOMATCH) globfree(&g);
      free(w);
      return NULL;
    }
    root->names = calloc(g.gl_pathc ? g.gl_pathc : 1, sizeof *root->names);
    for (i = 0; root->names && i < g.gl_pathc; i++)
      if ((root->names[root->n] = dup_name(g.gl_pathv[i], DT_UNKNOWN)) != NULL) root->n++;
    globfree(&g);
  } else {
    struct stat st;
    if (stat(path, &st) != 0) {
      *err = message("cannot open '%s': %s", path, strerror(errno));
      free(w);
      return NULL;
    }
    root->names = malloc(sizeof *root->names);
    if (root->names && (root->names[0] = dup_name(path, DT_UNKNOWN)) != NULL) root->n = 1;
  }
  return w;
}

const char *tamas_walk_next(tamas_walk *w) {
  free(w->current);
  w->current = NULL;
  while (w->depth > 0) {
    frame *f = &w->stack[w->depth - 1];
    struct stat st, lst;
    unsigned char type;
    char *p;
    if (f->next >= f->n) {
      free_frame(f);
      w->depth--;
      continue;
    }
    type = name_type(f->names[f->next]);
    p = f->dir ? join_path(f->dir, f->names[f->next]) : dup_string(f->names[f->next]);
    f->next++;
    if (!p) continue;
    if (type == DT_REG) { /* a regular file (not a link): reading checks the rest */
      w->current = p;
      return p;
    }
    if (stat(p, &st) != 0) { /* dangling link: report the file, reading says why */
      w->current = p;
      return p;
    }
    if (S_ISDIR(st.st_mode)) {
      /* Enter real directories only: a link to a directory may loop.  The
      ** path the user named is entered even when it is a link. */
      int is_link = f->dir && lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode);
      if (!is_link && w->depth <= TAMAS_WALK_MAX_DEPTH &&
          list_dir(p, &w->stack[w->depth]))
        w->depth++;
      free(p);
      continue;
    }
    /* files; and sockets, devices and fifos, which reading reports as "not
    ** a regular file" (it opens without waiting for a fifo's writer) */
    w->current = p;
    return p;
  }
  return NULL;
}

void tamas_walk_close(tamas_walk *w) {
  if (!w) return;
  while (w->depth > 0) free_frame(&w->stack[--w->depth]);
  free(w->current);
  free(w);
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* Sixteen bytes at a time over ASCII, two-byte forms (lead C2-DF) and
** three-byte forms (lead E1-EC or EE-EF: a ZWNJ is E2 80 8C), nearly all of
** a Persian page: in each block the continuation bytes must be exactly the
** one after each two-byte lead and the two after each three-byte lead (the
** block before may hand some on), and no other byte may be 0x80 or above.
** Leads E0 and ED, whose second byte is bounded more narrowly, are left to
** the one-by-one check.  Returns where it stopped — a character boundary,
** every byte before it valid — at the end or at the first block holding
** anything else (a four-byte form, E0, ED, an invalid byte). */
static size_t skip_two_byte_text(const unsigned char *u, size_t n, size_t i) {
  const __m128i zero = _mm_setzero_si128();
  __m128i prev_lead = zero, prev_lead3 = zero; /* of the block before */
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
    /* as signed bytes: continuation 0x80-0xBF < -64; lead 0xC2-0xDF in
    ** -62..-33; lead 0xE0-0xEF in -32..-17 */
    __m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
    __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)),
                                 _mm_cmplt_epi8(v, _mm_set1_epi8(-32)));
    __m128i lead3 = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-33)),
                                  _mm_cmplt_epi8(v, _mm_set1_epi8(-16)));
    __m128i narrow = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE0)),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)));
    __m128i other = _mm_andnot_si128(_mm_or_si128(_mm_or_si128(cont, lead), lead3),
                                     _mm_cmplt_epi8(v, zero));
    __m128i after_lead = _mm_or_si128(
        _mm_or_si128(_mm_slli_si128(lead, 1), _mm_srli_si128(prev_lead, 15)),
        _mm_or_si128(_mm_or_si128(_mm_slli_si128(lead3, 1), _mm_slli_si128(lead3, 2)),
                     _mm_or_si128(_mm_srli_si128(prev_lead3, 15), _mm_srli_si128(prev_lead3, 14))));
    if (_mm_movemask_epi8(_mm_or_si128(other, narrow)) ||
        _mm_movemask_epi8(_mm_xor_si128(cont, after_lead)))
      break;
    prev_lead = lead;
    prev_lead3 = lead3;
  }
  /* a character the block before did not finish is not checked yet */
  if ((_mm_movemask_epi8(prev_lead) | _mm_movemask_epi8(prev_lead3)) >> 15 & 1) return i - 1;
  if (_mm_movemask_epi8(prev_lead3) >> 14 & 1) return i - 2;
  return i;
}
#endif

/* One character at u[i] checked; returns the next position, or 0 when the
** bytes at i are not UTF-8. */
static size_t valid_char(const unsigned char *u, size_t n, size_t i) {
  size_t cl;
  if (u[i] < 0x80) return i + 1;
  if (tamas_utf8_decode(u, n, i, &cl) == TAMAS_REPLACEMENT_CHAR && cl == 1)
    return 0; /* U+FFFD itself is 3 bytes long */
  return i + cl;
}

int tamas_utf8_valid(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    size_t stop;
#if defined(__SSE2__)
    if ((i = skip_two_byte_text(u, n, i)) >= n) break;
#endif
    /* the block the fast way stopped at (or all, without it), one by one */
    for (stop = i + 16; i < n && i < stop;)
      if (!(i = valid_char(u, n, i))) return 0;
  }
  return 1;
}

/* As SQLite's length() counts: a byte 0xC0-0xFF and the continuation bytes
** after it are one character, any other byte is one (so a stray
** continuation byte counts, as in SQLite; valid UTF-8 gives code points). */
size_t tamas_utf8_chars(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, chars = 0;
  while (i < n) {
    unsigned char c = p[i++];
    chars++;
    if (c >= 0xC0)
      while (i < n && (p[i] & 0xC0) == 0x80) i++;
  }
  return chars;
}

/* Read all of fd (size bytes expected) into a new NUL-terminated buffer. */
static char *read_all(int fd, size_t size, size_t *got, const char **why) {
  char *buf = malloc(size + 1);
  *got = 0;
  if (!buf) {
    *why = "out of memory";
    return NULL;
  }
  while (*got < size) {
    ssize_t k = read(fd, buf + *got, size - *got);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) {
      free(buf);
      return NULL;
    }
    if (k == 0) break; /* the file shrank */
    *got += (size_t)k;
  }
  buf[*got] = 0;
  return buf;
}

char *tamas_read_text_file(const char *path, size_t max_bytes, size_t *len,
                           const char **why) {
  static __thread char reason[96];
  struct stat st;
  char *buf;
  size_t got;
  /* O_NONBLOCK: opening a FIFO must not wait for a writer */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  *why = NULL;
  if (max_bytes == 0 || max_bytes > TAMAS_MAX_FILE_BYTES) max_bytes = TAMAS_MAX_FILE_BYTES;
  if (fd < 0 || fstat(fd, &st) != 0) {
    snprintf(reason, sizeof reason, "unreadable: %s", strerror(errno));
    *why = reason;
    if (fd >= 0) close(fd);
    return NULL;
  }
  if (!S_ISREG(st.st_mode)) {
    *why = S_ISDIR(st.st_mode) ? "a folder, not a file" : "not a regular file";
    close(fd);
    return NULL;
  }
  if ((unsigned long long)st.st_size > max_bytes) {
    snprintf(reason, sizeof reason, "larger than %zu bytes", max_bytes);
    *why = reason;
    close(fd);
    return NULL;
  }
  buf = read_all(fd, (size_t)st.st_size, &got, why);
  if (!buf && *why == NULL) {
    snprintf(reason, sizeof reason, "unreadable: %s", strerror(errno));
    *why = reason;
  }
  close(fd);
  if (!buf) return NULL;
  if (memchr(buf, 0, got)) {
    *why = "binary (NUL bytes)";
  } else if (!tamas_utf8_valid(buf, got)) {
    *why = "not UTF-8";
  } else {
    *len = got;
    *why = NULL;
    return buf;
  }
  free(buf);
  return NULL;
}
