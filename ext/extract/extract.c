/*
** extract.c — contact events from Persian news text: the article through
** the cascade of sql/rules/, sentence by sentence.
**
**   text → article reader (ext/article) → sentences
**        → words, lexicon mentions, dates          extract_scan.c
**        → units with categories, their string     units.c
**        → actors, lists      (actors.tsv, lists.tsv)         actors.c
**        → events with status, medium, initiator  (events.tsv, status.tsv,
**          medium.tsv, initiator.tsv)                          events.c
**        → dates within clauses (clauses.tsv)                  time.c
**        → one event per contact of the article   (here: mentions merged)
**
** The article is read twice: first its title and lead (all of it when it
** has no publication day) for the states and persons it names — «دو کشور»
** are its first two states, an undated article's time is when its persons
** held office together (time.c) — then every sentence for events.  The
** sentence before tells who a pronoun or a left-out subject is.
*/
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "extract_internal.h"

typedef struct state {
  const char *text;
  tamas_extraction *out;
  size_t cap;
  size_t *last_seen;    /* per event: the start of the sentence it was last found in */
  int cur;              /* the sentence being read: s[cur], t[cur] */
  int has_pending;      /* s[!cur], t[!cur]: the one before, read, not yet built */
  context cx;
  const rule_set *rs;
  rule_matcher *m;
  actor actors[MAX_ACTORS];
  int failed;
  int keep;             /* keep the sentences of the first look at paragraphs */
  sentence_store kept;  /* … for the events, which need them again */
  tagged t[2];
  sentence s[2]; /* last: scan_sentence sets what it reads, so it is not cleared */
} state;

/* ---- merging ------------------------------------------------------------------ */

/* Does side a name the state that b, a person, is of (org:USA, Lloyd Austin)? */
static int state_of(const tamas_actor *a, const tamas_actor *b) {
  return !strncmp(a->name, "org:", 4) && b->known && !strcmp(a->country, b->country);
}

/* One sentence that names a person and, for the same contact, only the
** state of the same side («درخواست پنتاگون برای دیدار با آستین»): the state
** is that person's side, not another party.  *org is the side of x that
** names only the state, with y's person on side *side; -1 when x's sides
** are the persons already. */
static int state_for_person(const tamas_event *x, const tamas_event *y, int *org, int *side) {
  int i, j;
  if (x->status != y->status || x->evidence.start != y->evidence.start) return 0;
  for (i = 0; i < 2; i++)
    for (j = 0; j < 2; j++) {
      if (strcmp(x->actor[i].name, y->actor[j].name)) continue;
      if (state_of(&x->actor[!i], &y->actor[!j])) {
        *org = !i, *side = !j;
        return 1;
      }
      if (state_of(&y->actor[!j], &x->actor[!i])) {
        *org = *side = -1;
        return 1;
      }
    }
  return 0;
}

/* Was the event's date taken from the sentence before its own (time.c)? */
static int date_carried(const tamas_event *e) {
  return e->date && e->date_text.end <= e->evidence.start;
}

/* Do two events tell one contact (whatever stage each tells of it)? */
static int same_contact(const tamas_event *x, const tamas_event *y) {
  /* the numbers first: they tell most events apart without a string; a date
  ** carried from the sentence before does not tell a mention apart */
  if (x->date && y->date && x->date != y->date && !date_carried(x) && !date_carried(y)) return 0;
  if (!(x->medium == y->medium || x->medium == TAMAS_MEDIUM_UNSPECIFIED ||
        y->medium == TAMAS_MEDIUM_UNSPECIFIED))
    return 0;
  return (!strcmp(x->actor[0].name, y->actor[0].name) &&
          !strcmp(x->actor[1].name, y->actor[1].name)) ||
         (!strcmp(x->actor[0].name, y->actor[1].name) &&
          !strcmp(x->actor[1].name, y->actor[0].name));
}

static int same_event(const tamas_event *x, const tamas_event *y) {
  return x->status == y->status && same_contact(x, y);
}

/* The rules of `from` not yet in `into`, added. */
static void merge_rules(char *into, size_t cap, const char *from) {
  const char *p = from;
  while (*p) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    rule_list_add(into, cap, p, n);
    p += n + (comma != NULL);
  }
}

/* A denial of the contact told before: the same pair's contact told as done
** before it in the article («گزارش‌ها حاکی است که X و Y دیدار کرده‌اند.
** … این خبر را تکذیب کرد») was that report, not a row of its own. */
static void drop_reported(void *sink, const tamas_event *denied) {
  state *st = sink;
  tamas_extraction *x = st->out;
  size_t i, k = 0;
  for (i = 0; i < x->n_events; i++) {
    if (x->events[i].status == TAMAS_OCCURRED && x->events[i].evidence.start <= denied->evidence.start &&
        same_contact(&x->events[i], denied))
      continue;
    x->events[k] = x->events[i];
    st->last_seen[k++] = st->last_seen[i];
  }
  x->n_events = k;
}

/* An event of a sentence: a new one, or another mention of one found. */
static void add_event(void *sink, const tamas_event *ev) {
  state *st = sink;
  tamas_extraction *x = st->out;
  size_t i;
  for (i = 0; i < x->n_events; i++) {
    tamas_event *old = &x->events[i];
    int org, side;
    if (state_for_person(old, ev, &org, &side)) {
      if (org >= 0) old->actor[org] = ev->actor[side]; /* the person stands for the state */
      if (!old->initiator[0]) memcpy(old->initiator, ev->initiator, sizeof ev->initiator);
      merge_rules(old->rules, sizeof old->rules, ev->rules);
      return;
    }
    if (!same_event(old, ev)) continue;
    /* mentions count sentences: two rules that find it in one are one */
    if (st->last_seen[i] != ev->evidence.start) old->mentions++;
    st->last_seen[i] = ev->evidence.start;
    if (ev->date && (!old->date || (date_carried(old) && !date_carried(ev)))) {
      old->date = ev->date, old->date_end = ev->date_end, old->precision = ev->precision;
      old->date_text = ev->date_text;
      old->date_basis = ev->date_basis;
    }
    if (old->medium == TAMAS_MEDIUM_UNSPECIFIED) old->medium = ev->medium;
    if (!old->initiator[0]) memcpy(old->initiator, ev->initiator, sizeof ev->initiator);
    old->first_time |= ev->first_time;
    merge_rules(old->rules, sizeof old->rules, ev->rules);
    return;
  }
  if (x->n_events == st->cap) {
    size_t cap = st->cap ? st->cap * 2 : 8;
    tamas_event *bigger = realloc(x->events, cap * sizeof *bigger);
    size_t *seen = bigger ? realloc(st->last_seen, cap * sizeof *seen) : NULL;
    if (bigger) x->events = bigger;
    if (!seen) {
      st->failed = 1;
      return;
    }
    st->last_seen = seen;
    st->cap = cap;
  }
  st->last_seen[x->n_events] = ev->evidence.start;
  x->events[x->n_events++] = *ev;
}

/* ---- sentences --------------------------------------------------------------- */

static void note_countries(context *cx, const actor *a, int n) {
  int i, k;
  for (i = 0; i < n && cx->n_countries < 2; i++) {
    int c = a[i].country, seen = 0;
    if (c < 0 || a[i].n_members) continue;
    for (k = 0; k < cx->n_countries; k++) seen |= cx->countries[k] == c;
    if (!seen) cx->countries[cx->n_countries++] = c;
  }
}

/* The person first named in the sentence is the subject the next sentence
** may leave out; the state named last is «این کشور». */
static void note_subject(context *cx, const actor *a, int n) {
  int i;
  for (i = 0; i < n; i++)
    if (a[i].who && !a[i].from_pronoun && !a[i].from_counterpart && !a[i].n_members) {
      cx->last_subject = a[i];
      cx->have_subject = 1;
      break;
    }
  for (i = 0; i < n; i++)
    if (a[i].country >= 0 && !a[i].n_members &&
        (!cx->have_subject || a[i].country != cx->last_subject.country))
      cx->last_country = a[i].country;
}

/* Read a sentence into s[cur], t[cur]: its words and units.  1 when (not in
** the first look) an event rule may match it, or an initiator one («به دعوت
** X»: remembered for the article's later contacts). */
static int read_sentence(state *st, size_t start, size_t end, int count_only) {
  sentence *s = &st->s[st->cur];
  tagged *t = &st->t[st->cur];
  if (count_only || !sentence_take_kept(&st->kept, s, st->text, start, end))
    scan_sentence(s, st->text, start, end, st->cx.overlay, !count_only);
  else
    scan_sentence_dates(s, st->cx.overlay);
  if (count_only && st->keep && !sentence_keep(&st->kept, s)) st->keep = 0;
  units_of_sentence(s, t);
  if (count_only) return 0; /* the first look builds every sentence it reads */
  return rules_may_match(st->rs, STAGE_EVENTS, t, &extract_categories()->built) ||
         rules_may_match(st->rs, STAGE_INITIATOR, t, &extract_categories()->built);
}

/* Build sentence k read before: its actors, the context they leave (subject,
** states), and its events when `events`. */
static void build_sentence(state *st, int k, int events) {
  sentence_work w;
  int n = build_actors(st->rs, st->m, &st->t[k], &st->s[k], &st->cx, st->actors, MAX_ACTORS);
  note_countries(&st->cx, st->actors, n);
  if (events) {
    w = (sentence_work){&st->s[k], &st->t[k], st->actors, n, &st->cx, st->rs, st->m,
                        add_event, drop_reported, st, 0};
    sentence_events(&w);
    if (w.failed) st->failed = 1;
  }
  note_subject(&st->cx, st->actors, n);
}

static void process_sentence(state *st, size_t start, size_t end, int count_only) {
  int may_tell = read_sentence(st, start, end, count_only);
  if (count_only) {
    build_sentence(st, st->cur, 0);
    return;
  }
  /* A sentence no event rule can match is built only when the next one may
  ** tell a contact (its subject is the one that sentence may leave out):
  ** kept read, in the other buffer, until then. */
  if (!may_tell) {
    note_sentence_date(&st->cx, &st->s[st->cur], &st->t[st->cur]);
    st->has_pending = 1;
    st->cur = !st->cur;
    return;
  }
  if (st->has_pending) build_sentence(st, !st->cur, 0);
  st->has_pending = 0;
  build_sentence(st, st->cur, 1);
  note_sentence_date(&st->cx, &st->s[st->cur], &st->t[st->cur]);
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
  state *st = malloc(sizeof *st); /* two sentences and their units: ~200 KB */
  size_t i;
  memset(out, 0, sizeof *out);
  if (!st) return 0;
  memset(st, 0, offsetof(state, t));
  st->rs = rules_builtin();
  if (!lexicon_builtin() || !st->rs || !(st->m = rule_matcher_new())) {
    rule_matcher_free(st->m);
    free(st->last_seen);
    free(st);
    return 0;
  }
  st->text = text;
  st->out = out;
  st->cx.base = lexicon_builtin();
  st->cx.overlay = overlay;
  st->cx.last_country = -1;
  if (published && published[0]) snprintf(out->published, sizeof out->published, "%s", published);
  else memcpy(out->published, a->published, sizeof a->published);
  if (out->published[0] && !tamas_parse_timevalue(out->published, 10, &st->cx.day)) st->cx.day = 0;
  /* A first look: the article's two states, for «دو کشور», from the title
  ** and lead; and, when the date is unknown, the persons it names anywhere,
  ** for its time and for offices («همتای آمریکایی وی») that a later
  ** sentence puts a name to. */
  lexicon_read_begin(overlay); /* a scan's thread may read while the connection adds */
  if (a->title.end > a->title.start) each_sentence(st, a->title, 1);
  st->keep = 1; /* the paragraphs' words and phrases, for their second reading */
  for (i = 0; i < a->n_paragraphs && (i == 0 || !st->cx.day); i++)
    each_sentence(st, a->paragraphs[i], 1);
  st->keep = 0;
  if (!st->cx.day) article_window(&st->cx);
  st->cx.have_subject = 0;
  st->cx.have_before = 0;
  st->cx.before_gap = 0;
  st->cx.last_country = -1;
  if (a->n_paragraphs == 0 && a->title.end > a->title.start) each_sentence(st, a->title, 0);
  for (i = 0; i < a->n_paragraphs; i++) each_sentence(st, a->paragraphs[i], 0);
  lexicon_read_end(overlay);
  i = !st->failed;
  sentence_store_free(&st->kept);
  rule_matcher_free(st->m);
  free(st->last_seen);
  free(st);
  if (!i) tamas_extraction_free(out);
  return (int)i;
}

void tamas_extraction_free(tamas_extraction *x) {
  free(x->events);
  memset(x, 0, sizeof *x);
}
