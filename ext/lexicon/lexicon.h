/*
** lexicon.h — the actor and cue lexicons of contact extraction, and the
** phrase matcher over them.  Internal to the core.
**
** The built-in lexicon is read once per process from the TSV files compiled
** into the library (persons, offices, office_phrases, countries, orgs,
** words, categories) and never changes afterwards, so threads share it.  Persons
** added at run time (the tamas_actors table) go into a separate overlay
** lexicon that belongs to one connection.
*/
#ifndef TAMAS_LEXICON_H
#define TAMAS_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include "double_array.h"
#include "tamas.h"

typedef enum entry_kind {
  E_PERSON = 1,      /* id: person */
  E_OFFICE,          /* id: office; plural: a plural form («وزرای خارجه») */
  E_COUNTRY_OFFICE,  /* id: office, country: fixed («رئیس پنتاگون») */
  E_COUNTRY,         /* country: a country's name or metonym («مسکو») */
  E_COUNTRY_ADJ,     /* country: its adjective («روسی», «آمریکایی») */
  E_WORD,            /* cue: a category of categories.tsv (words.tsv), value;
                        country: for a category whose value is a country */
  E_KINDS            /* how many: masks of entry kinds are 32 bits */
} entry_kind;
_Static_assert(E_KINDS <= 32, "an entry kind would fall out of the 32-bit kind masks");


/* The medium a contact word names (lex_entry.value of a word whose category
** takes a medium, categories.tsv): a tamas_medium, or none. */
enum { MEDIUM_NONE = 0, MEDIUM_UNSPECIFIED = TAMAS_MEDIUM_UNSPECIFIED, MEDIUM_LETTER = TAMAS_LETTER,
       MEDIUM_VIDEO = TAMAS_VIDEO, MEDIUM_PHONE = TAMAS_PHONE, MEDIUM_IN_PERSON = TAMAS_IN_PERSON };

/* Word categories (sql/lexicon/categories.tsv), by index: the extraction
** rules are written over them.  A unit of a sentence has a set of them. */
#define CAT_MAX 128
typedef struct cat_mask {
  uint64_t w[2];
} cat_mask;
static inline void cat_add(cat_mask *m, int c) {
  if (c >= 0 && c < CAT_MAX) m->w[c >> 6] |= (uint64_t)1 << (c & 63);
}
static inline int cat_has(const cat_mask *m, int c) {
  return c >= 0 && c < CAT_MAX && (m->w[c >> 6] >> (c & 63) & 1);
}
static inline void cat_or(cat_mask *m, const cat_mask *x) {
  m->w[0] |= x->w[0];
  m->w[1] |= x->w[1];
}
/* Does m hold every category of need? */
static inline int cat_all(const cat_mask *m, const cat_mask *need) {
  return (m->w[0] & need->w[0]) == need->w[0] && (m->w[1] & need->w[1]) == need->w[1];
}
/* Does m hold any category of x? */
static inline int cat_any(const cat_mask *m, const cat_mask *x) {
  return (m->w[0] & x->w[0]) || (m->w[1] & x->w[1]);
}
/* What a category's value (words.tsv) is. */
typedef enum cat_value { CV_NONE, CV_MEDIUM, CV_NUMBER, CV_COUNTRY } cat_value;
/* The index of a category name (n bytes), or -1; its name; how many. */
int lexicon_category(const char *name, size_t n);
const char *lexicon_category_name(int c);
int lexicon_category_count(void);
cat_value lexicon_category_value(int c);
/* Is category c built by a stage of the cascade (from «stage»), not read? */
int lexicon_category_built(int c);
/* The categories every form of a verb carries (verb_classes.tsv), by the
** verb's infinitive (as verb_stems.tsv writes it). */
cat_mask lexicon_verb_categories(const char *infinitive);

typedef struct lex_entry {
  entry_kind kind;
  int id;        /* person or office index */
  int country;   /* country index, -1 if none */
  int plural;
  int cue;       /* E_WORD: its category (categories.tsv) */
  int value;     /* E_WORD: its value (a medium, a number of days …) */
} lex_entry;

typedef struct tenure {
  int country;     /* country index */
  int office;      /* office index */
  int32_t start;   /* JDN, 0 = open */
  int32_t end;     /* JDN, 0 = open */
  char *aliases;   /* the Persian forms as listed, '|'-separated */
} tenure;

/* Is the tenure in force on the day (a JDN)?  An open start or end (0) is
** no bound.  An unknown day (0) is in every tenure: nothing rules it out.
** The one answer to the question: a caller that wants the holder "as far as
** the lexicon knows" asks about LEXICON_DAY. */
int tenure_covers(const tenure *t, int32_t day);
/* Is the tenure in force on some day of [lo, hi]? */
int tenure_overlaps(const tenure *t, int32_t lo, int32_t hi);

/* The day persons.tsv was last checked (2026-11-23): an open tenure is one in
** force on it. */
#define LEXICON_DAY 2461368

typedef struct person {
  char *name;      /* English Wikipedia title */
  char wikidata[16]; /* its Wikidata item ("Q7747"), "" when not confirmed */
  tenure *tenures;
  int n_tenures;
} person;

typedef struct tamas_lexicon tamas_lexicon;

/* The built-in lexicon (NULL only when out of memory). */
const tamas_lexicon *lexicon_builtin(void);

/* A connection's run-time additions. */
tamas_lexicon *lexicon_new_overlay(void);
void lexicon_free(tamas_lexicon *lex);
/* Add a person; country and office as codes ("USA", "foreign_minister"),
** start/end as ISO dates or NULL, aliases '|'-separated Persian forms.
** Returns NULL on success or a static message naming the bad field. */
const char *lexicon_add_person(tamas_lexicon *overlay, const char *name,
                               const char *country, const char *office,
                               const char *start, const char *end,
                               const char *aliases);
/* Give a person of the overlay its Wikidata item ("Q7747"; NULL or "" for
** none); check first: NULL, or a static message naming what is wrong. */
const char *lexicon_check_wikidata(const tamas_lexicon *overlay, const char *name,
                                   const char *wikidata);
const char *lexicon_set_wikidata(tamas_lexicon *overlay, const char *name, const char *wikidata);

/* Around every reading of an overlay another thread may add to (an
** article's extraction): readers share the overlay, lexicon_add_person waits
** for them.  No-ops for the built-in lexicon and NULL. */
void lexicon_read_begin(const tamas_lexicon *lex);
void lexicon_read_end(const tamas_lexicon *lex);

/* A phrase found at a word start: its length in key bytes (0 when none),
** its entries, one bit each for the entry kinds (1 << entry_kind) among
** them, and their categories. */
typedef struct lex_match {
  const lex_entry *first;
  size_t len;
  unsigned kinds;
  cat_mask cats; /* the categories of its entries */
} lex_match;

/* The category of an entry (a person's is «person», a word's its own). */
int lexicon_entry_category(const lex_entry *e);

/* The longest entry list matching folded compact text key[start..n) from
** `start`, ending only where ends[i] is true (ends[] over the whole key,
** i a key byte): its length, entries and kinds, in *out. */
void lexicon_match_at(const tamas_lexicon *lex, const char *key, size_t n,
                      const unsigned char *ends, size_t start, lex_match *out);

/* A scanner may walk the built-in lexicon's double array as it folds a
** word (extract_scan.c), one step per letter and no branch: the array, or
** NULL when the lexicon is not in that form or is empty. */
const double_array *lexicon_array(const tamas_lexicon *lex);

/* lexicon_match_at(start) for a word [start, word_end) whose letters the
** caller walked already, reaching `state` (the array's sink when the walk
** failed): the walk goes on from the word's end into the next words. */
void lexicon_match_after(const tamas_lexicon *lex, int32_t state, const char *key, size_t n,
                         const unsigned char *ends, size_t start, size_t word_end,
                         lex_match *out);

/* The entry after e in a list a look-up found (lex_match.first), or NULL. */
const lex_entry *lexicon_next_entry(const tamas_lexicon *lex, const lex_entry *e);

/* Look-ups by index and code. */
const person *lexicon_person(const tamas_lexicon *lex, int id);
int lexicon_person_count(const tamas_lexicon *lex);
int lexicon_entry_count(const tamas_lexicon *lex); /* phrases and words; 0 for NULL */
const char *lexicon_country_code(int country);
int lexicon_country_index(const char *code);
const char *lexicon_office_code(int office);
int lexicon_office_index(const char *code);
int lexicon_office_rank(int office);
/* Is a holder of the office a side of the contacts told of him (offices.tsv
** party)?  Not a spokesperson, who speaks for the state. */
int lexicon_office_is_party(int office);
/* The office an office word names in a state: «رهبر» (leader) is the office
** of that state's leader (countries.tsv), any other office itself. */
int lexicon_office_in(int office, int country);

/* The holder of an office in a country on a day (JDN; an unknown day, 0, is
** taken as LEXICON_DAY: today's holder as far as the lexicon knows),
** searching the overlay first; NULL if unknown or ambiguous. */
/* The one person who held the office in the state on some day of [lo, hi]
** (overlay first); NULL when nobody, or more than one, did. */
const person *lexicon_office_holder_between(const tamas_lexicon *builtin,
                                            const tamas_lexicon *overlay, int office,
                                            int country, int32_t lo, int32_t hi);
const person *lexicon_office_holder(const tamas_lexicon *builtin,
                                    const tamas_lexicon *overlay, int office,
                                    int country, int32_t day, int *tenure_index);

#endif /* TAMAS_LEXICON_H */
