/*
** fuzz_extract.c — libFuzzer target: contact extraction on arbitrary bytes.
**
** The first byte picks a variant: bit 0 passes a publication date, bit 1
** an overlay with an actor added at run time.  Checks: every span of every
** event lies inside the text, strings are terminated, names are valid UTF-8,
** codes are known, dates are ordered.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "tamas.h"

static void *overlay;

static void check_span(tamas_span s, size_t len) {
  FUZZ_ASSERT(s.start <= s.end && s.end <= len);
}

static void check_actor(const tamas_actor *a, size_t len) {
  FUZZ_ASSERT(memchr(a->name, 0, sizeof a->name) != NULL);
  /* names go out as SQL text: valid UTF-8 whatever the input */
  FUZZ_ASSERT(tamas_utf8_valid(a->name, strlen(a->name)));
  FUZZ_ASSERT(memchr(a->country, 0, sizeof a->country) != NULL);
  FUZZ_ASSERT(memchr(a->office, 0, sizeof a->office) != NULL);
  FUZZ_ASSERT(a->known == 0 || a->known == 1);
  check_span(a->fa, len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  tamas_extraction x;
  const char *text;
  size_t i, n;
  unsigned variant;
  if (size == 0) return 0;
  if (!overlay) {
    overlay = tamas_actor_overlay_new();
    FUZZ_ASSERT(overlay != NULL);
    FUZZ_ASSERT(tamas_actor_add(overlay, "Vijitha Herath", "LKA", "foreign_minister",
                                "2024-09-24", NULL, "ویجیتا هراث|هراث", NULL) == NULL);
  }
  variant = data[0];
  text = (const char *)data + 1;
  n = size - 1;
  memset(&x, 0, sizeof x);
  FUZZ_ASSERT(tamas_extract(text, n, variant & 1 ? "2025-05-14" : NULL,
                            variant & 2 ? overlay : NULL, &x));
  FUZZ_ASSERT(memchr(x.published, 0, sizeof x.published) != NULL);
  for (i = 0; i < x.n_events; i++) {
    const tamas_event *e = &x.events[i];
    FUZZ_ASSERT(tamas_medium_name(e->medium) != NULL);
    FUZZ_ASSERT(e->status >= TAMAS_OCCURRED && e->status <= TAMAS_DENIED);
    FUZZ_ASSERT(tamas_status_name(e->status) != NULL);
    FUZZ_ASSERT(tamas_event_cameo(e) != NULL && tamas_event_plover(e) != NULL);
    check_actor(&e->actor[0], n);
    check_actor(&e->actor[1], n);
    FUZZ_ASSERT(memchr(e->initiator, 0, sizeof e->initiator) != NULL);
    check_span(e->date_text, n);
    check_span(e->evidence, n);
    FUZZ_ASSERT(e->evidence.start < e->evidence.end);
    FUZZ_ASSERT(e->mentions >= 1);
    if (e->date && e->date_end) FUZZ_ASSERT(e->date <= e->date_end);
  }
  tamas_extraction_free(&x);
  return 0;
}
