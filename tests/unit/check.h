/*
** check.h — a minimal test harness for the core's C unit tests.
**
**   CHECK(cond)                 counts a pass, or prints the failure
**   CHECK_STR(got, want)        string equality (NULL-safe)
**   CHECK_INT(got, want)
**   return check_summary();     prints "N passed, N failed"; exit status
*/
#ifndef TAMAS_CHECK_H
#define TAMAS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                    \
  do {                                                                 \
    if (cond) check_passed++;                                          \
    else {                                                             \
      check_failed++;                                                  \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
              #cond);                                                  \
    }                                                                  \
  } while (0)

#define CHECK_STR(got, want)                                              \
  do {                                                                    \
    const char *g_ = (got), *w_ = (want);                                 \
    if ((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0))  \
      check_passed++;                                                     \
    else {                                                                \
      check_failed++;                                                     \
      fprintf(stderr, "%s:%d: got '%s', want '%s' (%s)\n", __FILE__,      \
              __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)", #got);    \
    }                                                                     \
  } while (0)

#define CHECK_INT(got, want)                                              \
  do {                                                                    \
    long long g_ = (long long)(got), w_ = (long long)(want);              \
    if (g_ == w_) check_passed++;                                         \
    else {                                                                \
      check_failed++;                                                     \
      fprintf(stderr, "%s:%d: got %lld, want %lld (%s)\n", __FILE__,      \
              __LINE__, g_, w_, #got);                                    \
    }                                                                     \
  } while (0)

static int check_summary(void) {
  printf("%d passed, %d failed\n", check_passed, check_failed);
  return check_failed ? 1 : 0;
}

#endif /* TAMAS_CHECK_H */
