/*
** terms.c — the names of the closed sets of an event: statuses, media and
** date precisions, as they appear in SQL columns and in the lexicon files
** («phone» in words.tsv, «occurred» in cameo.tsv), with the Persian
** labels the timeline draws.  One table, read by the lexicon loader,
** extraction, the CAMEO codes and the timeline.
*/
#include <string.h>

#include "tamas.h"

typedef struct term {
  const char *name;  /* as SQL shows it */
  const char *label; /* Persian, for people */
} term;

static const term statuses[] = {
    [TAMAS_OCCURRED] = {"occurred", "انجام‌شده"},
    [TAMAS_PLANNED] = {"planned", "برنامه‌ریزی‌شده"},
    [TAMAS_PROPOSED] = {"proposed", "پیشنهادشده"},
    [TAMAS_REQUESTED] = {"requested", "درخواست‌شده"},
    [TAMAS_REFUSED] = {"refused", "ردشده"},
    [TAMAS_DENIED] = {"denied", "تکذیب‌شده"},
};

static const term media[] = {
    [TAMAS_MEDIUM_UNSPECIFIED] = {"unspecified", "نامشخص"},
    [TAMAS_LETTER] = {"letter", "نامه و پیام"},
    [TAMAS_VIDEO] = {"video", "ویدئویی"},
    [TAMAS_PHONE] = {"phone", "تلفنی"},
    [TAMAS_IN_PERSON] = {"in_person", "حضوری"},
};

static const char *const precisions[] = {
    [TAMAS_DAY] = "day", [TAMAS_WEEK] = "week", [TAMAS_MONTH] = "month", [TAMAS_YEAR] = "year"};

#define COUNT(a) (int)(sizeof(a) / sizeof((a)[0]))

/* The index of a name in a table, or -1 (n bytes, not NUL-terminated). */
static int find_term(const term *t, int count, const char *s, size_t n) {
  int i;
  for (i = 0; i < count; i++)
    if (t[i].name && strlen(t[i].name) == n && memcmp(t[i].name, s, n) == 0) return i;
  return -1;
}

const char *tamas_status_name(tamas_status s) {
  return (unsigned)s < COUNT(statuses) ? statuses[s].name : NULL;
}
const char *tamas_status_label(tamas_status s) {
  return (unsigned)s < COUNT(statuses) ? statuses[s].label : NULL;
}
int tamas_status_from_name(const char *s, size_t n) { return find_term(statuses, COUNT(statuses), s, n); }

const char *tamas_medium_name(tamas_medium m) {
  return (unsigned)m < COUNT(media) ? media[m].name : NULL;
}
const char *tamas_medium_label(tamas_medium m) {
  return (unsigned)m < COUNT(media) ? media[m].label : NULL;
}
int tamas_medium_from_name(const char *s, size_t n) {
  int m = find_term(media, COUNT(media), s, n);
  return m < 0 ? 0 : m;
}

const char *tamas_precision_name(tamas_precision p) {
  return (unsigned)p < COUNT(precisions) ? precisions[p] : NULL;
}
