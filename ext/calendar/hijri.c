/*
** hijri.c — Hijri lunar dates through ICU's Islamic calendar.
**
** The variant is "islamic-umalqura", the Umm al-Qura calendar of Saudi Arabia,
** which ICU tabulates for 1300–1600 AH.  Iran fixes its lunar months by
** sighting the crescent, so a Hijri date printed in Iranian news can differ
** from Umm al-Qura by a day; the README says so.  Hijri dates are rare in the
** news, so opening a calendar per call costs nothing that matters.
*/
#include <unicode/ucal.h>

#include "tamas.h"

/* ICU's Julian day field (UCAL_JULIAN_DAY) counts from noon like a JDN. */
int32_t tamas_hijri_to_jdn(int year, int month, int day) {
  UErrorCode status = U_ZERO_ERROR;
  UCalendar *cal;
  int32_t jdn;
  if (year < TAMAS_HIJRI_MIN_YEAR || year > TAMAS_HIJRI_MAX_YEAR || month < 1 ||
      month > 12 || day < 1 || day > 30)
    return 0;
  cal = ucal_open(NULL, 0, "@calendar=islamic-umalqura", UCAL_DEFAULT, &status);
  if (U_FAILURE(status)) return 0;
  ucal_setAttribute(cal, UCAL_LENIENT, 0); /* 30 of a 29-day month fails */
  ucal_clear(cal);
  ucal_set(cal, UCAL_EXTENDED_YEAR, year);
  ucal_set(cal, UCAL_MONTH, month - 1);
  ucal_set(cal, UCAL_DATE, day);
  jdn = ucal_get(cal, UCAL_JULIAN_DAY, &status);
  ucal_close(cal);
  return U_FAILURE(status) ? 0 : jdn;
}

int tamas_jdn_to_hijri(int32_t jdn, int *year, int *month, int *day) {
  UErrorCode status = U_ZERO_ERROR;
  UCalendar *cal = ucal_open(NULL, 0, "@calendar=islamic-umalqura", UCAL_DEFAULT, &status);
  int y, m, d;
  if (U_FAILURE(status)) return 0;
  ucal_clear(cal);
  ucal_set(cal, UCAL_JULIAN_DAY, jdn);
  y = ucal_get(cal, UCAL_EXTENDED_YEAR, &status);
  m = ucal_get(cal, UCAL_MONTH, &status) + 1;
  d = ucal_get(cal, UCAL_DATE, &status);
  ucal_close(cal);
  if (U_FAILURE(status) || y < TAMAS_HIJRI_MIN_YEAR || y > TAMAS_HIJRI_MAX_YEAR) return 0;
  *year = y;
  *month = m;
  *day = d;
  return 1;
}
