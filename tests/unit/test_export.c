/*
** test_export.c — the writers of ext/export/ on rows built by hand, with no
** SQLite: PLOVER records (what makes a record, what is no record, what is
** an error; strings escaped for JSON whatever bytes they hold) and the
** GraphML network (independent of the order of the rows; rows with a
** missing actor left out; strings escaped for XML).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tamas.h"

static tamas_event_row row(void) {
  tamas_event_row r;
  memset(&r, 0, sizeof r);
  r.medium = "phone";
  r.status = "occurred";
  r.actor[0] = "Abbas Araghchi";
  r.actor[1] = "Sergey Lavrov";
  r.country[0] = "IRN";
  r.country[1] = "RUS";
  r.date = "2025-03-01";
  return r;
}

/* The record of r, or "" and the return value in *got. */
static char *record(const tamas_event_row *r, int *got, char *why) {
  char *json = NULL;
  size_t len = 0;
  *got = tamas_plover_record(r, NULL, &json, &len, why, 160);
  if (json) CHECK_INT(len, strlen(json));
  return json;
}

static int contains(const char *s, const char *part) { return s && strstr(s, part) != NULL; }

static void test_plover(void) {
  tamas_event_row r = row();
  char why[160], *json, id1[32], id2[32];
  int got;
  json = record(&r, &got, why);
  CHECK_INT(got, 1);
  CHECK(contains(json, "\"event\":[\"CONSULT\"],\"mode\":[\"phone\"]"));
  CHECK(contains(json, "\"identifier_id\":\"Q58217\"")); /* Lavrov, from persons.tsv */
  CHECK(!contains(json, "\"recipient\""));                /* a call has no host: both are actors */
  free(json);
  /* strings as JSON: quotes, backslashes, control characters, invalid UTF-8 */
  r.evidence = "a \"quoted\" \\ word\x01\ttab \xff end";
  json = record(&r, &got, why);
  CHECK(contains(json, "\"event_text\":[\"a \\\"quoted\\\" \\\\ word\\u0001\\ttab \xEF\xBF\xBD end\"]"));
  free(json);
  /* the id: the same for the same event, another for another date */
  tamas_plover_id(&r, id1);
  r.date = "2025-03-02";
  tamas_plover_id(&r, id2);
  CHECK(strncmp(id1, "tamas-", 6) == 0 && strlen(id1) == 22);
  CHECK(strcmp(id1, id2) != 0);
  /* no record: no date, no actor */
  r = row();
  r.date = NULL;
  CHECK(record(&r, &got, why) == NULL);
  CHECK_INT(got, 0);
  CHECK_STR(why, "no date");
  r = row();
  r.actor[0] = r.actor[1] = NULL;
  CHECK(record(&r, &got, why) == NULL);
  CHECK_STR(why, "no actor");
  /* errors */
  r = row();
  r.status = "happened";
  CHECK(record(&r, &got, why) == NULL);
  CHECK_INT(got, -1);
  CHECK_STR(why, "status 'happened' is not one of occurred, planned, proposed, requested, refused, denied");
  r = row();
  r.date = "soon";
  CHECK(record(&r, &got, why) == NULL);
  CHECK_STR(why, "date 'soon' is not a date");
  /* a visit: the visitor is the actor, the host the recipient */
  r = row();
  r.medium = "in_person";
  r.place = "IRN"; /* actor1's country: Lavrov came to Tehran */
  json = record(&r, &got, why);
  CHECK(contains(json, "\"actor\":[{\"code\":\"RUS\""));
  CHECK(contains(json, "\"recipient\":[{\"code\":\"IRN\""));
  CHECK(contains(json, "\"cameo\":\"043\""));
  free(json);
}

static char *graph(const char *const rows[][5], int n, int reverse) {
  tamas_graph *g = tamas_graph_new(NULL);
  size_t len;
  char *xml;
  int i;
  for (i = 0; i < n; i++) {
    const char *const *f = rows[reverse ? n - 1 - i : i];
    int32_t jdn = 0;
    if (f[0]) tamas_parse_timevalue(f[0], strlen(f[0]), &jdn);
    CHECK(tamas_graph_add(g, jdn, f[1], f[2], f[3], f[4], "IRN", NULL, NULL, NULL));
  }
  xml = tamas_graph_graphml(g, &len);
  CHECK(xml && len == strlen(xml));
  tamas_graph_free(g);
  return xml;
}

static void test_graphml(void) {
  static const char *const rows[][5] = {
      {"2024-10-03", "B", "A", "occurred", "phone"},
      {"2024-10-09", "A", "B", "planned", "in_person"},
      {NULL, "A", "C <&>", "denied", "fax"},
      {"2024-10-01", "A", NULL, "occurred", "phone"}, /* left out */
  };
  char *x = graph(rows, 4, 0), *y = graph(rows, 4, 1), *empty;
  CHECK_STR(x, y);
  CHECK(contains(x, "<data key=\"label\">C &lt;&amp;&gt;</data>"));
  CHECK(contains(x, "<edge id=\"e0\" source=\"n0\" target=\"n1\">\n      <data key=\"weight\">2</data>"));
  CHECK(contains(x, "<data key=\"first\">2024-10-03</data>\n      <data key=\"last\">2024-10-09</data>"));
  CHECK(!contains(x, "id=\"e2\"")); /* two edges: A–B, A–C */
  free(x);
  free(y);
  empty = tamas_graph_graphml(NULL, NULL);
  CHECK(contains(empty, "<graph id=\"contacts\" edgedefault=\"undirected\">\n  </graph>"));
  free(empty);
}

int main(void) {
  test_plover();
  test_graphml();
  return check_summary();
}
