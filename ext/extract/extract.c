/*
** extract.c — contact events from Persian news text.
**
** For each sentence of the article body (article.c), with its words,
** mentions (extract_scan.c) and actors (extract_actors.c):
**
**   1. a contact word must be there («تماس تلفنی», «دیدار», «گفت‌وگو», …);
**   2. the sides: the actors right after «با» are the partners, the actors
**      just before it (or the last subject, when the sentence leaves it out)
**      the subject; without «با», two coordinated actors of different
**      countries («دیدار ترامپ و پوتین») or a plural office («وزرای دفاع
**      روسیه و آمریکا», «… دو کشور») are the two sides.  Lists pair by
**      position («شویگو و گراسیموف … با آستین و میلی»);
**   3. the status from cue words, strongest first: denied, refused,
**      requested, proposed, planned (a future verb or date), else occurred;
**      a negated contact verb with no refusal or denial is no event;
**   4. the medium from the contact word and medium words («به صورت تلفنی»);
**   5. the date: an explicit date, else relative words and weekdays resolved
**      against the publication date (no publication date: no date);
**   6. the initiator from «به درخواست / به ابتکار / از سوی / به دعوت …».
** Mentions of the same contact (same two actors, status, compatible date and
** medium) are merged into one event with a count.
*/
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

typedef struct state {
  const char *text;
  tamas_extraction *out;
  size_t cap;
  context cx;
  actor actors[MAX_ACTORS];
  int n_actors;
  unsigned char used_contact[MAX_MENTIONS]; /* contact words that gave an event */
  unsigned cues_present;     /* 1 << cue kind, for each cue among the sentence's mentions */
  int has_date_mention;      /* … and whether a date is among them */
  int failed;
  int keep;             /* keep the sentences of the first look at paragraphs */
  sentence_store kept;  /* … for the events, which need them again */
  sentence s; /* last: scan_sentence sets what it reads, so it is not cleared */
} state;


/* ---- small look-ups over the sentence ------------------------------------- */

/* Index of the first mention at or after m with this cue kind, or -1. */
static int find_cue(const sentence *s, int from, int to, int cue) {
  int m;
  for (m = from; m < to && m < s->n_mentions; m++)
    if (mention_cue(&s->mentions[m], cue)) return m;
  return -1;
}

static int actor_at_mention(const state *st, int m) {
  int a;
  for (a = 0; a < st->n_actors; a++)
    if (st->actors[a].m0 == m) return a;
  return -1;
}

enum { LINK_NONE, LINK_AND, LINK_COMMA, LINK_PLURAL };

/* How actors a and a+1 are joined: «A و B», «A، B», or one plural office
** («روسای جمهور سوئیس و فنلاند»). */
static int link_of(const state *st, int a) {
  const sentence *s = &st->s;
  const actor *x = &st->actors[a], *y = &st->actors[a + 1];
  int w_end = s->mentions[x->m1 - 1].w1, w_next = s->mentions[y->m0].w0;
  if (x->from_plural && y->from_plural && x->m0 == y->m0) return LINK_PLURAL;
  if (w_next == w_end && s->words[w_next].after_punct == PUNCT_COMMA) return LINK_COMMA;
  if (w_next == w_end + 1) {
    const word *w = &s->words[w_end];
    if (w->key_end - w->key_start == 2 && memcmp(s->key + w->key_start, "\xd9\x88", 2) == 0)
      return LINK_AND;
  }
  return LINK_NONE;
}

/* The end (exclusive) of the list of actors that starts at a0.  Commas
** join a list only when «و» or a plural joins it too («A، B و C»): a lone
** comma is more often an apposition or a clause boundary («با پوتین، رئیس
** جمهور روسیه، دونالد ترامپ اعلام کرد»). */
static int list_end(const state *st, int a0) {
  int a1 = a0 + 1, has_and = 0;
  while (a1 < st->n_actors) {
    int link = link_of(st, a1 - 1);
    if (link == LINK_NONE) break;
    has_and |= link != LINK_COMMA;
    a1++;
  }
  return has_and ? a1 : a0 + 1;
}

/* The start of the list of actors that ends at a1 (inclusive), same rule. */
static int list_start(const state *st, int a1) {
  int a0 = a1, has_and = 0;
  while (a0 > 0 && a1 - a0 < 7) {
    int link = link_of(st, a0 - 1);
    if (link == LINK_NONE) break;
    has_and |= link != LINK_COMMA;
    a0--;
  }
  return has_and ? a0 : a1;
}

/* ---- status, medium, date, initiator --------------------------------------- */

/* Does a date mention belong to another verb than the contact's?  It does
** when «که» or a colon stands between them («روز چهارشنبه اعلام کرد که …
** دیدار خواهد کرد»). */
static int other_clause(const sentence *s, int m, int contact) {
  int a = m < contact ? m : contact, b = m < contact ? contact : m;
  return sentence_has_ke(s, s->mentions[a].w1, s->mentions[b].w0) ||
         sentence_has_colon(s, s->mentions[a].w1 - 1, s->mentions[b].w0);
}

/* When the contact word is followed by its finite verb («دیدار کرد»,
** «گفت‌وگو کردند», «تماس داشت»), the clause ends there: cues after it belong
** to the next clause («… دیدار کرد و برنامه دیدار … برای امروز …»).
** Returns the last mention of the contact's clause. */
static int clause_verb_end(const sentence *s, int contact) {
  static const char *const verbs[] = {
      "\xda\xa9\xd8\xb1\xd8\xaf",                         /* کرد */
      "\xda\xa9\xd8\xb1\xd8\xaf\xd9\x86\xd8\xaf",             /* کردند */
      "\xd8\xaf\xd8\xa7\xd8\xb4\xd8\xaa",                 /* داشت */
      "\xd8\xaf\xd8\xa7\xd8\xb4\xd8\xaa\xd9\x86\xd8\xaf",     /* داشتند */
      "\xda\xa9\xd8\xb1\xd8\xaf\xd9\x87",                     /* کرده */
      "\xd8\xaf\xd8\xa7\xd8\xb4\xd8\xaa\xd9\x87",             /* داشته */
  };
  int m = contact, w, k, i;
  /* «دیدار و گفت‌وگو کرد»: step over a second contact word */
  if (m + 1 < s->n_mentions && mention_cue(&s->mentions[m + 1], C_CONTACT) &&
      s->mentions[m + 1].w0 - s->mentions[m].w1 <= 1)
    m++;
  /* the verb may follow a few words on («تماس تلفنی «طولانی و سازنده» داشته») */
  for (w = s->mentions[m].w1; w < s->mentions[m].w1 + 6 && w < s->n_words; w++) {
    for (k = m + 1; k < s->n_mentions && s->mentions[k].w1 <= w; k++) {
    }
    if (k < s->n_mentions && s->mentions[k].w0 <= w) break; /* another phrase starts */
    for (i = 0; i < (int)(sizeof verbs / sizeof verbs[0]); i++)
      if (sentence_has_word(s, w, w + 1, verbs[i])) return k - 1;
  }
  return s->n_mentions;
}

/* clause_verb_end asked once per contact word: both the status and the
** date read it. */
static int verb_end_of(const sentence *s, int contact, int *known) {
  if (*known < 0) *known = clause_verb_end(s, contact);
  return *known;
}

/* Word distance between two mentions. */
static int word_gap(const sentence *s, int a, int b) {
  return a < b ? s->mentions[b].w0 - s->mentions[a].w1 : s->mentions[a].w0 - s->mentions[b].w1;
}

/* The cues status_of reads from the sentence's mentions: without any of
** them (as in most sentences) the contact occurred, unless «هیچ» negates it. */
#define STATUS_CUES                                                                      \
  (1u << C_DENIED | 1u << C_REFUSED | 1u << C_REQUESTED | 1u << C_PROPOSED | 1u << C_FUTURE | \
   1u << C_RELDAY | 1u << C_RELWEEK | 1u << C_RELMONTH | 1u << C_RELYEAR | 1u << C_NEGATION)

/* The status of the contact word `contact`.  Requests, offers and refusals
** bind to a contact word they precede in the sentence («پیشنهاد داده که …
** دیدار کند»), or follow closely («… را رد کرد»); a request made during a
** call («در گفتگوی تلفنی … خواستار … شد») is not a requested call. */
static int status_of(const state *st, int contact, int from, int to, int *verb_end_known) {
  const sentence *s = &st->s;
  int m, status = TAMAS_OCCURRED, negated = 0, future = 0;
  int cw = s->mentions[contact].w0, setting, purpose, verb_end;
  /* «هیچ دیداری …»: no contact */
  if (cw > 0 && sentence_has_word(s, cw - 1, cw, "\xd9\x87\xdb\x8c\xda\x86")) negated = 1;
  if (!(st->cues_present & STATUS_CUES)) return negated ? -1 : TAMAS_OCCURRED;
  /* «در گفت‌وگو با …», «در دیدار با …»: the contact is the setting of what
  ** the sentence reports, so it took place (or will) */
  setting = cw > 0 && sentence_has_word(s, cw - 1, cw, "\xd8\xaf\xd8\xb1"); /* در */
  /* «برای دیدار با …»: the contact is the aim of the sentence's verb, whose
  ** request or offer can stand far after it */
  purpose = cw > 0 && sentence_has_word(s, cw - 1, cw, "\xd8\xa8\xd8\xb1\xd8\xa7\xdb\x8c");
  verb_end = verb_end_of(s, contact, verb_end_known);
  for (m = from; m < to; m++) {
    const mention *mm = &s->mentions[m];
    const lex_entry *e;
    int before, gap;
    if (!(mm->cues & STATUS_CUES) || mm->kind != MK_ENTRY) continue; /* nothing below reads it */
    before = m < contact;
    gap = word_gap(s, m, contact);
    int binds_near = !setting && gap <= 5;
    int binds_clause = !setting && (before || gap <= 8 || (purpose && !other_clause(s, m, contact)));
    if ((e = mention_cue(mm, C_DENIED)) && !setting) return TAMAS_DENIED;
    if ((e = mention_cue(mm, C_REFUSED)) && !setting && status < TAMAS_REFUSED)
      status = TAMAS_REFUSED;
    if ((e = mention_cue(mm, C_REQUESTED)) && (e->value ? binds_near : binds_clause) &&
        status < TAMAS_REQUESTED)
      status = TAMAS_REQUESTED;
    if ((e = mention_cue(mm, C_PROPOSED)) && (e->value ? binds_near : binds_clause) &&
        status < TAMAS_PROPOSED)
      status = TAMAS_PROPOSED;
    if (mention_cue(mm, C_FUTURE) && !other_clause(s, m, contact) && !(!before && m > verb_end))
      future = 1;
    if (!before && m > verb_end) continue; /* a later clause («… دیدار کرد و …») */
    if ((e = mention_cue(mm, C_RELDAY)) && e->value > 0) future = 1;
    if (((e = mention_cue(mm, C_RELWEEK)) || (e = mention_cue(mm, C_RELMONTH)) ||
         (e = mention_cue(mm, C_RELYEAR))) &&
        e->value > 0)
      future = 1;
    if (mention_cue(mm, C_NEGATION) && m > contact && gap <= 8 && !other_clause(s, m, contact))
      negated = 1;
  }
  if (status <= TAMAS_REQUESTED && negated) return -1;
  if (status == TAMAS_OCCURRED && future) status = TAMAS_PLANNED;
  return status;
}

static int medium_of(const state *st, int contact, int from, int to) {
  const sentence *s = &st->s;
  int m, best = mention_cue(&s->mentions[contact], C_CONTACT)->value, modifier = 0;
  /* without a medium word only contact words beside this one count: at most
  ** two mentions away, each a word at least */
  if (!(st->cues_present & 1u << C_MEDIUM)) {
    if (from < contact - 2) from = contact - 2;
    if (to > contact + 3) to = contact + 3;
  }
  for (m = from; m < to; m++) {
    const lex_entry *e;
    if ((e = mention_cue(&s->mentions[m], C_MEDIUM))) modifier = e->value;
    /* «دیدار و گفت‌وگو»: contact words side by side name one contact */
    if ((e = mention_cue(&s->mentions[m], C_CONTACT)) && word_gap(s, m, contact) <= 1 &&
        e->value > best)
      best = e->value;
  }
  if (modifier && best == MEDIUM_UNSPECIFIED) best = modifier;
  if (modifier == MEDIUM_PHONE || modifier == MEDIUM_VIDEO) best = modifier;
  return best ? best : MEDIUM_UNSPECIFIED;
}

/* Saturday on or before a day. */
static int32_t week_start(int32_t day) { return day - tamas_jdn_weekday(day); }

static void month_bounds(int y, int m, int32_t *first, int32_t *last) {
  *first = tamas_gregorian_to_jdn(y, m, 1);
  *last = *first + tamas_gregorian_month_days(y, m) - 1;
}

/* First and last day of a month written without a day: with its year, or
** (no year) the nearest such month before the publication day, or after it
** for plans. */
static int month_of_match(const tamas_date_match *d, int32_t day, int future, int32_t *first,
                          int32_t *last) {
  tamas_date_match t = *d;
  int y, mo, da;
  if (!t.year) {
    if (!day) return 0;
    if (t.calendar == TAMAS_CAL_JALALI ? !tamas_jdn_to_jalali(day, &y, &mo, &da)
                                       : !tamas_jdn_to_gregorian(day, &y, &mo, &da))
      return 0;
    t.year = future ? (t.month >= mo ? y : y + 1) : (t.month <= mo ? y : y - 1);
  }
  t.day = 1;
  if (t.calendar == TAMAS_CAL_GREGORIAN) {
    *first = tamas_gregorian_to_jdn(t.year, t.month, 1);
    *last = *first + tamas_gregorian_month_days(t.year, t.month) - 1;
  } else if (t.calendar == TAMAS_CAL_JALALI) {
    *first = tamas_jalali_to_jdn(t.year, t.month, 1);
    *last = *first + tamas_jalali_month_days(t.year, t.month) - 1;
  } else {
    return 0;
  }
  return *first != 0;
}

/* A partial date (no year) on the side of `day` the status points to. */
static int32_t resolve_partial(const tamas_date_match *d, int32_t day, int future) {
  int y, mo, da, best_year = 0;
  int32_t best = 0;
  int k;
  if (!tamas_jdn_to_gregorian(day, &y, &mo, &da)) return 0;
  if (d->calendar == TAMAS_CAL_JALALI && !tamas_jdn_to_jalali(day, &y, &mo, &da)) return 0;
  for (k = -1; k <= 1; k++) {
    tamas_date_match t = *d;
    int32_t j;
    t.year = y + k;
    j = tamas_date_match_jdn(&t);
    if (!j) continue;
    if (future ? j < day - 3 : j > day + 3) continue; /* a few days of slack */
    if (!best || abs(j - day) < abs(best - day)) best = j, best_year = t.year;
  }
  (void)best_year;
  return best;
}

/* The cues that date a contact besides a date itself. */
#define DATE_CUES \
  (1u << C_RELDAY | 1u << C_RELWEEK | 1u << C_RELMONTH | 1u << C_RELYEAR | 1u << C_WEEKDAY)

static void date_of(const state *st, tamas_event *ev, int contact, int from, int to, int future,
                    int *verb_end_known) {
  const sentence *s = &st->s;
  int verb_end;
  int32_t day = st->cx.day;
  int m, weekday = -1, rel_kind = 0, rel = 0;
  size_t rs = 0, re = 0, ws = 0, we = 0;
  if (!st->has_date_mention && !(st->cues_present & DATE_CUES)) return; /* nothing dates it */
  verb_end = verb_end_of(s, contact, verb_end_known);
  for (m = from; m < to; m++) {
    const mention *mm = &s->mentions[m];
    const lex_entry *e;
    /* a mention that cannot date the contact is passed over first: past the
    ** verb no mention dates it, so the order of the two tests below is free */
    if (mm->kind != MK_DATE && !(mm->cues & DATE_CUES)) continue;
    if (m != contact && other_clause(s, m, contact)) continue;
    if (m > verb_end) break; /* a later clause */
    if (mm->kind == MK_DATE) {
      const tamas_date_match *d = &mm->date;
      int32_t j = 0;
      if (d->day == 0) { /* «اکتبر ۲۰۲۲», «در ماه ژانویه» */
        if (month_of_match(d, day, future, &ev->date, &ev->date_end)) {
          ev->precision = TAMAS_MONTH;
          ev->date_text = (tamas_span){d->start, d->end};
          return;
        }
        continue;
      }
      j = d->year ? tamas_date_match_jdn(d) : (day ? resolve_partial(d, day, future) : 0);
      if (j) {
        ev->date = ev->date_end = j;
        ev->precision = TAMAS_DAY;
        ev->date_text = (tamas_span){d->start, d->end};
        return;
      }
      continue;
    }
    if (!rel_kind) {
      static const int kinds[] = {C_RELDAY, C_RELWEEK, C_RELMONTH, C_RELYEAR};
      int k;
      for (k = 0; k < 4; k++)
        if ((e = mention_cue(mm, kinds[k]))) {
          rel_kind = kinds[k], rel = e->value;
          rs = s->words[mm->w0].start, re = s->words[mm->w1 - 1].end;
        }
    }
    if (weekday < 0 && (e = mention_cue(mm, C_WEEKDAY))) {
      weekday = e->value;
      ws = s->words[mm->w0].start, we = s->words[mm->w1 - 1].end;
    }
  }
  if (!day) return;
  if (rel_kind == C_RELDAY || (weekday >= 0 && rel_kind != C_RELWEEK)) {
    int32_t j;
    if (rel_kind == C_RELDAY) {
      j = day + rel;
      ev->date_text = (tamas_span){rs, re};
    } else {
      int diff = weekday - tamas_jdn_weekday(day);
      if (future) j = day + (diff + 7) % 7;
      else j = day - ((7 - diff) % 7);
      ev->date_text = (tamas_span){ws, we};
    }
    ev->date = ev->date_end = j;
    ev->precision = TAMAS_DAY;
  } else if (rel_kind == C_RELWEEK) {
    ev->date = week_start(day) + 7 * rel;
    ev->date_end = ev->date + 6;
    ev->precision = TAMAS_WEEK;
    ev->date_text = (tamas_span){rs, re};
  } else if (rel_kind == C_RELMONTH || rel_kind == C_RELYEAR) {
    int y, mo, d;
    tamas_jdn_to_gregorian(day, &y, &mo, &d);
    if (rel_kind == C_RELMONTH) {
      mo += rel;
      while (mo < 1) mo += 12, y--;
      while (mo > 12) mo -= 12, y++;
      month_bounds(y, mo, &ev->date, &ev->date_end);
      ev->precision = TAMAS_MONTH;
    } else {
      ev->date = tamas_gregorian_to_jdn(y + rel, 1, 1);
      ev->date_end = tamas_gregorian_to_jdn(y + rel, 12, 31);
      ev->precision = TAMAS_YEAR;
    }
    ev->date_text = (tamas_span){rs, re};
  }
}

/* «به درخواست طرف آمریکایی», «به دعوت … رئیس جمهور ترکمنستان». */
static int initiator_of(const state *st, int from, int to) {
  const sentence *s = &st->s;
  int m, k;
  if (!(st->cues_present & 1u << C_INITIATOR)) return -1;
  if ((m = find_cue(s, from, to, C_INITIATOR)) < 0) return -1;
  for (k = m + 1; k < s->n_mentions && k <= m + 3; k++) {
    const lex_entry *e = mention_entry(&s->mentions[k], E_COUNTRY_ADJ);
    int a = actor_at_mention(st, k);
    if (!e) e = mention_entry(&s->mentions[k], E_COUNTRY);
    if (e) return e->country;
    if (a >= 0 && st->actors[a].country >= 0) return st->actors[a].country;
  }
  return -1;
}

/* ---- events ------------------------------------------------------------------ */

/* A lexicon code (ASCII) into a field of the event. */
static void copy_code(char *out, size_t cap, const char *code) {
  copy_utf8(out, cap, code ? code : "", code ? strlen(code) : 0);
}

static void name_actor(const state *st, const actor *a, tamas_actor *out) {
  memset(out, 0, sizeof *out);
  if (a->who) {
    copy_utf8(out->name, sizeof out->name, a->who->name, strlen(a->who->name));
    out->known = 1;
  } else if (a->unknown_name) {
    romanise(st->text + a->name_start, a->name_end - a->name_start, out->name, sizeof out->name);
  } else {
    memcpy(out->name, "org:", 4);
    copy_code(out->name + 4, sizeof out->name - 4, lexicon_country_code(a->country));
  }
  copy_code(out->country, sizeof out->country, lexicon_country_code(a->country));
  if (a->office >= 0) copy_code(out->office, sizeof out->office, lexicon_office_code(a->office));
  out->fa = (tamas_span){a->start, a->end};
}

static int same_event(const tamas_event *x, const tamas_event *y) {
  /* the numbers first: they tell most events apart without a string */
  if (x->status != y->status || (x->date && y->date && x->date != y->date)) return 0;
  if (!(x->medium == y->medium || x->medium == TAMAS_MEDIUM_UNSPECIFIED ||
        y->medium == TAMAS_MEDIUM_UNSPECIFIED))
    return 0;
  return (!strcmp(x->actor[0].name, y->actor[0].name) &&
          !strcmp(x->actor[1].name, y->actor[1].name)) ||
         (!strcmp(x->actor[0].name, y->actor[1].name) &&
          !strcmp(x->actor[1].name, y->actor[0].name));
}

static void add_event(state *st, const tamas_event *ev) {
  tamas_extraction *x = st->out;
  size_t i;
  for (i = 0; i < x->n_events; i++) {
    tamas_event *old = &x->events[i];
    if (!same_event(old, ev)) continue;
    old->mentions++;
    if (!old->date && ev->date) {
      old->date = ev->date, old->date_end = ev->date_end, old->precision = ev->precision;
      old->date_text = ev->date_text;
    }
    if (old->medium == TAMAS_MEDIUM_UNSPECIFIED) old->medium = ev->medium;
    if (!old->initiator[0]) memcpy(old->initiator, ev->initiator, sizeof ev->initiator);
    old->first_time |= ev->first_time;
    return;
  }
  if (x->n_events == st->cap) {
    size_t cap = st->cap ? st->cap * 2 : 8;
    tamas_event *bigger = realloc(x->events, cap * sizeof *bigger);
    if (!bigger) {
      st->failed = 1;
      return;
    }
    x->events = bigger;
    st->cap = cap;
  }
  x->events[x->n_events++] = *ev;
}

/* Fill a counterpart («همتای روسی خود») from the other side. */
static void resolve_counterpart(const state *st, actor *a, const actor *other) {
  if (!a->from_counterpart || a->who) return;
  a->office = other->office;
  if (a->country < 0) {
    int k;
    for (k = 0; k < st->cx.n_countries; k++)
      if (st->cx.countries[k] != other->country) a->country = st->cx.countries[k];
  }
  if (a->office >= 0 && a->country >= 0) a->who = resolve_holder(&st->cx, a->office, a->country, st->cx.day);
}

static void emit(state *st, actor x, actor y, int contact, int from, int to) {
  tamas_event ev;
  int status, init, k, verb_end = -1;
  resolve_counterpart(st, &x, &y);
  resolve_counterpart(st, &y, &x);
  if (x.country < 0 || y.country < 0 || x.country == y.country) return;
  if ((status = status_of(st, contact, from, to, &verb_end)) < 0) return;
  memset(&ev, 0, sizeof ev);
  ev.status = (tamas_status)status;
  ev.medium = (tamas_medium)medium_of(st, contact, from, to);
  name_actor(st, &x, &ev.actor[0]);
  name_actor(st, &y, &ev.actor[1]);
  date_of(st, &ev, contact, from, to, status == TAMAS_PLANNED || status == TAMAS_PROPOSED,
          &verb_end);
  init = initiator_of(st, from, to);
  if (init < 0 && (status == TAMAS_REQUESTED || status == TAMAS_PROPOSED)) init = x.country;
  if (init >= 0) copy_code(ev.initiator, sizeof ev.initiator, lexicon_country_code(init));
  ev.first_time = (st->cues_present & 1u << C_FIRST) && find_cue(&st->s, from, to, C_FIRST) >= 0;
  ev.mentions = 1;
  ev.evidence = (tamas_span){st->s.start, st->s.end};
  /* the contact word, and a second one beside it («دیدار و گفت‌وگو») */
  st->used_contact[contact] = 1;
  for (k = contact - 1; k <= contact + 1; k += 2)
    if (k >= 0 && k < st->s.n_mentions && mention_cue(&st->s.mentions[k], C_CONTACT) &&
        word_gap(&st->s, k, contact) <= 1)
      st->used_contact[k] = 1;
  add_event(st, &ev);
}

/* Is word w a cue of this kind (a stop word or an honorific)? */
static int word_is_cue(const sentence *s, int w, int cue) {
  size_t ks = s->words[w].key_start, len = s->words[w].key_end - ks;
  lex_match m;
  lexicon_match_at(lexicon_builtin(), s->key + ks, len, s->ends + ks, 0, &m);
  return m.len == len && (m.cues & 1u << cue);
}

/* Pair two groups of actors: by position when they are the same size. */
/* Pair two groups of actors.  Lists of the same length pair by office
** («شویگو و گراسیموف … با آستین و میلی»: minister with minister, general
** with general), then by rank, then by position; otherwise every subject
** meets every partner («… با روسای جمهور سوئیس و فنلاند»). */
static void pair_groups(state *st, const actor *subj, int ns, int a0, int na, int contact) {
  int i, j;
  if (ns > 1 && ns == na) {
    unsigned char taken[8] = {0};
    int match[8], pass;
    for (i = 0; i < ns; i++) match[i] = -1;
    for (pass = 0; pass < 3; pass++)
      for (i = 0; i < ns; i++)
        for (j = 0; j < na && match[i] < 0; j++) {
          const actor *p = &st->actors[a0 + j];
          int fits = pass == 0   ? subj[i].office >= 0 && subj[i].office == p->office
                     : pass == 1 ? lexicon_office_rank(subj[i].office) == lexicon_office_rank(p->office)
                                 : 1;
          if (!taken[j] && fits && (pass < 2 || j == i || taken[i])) {
            match[i] = j;
            taken[j] = 1;
          }
        }
    for (i = 0; i < ns; i++)
      if (match[i] >= 0) emit(st, subj[i], st->actors[a0 + match[i]], contact, 0, st->s.n_mentions);
    return;
  }
  for (i = 0; i < ns; i++)
    for (j = 0; j < na; j++) emit(st, subj[i], st->actors[a0 + j], contact, 0, st->s.n_mentions);
}

/* The contact word of a «با» at mention m whose partner group ends at
** mention end: a contact word right before «با» («دیدار با …»), else the
** first after the group (the verb ends the clause), else the nearest before. */
static int contact_for(const sentence *s, int m, int end) {
  int k;
  /* «دیدار با», «ملاقات‌های جداگانه با» */
  if (m > 0 && mention_cue(&s->mentions[m - 1], C_CONTACT) &&
      s->mentions[m].w0 - s->mentions[m - 1].w1 <= 1)
    return m - 1;
  for (k = end; k < s->n_mentions; k++)
    if (mention_cue(&s->mentions[k], C_CONTACT)) return k;
  for (k = m - 1; k >= 0; k--)
    if (mention_cue(&s->mentions[k], C_CONTACT)) return k;
  return -1;
}

static int is_named(const actor *a) { return a->who || a->unknown_name; }

/* Is actor a the object of its verb («اردوغان … را در جریان … قرار داد»)? */
static int is_object(const state *st, int a) {
  const sentence *s = &st->s;
  int w = s->mentions[st->actors[a].m1 - 1].w1;
  if (sentence_has_word(s, w, w + 1, "\xd8\xae\xd9\x88\xd8\xaf")) w++; /* «… خود را» */
  return sentence_has_word(s, w, w + 1, "\xd8\xb1\xd8\xa7"); /* را */
}

/* Partners after each «با».  The subject is the nearest named actor before
** «با» that is not itself a partner (a country named in between, «… جنگ
** اوکراین با …», is not it), with its coordinated group; when none is
** before, the first named actor after the partners and before «که»
** («پس از تماس تلفنی با پوتین، … ترامپ اعلام کرد»); else the last subject. */
static int events_with_partner(state *st) {
  const sentence *s = &st->s;
  unsigned char partner[MAX_ACTORS];
  int m, made = 0, letter_done = -1;
  memset(partner, 0, sizeof partner);
  for (m = 0; m < s->n_mentions; m++) {
    int a0, a1, b1, b0, contact, k;
    actor subj[8];
    int ns = 0;
    int to = mention_cue(&s->mentions[m], C_TO) != NULL;
    if (!mention_cue(&s->mentions[m], C_WITH) && !to) continue;
    /* the partner group starts at the next word («با همتای …»), or after
    ** an honorific («با ژنرال والری گراسیموف») */
    if ((a0 = actor_at_mention(st, m + 1)) < 0) continue;
    {
      int w = s->mentions[m].w1, w0 = st->actors[a0].w0;
      if (w0 > w + 1 || (w0 == w + 1 && !word_is_cue(s, w, C_HONORIFIC))) continue;
    }
    a1 = list_end(st, a0);
    if ((contact = contact_for(s, m, st->actors[a1 - 1].m1)) < 0) continue;
    /* «به» marks the recipient of a letter («پیام تبریک لاوروف به عراقچی»);
    ** a letter has one recipient: a later «… را به وی تحویل داد» is its
    ** carrier handing it over */
    if (to && (mention_cue(&s->mentions[contact], C_CONTACT)->value != MEDIUM_LETTER ||
               letter_done == contact))
      continue;
    if (to) letter_done = contact;
    for (b1 = -1, k = a0 - 1; k >= 0; k--)
      if (is_named(&st->actors[k]) && !partner[k] && !is_object(st, k)) {
        b1 = k;
        break;
      }
    if (b1 >= 0) {
      for (b0 = list_start(st, b1); partner[b0]; b0++) {
      }
      for (k = b0; k <= b1; k++) subj[ns++] = st->actors[k];
    } else {
      for (k = a1; k < st->n_actors; k++) {
        if (other_clause(s, st->actors[a1 - 1].m1 - 1, st->actors[k].m0)) break;
        /* past another contact word the actors belong to that contact */
        if (find_cue(s, st->actors[a1 - 1].m1, st->actors[k].m0, C_CONTACT) >= 0) break;
        if (is_named(&st->actors[k]) && st->actors[k].country != st->actors[a0].country) {
          subj[ns++] = st->actors[k];
          break;
        }
      }
      if (ns == 0 && st->cx.have_subject) subj[ns++] = st->cx.last_subject;
    }
    for (k = a0; k < a1; k++) partner[k] = 1;
    if (ns == 0) continue;
    pair_groups(st, subj, ns, a0, a1 - a0, contact);
    made = 1;
  }
  return made;
}

/* Two sides named together: right after the contact word («دیدار ترامپ و
** پوتین», «دیدار میان سیسی و تمیم»), or before «با یکدیگر» / «دو طرف»
** («وزرای دفاع روسیه و آمریکا … با یکدیگر رایزنی کردند»). */
static void events_between(state *st) {
  const sentence *s = &st->s;
  int contact, a, reciprocal = find_cue(s, 0, s->n_mentions, C_RECIPROCAL);
  for (contact = 0; contact < s->n_mentions; contact++) {
    if (!mention_cue(&s->mentions[contact], C_CONTACT) || st->used_contact[contact]) continue;
    for (a = 0; a + 1 < st->n_actors; a++) {
      actor *x = &st->actors[a], *y = &st->actors[a + 1];
      int gap = x->w0 - s->mentions[contact].w1, link = link_of(st, a);
      int right_after, plural_pair, before_reciprocal, opening_pair;
      if (link == LINK_NONE) continue; /* the two must be named together */
      /* «دیدار ترامپ و پوتین», «تماس مستقیم میان عراقچی و ویتکاف» */
      right_after =
          x->m0 > contact &&
          (gap == 0 ||
           (gap <= 2 && (sentence_has_word(s, x->w0 - 1, x->w0, "\xd8\xa8\xdb\x8c\xd9\x86") /* بین */ ||
                         sentence_has_word(s, x->w0 - 1, x->w0,
                                           "\xd9\x85\xdb\x8c\xd8\xa7\xd9\x86") /* میان */)));
      /* «وزرای خارجه دو کشور … دیدار کنند»: one plural office names both */
      plural_pair = link == LINK_PLURAL && x->m1 <= contact && !other_clause(s, x->m1 - 1, contact);
      before_reciprocal = reciprocal > y->m1 - 1 && reciprocal < contact + 4;
      /* «عراقچی … و فیصل بن فرحان … در یک تماس تلفنی … گفت‌وگو کردند»:
      ** the sentence opens with the two sides, and the contact follows */
      opening_pair =
          a == 0 && contact > y->m1 - 1 && is_named(x) && is_named(y) && link == LINK_AND;
      if (!(right_after || before_reciprocal || opening_pair || plural_pair)) continue;
      emit(st, *x, *y, contact, 0, s->n_mentions);
      break;
    }
  }
  /* «اردوغان درخواست گفتگوی تلفنی نتانیاهو را رد کرد»: one side after the
  ** contact word (its owner), the other the subject before it */
  for (contact = 0; contact < s->n_mentions; contact++) {
    int y = -1, x;
    /* a letter's owner is its sender, not the other side of the subject
    ** («قرقاش نامه ترامپ را به تهران آورد») */
    if (!mention_cue(&s->mentions[contact], C_CONTACT) || st->used_contact[contact] ||
        mention_cue(&s->mentions[contact], C_CONTACT)->value == MEDIUM_LETTER)
      continue;
    for (a = 0; a < st->n_actors; a++)
      if (st->actors[a].m0 > contact && st->actors[a].w0 == s->mentions[contact].w1) y = a;
    if (y < 0 || !is_named(&st->actors[y])) continue;
    for (x = y - 1; x >= 0; x--)
      if (st->actors[x].m1 <= contact && is_named(&st->actors[x]) &&
          st->actors[x].country != st->actors[y].country) {
        emit(st, st->actors[x], st->actors[y], contact, 0, s->n_mentions);
        return;
      }
  }
}

/* «لاوروف عراقچی را به روسیه دعوت کرد»: the actor before «را» is the
** object of a transitive contact verb, the named actor before it the subject. */
static void events_object(state *st) {
  const sentence *s = &st->s;
  int a, k;
  for (a = 1; a < st->n_actors; a++) {
    const actor *y = &st->actors[a];
    int w = s->mentions[y->m1 - 1].w1, contact;
    if (!sentence_has_word(s, w, w + 1, "\xd8\xb1\xd8\xa7")) continue; /* را */
    if ((contact = find_cue(s, y->m1, s->n_mentions, C_CONTACT)) < 0) continue;
    for (k = a - 1; k >= 0; k--)
      if (is_named(&st->actors[k])) {
        emit(st, st->actors[k], *y, contact, 0, s->n_mentions);
        return;
      }
  }
}

static void note_countries(context *cx, const actor *a, int n) {
  int i, k;
  for (i = 0; i < n && cx->n_countries < 2; i++) {
    int c = a[i].country, seen = 0;
    if (c < 0) continue;
    for (k = 0; k < cx->n_countries; k++) seen |= cx->countries[k] == c;
    if (!seen) cx->countries[cx->n_countries++] = c;
  }
}

/* Which cues, and whether a date, the sentence holds: the event rules skip
** the look-ups that cannot find anything. */
static void note_cues(state *st) {
  int m;
  st->cues_present = 0;
  st->has_date_mention = 0;
  for (m = 0; m < st->s.n_mentions; m++) {
    const mention *mm = &st->s.mentions[m];
    if (mm->kind == MK_ENTRY) st->cues_present |= mm->cues;
    else st->has_date_mention = 1;
  }
}

static void process_sentence(state *st, size_t start, size_t end, int count_only) {
  int i;
  if (count_only || !sentence_take_kept(&st->kept, &st->s, st->text, start, end))
    scan_sentence(&st->s, st->text, start, end, st->cx.overlay, !count_only);
  else
    scan_sentence_dates(&st->s, st->cx.overlay);
  if (count_only && st->keep && !sentence_keep(&st->kept, &st->s)) st->keep = 0;
  st->n_actors = build_actors(&st->s, &st->cx, st->cx.day, st->actors, MAX_ACTORS);
  note_countries(&st->cx, st->actors, st->n_actors);
  if (count_only) return;
  memset(st->used_contact, 0, sizeof st->used_contact);
  note_cues(st);
  if (st->cues_present & 1u << C_CONTACT) {
    int made = events_with_partner(st);
    size_t before = st->out->n_events;
    /* contact words no «با» claimed: «… پس از دیدار ترامپ و پوتین …» */
    events_between(st);
    if (!made && st->out->n_events == before) events_object(st);
  }
  for (i = 0; i < st->n_actors; i++)
    if (st->actors[i].who && !st->actors[i].from_pronoun && !st->actors[i].from_counterpart) {
      st->cx.last_subject = st->actors[i];
      st->cx.have_subject = 1;
      break;
    }
  for (i = 0; i < st->n_actors; i++)
    if (st->actors[i].country >= 0 &&
        (!st->cx.have_subject || st->actors[i].country != st->cx.last_subject.country))
      st->cx.last_country = st->actors[i].country;
}

static void each_sentence(state *st, tamas_span para, int count_only) {
  size_t pos = para.start;
  tamas_span sent;
  while (!st->failed && tamas_next_sentence(st->text, para.end, &pos, &sent))
    process_sentence(st, sent.start, sent.end, count_only);
}

int tamas_extract(const char *text, size_t len, const char *published, const void *overlay,
                  tamas_extraction *out) {
  tamas_article a;
  int ok;
  memset(out, 0, sizeof *out);
  if (!tamas_article_read_parts(text, len, 0, &a)) return 0;
  ok = tamas_extract_article(text, &a, published, overlay, out);
  tamas_article_free(&a);
  return ok;
}

int tamas_extract_article(const char *text, const tamas_article *a, const char *published,
                          const void *overlay, tamas_extraction *out) {
  state *st = malloc(sizeof *st); /* ~50 KB, most of it the sentence */
  size_t i;
  memset(out, 0, sizeof *out);
  if (!st) return 0;
  memset(st, 0, offsetof(state, s));
  if (!lexicon_builtin()) {
    free(st);
    return 0;
  }
  st->text = text;
  st->out = out;
  st->cx.base = lexicon_builtin();
  st->cx.overlay = overlay;
  if (published && published[0]) snprintf(out->published, sizeof out->published, "%s", published);
  else memcpy(out->published, a->published, sizeof a->published);
  if (out->published[0] && !tamas_parse_timevalue(out->published, 10, &st->cx.day)) st->cx.day = 0;
  /* A first look: the article's two countries, for «دو کشور», from the title
  ** and lead; and, when the date is unknown, the persons it names anywhere,
  ** for offices («همتای آمریکایی وی») that a later sentence puts a name to. */
  lexicon_read_begin(overlay); /* a scan's thread may read while the connection adds */
  if (a->title.end > a->title.start) each_sentence(st, a->title, 1);
  st->keep = 1; /* the paragraphs' words and phrases, for their second reading */
  for (i = 0; i < a->n_paragraphs && (i == 0 || !st->cx.day); i++)
    each_sentence(st, a->paragraphs[i], 1);
  st->keep = 0;
  st->cx.have_subject = 0;
  st->cx.last_country = -1;
  if (a->n_paragraphs == 0 && a->title.end > a->title.start) each_sentence(st, a->title, 0);
  for (i = 0; i < a->n_paragraphs; i++) each_sentence(st, a->paragraphs[i], 0);
  lexicon_read_end(overlay);
  i = !st->failed;
  sentence_store_free(&st->kept);
  free(st);
  if (!i) tamas_extraction_free(out);
  return (int)i;
}

void tamas_extraction_free(tamas_extraction *x) {
  free(x->events);
  memset(x, 0, sizeof *x);
}
