/*
** test_codes.c — the CAMEO and PLOVER codes of events built by hand
** (ext/extract/event_codes.c, sql/lexicon/cameo.tsv): medium and status,
** and where an in-person contact took place against the sides' countries —
** a visit (042), a visit hosted (043), a third location (044), a meeting of
** an organisation (multilateral), or a place that tells nothing (040).
*/
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tamas.h"

/* An event between a side of country c1 and one of c2, at place. */
static tamas_event event(tamas_medium medium, tamas_status status, const char *c1, const char *c2,
                         const char *place) {
  tamas_event e;
  memset(&e, 0, sizeof e);
  e.medium = medium;
  e.status = status;
  snprintf(e.actor[0].country, sizeof e.actor[0].country, "%s", c1);
  snprintf(e.actor[1].country, sizeof e.actor[1].country, "%s", c2);
  snprintf(e.place, sizeof e.place, "%s", place);
  return e;
}

/* The codes as one string: "cameo plover mode quad scale host". */
static const char *codes(tamas_medium medium, tamas_status status, const char *c1, const char *c2,
                         const char *place) {
  static char buf[96];
  tamas_event e = event(medium, status, c1, c2, place);
  tamas_codes c;
  if (!tamas_event_codes(&e, &c)) return "none";
  snprintf(buf, sizeof buf, "%s %s %s %d %g %d", c.cameo, c.plover, c.mode[0] ? c.mode : "-",
           c.quad, c.scale, c.host);
  return buf;
}

int main(void) {
  tamas_event e;
  /* remote media: phone whatever the place */
  CHECK_STR(codes(TAMAS_PHONE, TAMAS_OCCURRED, "IRN", "RUS", ""), "041 CONSULT phone 1 1.5 -1");
  CHECK_STR(codes(TAMAS_PHONE, TAMAS_OCCURRED, "IRN", "RUS", "RUS"), "041 CONSULT phone 1 1.5 -1");
  CHECK_STR(codes(TAMAS_VIDEO, TAMAS_OCCURRED, "IRN", "RUS", ""), "040 CONSULT phone 1 1.5 -1");
  CHECK_STR(codes(TAMAS_LETTER, TAMAS_OCCURRED, "USA", "IRN", ""), "040 CONSULT phone 1 1.5 -1");
  /* in person: the place against the countries */
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IRN", "RUS", ""), "040 CONSULT - 1 2.5 -1");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IRN", "RUS", "RUS"), "042 CONSULT visit 1 4 1");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IRN", "RUS", "IRN"), "043 CONSULT visit 1 4 0");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IRN", "USA", "OMN"),
            "044 CONSULT third-party 1 1 -1");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IRN", "RUS", "SCO"),
            "040 CONSULT multilateral 1 4 -1");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IRN", "CHN", "BRICS"),
            "040 CONSULT multilateral 1 4 -1");
  /* a head of an organisation visiting a state, and a state's envoy at its seat */
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IAEA", "IRN", "IRN"), "042 CONSULT visit 1 4 1");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "UNO", "IRN", "USA"),
            "044 CONSULT third-party 1 1 -1");
  /* places that tell nothing: both sides of the place's country, a side unknown */
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IRN", "IRN", "IRN"), "040 CONSULT - 1 2.5 -1");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "", "RUS", "RUS"), "040 CONSULT - 1 2.5 -1");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "", "RUS", "TUR"), "040 CONSULT - 1 2.5 -1");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IRN", "IRN", "RUS"),
            "044 CONSULT third-party 1 1 -1");
  /* talks whose medium is not said, at a named place: in person */
  CHECK_STR(codes(TAMAS_MEDIUM_UNSPECIFIED, TAMAS_OCCURRED, "IRN", "OMN", "OMN"),
            "042 CONSULT visit 1 4 1");
  CHECK_STR(codes(TAMAS_MEDIUM_UNSPECIFIED, TAMAS_OCCURRED, "IRN", "OMN", ""),
            "040 CONSULT - 1 2.5 -1");
  /* other statuses: the place does not change them */
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_PLANNED, "IRN", "RUS", "RUS"), "036 AGREE - 1 2.5 -1");
  CHECK_STR(codes(TAMAS_PHONE, TAMAS_PROPOSED, "IRN", "RUS", ""), "036 AGREE - 1 2.5 -1");
  CHECK_STR(codes(TAMAS_IN_PERSON, TAMAS_REQUESTED, "UKR", "USA", "USA"), "026 REQUEST meet 3 0 -1");
  CHECK_STR(codes(TAMAS_PHONE, TAMAS_REFUSED, "ISR", "TUR", ""), "125 REJECT meet 3 -2 -1");
  CHECK_STR(codes(TAMAS_MEDIUM_UNSPECIFIED, TAMAS_DENIED, "RUS", "USA", ""),
            "010 REJECT meet 3 -2 -1");
  /* the two short forms agree */
  e = event(TAMAS_IN_PERSON, TAMAS_OCCURRED, "IRN", "RUS", "RUS");
  CHECK_STR(tamas_event_cameo(&e), "042");
  CHECK_STR(tamas_event_plover(&e), "CONSULT");
  e.status = (tamas_status)42; /* no row fits */
  CHECK_STR(tamas_event_cameo(&e), NULL);
  CHECK_INT(tamas_event_codes(&e, &(tamas_codes){0}), 0);
  /* PLOVER codes of the sides */
  CHECK_STR(tamas_plover_code("IRN"), "IRN");
  CHECK_STR(tamas_plover_code("XKX"), "KOS");
  CHECK_STR(tamas_plover_code("UNO"), "UNO");
  CHECK_STR(tamas_plover_code("EUE"), "EUR");
  CHECK_STR(tamas_plover_code("NATO"), "IGO");
  CHECK_STR(tamas_plover_code(""), NULL);
  CHECK_STR(tamas_plover_sector("foreign_minister"), "GOV");
  CHECK_STR(tamas_plover_sector("chief_of_staff"), "MIL");
  CHECK_STR(tamas_plover_sector("intelligence_chief"), "SPY");
  CHECK_STR(tamas_plover_sector("parliament_speaker"), "LEG");
  CHECK_STR(tamas_plover_sector("gardener"), NULL);
  return check_summary();
}
