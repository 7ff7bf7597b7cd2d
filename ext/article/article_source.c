/*
** article_source.c — who reports a news item and whom it cites, and the
** rest of the article API (body text, freeing).
**
**   «به گزارش خبرگزاری مهر به نقل از واشنگتن پست، …»  source مهر, cites واشنگتن پست
**   «نیویورک- ایرنا- …»                                 source ایرنا (dateline)
**   «… /باشگاه خبرنگاران»                               a trailer: cites it
**   «بر اساس گزارش خبرگزاری تاس»، «به نوشته وبگاه …»     cites
**
** Known agencies (sql/lexicon/sources.tsv) are reported by their canonical
** name; an unknown one by its words as written, when it is short enough to be
** a name (a long phrase is more likely a sentence than an agency).
*/
#include <stdlib.h>
#include <string.h>

#include "article_internal.h"
#include "text/fold.h"
#include "text/utf8.h"

#define PHRASE_MAX_BYTES 160
#define NAME_MAX_WORDS 4
#define MAX_CITES 8

/* A '|'-separated list of distinct names, built up in a fixed buffer. */
typedef struct name_list {
  char buf[512];
  size_t len;
  int count;
} name_list;

static void list_add(name_list *l, const char *name, size_t n) {
  size_t i = 0;
  if (n == 0 || l->count >= MAX_CITES || l->len + n + 2 > sizeof l->buf) return;
  while (i < l->len) { /* already there? */
    const char *bar = memchr(l->buf + i, '|', l->len - i);
    size_t e = bar ? (size_t)(bar - l->buf) : l->len;
    if (e - i == n && memcmp(l->buf + i, name, n) == 0) return;
    i = e + 1;
  }
  if (l->len) l->buf[l->len++] = '|';
  memcpy(l->buf + l->len, name, n);
  l->len += n;
  l->buf[l->len] = 0;
  l->count++;
}

static int is_phrase_stop(uint32_t cp) {
  return cp == 0x060C /* ، */ || cp == ',' || cp == 0x061B /* ؛ */ || cp == ';' ||
         cp == ':' || cp == '.' || cp == '\n' || cp == '(';
}

/* Words of s[start, end) up to the first phrase stop, trimmed. */
static size_t phrase_end(const char *t, size_t start, size_t end) {
  size_t i = start, cl;
  if (end > start + PHRASE_MAX_BYTES) end = start + PHRASE_MAX_BYTES;
  while (i < end) {
    uint32_t cp = tamas_utf8_decode((const unsigned char *)t, end, i, &cl);
    if (is_phrase_stop(cp) || cp == TAMAS_REPLACEMENT_CHAR) break;
    i += cl;
  }
  return i;
}

static int word_count(const char *t, size_t start, size_t end) {
  int words = 0, in_word = 0;
  size_t i;
  for (i = start; i < end; i++) {
    int blank = t[i] == ' ' || t[i] == '\t';
    if (!blank && !in_word) words++;
    in_word = !blank;
  }
  return words;
}

/* Find `word` (raw bytes) in [start, end) preceded by the word `before` and
** a space or ZWNJ; returns the end of `word`, or NULL. */
static const char *find_after(const char *t, size_t start, size_t end,
                              const char *before, const char *word) {
  size_t wl = strlen(word), bl = strlen(before);
  const char *p = t + start, *stop = t + end;
  while (p < stop && (p = memmem(p, (size_t)(stop - p), word, wl)) != NULL) {
    const char *q = p;
    if (q - t >= (ptrdiff_t)start + 1 && q[-1] == ' ') q -= 1;
    else if (q - t >= (ptrdiff_t)start + 3 && memcmp(q - 3, "\xe2\x80\x8c", 3) == 0) q -= 3;
    if (q - t >= (ptrdiff_t)(start + bl) && memcmp(q - bl, before, bl) == 0 &&
        (q - t == (ptrdiff_t)(start + bl) || q[-(ptrdiff_t)bl - 1] == ' ' ||
         q[-(ptrdiff_t)bl - 1] == '\n' || (unsigned char)q[-(ptrdiff_t)bl - 1] == 0x8c ||
         (unsigned char)q[-(ptrdiff_t)bl - 1] == 0xab))
      return p + wl;
    p += wl;
  }
  return NULL;
}

/* Name of the source in a phrase: the canonical name of a known agency in
** it, else the phrase itself when it is short. */
static void name_of(const char *t, size_t start, size_t end, const char **name,
                    size_t *n) {
  char folded[PHRASE_MAX_BYTES * 2];
  size_t fl = fold_compact(t + start, end - start, folded, sizeof folded);
  const char *known = source_find(folded, fl, NULL);
  /* trim spaces, quotes and «» (2 bytes each) */
  for (;;) {
    if (start < end && (t[start] == ' ' || t[start] == '"')) start++;
    else if (end - start >= 2 && (unsigned char)t[start] == 0xc2 &&
             ((unsigned char)t[start + 1] == 0xab || (unsigned char)t[start + 1] == 0xbb))
      start += 2;
    else break;
  }
  for (;;) {
    if (end > start && (t[end - 1] == ' ' || t[end - 1] == '"')) end--;
    else if (end - start >= 2 && (unsigned char)t[end - 2] == 0xc2 &&
             ((unsigned char)t[end - 1] == 0xbb || (unsigned char)t[end - 1] == 0xab))
      end -= 2;
    else break;
  }
  if (known) {
    *name = known;
    *n = strlen(known);
  } else if (end - start > 4 /* not «ها», a suffix */ &&
             word_count(t, start, end) <= NAME_MAX_WORDS) {
    *name = t + start;
    *n = end - start;
  } else {
    *name = NULL;
    *n = 0;
  }
}

/* Split a phrase at «به نقل از» / « از »: the part before names the source,
** the part after a cited one. */
static void read_attribution(const char *t, size_t start, size_t end,
                             name_list *source, name_list *cites) {
  static const char quoting[] = " \xd8\xa8\xd9\x87 \xd9\x86\xd9\x82\xd9\x84 \xd8\xa7\xd8\xb2 "; /* به نقل از */
  static const char from[] = " \xd8\xa7\xd8\xb2 "; /* از */
  const char *split = memmem(t + start, end - start, quoting, sizeof quoting - 1);
  size_t skip = sizeof quoting - 1, n;
  const char *name;
  if (!split) {
    split = memmem(t + start, end - start, from, sizeof from - 1);
    skip = sizeof from - 1;
  }
  name_of(t, start, split ? (size_t)(split - t) : end, &name, &n);
  if (name && !(source->count && strlen(source->buf) == n && memcmp(source->buf, name, n) == 0))
    list_add(source->count ? cites : source, name, n);
  if (split) {
    size_t s2 = (size_t)(split - t) + skip;
    name_of(t, s2, phrase_end(t, s2, end), &name, &n);
    if (name) list_add(cites, name, n);
  }
}

/* «به گزارش X», «به نقل از X», «بر اساس گزارش X», «به نوشته X» in one
** paragraph. */
static void read_paragraph(const char *t, const tamas_span *p, name_list *source,
                           name_list *cites) {
  static const char be[] = "\xd8\xa8\xd9\x87";                      /* به */
  static const char report[] = "\xda\xaf\xd8\xb2\xd8\xa7\xd8\xb1\xd8\xb4"; /* گزارش */
  static const struct { const char *before, *word; } cite_words[] = {
      {be, "\xd9\x86\xd9\x82\xd9\x84 \xd8\xa7\xd8\xb2"},          /* به نقل از */
      {be, "\xd9\x86\xd9\x88\xd8\xb4\xd8\xaa\xd9\x87"},           /* به نوشته */
      {"\xd8\xa7\xd8\xb3\xd8\xa7\xd8\xb3", report},                 /* (بر) اساس گزارش */
  };
  const char *after;
  size_t i;
  if ((after = find_after(t, p->start, p->end, be, report)) != NULL) {
    size_t s = (size_t)(after - t);
    read_attribution(t, s, phrase_end(t, s, p->end), source, cites);
  }
  for (i = 0; i < sizeof cite_words / sizeof cite_words[0]; i++) {
    const char *c = t + p->start;
    while ((c = find_after(t, (size_t)(c - t), p->end, cite_words[i].before,
                           cite_words[i].word)) != NULL) {
      size_t s = (size_t)(c - t), n;
      const char *name;
      name_of(t, s, phrase_end(t, s, p->end), &name, &n);
      if (name) list_add(cites, name, n);
    }
  }
}

/* «مسکو- ایرنا- …» or «باشگاه خبرنگاران جوان - …» opening the lead. */
static void read_dateline(const char *t, const tamas_span *lead, name_list *source) {
  size_t end = lead->end - lead->start > 80 ? lead->start + 80 : lead->end, i, last = 0;
  char folded[200];
  const char *known;
  size_t fl;
  for (i = lead->start; i + 1 < end; i++) {
    if (t[i] == '-' || (t[i] == '\xd9' && t[i + 1] == '\x80') /* ـ */) last = i;
  }
  if (last == 0) return;
  fl = fold_compact(t + lead->start, last - lead->start, folded, sizeof folded);
  if ((known = source_find(folded, fl, NULL)) != NULL) list_add(source, known, strlen(known));
}

/* «… /فارس» or «(جزئیات بیشتر)/ فارس» closing the body. */
static void read_trailer(const char *t, const tamas_span *last, name_list *cites) {
  size_t i = last->end;
  const char *name;
  size_t n;
  while (i > last->start && last->end - i < 60 && t[i - 1] != '/') i--;
  if (i == last->start || t[i - 1] != '/') return;
  name_of(t, i, last->end, &name, &n);
  if (name) list_add(cites, name, n);
}

static char *dup_text(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (d) {
    memcpy(d, s, n);
    d[n] = 0;
  }
  return d;
}

int tamas_article_find_sources(const char *text, tamas_article *a) {
  name_list source = {{0}, 0, 0}, cites = {{0}, 0, 0};
  size_t i;
  if (a->n_paragraphs == 0) return 1;
  read_dateline(text, &a->paragraphs[0], &source);
  for (i = 0; i < a->n_paragraphs; i++) read_paragraph(text, &a->paragraphs[i], &source, &cites);
  read_trailer(text, &a->paragraphs[a->n_paragraphs - 1], &cites);
  if (source.count) {
    const char *bar = memchr(source.buf, '|', source.len);
    if (!(a->source = dup_text(source.buf, bar ? (size_t)(bar - source.buf) : source.len)))
      return 0;
  }
  if (cites.count && !(a->cites = dup_text(cites.buf, cites.len))) return 0;
  return 1;
}

void tamas_article_free(tamas_article *a) {
  free(a->source);
  free(a->cites);
  free(a->paragraphs);
  memset(a, 0, sizeof *a);
}

char *tamas_article_body(const tamas_article *a, const char *text, size_t *out_len) {
  size_t i, len = 0;
  char *body;
  for (i = 0; i < a->n_paragraphs; i++) len += a->paragraphs[i].end - a->paragraphs[i].start + 1;
  body = malloc(len + 1);
  if (!body) return NULL;
  len = 0;
  for (i = 0; i < a->n_paragraphs; i++) {
    size_t n = a->paragraphs[i].end - a->paragraphs[i].start;
    if (i) body[len++] = '\n';
    memcpy(body + len, text + a->paragraphs[i].start, n);
    len += n;
  }
  body[len] = 0;
  *out_len = len;
  return body;
}
