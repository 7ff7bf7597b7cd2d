/*
** time.c — when a contact was, and the time of an article.
**
** The date of a contact is read in the clause of its contact word (a
** reporting verb's «روز چهارشنبه گفت» dates the report, not the call it
** reports: clauses.tsv says where clauses start), nearest the contact word
** first: a full date, a day and month, a month, a relative day, week, month
** or year («دیروز», «هفته گذشته»), or a weekday; a sentence that names no
** time goes on from the date of the sentence before (note_sentence_date).
** A relative word or a weekday needs the publication day: the most recent
** such weekday for a contact that took place, the next for a planned one.
**
** An article with no publication day still has a time: the days on which
** the persons it names held office together (their tenures intersected).
** That window gives a year to a day and month («پنجشنبه ۱۲ آذر») when one
** year alone fits it (with the weekday, if one is written), and resolves an
** office to its holder when one person alone held it then (actors.c).
** A date's basis says which way it was fixed (tamas_event.date_basis).
*/
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

#define MAX_WINDOW_YEARS 12 /* a window longer than this fixes no year by itself */
/* units between a contact word and a clause about it («… با رئیسی که …») */
#define RELATIVE_CLAUSE_GAP 4
/* sentences with no time of their own that a «سپس», «همچنین» sentence after
** them may reach back over to the day of the one before them */
#define THEN_CARRY 2

/* Saturday on or before a day. */
static int32_t week_start(int32_t day) { return day - tamas_jdn_weekday(day); }

/* A day in the calendar of date d. */
static int to_calendar(const tamas_date_match *d, int32_t day, int *y, int *m, int *dd) {
  return d->calendar == TAMAS_CAL_JALALI  ? tamas_jdn_to_jalali(day, y, m, dd)
         : d->calendar == TAMAS_CAL_HIJRI ? tamas_jdn_to_hijri(day, y, m, dd)
                                          : tamas_jdn_to_gregorian(day, y, m, dd);
}

/* First and last day of a month written without a day: with its year, or
** (no year) the nearest such month before the publication day, or after it
** for plans. */
static int month_of_match(const tamas_date_match *d, int32_t day, int future, int32_t *first,
                          int32_t *last) {
  tamas_date_match t = *d;
  int y, mo, da;
  if (!t.year) {
    if (!day || !to_calendar(&t, day, &y, &mo, &da)) return 0;
    t.year = future ? (t.month >= mo ? y : y + 1) : (t.month <= mo ? y : y - 1);
  }
  if (t.calendar == TAMAS_CAL_GREGORIAN) {
    *first = tamas_gregorian_to_jdn(t.year, t.month, 1);
    *last = *first + tamas_gregorian_month_days(t.year, t.month) - 1;
  } else if (t.calendar == TAMAS_CAL_JALALI) {
    *first = tamas_jalali_to_jdn(t.year, t.month, 1);
    *last = *first + tamas_jalali_month_days(t.year, t.month) - 1;
  } else if (t.calendar == TAMAS_CAL_HIJRI) { /* a lunar month: to the next one's first day */
    *first = tamas_hijri_to_jdn(t.year, t.month, 1);
    *last = t.month < 12 ? tamas_hijri_to_jdn(t.year, t.month + 1, 1) - 1
                         : tamas_hijri_to_jdn(t.year + 1, 1, 1) - 1;
    if (*last < *first) return 0;
  } else {
    return 0;
  }
  return *first != 0;
}

/* A day and month with no year, on the side of `day` the status points to
** (a few days of slack), in the nearest year. */
static int32_t near_publication(const tamas_date_match *d, int32_t day, int future) {
  int y, mo, da, k;
  int32_t best = 0;
  if (!to_calendar(d, day, &y, &mo, &da)) return 0;
  for (k = -1; k <= 1; k++) {
    tamas_date_match t = *d;
    int32_t j;
    t.year = y + k;
    if (!(j = tamas_date_match_jdn(&t))) continue;
    if (future ? j < day - 3 : j > day + 3) continue;
    if (!best || abs(j - day) < abs(best - day)) best = j;
  }
  return best;
}

/* A day and month with no year in the article's window: the one year that
** fits it (and the weekday written with it); 0 when none or several do. */
static int32_t in_window(const tamas_date_match *d, const context *cx) {
  int y0, y1, m, dd, y, hits = 0;
  int32_t found = 0;
  if (!cx->window_lo || !to_calendar(d, cx->window_lo, &y0, &m, &dd) ||
      !to_calendar(d, cx->window_hi, &y1, &m, &dd))
    return 0;
  if (d->weekday < 0 && y1 - y0 > MAX_WINDOW_YEARS) return 0;
  for (y = y0; y <= y1; y++) {
    tamas_date_match t = *d;
    int32_t j;
    t.year = y;
    if (!(j = tamas_date_match_jdn(&t)) || j < cx->window_lo || j > cx->window_hi) continue;
    if (d->weekday >= 0 && tamas_jdn_weekday(j) != d->weekday) continue;
    found = j;
    hits++;
  }
  return hits == 1 ? found : 0;
}

/* A month with no year in an article with no publication day: the one
** year whose month lies in the article's window. */
static int month_in_window(const tamas_date_match *d, const context *cx, const unit *u,
                           tamas_event *ev) {
  int y0, y1, m, dd, y, hits = 0;
  int32_t first = 0, last = 0;
  if (!cx->window_lo || !to_calendar(d, cx->window_lo, &y0, &m, &dd) ||
      !to_calendar(d, cx->window_hi, &y1, &m, &dd) || y1 - y0 > MAX_WINDOW_YEARS)
    return 0;
  for (y = y0; y <= y1; y++) {
    tamas_date_match t = *d;
    int32_t f, l;
    t.year = y;
    if (!month_of_match(&t, 0, 0, &f, &l) || l < cx->window_lo || f > cx->window_hi) continue;
    first = f, last = l;
    hits++;
  }
  if (hits != 1) return 0;
  ev->date = first;
  ev->date_end = last;
  ev->precision = TAMAS_MONTH;
  ev->date_text = (tamas_span){u->start, u->end};
  ev->date_basis = "window";
  return 1;
}

static void set_day(tamas_event *ev, int32_t j, const unit *u, const char *basis) {
  ev->date = ev->date_end = j;
  ev->precision = TAMAS_DAY;
  ev->date_text = (tamas_span){u->start, u->end};
  ev->date_basis = basis;
}

/* Date the event from one unit; 1 when it did. */
static int date_from(const sentence_work *w, const unit *u, int future, tamas_event *ev) {
  const categories *c = extract_categories();
  int32_t day = w->cx->day, j;
  if (cat_has(&u->cats, c->date)) {
    const tamas_date_match *d = &w->s->mentions[u->mention].date;
    if (d->day == 0) { /* «اکتبر ۲۰۲۲», «در ماه ژانویه» */
      tamas_date_match m = *d;
      int py, pm, pd;
      if (!d->year && !day) return month_in_window(d, w->cx, u, ev);
      /* «آذرماه سال گذشته»: the month in the publication's year, moved */
      if (!m.year && u + 1 < w->t->units + w->t->n && cat_has(&u[1].cats, c->relyear) &&
          to_calendar(&m, day, &py, &pm, &pd))
        m.year = py + u[1].value;
      if (!month_of_match(&m, day, future, &ev->date, &ev->date_end)) return 0;
      ev->precision = TAMAS_MONTH;
      ev->date_text = (tamas_span){u->start, m.year != d->year ? u[1].end : u->end};
      ev->date_basis = d->year ? "text" : "published";
      return 1;
    }
    if (d->year && (j = tamas_date_match_jdn(d))) {
      set_day(ev, j, u, "text");
      return 1;
    }
    if (day && u + 1 < w->t->units + w->t->n && cat_has(&u[1].cats, c->relyear)) {
      /* «۲ دسامبر سال گذشته»: the year is the publication's, moved */
      tamas_date_match y = *d;
      int py, pm, pd;
      if (to_calendar(d, day, &py, &pm, &pd)) {
        y.year = py + u[1].value;
        if ((j = tamas_date_match_jdn(&y))) {
          set_day(ev, j, u, "published");
          return 1;
        }
      }
    }
    if (day && (j = near_publication(d, day, future))) {
      set_day(ev, j, u, "published");
      return 1;
    }
    if (!day && (j = in_window(d, w->cx))) {
      set_day(ev, j, u, "window");
      return 1;
    }
    return 0;
  }
  if (cat_has(&u->cats, c->same_day)) {
    if (!w->cx->last_day) return 0;
    set_day(ev, w->cx->last_day, u, w->cx->last_day_basis);
    return 1;
  }
  if (!day) return 0; /* relative words need the publication day */
  if (cat_has(&u->cats, c->relday)) {
    set_day(ev, day + u->value, u, "published");
    return 1;
  }
  if (cat_has(&u->cats, c->weekday) && u + 1 < w->t->units + w->t->n &&
      cat_has(&u[1].cats, c->relweek))
    u++; /* read with the week that follows it */
  if (cat_has(&u->cats, c->relweek) && u > w->t->units && cat_has(&u[-1].cats, c->weekday)) {
    /* «سه‌شنبه هفته آینده»: that weekday of the Iranian week named */
    int32_t ws = week_start(day) + 7 * u->value;
    set_day(ev, ws + (u[-1].value - tamas_jdn_weekday(ws) + 7) % 7, u - 1, "published");
    ev->date_text.end = u->end;
    return 1;
  }
  if (cat_has(&u->cats, c->weekday)) {
    int diff = u->value - tamas_jdn_weekday(day);
    set_day(ev, future ? day + (diff + 7) % 7 : day - (7 - diff) % 7, u, "published");
    return 1;
  }
  if (cat_has(&u->cats, c->relweek)) {
    /* the Iranian week (Saturday to Friday) meant, as the ISO week of its
    ** Monday to Friday: written as that Monday */
    ev->date = week_start(day) + 7 * u->value + 2;
    ev->date_end = ev->date + 6;
    ev->precision = TAMAS_WEEK;
  } else if (cat_has(&u->cats, c->relmonth) || cat_has(&u->cats, c->relyear)) {
    int y, mo, d;
    tamas_jdn_to_gregorian(day, &y, &mo, &d);
    if (cat_has(&u->cats, c->relmonth)) {
      mo += u->value;
      while (mo < 1) mo += 12, y--;
      while (mo > 12) mo -= 12, y++;
      ev->date = tamas_gregorian_to_jdn(y, mo, 1);
      ev->date_end = ev->date + tamas_gregorian_month_days(y, mo) - 1;
      ev->precision = TAMAS_MONTH;
    } else {
      ev->date = tamas_gregorian_to_jdn(y + u->value, 1, 1);
      ev->date_end = tamas_gregorian_to_jdn(y + u->value, 12, 31);
      ev->precision = TAMAS_YEAR;
    }
  } else {
    return 0;
  }
  ev->date_text = (tamas_span){u->start, u->end};
  ev->date_basis = "published";
  return 1;
}

/* A date of the clause (a clause told aside keeps its own date: only the
** contact it tells of takes it; «سال گذشته» after a day and month is that
** date's year, read with it). */
static int dates_it(const categories *c, const tagged *t, int i) {
  const unit *u = &t->units[i];
  if (cat_has(&u->cats, c->relyear) && i > 0 && cat_has(&u[-1].cats, c->date)) return 0;
  return cat_any(&u->cats, &c->dating) && !cat_has(&u->cats, c->aside);
}

void event_date(const sentence_work *w, const unsigned char *boundary, int c0, int c1,
                int future, tamas_event *ev) {
  const categories *c = extract_categories();
  const tagged *t = w->t;
  int lo = c0, hi = c1, stop, d;
  if (c0 < 0) return;
  /* the clause of the contact word */
  while (lo > 0 && !boundary[lo]) lo--;
  while (hi < t->n && !boundary[hi]) hi++;
  /* after it, no further than its verb when «و» starts another clause
  ** («… دیدار کرد و برنامه دیدار با … برای امروز …») */
  for (stop = c1; stop + 1 < hi; stop++)
    if (cat_has(&t->units[stop].cats, c->verb) && !cat_has(&t->units[stop].cats, c->participle) &&
        cat_has(&t->units[stop + 1].cats, c->and_word))
      break;
  stop = stop + 1 < hi ? stop + 1 : hi;
  /* nearest first, before the contact word at each distance */
  for (d = 0; c0 - d >= lo || c1 - 1 + d < stop; d++) {
    int before = c0 - d, after = c1 - 1 + d;
    if (before >= lo && dates_it(c, t, before) &&
        date_from(w, &t->units[before], future, ev))
      return;
    if (d > 0 && after < stop && dates_it(c, t, after) &&
        date_from(w, &t->units[after], future, ev))
      return;
  }
  /* «تماسی … که عصر چهارشنبه برقرار شد»: a clause that starts right after
  ** the contact phrase (its sides between) and holds no contact of its own
  ** tells of it */
  for (d = c1; d < t->n && d - c1 <= RELATIVE_CLAUSE_GAP && !boundary[d]; d++) {
    const unit *un = &t->units[d];
    if (cat_has(&un->cats, c->aside)) { /* «دیدار X با Y، که روز دوشنبه انجام شد،» */
      if (cat_any(&un->cats, &c->dating)) date_from(w, un, future, ev);
      return;
    }
    if (!cat_has(&un->cats, c->actor) && !cat_has(&un->cats, c->with) &&
        !cat_has(&un->cats, c->and_word) && !cat_has(&un->cats, c->comma))
      break;
  }
  if (hi < t->n && hi - c1 <= RELATIVE_CLAUSE_GAP) {
    int end = hi + 1, u;
    while (end < t->n && !boundary[end]) end++;
    for (u = hi; u < end; u++)
      if (cat_has(&t->units[u].cats, c->contact)) return;
    for (u = hi; u < end; u++)
      if (dates_it(c, t, u) && date_from(w, &t->units[u], future, ev)) return;
  }
  /* a sentence with no time of its own goes on from the one before (its
  ** date as its own verbs read it), when that date is on the contact's side
  ** of the publication day (a plan is not dated in the past); not a contact
  ** it times another by («چند روز پس از دیدار …»), nor one done again and
  ** again */
  if (!cat_any(&t->all, &c->dating) && w->cx->have_before && !cat_has(&t->all, c->habit) &&
      (w->cx->before_gap == 0 || (cat_has(&t->all, c->then) && w->cx->before_gap <= THEN_CARRY)) &&
      !(c0 > 0 && cat_has(&t->units[c0 - 1].cats, c->after))) {
    const context *cx = w->cx;
    if (cx->day && (future ? cx->before.date_end < cx->day : cx->before.date > cx->day)) return;
    ev->date = cx->before.date;
    ev->date_end = cx->before.date_end;
    ev->precision = cx->before.precision;
    ev->date_text = cx->before.text;
    ev->date_basis = cx->before.basis;
  }
}

void note_sentence_date(context *cx, const sentence *s, tagged *t) {
  const categories *c = extract_categories();
  sentence_work w;
  int i, future;
  if (!cat_any(&t->all, &c->dating)) { /* the day carries on to a «سپس …» after it */
    cx->before_gap++;
    return;
  }
  cx->have_before = 0;
  cx->before_gap = 0;
  /* read as its own verbs tell: the future («خواهد»; «قرار است», «راهی» or
  ** a present form with no past one: «سفر می‌کند») or the past */
  future = cat_has(&t->all, c->future) ||
           ((cat_has(&t->all, c->plan) || cat_has(&t->all, c->present)) &&
            !cat_has(&t->all, c->past));
  memset(&w, 0, sizeof w);
  w.s = s, w.t = t, w.cx = cx;
  for (i = 0; i < t->n; i++) {
    tamas_event ev;
    if (!dates_it(c, t, i)) continue;
    memset(&ev, 0, sizeof ev);
    if (!date_from(&w, &t->units[i], future, &ev)) continue;
    cx->before.date = ev.date, cx->before.date_end = ev.date_end;
    cx->before.precision = ev.precision;
    cx->before.text = ev.date_text;
    cx->before.basis = ev.date_basis;
    cx->have_before = 1;
    return;
  }
}

/* ---- the article's window ----------------------------------------------------- */

void article_window(context *cx) {
  int32_t lo = 0, hi = 0;
  int i, j, any = 0;
  cx->window_lo = cx->window_hi = 0;
  /* the tenures the article states, intersected */
  for (i = 0; i < cx->n_stated; i++) {
    const tenure *t = cx->stated[i];
    int32_t s = t->start, e = t->end ? t->end : LEXICON_DAY;
    if (!s) continue;
    if (!any) lo = s, hi = e, any = 1;
    else {
      if (s > lo) lo = s;
      if (e < hi) hi = e;
    }
  }
  if (any && lo <= hi) {
    /* narrowed by the persons it names with no office, when they agree */
    int32_t nlo = lo, nhi = hi;
    for (i = 0; i < cx->n_named; i++) {
      const person *p = cx->named[i];
      int32_t plo = INT32_MAX, phi = 0;
      for (j = 0; j < p->n_tenures; j++) {
        int32_t s = p->tenures[j].start, e = p->tenures[j].end ? p->tenures[j].end : LEXICON_DAY;
        if (s < plo) plo = s;
        if (e > phi) phi = e;
      }
      if (plo == 0) continue;
      if (plo > nlo) nlo = plo;
      if (phi < nhi) nhi = phi;
    }
    if (nlo <= nhi) lo = nlo, hi = nhi;
    cx->window_lo = lo, cx->window_hi = hi;
    return;
  }
  any = 0; /* else the spans of office of the persons it names */
  for (i = 0; i < cx->n_named; i++) {
    const person *p = cx->named[i];
    int32_t plo = INT32_MAX, phi = 0;
    for (j = 0; j < p->n_tenures; j++) {
      const tenure *t = &p->tenures[j];
      int32_t s = t->start ? t->start : 0, e = t->end ? t->end : LEXICON_DAY;
      if (s < plo) plo = s;
      if (e > phi) phi = e;
    }
    if (plo == 0 || phi == 0) continue; /* an open start: no bound */
    if (!any) lo = plo, hi = phi, any = 1;
    else {
      if (plo > lo) lo = plo;
      if (phi < hi) hi = phi;
    }
  }
  if (any && lo <= hi) cx->window_lo = lo, cx->window_hi = hi;
}
