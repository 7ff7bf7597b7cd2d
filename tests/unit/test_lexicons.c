/*
** test_lexicons.c — every lexicon file under sql/lexicon/ goes through its
** loader, and no loader had to drop a row: a row with an unknown kind,
** country, office or medium, a bad date or too few fields is reported
** (data/tsv.h: tsv_reject) and fails this test.  make runs it before it
** links the library, so such a row is an error at build time; the message
** names the file and line.  (tests/lexicon_reject.sh checks that a bad row
** does fail it.)
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "data/tsv.h"
#include "lexicon/lexicon.h"
#include "tamas.h"

int main(void) {
  static char report[TSV_MAX_REJECTS * 170];
  const char *page = "عنوان\nمتن خبر درباره دیدار دو وزیر.";
  tamas_article a;
  tamas_event e;
  size_t n, len;
  char *s;
  /* each loader, through what first uses it */
  const tamas_lexicon *lex = lexicon_builtin(); /* persons, offices, countries, cues */
  CHECK(lex != NULL);
  CHECK(lexicon_person_count(lex) > 500);
  CHECK(lexicon_office_index("foreign_minister") >= 0);
  CHECK(lexicon_country_index("IRN") >= 0 && lexicon_country_index("NATO") >= 0);
  s = tamas_normalize("میکند", strlen("میکند"), 0, &len, NULL); /* ZWNJ repair */
  CHECK_STR(s, "می‌کند");
  free(s);
  CHECK(tamas_article_read(page, strlen(page), &a)); /* page cues, sources */
  tamas_article_free(&a);
  memset(&e, 0, sizeof e);
  e.medium = TAMAS_PHONE;
  e.status = TAMAS_OCCURRED;
  CHECK_STR(tamas_event_cameo(&e), "041"); /* cameo codes: discuss by telephone */

  n = tsv_rejects(report, sizeof report);
  if (n) fprintf(stderr, "%zu lexicon rows could not be used:\n%s", n, report);
  CHECK_INT((int)n, 0);
  return check_summary();
}
