/*
** categories.c — the word categories of the contact grammar
** (sql/lexicon/categories.tsv) and the categories of verbs
** (sql/lexicon/verb_classes.tsv).
**
** A category is a name the rules are written over («person», «contact»,
** «with»); its index is its row's place in the file.  The table is read once
** per process, before the lexicon that tags its entries with them.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "data/lexicon_data.h"
#include "data/tsv.h"
#include "lexicon.h"

#define CAT_NAME_MAX 24
#define VERB_CLASSES_MAX 64

typedef struct category {
  char name[CAT_NAME_MAX];
  cat_value value;
  int built; /* from «stage»: a stage of the cascade builds it */
} category;

typedef struct verb_class {
  char infinitive[48];
  cat_mask cats;
} verb_class;

static category categories[CAT_MAX];
static int n_categories;
static verb_class verb_classes[VERB_CLASSES_MAX];
static int n_verb_classes;
/* the category of each lexicon entry kind (E_WORD: its own) */
static int kind_category[E_KINDS];
static int offices_category;
static pthread_once_t categories_once = PTHREAD_ONCE_INIT;

static int field_is(const char *s, size_t n, const char *word) {
  return strlen(word) == n && memcmp(s, word, n) == 0;
}

static int find_category(const char *s, size_t n) {
  int i;
  for (i = 0; i < n_categories; i++)
    if (field_is(s, n, categories[i].name)) return i;
  return -1;
}

static void load_categories(void) {
  static const char *const values[] = {"", "medium", "number", "country"};
  tsv_reader r;
  tsv_open(&r, TAMAS_LEX(categories));
  while (tsv_next(&r)) {
    category *c = &categories[n_categories];
    int v;
    if (r.nfields < 3 || r.len[0] == 0 || r.len[0] >= CAT_NAME_MAX) {
      tsv_reject(&r, "name (under %d bytes), from and value are needed", CAT_NAME_MAX);
      continue;
    }
    if (find_category(r.field[0], r.len[0]) >= 0) {
      tsv_reject(&r, "category '%.*s' twice", (int)r.len[0], r.field[0]);
      continue;
    }
    if (n_categories == CAT_MAX) {
      tsv_reject(&r, "more than %d categories", CAT_MAX);
      continue;
    }
    for (v = 0; v < 4 && !field_is(r.field[2], r.len[2], values[v]); v++) {
    }
    if (v == 4) {
      tsv_reject(&r, "value must be empty, medium, number or country");
      continue;
    }
    memcpy(c->name, r.field[0], r.len[0]);
    c->name[r.len[0]] = 0;
    c->value = (cat_value)v;
    c->built = field_is(r.field[1], r.len[1], "stage");
    n_categories++;
  }
}

static void load_verb_classes(void) {
  tsv_reader r;
  tsv_open(&r, TAMAS_LEX(verb_classes));
  while (tsv_next(&r)) {
    int c = r.nfields < 2 ? -1 : find_category(r.field[1], r.len[1]), i;
    if (c < 0 || r.len[0] == 0 || r.len[0] >= sizeof verb_classes[0].infinitive) {
      tsv_reject(&r, "an infinitive and a category of categories.tsv are needed");
      continue;
    }
    for (i = 0; i < n_verb_classes; i++)
      if (field_is(r.field[0], r.len[0], verb_classes[i].infinitive)) break;
    if (i == n_verb_classes) {
      if (n_verb_classes == VERB_CLASSES_MAX) {
        tsv_reject(&r, "more than %d verbs", VERB_CLASSES_MAX);
        continue;
      }
      memcpy(verb_classes[i].infinitive, r.field[0], r.len[0]);
      verb_classes[i].infinitive[r.len[0]] = 0;
      n_verb_classes++;
    }
    cat_add(&verb_classes[i].cats, c);
  }
}

static void load(void) {
  load_categories();
  load_verb_classes();
  kind_category[E_PERSON] = find_category("person", 6);
  kind_category[E_OFFICE] = find_category("office", 6);
  kind_category[E_COUNTRY_OFFICE] = find_category("state_office", 12);
  kind_category[E_COUNTRY] = find_category("country", 7);
  kind_category[E_COUNTRY_ADJ] = find_category("adjective", 9);
  offices_category = find_category("offices", 7);
}

static void ready(void) { pthread_once(&categories_once, load); }

int lexicon_category(const char *name, size_t n) {
  ready();
  return find_category(name, n);
}

const char *lexicon_category_name(int c) {
  ready();
  return c >= 0 && c < n_categories ? categories[c].name : NULL;
}

int lexicon_category_count(void) {
  ready();
  return n_categories;
}

cat_value lexicon_category_value(int c) {
  ready();
  return c >= 0 && c < n_categories ? categories[c].value : CV_NONE;
}

int lexicon_category_built(int c) {
  ready();
  return c >= 0 && c < n_categories && categories[c].built;
}

cat_mask lexicon_verb_categories(const char *infinitive) {
  static const cat_mask none;
  int i;
  ready();
  for (i = 0; i < n_verb_classes; i++)
    if (strcmp(verb_classes[i].infinitive, infinitive) == 0) return verb_classes[i].cats;
  return none;
}

int lexicon_entry_category(const lex_entry *e) {
  ready();
  if (e->kind == E_WORD) return e->cue;
  if (e->kind == E_OFFICE && e->plural) return offices_category;
  return e->kind > 0 && e->kind < E_KINDS ? kind_category[e->kind] : -1;
}
