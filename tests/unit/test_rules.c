/*
** test_rules.c — every rule of sql/rules/ on the example sentences of
** tests/rules/ (one TSV file per stage), written for it.
**
** A row: rule, published, sentence, expected.  The sentence goes through
** tamas_extract (with the publication day, or none for '-'); its events, as
** "status medium actor1 | actor2 date initiator[ @place]" sorted and joined by " ; ",
** must equal `expected` ('-' for none).  A rule written «name» must be one of
** the rules that made the events (tamas_event.rules) or that matched at all
** (the clauses of a date); written «!name», it must not have fired: a
** counter-example.  Then:
**   - every rule of sql/rules/ has at least two examples and a counter-example;
**   - each example gives the same events written without ZWNJ, with Arabic
**     ي and ك, and with its digits in the other script (Persian ↔ ASCII).
** Run from the repository root (tests/run.sh does); `make test T=rules`.
** With an argument, only the rows of that rule are run and every row is
** printed (for writing examples).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "extract/extract_internal.h"
#include "extract/rule_pattern.h"
#include "tamas.h"

#define ROW_MAX 4096

/* The rules that fired while a text was read (extract.c calls the hook). */
static char fired[8192];
static void note_fired(const char *name) {
  size_t n = strlen(fired), k = strlen(name);
  if (n + k + 2 < sizeof fired) {
    fired[n] = ',';
    memcpy(fired + n + 1, name, k + 1);
  }
}

static int has_name(const char *list, const char *name) {
  size_t k = strlen(name);
  const char *p = list;
  while ((p = strstr(p, name)) != NULL) {
    if ((p == list || p[-1] == ',') && (p[k] == ',' || p[k] == 0)) return 1;
    p += k;
  }
  return 0;
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The events of a sentence as one line, and the rules that made them. */
static void events_of(const char *text, const char *published, char *out, size_t cap,
                      char *rules, size_t rules_cap) {
  tamas_extraction x;
  char *lines[64];
  size_t i, n = 0, len = 0;
  fired[0] = 0;
  extract_rule_fired = note_fired;
  out[0] = 0;
  rules[0] = 0;
  if (!tamas_extract(text, strlen(text), published, NULL, &x)) {
    snprintf(out, cap, "(out of memory)");
    return;
  }
  extract_rule_fired = NULL;
  for (i = 0; i < x.n_events && n < 64; i++) {
    const tamas_event *e = &x.events[i];
    char date[11] = "-";
    if (e->date) tamas_jdn_to_iso(e->date, date);
    lines[n] = malloc(512);
    if (!lines[n]) break;
    snprintf(lines[n], 512, "%s %s %s | %s %s %s%s%s", tamas_status_name(e->status),
             tamas_medium_name(e->medium), e->actor[0].name, e->actor[1].name, date,
             e->initiator[0] ? e->initiator : "-", e->place[0] ? " @" : "", e->place);
    n++;
    if (strlen(rules) + strlen(e->rules) + 2 < rules_cap) {
      strcat(rules, ",");
      strcat(rules, e->rules);
    }
  }
  qsort(lines, n, sizeof *lines, compare_strings);
  for (i = 0; i < n; i++) {
    int k = snprintf(out + len, cap - len, "%s%s", i ? " ; " : "", lines[i]);
    if (k > 0 && (size_t)k < cap - len) len += (size_t)k;
    free(lines[i]);
  }
  if (n == 0) snprintf(out, cap, "-");
  if (strlen(rules) + strlen(fired) + 1 < rules_cap) strcat(rules, fired);
  tamas_extraction_free(&x);
}

/* The sentence written another way: 0 without ZWNJ, 1 with Arabic yeh and
** kaf, 2 with its digits in the other script. */
static void respell(const char *s, int how, char *out, size_t cap) {
  static const char *const pairs[3][4] = {
      {"\xe2\x80\x8c", "", NULL, NULL},                       /* ZWNJ */
      {"\xdb\x8c", "\xd9\x8a", "\xda\xa9", "\xd9\x83"},       /* ی→ي, ک→ك */
      {NULL, NULL, NULL, NULL}};
  size_t len = 0;
  while (*s && len + 4 < cap) {
    const unsigned char *u = (const unsigned char *)s;
    int done = 0, k;
    if (how == 2) { /* ۰-۹ ↔ 0-9 */
      if (u[0] == 0xdb && u[1] >= 0xb0 && u[1] <= 0xb9) {
        out[len++] = (char)('0' + (u[1] - 0xb0));
        s += 2;
        continue;
      }
      if (*s >= '0' && *s <= '9') {
        out[len++] = (char)0xdb;
        out[len++] = (char)(0xb0 + (*s - '0'));
        s++;
        continue;
      }
    } else {
      for (k = 0; k < 4 && pairs[how][k]; k += 2) {
        size_t n = strlen(pairs[how][k]);
        if (strncmp(s, pairs[how][k], n) == 0) {
          size_t m = strlen(pairs[how][k + 1]);
          memcpy(out + len, pairs[how][k + 1], m);
          len += m;
          s += n;
          done = 1;
          break;
        }
      }
      if (done) continue;
    }
    out[len++] = *s++;
  }
  out[len] = 0;
}

/* Examples seen of each rule: positive, counter. */
static int seen_pos[1024], seen_neg[1024];

static int rule_number(const char *name) {
  const rule_set *rs = rules_builtin();
  int i;
  for (i = 0; i < rules_count(rs); i++)
    if (strcmp(rule_name(rules_at(rs, i)), name) == 0) return i;
  return -1;
}

/* Split a TSV line into at most 4 fields in place. */
static int fields(char *line, char **f) {
  int n = 0;
  char *p = line;
  while (n < 4) {
    char *tab = strchr(p, '\t');
    f[n++] = p;
    if (!tab) break;
    *tab = 0;
    p = tab + 1;
  }
  return n;
}

static void run_file(const char *path, const char *only) {
  FILE *in = fopen(path, "r");
  char line[ROW_MAX], got[ROW_MAX], rules[16384], variant[ROW_MAX];
  int lineno = 0, header = 0;
  if (!in) {
    fprintf(stderr, "%s: cannot open\n", path);
    CHECK(0);
    return;
  }
  while (fgets(line, sizeof line, in)) {
    char *f[4], *name;
    int n, neg, r, how;
    const char *published;
    lineno++;
    line[strcspn(line, "\r\n")] = 0;
    if (!line[0] || line[0] == '#') continue;
    if (!header++) continue;
    n = fields(line, f);
    if (n < 4) {
      fprintf(stderr, "%s:%d: rule, published, sentence and expected are needed\n", path, lineno);
      CHECK(0);
      continue;
    }
    neg = f[0][0] == '!';
    name = f[0] + neg;
    if (only && strcmp(only, name) != 0) continue;
    if ((r = rule_number(name)) < 0) {
      fprintf(stderr, "%s:%d: no rule '%s' in sql/rules/\n", path, lineno, name);
      CHECK(0);
      continue;
    }
    published = strcmp(f[1], "-") == 0 ? NULL : f[1];
    events_of(f[2], published, got, sizeof got, rules, sizeof rules);
    if (only) printf("%s%s\t%s\n  got  %s\n  want %s\n  rules %s\n", neg ? "!" : "", name, f[2], got, f[3],
                     rules);
    if (strcmp(got, f[3]) != 0) {
      fprintf(stderr, "%s:%d: %s\n  got  %s\n  want %s\n", path, lineno, f[2], got, f[3]);
      CHECK(0);
      continue;
    }
    if (neg == has_name(rules, name)) {
      fprintf(stderr, "%s:%d: rule %s %s: %s\n  rules: %s\n", path, lineno, name,
              neg ? "fired on its counter-example" : "did not fire", f[2], rules);
      CHECK(0);
      continue;
    }
    CHECK(1);
    if (neg) seen_neg[r]++;
    else seen_pos[r]++;
    { /* the rules tried at every unit, not only where a match may start: the same */
      char everywhere[ROW_MAX], every_rules[16384];
      rules_try_every_unit = 1;
      events_of(f[2], published, everywhere, sizeof everywhere, every_rules, sizeof every_rules);
      rules_try_every_unit = 0;
      if (strcmp(everywhere, got) != 0 || strcmp(every_rules, rules) != 0) {
        fprintf(stderr, "%s:%d: tried at every unit, the rules give other events\n  got  %s\n  want %s\n",
                path, lineno, everywhere, got);
        CHECK(0);
      } else {
        CHECK(1);
      }
    }
    for (how = 0; how < 3; how++) {
      char again[ROW_MAX];
      respell(f[2], how, variant, sizeof variant);
      events_of(variant, published, again, sizeof again, rules, sizeof rules);
      if (strcmp(again, got) != 0) {
        static const char *const ways[] = {"without ZWNJ", "with Arabic yeh and kaf",
                                           "with its digits in the other script"};
        fprintf(stderr, "%s:%d: %s, the sentence gives other events\n  %s\n  got  %s\n  want %s\n",
                path, lineno, ways[how], variant, again, got);
        CHECK(0);
      } else {
        CHECK(1);
      }
    }
  }
  fclose(in);
}

/* A rule row's arguments: a wrong one fails with what is allowed. */
static void test_rule_arguments(void) {
  static const char good[] = "name\tpattern\tbuilds\n"
                             "r\t{request} (?<c>{contact})\trefused earlier=requested\n";
  static const char bad_status[] = "name\tpattern\tbuilds\n"
                                   "r\t{request} (?<c>{contact})\trefused earlier=later\n";
  static const char bad_stage[] = "name\tpattern\tbuilds\n"
                                  "r\t(?<a>{actor}) (?<c>{contact})\tevent earlier=requested\n";
  char err[256] = "";
  rule_set *rs = rules_compile_text(STAGE_STATUS, good, sizeof good - 1, err, sizeof err);
  CHECK(rs != NULL && rule_earlier_status(rules_at(rs, 0)) == TAMAS_REQUESTED);
  rules_free(rs);
  CHECK(!rules_compile_text(STAGE_STATUS, bad_status, sizeof bad_status - 1, err, sizeof err));
  CHECK(strstr(err, "earlier=later") && strstr(err, "earlier=STATUS"));
  CHECK(!rules_compile_text(STAGE_EVENTS, bad_stage, sizeof bad_stage - 1, err, sizeof err));
  CHECK(strstr(err, "earlier=requested") != NULL);
  /* sides=told: only in event rules, and only «told» */
  {
    static const char told[] = "name\tpattern\tbuilds\nr\t{this} (?<c>{request})\tevent sides=told\n";
    static const char other[] = "name\tpattern\tbuilds\nr\t{this} (?<c>{request})\tevent sides=both\n";
    rs = rules_compile_text(STAGE_EVENTS, told, sizeof told - 1, err, sizeof err);
    CHECK(rs != NULL && rule_sides_told(rules_at(rs, 0)));
    rules_free(rs);
    CHECK(!rules_compile_text(STAGE_EVENTS, other, sizeof other - 1, err, sizeof err));
    CHECK(strstr(err, "sides=both") && strstr(err, "sides=told"));
  }
  /* a name stands for one rule */
  {
    static const char twice[] = "name\tpattern\tbuilds\n"
                                "r\t(?<c>{request})\trequested\n"
                                "r\t(?<c>{propose})\tproposed\n";
    CHECK(!rules_compile_text(STAGE_STATUS, twice, sizeof twice - 1, err, sizeof err));
    CHECK(strstr(err, ":3:") && strstr(err, "'r' is already defined"));
  }
}

/* A mask as its category names joined by `sep`, after `lead`. */
static void put_mask(char *out, size_t cap, const cat_mask *m, const char *lead, const char *sep) {
  int c, first = 1;
  for (c = 0; c < lexicon_category_count(); c++)
    if (cat_has(m, c)) {
      size_t len = strlen(out);
      snprintf(out + len, cap - len, "%s%s", first ? lead : sep, lexicon_category_name(c));
      first = 0;
    }
}

/* The conditions of a pattern's starts, written as
** "{a|b !c}@0-1 or ^ & …" ("-" for none). */
static void starts_text(const char *pattern, char *out, size_t cap) {
  start_any cond[START_CONDS];
  int n = pattern_starts(pattern, strlen(pattern), cond), c, k, g;
  out[0] = 0;
  if (n == 0) snprintf(out, cap, "-");
  for (c = 0; c < n; c++)
    for (k = 0; k < cond[c].n; k++) {
      const start_test *t = &cond[c].t[k];
      size_t len = strlen(out);
      snprintf(out + len, cap - len, "%s", k ? " or " : c ? " & " : "");
      if (t->at_start) {
        strncat(out, "^", cap - strlen(out) - 1);
        continue;
      }
      strncat(out, "{", cap - strlen(out) - 1);
      for (g = 0; g < t->n_any; g++) put_mask(out, cap, &t->any[g], g ? " " : "", "|");
      put_mask(out, cap, &t->none, " !", " !");
      len = strlen(out);
      if (t->hi >= START_FAR) snprintf(out + len, cap - len, "}@%d-", t->lo);
      else snprintf(out + len, cap - len, "}@%d-%d", t->lo, t->hi);
    }
}

/* Where a pattern's matches may start (rule_pattern.c): exact conditions. */
static void test_pattern_starts(void) {
  static const char *const cases[][2] = {
      {"{honorific}* (?<p>{person})", "{person}@0-0 or {honorific}@0-0"},
      {"(^|{!with !to}) (?<a>{actor !state}) {any}*? {contact}", "{actor !state}@0-1 & {contact}@1-"},
      {"^ (?!{any}* {after}) {any}*? (?<c>{contact})", "^ & {contact}@0-"},
      {"({colon}|^) {!colon}*? (?<c>{contact})", "{colon}@0-0 or ^ & {contact}@0-"},
      {"{deputy}? {word} {office} (?<k>{country|adjective})",
       "{word}@0-0 or {deputy}@0-0 & {office}@1-1 or {deputy}@0-0 & {country|adjective}@2-2 or {deputy}@0-0"},
      {"{word}{1,3} (?<o>{office})", "{word}@0-0 & {office}@1-3"},
      {"((^|{!with}) (?<a>{actor !state}) | (^|{comma}) (?<a>{actor state})) {contact}",
       "{actor !state}@0-1 or ^ or {comma}@0-0 & {actor !state}@0-1 or {actor state}@0-1 & {contact}@1-2"},
      {"{any}* {contact}", "{contact}@0-"},
      {"{any}* {contact}? {word}*", "-"},
      {"{!comma}+ {contact}", "{contact}@1-"},
      {"{!comma}+ {contact}{0,6}", "-"},
      {"{person} {comma}+{0,6} {contact}", "-"},
      {"(?={contact}) {any}", "-"},
  };
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char got[1024];
    starts_text(cases[i][0], got, sizeof got);
    if (strcmp(got, cases[i][1]) != 0) {
      fprintf(stderr, "starts of %s\n  got  %s\n  want %s\n", cases[i][0], got, cases[i][1]);
      CHECK(0);
    } else {
      CHECK(1);
    }
  }
}

int main(int argc, char **argv) {
  static const char *const files[] = {"phrases", "actors", "lists", "events", "status",
                                      "medium", "initiator", "clauses"};
  const char *only = argc > 1 ? argv[1] : NULL;
  const rule_set *rs = rules_builtin();
  size_t k;
  int i;
  CHECK(rs != NULL && rules_count(rs) > 0);
  if (!only) {
    test_rule_arguments();
    test_pattern_starts();
  }
  for (k = 0; k < sizeof files / sizeof files[0]; k++) {
    char path[64];
    snprintf(path, sizeof path, "tests/rules/%s.tsv", files[k]);
    run_file(path, only);
  }
  if (!only)
    for (i = 0; i < rules_count(rs); i++) {
      const char *name = rule_name(rules_at(rs, i));
      if (seen_pos[i] < 2 || seen_neg[i] < 1) {
        fprintf(stderr, "rule %s: %d examples and %d counter-examples (2 and 1 are needed)\n", name,
                seen_pos[i], seen_neg[i]);
        CHECK(0);
      }
    }
  return check_summary();
}
