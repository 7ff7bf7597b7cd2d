/*
** actors.c — stages 1 and 2 of the cascade: who a sentence names.
**
** Stage 1 (sql/rules/actors.tsv) finds actor phrases among the units: a
** person with an office and a state, an office of a state whose holder the
** article's time names, a counterpart («همتای روسی خود»), a pronoun, a
** plural office over states («وزرای دفاع روسیه و آمریکا»), a state.  Where
** phrases overlap, the one that starts first wins, then the longest, then
** the rule first in the file (as FASTUS and JAPE's "Appelt" style do).  Each
** becomes one unit of category actor (with named, state or group), carrying
** the categories of the units it took in.  Stage 2 (lists.tsv) joins actors
** into lists («شویگو و گراسیموف»), one unit of category group.
**
** The roles of an actor rule: p the person, o the office, k the state (a
** name, an adjective, «کشورمان», «این کشور»), n name words no lexicon knows,
** h a possessor inside a title («دستیار پوتین»: not an actor, but his state
** is the title's), m the counterpart word, a (lists) the list.
*/
#include <stdlib.h>

#include "extract_internal.h"
#include "text/fold.h"

#define MAX_CANDIDATES 256
/* bytes of the folded key of a given name (role g) at least: one letter is
** no name, and would be the end of many */
#define NAME_WORD_MIN 3

/* ---- holders and persons --------------------------------------------------- */

/* A person the article names who held this office in this state in its
** time: «همتای آمریکایی وی» in an undated article is the American the
** article names, not whoever holds the office today. */
static const person *named_holder(const context *cx, int office, int country) {
  int i, j;
  for (i = 0; i < cx->n_named; i++)
    for (j = 0; j < cx->named[i]->n_tenures; j++) {
      const tenure *t = &cx->named[i]->tenures[j];
      if (t->office != office || t->country != country) continue;
      if (cx->day ? tenure_covers(t, cx->day) : !cx->window_lo || tenure_overlaps(t, cx->window_lo, cx->window_hi))
        return cx->named[i];
    }
  return NULL;
}

const person *resolve_holder(const context *cx, int office, int country) {
  int t;
  const person *p = named_holder(cx, office, country);
  if (p) return p;
  /* the holder on the day, or the one holder of the article's window;
  ** never today's holder for an article whose time is unknown */
  if (cx->day) return lexicon_office_holder(cx->base, cx->overlay, office, country, cx->day, &t);
  if (cx->window_lo)
    return lexicon_office_holder_between(cx->base, cx->overlay, office, country, cx->window_lo,
                                         cx->window_hi);
  return NULL;
}

/* The tenure of p that fits: in the office and state given (-1: any), in
** force in the article's time; else the latest.  -1 when p has none. */
static int fitting_tenure(const person *p, const context *cx, int office, int country) {
  int i, best = -1, best_score = -1;
  for (i = 0; i < p->n_tenures; i++) {
    const tenure *t = &p->tenures[i];
    int score = 0;
    if (cx->day ? tenure_covers(t, cx->day)
                : cx->window_lo ? tenure_overlaps(t, cx->window_lo, cx->window_hi)
                                : tenure_covers(t, LEXICON_DAY))
      score += 4;
    if (office >= 0 && t->office == office) score += 2;
    if (country >= 0 && t->country == country) score += 1;
    if (score > best_score || (score == best_score && t->start > p->tenures[best].start))
      best = i, best_score = score;
  }
  return best;
}

/* The person of a unit whose mention lists persons: the one whose tenure
** fits best (several persons may share an alias). */
static const person *pick_person(const mention *m, const context *cx, int office, int country,
                                 int *tenure_out) {
  const categories *c = extract_categories();
  const lex_entry *e;
  const person *best = NULL;
  int best_score = -1;
  for (e = m->first; e; e = lexicon_next_entry(m->lex, e)) {
    const person *p;
    int t, score;
    if (lexicon_entry_category(e) != c->person || !(p = lexicon_person(m->lex, e->id))) continue;
    if ((t = fitting_tenure(p, cx, office, country)) < 0) continue;
    score = (cx->day ? tenure_covers(&p->tenures[t], cx->day) : 1) * 4 +
            (office >= 0 && p->tenures[t].office == office) * 2 +
            (country >= 0 && p->tenures[t].country == country);
    if (score > best_score) best = p, best_score = score, *tenure_out = t;
  }
  return best;
}

static void note_stated(context *cx, const tenure *t) {
  int k;
  for (k = 0; k < cx->n_stated; k++)
    if (cx->stated[k] == t) return;
  if (cx->n_stated < MAX_ARTICLE_PERSONS) cx->stated[cx->n_stated++] = t;
}

static void note_named(context *cx, const person *p) {
  int k;
  for (k = 0; k < cx->n_named; k++)
    if (cx->named[k] == p) return;
  if (cx->n_named < MAX_ARTICLE_PERSONS) cx->named[cx->n_named++] = p;
}

/* ---- one actor from a match ------------------------------------------------ */

typedef struct builder {
  const tagged *t;
  const sentence *s;
  context *cx;
  actor *out;
  int n, max;
} builder;

static const mention *mention_of(const builder *b, int u) {
  int m = b->t->units[u].mention;
  return m >= 0 ? &b->s->mentions[m] : NULL;
}

/* The first unit of [u0, u1) with the category, or -1. */
static int unit_with(const builder *b, const int span[2], int cat) {
  int u;
  if (span[0] < 0) return -1;
  for (u = span[0]; u < span[1]; u++)
    if (cat_has(&b->t->units[u].cats, cat)) return u;
  return -1;
}

/* The state a unit names: a state or its adjective, «کشورمان» (its value),
** «این کشور» (the state named last). */
static int country_of_unit(const builder *b, int u) {
  const categories *c = extract_categories();
  const unit *un = &b->t->units[u];
  const mention *m = mention_of(b, u);
  const lex_entry *e;
  if (m && ((e = mention_category_entry(m, c->country)) || (e = mention_category_entry(m, c->adjective))))
    return e->country;
  if (m && (e = mention_category_entry(m, c->person))) return e->country; /* «دولت ترامپ» */
  if (cat_has(&un->cats, c->our_country)) return un->country;
  if (cat_has(&un->cats, c->this_country)) { /* the state named last, here or before */
    int k;
    for (k = u - 1; k >= 0; k--) {
      const unit *v = &b->t->units[k];
      if (v->actor >= 0 && !b->out[v->actor].n_members && b->out[v->actor].country >= 0)
        return b->out[v->actor].country;
      if (v->actor < 0 && !cat_has(&v->cats, c->this_country) && (m = mention_of(b, k)) &&
          ((e = mention_category_entry(m, c->country)) || (e = mention_category_entry(m, c->adjective))))
        return e->country;
    }
    return b->cx->last_country;
  }
  return -1;
}

/* The first state named in a role's units, or -1. */
static int country_in(const builder *b, const int span[2]) {
  int u, k;
  if (span[0] < 0) return -1;
  for (u = span[0]; u < span[1]; u++)
    if ((k = country_of_unit(b, u)) >= 0) return k;
  return -1;
}

/* The office a unit names (and, for a state office, its state). */
static int office_of_unit(const builder *b, int u, int *country) {
  const categories *c = extract_categories();
  const mention *m = u >= 0 ? mention_of(b, u) : NULL;
  const lex_entry *e;
  if (!m) return -1;
  if ((e = mention_category_entry(m, c->state_office))) {
    *country = e->country;
    return e->id;
  }
  if ((e = mention_category_entry(m, c->office)) || (e = mention_category_entry(m, c->offices)))
    return e->id;
  return -1;
}

static actor *new_actor(builder *b, const rule_match *rm) {
  actor *a;
  if (b->n == b->max) return NULL;
  a = &b->out[b->n++];
  memset(a, 0, sizeof *a);
  a->country = a->office = -1;
  a->rule = rm->r;
  a->u0 = rm->u0;
  a->u1 = rm->u1;
  a->start = b->t->units[rm->u0].start;
  a->end = b->t->units[rm->u1 - 1].end;
  return a;
}

/* Has p held one of the offices the units of span name (any tenure), of
** `country` when it is known (>= 0)? */
static int holds_office_of(const builder *b, const person *p, const int span[2], int country) {
  const categories *c = extract_categories();
  int u, t;
  for (u = span[0]; u >= 0 && u < span[1]; u++) {
    const mention *m = mention_of(b, u);
    const lex_entry *e;
    if (!m) continue;
    for (e = m->first; e; e = lexicon_next_entry(m->lex, e)) {
      int cat = lexicon_entry_category(e);
      if (cat != c->office && cat != c->offices && cat != c->state_office) continue;
      for (t = 0; t < p->n_tenures; t++)
        if (p->tenures[t].office == lexicon_office_in(e->id, p->tenures[t].country) &&
            (country < 0 || p->tenures[t].country == country))
          return 1;
    }
  }
  return 0;
}

/* Is the folded word key[0..n) a word of one of the aliases (written
** '|'-separated), or the end of one («جواد» of «محمدجواد ظریف»)? */
static int alias_has_word(const char *aliases, const char *key, size_t n) {
  const char *p = aliases;
  while (*p) {
    size_t len = strcspn(p, " |"), k;
    char token[128];
    if (len && len < sizeof token && (k = fold_compact(p, len, token, sizeof token)) >= n &&
        !memcmp(token + k - n, key, n))
      return 1;
    p += len;
    if (*p) p++;
  }
  return 0;
}

/* Are the words of span (role g) words of p's names? */
static int words_of_name(const builder *b, const int span[2], const person *p) {
  int u, w, t, found;
  for (u = span[0]; u < span[1]; u++)
    for (w = b->t->units[u].w0; w < b->t->units[u].w1; w++) {
      size_t n = b->s->words[w].key_end - b->s->words[w].key_start;
      for (t = 0, found = 0; t < p->n_tenures && !found; t++)
        found = n >= NAME_WORD_MIN && alias_has_word(p->tenures[t].aliases, b->s->key + b->s->words[w].key_start, n);
      if (!found) return 0;
    }
  return 1;
}

/* ACT_ACTOR: a person, or an office of a state, or name words with an
** office of a state. */
static int build_one(builder *b, const rule_match *rm, actor *a) {
  const categories *c = extract_categories();
  int pu = unit_with(b, rm->role[ROLE_P], c->person), t = 0, office_country = -1, hu;
  int office = office_of_unit(b, rm->role[ROLE_O][0] >= 0 ? rm->role[ROLE_O][0] : -1, &office_country);
  int country = country_in(b, rm->role[ROLE_K]);
  if (country < 0) country = office_country;
  if (country < 0) country = country_in(b, rm->role[ROLE_H]); /* «دستیار پوتین» */
  if (country < 0 && (hu = unit_with(b, rm->role[ROLE_H], c->person)) >= 0) {
    const person *h = pick_person(mention_of(b, hu), b->cx, -1, -1, &t);
    if (h) country = h->tenures[t].country; /* the possessor's state */
  }
  office = lexicon_office_in(office, country); /* «رهبر آلمان»: the chancellor's office */
  if (pu >= 0) {
    const person *p = pick_person(mention_of(b, pu), b->cx, office, country, &t);
    int u, former = 0;
    if (!p) return 0;
    /* words before the name are the person's given names, or no part of it */
    if (rm->role[ROLE_G][0] >= 0 && !words_of_name(b, rm->role[ROLE_G], p)) return 0;
    /* «…، رئیس جمهور روسیه، دیمیتری پسکوف»: a title that is not the
    ** person's is another's; the phrases do not join */
    if (office >= 0 && !holds_office_of(b, p, rm->role[ROLE_O], country_in(b, rm->role[ROLE_K])))
      return 0;
    a->who = p;
    a->country = p->tenures[t].country;
    a->office = p->tenures[t].office;
    note_named(b->cx, p);
    for (u = rm->u0; u < rm->u1; u++) former |= cat_has(&b->t->units[u].cats, c->former);
    if (office >= 0 && p->tenures[t].office == office && !former)
      note_stated(b->cx, &p->tenures[t]);
    return 1;
  }
  if (country < 0) return 0; /* an office of no state names nobody */
  a->office = office;
  a->country = country;
  if (office >= 0) a->who = resolve_holder(b->cx, office, country);
  if (!a->who && office >= 0 && rm->role[ROLE_N][0] >= 0) {
    a->unknown_name = 1;
    a->name_start = b->t->units[rm->role[ROLE_N][0]].start;
    a->name_end = b->t->units[rm->role[ROLE_N][1] - 1].end;
  }
  return 1;
}

/* An office phrase may name several offices («رهبران»): the first of the
** match's office entries with a holder in the actor's state. */
static void other_office_holder(builder *b, const rule_match *rm, actor *a) {
  const categories *c = extract_categories();
  int u;
  for (u = rm->role[ROLE_O][0]; u >= 0 && u < rm->role[ROLE_O][1]; u++) {
    const mention *m = mention_of(b, u);
    const lex_entry *e;
    if (!m) continue;
    for (e = m->first; e; e = lexicon_next_entry(m->lex, e)) {
      const person *p;
      int cat = lexicon_entry_category(e);
      int office = lexicon_office_in(e->id, a->country);
      if ((cat != c->office && cat != c->offices) || office == a->office) continue;
      if ((p = resolve_holder(b->cx, office, a->country))) {
        a->who = p;
        a->office = office;
        return;
      }
    }
  }
}

/* ACT_PLURAL and ACT_BOTH: one actor per state, members of a group. */
static int build_plural(builder *b, const rule_match *rm, actor *g, int both) {
  const categories *c = extract_categories();
  int countries[MAX_MEMBERS], nc = 0, u, k, unused = -1;
  int counterparts = rm->role[ROLE_M][0] >= 0;
  int office = office_of_unit(b, unit_with(b, rm->role[ROLE_O], c->offices) >= 0
                                        ? unit_with(b, rm->role[ROLE_O], c->offices)
                                        : rm->role[ROLE_O][0],
                              &unused);
  if (both) {
    for (k = 0; k < b->cx->n_countries; k++) countries[nc++] = b->cx->countries[k];
  } else if (rm->role[ROLE_K][0] >= 0) {
    for (u = rm->role[ROLE_K][0]; u < rm->role[ROLE_K][1] && nc < MAX_MEMBERS; u++) {
      int k2 = country_of_unit(b, u);
      if (k2 >= 0) countries[nc++] = k2;
    }
  }
  /* «همتایان روس و ایرانی خود»: counterparts, each of its state, whose
  ** office is the other side's (resolve_counterpart) */
  if (nc < 2 || (office < 0 && !counterparts)) return 0;
  for (k = 0; k < nc; k++) {
    actor *a = new_actor(b, rm);
    if (!a) return 0;
    a->office = lexicon_office_in(office, countries[k]); /* «رهبران هند و …»: Modi's office */
    a->country = countries[k];
    if (counterparts) {
      a->from_counterpart = 1;
    } else if (!(a->who = resolve_holder(b->cx, a->office, countries[k]))) {
      other_office_holder(b, rm, a); /* «رهبران»: the office that has a holder */
    }
    g->members[g->n_members++] = (int)(a - b->out);
  }
  return 1;
}

/* ACT_SHARED: offices listed before one state («رهبر ملی و رئیس جمهور
** ترکمنستان»): one actor each, members of a group. */
static int build_shared(builder *b, const rule_match *rm, actor *g) {
  const categories *c = extract_categories();
  int country = country_in(b, rm->role[ROLE_K]), u;
  if (country < 0 || rm->role[ROLE_O][0] < 0) return 0;
  for (u = rm->role[ROLE_O][0]; u < rm->role[ROLE_O][1] && g->n_members < MAX_MEMBERS; u++) {
    int unused = -1, office;
    actor *a;
    if (!cat_has(&b->t->units[u].cats, c->office)) continue;
    office = office_of_unit(b, u, &unused);
    if (office < 0 || !(a = new_actor(b, rm))) continue;
    a->office = lexicon_office_in(office, country);
    a->country = country;
    a->who = resolve_holder(b->cx, a->office, country);
    g->members[g->n_members++] = (int)(a - b->out);
  }
  return g->n_members >= 2;
}

/* Is the unit at u the object of «با», «به», «از», the agent after «از سوی»
** or the initiator after «به دعوت»? */
static int governed(const tagged *t, int u) {
  const categories *c = extract_categories();
  return u > 0 && u <= t->n && cat_any(&t->units[u - 1].cats, &c->governing);
}

/* The actor of a match, added to b->out; its index, or -1 (none, or skip). */
static int build_match(builder *b, const rule_match *rm) {
  const categories *c = extract_categories();
  rule_action act = rule_action_of(rm->r);
  actor *a;
  int i, ok = 0;
  if (act == ACT_SKIP || !(a = new_actor(b, rm))) return -1;
  i = (int)(a - b->out);
  switch (act) {
    case ACT_ACTOR:
      ok = build_one(b, rm, a);
      break;
    case ACT_STATE:
      ok = (a->country = country_in(b, rm->role[ROLE_K][0] >= 0 ? rm->role[ROLE_K] : (int[2]){rm->u0, rm->u1})) >= 0;
      break;
    case ACT_COUNTERPART:
      /* «همتای آمریکایی خود، لوید آستین»: the name, when one follows */
      if (unit_with(b, rm->role[ROLE_P], c->person) >= 0) {
        ok = build_one(b, rm, a);
      } else {
        a->from_counterpart = 1;
        a->country = country_in(b, rm->role[ROLE_K]);
        ok = 1;
      }
      break;
    case ACT_PRONOUN: {
      /* a person named before in the sentence, else the last subject; after
      ** «با», «به», «از» the nearest one named before it as an object, agent
      ** or initiator, when there is one («… به دعوت X به سئول سفر کرد و با او
      ** دیدار کرد»: X, not the subject) */
      int k, object = governed(b->t, rm->u0);
      for (k = 0; k < i; k++)
        if (b->out[k].who && !b->out[k].n_members) break;
      if (object) {
        int near;
        for (near = i - 1; near >= 0; near--)
          if ((b->out[near].who || b->out[near].from_counterpart) && !b->out[near].n_members &&
              governed(b->t, b->out[near].u0))
            break;
        if (near >= 0) k = near;
      }
      if (k < i) *a = b->out[k];
      else if (b->cx->have_subject) *a = b->cx->last_subject;
      else break;
      a->u0 = rm->u0;
      a->u1 = rm->u1;
      a->start = b->t->units[rm->u0].start;
      a->end = b->t->units[rm->u1 - 1].end;
      a->from_pronoun = 1;
      ok = 1;
      break;
    }
    case ACT_SHARED:
      ok = build_shared(b, rm, a);
      break;
    case ACT_PLURAL:
    case ACT_BOTH:
      ok = build_plural(b, rm, a, act == ACT_BOTH);
      i = (int)(a - b->out); /* the group: members follow it */
      break;
    default:
      break;
  }
  if (!ok) {
    b->n = i; /* drop it and anything it added */
    return -1;
  }
  return i;
}

/* ---- choosing among overlapping matches ------------------------------------ */

/* Replace each chosen match by one unit: an actor (or nothing, for skip). */
static void rewrite(tagged *t, const rule_match *chosen, const int *actor_of, int n_chosen,
                    const actor *actors) {
  const categories *c = extract_categories();
  unit *units;
  int i, u = 0, n = 0;
  if (n_chosen == 0) return; /* the units and their string stay as they are */
  if (!(units = malloc((size_t)t->n * sizeof *units))) return; /* … and have no actors */
  memcpy(units, t->units, (size_t)t->n * sizeof *units);
  for (i = 0; i < n_chosen; i++) {
    const rule_match *rm = &chosen[i];
    unit *nu;
    while (u < rm->u0) t->units[n++] = units[u++];
    if (rule_action_of(rm->r) == ACT_ASIDE) { /* a clause told aside: one unit, aside */
      nu = &t->units[n++];
      *nu = units[rm->u0];
      nu->w1 = units[rm->u1 - 1].w1;
      nu->end = units[rm->u1 - 1].end;
      nu->mention = nu->actor = -1;
      memset(&nu->cats, 0, sizeof nu->cats);
      cat_add(&nu->cats, c->aside);
      { /* its first date stays: it may date the contact the clause tells of */
        int k;
        for (k = rm->u0; k < rm->u1; k++)
          if (cat_any(&units[k].cats, &c->dating)) {
            nu->cats.w[0] |= units[k].cats.w[0] & c->dating.w[0];
            nu->cats.w[1] |= units[k].cats.w[1] & c->dating.w[1];
            nu->mention = units[k].mention;
            nu->value = units[k].value;
            break;
          }
        /* and who invited («که به دعوت X … آمده است») or announced or
        ** claimed («پس از اعلام X …،»), when it says so: the aside stands
        ** for X (initiator.tsv reads it) */
        for (k = rm->u0; k + 1 < rm->u1; k++) {
          int invited = cat_has(&units[k].cats, c->initiative);
          if (invited || cat_any(&units[k].cats, &c->claiming)) {
            int j = k + 1;
            if (units[j].actor < 0 && j + 1 < rm->u1 && cat_has(&units[j].cats, c->word)) j++;
            if (units[j].actor >= 0 && (invited || actors[units[j].actor].who)) {
              nu->actor = units[j].actor;
              cat_add(&nu->cats, invited ? c->invited_aside : c->claimed_aside);
            } else if (!invited) {
              continue; /* «پس از اعلام نتایج …»: no one */
            }
            break;
          }
        }
      }
    } else if (rule_action_of(rm->r) == ACT_MERGE) { /* «دیدار و گفت‌وگو»: one unit */
      int k;
      nu = &t->units[n++];
      *nu = units[rm->u0];
      nu->w1 = units[rm->u1 - 1].w1;
      nu->end = units[rm->u1 - 1].end;
      for (k = rm->u0 + 1; k < rm->u1; k++) {
        cat_or(&nu->cats, &units[k].cats);
        if (units[k].value > nu->value) nu->value = units[k].value;
      }
    } else if (actor_of[i] >= 0) {
      const actor *a = &actors[actor_of[i]];
      int k;
      nu = &t->units[n++];
      *nu = units[rm->u0];
      nu->w1 = units[rm->u1 - 1].w1;
      nu->end = units[rm->u1 - 1].end;
      nu->mention = -1;
      for (k = rm->u0 + 1; k < rm->u1; k++) cat_or(&nu->cats, &units[k].cats);
      /* what the units were (a member's named, state) is not what it is */
      nu->cats.w[c->actor >> 6] &= ~((uint64_t)1 << (c->actor & 63));
      nu->cats.w[c->named >> 6] &= ~((uint64_t)1 << (c->named & 63));
      nu->cats.w[c->state >> 6] &= ~((uint64_t)1 << (c->state & 63));
      nu->cats.w[c->group >> 6] &= ~((uint64_t)1 << (c->group & 63));
      nu->actor = actor_of[i];
      cat_add(&nu->cats, c->actor);
      cat_add(&nu->cats, a->n_members           ? c->group
                         : a->who || a->unknown_name ? c->named
                                                     : c->state);
    }
    u = rm->u1;
  }
  while (u < t->n) t->units[n++] = units[u++];
  t->n = n;
  free(units);
  units_write_tags(t);
}

/* ACT_LIST: the actors of the list (role a, else the match) as members of
** one group; a member that is a group gives its members. */
static int build_list(builder *b, const rule_match *rm) {
  int span[2] = {rm->role[ROLE_A][0] >= 0 ? rm->role[ROLE_A][0] : rm->u0,
                 rm->role[ROLE_A][0] >= 0 ? rm->role[ROLE_A][1] : rm->u1};
  actor *g;
  int u, k, gi;
  if (!(g = new_actor(b, rm))) return -1;
  gi = (int)(g - b->out);
  for (u = span[0]; u < span[1]; u++) {
    int a = b->t->units[u].actor;
    if (a < 0) continue;
    if (b->out[a].n_members) {
      for (k = 0; k < b->out[a].n_members && g->n_members < MAX_MEMBERS; k++)
        g->members[g->n_members++] = b->out[a].members[k];
    } else if (g->n_members < MAX_MEMBERS) {
      g->members[g->n_members++] = a;
    }
  }
  if (g->n_members < 2) {
    b->n = gi;
    return -1;
  }
  return gi;
}

/* The units a chosen match replaces: role x when the rule names it (the
** words before it only say where a name may start: «با …»), a list's
** actors (role a), else all. */
static void replaced_span(const rule_match *rm, int *s0, int *s1) {
  int role = rm->role[ROLE_X][0] >= 0                                           ? ROLE_X
             : rule_action_of(rm->r) == ACT_LIST && rm->role[ROLE_A][0] >= 0 ? ROLE_A
                                                                              : -1;
  *s0 = role >= 0 ? rm->role[role][0] : rm->u0;
  *s1 = role >= 0 ? rm->role[role][1] : rm->u1;
}

static int compare_spans(const void *x, const void *y) {
  const rule_match *a = x, *b = y;
  int a0, a1, b0, b1;
  replaced_span(a, &a0, &a1);
  replaced_span(b, &b0, &b1);
  if (a0 != b0) return a0 < b0 ? -1 : 1;
  if (a1 != b1) return a1 > b1 ? -1 : 1; /* the longest first */
  return rule_index(a->r) - rule_index(b->r);
}

/* One stage: match, choose, build, rewrite. */
static void actor_stage(const rule_set *rs, rule_matcher *m, rule_stage stage, builder *b) {
  rule_match cand[MAX_CANDIDATES], chosen[MAX_CANDIDATES];
  int actor_of[MAX_CANDIDATES];
  int n = rules_match(rs, stage, b->t, m, cand, MAX_CANDIDATES), i, n_chosen = 0, end = 0;
  tagged *t = (tagged *)b->t;
  qsort(cand, (size_t)n, sizeof *cand, compare_spans);
  for (i = 0; i < n; i++) {
    int a, s0, s1;
    replaced_span(&cand[i], &s0, &s1);
    if (s0 < end || s1 <= s0) continue; /* overlaps one chosen */
    a = stage == STAGE_PHRASES || rule_action_of(cand[i].r) == ACT_ASIDE ? -1
        : stage == STAGE_LISTS                                              ? build_list(b, &cand[i])
                                                                            : build_match(b, &cand[i]);
    if (a < 0 && stage != STAGE_PHRASES && rule_action_of(cand[i].r) != ACT_SKIP &&
        rule_action_of(cand[i].r) != ACT_ASIDE)
      continue; /* it named nobody */
    if (extract_rule_fired) extract_rule_fired(rule_name(cand[i].r));
    chosen[n_chosen] = cand[i];
    chosen[n_chosen].u0 = s0;
    chosen[n_chosen].u1 = s1;
    actor_of[n_chosen++] = a;
    end = s1;
  }
  rewrite(t, chosen, actor_of, n_chosen, b->out);
}

/* ---- an actor as an event side ---------------------------------------------- */

/* A lexicon code (ASCII) into a field of the event. */
static void copy_code(char *out, size_t cap, const char *code) {
  copy_utf8(out, cap, code ? code : "", code ? strlen(code) : 0);
}

void name_actor(const sentence_work *w, const actor *a, int status, tamas_actor *out) {
  /* a spokesperson who asks, offers, refuses or denies speaks for the state:
  ** the side is the state (offices.tsv party); one who meets is himself */
  int speaks_for_state = a->who && !lexicon_office_is_party(a->office) &&
                         (status == TAMAS_REQUESTED || status == TAMAS_PROPOSED ||
                          status == TAMAS_REFUSED || status == TAMAS_DENIED);
  memset(out, 0, sizeof *out);
  if (a->who && !speaks_for_state) {
    copy_utf8(out->name, sizeof out->name, a->who->name, strlen(a->who->name));
    out->known = 1;
  } else if (a->unknown_name) {
    romanise(w->s->text + a->name_start, a->name_end - a->name_start, out->name, sizeof out->name);
  } else {
    memcpy(out->name, "org:", 4);
    copy_code(out->name + 4, sizeof out->name - 4, lexicon_country_code(a->country));
  }
  copy_code(out->country, sizeof out->country, lexicon_country_code(a->country));
  if (a->office >= 0 && !speaks_for_state)
    copy_code(out->office, sizeof out->office, lexicon_office_code(a->office));
  out->fa = (tamas_span){a->start, a->end};
}

int build_actors(const rule_set *rs, rule_matcher *m, tagged *t, const sentence *s, context *cx,
                 actor *out, int max) {
  builder b = {t, s, cx, out, 0, max};
  actor_stage(rs, m, STAGE_PHRASES, &b);
  actor_stage(rs, m, STAGE_ACTORS, &b);
  actor_stage(rs, m, STAGE_LISTS, &b);
  return b.n;
}
