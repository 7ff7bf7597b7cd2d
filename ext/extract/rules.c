/*
** rules.c — the extraction rules of sql/rules/, one file per stage of the
** cascade, compiled once per process to PCRE2 regular expressions over the
** category string of a sentence (units.c), and matched there.
**
** A rule file is TSV: name, pattern, builds.  A pattern is written over
** units, a unit being a set of categories:
**
**   {person}             a unit with the category person
**   {office|offices}     … with one of them
**   {verb light !negative}  … with verb and light, and not negative
**   {any}                any unit
**   (?<a> … )            the units of role a (roles: a b c i p o k k2 n h m x)
**   ( … ) | ? * + {0,3}  grouping, alternatives and repetition of units
**   (?= … ) (?! … )      what must or must not follow
**   ^ $                  the start and the end of the sentence
**
** Spaces are free; nothing else is allowed, so a pattern always matches
** whole units.  {person} compiles to (?:<[^>P]*+[P][^>]*+>) where P is the
** byte of person (units.c), {verb light !negative} to
** (?:<(?=[^>V]*+[V])(?=[^>L]*+[L])[^N>]*+>).
** "builds" names what the match makes, per stage (rule_action): «actor»,
** «event initiator=a», «planned», «medium» …
**
** Limits: a pattern of at most RULE_PATTERN_MAX bytes, RULES_MAX rules in all;
** each match under PCRE2 match and depth limits (a pattern that backtracks
** too much fails that sentence, not the process).  A rule that does not
** compile is reported (data/tsv.h: tsv_reject) and fails the build.
**
** A rule is tried only on a sentence that has every category the rule cannot
** match without (its mandatory units): most rules need a word most
** sentences lack.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

#include "data/lexicon_data.h"
#include "data/tsv.h"
#include "extract_internal.h"

#define RULE_PATTERN_MAX 2048 /* bytes of a pattern as written */
#define RULES_MAX 512
#define RULE_NAME_MAX 48
#define MATCH_LIMIT 200000 /* PCRE2: backtracking steps of one match */
#define DEPTH_LIMIT 2000   /* PCRE2: nesting of one match */

/* What a sentence must have for a rule to match: every category of `all`,
** and one of each of the masks `any` (a unit written {a|b}). */
#define NEEDS_ANY 6
typedef struct rule_needs {
  cat_mask all;
  cat_mask any[NEEDS_ANY];
  int n_any;
} rule_needs;

struct rule {
  char name[RULE_NAME_MAX];
  rule_stage stage;
  rule_action action;
  int arg;            /* ACT_STATUS: the status, -1 for none */
  int initiator_role; /* the role that initiated, or -1 */
  int sides_told;     /* event rules: the sides are those of the contact told
                      ** before (sides=told: «این درخواست را رد کرد») */
  int earlier;        /* status rules: the stage the contact was at before
                      ** («درخواست X را رد کرد»: requested), or -1 */
  int index;
  pcre2_code *re;
  rule_needs needs;   /* categories the rule cannot match without */
  int jitted;         /* compiled to machine code (not under valgrind) */
  /* the capture groups of each role (a role may stand in several
  ** alternatives), 0 after the last */
  unsigned char group[N_ROLES][4];
};

struct rule_set {
  rule *rules;
  int n;
  int first[N_STAGES + 1]; /* the rules of stage s are [first[s], first[s+1]) */
};

struct rule_matcher {
  pcre2_match_data *md;
  pcre2_match_context *mc;
};

static const char *const role_names[N_ROLES] = {"a", "b", "c", "i", "p", "o",
                                                "k", "k2", "n", "h", "m", "x"};
static const char *const stage_names[N_STAGES] = {"phrases", "actors", "lists", "events", "status",
                                                  "medium", "initiator", "clauses"};

/* ---- compiling a pattern --------------------------------------------------- */

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
                        cat_mask *groups, int *n_groups) {
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
      if (!skipped && compile_unit(p + i + 1, end - i - 2, &o, err, sizeof err, groups, &n_groups))
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
static void needs_of_rule(const char *p, size_t n, rule_needs *needs) {
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

/* Compile the pattern of a rule: PCRE2 source into o.  0 and err when the
** pattern is wrong. */
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
      if (!compile_unit(p + i + 1, len, o, err, cap, groups, &n_groups)) return 0;
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
            if ((size_t)(gt - (p + j + 2)) == strlen(role_names[r]) &&
                memcmp(p + j + 2, role_names[r], strlen(role_names[r])) == 0)
              found = 1;
          if (!found) {
            snprintf(err, cap, "unknown role '%.*s' (roles: a b c i p o k k2 n h m x)",
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

/* ---- "builds" ------------------------------------------------------------- */

static int word_is(const char *s, size_t n, const char *w) { return strlen(w) == n && !memcmp(s, w, n); }

static int role_of(const char *s, size_t n) {
  int r;
  for (r = 0; r < N_ROLES; r++)
    if (word_is(s, n, role_names[r])) return r;
  return -1;
}

/* Read the builds column for a rule of its stage; 0 and err when wrong. */
static int read_builds(rule *r, const char *s, size_t n, char *err, size_t cap) {
  static const char *const actor_actions[] = {"actor", "counterpart", "pronoun", "plural", "both",
                                              "state", "skip",        "shared",  "list"};
  size_t i = 0, j;
  const char *first;
  size_t first_n;
  while (i < n && is_space(s[i])) i++;
  for (j = i; j < n && !is_space(s[j]); j++) {
  }
  first = s + i;
  first_n = j - i;
  r->arg = 0;
  r->initiator_role = -1;
  r->earlier = -1;
  r->sides_told = 0;
  switch (r->stage) {
    case STAGE_PHRASES:
      if (!word_is(first, first_n, "merge")) {
        snprintf(err, cap, "builds '%.*s': a phrases rule builds merge", (int)first_n, first);
        return 0;
      }
      r->action = ACT_MERGE;
      break;
    case STAGE_ACTORS:
    case STAGE_LISTS: {
      int a;
      if (r->stage == STAGE_LISTS && word_is(first, first_n, "aside")) {
        r->action = ACT_ASIDE;
        break;
      }
      for (a = 0; a < 9 && !word_is(first, first_n, actor_actions[a]); a++) {
      }
      if (a == 9) {
        snprintf(err, cap, "builds '%.*s': actor, counterpart, pronoun, plural, both, state, skip, shared or list",
                 (int)first_n, first);
        return 0;
      }
      r->action = (rule_action)(ACT_ACTOR + a);
      break;
    }
    case STAGE_EVENTS:
      if (!word_is(first, first_n, "event")) {
        snprintf(err, cap, "builds '%.*s': an events rule builds an event", (int)first_n, first);
        return 0;
      }
      r->action = ACT_EVENT;
      break;
    case STAGE_STATUS:
      r->action = ACT_STATUS;
      if (word_is(first, first_n, "none")) {
        r->arg = -1;
      } else if ((r->arg = tamas_status_from_name(first, first_n)) < 0) {
        snprintf(err, cap, "builds '%.*s': a status (occurred, planned, …) or none", (int)first_n,
                 first);
        return 0;
      }
      break;
    case STAGE_MEDIUM:
    case STAGE_INITIATOR:
    case STAGE_CLAUSES: {
      static const char *const want[] = {"medium", "initiator", "boundary"};
      int k = r->stage - STAGE_MEDIUM;
      if (r->stage == STAGE_MEDIUM && word_is(first, first_n, "place")) {
        r->action = ACT_PLACE;
        break;
      }
      if (!word_is(first, first_n, want[k])) {
        snprintf(err, cap, "builds '%.*s': a %s rule builds %s", (int)first_n, first,
                 stage_names[r->stage], want[k]);
        return 0;
      }
      r->action = (rule_action)(ACT_MEDIUM + k);
      break;
    }
    default:
      return 0;
  }
  /* key=value arguments: initiator=ROLE; for medium, medium=NAME (the
  ** medium the wording itself says: «تماس گرفت» is a call) */
  for (i = j; i < n;) {
    const char *eq, *v;
    size_t key_n, v_n;
    while (i < n && is_space(s[i])) i++;
    if (i == n) break;
    for (j = i; j < n && !is_space(s[j]); j++) {
    }
    eq = memchr(s + i, '=', j - i);
    key_n = eq ? (size_t)(eq - (s + i)) : 0;
    v = eq ? eq + 1 : NULL;
    v_n = eq ? (size_t)(s + j - v) : 0;
    if (eq && word_is(s + i, key_n, "initiator") && (r->initiator_role = role_of(v, v_n)) >= 0) {
      i = j;
      continue;
    }
    if (eq && r->stage == STAGE_EVENTS && word_is(s + i, key_n, "sides") &&
        word_is(v, v_n, "told")) {
      r->sides_told = 1;
      i = j;
      continue;
    }
    if (eq && r->stage == STAGE_STATUS && word_is(s + i, key_n, "earlier") &&
        (r->earlier = tamas_status_from_name(v, v_n)) >= 0) {
      i = j;
      continue;
    }
    if (eq && r->stage == STAGE_MEDIUM && word_is(s + i, key_n, "medium") &&
        (r->arg = tamas_medium_from_name(v, v_n)) > 0) {
      i = j;
      continue;
    }
    snprintf(err, cap,
             "'%.*s': the arguments are initiator=ROLE, (event rules) sides=told, (status "
             "rules) earlier=STATUS and (medium rules) medium=NAME",
             (int)(j - i), s + i);
    return 0;
  }
  return 1;
}

/* ---- a rule --------------------------------------------------------------- */

/* The groups of each role, from the compiled pattern's table of names. */
static int read_groups(rule *r, char *err, size_t cap) {
  uint32_t count = 0, size = 0, i;
  PCRE2_SPTR table;
  pcre2_pattern_info(r->re, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(r->re, PCRE2_INFO_NAMEENTRYSIZE, &size);
  pcre2_pattern_info(r->re, PCRE2_INFO_NAMETABLE, &table);
  memset(r->group, 0, sizeof r->group);
  for (i = 0; i < count; i++) {
    PCRE2_SPTR e = table + i * size;
    int g = e[0] << 8 | e[1], role = role_of((const char *)e + 2, strlen((const char *)e + 2)), k;
    if (role < 0) continue; /* compile_pattern let only roles through */
    for (k = 0; k < 4 && r->group[role][k]; k++) {
    }
    if (k == 4 || g > 255) {
      snprintf(err, cap, "role %s stands in more than 4 places", role_names[role]);
      return 0;
    }
    r->group[role][k] = (unsigned char)g;
  }
  return 1;
}

static int compile_rule(rule *r, rule_stage stage, const char *name, size_t name_n,
                        const char *pattern, size_t pattern_n, const char *builds,
                        size_t builds_n, char *err, size_t cap) {
  char src[RULE_PATTERN_MAX * 8];
  out_buf o = {src, 0, sizeof src, 0};
  int code;
  PCRE2_SIZE at;
  memset(r, 0, sizeof *r);
  r->stage = stage;
  if (name_n == 0 || name_n >= RULE_NAME_MAX) {
    snprintf(err, cap, "a name of 1 to %d bytes is needed", RULE_NAME_MAX - 1);
    return 0;
  }
  memcpy(r->name, name, name_n);
  if (pattern_n == 0 || pattern_n > RULE_PATTERN_MAX) {
    snprintf(err, cap, "a pattern of 1 to %d bytes is needed", RULE_PATTERN_MAX);
    return 0;
  }
  src[0] = 0;
  if (!compile_pattern(pattern, pattern_n, &o, err, cap)) return 0;
  needs_of_rule(pattern, pattern_n, &r->needs);
  if (!read_builds(r, builds, builds_n, err, cap)) return 0;
  r->re = pcre2_compile((PCRE2_SPTR)src, o.len, PCRE2_NO_AUTO_CAPTURE | PCRE2_DUPNAMES, &code,
                        &at, NULL);
  if (!r->re) {
    PCRE2_UCHAR msg[120];
    pcre2_get_error_message(code, msg, sizeof msg);
    snprintf(err, cap, "PCRE2: %s", (const char *)msg);
    return 0;
  }
  /* Without JIT the pattern is interpreted: same matches, slower. Under
   * valgrind the JIT's machine code reads its own stack in ways memcheck
   * cannot follow (PCRE2 is not built with --enable-valgrind), so there the
   * interpreter runs. */
  r->jitted = !RUNNING_ON_VALGRIND && pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE) == 0;
  if (!read_groups(r, err, cap)) {
    pcre2_code_free(r->re);
    r->re = NULL;
    return 0;
  }
  if (r->initiator_role >= 0 && !r->group[r->initiator_role][0]) {
    snprintf(err, cap, "initiator=%s, but the pattern has no role %s",
             role_names[r->initiator_role], role_names[r->initiator_role]);
    pcre2_code_free(r->re);
    r->re = NULL;
    return 0;
  }
  return 1;
}

void rules_free(rule_set *rs) {
  int i;
  if (!rs) return;
  for (i = 0; i < rs->n; i++) pcre2_code_free(rs->rules[i].re);
  free(rs->rules);
  free(rs);
}

/* Is there a rule of that name in rs already? */
static int rule_named(const rule_set *rs, const char *name, size_t n) {
  int i;
  for (i = 0; i < rs->n; i++)
    if (strlen(rs->rules[i].name) == n && !memcmp(rs->rules[i].name, name, n)) return 1;
  return 0;
}

/* Add the rules of one file (text) to rs as stage `stage`.  With r (a
** reader of the built-in file) a bad row is reported and skipped; without,
** it is an error in err. */
static int add_file(rule_set *rs, rule_stage stage, const char *file, const char *text,
                    size_t len, char *err, size_t cap) {
  tsv_reader r;
  tsv_open(&r, file, text, len);
  while (tsv_next(&r)) {
    char why[200];
    rule *nr;
    if (rs->n == RULES_MAX) {
      snprintf(why, sizeof why, "more than %d rules", RULES_MAX);
    } else if (r.nfields < 3) {
      snprintf(why, sizeof why, "name, pattern and builds are needed");
    } else if (rule_named(rs, r.field[0], r.len[0])) {
      /* a name stands for one rule: in the rules column of a row, in tests */
      snprintf(why, sizeof why, "a rule named '%.*s' is already defined: names must be unique",
               (int)(r.len[0] < RULE_NAME_MAX ? r.len[0] : RULE_NAME_MAX), r.field[0]);
    } else {
      nr = &rs->rules[rs->n];
      if (compile_rule(nr, stage, r.field[0], r.len[0], r.field[1], r.len[1], r.field[2],
                       r.len[2], why, sizeof why)) {
        nr->index = rs->n++;
        continue;
      }
    }
    if (err) {
      snprintf(err, cap, "%s:%d: %s", file, r.line, why);
      return 0;
    }
    tsv_reject(&r, "%s", why);
  }
  return 1;
}

static rule_set *new_set(void) {
  rule_set *rs = calloc(1, sizeof *rs);
  if (rs && !(rs->rules = calloc(RULES_MAX, sizeof *rs->rules))) {
    free(rs);
    return NULL;
  }
  return rs;
}

rule_set *rules_compile_text(rule_stage stage, const char *text, size_t len, char *err,
                             size_t cap) {
  rule_set *rs = new_set();
  int s;
  if (!rs) {
    snprintf(err, cap, "out of memory");
    return NULL;
  }
  for (s = 0; s <= N_STAGES; s++) rs->first[s] = 0;
  if (!add_file(rs, stage, stage_names[stage], text, len, err, cap)) {
    rules_free(rs);
    return NULL;
  }
  for (s = stage + 1; s <= N_STAGES; s++) rs->first[s] = rs->n;
  return rs;
}

static rule_set *builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void build_builtin(void) {
  const struct {
    const char *file, *data;
    uint32_t size;
  } files[N_STAGES] = {
      {"phrases.tsv", tamas_rules_phrases, tamas_rules_phrases_size},
      {"actors.tsv", tamas_rules_actors, tamas_rules_actors_size},
      {"lists.tsv", tamas_rules_lists, tamas_rules_lists_size},
      {"events.tsv", tamas_rules_events, tamas_rules_events_size},
      {"status.tsv", tamas_rules_status, tamas_rules_status_size},
      {"medium.tsv", tamas_rules_medium, tamas_rules_medium_size},
      {"initiator.tsv", tamas_rules_initiator, tamas_rules_initiator_size},
      {"clauses.tsv", tamas_rules_clauses, tamas_rules_clauses_size},
  };
  rule_set *rs = new_set();
  int s;
  if (!rs) return;
  for (s = 0; s < N_STAGES; s++) {
    rs->first[s] = rs->n;
    add_file(rs, (rule_stage)s, files[s].file, files[s].data, files[s].size, NULL, 0);
  }
  rs->first[N_STAGES] = rs->n;
  builtin = rs;
}

const rule_set *rules_builtin(void) {
  pthread_once(&builtin_once, build_builtin);
  return builtin;
}

__attribute__((destructor)) static void free_builtin(void) {
  rules_free(builtin);
  builtin = NULL;
}

/* ---- matching ------------------------------------------------------------- */

rule_matcher *rule_matcher_new(void) {
  rule_matcher *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->md = pcre2_match_data_create(256, NULL);
  m->mc = pcre2_match_context_create(NULL);
  if (!m->md || !m->mc) {
    rule_matcher_free(m);
    return NULL;
  }
  pcre2_set_match_limit(m->mc, MATCH_LIMIT);
  pcre2_set_depth_limit(m->mc, DEPTH_LIMIT);
  return m;
}

void rule_matcher_free(rule_matcher *m) {
  if (!m) return;
  pcre2_match_data_free(m->md);
  pcre2_match_context_free(m->mc);
  free(m);
}

static int has_needs(const cat_mask *all, const rule_needs *needs) {
  int k;
  if (!cat_all(all, &needs->all)) return 0;
  for (k = 0; k < needs->n_any; k++)
    if (!cat_any(all, &needs->any[k])) return 0;
  return 1;
}

/* The unit that starts at offset `at` (a '<'), or the count at the end. */
static int unit_at(const tagged *t, size_t at) { return at >= t->len ? t->n : t->unit_at[at]; }

int rules_may_match(const rule_set *rs, rule_stage stage, const tagged *t, const cat_mask *to_come) {
  cat_mask all = t->all;
  int i;
  if (to_come) cat_or(&all, to_come);
  for (i = rs ? rs->first[stage] : 0; rs && i < rs->first[stage + 1]; i++)
    if (has_needs(&all, &rs->rules[i].needs)) return 1;
  return 0;
}

int rules_match(const rule_set *rs, rule_stage stage, const tagged *t, rule_matcher *m,
                rule_match *out, int max) {
  int i, n = 0;
  if (!rs || !m) return 0;
  for (i = rs->first[stage]; i < rs->first[stage + 1] && n < max; i++) {
    const rule *r = &rs->rules[i];
    size_t from = 0;
    if (!has_needs(&t->all, &r->needs)) continue; /* a category it needs is not there */
    while (from < t->len && n < max) {
      PCRE2_SIZE *ov;
      rule_match *rm;
      /* the JIT's own entry skips the checks pcre2_match makes on each call */
      int rc = r->jitted ? pcre2_jit_match(r->re, (PCRE2_SPTR)t->tags, t->len, from, 0, m->md, m->mc)
                         : pcre2_match(r->re, (PCRE2_SPTR)t->tags, t->len, from, 0, m->md, m->mc),
          k;
      if (rc < 0) break; /* no match, or a limit reached: the rule gives up here */
      ov = pcre2_get_ovector_pointer(m->md);
      rm = &out[n++];
      rm->r = r;
      rm->u0 = unit_at(t, ov[0]);
      rm->u1 = unit_at(t, ov[1]);
      for (k = 0; k < N_ROLES; k++) {
        int j, g;
        rm->role[k][0] = rm->role[k][1] = -1;
        for (j = 0; j < 4 && (g = r->group[k][j]); j++)
          if (g < rc && ov[2 * g] != PCRE2_UNSET) { /* the alternative that matched */
            rm->role[k][0] = unit_at(t, ov[2 * g]);
            rm->role[k][1] = unit_at(t, ov[2 * g + 1]);
            break;
          }
      }
      /* the next match may start at the next unit: matches may overlap */
      from = ov[0] + 1;
      while (from < t->len && t->tags[from] != '<') from++;
    }
  }
  return n;
}

__thread void (*extract_rule_fired)(const char *name);

void rule_list_add(char *list, size_t cap, const char *name, size_t n) {
  size_t len = strlen(list);
  const char *p = list;
  while (*p) { /* each name once */
    const char *comma = strchr(p, ',');
    size_t k = comma ? (size_t)(comma - p) : strlen(p);
    if (k == n && !memcmp(p, name, n)) return;
    p += k + (comma != NULL);
  }
  if (n == 0 || len + n + 2 > cap) return;
  if (len) list[len++] = ',';
  memcpy(list + len, name, n);
  list[len + n] = 0;
}

const char *rule_name(const rule *r) { return r->name; }
rule_action rule_action_of(const rule *r) { return r->action; }
int rule_arg(const rule *r) { return r->arg; }
int rule_initiator_role(const rule *r) { return r->initiator_role; }
int rule_earlier_status(const rule *r) { return r->earlier; }
int rule_sides_told(const rule *r) { return r->sides_told; }
int rule_index(const rule *r) { return r->index; }
int rules_count(const rule_set *rs) { return rs ? rs->n : 0; }
const rule *rules_at(const rule_set *rs, int i) { return rs && i >= 0 && i < rs->n ? &rs->rules[i] : NULL; }
