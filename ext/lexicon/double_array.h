/*
** double_array.h — a read-only trie as a double array (J. Aoe, 1989): one
** step from a state over a symbol is one addition and one comparison on one
** 8-byte cell, whatever the number of children — the form lexicon.c gives
** the built-in lexicon once it is loaded.  Internal to the core.
*/
#ifndef TAMAS_DOUBLE_ARRAY_H
#define TAMAS_DOUBLE_ARRAY_H

#include <stdint.h>

#define DA_SYMBOLS 512 /* symbols are 0 .. DA_SYMBOLS-1 */

typedef struct da_cell {
  int32_t base;  /* the children of this state are at base + symbol; 0 for a
                 ** state without children, 1 or more for any other */
  int32_t check; /* the parent state of this cell; -1 when the cell is free */
} da_cell;

typedef struct double_array {
  da_cell *cells;
  int32_t *value; /* value[state]: what the source trie held at the node */
  int32_t n_cells;
  int32_t sink;   /* a state no step leaves: a walk that failed stays there
                  ** (double_array_step_or_sink), so walks need no branch */
} double_array;

/* The source trie in compressed rows: node 0 is the root; the children of
** node u are child[first[u] .. first[u+1]), over symbol[...] (distinct per
** node); value[u] is copied to the state of u.  Returns 0 when out of memory
** (da is then empty). */
int double_array_build(double_array *da, int32_t n_nodes, const int32_t *first,
                       const int32_t *symbol, const int32_t *child, const int32_t *value);
void double_array_free(double_array *da);

/* The state after `state` over `symbol`, or -1.  The array always has room
** for base + any symbol, so no bounds test is needed. */
static inline int32_t double_array_step(const double_array *da, int32_t state, int32_t symbol) {
  int32_t t = da->cells[state].base + symbol;
  return da->cells[t].check == state ? t : -1;
}

/* A condition as likely true as false: the compiler then selects (cmov)
** rather than branches.  Where a walk fails is not predictable. */
#if defined(__has_builtin)
#if __has_builtin(__builtin_expect_with_probability)
#define DA_UNPREDICTABLE(c) __builtin_expect_with_probability(!!(c), 1, 0.5)
#endif
#endif
#ifndef DA_UNPREDICTABLE
#define DA_UNPREDICTABLE(c) (c)
#endif

/* The same step, giving the sink instead of -1; from the sink, the sink.
** The cells form is for a caller that holds the array's cells and sink in
** locals (a loop that stores bytes would read them from the array again). */
static inline int32_t da_cells_step_or_sink(const da_cell *cells, int32_t sink, int32_t state,
                                            int32_t symbol) {
  int32_t t = cells[state].base + symbol;
  return DA_UNPREDICTABLE(cells[t].check == state) ? t : sink;
}
static inline int32_t double_array_step_or_sink(const double_array *da, int32_t state,
                                                int32_t symbol) {
  return da_cells_step_or_sink(da->cells, da->sink, state, symbol);
}

#endif /* TAMAS_DOUBLE_ARRAY_H */
