/*
** extract_actors.c — who is named in a sentence.
**
** Mentions next to each other form one actor:
**   person [office] [country]     «سرگئی لاوروف وزیر امور خارجه روسیه»
**   office country                «وزیر دفاع آمریکا» → the holder on the day
**   office-of-country phrase      «رئیس پنتاگون»
**   plural office + countries     «وزرای دفاع روسیه و آمریکا» → two actors;
**                                 «وزرای دفاع دو کشور» → the article's two
**   counterpart                   «همتای روسی خود» → the same office as the
**                                 subject, in that country (extract.c fills it)
**   pronoun                       «وی», «او» → the person last named as subject
**   unknown name + office+country «زبیگنیو رائو وزیر امور خارجه لهستان»
**   a country or its capital      «مسکو» → the state itself (org:RUS)
*/
#include <string.h>

#include "extract_internal.h"

/* Words between mention a's end and mention b's start that are not blank. */
static int gap_words(const sentence *s, const mention *a, const mention *b) {
  return b->w0 - a->w1;
}

/* Is the word a lone «و» (and)? */
static int is_and(const sentence *s, int w) {
  return w >= 0 && w < s->n_words && s->words[w].key_end - s->words[w].key_start == 2 &&
         memcmp(s->key + s->words[w].key_start, "\xd9\x88", 2) == 0;
}

/* The tenure of a person on the day (an unknown day: the one in force as
** far as the lexicon knows), else the latest; -1 when none. */
static int tenure_on(const person *p, int32_t day) {
  int i, best = -1;
  for (i = 0; i < p->n_tenures; i++) {
    const tenure *t = &p->tenures[i];
    if (tenure_covers(t, day ? day : LEXICON_DAY)) return i;
    if (best < 0 || t->start > p->tenures[best].start) best = i;
  }
  return best;
}

/* The person of a mention, preferring one in office on the day. */
static const person *pick_person(const mention *m, int32_t day, int *tenure_out) {
  const lex_entry *e;
  const person *fallback = NULL;
  int fallback_tenure = 0;
  for (e = m->first; e; e = lexicon_next_entry(m->lex, e)) {
    const person *p;
    int t;
    if (e->kind != E_PERSON || !(p = lexicon_person(m->lex, e->id))) continue;
    t = tenure_on(p, day);
    if (t >= 0) {
      if (tenure_covers(&p->tenures[t], day)) {
        *tenure_out = t;
        return p;
      }
    }
    if (!fallback) {
      fallback = p;
      fallback_tenure = t < 0 ? 0 : t;
    }
  }
  *tenure_out = fallback_tenure;
  return fallback;
}

static int country_of(const mention *m) {
  const lex_entry *e = mention_entry(m, E_COUNTRY);
  if (!e) e = mention_entry(m, E_COUNTRY_ADJ);
  return e ? e->country : -1;
}

static void init_actor(actor *a, const sentence *s, int m0, int m1) {
  memset(a, 0, sizeof *a);
  a->country = a->office = -1;
  a->m0 = m0;
  a->m1 = m1;
  a->w0 = s->mentions[m0].w0;
  a->start = s->words[s->mentions[m0].w0].start;
  a->end = s->words[s->mentions[m1 - 1].w1 - 1].end;
}

/* A person the article names who held this office in this country (on the
** day, when it is known): «همتای آمریکایی وی» in an undated article is the
** American the article names, not whoever holds the office today. */
static const person *named_holder(const context *cx, int office, int country, int32_t day) {
  int i, j;
  for (i = 0; i < cx->n_named; i++)
    for (j = 0; j < cx->named[i]->n_tenures; j++) {
      const tenure *t = &cx->named[i]->tenures[j];
      if (t->office == office && t->country == country && tenure_covers(t, day))
        return cx->named[i];
    }
  return NULL;
}

const person *resolve_holder(const context *cx, int office, int country, int32_t day) {
  int t;
  const person *p = named_holder(cx, office, country, day);
  return p ? p : lexicon_office_holder(cx->base, cx->overlay, office, country, day, &t);
}

static void resolve_office(actor *a, const context *cx, int32_t day) {
  if (a->who || a->office < 0 || a->country < 0) return;
  a->who = resolve_holder(cx, a->office, a->country, day);
}

/* Name words right before mention m that the lexicon does not know: up to
** three, stopping at punctuation, a stop word or another mention; one comma
** may stand between the name and the office («ویجیتا هراث، وزیر خارجه …»). */
static void unknown_name_before(const sentence *s, int m, actor *a) {
  int w = s->mentions[m].w0, first = w, prev_end = m > 0 ? s->mentions[m - 1].w1 : 0;
  if (w > 0 && s->words[w].after_punct && s->words[w].after_punct != PUNCT_COMMA) return;
  while (first > prev_end && w - first < 3) {
    int k = first - 1;
    const char *key = s->key + s->words[k].key_start;
    size_t n = s->words[k].key_end - s->words[k].key_start;
    lex_match found;
    if (first < w && s->words[first].after_punct) break; /* punctuation inside: not a name */
    /* a stop word or honorific (any cue) the whole word: the name ends */
    lexicon_match_at(lexicon_builtin(), key, n, s->ends + s->words[k].key_start, 0, &found);
    if (found.len == n && (found.kinds & 1u << E_CUE)) break;
    first = k;
  }
  if (first < w) {
    a->unknown_name = 1;
    a->name_start = s->words[first].start;
    a->name_end = s->words[w - 1].end;
    a->start = a->name_start;
    a->w0 = first;
  }
}

/* Countries after a plural office: «روسیه و آمریکا».  Returns mentions used. */
static int plural_countries(const sentence *s, int m, int *countries, int *n) {
  int used = 0;
  *n = 0;
  while (m < s->n_mentions && *n < 4) {
    int c = country_of(&s->mentions[m]);
    if (c < 0) break;
    countries[(*n)++] = c;
    used++;
    if (m + 1 < s->n_mentions && is_and(s, s->mentions[m].w1) &&
        s->mentions[m + 1].w0 == s->mentions[m].w1 + 1) {
      m++;
      continue;
    }
    break;
  }
  return used;
}

/* Mentions m and m+1 are joined by «و» or a comma. */
static int joined(const sentence *s, int m) {
  int w_end = s->mentions[m].w1, w_next = s->mentions[m + 1].w0;
  return (w_next == w_end && s->words[w_next].after_punct) ||
         (w_next == w_end + 1 && is_and(s, w_end));
}

/* The country after a list of offices that starts at mention m, or -1. */
static int shared_country(const sentence *s, const context *cx, int m) {
  int k = m;
  while (k + 1 < s->n_mentions && mention_entry(&s->mentions[k], E_OFFICE)) {
    const mention *next = &s->mentions[k + 1];
    if (next->w0 - s->mentions[k].w1 <= 1 && !joined(s, k)) {
      int c = country_of(next);
      if (c >= 0) return c;
      if (mention_cue(next, C_THIS_COUNTRY)) {
        /* «این کشور»: the country named last in the sentence, else before */
        int j;
        for (j = m - 1; j >= 0; j--)
          if (mention_entry(&s->mentions[j], E_COUNTRY)) return country_of(&s->mentions[j]);
        return cx->last_country;
      }
      return -1;
    }
    if (!joined(s, k)) return -1;
    k++;
  }
  return -1;
}

static const actor *first_named(const actor *out, int n) {
  int i;
  for (i = 0; i < n; i++)
    if (out[i].who && !out[i].from_pronoun) return &out[i];
  return NULL;
}

static int push(actor *out, int *n, int max, const actor *a) {
  if (*n >= max) return 0;
  out[(*n)++] = *a;
  return 1;
}

int build_actors(const sentence *s, context *cx, int32_t day, actor *out, int max) {
  int n = 0, m = 0;
  while (m < s->n_mentions && n < max) {
    const mention *mm = &s->mentions[m];
    const lex_entry *e;
    actor a;
    int t = 0;
    if (mm->kind != MK_ENTRY) {
      m++;
      continue;
    }
    if ((e = mention_entry(mm, E_PERSON)) != NULL) {
      const person *p = pick_person(mm, day, &t);
      int next = m + 1, k, seen = 0;
      for (k = 0; k < cx->n_named; k++) seen |= cx->named[k] == p;
      if (!seen && cx->n_named < MAX_ARTICLE_PERSONS) cx->named[cx->n_named++] = p;
      init_actor(&a, s, m, m + 1);
      a.who = p;
      a.country = p->tenures[t].country;
      a.office = p->tenures[t].office;
      /* absorb «وزیر امور خارجه روسیه», «[رئیس ستاد ارتش آمریکا]»,
      ** «همتای آمریکایی خود» right after the name */
      while (next < s->n_mentions && gap_words(s, &s->mentions[next - 1], &s->mentions[next]) == 0 &&
             (mention_entry(&s->mentions[next], E_OFFICE) ||
              mention_entry(&s->mentions[next], E_COUNTRY) ||
              mention_entry(&s->mentions[next], E_COUNTRY_ADJ) ||
              mention_entry(&s->mentions[next], E_COUNTRY_OFFICE) ||
              mention_cue(&s->mentions[next], C_COUNTERPART)))
        next++;
      a.m1 = next;
      a.end = s->words[s->mentions[next - 1].w1 - 1].end;
      /* a title right before the name is part of it: «امیر فیصل بن فرحان» */
      if (m > 0 && s->mentions[m - 1].w1 == mm->w0 && mention_entry(&s->mentions[m - 1], E_OFFICE) &&
          (n == 0 || out[n - 1].m1 <= m - 1)) {
        a.m0 = m - 1;
        a.w0 = s->mentions[m - 1].w0;
        a.start = s->words[s->mentions[m - 1].w0].start;
      }
      push(out, &n, max, &a);
      m = next;
      continue;
    }
    if ((e = mention_entry(mm, E_COUNTRY_OFFICE)) != NULL) {
      init_actor(&a, s, m, m + 1);
      a.office = e->id;
      a.country = e->country;
      resolve_office(&a, cx, day);
      push(out, &n, max, &a);
      m++;
      continue;
    }
    if ((e = mention_entry(mm, E_OFFICE)) != NULL) {
      int countries[4], nc = 0, used = 0, k;
      if (m + 1 < s->n_mentions && s->mentions[m + 1].w0 - mm->w1 <= 2)
        used = plural_countries(s, m + 1, countries, &nc);
      if (nc == 0 && m + 1 < s->n_mentions && mention_cue(&s->mentions[m + 1], C_BOTH) &&
          s->mentions[m + 1].w0 == mm->w1 && cx->n_countries == 2) {
        countries[0] = cx->countries[0];
        countries[1] = cx->countries[1];
        nc = 2;
        used = 1;
      }
      if (nc == 0 && !e->plural) {
        /* «رئیس جمهور، رئیس مجلس و نخست وزیر این کشور», «رهبر ملی و رئیس
        ** جمهور ترکمنستان»: offices listed before one country share it */
        int c = shared_country(s, cx, m);
        if (c >= 0) {
          countries[0] = c;
          nc = 1;
        }
      }
      if (nc == 0) {
        m++; /* an office with no country: nobody can be named */
        continue;
      }
      for (k = 0; k < nc && (e->plural || k == 0); k++) {
        init_actor(&a, s, m, m + 1 + used);
        a.office = e->id;
        a.country = countries[k];
        a.from_plural = e->plural;
        if (!e->plural) unknown_name_before(s, m, &a);
        resolve_office(&a, cx, day);
        if (a.who) a.unknown_name = 0;
        push(out, &n, max, &a);
      }
      m += 1 + used;
      continue;
    }
    if (mention_cue(mm, C_COUNTERPART)) {
      int next = m + 1;
      init_actor(&a, s, m, m + 1);
      a.from_counterpart = 1;
      if (next < s->n_mentions && s->mentions[next].w0 == mm->w1 &&
          mention_entry(&s->mentions[next], E_COUNTRY_ADJ)) {
        a.country = mention_entry(&s->mentions[next], E_COUNTRY_ADJ)->country;
        next++;
      }
      /* «همتای آمریکایی خود، لوید آستین»: the name that follows */
      if (next < s->n_mentions && s->mentions[next].w0 - s->mentions[next - 1].w1 <= 1 &&
          mention_entry(&s->mentions[next], E_PERSON)) {
        const person *p = pick_person(&s->mentions[next], day, &t);
        a.who = p;
        a.country = p->tenures[t].country;
        a.office = p->tenures[t].office;
        a.from_counterpart = 0;
        next++;
      }
      a.m1 = next;
      a.end = s->words[s->mentions[next - 1].w1 - 1].end;
      push(out, &n, max, &a);
      m = next;
      continue;
    }
    if (mention_cue(mm, C_PRONOUN) && (cx->have_subject || first_named(out, n))) {
      /* «امیر قطر … دیدار میان وی و …»: a person named earlier in the same
      ** sentence, else the subject of the sentences before */
      a = first_named(out, n) ? *first_named(out, n) : cx->last_subject;
      a.m0 = m;
      a.m1 = m + 1;
      a.w0 = mm->w0;
      a.start = s->words[mm->w0].start;
      a.end = s->words[mm->w1 - 1].end;
      a.from_pronoun = 1;
      push(out, &n, max, &a);
      m++;
      continue;
    }
    if ((e = mention_entry(mm, E_COUNTRY)) != NULL) {
      init_actor(&a, s, m, m + 1);
      a.country = e->country;
      push(out, &n, max, &a);
    }
    m++;
  }
  return n;
}
