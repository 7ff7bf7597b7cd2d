/*
** lexicon.c — builds the actor and cue lexicons from the TSV files compiled
** into the library, and matches their phrases in text.
**
** Every phrase (a person's alias, an office, a country's name or adjective,
** a cue word) is folded the same way text is (pagecues.c: fold_compact — Persian
** letter forms unified, spaces and ZWNJ dropped) and stored in a byte trie,
** which the built-in lexicon, once loaded, turns into a double array over
** letters (double_array.c).  Matching walks the trie from a word start over
** the folded text of a sentence and keeps the longest phrase that ends at a
** word end, so
** «گفت وگو», «گفتوگو» and «گفت‌وگو» are one phrase, while «آستین» never
** matches inside a longer word.
*/
#include "lexicon.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "double_array.h"
#include "calendar/datewords.h"
#include "data/lexicon_data.h"
#include "text/fold.h"
#include "tamas.h"
#include "data/tsv.h"
#include "text/utf8.h"

#define PHRASE_MAX 192
#define PLURAL_ENDING "\xd9\x87\xd8\xa7" /* ها: a demonym with it names the state */

typedef struct trie_edge {
  uint32_t key;  /* node << 8 | byte, +1 so that 0 means empty */
  int32_t child;
} trie_edge;

typedef struct trie_node {
  int32_t first_entry; /* index into entries, -1 if none */
} trie_node;

typedef struct entry_link {
  lex_entry e;
  int32_t next;
  /* of the list from this entry on, one bit each: entry kinds, cue kinds
  ** (lists grow at the head, so the head's masks are the list's) */
  unsigned list_kinds;
  cat_mask list_cats;
} entry_link;

/* The built-in trie, once loaded, is copied into a double array for
** look-ups (double_array.h), over symbols rather than bytes: a two-byte
** character of the Arabic block (lead byte 0xD8-0xDB) is one symbol (its
** tamas_arabic_index, as the sentence scanner's fold table gives it), any
** other byte another.  A Persian letter is then one step, not two, and a
** step one cell, not a search among children. */
#define SYMBOL_BYTE 256 /* symbol of a lone byte b: SYMBOL_BYTE + b */

/* Tenures by office and country, for the holder of an office on a day. */
typedef struct holder_key {
  int office, country, person, tenure;
} holder_key;

struct tamas_lexicon {
  double_array frozen; /* the built-in lexicon: set once built */
  holder_key *holders; /* the built-in lexicon: every tenure, sorted */
  int n_holders;
  trie_node *nodes;
  int32_t n_nodes, cap_nodes;
  trie_edge *edges; /* open addressing, size a power of two */
  uint32_t cap_edges, n_edges;
  entry_link *entries;
  int32_t n_entries, cap_entries;
  person *persons;
  int n_persons, cap_persons;
  /* An overlay is read by the threads of a scan (scan.c) while its
  ** connection may add to it: readers share, an addition waits for them.
  ** The built-in lexicon is read-only once built and has no lock. */
  pthread_rwlock_t lock;
  int has_lock;
};

/* Country and office tables are process-wide: built once with the built-in
** lexicon and shared by overlays. */
static char (*country_codes)[8];
static int *country_leaders; /* per country: the office its leader holds */
static int leader_office = -1; /* the office «رهبر» names (set when offices load) */
static int n_countries;
static char (*office_codes)[40];
static int *office_ranks;
static unsigned char *office_not_party; /* offices.tsv party «no»: speaks for the state */
static int n_offices;
/* The office «رهبر» names (offices.tsv): the leader of a state's executive,
** who holds the office countries.tsv gives in its leader column (the head of
** government of a parliamentary state), else the head of state. */
#define LEADER_OFFICE "leader"
#define DEFAULT_LEADER "head_of_state"

static tamas_lexicon *builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

/* ---- the trie ------------------------------------------------------------ */

static int grow(void **p, int32_t *cap, int32_t need, size_t size) {
  void *q;
  int32_t c = *cap ? *cap : 64;
  if (need <= *cap) return 1;
  while (c < need) c *= 2;
  q = realloc(*p, (size_t)c * size);
  if (!q) return 0;
  *p = q;
  *cap = c;
  return 1;
}

static uint32_t edge_hash(uint32_t key, uint32_t cap) {
  key ^= key >> 16;
  key *= 0x45d9f3bu;
  key ^= key >> 16;
  return key & (cap - 1);
}

static int32_t find_child(const tamas_lexicon *lex, int32_t node, unsigned char b) {
  uint32_t key = ((uint32_t)node << 8 | b) + 1, i;
  if (lex->cap_edges == 0) return -1;
  for (i = edge_hash(key, lex->cap_edges);; i = (i + 1) & (lex->cap_edges - 1)) {
    if (lex->edges[i].key == key) return lex->edges[i].child;
    if (lex->edges[i].key == 0) return -1;
  }
}

static int rehash(tamas_lexicon *lex) {
  uint32_t cap = lex->cap_edges ? lex->cap_edges * 2 : 1024, i;
  trie_edge *old = lex->edges, *e = calloc(cap, sizeof *e);
  uint32_t old_cap = lex->cap_edges;
  if (!e) return 0;
  for (i = 0; i < old_cap; i++) {
    uint32_t j;
    if (old[i].key == 0) continue;
    for (j = edge_hash(old[i].key, cap); e[j].key; j = (j + 1) & (cap - 1)) {
    }
    e[j] = old[i];
  }
  free(old);
  lex->edges = e;
  lex->cap_edges = cap;
  return 1;
}

static int32_t add_child(tamas_lexicon *lex, int32_t node, unsigned char b) {
  int32_t child = find_child(lex, node, b);
  uint32_t key = ((uint32_t)node << 8 | b) + 1, i;
  if (child >= 0) return child;
  if ((lex->n_edges + 1) * 2 > lex->cap_edges && !rehash(lex)) return -1;
  if (!grow((void **)&lex->nodes, &lex->cap_nodes, lex->n_nodes + 1, sizeof *lex->nodes))
    return -1;
  child = lex->n_nodes++;
  lex->nodes[child].first_entry = -1;
  for (i = edge_hash(key, lex->cap_edges); lex->edges[i].key; i = (i + 1) & (lex->cap_edges - 1)) {
  }
  lex->edges[i].key = key;
  lex->edges[i].child = child;
  lex->n_edges++;
  return child;
}

/* Add one phrase (as written) with its entry.  Empty phrases are ignored. */
static int add_phrase(tamas_lexicon *lex, const char *text, size_t n, const lex_entry *e) {
  char key[PHRASE_MAX];
  size_t len = fold_compact(text, n, key, sizeof key), i;
  int32_t node = 0;
  entry_link *link;
  if (len == 0) return 1;
  for (i = 0; i < len && node >= 0; i++) node = add_child(lex, node, (unsigned char)key[i]);
  if (node < 0) return 0;
  /* the same entry twice under one phrase adds nothing */
  for (int32_t k = lex->nodes[node].first_entry; k >= 0; k = lex->entries[k].next)
    if (memcmp(&lex->entries[k].e, e, sizeof *e) == 0) return 1;
  if (!grow((void **)&lex->entries, &lex->cap_entries, lex->n_entries + 1, sizeof *lex->entries))
    return 0;
  link = &lex->entries[lex->n_entries];
  link->e = *e;
  link->next = lex->nodes[node].first_entry;
  link->list_kinds = 1u << e->kind;
  memset(&link->list_cats, 0, sizeof link->list_cats);
  cat_add(&link->list_cats, lexicon_entry_category(e));
  if (link->next >= 0) {
    link->list_kinds |= lex->entries[link->next].list_kinds;
    cat_or(&link->list_cats, &lex->entries[link->next].list_cats);
  }
  lex->nodes[node].first_entry = lex->n_entries++;
  return 1;
}

/* Add every '|'-separated alternative of a field, with `ending` written
** after each ("" for none; one too long with it is left out). */
static int add_alternatives_ending(tamas_lexicon *lex, const char *field, size_t n,
                                   const char *ending, const lex_entry *e) {
  size_t pos = 0, len, k = strlen(ending);
  const char *alt;
  char buf[PHRASE_MAX];
  while (tsv_alternative(field, n, &pos, &alt, &len)) {
    if (k) {
      if (len + k >= sizeof buf) continue;
      memcpy(buf, alt, len);
      memcpy(buf + len, ending, k);
      alt = buf;
      len += k;
    }
    if (!add_phrase(lex, alt, len, e)) return 0;
  }
  return 1;
}

static int add_alternatives(tamas_lexicon *lex, const char *field, size_t n, const lex_entry *e) {
  return add_alternatives_ending(lex, field, n, "", e);
}

static tamas_lexicon *new_lexicon(void) {
  tamas_lexicon *lex = calloc(1, sizeof *lex);
  if (!lex) return NULL;
  if (!grow((void **)&lex->nodes, &lex->cap_nodes, 1, sizeof *lex->nodes)) {
    free(lex);
    return NULL;
  }
  lex->n_nodes = 1;
  lex->nodes[0].first_entry = -1;
  return lex;
}

static int is_arabic_lead(unsigned b) { return b - 0xD8u < 4; }

/* The symbol at key[i] and its length in bytes (see SYMBOL_BYTE). */
static int32_t symbol_at(const unsigned char *key, size_t n, size_t i, size_t *len) {
  if (is_arabic_lead(key[i]) && i + 1 < n && (key[i + 1] & 0xC0) == 0x80) {
    *len = 2;
    return (int32_t)tamas_arabic_index(key + i);
  }
  *len = 1;
  return SYMBOL_BYTE + key[i];
}

/* A trie's edges grouped by parent: the children of node u are reached over
** symbol[first[u] .. first[u+1]) and are child[...] (byte_rows: the symbols
** are the bytes of the hashed trie; symbol_rows: letters, see SYMBOL_BYTE). */
typedef struct trie_rows {
  int32_t *first, *symbol, *child;
} trie_rows;

static void free_rows(trie_rows *r) {
  free(r->first);
  free(r->symbol);
  free(r->child);
}

static int byte_rows(const tamas_lexicon *lex, trie_rows *r) {
  int32_t n = lex->n_nodes, i;
  r->first = calloc((size_t)n + 1, sizeof *r->first);
  r->symbol = malloc((lex->n_edges + 1) * sizeof *r->symbol);
  r->child = malloc((lex->n_edges + 1) * sizeof *r->child);
  if (!r->first || !r->symbol || !r->child) return 0;
  for (i = 0; i < (int32_t)lex->cap_edges; i++)
    if (lex->edges[i].key) r->first[((lex->edges[i].key - 1) >> 8) + 1]++;
  for (i = 0; i < n; i++) r->first[i + 1] += r->first[i];
  for (i = 0; i < (int32_t)lex->cap_edges; i++)
    if (lex->edges[i].key) {
      int32_t at = r->first[(lex->edges[i].key - 1) >> 8]++;
      r->symbol[at] = (int32_t)((lex->edges[i].key - 1) & 0xFF);
      r->child[at] = lex->edges[i].child;
    }
  for (i = n; i > 0; i--) r->first[i] = r->first[i - 1]; /* back to row starts */
  r->first[0] = 0;
  return 1;
}

/* The same trie over symbols: a lead byte and its continuation byte become
** one edge to the grandchild.  (Keys are valid UTF-8, so the node after a
** lead byte has only continuation bytes below it.)  The nodes after a lead
** byte get rows too, which nothing reaches: hence room for twice the edges. */
static int symbol_rows(const tamas_lexicon *lex, const trie_rows *b, trie_rows *r) {
  int32_t n = lex->n_nodes, u, k, j, at = 0;
  r->first = malloc(((size_t)n + 1) * sizeof *r->first);
  r->symbol = malloc((2 * (size_t)lex->n_edges + 1) * sizeof *r->symbol);
  r->child = malloc((2 * (size_t)lex->n_edges + 1) * sizeof *r->child);
  if (!r->first || !r->symbol || !r->child) return 0;
  for (u = 0; u < n; u++) {
    r->first[u] = at;
    for (k = b->first[u]; k < b->first[u + 1]; k++) {
      int32_t c = b->symbol[k], v = b->child[k];
      if (!is_arabic_lead((unsigned)c)) {
        r->symbol[at] = SYMBOL_BYTE + c;
        r->child[at++] = v;
        continue;
      }
      for (j = b->first[v]; j < b->first[v + 1]; j++)
        if ((b->symbol[j] & 0xC0) == 0x80) {
          r->symbol[at] = (c - 0xD8) << 6 | (b->symbol[j] & 0x3F);
          r->child[at++] = b->child[j];
        }
    }
  }
  r->first[n] = at;
  return 1;
}

/* Copy the trie into a double array and free the hashed one.  Returns 0
** when out of memory; the hashed trie still works then. */
static int freeze(tamas_lexicon *lex) {
  trie_rows bytes = {NULL, NULL, NULL}, symbols = {NULL, NULL, NULL};
  int32_t *value = malloc((size_t)lex->n_nodes * sizeof *value), i;
  int ok = 0;
  if (value && byte_rows(lex, &bytes) && symbol_rows(lex, &bytes, &symbols)) {
    for (i = 0; i < lex->n_nodes; i++) value[i] = lex->nodes[i].first_entry;
    ok = double_array_build(&lex->frozen, lex->n_nodes, symbols.first, symbols.symbol,
                            symbols.child, value);
  }
  free_rows(&bytes);
  free_rows(&symbols);
  free(value);
  if (!ok) return 0;
  /* the hashed trie is not looked at again */
  free(lex->edges);
  free(lex->nodes);
  lex->edges = NULL;
  lex->nodes = NULL;
  lex->cap_edges = lex->n_edges = 0;
  lex->n_nodes = lex->cap_nodes = 0;
  return 1;
}

/* The walk from `state` at key byte i on: the end of the longest phrase
** (`best` stays when none ends further on) and its entry in *entry. */
static size_t walk_frozen(const double_array *da, int32_t state, const unsigned char *key,
                          size_t i, size_t n, const unsigned char *ends, size_t best,
                          int32_t *entry) {
  size_t len;
  while (i < n && (state = double_array_step(da, state, symbol_at(key, n, i, &len))) >= 0) {
    i += len;
    if (ends[i] && da->value[state] >= 0) {
      best = i;
      *entry = da->value[state];
    }
  }
  return best;
}

/* The longest phrase in the double array: the end and the node's entry. */
static size_t match_frozen(const double_array *da, const unsigned char *key, size_t n,
                           const unsigned char *ends, int32_t *entry) {
  return walk_frozen(da, 0, key, 0, n, ends, 0, entry);
}

/* The longest phrase in the hashed trie (an overlay): the same. */
static size_t match_hashed(const tamas_lexicon *lex, const unsigned char *key, size_t n,
                           const unsigned char *ends, int32_t *entry) {
  int32_t node = 0;
  size_t i, best = 0;
  for (i = 0; i < n && (node = find_child(lex, node, key[i])) >= 0; i++)
    if (ends[i + 1] && lex->nodes[node].first_entry >= 0) {
      best = i + 1;
      *entry = lex->nodes[node].first_entry;
    }
  return best;
}

/* The result of a look-up that found `len` bytes and list `first`. */
static void set_match(const tamas_lexicon *lex, size_t len, int32_t first, lex_match *m) {
  m->len = len;
  m->first = NULL;
  m->kinds = 0;
  memset(&m->cats, 0, sizeof m->cats);
  if (len == 0) return;
  m->first = &lex->entries[first].e;
  m->kinds = lex->entries[first].list_kinds;
  m->cats = lex->entries[first].list_cats;
}

/* The longest phrase of either form of the trie: its length, and the first
** of its entries in *first. */
static size_t longest(const tamas_lexicon *lex, const unsigned char *key, size_t n,
                      const unsigned char *ends, int32_t *first) {
  if (!lex || lex->n_entries == 0) return 0;
  return lex->frozen.cells ? match_frozen(&lex->frozen, key, n, ends, first)
                           : match_hashed(lex, key, n, ends, first);
}

void lexicon_match_at(const tamas_lexicon *lex, const char *key, size_t n,
                      const unsigned char *ends, size_t start, lex_match *out) {
  int32_t first = -1;
  size_t len = longest(lex, (const unsigned char *)key + start, n - start, ends + start, &first);
  set_match(lex, len, first, out);
}

const double_array *lexicon_array(const tamas_lexicon *lex) {
  return lex && lex->frozen.cells && lex->n_entries > 0 ? &lex->frozen : NULL;
}

void lexicon_match_after(const tamas_lexicon *lex, int32_t state, const char *key, size_t n,
                         const unsigned char *ends, size_t start, size_t word_end,
                         lex_match *out) {
  const double_array *da = &lex->frozen;
  int32_t entry = -1;
  size_t best = start;
  if (state == da->sink) {
    set_match(lex, 0, -1, out);
    return;
  }
  if (ends[word_end] && da->value[state] >= 0) {
    best = word_end;
    entry = da->value[state];
  }
  /* a state without children (base 0: double_array.c gives every parent a
  ** base of 1 or more) ends the phrase at the word's end */
  if (da->cells[state].base != 0)
    best = walk_frozen(da, state, (const unsigned char *)key, word_end, n, ends, best, &entry);
  set_match(lex, best - start, entry, out);
}

const lex_entry *lexicon_next_entry(const tamas_lexicon *lex, const lex_entry *e) {
  const entry_link *link = (const entry_link *)e;
  return link->next >= 0 ? &lex->entries[link->next].e : NULL;
}

/* ---- tables: countries and offices ---------------------------------------- */

static int add_code(char (**codes)[8], int *n, const char *s, size_t len) {
  char(*bigger)[8];
  if (len == 0 || len >= 8) return -1;
  bigger = realloc(*codes, (size_t)(*n + 1) * sizeof **codes);
  if (!bigger) return -1;
  *codes = bigger;
  memcpy((*codes)[*n], s, len);
  (*codes)[*n][len] = 0;
  return (*n)++;
}

int lexicon_country_index(const char *code) {
  int i;
  for (i = 0; i < n_countries; i++)
    if (strcmp(country_codes[i], code) == 0) return i;
  return -1;
}

const char *lexicon_country_code(int country) {
  return country >= 0 && country < n_countries ? country_codes[country] : NULL;
}

int lexicon_office_index(const char *code) {
  int i;
  for (i = 0; i < n_offices; i++)
    if (strcmp(office_codes[i], code) == 0) return i;
  return -1;
}

/* Look up a code given as a TSV field (not NUL-terminated). */
static int index_of_field(const char *s, size_t n, int (*lookup)(const char *)) {
  char code[40];
  if (n == 0 || n >= sizeof code) return -1;
  memcpy(code, s, n);
  code[n] = 0;
  return lookup(code);
}

static int country_index_n(const char *s, size_t n) {
  return index_of_field(s, n, lexicon_country_index);
}

static int office_index_n(const char *s, size_t n) {
  return index_of_field(s, n, lexicon_office_index);
}

const char *lexicon_office_code(int office) {
  return office >= 0 && office < n_offices ? office_codes[office] : NULL;
}

int lexicon_office_in(int office, int country) {
  if (office < 0 || office != leader_office || country < 0 || country >= n_countries ||
      !country_leaders)
    return office;
  return country_leaders[country];
}

int lexicon_office_is_party(int office) {
  return !(office >= 0 && office < n_offices && office_not_party[office]);
}

int lexicon_office_rank(int office) {
  return office >= 0 && office < n_offices ? office_ranks[office] : 9;
}

/* ---- loading --------------------------------------------------------------- */

static int load_countries(tamas_lexicon *lex, const char *file, const char *data, uint32_t size,
                          int names_col, int adj_col, int metonym_col, int leader_col) {
  tsv_reader r;
  int default_leader = lexicon_office_index(DEFAULT_LEADER);
  tsv_open(&r, file, data, size);
  while (tsv_next(&r)) {
    int c, leader = default_leader, *leaders;
    if (leader_col > 0 && r.nfields > leader_col && r.len[leader_col] > 0 &&
        (leader = office_index_n(r.field[leader_col], r.len[leader_col])) < 0) {
      tsv_reject(&r, "unknown office '%.*s' in the leader column", (int)r.len[leader_col],
                 r.field[leader_col]);
      continue;
    }
    lex_entry name = {E_COUNTRY, 0, -1, 0, 0, 0}, adj = {E_COUNTRY_ADJ, 0, -1, 0, 0, 0};
    if (r.len[0] == 0 || r.len[0] >= sizeof *country_codes) {
      tsv_reject(&r, "a code of 1 to %d letters is needed", (int)sizeof *country_codes - 1);
      continue;
    }
    if ((c = add_code(&country_codes, &n_countries, r.field[0], r.len[0])) < 0) return 0;
    if (!(leaders = realloc(country_leaders, (size_t)n_countries * sizeof *leaders))) return 0;
    country_leaders = leaders;
    country_leaders[c] = leader;
    name.country = adj.country = c;
    if (r.nfields > names_col && !add_alternatives(lex, r.field[names_col], r.len[names_col], &name))
      return 0;
    if (adj_col > 0 && r.nfields > adj_col &&
        (!add_alternatives(lex, r.field[adj_col], r.len[adj_col], &adj) ||
         /* «روس‌ها», «آمریکایی‌ها» (the ZWNJ folds away): the Russians, the state */
         !add_alternatives_ending(lex, r.field[adj_col], r.len[adj_col], PLURAL_ENDING, &name)))
      return 0;
    if (metonym_col > 0 && r.nfields > metonym_col &&
        !add_alternatives(lex, r.field[metonym_col], r.len[metonym_col], &name))
      return 0;
  }
  return 1;
}

static int load_offices(tamas_lexicon *lex) {
  tsv_reader r;
  tsv_open(&r, TAMAS_LEX(offices));
  while (tsv_next(&r)) {
    char(*codes)[40] = realloc(office_codes, (size_t)(n_offices + 1) * sizeof *codes);
    int *ranks = realloc(office_ranks, (size_t)(n_offices + 1) * sizeof *ranks);
    unsigned char *not_party = realloc(office_not_party, (size_t)(n_offices + 1));
    lex_entry one = {E_OFFICE, n_offices, -1, 0, 0, 0}, many = {E_OFFICE, n_offices, -1, 1, 0, 0};
    if (codes) office_codes = codes;
    if (ranks) office_ranks = ranks;
    if (not_party) office_not_party = not_party;
    if (!codes || !ranks || !not_party) return 0;
    if (r.len[0] == 0 || r.len[0] >= sizeof *codes || r.nfields < 4) {
      tsv_reject(&r, "office, rank, singular and plural are needed (a code under 40 bytes)");
      continue;
    }
    memcpy(office_codes[n_offices], r.field[0], r.len[0]);
    office_codes[n_offices][r.len[0]] = 0;
    office_ranks[n_offices] = atoi(r.field[1]);
    office_not_party[n_offices] = r.nfields > 6 && r.len[6] == 2 && !memcmp(r.field[6], "no", 2);
    if (r.nfields > 6 && r.len[6] && !office_not_party[n_offices])
      tsv_reject(&r, "party is «no» or empty, not '%.*s'", (int)r.len[6], r.field[6]);
    n_offices++;
    if (!add_alternatives(lex, r.field[2], r.len[2], &one) ||
        !add_alternatives(lex, r.field[3], r.len[3], &many))
      return 0;
  }
  leader_office = lexicon_office_index(LEADER_OFFICE);
  return 1;
}

static int load_office_phrases(tamas_lexicon *lex) {
  tsv_reader r;
  tsv_open(&r, TAMAS_LEX(office_phrases));
  while (tsv_next(&r)) {
    lex_entry e = {E_COUNTRY_OFFICE, 0, -1, 0, 0, 0};
    if (r.nfields < 3) {
      tsv_reject(&r, "phrase, country and office are needed");
      continue;
    }
    e.country = country_index_n(r.field[1], r.len[1]);
    e.id = office_index_n(r.field[2], r.len[2]);
    if (e.country < 0 || e.id < 0) {
      tsv_reject(&r, "unknown %s '%.*s'", e.country < 0 ? "country" : "office",
                 (int)r.len[e.country < 0 ? 1 : 2], r.field[e.country < 0 ? 1 : 2]);
      continue;
    }
    if (!add_phrase(lex, r.field[0], r.len[0], &e)) return 0;
  }
  return 1;
}

static int32_t parse_day(const char *s, size_t n) {
  int32_t jdn;
  if (n == 0) return 0;
  return tamas_parse_timevalue(s, n, &jdn) ? jdn : 0;
}

static int find_person(const tamas_lexicon *lex, const char *name, size_t n) {
  int i;
  for (i = lex->n_persons - 1; i >= 0; i--)
    if (strlen(lex->persons[i].name) == n && memcmp(lex->persons[i].name, name, n) == 0) return i;
  return -1;
}

/* One tenure of a person; the person is created on first sight. */
static const char *add_tenure(tamas_lexicon *lex, const char *name, size_t name_n,
                              int country, int office, int32_t start, int32_t end,
                              const char *aliases, size_t aliases_n) {
  int id = find_person(lex, name, name_n);
  person *p;
  tenure *t;
  lex_entry e = {E_PERSON, 0, country, 0, 0, 0};
  if (id < 0) {
    if (lex->n_persons == lex->cap_persons &&
        !grow((void **)&lex->persons, &lex->cap_persons, lex->n_persons + 1, sizeof *lex->persons))
      return "out of memory";
    p = &lex->persons[lex->n_persons];
    memset(p, 0, sizeof *p);
    if (!(p->name = malloc(name_n + 1))) return "out of memory";
    memcpy(p->name, name, name_n);
    p->name[name_n] = 0;
    id = lex->n_persons++;
  }
  p = &lex->persons[id];
  t = realloc(p->tenures, (size_t)(p->n_tenures + 1) * sizeof *t);
  if (!t) return "out of memory";
  p->tenures = t;
  p->tenures[p->n_tenures] = (tenure){country, office, start, end, malloc(aliases_n + 1)};
  if (!p->tenures[p->n_tenures].aliases) return "out of memory";
  memcpy(p->tenures[p->n_tenures].aliases, aliases, aliases_n);
  p->tenures[p->n_tenures].aliases[aliases_n] = 0;
  p->n_tenures++;
  e.id = id;
  if (!add_alternatives(lex, aliases, aliases_n, &e)) return "out of memory";
  return NULL;
}

/* A Wikidata item: 'Q' and a number with no leading zero, at most 15 bytes. */
static int wikidata_ok(const char *s, size_t n) {
  size_t i;
  if (n < 2 || n >= sizeof(((person *)0)->wikidata) || s[0] != 'Q' || s[1] == '0') return 0;
  for (i = 1; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* Give person id its Wikidata item; NULL, or why not (another item already). */
static const char *set_wikidata(tamas_lexicon *lex, int id, const char *q, size_t n) {
  person *p = &lex->persons[id];
  if (p->wikidata[0] && (strlen(p->wikidata) != n || memcmp(p->wikidata, q, n)))
    return "another row of the person has another wikidata item";
  memcpy(p->wikidata, q, n);
  p->wikidata[n] = 0;
  return NULL;
}

static int load_persons(tamas_lexicon *lex) {
  tsv_reader r;
  tsv_open(&r, TAMAS_LEX(persons));
  while (tsv_next(&r)) {
    int country, office, k;
    int32_t days[2];
    if (r.nfields < 6) {
      tsv_reject(&r, "name, country, office, start, end and aliases are needed");
      continue;
    }
    country = country_index_n(r.field[1], r.len[1]);
    office = office_index_n(r.field[2], r.len[2]);
    if (country < 0 || office < 0) {
      tsv_reject(&r, "unknown %s '%.*s'", country < 0 ? "country" : "office",
                 (int)r.len[country < 0 ? 1 : 2], r.field[country < 0 ? 1 : 2]);
      continue;
    }
    for (k = 0; k < 2; k++)
      if (!(days[k] = parse_day(r.field[3 + k], r.len[3 + k])) && r.len[3 + k])
        tsv_reject(&r, "%s '%.*s' is not a date", k ? "end" : "start", (int)r.len[3 + k],
                   r.field[3 + k]);
    if (add_tenure(lex, r.field[0], r.len[0], country, office, days[0], days[1], r.field[5],
                   r.len[5]))
      return 0;
    /* wikidata (optional column): the person's item, on any of its rows */
    if (r.nfields > 6 && r.len[6]) {
      const char *why = NULL;
      if (!wikidata_ok(r.field[6], r.len[6]))
        why = "wikidata must be an item such as Q7747";
      else
        why = set_wikidata(lex, find_person(lex, r.field[0], r.len[0]), r.field[6], r.len[6]);
      if (why) tsv_reject(&r, "%s, not '%.*s'", why, (int)r.len[6], r.field[6]);
    }
  }
  return 1;
}

/* The weekday cues, from the one list of weekday names (calendar/
** datewords.c): the name in full and in two words (one key: spaces fold
** away). */
static int load_weekdays(tamas_lexicon *lex) {
  int i, k, weekday = lexicon_category("weekday", 7);
  for (i = 0; i < 7; i++)
    for (k = 0; k < 2; k++) {
      const char *name = k ? dateword_weekday_in_words(i) : tamas_weekday_name(i);
      lex_entry w = {E_WORD, 0, -1, 0, weekday, i};
      if (!add_phrase(lex, name, strlen(name), &w)) return 0;
    }
  return 1;
}

/* words.tsv: a phrase and its category, with the value its category takes
** (categories.tsv): a medium, a number or a country. */
static int load_words(tamas_lexicon *lex) {
  tsv_reader r;
  tsv_open(&r, TAMAS_LEX(words));
  while (tsv_next(&r)) {
    lex_entry e = {E_WORD, 0, -1, 0, -1, 0};
    const char *v = r.nfields > 2 ? r.field[2] : "";
    size_t vn = r.nfields > 2 ? r.len[2] : 0;
    if (r.nfields < 2 || (e.cue = lexicon_category(r.field[1], r.len[1])) < 0) {
      tsv_reject(&r, "unknown category '%.*s'", r.nfields < 2 ? 0 : (int)r.len[1], r.field[1]);
      continue;
    }
    switch (lexicon_category_value(e.cue)) {
      case CV_MEDIUM:
        if (!(e.value = tamas_medium_from_name(v, vn))) {
          tsv_reject(&r, "unknown medium '%.*s'", (int)vn, v);
          continue;
        }
        break;
      case CV_NUMBER:
        if (vn == 0) {
          tsv_reject(&r, "a number is needed");
          continue;
        }
        e.value = atoi(v);
        break;
      case CV_COUNTRY:
        if ((e.country = country_index_n(v, vn)) < 0) {
          tsv_reject(&r, "unknown country '%.*s'", (int)vn, v);
          continue;
        }
        break;
      case CV_NONE:
        if (vn) {
          tsv_reject(&r, "category '%.*s' takes no value", (int)r.len[1], r.field[1]);
          continue;
        }
        break;
    }
    if (!add_phrase(lex, r.field[0], r.len[0], &e)) return 0;
  }
  return 1;
}

static void index_holders(tamas_lexicon *lex);

static void build_builtin(void) {
  tamas_lexicon *lex = new_lexicon();
  if (!lex) return;
  /* offices first: a country's row names the office of its leader */
  if (load_offices(lex) && load_countries(lex, TAMAS_LEX(countries), 1, 2, 3, 4) &&
      load_countries(lex, TAMAS_LEX(orgs), 1, 2, 0, 0) && load_office_phrases(lex) &&
      load_persons(lex) && load_weekdays(lex) &&
      load_words(lex)) {
    freeze(lex); /* when out of memory, the hashed trie serves */
    index_holders(lex);
    builtin = lex;
    return;
  }
  lexicon_free(lex);
}

const tamas_lexicon *lexicon_builtin(void) {
  pthread_once(&builtin_once, build_builtin);
  return builtin;
}

tamas_lexicon *lexicon_new_overlay(void) {
  pthread_rwlockattr_t attr;
  tamas_lexicon *lex = lexicon_builtin() ? new_lexicon() : NULL;
  if (!lex) return NULL;
  /* writers first: threads that take turns reading must not starve an addition */
  if (pthread_rwlockattr_init(&attr) != 0) {
    lexicon_free(lex);
    return NULL;
  }
  pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
  lex->has_lock = pthread_rwlock_init(&lex->lock, &attr) == 0;
  pthread_rwlockattr_destroy(&attr);
  if (!lex->has_lock) {
    lexicon_free(lex);
    return NULL;
  }
  return lex;
}

void lexicon_read_begin(const tamas_lexicon *lex) {
  if (lex && lex->has_lock) pthread_rwlock_rdlock(&((tamas_lexicon *)lex)->lock);
}

void lexicon_read_end(const tamas_lexicon *lex) {
  if (lex && lex->has_lock) pthread_rwlock_unlock(&((tamas_lexicon *)lex)->lock);
}

void lexicon_free(tamas_lexicon *lex) {
  int i;
  if (!lex) return;
  for (i = 0; i < lex->n_persons; i++) {
    int j;
    for (j = 0; j < lex->persons[i].n_tenures; j++) free(lex->persons[i].tenures[j].aliases);
    free(lex->persons[i].name);
    free(lex->persons[i].tenures);
  }
  free(lex->persons);
  free(lex->holders);
  double_array_free(&lex->frozen);
  free(lex->nodes);
  free(lex->edges);
  free(lex->entries);
  if (lex->has_lock) pthread_rwlock_destroy(&lex->lock);
  free(lex);
}

/* SQLite unloads the extension when its connection closes (dlclose). */
__attribute__((destructor)) static void free_builtin(void) {
  lexicon_free(builtin);
  builtin = NULL;
  free(country_codes);
  free(country_leaders);
  free(office_codes);
  free(office_ranks);
  free(office_not_party);
}

const char *lexicon_add_person(tamas_lexicon *overlay, const char *name, const char *country,
                               const char *office, const char *start, const char *end,
                               const char *aliases) {
  int c, o;
  int32_t s = 0, e = 0;
  const char *why;
  if (!overlay) return "out of memory";
  if (!name || !name[0]) return "name is required";
  if (!country || (c = lexicon_country_index(country)) < 0)
    return "country must be a known ISO 3166-1 alpha-3 code (or an organisation code)";
  if (!office || (o = lexicon_office_index(office)) < 0)
    return "office must be an office code from sql/lexicon/offices.tsv";
  if (start && start[0] && !(s = parse_day(start, strlen(start)))) return "start is not a date";
  if (end && end[0] && !(e = parse_day(end, strlen(end)))) return "end is not a date";
  if (!aliases || !aliases[strspn(aliases, "| ")])
    return "aliases are required: the Persian forms, '|'-separated";
  if (overlay->has_lock) pthread_rwlock_wrlock(&overlay->lock);
  why = add_tenure(overlay, name, strlen(name), c, o, s, e, aliases, strlen(aliases));
  if (overlay->has_lock) pthread_rwlock_unlock(&overlay->lock);
  return why;
}

const char *lexicon_check_wikidata(const tamas_lexicon *overlay, const char *name,
                                   const char *wikidata) {
  int id;
  if (!wikidata || !wikidata[0]) return NULL;
  if (!wikidata_ok(wikidata, strlen(wikidata)))
    return "wikidata must be a Wikidata item such as 'Q7747'";
  if (!overlay || !name) return NULL;
  id = find_person(overlay, name, strlen(name));
  if (id >= 0 && overlay->persons[id].wikidata[0] && strcmp(overlay->persons[id].wikidata, wikidata))
    return "the person has another wikidata item";
  return NULL;
}

const char *lexicon_set_wikidata(tamas_lexicon *overlay, const char *name, const char *wikidata) {
  const char *why = lexicon_check_wikidata(overlay, name, wikidata);
  int id;
  if (why || !wikidata || !wikidata[0]) return why;
  if (!overlay || (id = find_person(overlay, name, strlen(name))) < 0) return "no such person";
  if (overlay->has_lock) pthread_rwlock_wrlock(&overlay->lock);
  why = set_wikidata(overlay, id, wikidata, strlen(wikidata));
  if (overlay->has_lock) pthread_rwlock_unlock(&overlay->lock);
  return why;
}

const person *lexicon_person(const tamas_lexicon *lex, int id) {
  return lex && id >= 0 && id < lex->n_persons ? &lex->persons[id] : NULL;
}

int lexicon_person_count(const tamas_lexicon *lex) { return lex ? lex->n_persons : 0; }

int lexicon_entry_count(const tamas_lexicon *lex) { return lex ? (int)lex->n_entries : 0; }

int tenure_overlaps(const tenure *t, int32_t lo, int32_t hi) {
  return (t->start == 0 || t->start <= hi) && (t->end == 0 || lo <= t->end);
}

int tenure_covers(const tenure *t, int32_t day) {
  return day == 0 || ((t->start == 0 || t->start <= day) && (t->end == 0 || day <= t->end));
}

static int compare_holders(const void *x, const void *y) {
  const holder_key *a = x, *b = y;
  if (a->office != b->office) return a->office < b->office ? -1 : 1;
  if (a->country != b->country) return a->country < b->country ? -1 : 1;
  if (a->person != b->person) return a->person < b->person ? -1 : 1;
  return (a->tenure > b->tenure) - (a->tenure < b->tenure);
}

/* Index the tenures of the built-in lexicon by office and country (in person
** order within each), so finding a holder is a binary search.  Without the
** index (out of memory) every tenure is looked at. */
static void index_holders(tamas_lexicon *lex) {
  int i, j, n = 0;
  for (i = 0; i < lex->n_persons; i++) n += lex->persons[i].n_tenures;
  if (!(lex->holders = malloc(((size_t)n + 1) * sizeof *lex->holders))) return;
  for (i = 0; i < lex->n_persons; i++)
    for (j = 0; j < lex->persons[i].n_tenures; j++) {
      const tenure *t = &lex->persons[i].tenures[j];
      lex->holders[lex->n_holders++] = (holder_key){t->office, t->country, i, j};
    }
  qsort(lex->holders, (size_t)lex->n_holders, sizeof *lex->holders, compare_holders);
}

/* The tenures of lex to look at for (office, country): [*from, *to) of its
** holder index, or every tenure (*from = -1) when it has none. */
static void holder_range(const tamas_lexicon *lex, int office, int country, int *from, int *to) {
  int lo = 0, hi = lex->n_holders;
  if (!lex->holders) {
    *from = *to = -1;
    return;
  }
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    const holder_key *h = &lex->holders[mid];
    if (h->office < office || (h->office == office && h->country < country)) lo = mid + 1;
    else hi = mid;
  }
  *from = *to = lo;
  while (*to < lex->n_holders && lex->holders[*to].office == office &&
         lex->holders[*to].country == country)
    (*to)++;
}

/* One candidate tenure, in force on some day of [lo, hi]: count a new
** person, remember the last. */
static void consider(const tamas_lexicon *lex, int i, int j, int office, int country, int32_t lo,
                     int32_t hi, const person **found, int *hits, int *tenure_index) {
  const tenure *t = &lex->persons[i].tenures[j];
  if (t->office == office && t->country == country && tenure_overlaps(t, lo, hi)) {
    if (*found != &lex->persons[i]) (*hits)++;
    *found = &lex->persons[i];
    if (tenure_index) *tenure_index = j;
  }
}

static const person *holder_between(const tamas_lexicon *base, const tamas_lexicon *overlay,
                                    int office, int country, int32_t lo, int32_t hi,
                                    int *tenure_index);

const person *lexicon_office_holder(const tamas_lexicon *base, const tamas_lexicon *overlay,
                                    int office, int country, int32_t day, int *tenure_index) {
  if (day == 0) day = LEXICON_DAY;
  return holder_between(base, overlay, office, country, day, day, tenure_index);
}

const person *lexicon_office_holder_between(const tamas_lexicon *base,
                                            const tamas_lexicon *overlay, int office,
                                            int country, int32_t lo, int32_t hi) {
  int t;
  return holder_between(base, overlay, office, country, lo, hi, &t);
}

static const person *holder_between(const tamas_lexicon *base, const tamas_lexicon *overlay,
                                    int office, int country, int32_t lo, int32_t hi,
                                    int *tenure_index) {
  const tamas_lexicon *lexes[2] = {overlay, base};
  int l;
  for (l = 0; l < 2; l++) {
    const tamas_lexicon *lex = lexes[l];
    const person *found = NULL;
    int i, j, hits = 0, from, to;
    if (!lex) continue;
    holder_range(lex, office, country, &from, &to);
    if (from >= 0) {
      for (i = from; i < to; i++)
        consider(lex, lex->holders[i].person, lex->holders[i].tenure, office, country, lo, hi,
                 &found, &hits, tenure_index);
    } else {
      for (i = 0; i < lex->n_persons; i++)
        for (j = 0; j < lex->persons[i].n_tenures; j++)
          consider(lex, i, j, office, country, lo, hi, &found, &hits, tenure_index);
    }
    if (hits == 1) return found;
    if (hits > 1) return NULL;
  }
  return NULL;
}

void *tamas_actor_overlay_new(void) { return lexicon_new_overlay(); }
void tamas_actor_overlay_free(void *overlay) { lexicon_free(overlay); }
const char *tamas_actor_add(void *overlay, const char *name, const char *country,
                            const char *office, const char *start, const char *end,
                            const char *aliases, const char *wikidata) {
  const char *why = lexicon_check_wikidata(overlay, name, wikidata);
  if (!why) why = lexicon_add_person(overlay, name, country, office, start, end, aliases);
  if (!why) why = lexicon_set_wikidata(overlay, name, wikidata);
  return why;
}

const char *tamas_actor_wikidata(const void *overlay, const char *name) {
  const tamas_lexicon *lexes[2] = {overlay, lexicon_builtin()};
  const char *q = NULL;
  int l, id;
  if (!name) return NULL;
  for (l = 0; l < 2 && !q; l++) {
    if (!lexes[l]) continue;
    lexicon_read_begin(lexes[l]);
    id = find_person(lexes[l], name, strlen(name));
    if (id >= 0 && lexes[l]->persons[id].wikidata[0]) q = lexes[l]->persons[id].wikidata;
    lexicon_read_end(lexes[l]);
  }
  return q;
}

/* Row i of the built-in lexicon followed by the overlay, one per tenure. */
int tamas_actor_row_at(const void *overlay, size_t i, tamas_actor_row *row) {
  const tamas_lexicon *lexes[2] = {lexicon_builtin(), overlay};
  int l;
  for (l = 0; l < 2; l++) {
    const tamas_lexicon *lex = lexes[l];
    int p;
    if (!lex) continue;
    for (p = 0; p < lex->n_persons; p++) {
      const person *pp = &lex->persons[p];
      if (i >= (size_t)pp->n_tenures) {
        i -= (size_t)pp->n_tenures;
        continue;
      }
      row->name = pp->name;
      row->country = lexicon_country_code(pp->tenures[i].country);
      row->office = lexicon_office_code(pp->tenures[i].office);
      row->start = pp->tenures[i].start;
      row->end = pp->tenures[i].end;
      row->aliases = pp->tenures[i].aliases;
      row->wikidata = pp->wikidata;
      row->added = l == 1;
      return 1;
    }
  }
  return 0;
}
