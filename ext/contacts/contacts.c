/*
** contacts.c — reports of contacts collected for grouping (the rules are in
** include/tamas.h, section "Contacts"; the grouping in contacts_group.c).
**
**   tamas_contacts *set = tamas_contacts_new();
**   tamas_contacts_add(set, &report);              ... or a whole folder:
**   tamas_contacts_add_path(set, "news/", &opt, &err);
**   tamas_contacts_group(set);
**   for (i = 0; i < tamas_contacts_count(set); i++) use(tamas_contacts_at(set, i));
**   tamas_contacts_free(set);
**
** Reports that say exactly the same (sides, status, medium, dates; for an
** undated report the day it was published, or without one its article)
** are counted into one entry as they come: the number of reports, their
** articles and outlets, the first and last publication date, the earliest
** sentence.  Nothing else of a report is kept, so memory follows the
** contacts (and the articles they list), not the rows.
*/
#include <stdlib.h>
#include <string.h>

#include "contacts_internal.h"

/* ---- strings ---------------------------------------------------------------- */

static uint64_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  while (n--) h = (h ^ (unsigned char)*s++) * 1099511628211u;
  return h;
}

/* The one stored copy of s[0..n), or NULL when out of memory; "" for an
** empty or NULL string (a constant, never stored). */
static const char *intern(strtab *t, const char *s, size_t n) {
  size_t i;
  char *copy;
  if (!s || n == 0) return "";
  if (t->n * 2 >= t->cap) { /* keep it at most half full */
    size_t cap = t->cap ? t->cap * 2 : 256, j;
    char **slots = calloc(cap, sizeof *slots);
    if (!slots) return NULL;
    for (j = 0; j < t->cap; j++)
      if (t->slots[j]) {
        i = hash_bytes(t->slots[j], strlen(t->slots[j])) & (cap - 1);
        while (slots[i]) i = (i + 1) & (cap - 1);
        slots[i] = t->slots[j];
      }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
  }
  for (i = hash_bytes(s, n) & (t->cap - 1); t->slots[i]; i = (i + 1) & (t->cap - 1))
    if (strncmp(t->slots[i], s, n) == 0 && t->slots[i][n] == '\0') return t->slots[i];
  if (!(copy = malloc(n + 1))) return NULL;
  memcpy(copy, s, n);
  copy[n] = '\0';
  t->slots[i] = copy;
  t->n++;
  return copy;
}

static const char *intern_str(strtab *t, const char *s) {
  return intern(t, s, s ? strnlen(s, TAMAS_MAX_FILE_BYTES) : 0);
}

static void strtab_free(strtab *t) {
  size_t i;
  for (i = 0; i < t->cap; i++) free(t->slots[i]);
  free(t->slots);
}

/* ---- entries ----------------------------------------------------------------- */

static int compare_nullable(const char *a, const char *b) {
  if (!a || !b) return (a == NULL) - (b == NULL); /* NULL last */
  return strcmp(a, b);
}

static size_t hash_key(const entry *k) {
  uint64_t h = (uint64_t)(uintptr_t)k->sides[0].name * 31 + (uint64_t)(uintptr_t)k->sides[1].name;
  h = h * 31 + (uint64_t)(uintptr_t)k->sides[0].country;
  h = h * 31 + (uint64_t)(uintptr_t)k->sides[1].country;
  h = h * 31 + (uint64_t)(uintptr_t)k->file;
  h = h * 31 + ((uint64_t)k->status << 8 | (uint64_t)k->medium << 4 | (uint64_t)k->precision);
  h = h * 31 + (uint64_t)(uint32_t)k->date * 65537 + (uint64_t)(uint32_t)k->date_end;
  h = h * 31 + (uint64_t)(uint32_t)k->published_day;
  h ^= h >> 29;
  return (size_t)(h * 0xbf58476d1ce4e5b9u >> 17);
}

static int same_key(const entry *a, const entry *b) {
  return a->sides[0].name == b->sides[0].name && a->sides[1].name == b->sides[1].name &&
         a->sides[0].country == b->sides[0].country &&
         a->sides[1].country == b->sides[1].country && a->status == b->status &&
         a->medium == b->medium && a->date == b->date && a->date_end == b->date_end &&
         a->precision == b->precision && a->published_day == b->published_day &&
         a->file == b->file;
}

/* The entry that says what `key` says, added when there is none yet. */
static entry *find_entry(tamas_contacts *set, const entry *key) {
  size_t i;
  entry *e;
  if (set->n_entries >= set->n_chains) { /* grow: a chain holds one entry on average */
    size_t n = set->n_chains ? set->n_chains * 2 : 1024;
    entry **chains = calloc(n, sizeof *chains);
    if (!chains) return NULL;
    for (i = 0; i < set->n_chains; i++)
      while ((e = set->chains[i]) != NULL) {
        size_t j = hash_key(e) & (n - 1);
        set->chains[i] = e->next;
        e->next = chains[j];
        chains[j] = e;
      }
    free(set->chains);
    set->chains = chains;
    set->n_chains = n;
  }
  i = hash_key(key) & (set->n_chains - 1);
  for (e = set->chains[i]; e; e = e->next)
    if (same_key(e, key)) return e;
  if (!(e = malloc(sizeof *e))) return NULL;
  *e = *key;
  e->next = set->chains[i];
  set->chains[i] = e;
  set->n_entries++;
  return e;
}

static tamas_precision precision_of_days(int32_t days) {
  return days == 0 ? TAMAS_DAY : days <= 6 ? TAMAS_WEEK : days <= 30 ? TAMAS_MONTH : TAMAS_YEAR;
}

/* Keep the report's sentence when it is the entry's earliest (by
** publication date, article, then the sentence itself, so that the order of
** the rows does not matter), before e->first counts the report: the
** earliest report's publication date is e->first.  0 when out of memory. */
static int keep_evidence(entry *e, const char *published, const char *file, const char *text,
                         size_t len) {
  size_t n = text ? strnlen(text, len) : 0;
  char *copy;
  if (e->evidence) {
    int c = compare_nullable(published, e->first);
    if (c == 0) c = compare_nullable(file, e->evidence_file);
    if (c == 0) {
      size_t m = strlen(e->evidence);
      c = n ? memcmp(text, e->evidence, n < m ? n : m) : 0;
      if (c == 0) c = (n > m) - (n < m);
    }
    if (c >= 0) return 1;
  }
  if (!(copy = malloc(n + 1))) return 0;
  if (n) memcpy(copy, text, n);
  copy[n] = '\0';
  free(e->evidence);
  e->evidence = copy;
  e->evidence_file = file;
  return 1;
}

tamas_contacts *tamas_contacts_new(void) { return calloc(1, sizeof(tamas_contacts)); }

int tamas_contacts_add(tamas_contacts *set, const tamas_report *r) {
  entry key, *e;
  const char *published, *file, *source;
  int i;
  if (set->grouped || (unsigned)r->status > TAMAS_DENIED || r->medium < TAMAS_MEDIUM_UNSPECIFIED ||
      r->medium > TAMAS_IN_PERSON || (unsigned)r->precision > TAMAS_YEAR ||
      (r->date && r->date_end && r->date_end < r->date))
    return -1;
  memset(&key, 0, sizeof key);
  for (i = 0; i < 2; i++) {
    side *s = &key.sides[i];
    if (!(s->name = intern_str(&set->strings, r->actor[i])) ||
        !(s->country = intern_str(&set->strings, r->country[i])))
      return 0;
    s->org = strncmp(s->name, "org:", 4) == 0;
  }
  if (strcmp(key.sides[0].name, key.sides[1].name) > 0 ||
      (key.sides[0].name == key.sides[1].name && strcmp(key.sides[0].country, key.sides[1].country) > 0)) {
    side s = key.sides[0];
    key.sides[0] = key.sides[1];
    key.sides[1] = s;
  }
  if (!(published = intern_str(&set->strings, r->published)) ||
      !(file = intern_str(&set->strings, r->file)) || !(source = intern_str(&set->strings, r->source)))
    return 0;
  key.status = r->status;
  key.medium = r->medium;
  if (r->date) {
    key.date = r->date;
    key.date_end = r->date_end ? r->date_end : r->date;
    key.precision = r->precision ? r->precision : precision_of_days(key.date_end - key.date);
  } else if (r->published_day) {
    key.published_day = r->published_day; /* placed or not, the same day's reports go together */
  } else {
    key.file = file; /* no date, no publication date: a contact per article */
  }
  if (!(e = find_entry(set, &key))) return 0;
  if (!published[0]) published = NULL;
  if (!file[0]) file = NULL;
  if (!keep_evidence(e, published, file, r->evidence, r->evidence_len)) return 0;
  e->reports++;
  if (published && (!e->first || strcmp(published, e->first) < 0)) e->first = published;
  if (published && (!e->last || strcmp(published, e->last) > 0)) e->last = published;
  return strset_add(&e->files, file) && strset_add(&e->sources, source);
}

/* The events of one scanned article. */
static int add_scanned(tamas_contacts *set, const tamas_scanned *it) {
  const tamas_extraction *x = &it->events;
  int32_t day = 0;
  size_t i, n = strlen(x->published);
  if (n && !tamas_parse_timevalue(x->published, n < 10 ? n : 10, &day)) day = 0;
  for (i = 0; i < x->n_events; i++) {
    const tamas_event *e = &x->events[i];
    tamas_report r = {
        .actor = {e->actor[0].name, e->actor[1].name},
        .country = {e->actor[0].country, e->actor[1].country},
        .status = e->status,
        .medium = e->medium,
        .date = e->date,
        .date_end = e->date_end,
        .precision = e->precision,
        .published = x->published,
        .published_day = day,
        .file = it->file,
        .source = it->article.source,
        .evidence = it->text + e->evidence.start,
        .evidence_len = e->evidence.end - e->evidence.start,
    };
    if (tamas_contacts_add(set, &r) == 0) return 0;
  }
  return 1;
}

int tamas_contacts_add_path(tamas_contacts *set, const char *path, const tamas_scan_options *opt,
                            char **err) {
  tamas_scan_options o = *opt;
  const tamas_scanned *it;
  tamas_scan *scan;
  int nomem = 0;
  *err = NULL;
  o.kind = TAMAS_SCAN_EVENTS;
  o.article_parts = TAMAS_ARTICLE_SOURCES; /* the outlets */
  if (!(scan = tamas_scan_open(path, &o, err))) return 0;
  while ((it = tamas_scan_next(scan, &nomem)) != NULL)
    if (it->text && !add_scanned(set, it)) {
      nomem = 1;
      break;
    }
  tamas_scan_close(scan);
  return !nomem;
}

int tamas_contacts_group(tamas_contacts *set) {
  entry **all;
  size_t i, n = 0;
  int ok;
  if (set->grouped) return set->grouped > 0;
  set->grouped = -1; /* until it succeeds: half-joined entries cannot be grouped again */
  if (!(all = malloc((set->n_entries ? set->n_entries : 1) * sizeof *all))) return 0;
  for (i = 0; i < set->n_chains; i++) {
    entry *e;
    for (e = set->chains[i]; e; e = e->next) all[n++] = e;
  }
  ok = contacts_group(set, all, n);
  free(all);
  if (ok) set->grouped = 1;
  return ok;
}

size_t tamas_contacts_count(const tamas_contacts *set) {
  return set->grouped > 0 ? set->n_contacts : 0;
}

const tamas_contact *tamas_contacts_at(const tamas_contacts *set, size_t i) {
  return set->grouped > 0 && i < set->n_contacts ? &set->rows[i] : NULL;
}

void tamas_contacts_free(tamas_contacts *set) {
  size_t i;
  if (!set) return;
  for (i = 0; i < set->n_chains; i++) {
    entry *e, *next;
    for (e = set->chains[i]; e; e = next) {
      next = e->next;
      strset_free(&e->files);
      strset_free(&e->sources);
      free(e->evidence);
      free(e);
    }
  }
  free(set->chains);
  free(set->contacts);
  free(set->rows);
  strtab_free(&set->strings);
  free(set);
}
