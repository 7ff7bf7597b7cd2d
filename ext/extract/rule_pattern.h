/*
** rule_pattern.h — the pattern language of sql/rules/ (rule_pattern.c):
** a pattern as PCRE2 source over a sentence's category string, and what
** can be known of its matches before any sentence is read.
*/
#ifndef TAMAS_RULE_PATTERN_H
#define TAMAS_RULE_PATTERN_H

#include "extract_internal.h"

/* The role names of the named groups ((?<a>…)), by rule_role. */
extern const char *const rule_role_names[N_ROLES];

/* The PCRE2 source of pattern p (n bytes) into out (cap bytes, *len of
** them); 0 and a message in err (errcap bytes) when the pattern is wrong. */
int pattern_to_pcre2(const char *p, size_t n, char *out, size_t cap, size_t *len, char *err,
                     size_t errcap);

/* What a sentence must have for a pattern to match: every category of
** `all`, and one of each of the masks `any` (a unit written {a|b}). */
#define NEEDS_ANY 6
typedef struct rule_needs {
  cat_mask all;
  cat_mask any[NEEDS_ANY];
  int n_any;
} rule_needs;
void pattern_needs(const char *p, size_t n, rule_needs *needs);

/* Where a match may start.  A test: a unit with one of each mask of any[]
** and none of `none`, the match starting lo to hi units before it (hi
** START_FAR: lo units before it or more; at_start: the match starts at the
** sentence's first unit).  A condition holds when
** one of its tests does; every match meets all the conditions of its
** pattern. */
#define STARTS_MAX 6
#define START_GROUPS 3
#define START_CONDS 4
#define START_FAR 100000
typedef struct start_test {
  cat_mask any[START_GROUPS], none;
  int n_any, lo, hi, at_start;
} start_test;
typedef struct start_any {
  start_test t[STARTS_MAX];
  int n;
} start_any;
/* The conditions of pattern p (at most START_CONDS, into cond, the nearest
** to the start first); 0 when it has none (it may then start anywhere). */
int pattern_starts(const char *p, size_t n, start_any *cond);

#endif
