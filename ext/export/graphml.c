/*
** graphml.c — the contact network as GraphML (tamas_graph_* in
** include/tamas.h; SQL: the aggregate tamas_graphml(), ext/sqlite/
** graphml_sql.c), for Gephi, igraph, networkx and yEd.
**
**   tamas_graph *g = tamas_graph_new(NULL);
**   tamas_graph_add(g, jdn, "Sergey Lavrov", "Hakan Fidan", "occurred", "phone",
**                   "RUS", "foreign_minister", "TUR", "foreign_minister");
**   char *xml = tamas_graph_graphml(g, &len);   ... free(xml); tamas_graph_free(g);
**
** Nodes are the actors, by name, with the attributes label (the name),
** country and office (those of the latest dated row that gives them; of two
** rows of one day, the smaller values) and wikidata (the lexicon's item).
** Edges are the pairs in contact, A–B and B–A as one undirected edge, with
** weight (the rows), a count for each status and each medium, and first and
** last (the ISO dates of the earliest and latest dated row; absent when no
** row is dated).  Every edge carries every count, 0 included.
**
** Nodes are written in the order of their names (strcmp), edges in the order
** of their nodes, so the document depends only on the set of rows.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "tamas.h"

#define N_STATUS (TAMAS_DENIED + 1)
#define N_MEDIUM (TAMAS_IN_PERSON + 1) /* index 0 unused */

typedef struct gnode {
  char *name;
  char *country, *office; /* of row `seen`, or NULL */
  int32_t seen;           /* the day of the row that gave them; -1 none yet */
  size_t order;           /* its place in name order, when written */
} gnode;

typedef struct gedge {
  size_t a, b; /* node indices, a <= b once sorted by name */
  long weight;
  long status[N_STATUS], medium[N_MEDIUM];
  int32_t first, last; /* JDN, 0 when no dated row */
} gedge;

struct tamas_graph {
  const void *overlay;
  gnode *nodes;
  size_t n_nodes, cap_nodes;
  size_t *node_slots; /* open addressing: node index + 1, 0 empty */
  size_t n_node_slots;
  gedge *edges;
  size_t n_edges, cap_edges;
  size_t *edge_slots;
  size_t n_edge_slots;
};

static uint64_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static uint64_t hash_pair(size_t a, size_t b) {
  return ((uint64_t)a * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)b + 0x632BE59BD9B4E019ull);
}

static int grow(void **p, size_t *cap, size_t need, size_t size) {
  size_t n = *cap ? *cap : 16;
  void *q;
  if (need <= *cap) return 1;
  while (n < need) n *= 2;
  if (!(q = realloc(*p, n * size))) return 0;
  *p = q;
  *cap = n;
  return 1;
}

/* Rebuild a table of slots for `count` items when it is more than half full. */
static int rehash(tamas_graph *g, int edges) {
  size_t count = edges ? g->n_edges : g->n_nodes;
  size_t *slots, n, i;
  size_t old = edges ? g->n_edge_slots : g->n_node_slots;
  if ((count + 1) * 2 <= old) return 1;
  n = old ? old * 2 : 64;
  if (!(slots = calloc(n, sizeof *slots))) return 0;
  for (i = 0; i < count; i++) {
    uint64_t h = edges ? hash_pair(g->edges[i].a, g->edges[i].b) : hash_str(g->nodes[i].name);
    size_t k = (size_t)(h & (n - 1));
    while (slots[k]) k = (k + 1) & (n - 1);
    slots[k] = i + 1;
  }
  if (edges) {
    free(g->edge_slots);
    g->edge_slots = slots;
    g->n_edge_slots = n;
  } else {
    free(g->node_slots);
    g->node_slots = slots;
    g->n_node_slots = n;
  }
  return 1;
}

static char *dup(const char *s) {
  size_t n;
  char *d;
  if (!s) return NULL;
  n = strlen(s) + 1;
  if ((d = malloc(n))) memcpy(d, s, n);
  return d;
}

/* The node of a name, added when new; -1 when out of memory. */
static long node_of(tamas_graph *g, const char *name) {
  size_t k;
  if (!rehash(g, 0)) return -1;
  k = (size_t)(hash_str(name) & (g->n_node_slots - 1));
  for (; g->node_slots[k]; k = (k + 1) & (g->n_node_slots - 1))
    if (strcmp(g->nodes[g->node_slots[k] - 1].name, name) == 0) return (long)g->node_slots[k] - 1;
  if (!grow((void **)&g->nodes, &g->cap_nodes, g->n_nodes + 1, sizeof *g->nodes)) return -1;
  memset(&g->nodes[g->n_nodes], 0, sizeof *g->nodes);
  if (!(g->nodes[g->n_nodes].name = dup(name))) return -1;
  g->nodes[g->n_nodes].seen = -1;
  g->node_slots[k] = ++g->n_nodes;
  return (long)g->n_nodes - 1;
}

static gedge *edge_of(tamas_graph *g, size_t a, size_t b) {
  size_t k;
  if (a > b) {
    size_t t = a;
    a = b;
    b = t;
  }
  if (!rehash(g, 1)) return NULL;
  k = (size_t)(hash_pair(a, b) & (g->n_edge_slots - 1));
  for (; g->edge_slots[k]; k = (k + 1) & (g->n_edge_slots - 1)) {
    gedge *e = &g->edges[g->edge_slots[k] - 1];
    if (e->a == a && e->b == b) return e;
  }
  if (!grow((void **)&g->edges, &g->cap_edges, g->n_edges + 1, sizeof *g->edges)) return NULL;
  memset(&g->edges[g->n_edges], 0, sizeof *g->edges);
  g->edges[g->n_edges].a = a;
  g->edges[g->n_edges].b = b;
  g->edge_slots[k] = ++g->n_edges;
  return &g->edges[g->n_edges - 1];
}

static int str_cmp(const char *x, const char *y) { return strcmp(x ? x : "", y ? y : ""); }

/* Keep the country and office of the latest dated row (of one day, the
** smaller values), so that the order of the rows does not matter. */
static int note_attributes(gnode *n, int32_t jdn, const char *country, const char *office) {
  int c;
  char *nc, *no;
  if (!country && !office) return 1;
  if (jdn < n->seen) return 1;
  if (jdn == n->seen) {
    c = str_cmp(country, n->country);
    if (c > 0 || (c == 0 && str_cmp(office, n->office) >= 0)) return 1;
  }
  nc = dup(country);
  no = dup(office);
  if ((country && !nc) || (office && !no)) {
    free(nc);
    free(no);
    return 0;
  }
  free(n->country);
  free(n->office);
  n->country = nc;
  n->office = no;
  n->seen = jdn;
  return 1;
}

tamas_graph *tamas_graph_new(const void *overlay) {
  tamas_graph *g = calloc(1, sizeof *g);
  if (g) g->overlay = overlay;
  return g;
}

void tamas_graph_free(tamas_graph *g) {
  size_t i;
  if (!g) return;
  for (i = 0; i < g->n_nodes; i++) {
    free(g->nodes[i].name);
    free(g->nodes[i].country);
    free(g->nodes[i].office);
  }
  free(g->nodes);
  free(g->node_slots);
  free(g->edges);
  free(g->edge_slots);
  free(g);
}

int tamas_graph_add(tamas_graph *g, int32_t jdn, const char *actor1, const char *actor2,
                    const char *status, const char *medium, const char *country1,
                    const char *office1, const char *country2, const char *office2) {
  long a, b;
  gedge *e;
  int s, m;
  if (!g || !actor1 || !actor2) return 1; /* an edge needs both ends */
  if ((a = node_of(g, actor1)) < 0 || (b = node_of(g, actor2)) < 0) return 0;
  if (!note_attributes(&g->nodes[a], jdn, country1, office1) ||
      !note_attributes(&g->nodes[b], jdn, country2, office2) || !(e = edge_of(g, (size_t)a, (size_t)b)))
    return 0;
  e->weight++;
  s = status ? tamas_status_from_name(status, strlen(status)) : -1;
  m = medium ? tamas_medium_from_name(medium, strlen(medium)) : 0;
  if (s >= 0 && s < N_STATUS) e->status[s]++;
  if (m > 0 && m < N_MEDIUM) e->medium[m]++;
  if (jdn) {
    if (!e->first || jdn < e->first) e->first = jdn;
    if (jdn > e->last) e->last = jdn;
  }
  return 1;
}

/* ---- writing ------------------------------------------------------------------- */

static int by_name(const void *x, const void *y) {
  return strcmp((*(gnode *const *)x)->name, (*(gnode *const *)y)->name);
}

static int by_ends(const void *x, const void *y) {
  const gedge *a = x, *b = y;
  if (a->a != b->a) return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

static void put_data(xbuf *b, const char *key, const char *value) {
  if (!value || !value[0]) return;
  xbuf_printf(b, "      <data key=\"%s\">", key);
  xbuf_xml(b, value);
  xbuf_puts(b, "</data>\n");
}

static void put_day(xbuf *b, const char *key, int32_t jdn) {
  char iso[11];
  if (jdn && tamas_jdn_to_iso(jdn, iso)) put_data(b, key, iso);
}

char *tamas_graph_graphml(tamas_graph *g, size_t *len) {
  xbuf b = {0};
  size_t i, n_nodes = g ? g->n_nodes : 0, n_edges = g ? g->n_edges : 0;
  gnode **order = NULL;
  gedge *edges = NULL;
  int s, m;
  xbuf_puts(&b,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
            "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
            "  <!-- contacts between actors, written by tamas " TAMAS_VERSION " -->\n"
            "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
            "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
            "  <key id=\"office\" for=\"node\" attr.name=\"office\" attr.type=\"string\"/>\n"
            "  <key id=\"wikidata\" for=\"node\" attr.name=\"wikidata\" attr.type=\"string\"/>\n"
            "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n");
  for (s = 0; s < N_STATUS; s++)
    xbuf_printf(&b, "  <key id=\"%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"int\"/>\n",
                tamas_status_name((tamas_status)s), tamas_status_name((tamas_status)s));
  for (m = 1; m < N_MEDIUM; m++)
    xbuf_printf(&b, "  <key id=\"%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"int\"/>\n",
                tamas_medium_name((tamas_medium)m), tamas_medium_name((tamas_medium)m));
  xbuf_puts(&b,
            "  <key id=\"first\" for=\"edge\" attr.name=\"first\" attr.type=\"string\"/>\n"
            "  <key id=\"last\" for=\"edge\" attr.name=\"last\" attr.type=\"string\"/>\n"
            "  <graph id=\"contacts\" edgedefault=\"undirected\">\n");
  /* nodes in name order; the edges, with their ends renumbered to it, sorted */
  if ((n_nodes && !(order = malloc(n_nodes * sizeof *order))) ||
      (n_edges && !(edges = malloc(n_edges * sizeof *edges)))) {
    free(order);
    free(xbuf_finish(&b, NULL));
    return NULL;
  }
  for (i = 0; i < n_nodes; i++) order[i] = &g->nodes[i];
  if (n_nodes) qsort(order, n_nodes, sizeof *order, by_name);
  for (i = 0; i < n_nodes; i++) {
    const char *q = tamas_actor_wikidata(g->overlay, order[i]->name);
    order[i]->order = i;
    xbuf_printf(&b, "    <node id=\"n%zu\">\n", i);
    put_data(&b, "label", order[i]->name);
    put_data(&b, "country", order[i]->country);
    put_data(&b, "office", order[i]->office);
    put_data(&b, "wikidata", q);
    xbuf_puts(&b, "    </node>\n");
  }
  for (i = 0; i < n_edges; i++) {
    size_t a = g->nodes[g->edges[i].a].order, c = g->nodes[g->edges[i].b].order;
    edges[i] = g->edges[i];
    edges[i].a = a < c ? a : c;
    edges[i].b = a < c ? c : a;
  }
  if (n_edges) qsort(edges, n_edges, sizeof *edges, by_ends);
  for (i = 0; i < n_edges; i++) {
    const gedge *e = &edges[i];
    xbuf_printf(&b, "    <edge id=\"e%zu\" source=\"n%zu\" target=\"n%zu\">\n", i, e->a, e->b);
    xbuf_printf(&b, "      <data key=\"weight\">%ld</data>\n", e->weight);
    for (s = 0; s < N_STATUS; s++)
      xbuf_printf(&b, "      <data key=\"%s\">%ld</data>\n", tamas_status_name((tamas_status)s),
                  e->status[s]);
    for (m = 1; m < N_MEDIUM; m++)
      xbuf_printf(&b, "      <data key=\"%s\">%ld</data>\n", tamas_medium_name((tamas_medium)m),
                  e->medium[m]);
    put_day(&b, "first", e->first);
    put_day(&b, "last", e->last);
    xbuf_puts(&b, "    </edge>\n");
  }
  xbuf_puts(&b, "  </graph>\n</graphml>\n");
  free(order);
  free(edges);
  return xbuf_finish(&b, len);
}
