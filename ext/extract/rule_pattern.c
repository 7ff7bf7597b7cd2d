/*
** rule_pattern.c — the pattern language of the rules of sql/rules/ (rules.c
** keeps the rules): a pattern compiled to PCRE2 source over the category
** string of a sentence (units.c), and two readings of a pattern made once,
** before any sentence: the categories a sentence must have for it to match
** (pattern_needs), and the units where a match may start (pattern_starts).
**
**   {person}             a unit with the category person
**   {office|offices}     … with one of them
**   {verb light !negative}  … with verb and light, and not negative
**   {any}                any unit
**   (?<a> … )            the units of role a (roles: a b c i p o k k2 n h m x g)
**   ( … ) | ? * + {0,3}  grouping, alternatives and repetition of units
**   (?= … ) (?! … )      what must or must not follow
**   ^ $                  the start and the end of the sentence
**
** {person} compiles to (?:<[^>P]*+[P][^>]*+>) where P is the byte of person,
** {verb light !negative} to (?:<(?=[^>V]*+[V])(?=[^>L]*+[L])[^N>]*+>).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule_pattern.h"

const char *const rule_role_names[N_ROLES] = {"a", "b", "c", "i", "p", "o",
                                              "k", "k2", "n", "h", "m", "x", "g"};


typedef struct out_buf {
  char *s;
  size_t len, cap;
  int full;
} out_buf;

static void put(out_buf *o, const char *s, size_t n) {
  if (o->len + n >= o->cap) {
    o->full = 1;
    return;
  }
  memcpy(o->s + o->len, s, n);
  o->len += n;
  o->s[o->len] = 0;
}
static void puts_(out_buf *o, const char *s) { put(o, s, strlen(s)); }
static void putc_(out_buf *o, char c) { put(o, &c, 1); }

static int is_space(char c) { return c == ' ' || c == '\t'; }

/* One category name of n bytes, as its byte; 0 (and err) when unknown. */
static int name_byte(const char *s, size_t n, char *err, size_t cap, char *byte) {
  int c = lexicon_category(s, n);
  if (c < 0) {
    snprintf(err, cap, "unknown category '%.*s'", (int)n, s);
    return 0;
  }
  *byte = category_byte(c);
  return 1;
}

/* {…}: a unit.  Terms are separated by spaces: «a|b» (one of them), «!a|b»
** (none of them), «any».  Writes the PCRE2 for it, and in groups[] the
** categories of each positive term: the unit has one of each (*n_groups). */
static int compile_unit(const char *s, size_t n, out_buf *o, char *err, size_t cap,
                        cat_mask *groups, int *n_groups, cat_mask *none) {
  char pos[8][16], neg[64];
  int n_pos = 0, n_neg = 0, t;
  size_t i = 0;
  *n_groups = 0;
  while (i < n) {
    size_t j, k;
    int negated;
    char alts[16];
    int n_alts = 0;
    while (i < n && is_space(s[i])) i++;
    if (i == n) break;
    for (j = i; j < n && !is_space(s[j]); j++) {
    }
    negated = s[i] == '!';
    if (negated) i++;
    if (j - i == 3 && memcmp(s + i, "any", 3) == 0 && !negated) {
      i = j;
      continue;
    }
    for (k = i; k <= j; k++) {
      if (k < j && s[k] != '|') continue;
      if (k == i || n_alts == 15) {
        snprintf(err, cap, "a bad term in {%.*s}", (int)n, s);
        return 0;
      }
      if (!name_byte(s + i, k - i, err, cap, &alts[n_alts])) return 0;
      if (!negated) cat_add(&groups[n_pos], lexicon_category(s + i, k - i));
      else if (none) cat_add(none, lexicon_category(s + i, k - i));
      n_alts++;
      i = k + 1;
    }
    if (negated) {
      if (n_neg + n_alts >= 60) {
        snprintf(err, cap, "too many categories in {%.*s}", (int)n, s);
        return 0;
      }
      memcpy(neg + n_neg, alts, (size_t)n_alts);
      n_neg += n_alts;
    } else {
      if (n_pos == 8) {
        snprintf(err, cap, "too many terms in {%.*s}", (int)n, s);
        return 0;
      }
      memcpy(pos[n_pos], alts, (size_t)n_alts);
      pos[n_pos][n_alts] = 0;
      n_pos++;
    }
    i = j;
  }
  *n_groups = n_pos;
  /* a group (a quantifier after {…} repeats the unit); within a unit the
  ** repeats are possessive, «[^>P]*+[P]»: a unit matches one way or not at
  ** all, so PCRE2 backtracks over units, never over a unit's bytes */
  puts_(o, "(?:<");
  if (n_pos == 1 && n_neg == 0) {
    puts_(o, "[^>");
    puts_(o, pos[0]);
    puts_(o, "]*+[");
    puts_(o, pos[0]);
    puts_(o, "][^>]*+>)");
    return 1;
  }
  for (t = 0; t < n_pos; t++) {
    puts_(o, "(?=[^>");
    puts_(o, pos[t]);
    puts_(o, "]*+[");
    puts_(o, pos[t]);
    puts_(o, "])");
  }
  puts_(o, "[^>");
  put(o, neg, (size_t)n_neg);
  puts_(o, "]*+>)");
  return 1;
}

/* ---- what a rule cannot match without ----------------------------------------
** A requirement: the sentence has one of the categories of a mask.  A unit
** gives one per positive term; a sequence the requirements of its parts that
** may not match nothing; alternatives the requirements every alternative
** shares, else one: the union of one requirement of each. */

#define REQ_MAX 16
typedef struct reqs {
  cat_mask m[REQ_MAX];
  int n;
} reqs;

static void req_add(reqs *r, const cat_mask *m) {
  int k;
  for (k = 0; k < r->n; k++)
    if (!memcmp(&r->m[k], m, sizeof *m)) return;
  if (r->n < REQ_MAX) r->m[r->n++] = *m;
}

/* The end of the item at p[i] (a unit {…}, a group (…), or one character). */
static size_t item_end(const char *p, size_t i, size_t n) {
  if (p[i] == '{') {
    const char *c = memchr(p + i, '}', n - i);
    return c ? (size_t)(c - p) + 1 : n;
  }
  if (p[i] == '(') {
    int level = 0;
    size_t j;
    for (j = i; j < n; j++) {
      if (p[j] == '{') { /* a unit's '(' is no group */
        const char *c = memchr(p + j, '}', n - j);
        if (!c) return n;
        j = (size_t)(c - p);
        continue;
      }
      if (p[j] == '(') level++;
      else if (p[j] == ')' && --level == 0) return j + 1;
    }
    return n;
  }
  return i + 1;
}

/* Is p[i] a quantifier that allows none (?, *, {0…}), and past it. */
static int quantifier(const char *p, size_t *i, size_t n) {
  int none = 0;
  while (*i < n && is_space(p[*i])) (*i)++;
  if (*i >= n) return 0;
  if (p[*i] == '?' || p[*i] == '*' || p[*i] == '+') {
    none = p[*i] != '+';
    (*i)++;
  } else if (p[*i] == '{' && *i + 1 < n && (p[*i + 1] >= '0' && p[*i + 1] <= '9')) {
    none = p[*i + 1] == '0';
    *i = item_end(p, *i, n);
  } else {
    return 0;
  }
  if (*i < n && (p[*i] == '?' || p[*i] == '+')) (*i)++; /* lazy, possessive */
  return none;
}

/* One open group while the pattern is read: the requirements of the
** alternative being read, those all its finished alternatives share, and
** the union of their first ones. */
#define NEEDS_DEPTH 16
typedef struct group_frame {
  reqs cur, common;
  cat_mask firsts;
  int n_alt, some_empty, look;
} group_frame;

static void frame_open(group_frame *f, int look) {
  memset(f, 0, sizeof *f);
  f->look = look;
}

/* An alternative of the frame ends. */
static void frame_alternative(group_frame *f) {
  int k, t;
  if (f->n_alt == 0) {
    f->common = f->cur;
  } else {
    reqs kept = {{{{0, 0}}}, 0};
    for (k = 0; k < f->common.n; k++)
      for (t = 0; t < f->cur.n; t++)
        if (!memcmp(&f->common.m[k], &f->cur.m[t], sizeof f->cur.m[t])) {
          req_add(&kept, &f->common.m[k]);
          break;
        }
    f->common = kept;
  }
  if (f->cur.n) cat_or(&f->firsts, &f->cur.m[0]);
  else f->some_empty = 1;
  f->n_alt++;
  f->cur.n = 0;
}

/* The requirements of the frame, its last alternative read. */
static void frame_close(group_frame *f, reqs *out) {
  frame_alternative(f);
  out->n = 0;
  if (f->look) return; /* a lookaround consumes nothing */
  if (f->common.n || f->n_alt == 1) *out = f->common;
  else if (!f->some_empty) req_add(out, &f->firsts);
}

/* The requirements of a pattern, read left to right with a stack of open
** groups (no recursion: a pattern is data).  Groups nested deeper than
** NEEDS_DEPTH add none: the check only ever skips less. */
static void needs_of(const char *p, size_t n, reqs *out) {
  group_frame stack[NEEDS_DEPTH + 1];
  int depth = 0, skipped = 0;
  size_t i = 0;
  frame_open(&stack[0], 0);
  while (i < n) {
    group_frame *f = &stack[depth];
    reqs item;
    size_t q;
    item.n = 0;
    if (is_space(p[i])) {
      i++;
      continue;
    }
    if (p[i] == '|') {
      if (!skipped) frame_alternative(f);
      i++;
      continue;
    }
    if (p[i] == '(') {
      size_t body = i + 1;
      int look = 0;
      if (body < n && p[body] == '?') { /* (?: (?<name> (?= (?! (?<= (?<! */
        if (body + 1 < n && (p[body + 1] == '=' || p[body + 1] == '!')) look = 1;
        else if (body + 2 < n && p[body + 1] == '<' && (p[body + 2] == '=' || p[body + 2] == '!')) look = 1;
        if (body + 1 < n && p[body + 1] == '<' && !look) {
          const char *gt = memchr(p + body, '>', n - body);
          body = gt ? (size_t)(gt - p) + 1 : n;
        } else {
          body += look && p[body + 1] == '<' ? 3 : 2;
        }
      }
      if (skipped || depth == NEEDS_DEPTH) skipped++;
      else frame_open(&stack[++depth], look);
      i = body;
      continue;
    }
    if (p[i] == ')') {
      i++;
      if (skipped) {
        skipped--;
        continue;
      }
      if (depth == 0) continue; /* compile_pattern reports it */
      frame_close(&stack[depth--], &item);
      f = &stack[depth];
    } else if (p[i] == '{' && !(i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '9')) {
      size_t end = item_end(p, i, n);
      cat_mask groups[8];
      int n_groups = 0, g;
      char scratch[512], err[8];
      out_buf o = {scratch, 0, sizeof scratch, 0};
      memset(groups, 0, sizeof groups);
      if (!skipped && compile_unit(p + i + 1, end - i - 2, &o, err, sizeof err, groups, &n_groups, NULL))
        for (g = 0; g < n_groups; g++) req_add(&item, &groups[g]);
      i = end;
    } else {
      i = p[i] == '{' ? item_end(p, i, n) : i + 1; /* ^ $ or a stray quantifier */
      continue;
    }
    q = i;
    if (!quantifier(p, &q, n) && !skipped) {
      int k;
      for (k = 0; k < item.n; k++) req_add(&f->cur, &item.m[k]);
    }
    i = q;
  }
  while (depth > 0) depth--; /* unclosed groups: compile_pattern reports them */
  frame_close(&stack[0], out);
}

/* The needs of a rule: one category each in all, the rest as any-groups
** (beyond NEEDS_ANY of them, left out: the check only ever skips less). */
void pattern_needs(const char *p, size_t n, rule_needs *needs) {
  reqs r;
  int k;
  memset(needs, 0, sizeof *needs);
  needs_of(p, n, &r);
  for (k = 0; k < r.n; k++) {
    int bits = __builtin_popcountll(r.m[k].w[0]) + __builtin_popcountll(r.m[k].w[1]);
    if (bits == 1) cat_or(&needs->all, &r.m[k]);
    else if (bits > 1 && needs->n_any < NEEDS_ANY) needs->any[needs->n_any++] = r.m[k];
  }
}

/* ---- where a match can start ---------------------------------------------
** A rule's starts: a few conditions every match meets, each "one of these
** units is lo to hi units after the match's start" («(^|{!with}) {actor}»:
** an actor, at the start or one unit after it; «{honorific}* {person}»: an
** honorific or a person at the start; «^ …»: the sentence's first unit).
** rules_match tries a rule, anchored, only at the units that meet them all:
** most units start no match of most rules.  A pattern this reading cannot
** bound has none, and is searched unanchored. */

#define LEN_UNBOUNDED START_FAR
#define SHAPE_DEPTH 8

/* The length of an item in units, [lo, hi], and its conditions. */
typedef struct shape {
  int lo, hi;
  start_any cond[START_CONDS];
  int n_cond;
} shape;

static int bounded_add(int a, int b) { return a >= LEN_UNBOUNDED || b >= LEN_UNBOUNDED ? LEN_UNBOUNDED : a + b; }
static int bounded_mul(int a, int b) {
  if (a == 0 || b == 0) return 0;
  return a >= LEN_UNBOUNDED || b >= LEN_UNBOUNDED ? LEN_UNBOUNDED : a * b;
}

/* Add the units of x, moved by [lo, hi], to the condition c; 0 when they do
** not fit or the distance has no bound. */
static int cond_add(start_any *c, const start_any *x, int lo, int hi) {
  int k;
  for (k = 0; k < x->n; k++) {
    start_test t = x->t[k];
    if (!t.at_start) {
      t.lo = bounded_add(t.lo, lo);
      t.hi = bounded_add(t.hi, hi);
      if (t.lo >= LEN_UNBOUNDED) return 0;
    }
    if (c->n == STARTS_MAX) return 0;
    c->t[c->n++] = t;
  }
  return 1;
}

/* Add to out the condition x moved by [lo, hi], or'ed with `unless` (the
** optional items before it that have conditions: «X* Y» holds X or Y). */
static void shape_add(shape *out, const start_any *x, int lo, int hi, const start_any *unless) {
  start_any c;
  c.n = 0;
  if (out->n_cond == START_CONDS || !cond_add(&c, x, lo, hi) || !cond_add(&c, unless, 0, 0)) return;
  out->cond[out->n_cond++] = c;
}

/* The quantifier at p[*i] as [lo, hi] (none: [1, 1]); past it. */
static void repeats(const char *p, size_t *i, size_t n, int *lo, int *hi) {
  *lo = *hi = 1;
  while (*i < n && is_space(p[*i])) (*i)++;
  if (*i >= n) return;
  if (p[*i] == '?' || p[*i] == '*' || p[*i] == '+') {
    *lo = p[*i] == '+';
    *hi = p[*i] == '?' ? 1 : LEN_UNBOUNDED;
    (*i)++;
  } else if (p[*i] == '{' && *i + 1 < n && p[*i + 1] >= '0' && p[*i + 1] <= '9') {
    size_t end = item_end(p, *i, n), j = *i + 1;
    *lo = 0;
    while (j < end && p[j] >= '0' && p[j] <= '9' && *lo < LEN_UNBOUNDED) *lo = *lo * 10 + (p[j++] - '0');
    *hi = *lo;
    if (j < end && p[j] == ',') {
      j++;
      *hi = LEN_UNBOUNDED;
      if (j < end && p[j] >= '0' && p[j] <= '9') {
        *hi = 0;
        while (j < end && p[j] >= '0' && p[j] <= '9' && *hi < LEN_UNBOUNDED) *hi = *hi * 10 + (p[j++] - '0');
      }
    }
    *i = end;
  } else {
    return;
  }
  if (*i < n && (p[*i] == '?' || p[*i] == '+')) (*i)++; /* lazy, possessive */
}

/* The shape of one unit {…} (its test, when it has a positive term), ^ or $. */
static void shape_of_unit(const char *p, size_t i, size_t close, shape *item) {
  item->lo = item->hi = 0;
  item->n_cond = 0;
  if (p[i] == '^') {
    memset(&item->cond[0], 0, sizeof item->cond[0]);
    item->cond[0].t[0].at_start = 1;
    item->cond[0].n = item->n_cond = 1;
  } else if (p[i] == '{') {
    cat_mask groups[8], none = {{0, 0}};
    int n_groups = 0, g;
    char scratch[512], err[8];
    out_buf o = {scratch, 0, sizeof scratch, 0};
    memset(groups, 0, sizeof groups);
    item->lo = item->hi = 1;
    if (compile_unit(p + i + 1, close - i - 2, &o, err, sizeof err, groups, &n_groups, &none) &&
        n_groups > 0) {
      start_test *t = &item->cond[0].t[0];
      memset(t, 0, sizeof *t);
      for (g = 0; g < n_groups && g < START_GROUPS; g++) t->any[t->n_any++] = groups[g];
      t->none = none;
      item->cond[0].n = item->n_cond = 1;
    }
  }
}

/* A sequence of items being read: its length so far, the conditions of the
** items that must match, and [klo, khi], the distance from the start of the
** next item when the optional items with conditions before it (`unless`)
** matched nothing.  `broken`: an item could not be read (a stray quantifier
** may make an item before it optional), so the sequence has no conditions. */
typedef struct sequence {
  int lo, hi, klo, khi, broken;
  start_any unless;
  shape out;
} sequence;

/* An open group: the alternative being read, and those finished (their
** shortest and longest, and conditions each meets one of). */
typedef struct group {
  sequence seq;
  shape alts;
  int n_alts;
} group;

static void sequence_open(sequence *q) {
  memset(q, 0, sizeof *q);
}

/* Item (repeated qlo to qhi times) follows in q. */
static void sequence_add(sequence *q, const shape *item, int qlo, int qhi) {
  int k;
  q->lo = bounded_add(q->lo, bounded_mul(item->lo, qlo));
  q->hi = bounded_add(q->hi, bounded_mul(item->hi, qhi));
  if (q->unless.n > STARTS_MAX) return; /* too many optional items: no more conditions */
  if (qlo > 0) {
    for (k = 0; k < item->n_cond; k++) shape_add(&q->out, &item->cond[k], q->klo, q->khi, &q->unless);
  } else if (item->n_cond > 0 && qhi > 0) {
    /* it holds its first condition here, or it matched nothing */
    if (!cond_add(&q->unless, &item->cond[0], q->klo, q->khi)) q->unless.n = STARTS_MAX + 1;
    return;
  }
  q->klo = bounded_add(q->klo, bounded_mul(item->lo, qlo));
  q->khi = bounded_add(q->khi, bounded_mul(item->hi, qhi));
}

/* The alternative q of group g is read: X or Y, for a condition X of the
** alternatives before and Y of this one. */
static void group_alternative(group *g) {
  const sequence *q = &g->seq;
  shape alt, both;
  int a, b;
  alt.n_cond = q->broken ? 0 : q->out.n_cond;
  memcpy(alt.cond, q->out.cond, sizeof alt.cond[0] * (size_t)alt.n_cond);
  alt.lo = q->broken ? 0 : q->lo;
  alt.hi = q->broken ? LEN_UNBOUNDED : q->hi;
  if (g->n_alts++ == 0) {
    g->alts = alt;
  } else {
    g->alts.lo = alt.lo < g->alts.lo ? alt.lo : g->alts.lo;
    g->alts.hi = alt.hi > g->alts.hi ? alt.hi : g->alts.hi;
    both.n_cond = 0;
    for (a = 0; a < g->alts.n_cond; a++)
      for (b = 0; b < alt.n_cond; b++) shape_add(&both, &g->alts.cond[a], 0, 0, &alt.cond[b]);
    memcpy(g->alts.cond, both.cond, sizeof both.cond[0] * (size_t)both.n_cond);
    g->alts.n_cond = both.n_cond;
  }
  sequence_open(&g->seq);
}

static void group_open(group *g) {
  sequence_open(&g->seq);
  g->n_alts = 0;
}

/* Read left to right with a stack of open groups, as pattern_needs is (no
** recursion: a pattern is data); a group nested deeper than SHAPE_DEPTH
** breaks the sequence it stands in. */
int pattern_starts(const char *p, size_t n, start_any *cond) {
  group *stack = malloc(sizeof *stack * (SHAPE_DEPTH + 1));
  int depth = 0, qlo, qhi, n_cond;
  size_t i = 0;
  if (!stack) return 0; /* no conditions: the rule is searched for */
  group_open(&stack[0]);
  while (i < n) {
    group *g = &stack[depth];
    shape item;
    if (is_space(p[i])) {
      i++;
    } else if (p[i] == '|') {
      group_alternative(g);
      i++;
    } else if (p[i] == ')') {
      i++;
      if (depth == 0) continue; /* compile_pattern refuses it */
      group_alternative(g);
      item = g->alts;
      depth--;
      repeats(p, &i, n, &qlo, &qhi);
      if (!stack[depth].seq.broken) sequence_add(&stack[depth].seq, &item, qlo, qhi);
    } else if (g->seq.broken) { /* past the rest of the alternative */
      i = p[i] == '(' || p[i] == '{' ? item_end(p, i, n) : i + 1;
    } else if (p[i] == '(') {
      size_t close = item_end(p, i, n), body = i + 1;
      int look = 0;
      if (body + 2 < close && p[body] == '?') {
        if (p[body + 1] == '=' || p[body + 1] == '!' ||
            (p[body + 1] == '<' && (p[body + 2] == '=' || p[body + 2] == '!'))) {
          look = 1; /* consumes nothing */
        } else if (p[body + 1] == '<') {
          const char *gt = memchr(p + body, '>', close - body);
          body = gt ? (size_t)(gt - p) + 1 : close;
        } else {
          body += 2;
        }
      }
      if (look) {
        i = close;
        repeats(p, &i, n, &qlo, &qhi);
        item.lo = item.hi = item.n_cond = 0;
        sequence_add(&g->seq, &item, qlo, qhi);
      } else if (depth >= SHAPE_DEPTH || close <= body) {
        g->seq.broken = 1;
        i = close;
      } else {
        group_open(&stack[++depth]);
        i = body;
      }
    } else if (p[i] == '^' || p[i] == '$' ||
               (p[i] == '{' && !(i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '9'))) {
      size_t close = p[i] == '{' ? item_end(p, i, n) : i + 1;
      shape_of_unit(p, i, close, &item);
      i = close;
      repeats(p, &i, n, &qlo, &qhi);
      sequence_add(&g->seq, &item, qlo, qhi);
    } else {
      g->seq.broken = 1; /* a stray quantifier */
      i++;
    }
  }
  while (depth > 0) depth--; /* unclosed groups: compile_pattern refuses them */
  group_alternative(&stack[0]);
  n_cond = stack[0].alts.n_cond;
  memcpy(cond, stack[0].alts.cond, sizeof stack[0].alts.cond[0] * (size_t)n_cond);
  free(stack);
  return n_cond;
}

/* Compile a pattern: PCRE2 source into o.  0 and err when the pattern is
** wrong. */
static int compile_pattern(const char *p, size_t n, out_buf *o, char *err, size_t cap) {
  int depth = 0;
  size_t i;
  for (i = 0; i < n;) {
    char c = p[i];
    if (is_space(c)) {
      i++;
      continue;
    }
    if (c == '{') {
      const char *close = memchr(p + i, '}', n - i);
      size_t len;
      cat_mask groups[8];
      int n_groups;
      if (!close) {
        snprintf(err, cap, "'{' at %zu is not closed", i);
        return 0;
      }
      len = (size_t)(close - (p + i)) - 1;
      if (len > 0 && strspn(p + i + 1, "0123456789,") >= len) { /* a quantifier {0,3} */
        put(o, p + i, len + 2);
        i += len + 2;
        continue;
      }
      memset(groups, 0, sizeof groups);
      if (!compile_unit(p + i + 1, len, o, err, cap, groups, &n_groups, NULL)) return 0;
      i += len + 2;
      continue;
    }
    if (c == '(') {
      size_t j = i + 1, close;
      int level = 1;
      for (close = i + 1; close < n && level; close++) {
        if (p[close] == '(') level++;
        else if (p[close] == ')') level--;
      }
      if (level) {
        snprintf(err, cap, "'(' at %zu is not closed", i);
        return 0;
      }
      if (depth == 63) {
        snprintf(err, cap, "groups nested too deep");
        return 0;
      }
      /* (?<name>, (?:, (?=, (?!, (?<=, (?<! */
      if (j < n && p[j] == '?') {
        if (j + 1 < n && p[j + 1] == '<' && j + 2 < n && p[j + 2] != '=' && p[j + 2] != '!') {
          const char *gt = memchr(p + j, '>', n - j);
          int r, found = 0;
          if (!gt) {
            snprintf(err, cap, "a group name at %zu is not closed", i);
            return 0;
          }
          for (r = 0; r < N_ROLES; r++)
            if ((size_t)(gt - (p + j + 2)) == strlen(rule_role_names[r]) &&
                memcmp(p + j + 2, rule_role_names[r], strlen(rule_role_names[r])) == 0)
              found = 1;
          if (!found) {
            snprintf(err, cap, "unknown role '%.*s' (roles: a b c i p o k k2 n h m x g)",
                     (int)(gt - (p + j + 2)), p + j + 2);
            return 0;
          }
          put(o, p + i, (size_t)(gt - (p + i)) + 1);
          i = (size_t)(gt - p) + 1;
        } else if (j + 1 < n && (p[j + 1] == ':' || p[j + 1] == '=' || p[j + 1] == '!')) {
          put(o, p + i, 3);
          i += 3;
        } else if (j + 2 < n && p[j + 1] == '<' && (p[j + 2] == '=' || p[j + 2] == '!')) {
          put(o, p + i, 4);
          i += 4;
        } else {
          snprintf(err, cap, "unknown group syntax at %zu", i);
          return 0;
        }
      } else {
        putc_(o, '(');
        i++;
      }
      depth++;
      continue;
    }
    if (c == ')') {
      if (depth == 0) {
        snprintf(err, cap, "')' at %zu closes nothing", i);
        return 0;
      }
      depth--;
      putc_(o, ')');
      i++;
      continue;
    }
    if (c == '|' || c == '?' || c == '*' || c == '+' || c == '^' || c == '$') {
      putc_(o, c);
      i++;
      continue;
    }
    snprintf(err, cap, "'%c' at %zu: a pattern is units in braces, groups, * + ? | {m,n} and ^ $",
             c, i);
    return 0;
  }
  if (depth) {
    snprintf(err, cap, "a group is not closed");
    return 0;
  }
  if (o->full) {
    snprintf(err, cap, "the pattern is too long once compiled");
    return 0;
  }
  return 1;
}

int pattern_to_pcre2(const char *p, size_t n, char *out, size_t cap, size_t *len, char *err,
                     size_t errcap) {
  out_buf o = {out, 0, cap, 0};
  out[0] = 0;
  if (!compile_pattern(p, n, &o, err, errcap)) return 0;
  *len = o.len;
  return 1;
}
