/*
** contacts_internal.h — what the files of ext/contacts/ share: the set of
** reports being grouped, its entries (one per distinct report) and two
** small containers of strings.
*/
#ifndef TAMAS_CONTACTS_INTERNAL_H
#define TAMAS_CONTACTS_INTERNAL_H

#include "tamas.h"

/* Each distinct string stored once, so strings compare by pointer. */
typedef struct strtab {
  char **slots;
  size_t cap, n;
} strtab;

/* strset.c: a set of interned strings (the articles, the outlets of an
** entry), appended as reports come and made unique when the array fills. */
typedef struct strset {
  const char **v;
  size_t n, cap;
} strset;

int strset_add(strset *s, const char *p);       /* 0: out of memory */
int strset_merge(strset *into, strset *from);   /* empties from; 0: out of memory */
void strset_unique(strset *s);
void strset_free(strset *s);

/* One side of a contact; name and country interned ("" when none). */
typedef struct side {
  const char *name, *country;
  int org; /* "org:CCC": a state or institution, not a person */
} side;

/* An entry: the reports that say exactly the same thing, counted together.
** When grouping, an entry that starts a contact holds it, and the entries
** that join it are added into it. */
typedef struct entry entry;
struct entry {
  /* what the reports say */
  side sides[2];             /* sides[0].name sorts first */
  tamas_status status;
  tamas_medium medium;
  int32_t date, date_end;    /* 0: undated */
  tamas_precision precision;
  int32_t published_day;     /* undated entries: the day they were published */
  const char *file;          /* … or, when unknown, their article; else NULL */
  /* what they add up to */
  size_t reports;
  strset files, sources;
  const char *first, *last;  /* publication dates as written, or NULL */
  char *evidence;            /* the earliest report's sentence, */
  const char *evidence_file; /* … its article (its publication date is first) */
  /* grouping */
  entry *next;               /* the entry hash chain */
  size_t alternatives;
  unsigned visit;            /* last search that saw it */
  int64_t id, fulfilled_by;
};

struct tamas_contacts {
  strtab strings;
  entry **chains;            /* entries by what they say */
  size_t n_chains, n_entries;
  entry **contacts;          /* after grouping, in output order */
  size_t n_contacts;
  tamas_contact *rows;
  int grouped;               /* 1 grouped, -1 failed (out of memory), 0 not yet */
};

/* contacts_group.c: the entries, grouped; set->contacts and set->rows.
** Returns 0 when out of memory. */
int contacts_group(tamas_contacts *set, entry **entries, size_t n);

#endif /* TAMAS_CONTACTS_INTERNAL_H */
