/*
** rules.c — the extraction rules of sql/rules/, one file per stage of the
** cascade, compiled once per process to PCRE2 regular expressions over the
** category string of a sentence (units.c), and matched there.
**
** A rule file is TSV: name, pattern, builds.  A pattern is written over
** units, a unit being a set of categories (rule_pattern.c has the language):
**
**   office_of_state   (?<o>{office}) (?<k>{country|adjective})   actor
**
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
** sentences lack.  And it is tried only at the units where a match may start
** (pattern_starts: «{honorific}* {person}» at an honorific or a person),
** anchored there, not searched for across the sentence.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stddef.h>
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
#include "rule_pattern.h"

#define RULE_PATTERN_MAX 2048 /* bytes of a pattern as written */
#define RULES_MAX 512
#define RULE_NAME_MAX 48
#define MATCH_LIMIT 200000 /* PCRE2: backtracking steps of one match */
#define DEPTH_LIMIT 2000   /* PCRE2: nesting of one match */
/* The start tests of all rules are kept once in the set (start_test.test:
** the index there): rules_match finds the units that pass a test once per
** tag string, for all the rules that have it. */
#define START_TESTS_MAX 256
#define UNIT_WORDS ((MAX_UNITS + 63) / 64) /* a bit for each unit */

static int is_space(char c) { return c == ' ' || c == '\t'; }

/* A test of a rule's starts: its index in the set's tests (-1: the match
** starts at the sentence's first unit), and the distance [lo, hi]. */
typedef struct start_ref {
  int16_t test, lo;
  int32_t hi;
} start_ref;

struct rule {
  /* what matching reads for every sentence first, together */
  rule_needs needs;   /* categories the rule cannot match without */
  int n_cond;         /* where a match may start: all of the conditions hold, */
  unsigned char n_refs[START_CONDS]; /* … one of the tests of each (none: anywhere) */
  start_ref cond[START_CONDS][STARTS_MAX];
  pcre2_code *re;
  int jitted;         /* compiled to machine code (not under valgrind) */
  /* the capture groups of each role (a role may stand in several
  ** alternatives), 0 after the last; the roles that have one */
  unsigned char group[N_ROLES][4];
  unsigned char roles[N_ROLES];
  int n_roles;
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
};

struct rule_set {
  rule *rules;
  int n;
  start_test *tests; /* the distinct start tests of the rules */
  int n_tests;
  unsigned long id; /* a number no other set of the process has */
  int first[N_STAGES + 1]; /* the rules of stage s are [first[s], first[s+1]) */
};

struct rule_matcher {
  pcre2_match_data *md;
  PCRE2_SIZE *ov; /* md's offsets */
  pcre2_match_context *mc;
  unsigned long set; /* the rule set whose tests it keeps */
  /* the units that pass each start test, for the tag string t->version,
  ** found from the units of each category the sentence has (`with`); the
  ** bits are read only where their version says they were written, so only
  ** what comes before them is cleared (a matcher is made per article) */
  unsigned long version[START_TESTS_MAX];
  unsigned long with_version;
  uint64_t passing[START_TESTS_MAX][UNIT_WORDS];
  uint64_t with[CAT_MAX][UNIT_WORDS];
};

static const char *const stage_names[N_STAGES] = {"phrases", "actors", "lists", "events", "status",
                                                  "medium", "initiator", "clauses"};

/* ---- "builds" ------------------------------------------------------------- */

static int word_is(const char *s, size_t n, const char *w) { return strlen(w) == n && !memcmp(s, w, n); }

static int role_of(const char *s, size_t n) {
  int r;
  for (r = 0; r < N_ROLES; r++)
    if (word_is(s, n, rule_role_names[r])) return r;
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
      snprintf(err, cap, "role %s stands in more than 4 places", rule_role_names[role]);
      return 0;
    }
    r->group[role][k] = (unsigned char)g;
  }
  r->n_roles = 0;
  for (i = 0; i < N_ROLES; i++)
    if (r->group[i][0]) r->roles[r->n_roles++] = (unsigned char)i;
  return 1;
}

static int intern_starts(rule_set *rs, rule *r, const start_any *cond, int n);

/* Rule r of rs from its fields: 0 and err when one is wrong. */
static int compile_rule(rule_set *rs, rule *r, rule_stage stage, const char *name, size_t name_n,
                        const char *pattern, size_t pattern_n, const char *builds,
                        size_t builds_n, char *err, size_t cap) {
  char src[RULE_PATTERN_MAX * 8];
  size_t src_len;
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
  if (!pattern_to_pcre2(pattern, pattern_n, src, sizeof src, &src_len, err, cap)) return 0;
  pattern_needs(pattern, pattern_n, &r->needs);
  if (!read_builds(r, builds, builds_n, err, cap)) return 0;
  /* a rule with starts is matched only there, anchored (rules_match) */
  {
    start_any cond[START_CONDS];
    int n = pattern_starts(pattern, pattern_n, cond);
    r->n_cond = intern_starts(rs, r, cond, n) ? n : 0;
  }
  r->re = pcre2_compile((PCRE2_SPTR)src, src_len,
                        PCRE2_NO_AUTO_CAPTURE | PCRE2_DUPNAMES | (r->n_cond ? PCRE2_ANCHORED : 0),
                        &code, &at, NULL);
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
             rule_role_names[r->initiator_role], rule_role_names[r->initiator_role]);
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
  free(rs->tests);
  free(rs);
}

/* Is there a rule of that name in rs already? */
static int rule_named(const rule_set *rs, const char *name, size_t n) {
  int i;
  for (i = 0; i < rs->n; i++)
    if (strlen(rs->rules[i].name) == n && !memcmp(rs->rules[i].name, name, n)) return 1;
  return 0;
}

static int same_test(const start_test *a, const start_test *b) {
  int g;
  if (a->n_any != b->n_any || memcmp(&a->none, &b->none, sizeof a->none)) return 0;
  for (g = 0; g < a->n_any; g++)
    if (memcmp(&a->any[g], &b->any[g], sizeof a->any[g])) return 0;
  return 1;
}

/* The n conditions of r's starts as references to rs->tests, each test
** added there if new; 0 when the table is full (the rule is then searched
** unanchored). */
static int intern_starts(rule_set *rs, rule *r, const start_any *cond, int n) {
  int c, k, j;
  for (c = 0; c < n; c++) {
    r->n_refs[c] = (unsigned char)cond[c].n;
    for (k = 0; k < cond[c].n; k++) {
      const start_test *t = &cond[c].t[k];
      start_ref *ref = &r->cond[c][k];
      if (t->lo > INT16_MAX) return 0;
      ref->lo = (int16_t)t->lo;
      ref->hi = t->hi;
      ref->test = -1;
      if (t->at_start) continue;
      for (j = 0; j < rs->n_tests && !same_test(&rs->tests[j], t); j++) {
      }
      if (j == rs->n_tests) {
        if (j == START_TESTS_MAX) return 0;
        rs->tests[rs->n_tests++] = *t;
      }
      ref->test = (int16_t)j;
    }
  }
  return 1;
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
      if (compile_rule(rs, nr, stage, r.field[0], r.len[0], r.field[1], r.len[1], r.field[2],
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

static unsigned long sets_made;

static rule_set *new_set(void) {
  rule_set *rs = calloc(1, sizeof *rs);
  if (rs && (!(rs->rules = calloc(RULES_MAX, sizeof *rs->rules)) ||
             !(rs->tests = calloc(START_TESTS_MAX, sizeof *rs->tests)))) {
    free(rs->rules);
    free(rs);
    return NULL;
  }
  if (rs) rs->id = __atomic_add_fetch(&sets_made, 1, __ATOMIC_RELAXED);
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
  rule_matcher *m = malloc(sizeof *m);
  if (!m) return NULL;
  memset(m, 0, offsetof(rule_matcher, passing));
  m->md = pcre2_match_data_create(256, NULL);
  if (m->md) m->ov = pcre2_get_ovector_pointer(m->md);
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

/* The unit at offset `at` of the string (a match's bounds are at a '<'), or
** the count at the end. */
static int unit_at(const tagged *t, size_t at) {
  int lo = 0, hi = t->n; /* the last unit whose '<' is at or before `at` */
  if (at >= t->len) return t->n;
  while (hi - lo > 1) {
    int mid = (lo + hi) / 2;
    if (t->unit_off[mid] <= at) lo = mid;
    else hi = mid;
  }
  return lo;
}

int rules_may_match(const rule_set *rs, rule_stage stage, const tagged *t, const cat_mask *to_come) {
  cat_mask all = t->all;
  int i;
  if (to_come) cat_or(&all, to_come);
  for (i = rs ? rs->first[stage] : 0; rs && i < rs->first[stage + 1]; i++)
    if (has_needs(&all, &rs->rules[i].needs)) return 1;
  return 0;
}

/* The units of each category of t, once per tag string. */
static void units_with(const tagged *t, rule_matcher *m) {
  int u, k, words = (t->n + 63) / 64;
  if (m->with_version == t->version) return;
  for (k = 0; k < 2; k++)
    for (uint64_t b = t->all.w[k]; b; b &= b - 1)
      memset(m->with[64 * k + __builtin_ctzll(b)], 0, sizeof(uint64_t) * (size_t)words);
  for (u = 0; u < t->n; u++)
    for (k = 0; k < 2; k++)
      for (uint64_t b = t->units[u].cats.w[k]; b; b &= b - 1)
        m->with[64 * k + __builtin_ctzll(b)][u >> 6] |= (uint64_t)1 << (u & 63);
  m->with_version = t->version;
}

/* The units of t with one of the categories of x, or'ed into out. */
static void units_with_any(const tagged *t, const rule_matcher *m, const cat_mask *x, uint64_t *out) {
  int k, w, words = (t->n + 63) / 64;
  for (k = 0; k < 2; k++)
    for (uint64_t b = x->w[k] & t->all.w[k]; b; b &= b - 1)
      for (w = 0; w < words; w++) out[w] |= m->with[64 * k + __builtin_ctzll(b)][w];
}

/* The units that pass start test k of rs, once per tag string. */
static const uint64_t *passing(const rule_set *rs, int k, const tagged *t, rule_matcher *m) {
  const start_test *st = &rs->tests[k];
  uint64_t *bits = m->passing[k], one[UNIT_WORDS], none[UNIT_WORDS];
  int g, w, words = (t->n + 63) / 64;
  if (m->version[k] == t->version) return bits;
  units_with(t, m);
  m->version[k] = t->version;
  memset(none, 0, sizeof none);
  units_with_any(t, m, &st->none, none);
  for (w = 0; w < words; w++) bits[w] = ~none[w];
  for (g = 0; g < st->n_any; g++) {
    memset(one, 0, sizeof one);
    units_with_any(t, m, &st->any[g], one);
    for (w = 0; w < words; w++) bits[w] &= one[w];
  }
  return bits;
}

/* The units lo to hi (START_FAR: any distance from lo) before a unit of
** `bits`, for a sentence of one word of units (64 or fewer). */
static uint64_t before_one(uint64_t bits, int lo, int hi) {
  uint64_t out = 0;
  int d;
  if (hi >= START_FAR) { /* those at least lo before the last */
    d = bits ? 63 - __builtin_clzll(bits) - lo : -1;
    return d < 0 ? 0 : d >= 63 ? ~(uint64_t)0 : ((uint64_t)2 << d) - 1;
  }
  for (d = lo; d <= hi && d < 64; d++) out |= bits >> d;
  return out;
}

/* … and for a sentence of any length, or'ed into out. */
static void before(const uint64_t *bits, int words, int lo, int hi, uint64_t *out) {
  int w, d;
  if (hi >= START_FAR) {
    int last = -1;
    for (w = words - 1; w >= 0 && last < 0; w--)
      if (bits[w]) last = 64 * w + 63 - __builtin_clzll(bits[w]);
    for (d = last - lo, w = 0; d >= 0; d -= 64, w++) /* bits 0 … last - lo */
      out[w] |= d >= 63 ? ~(uint64_t)0 : ((uint64_t)2 << d) - 1;
    return;
  }
  for (d = lo; d <= hi; d++) { /* out |= bits >> d */
    int whole = d >> 6, part = d & 63;
    for (w = 0; w + whole < words; w++) {
      uint64_t v = bits[w + whole] >> part;
      if (part && w + whole + 1 < words) v |= bits[w + whole + 1] << (64 - part);
      out[w] |= v;
    }
  }
}

/* The units where a match of r may start, as bits of `at`: those that meet
** each of its conditions.  Most sentences have 64 units or fewer: one word. */
static void may_start(const rule_set *rs, const rule *r, const tagged *t, rule_matcher *m,
                      uint64_t *at) {
  int c, k, w, words = (t->n + 63) / 64;
  if (words == 1) {
    uint64_t one_word = ~(uint64_t)0;
    for (c = 0; c < r->n_cond && one_word; c++) {
      uint64_t one = 0;
      for (k = 0; k < r->n_refs[c]; k++) {
        const start_ref *st = &r->cond[c][k];
        one |= st->test < 0 ? 1 : before_one(passing(rs, st->test, t, m)[0], st->lo, st->hi);
      }
      one_word &= one;
    }
    at[0] = one_word;
    return;
  }
  for (c = 0; c < r->n_cond; c++) {
    uint64_t one[UNIT_WORDS];
    memset(one, 0, sizeof one);
    for (k = 0; k < r->n_refs[c]; k++) {
      const start_ref *st = &r->cond[c][k];
      if (st->test < 0) one[0] |= 1;
      else before(passing(rs, st->test, t, m), words, st->lo, st->hi, one);
    }
    for (w = 0; w < words; w++) at[w] = c ? at[w] & one[w] : one[w];
  }
}

/* One match of r at `from` or after (anchored: exactly there); its count
** of groups, or < 0. */
static int match_once(const rule *r, const pcre2_code *re, const tagged *t, size_t from, rule_matcher *m) {
  /* the JIT's own entry skips the checks pcre2_match makes on each call */
  return r->jitted ? pcre2_jit_match(re, (PCRE2_SPTR)t->tags, t->len, from, 0, m->md, m->mc)
                   : pcre2_match(re, (PCRE2_SPTR)t->tags, t->len, from, 0, m->md, m->mc);
}

static void note_match(const rule *r, const tagged *t, rule_matcher *m, int rc, rule_match *rm) {
  const PCRE2_SIZE *ov = m->ov;
  int i;
  rm->r = r;
  rm->u0 = unit_at(t, ov[0]);
  rm->u1 = unit_at(t, ov[1]);
  memset(rm->role, 0xff, sizeof rm->role); /* -1: not in the match */
  for (i = 0; i < r->n_roles; i++) {
    int k = r->roles[i], j, g;
    for (j = 0; j < 4 && (g = r->group[k][j]); j++)
      if (g < rc && ov[2 * g] != PCRE2_UNSET) { /* the alternative that matched */
        rm->role[k][0] = unit_at(t, ov[2 * g]);
        rm->role[k][1] = unit_at(t, ov[2 * g + 1]);
        break;
      }
  }
}

__thread int rules_try_every_unit;

/* The matches of r that start at the units of `at`, anchored there, into
** out[n…max); the new n. */
static int match_at(const rule *r, const tagged *t, rule_matcher *m, uint64_t *at,
                    rule_match *out, int n, int max) {
  int w, words = (t->n + 63) / 64;
  if (t->n % 64) at[words - 1] &= ((uint64_t)1 << (t->n % 64)) - 1; /* no unit there */
  for (w = 0; w < words && n < max; w++)
    while (at[w] && n < max) {
      int u = 64 * w + __builtin_ctzll(at[w]), rc;
      at[w] &= at[w] - 1;
      if ((rc = match_once(r, r->re, t, t->unit_off[u], m)) >= 0) note_match(r, t, m, rc, &out[n++]);
    }
  return n;
}

/* The matches of r searched for across the sentence (a rule with no
** starts), into out[n…max); the new n. */
static int match_anywhere(const rule *r, const tagged *t, rule_matcher *m, rule_match *out,
                          int n, int max) {
  size_t from = 0;
  while (from < t->len && n < max) {
    int rc = match_once(r, r->re, t, from, m);
    if (rc < 0) break; /* no match, or a limit reached: the rule gives up here */
    note_match(r, t, m, rc, &out[n++]);
    /* the next match may start at the next unit: matches may overlap */
    from = m->ov[0] + 1;
    while (from < t->len && t->tags[from] != '<') from++;
  }
  return n;
}

int rules_match(const rule_set *rs, rule_stage stage, const tagged *t, rule_matcher *m,
                rule_match *out, int max) {
  int i, n = 0;
  if (!rs || !m) return 0;
  if (m->set != rs->id) { /* what the matcher kept is of another set's tests */
    memset(m->version, 0, sizeof m->version);
    m->with_version = 0;
    m->set = rs->id;
  }
  for (i = rs->first[stage]; i < rs->first[stage + 1] && n < max; i++) {
    const rule *r = &rs->rules[i];
    uint64_t at[UNIT_WORDS];
    if (!has_needs(&t->all, &r->needs)) continue; /* a category it needs is not there */
    if (!r->n_cond) {
      n = match_anywhere(r, t, m, out, n, max);
      continue;
    }
    if (rules_try_every_unit) memset(at, 0xff, sizeof at);
    else may_start(rs, r, t, m, at);
    n = match_at(r, t, m, at, out, n, max);
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
