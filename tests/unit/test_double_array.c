/*
** test_double_array.c — the double array (ext/lexicon/double_array.c) answers
** every step as the trie it was built from: children found with their
** values, every other symbol refused (and, by the step that needs no
** branch, sent to the sink, which no symbol leaves), for a small hand-made
** trie, a root with every symbol, and a large trie of pseudo-random keys.
*/
#include <stdlib.h>

#include "check.h"
#include "lexicon/double_array.h"

/* A trie under construction, rows as double_array_build() wants them. */
typedef struct trie {
  int32_t n;            /* nodes */
  int32_t *kid;         /* kid[node * DA_SYMBOLS + symbol]: child or -1 */
  int32_t *value;
} trie;

static void trie_init(trie *t, int32_t max_nodes) {
  int32_t i;
  t->n = 1;
  t->kid = malloc((size_t)max_nodes * DA_SYMBOLS * sizeof *t->kid);
  t->value = malloc((size_t)max_nodes * sizeof *t->value);
  for (i = 0; i < max_nodes * DA_SYMBOLS; i++) t->kid[i] = -1;
  for (i = 0; i < max_nodes; i++) t->value[i] = -1;
}

static int32_t trie_add(trie *t, const int32_t *key, int n, int32_t value) {
  int32_t node = 0, i;
  for (i = 0; i < n; i++) {
    int32_t *k = &t->kid[node * DA_SYMBOLS + key[i]];
    if (*k < 0) *k = t->n++;
    node = *k;
  }
  t->value[node] = value;
  return node;
}

/* Build the double array from the trie; then walk both together. */
static void check_same(const trie *t) {
  int32_t *first = malloc(((size_t)t->n + 1) * sizeof *first);
  int32_t *symbol = malloc((size_t)t->n * DA_SYMBOLS * sizeof *symbol);
  int32_t *child = malloc((size_t)t->n * DA_SYMBOLS * sizeof *child);
  int32_t *state = malloc((size_t)t->n * sizeof *state);
  int32_t u, c, at = 0, bad = 0, bad_sink = 0;
  double_array da;
  for (u = 0; u < t->n; u++) {
    first[u] = at;
    for (c = 0; c < DA_SYMBOLS; c++)
      if (t->kid[u * DA_SYMBOLS + c] >= 0) {
        symbol[at] = c;
        child[at++] = t->kid[u * DA_SYMBOLS + c];
      }
  }
  first[t->n] = at;
  CHECK(double_array_build(&da, t->n, first, symbol, child, t->value));
  /* nodes are numbered parents first, so one pass maps them all */
  state[0] = 0;
  for (u = 0; u < t->n; u++) {
    if (da.value[state[u]] != t->value[u]) bad++;
    for (c = 0; c < DA_SYMBOLS; c++) {
      int32_t k = t->kid[u * DA_SYMBOLS + c], s = double_array_step(&da, state[u], c);
      int32_t or_sink = double_array_step_or_sink(&da, state[u], c);
      if (k >= 0) {
        if (s < 0) bad++;
        else state[k] = s;
      } else if (s >= 0) {
        bad++;
      }
      if (or_sink != (s >= 0 ? s : da.sink)) bad_sink++;
    }
  }
  for (c = 0; c < DA_SYMBOLS; c++)
    if (double_array_step_or_sink(&da, da.sink, c) != da.sink) bad_sink++;
  CHECK_INT(bad, 0);
  CHECK_INT(bad_sink, 0);
  /* the sink is no state of the trie */
  for (u = 0; u < t->n; u++)
    if (state[u] == da.sink) bad_sink++;
  CHECK_INT(bad_sink, 0);
  /* a state has base 0 exactly when its node has no children */
  for (u = 0; u < t->n; u++) {
    int has_kids = 0;
    for (c = 0; c < DA_SYMBOLS; c++) has_kids |= t->kid[u * DA_SYMBOLS + c] >= 0;
    if ((da.cells[state[u]].base != 0) != has_kids) bad++;
  }
  CHECK_INT(bad, 0);
  double_array_free(&da);
  CHECK(da.cells == NULL && da.n_cells == 0);
  free(first);
  free(symbol);
  free(child);
  free(state);
}

static void test_small(void) {
  trie t;
  int32_t ab[] = {1, 2}, abc[] = {1, 2, 3}, b[] = {2}, high[] = {DA_SYMBOLS - 1, 0};
  trie_init(&t, 16);
  trie_add(&t, ab, 2, 10);
  trie_add(&t, abc, 3, 11);
  trie_add(&t, b, 1, 12);
  trie_add(&t, high, 2, 13);
  check_same(&t);
  free(t.kid);
  free(t.value);
}

static void test_wide_root(void) {
  trie t;
  int32_t k[2];
  trie_init(&t, 2 * DA_SYMBOLS + 1);
  for (k[0] = 0; k[0] < DA_SYMBOLS; k[0]++) {
    trie_add(&t, k, 1, k[0]);
    k[1] = (k[0] * 7) % DA_SYMBOLS; /* and a grandchild each */
    trie_add(&t, k, 2, -1);
  }
  check_same(&t);
  free(t.kid);
  free(t.value);
}

static void test_many_keys(void) {
  trie t;
  uint32_t seed = 12345;
  int i, j;
  trie_init(&t, 6000);
  for (i = 0; i < 1000; i++) {
    int32_t key[5];
    int n = 1 + i % 5;
    for (j = 0; j < n; j++) {
      seed = seed * 1103515245u + 12345u;
      /* mostly a few symbols, as Persian letters are, sometimes any */
      key[j] = (int32_t)(seed >> 16) % (j % 2 ? 40 : DA_SYMBOLS);
    }
    trie_add(&t, key, n, i);
  }
  check_same(&t);
  free(t.kid);
  free(t.value);
}

int main(void) {
  test_small();
  test_wide_root();
  test_many_keys();
  return check_summary();
}
