/*
** contacts_group.c — the entries of a set (one per distinct report) grouped
** into contacts, by the rules in include/tamas.h ("Contacts").
**
** The entries are sorted from the most precise to the least: by the length
** of their dates (a day, a week, a month, a year; undated last), then
** persons before "org:" sides, then a medium before `unspecified`, then by
** what they say (so the order of the input rows cannot matter).  Taken in
** that order, each entry looks for the contacts already made that agree
** with it: one, it joins it (and the contact takes its more specific medium
** or side); none, it starts a contact; more than one, it starts a contact
** of its own too, with the number in `alternatives`.  Two entries of the same
** precision agree only when they say the same, and those are one entry
** already, so within a precision the order is free; and every entry that
** could be more precise than another comes before it.  Undated entries come
** last, so each sees every dated contact before it is placed.
**
** Contacts are found through an index by (status, a side, the other side's
** country): the contacts of the pair, whatever "org:" form one side takes.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contacts_internal.h"

/* ---- which entries agree -------------------------------------------------------- */

static int same_side(const side *a, const side *b) {
  return a->name == b->name && a->country == b->country; /* interned */
}

/* One of them is "org:CCC" and the other a person of CCC. */
static int stands_for(const side *a, const side *b) {
  return a->org != b->org && a->country[0] && a->country == b->country;
}

/* Sides (a0, a1) against (b0, b1) in this order: equal, or one pair the
** same person and the other an "org:" side and a person of its country. */
static int sides_aligned(const side *a0, const side *a1, const side *b0, const side *b1) {
  if (same_side(a0, b0) && (same_side(a1, b1) || (!a0->org && stands_for(a1, b1)))) return 1;
  return same_side(a1, b1) && !a1->org && stands_for(a0, b0);
}

/* 1: x's sides agree with y's in order, 2: crossed, 0: not at all. */
static int sides_agree(const entry *x, const entry *y) {
  if (sides_aligned(&x->sides[0], &x->sides[1], &y->sides[0], &y->sides[1])) return 1;
  if (sides_aligned(&x->sides[0], &x->sides[1], &y->sides[1], &y->sides[0])) return 2;
  return 0;
}

static int media_agree(tamas_medium a, tamas_medium b) {
  return a == b || a == TAMAS_MEDIUM_UNSPECIFIED || b == TAMAS_MEDIUM_UNSPECIFIED;
}

/* One date contains the other (both dated). */
static int dates_nest(const entry *x, const entry *y) {
  return (x->date <= y->date && y->date_end <= x->date_end) ||
         (y->date <= x->date && x->date_end <= y->date_end);
}

/* Can entry n be part of contact c?  (Statuses are equal: the index.) */
static int joins(const entry *n, const entry *c) {
  if (!c->date || !media_agree(n->medium, c->medium)) return 0; /* nothing joins an undated contact */
  if (n->date) {
    if (!dates_nest(n, c)) return 0;
  } else {
    /* a plan is reported before its date too */
    int32_t before = c->status == TAMAS_PLANNED || c->status == TAMAS_PROPOSED ||
                             c->status == TAMAS_REQUESTED
                         ? TAMAS_CONTACT_REPORT_DAYS
                         : 0;
    if (!n->published_day || n->published_day < c->date - before ||
        n->published_day > c->date_end + TAMAS_CONTACT_REPORT_DAYS)
      return 0;
  }
  return sides_agree(n, c) != 0;
}

/* ---- the index of contacts --------------------------------------------------------- */

typedef struct bucket {
  const char *name, *country, *other; /* a side, and the other side's country */
  int status;
  entry **v;
  size_t n, cap;
} bucket;

typedef struct contact_index {
  bucket *b;
  size_t cap, n;
  entry **found; /* the last search's contacts */
  size_t n_found, cap_found;
  unsigned stamp;
} contact_index;

static size_t bucket_hash(int status, const side *s, const side *other) {
  uint64_t h = (uint64_t)(uintptr_t)s->name * 0x9e3779b97f4a7c15u;
  h ^= (uint64_t)(uintptr_t)s->country * 0xc2b2ae3d27d4eb4fu;
  h ^= (uint64_t)(uintptr_t)other->country * 0x165667b19e3779f9u + (uint64_t)status;
  return (size_t)(h ^ h >> 31);
}

/* The bucket of a side; created when `create`, else NULL when there is none
** (or when memory runs out: then *nomem). */
static bucket *bucket_of(contact_index *ix, int status, const side *s, const side *other,
                         int create, int *nomem) {
  size_t i;
  if (create && ix->n * 2 >= ix->cap) {
    size_t cap = ix->cap ? ix->cap * 2 : 1024, j;
    bucket *b = calloc(cap, sizeof *b);
    if (!b) return *nomem = 1, NULL;
    for (j = 0; j < ix->cap; j++)
      if (ix->b[j].name) {
        const bucket *old = &ix->b[j];
        side s1 = {old->name, old->country, 0}, s2 = {"", old->other, 0};
        i = bucket_hash(old->status, &s1, &s2) & (cap - 1);
        while (b[i].name) i = (i + 1) & (cap - 1);
        b[i] = *old;
      }
    free(ix->b);
    ix->b = b;
    ix->cap = cap;
  }
  if (!ix->cap) return NULL;
  for (i = bucket_hash(status, s, other) & (ix->cap - 1); ix->b[i].name; i = (i + 1) & (ix->cap - 1)) {
    bucket *b = &ix->b[i];
    if (b->name == s->name && b->country == s->country && b->other == other->country &&
        b->status == status)
      return b;
  }
  if (!create) return NULL;
  ix->b[i].name = s->name;
  ix->b[i].country = s->country;
  ix->b[i].other = other->country;
  ix->b[i].status = status;
  ix->n++;
  return &ix->b[i];
}

static int push(entry ***v, size_t *n, size_t *cap, entry *e) {
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 4;
    entry **p = realloc(*v, c * sizeof *p);
    if (!p) return 0;
    *v = p;
    *cap = c;
  }
  (*v)[(*n)++] = e;
  return 1;
}

/* File a contact under both its sides.  Returns 0 when out of memory. */
static int index_add(contact_index *ix, entry *c) {
  int i, nomem = 0;
  for (i = 0; i < 2; i++) {
    bucket *b = bucket_of(ix, (int)c->status, &c->sides[i], &c->sides[1 - i], 1, &nomem);
    if (!b || !push(&b->v, &b->n, &b->cap, c)) return 0;
  }
  return 1;
}

/* The contacts of `status` filed under e's sides (each once) into
** ix->found.  Returns 0 when out of memory. */
static int index_search(contact_index *ix, tamas_status status, const entry *e) {
  int i, nomem = 0;
  ix->n_found = 0;
  ix->stamp++;
  for (i = 0; i < 2; i++) {
    bucket *b = bucket_of(ix, (int)status, &e->sides[i], &e->sides[1 - i], 0, &nomem);
    size_t j;
    for (j = 0; b && j < b->n; j++) {
      entry *c = b->v[j];
      if (c->visit == ix->stamp) continue;
      c->visit = ix->stamp;
      if (!push(&ix->found, &ix->n_found, &ix->cap_found, c)) return 0;
    }
  }
  return 1;
}

static void index_free(contact_index *ix) {
  size_t i;
  for (i = 0; i < ix->cap; i++) free(ix->b[i].v);
  free(ix->b);
  free(ix->found);
}

/* ---- joining ---------------------------------------------------------------------- */

static int compare_text(const char *a, const char *b) {
  if (!a || !b) return (a == NULL) - (b == NULL);
  return strcmp(a, b);
}

/* What two distinct entries say, in a fixed order (interned strings are
** equal only when they are the same pointer). */
static int compare_keys(const entry *x, const entry *y) {
  int c, i;
  for (i = 0; i < 2; i++) {
    if ((c = strcmp(x->sides[i].name, y->sides[i].name)) != 0) return c;
    if ((c = strcmp(x->sides[i].country, y->sides[i].country)) != 0) return c;
  }
  if (x->status != y->status) return x->status < y->status ? -1 : 1;
  if (x->medium != y->medium) return x->medium < y->medium ? -1 : 1;
  if (x->date != y->date) return x->date < y->date ? -1 : 1;
  if (x->date_end != y->date_end) return x->date_end < y->date_end ? -1 : 1;
  if (x->precision != y->precision) return x->precision < y->precision ? -1 : 1;
  if (x->published_day != y->published_day) /* unknown (0) last */
    return !y->published_day || (x->published_day && x->published_day < y->published_day) ? -1 : 1;
  return compare_text(x->file, y->file);
}

/* The order of grouping: the most precise first (see the top). */
static int by_precision(const void *a, const void *b) {
  const entry *x = *(const entry *const *)a, *y = *(const entry *const *)b;
  int64_t sx = x->date ? (int64_t)x->date_end - x->date : INT64_MAX;
  int64_t sy = y->date ? (int64_t)y->date_end - y->date : INT64_MAX;
  int ox = x->sides[0].org + x->sides[1].org, oy = y->sides[0].org + y->sides[1].org;
  int ux = x->medium == TAMAS_MEDIUM_UNSPECIFIED, uy = y->medium == TAMAS_MEDIUM_UNSPECIFIED;
  if (sx != sy) return sx < sy ? -1 : 1;
  if (ox != oy) return ox < oy ? -1 : 1;
  if (ux != uy) return ux < uy ? -1 : 1;
  return compare_keys(x, y);
}

/* Is report a (published, file, sentence) earlier than report b?  Unknown
** publication dates come last; ties go by article, then sentence. */
static int earlier(const char *pub_a, const char *file_a, const char *ev_a, const char *pub_b,
                   const char *file_b, const char *ev_b) {
  int c = compare_text(pub_a, pub_b);
  if (c == 0) c = compare_text(file_a, file_b);
  if (c == 0) c = compare_text(ev_a, ev_b);
  return c < 0;
}

/* Entry n joins contact c: its counts are added, and c takes what n says
** more precisely (a medium for `unspecified`, a person for an "org:" side).
** Returns 0 when out of memory. */
static int join(contact_index *ix, entry *c, entry *n) {
  int i, crossed = sides_agree(n, c) == 2, refined = 0;
  /* the earliest report's publication date is `first` (before it changes) */
  if (earlier(n->first, n->evidence_file, n->evidence, c->first, c->evidence_file, c->evidence)) {
    char *ev = c->evidence;
    c->evidence = n->evidence;
    n->evidence = ev;
    c->evidence_file = n->evidence_file;
  }
  c->reports += n->reports;
  if (!strset_merge(&c->files, &n->files) || !strset_merge(&c->sources, &n->sources)) return 0;
  if (n->first && (!c->first || strcmp(n->first, c->first) < 0)) c->first = n->first;
  if (n->last && (!c->last || strcmp(n->last, c->last) > 0)) c->last = n->last;
  if (c->medium == TAMAS_MEDIUM_UNSPECIFIED) c->medium = n->medium;
  for (i = 0; i < 2; i++) {
    const side *s = &n->sides[crossed ? 1 - i : i];
    if (c->sides[i].org && !s->org) c->sides[i] = *s, refined = 1;
  }
  if (!refined) return 1;
  if (strcmp(c->sides[0].name, c->sides[1].name) > 0) {
    side s = c->sides[0];
    c->sides[0] = c->sides[1];
    c->sides[1] = s;
  }
  return index_add(ix, c); /* under the person's name too */
}

/* ---- ids, order and fulfilment ------------------------------------------------------ */

static uint64_t fnv(uint64_t h, const char *s) {
  do h = (h ^ (unsigned char)*s) * 1099511628211u; /* the NUL too: a separator */
  while (*s++);
  return h;
}

/* A hash of what defines the contact (its sides, status, medium, dates;
** undated, the day or article of its first entry), 1 .. 2^48 - 1; `salt`
** > 0 only when two contacts of one set would share an id. */
static int64_t contact_hash(const entry *c, uint64_t salt) {
  char days[48];
  uint64_t h = 1469598103934665603u;
  int i;
  for (i = 0; i < 2; i++) h = fnv(fnv(h, c->sides[i].name), c->sides[i].country);
  h = fnv(fnv(h, tamas_status_name(c->status)), tamas_medium_name(c->medium));
  snprintf(days, sizeof days, "%ld %ld %ld %llu", (long)c->date, (long)c->date_end,
           (long)c->published_day, (unsigned long long)salt);
  h = fnv(fnv(h, days), c->file ? c->file : "");
  h ^= h >> 30; /* splitmix64's finaliser spreads the bits */
  h *= 0xbf58476d1ce4e5b9u;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebu;
  h ^= h >> 31;
  h >>= 16;
  return h ? (int64_t)h : 1;
}

/* Output order: by date (undated last), then sides, status, medium. */
static int by_output(const void *a, const void *b) {
  const entry *x = *(const entry *const *)a, *y = *(const entry *const *)b;
  int c;
  if (!x->date != !y->date) return x->date ? -1 : 1;
  if (x->date != y->date) return x->date < y->date ? -1 : 1;
  if (x->date_end != y->date_end) return x->date_end < y->date_end ? -1 : 1;
  if ((c = compare_keys(x, y)) != 0) return c;
  if ((c = compare_text(x->first, y->first)) != 0) return c;
  if ((c = compare_text(x->evidence_file, y->evidence_file)) != 0) return c;
  return compare_text(x->evidence, y->evidence);
}

/* Stable ids, unique in the set: a collision (one in 2^48 per pair) takes
** the next salt, in output order.  Returns 0 when out of memory. */
static int assign_ids(tamas_contacts *set) {
  size_t cap = 16, i;
  int64_t *seen;
  while (cap < set->n_contacts * 2) cap *= 2;
  if (!(seen = calloc(cap, sizeof *seen))) return 0;
  for (i = 0; i < set->n_contacts; i++) {
    entry *c = set->contacts[i];
    uint64_t salt = 0;
    for (;;) {
      size_t j;
      c->id = contact_hash(c, salt);
      for (j = (size_t)c->id & (cap - 1); seen[j] && seen[j] != c->id; j = (j + 1) & (cap - 1)) {
      }
      if (!seen[j]) {
        seen[j] = c->id;
        break;
      }
      salt++;
    }
  }
  free(seen);
  return 1;
}

/* A planned, proposed or requested contact: the first occurred contact of
** the same sides and medium within its dates (undated: within the
** TAMAS_CONTACT_PLAN_DAYS after it was first reported).  0 when out of memory. */
static int find_fulfilment(contact_index *ix, entry *p) {
  int32_t lo = p->date, hi = p->date_end;
  entry *best = NULL;
  size_t i;
  if (p->status != TAMAS_PLANNED && p->status != TAMAS_PROPOSED && p->status != TAMAS_REQUESTED)
    return 1;
  if (!p->date) {
    if (!p->first || !tamas_parse_timevalue(p->first, strnlen(p->first, 10), &lo)) return 1;
    hi = lo + TAMAS_CONTACT_PLAN_DAYS;
  }
  if (!index_search(ix, TAMAS_OCCURRED, p)) return 0;
  for (i = 0; i < ix->n_found; i++) {
    entry *c = ix->found[i];
    if (!c->date || !media_agree(p->medium, c->medium) || !sides_agree(p, c)) continue;
    if (p->date ? !dates_nest(p, c) : c->date < lo || c->date > hi) continue;
    if (!best || c->date < best->date || (c->date == best->date && c->id < best->id)) best = c;
  }
  p->fulfilled_by = best ? best->id : 0;
  return 1;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The public rows, in output order. */
static int make_rows(tamas_contacts *set) {
  size_t i;
  if (!(set->rows = calloc(set->n_contacts ? set->n_contacts : 1, sizeof *set->rows))) return 0;
  for (i = 0; i < set->n_contacts; i++) {
    entry *c = set->contacts[i];
    tamas_contact *r = &set->rows[i];
    strset_unique(&c->files);
    strset_unique(&c->sources);
    if (c->files.n > 1) qsort(c->files.v, c->files.n, sizeof *c->files.v, by_name);
    r->id = c->id;
    r->actor[0] = c->sides[0].name;
    r->actor[1] = c->sides[1].name;
    r->country[0] = c->sides[0].country;
    r->country[1] = c->sides[1].country;
    r->status = c->status;
    r->medium = c->medium;
    r->date = c->date;
    r->date_end = c->date_end;
    r->precision = c->precision;
    r->reports = c->reports;
    r->sources = c->sources.n;
    r->first_reported = c->first;
    r->last_reported = c->last;
    r->evidence = c->evidence ? c->evidence : "";
    r->evidence_file = c->evidence_file;
    r->files = c->files.v;
    r->n_files = c->files.n;
    r->fulfilled_by = c->fulfilled_by;
    r->alternatives = c->alternatives;
  }
  return 1;
}

int contacts_group(tamas_contacts *set, entry **entries, size_t n) {
  contact_index ix;
  size_t i, n_contacts = 0;
  int ok = 0;
  memset(&ix, 0, sizeof ix);
  qsort(entries, n, sizeof *entries, by_precision);
  if (!(set->contacts = malloc((n ? n : 1) * sizeof *set->contacts))) return 0;
  for (i = 0; i < n; i++) {
    entry *e = entries[i], *only = NULL;
    size_t j, agree = 0;
    if (!index_search(&ix, e->status, e)) goto done;
    for (j = 0; j < ix.n_found; j++)
      if (joins(e, ix.found[j])) agree++, only = ix.found[j];
    if (agree == 1) {
      if (!join(&ix, only, e)) goto done;
      continue;
    }
    e->alternatives = agree; /* a contact of its own: new, or not to be placed */
    set->contacts[n_contacts++] = e;
    if (e->date && !index_add(&ix, e)) goto done; /* nothing joins or fulfils with no date */
  }
  set->n_contacts = n_contacts;
  qsort(set->contacts, n_contacts, sizeof *set->contacts, by_output);
  if (!assign_ids(set)) goto done;
  for (i = 0; i < n_contacts; i++)
    if (!find_fulfilment(&ix, set->contacts[i])) goto done;
  ok = make_rows(set);
done:
  index_free(&ix);
  return ok;
}
