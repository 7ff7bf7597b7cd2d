/*
** fuzz_article.c — libFuzzer target: the article reader on arbitrary bytes.
**
**   tamas_article_read, tamas_article_body, and tamas_next_sentence over the
**   whole text and over the body.
**
** Checks: every span lies inside the text, paragraphs are in order and do
** not overlap, the published date is "YYYY-MM-DD" or "YYYY-MM-DD HH:MM",
** the body is the paragraphs joined by "\n", and the sentence splitter
** always advances and returns trimmed spans inside the range.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "tamas.h"

static void check_span(tamas_span s, size_t len) {
  FUZZ_ASSERT(s.start <= s.end && s.end <= len);
}

static void sentences(const char *t, size_t len) {
  size_t pos = 0, last_end = 0, guard = 0;
  tamas_span s;
  while (tamas_next_sentence(t, len, &pos, &s)) {
    FUZZ_ASSERT(s.start >= last_end && s.start < s.end && s.end <= len);
    FUZZ_ASSERT(pos >= s.end && pos <= len);
    last_end = s.end;
    FUZZ_ASSERT(++guard <= len + 1);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *t = (const char *)data;
  tamas_article a;
  size_t i, body_len, want = 0;
  char *body;
  memset(&a, 0, sizeof a);
  FUZZ_ASSERT(tamas_article_read(t, size, &a));
  check_span(a.title, size);
  check_span(a.published_span, size);
  FUZZ_ASSERT(memchr(a.published, 0, sizeof a.published) != NULL);
  if (a.published[0]) {
    size_t n = strlen(a.published);
    FUZZ_ASSERT(n == 10 || n == 16);
    FUZZ_ASSERT(a.published[4] == '-' && a.published[7] == '-');
    if (n == 16) FUZZ_ASSERT(a.published[10] == ' ' && a.published[13] == ':');
  }
  FUZZ_ASSERT(memchr(a.news_code, 0, sizeof a.news_code) != NULL);
  for (i = 0; a.news_code[i]; i++) FUZZ_ASSERT(a.news_code[i] >= '0' && a.news_code[i] <= '9');
  for (i = 0; i < a.n_paragraphs; i++) {
    check_span(a.paragraphs[i], size);
    if (i > 0) FUZZ_ASSERT(a.paragraphs[i].start >= a.paragraphs[i - 1].end);
    want += a.paragraphs[i].end - a.paragraphs[i].start + (i > 0);
  }
  body = tamas_article_body(&a, t, &body_len);
  FUZZ_ASSERT(body != NULL);
  FUZZ_ASSERT(body_len == want && body[body_len] == 0);
  sentences(t, size);
  sentences(body, body_len);
  free(body);
  tamas_article_free(&a);
  return 0;
}
