/*
** events.c — stage 3 of the cascade and the attributes of its events.
**
** Over the sentence's actors and words, events.tsv finds contacts: a rule
** names the sides (roles a and b: an actor or a list) and the contact word
** (c).  A side left out is the subject of the sentences before; a list
** without a partner pairs its members («دیدار ترامپ و پوتین»).  Then each
** event takes:
**   - its status from the rules of status.tsv that bind its contact word
**     (the strongest: denied, refused, none (no event), requested, proposed,
**     planned; occurred when none binds);
**   - its medium from its contact words and the rules of medium.tsv;
**   - its initiator from the event rule (initiator=ROLE), initiator.tsv
**     («به درخواست X»), or the status rule (the side that requests);
**   - its date from time.c, within the clause of its contact (clauses.tsv).
** Nothing here knows a Persian word: the words are in the lexicon, the
** patterns in sql/rules/.
*/
#include <stddef.h>
#include <stdlib.h>

#include "extract_internal.h"

#define MAX_MATCHES 256

/* How strong a status is when several rules bind one contact word: a
** refusal outweighs the request it refuses, a negation a plan. */
static int status_rank(int status) {
  switch (status) {
    case TAMAS_DENIED: return 7;
    case TAMAS_REFUSED: return 6;
    case -1: return 5; /* none: the contact did not (or will not) happen */
    case TAMAS_REQUESTED: return 4;
    case TAMAS_PROPOSED: return 3;
    case TAMAS_PLANNED: return 2;
    default: return 1;
  }
}

/* What the attribute rules say of a unit of the sentence. */
typedef struct unit_note {
  int status;                   /* the strongest status bound here (rank 0: none bound) */
  int status_rank;
  int status_by;                /* the actor unit of its initiator role, or -1 */
  int medium;                   /* a medium word bound here, or 0 */
  int place;                    /* the state where it took place (+1), or 0 */
  const rule *status_rule, *medium_rule, *place_rule;
} unit_note;

typedef struct initiative {
  int actor_unit;               /* the initiator's unit */
  int c0, c1;                   /* the contact it binds, or -1: every contact */
  const rule *r;
  int used;                     /* an event of the sentence took it */
} initiative;

struct event_work {
  sentence_work *w;
  initiative inits[16];
  int n_inits;
  actor told_pair[2];           /* the sides of the contact told before this sentence */
  int have_told_pair;
  /* per unit, only the sentence's (t->n, and one more boundary) are set */
  unsigned char boundary[MAX_UNITS + 1]; /* a clause starts at unit u */
  unit_note notes[MAX_UNITS];
};

/* ---- the notes of the attribute rules -------------------------------------- */

static void note_status(event_work *ew, const rule_match *ms, int n) {
  int i, u;
  for (i = 0; i < n; i++) {
    const rule_match *rm = &ms[i];
    int status = rule_arg(rm->r), rank = status_rank(status), by = -1;
    int c0 = rm->role[ROLE_C][0], c1 = rm->role[ROLE_C][1];
    if (c0 < 0) continue; /* a status rule binds a contact word */
    if (rule_initiator_role(rm->r) >= 0) by = rm->role[rule_initiator_role(rm->r)][0];
    for (u = c0; u < c1; u++)
      /* the stronger status; of two alike, the one that says who asked */
      if (rank > ew->notes[u].status_rank ||
          (rank == ew->notes[u].status_rank && by >= 0 && ew->notes[u].status_by < 0)) {
        ew->notes[u].status_rank = rank;
        ew->notes[u].status = status;
        ew->notes[u].status_rule = rm->r;
        ew->notes[u].status_by = by;
      }
  }
}

static void note_medium(event_work *ew, const rule_match *ms, int n) {
  const tagged *t = ew->w->t;
  int i, u;
  for (i = 0; i < n; i++) {
    const rule_match *rm = &ms[i];
    int value = rule_arg(rm->r);
    if (rm->role[ROLE_C][0] < 0) continue;
    if (rule_action_of(rm->r) == ACT_PLACE) { /* «در مسکو», «سفر … به باکو» */
      int k = rm->role[ROLE_K][0], a = k >= 0 ? t->units[k].actor : -1;
      int country = a >= 0 ? ew->w->actors[a].country : -1;
      for (u = rm->role[ROLE_C][0]; country >= 0 && u < rm->role[ROLE_C][1]; u++)
        if (!ew->notes[u].place) {
          ew->notes[u].place = country + 1;
          ew->notes[u].place_rule = rm->r;
        }
      continue;
    }
    for (u = rm->role[ROLE_M][0]; !value && u >= 0 && u < rm->role[ROLE_M][1]; u++)
      if (t->units[u].value > value) value = t->units[u].value;
    for (u = rm->role[ROLE_C][0]; u < rm->role[ROLE_C][1]; u++)
      if (value && !ew->notes[u].medium) {
        ew->notes[u].medium = value;
        ew->notes[u].medium_rule = rm->r;
      }
  }
}

static void note_initiators(event_work *ew, const rule_match *ms, int n) {
  int i;
  for (i = 0; i < n && ew->n_inits < 16; i++) {
    const rule_match *rm = &ms[i];
    initiative *in = &ew->inits[ew->n_inits];
    if (rm->role[ROLE_I][0] < 0) continue;
    in->actor_unit = rm->role[ROLE_I][0];
    in->c0 = rm->role[ROLE_C][0];
    in->c1 = rm->role[ROLE_C][1];
    in->r = rm->r;
    in->used = 0;
    ew->n_inits++;
  }
}

/* An initiative no event of its sentence took («به دعوت X به … سفر کرد»)
** is remembered for the article's later contacts; one its sentence's contact
** took («به درخواست X با … گفت‌وگو کرد») was that contact's alone. */
static void remember_inviters(event_work *ew) {
  context *cx = ew->w->cx;
  int i, a, k;
  for (i = 0; i < ew->n_inits && cx->n_inviters < 8; i++) {
    const actor *inviter;
    if (ew->inits[i].used || (a = ew->w->t->units[ew->inits[i].actor_unit].actor) < 0) continue;
    inviter = &ew->w->actors[a];
    if (inviter->n_members || inviter->country < 0) continue;
    for (k = 0; k < cx->n_inviters && (cx->inviters[k].who != inviter->who ||
                                       cx->inviters[k].country != inviter->country); k++) {
    }
    if (k == cx->n_inviters) {
      cx->inviters[k].who = inviter->who;
      cx->inviters[k].country = inviter->country;
      cx->inviters[k].r = ew->inits[i].r;
      cx->n_inviters++;
    }
  }
}

static void note_boundaries(event_work *ew, const rule_match *ms, int n) {
  int i;
  for (i = 0; i < n; i++)
    if (ms[i].role[ROLE_X][0] >= 0) {
      ew->boundary[ms[i].role[ROLE_X][0]] = 1;
      if (extract_rule_fired) extract_rule_fired(rule_name(ms[i].r));
    }
}

/* ---- sides ------------------------------------------------------------------ */

/* The actors a unit stands for: one, or a group's members. */
static int members_of(const sentence_work *w, int u, int *out) {
  int a, k;
  if (u < 0 || u >= w->t->n || (a = w->t->units[u].actor) < 0) return 0;
  if (!w->actors[a].n_members) {
    out[0] = a;
    return 1;
  }
  for (k = 0; k < w->actors[a].n_members; k++) out[k] = w->actors[a].members[k];
  return w->actors[a].n_members;
}

/* Fill a counterpart («همتای روسی خود») from the other side: its office,
** in its own state or else the article's other state. */
static void resolve_counterpart(const context *cx, actor *a, const actor *other) {
  int k;
  if (!a->from_counterpart || a->who) return;
  a->office = other->office;
  if (a->country < 0)
    for (k = 0; k < cx->n_countries; k++)
      if (cx->countries[k] != other->country) a->country = cx->countries[k];
  if (a->office >= 0 && a->country >= 0) a->who = resolve_holder(cx, a->office, a->country);
}

/* The holder of a side's office on a day, when nothing named one. */
static void holder_on(const context *cx, actor *a, int32_t day) {
  int t;
  if (a->who || a->office < 0 || a->country < 0 || a->n_members) return;
  a->who = lexicon_office_holder(cx->base, cx->overlay, a->office, a->country, day, &t);
}

/* ---- one event ---------------------------------------------------------------- */

/* The rules that made an event, as a list of names, into out. */
static void add_rule_name(char *out, size_t cap, const rule *r) {
  if (r) rule_list_add(out, cap, rule_name(r), strlen(rule_name(r)));
}

static void add_actor_rules(const sentence_work *w, char *out, size_t cap, const actor *a) {
  int k;
  add_rule_name(out, cap, a->rule);
  for (k = 0; k < a->n_members; k++) add_rule_name(out, cap, w->actors[a->members[k]].rule);
}

/* The state of an actor unit (one actor, not a group), or -1. */
static int unit_country(const sentence_work *w, int u) {
  int a;
  if (u < 0 || u >= w->t->n || (a = w->t->units[u].actor) < 0 || w->actors[a].n_members) return -1;
  return w->actors[a].country;
}

static const char *initiator_code(const sentence_work *w, int u) {
  int country = unit_country(w, u);
  return country >= 0 ? lexicon_country_code(country) : NULL;
}

/* The code of an actor unit's state when it is one of the sides x and y
** (one of them asked; a third state that asked or brokered did not), or NULL. */
static const char *side_code(const sentence_work *w, int u, const actor *x, const actor *y) {
  int country = unit_country(w, u);
  return country >= 0 && (country == x->country || country == y->country)
             ? lexicon_country_code(country)
             : NULL;
}

static void emit(event_work *ew, const rule_match *rm, actor x, actor y) {
  sentence_work *w = ew->w;
  const tagged *t = w->t;
  const categories *cat = extract_categories();
  int c0 = rm->role[ROLE_C][0], c1 = rm->role[ROLE_C][1], u, status = TAMAS_OCCURRED, rank = 0;
  int medium = 0, modifier = 0, by = -1, i;
  const rule *status_rule = NULL, *medium_rule = NULL, *init_rule = NULL, *place_rule = NULL;
  const char *init = NULL;
  tamas_event ev;
  resolve_counterpart(w->cx, &x, &y);
  resolve_counterpart(w->cx, &y, &x);
  if (x.country < 0 || y.country < 0 || x.country == y.country) return;
  for (u = c0; u < c1; u++) {
    const unit *un = &t->units[u];
    if (cat_any(&un->cats, &cat->contact_media) && un->value > medium)
      medium = un->value;
    if (ew->notes[u].status_rank > rank) {
      rank = ew->notes[u].status_rank;
      status = ew->notes[u].status;
      status_rule = ew->notes[u].status_rule;
      by = ew->notes[u].status_by;
    }
    if (ew->notes[u].medium && !modifier) modifier = ew->notes[u].medium, medium_rule = ew->notes[u].medium_rule;
  }
  if (status < 0) { /* the contact did not happen: no row, but the rule did its job */
    if (extract_rule_fired && status_rule) extract_rule_fired(rule_name(status_rule));
    return;
  }
  if (!medium) medium = TAMAS_MEDIUM_UNSPECIFIED;
  /* a medium word makes an unspecified contact specific, and a call or
  ** video a phone or video one («دیدار تلفنی») */
  if (modifier && (medium == TAMAS_MEDIUM_UNSPECIFIED || modifier == TAMAS_PHONE || modifier == TAMAS_VIDEO))
    medium = modifier;
  memset(&ev, 0, sizeof ev);
  ev.status = (tamas_status)status;
  ev.medium = (tamas_medium)medium;
  if (rule_sides_told(rm->r) && medium == TAMAS_MEDIUM_UNSPECIFIED && w->cx->last_medium)
    ev.medium = (tamas_medium)w->cx->last_medium; /* the contact told before */
  /* the date of the contact's clause: of the contact, or, for one asked
  ** for, refused or denied, of that stage (when it was asked, refused or
  ** denied: «در ماه ژانویه با پیشنهاد گفت‌وگوی تلفنی … مخالفت کرده بود») */
  event_date(w, ew->boundary, c0, c1, status == TAMAS_PLANNED || status == TAMAS_PROPOSED, &ev);
  /* an office the article's time left open («رئیس پنتاگون» in a text with no
  ** date): its holder on the day the sentence gives the contact */
  if (ev.date && ev.precision == TAMAS_DAY) {
    holder_on(w->cx, &x, ev.date);
    holder_on(w->cx, &y, ev.date);
  }
  name_actor(w, &x, ev.status, &ev.actor[0]);
  name_actor(w, &y, ev.status, &ev.actor[1]);
  if (ev.date && ev.precision == TAMAS_DAY) {
    w->cx->last_day = ev.date;
    w->cx->last_day_basis = ev.date_basis;
  }
  /* the initiator: the event rule's, then «به درخواست X», then the side
  ** that requests, offers or refuses */
  if (rule_initiator_role(rm->r) >= 0) init = initiator_code(w, rm->role[rule_initiator_role(rm->r)][0]);
  for (i = 0; !init && i < ew->n_inits; i++)
    if ((ew->inits[i].c0 < 0 || (ew->inits[i].c0 < c1 && c0 < ew->inits[i].c1)) &&
        (init = side_code(w, ew->inits[i].actor_unit, &x, &y))) { /* «به درخواست X، Y با Z …» */
      init_rule = ew->inits[i].r;
      ew->inits[i].used = 1;
    }
  if (!init && by >= 0) init = side_code(w, by, &x, &y); /* who asks or offers */
  for (i = 0; !init && i < w->cx->n_inviters; i++) { /* «به دعوت X» before: a contact with X */
    const person *who = w->cx->inviters[i].who;
    int country = w->cx->inviters[i].country;
    if (who ? x.who == who || y.who == who : x.country == country || y.country == country)
      if ((init = lexicon_country_code(country))) init_rule = w->cx->inviters[i].r;
  }
  /* a denial of a contact one side claimed: the side that claimed it (ANNOTATION.md) */
  if (!init && rule_sides_told(rm->r) && ev.status == TAMAS_DENIED && w->cx->last_claimer[0])
    init = w->cx->last_claimer;
  if (!init && rule_sides_told(rm->r) && w->cx->last_initiator[0]) init = w->cx->last_initiator;
  if (init) copy_utf8(ev.initiator, sizeof ev.initiator, init, strlen(init));
  /* where a meeting took place (a call has no place) */
  if (ev.medium == TAMAS_IN_PERSON || ev.medium == TAMAS_MEDIUM_UNSPECIFIED)
    for (u = c0; u < c1; u++)
      if (ew->notes[u].place) {
        const char *code = lexicon_country_code(ew->notes[u].place - 1);
        if (code) copy_utf8(ev.place, sizeof ev.place, code, strlen(code));
        place_rule = ew->notes[u].place_rule;
        /* talks in a place the text names were held there: in person */
        if (ev.medium == TAMAS_MEDIUM_UNSPECIFIED) ev.medium = TAMAS_IN_PERSON;
        break;
      }
  ev.first_time = cat_has(&t->all, cat->first);
  ev.mentions = 1;
  ev.evidence = (tamas_span){w->s->start, w->s->end};
  add_actor_rules(w, ev.rules, sizeof ev.rules, &x);
  add_actor_rules(w, ev.rules, sizeof ev.rules, &y);
  add_rule_name(ev.rules, sizeof ev.rules, rm->r);
  add_rule_name(ev.rules, sizeof ev.rules, status_rule);
  add_rule_name(ev.rules, sizeof ev.rules, medium_rule);
  add_rule_name(ev.rules, sizeof ev.rules, init_rule);
  add_rule_name(ev.rules, sizeof ev.rules, place_rule);
  if (rule_sides_told(rm->r) && ev.status == TAMAS_DENIED && w->retract) w->retract(w->sink, &ev);
  w->add(w->sink, &ev);
  /* a refusal tells the request or offer it turned down, a stage of its own
  ** (ANNOTATION.md, convention 1), when the side that asked is known */
  if (status_rule && rule_earlier_status(status_rule) >= 0 && ev.initiator[0]) {
    tamas_event asked = ev;
    asked.status = rule_earlier_status(status_rule);
    w->add(w->sink, &asked);
  }
  w->cx->last_pair[0] = x;
  w->cx->last_pair[1] = y;
  w->cx->have_pair = 1;
  w->cx->last_medium = ev.medium;
  memcpy(w->cx->last_initiator, ev.initiator, sizeof w->cx->last_initiator);
  if (!rule_sides_told(rm->r)) { /* «X مدعی شد / گفت که با Y …»: X claims it */
    const char *claimer = NULL;
    for (u = rm->u0; u < c0 && !claimer; u++)
      if (cat_any(&t->units[u].cats, &cat->claiming)) claimer = lexicon_country_code(x.country);
    copy_utf8(w->cx->last_claimer, sizeof w->cx->last_claimer, claimer ? claimer : "",
              claimer ? strlen(claimer) : 0);
  }
}

/* Pair two sides.  Lists of one length pair by office («شویگو و گراسیموف …
** با آستین و میلی»: minister with minister), then rank, then position;
** otherwise every actor of one meets every actor of the other. */
static void pair_sides(event_work *ew, const rule_match *rm, const int *xs, int nx, const int *ys,
                       int ny) {
  const actor *as = ew->w->actors;
  int i, j;
  if (nx > 1 && nx == ny) {
    unsigned char taken[MAX_MEMBERS] = {0};
    int match[MAX_MEMBERS], pass;
    for (i = 0; i < nx; i++) match[i] = -1;
    for (pass = 0; pass < 3; pass++)
      for (i = 0; i < nx; i++)
        for (j = 0; j < ny && match[i] < 0; j++) {
          const actor *p = &as[xs[i]], *q = &as[ys[j]];
          int fits = pass == 0   ? p->office >= 0 && p->office == q->office
                     : pass == 1 ? lexicon_office_rank(p->office) == lexicon_office_rank(q->office)
                                 : 1;
          if (!taken[j] && fits && (pass < 2 || j == i || taken[i])) {
            match[i] = j;
            taken[j] = 1;
          }
        }
    for (i = 0; i < nx; i++)
      if (match[i] >= 0) emit(ew, rm, as[xs[i]], as[ys[match[i]]]);
    return;
  }
  for (i = 0; i < nx; i++)
    for (j = 0; j < ny; j++) emit(ew, rm, as[xs[i]], as[ys[j]]);
}

static void event_of_match(event_work *ew, const rule_match *rm) {
  sentence_work *w = ew->w;
  int xs[MAX_MEMBERS], ys[MAX_MEMBERS], nx, ny;
  if (rm->role[ROLE_C][0] < 0) return; /* an event rule names its contact word */
  if (rule_sides_told(rm->r)) { /* «این درخواست را رد کرد»: the contact told before */
    /* the contact told last: before this sentence, or earlier in it («… تلفنی
    ** گفت‌وگو کردند و توافق کردند دیدار کنند») */
    if (w->cx->have_pair) emit(ew, rm, w->cx->last_pair[0], w->cx->last_pair[1]);
    return;
  }
  nx = members_of(w, rm->role[ROLE_A][0], xs);
  ny = members_of(w, rm->role[ROLE_B][0], ys);
  if (rm->role[ROLE_A][0] < 0 && w->cx->have_subject && w->n_actors < MAX_ACTORS) {
    /* a side left out: the subject of the sentences before */
    w->actors[w->n_actors] = w->cx->last_subject;
    xs[0] = w->n_actors++;
    nx = 1;
  }
  if (rm->role[ROLE_B][0] < 0 && nx == 2) { /* «دیدار ترامپ و پوتین»: the list's two */
    ys[0] = xs[1];
    nx = ny = 1;
  }
  /* «بایدن در این دیدار …»: one side named, the contact told before; its
  ** other side is the partner of that contact */
  if (rm->role[ROLE_B][0] < 0 && nx == 1 && !ny && ew->have_told_pair && w->n_actors < MAX_ACTORS) {
    const actor *p = ew->told_pair, *a = &w->actors[xs[0]];
    int k = a->who && a->who == p[0].who ? 1 : a->who && a->who == p[1].who ? 0 : -1;
    if (k >= 0) {
      w->actors[w->n_actors] = p[k];
      ys[0] = w->n_actors++;
      ny = 1;
    }
  }
  if (nx && ny) pair_sides(ew, rm, xs, nx, ys, ny);
}

void sentence_events(sentence_work *w) {
  rule_match ms[MAX_MATCHES], events[MAX_MATCHES];
  event_work *ew = malloc(sizeof *ew);
  int n, i;
  if (!ew) {
    w->failed = 1;
    return;
  }
  /* cleared as far as the sentence goes: the notes are large, sentences short */
  memset(ew, 0, offsetof(event_work, boundary));
  memset(ew->boundary, 0, (size_t)w->t->n + 1);
  memset(ew->notes, 0, (size_t)w->t->n * sizeof ew->notes[0]);
  ew->w = w;
  ew->told_pair[0] = w->cx->last_pair[0];
  ew->told_pair[1] = w->cx->last_pair[1];
  ew->have_told_pair = w->cx->have_pair;
  for (i = 0; i < w->t->n; i++) ew->notes[i].status_by = -1;
  /* the initiators first: one no event takes is remembered for later
  ** sentences (remember_inviters); the attributes only when an event is told */
  n = rules_match(w->rs, STAGE_INITIATOR, w->t, w->m, ms, MAX_MATCHES);
  note_initiators(ew, ms, n);
  n = rules_match(w->rs, STAGE_EVENTS, w->t, w->m, events, MAX_MATCHES);
  if (n > 0) {
    int k = rules_match(w->rs, STAGE_STATUS, w->t, w->m, ms, MAX_MATCHES);
    note_status(ew, ms, k);
    k = rules_match(w->rs, STAGE_MEDIUM, w->t, w->m, ms, MAX_MATCHES);
    note_medium(ew, ms, k);
    k = rules_match(w->rs, STAGE_CLAUSES, w->t, w->m, ms, MAX_MATCHES);
    note_boundaries(ew, ms, k);
  }
  for (i = 0; i < n; i++) {
    /* one event per rule, contact word and partner: a later match of the
    ** rule only moved its subject right («پزشکیان در حاشیه نشست بریکس با …»),
    ** and the first is the sentence's subject */
    int k, seen = 0;
    for (k = 0; k < i && !seen; k++)
      seen = events[k].r == events[i].r && events[k].role[ROLE_C][0] == events[i].role[ROLE_C][0] &&
             events[k].role[ROLE_B][0] == events[i].role[ROLE_B][0] && events[i].role[ROLE_B][0] >= 0;
    if (!seen) event_of_match(ew, &events[i]);
  }
  remember_inviters(ew);
  free(ew);
}
