/*
** double_array.c — builds a double array (double_array.h) from a trie.
**
** States are placed breadth first.  For each state, the first base is taken
** whose cells base + symbol are free for every child symbol (first fit,
** scanning from the lowest cell that may still be free); the children's cells
** then name the state as their parent.  The array is kept DA_SYMBOLS cells
** longer than the largest base, so a look-up never tests bounds.  The
** sink is one more state, past them, whose children are all free cells.
*/
#include "double_array.h"

#include <stdlib.h>
#include <string.h>

/* The cells that may take a first child are kept in a list, in order; a
** cell leaves it when taken, or when it failed this often as the place of a
** first child.  A placement then looks at a few candidates, not at every
** taken cell from the front of the array. */
#define MAX_TRIES 16

typedef struct builder {
  double_array *da;
  int32_t *next, *prev;  /* the list of candidate cells; -1 ends it */
  unsigned char *tries;  /* per cell: failed placements with it as first child */
  int32_t head, tail;
} builder;

static void unlink_cell(builder *b, int32_t t) {
  if (b->next[t] == -2) return; /* not in the list */
  if (b->prev[t] >= 0) b->next[b->prev[t]] = b->next[t];
  else b->head = b->next[t];
  if (b->next[t] >= 0) b->prev[b->next[t]] = b->prev[t];
  else b->tail = b->prev[t];
  b->next[t] = b->prev[t] = -2;
}

static int grow_cells(builder *b, int32_t need) {
  double_array *da = b->da;
  int32_t cap = da->n_cells ? da->n_cells : DA_SYMBOLS, i;
  if (need <= da->n_cells) return 1;
  while (cap < need) cap *= 2;
#define GROW(p, n) do { void *q = realloc((p), (size_t)(n) * sizeof *(p)); if (!q) return 0; (p) = q; } while (0)
  GROW(da->cells, cap);
  GROW(da->value, cap);
  GROW(b->next, cap);
  GROW(b->prev, cap);
  GROW(b->tries, cap);
#undef GROW
  for (i = da->n_cells; i < cap; i++) {
    da->cells[i].base = 0;
    da->cells[i].check = -1;
    da->value[i] = -1;
    b->tries[i] = 0;
    b->next[i] = -1;
    b->prev[i] = b->tail;
    if (b->tail >= 0) b->next[b->tail] = i;
    else b->head = i;
    b->tail = i;
  }
  da->n_cells = cap;
  return 1;
}

static void take(builder *b, int32_t t, int32_t parent) {
  b->da->cells[t].check = parent;
  unlink_cell(b, t);
}

/* The first base >= 1 at which every symbol of one node lands on a free
** cell, or -1 when out of memory. */
static int32_t find_base(builder *b, const int32_t *symbol, int32_t n) {
  int32_t min = symbol[0], k, t, next;
  for (k = 1; k < n; k++)
    if (symbol[k] < min) min = symbol[k];
  for (t = b->head;; t = next) {
    int32_t base;
    if (t < 0) { /* no candidate left: the cells of a larger array are */
      t = b->da->n_cells;
      if (!grow_cells(b, t * 2)) return -1;
    }
    base = t - min;
    if (base + 2 * DA_SYMBOLS >= b->da->n_cells && !grow_cells(b, b->da->n_cells * 2)) return -1;
    next = b->next[t];
    if (base < 1) continue;
    for (k = 0; k < n; k++)
      if (b->da->cells[base + symbol[k]].check != -1) break;
    if (k == n) return base;
    if (++b->tries[t] >= MAX_TRIES) unlink_cell(b, t);
  }
}

int double_array_build(double_array *da, int32_t n_nodes, const int32_t *first,
                       const int32_t *symbol, const int32_t *child, const int32_t *value) {
  int32_t *state = malloc((size_t)n_nodes * sizeof *state);
  int32_t *queue = malloc((size_t)n_nodes * sizeof *queue);
  int32_t head, tail = 1, max_base = 0;
  builder b = {da, NULL, NULL, NULL, -1, -1};
  int ok = 0;
  memset(da, 0, sizeof *da);
  if (!state || !queue || !grow_cells(&b, 4 * DA_SYMBOLS)) goto done;
  queue[0] = 0;
  state[0] = 0;
  take(&b, 0, -2); /* the root: taken, no parent */
  for (head = 0; head < tail; head++) {
    int32_t u = queue[head], s = state[u], n = first[u + 1] - first[u], base, k;
    da->value[s] = value[u];
    if (n == 0) continue;
    base = find_base(&b, symbol + first[u], n);
    if (base < 0) goto done;
    da->cells[s].base = base;
    for (k = first[u]; k < first[u + 1]; k++) {
      int32_t c = base + symbol[k];
      take(&b, c, s);
      state[child[k]] = c;
      queue[tail++] = child[k];
    }
  }
  /* the sink: no cell past the largest base + DA_SYMBOLS is taken, and the
  ** array is longer than that by 2 * DA_SYMBOLS (find_base), so the sink
  ** and all its would-be children fit there, free */
  for (head = 0; head < da->n_cells; head++)
    if (da->cells[head].base > max_base) max_base = da->cells[head].base;
  da->sink = max_base + DA_SYMBOLS;
  da->cells[da->sink].check = -2;
  da->cells[da->sink].base = da->sink + 1;
  ok = 1;
done:
  free(state);
  free(queue);
  free(b.tries);
  free(b.next);
  free(b.prev);
  if (!ok) double_array_free(da);
  return ok;
}

void double_array_free(double_array *da) {
  free(da->cells);
  free(da->value);
  memset(da, 0, sizeof *da);
}
