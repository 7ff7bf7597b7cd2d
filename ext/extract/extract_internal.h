/*
** extract_internal.h — what the stages of contact extraction share.
**
**   extract_scan.c  a sentence as words and lexicon mentions, and its dates
**   units.c     the mentions, verbs and words as units with categories, and
**               the string of their categories the rules match
**   rules.c     the rule files of sql/rules/, compiled to PCRE2, and matching
**   actors.c    stages 0-2: word phrases, actor phrases and lists
**               (phrases.tsv, actors.tsv, lists.tsv)
**   events.c    stage 3: contact events (events.tsv), their status
**               (status.tsv), medium (medium.tsv) and initiator (initiator.tsv)
**   time.c      dates of events (clauses.tsv), and the article's time window
**   extract.c   the article: sentences through the stages, events merged
*/
#ifndef TAMAS_EXTRACT_INTERNAL_H
#define TAMAS_EXTRACT_INTERNAL_H

#include <string.h>

#include "lexicon/lexicon.h"
#include "tamas.h"

#define MAX_WORDS 400    /* words of one sentence looked at */
#define MAX_MENTIONS 400
#define MAX_UNITS 480    /* words, phrases and punctuation marks */
#define MAX_ACTORS 64
#define MAX_MEMBERS 8    /* actors in one list or plural office */
#define KEY_BYTES 4096
#define TAG_BYTES 8192   /* the category string of a sentence */

#define PUNCT_COMMA 1 /* ، , ؛ */
#define PUNCT_OTHER 2

typedef struct word {
  size_t key_start, key_end; /* folded bytes in the sentence key */
  size_t start, end;         /* bytes in the text */
  int after_punct;           /* punctuation before it: PUNCT_COMMA, PUNCT_OTHER or 0 */
  uint32_t punct;            /* that punctuation mark (the last one) */
  int quote_before;          /* a quotation mark before it */
  int has_digit;
} word;

typedef enum mention_kind { MK_ENTRY, MK_DATE } mention_kind;

typedef struct mention {
  mention_kind kind;
  const tamas_lexicon *lex;  /* the lexicon the entries belong to */
  const lex_entry *first;    /* entries matched (walk with lexicon_next_entry) */
  unsigned kinds;            /* 1 << entry kind, for each kind among the entries */
  cat_mask cats;             /* the categories of the entries */
  int w0, w1;                /* words [w0, w1) */
  tamas_date_match date;     /* MK_DATE */
} mention;

/* The longest phrase at one word, of either lexicon. */
typedef struct word_match {
  const tamas_lexicon *lex;  /* the lexicon of found.first */
  lex_match found;
} word_match;

/* One sentence, scanned. */
typedef struct sentence {
  const char *text;          /* the whole input text */
  size_t start, end;         /* the sentence */
  char key[KEY_BYTES];
  size_t key_len;
  int truncated;             /* the words stop before the sentence does */
  unsigned char ends[KEY_BYTES + 1]; /* ends[i]: a word ends at key byte i */
  word words[MAX_WORDS];
  word_match matches[MAX_WORDS];
  /* the built-in lexicon's walk over each word's letters as they were
  ** folded (lexicon_match_after), or -1 to walk again; read by the look-up
  ** that follows the folding, not kept with the sentence */
  int32_t lex_states[MAX_WORDS];
  int n_words;
  mention mentions[MAX_MENTIONS];
  int n_mentions;
  cat_mask cats;             /* the categories of all mentions */
} sentence;

/* The entry of a mention with this category, or NULL. */
const lex_entry *mention_category_entry(const mention *m, int cat);

/* Scan [start, end) of text into words and mentions; with dates_too, also
** the dates of a sentence that holds a contact word (scan_sentence_dates:
** the same for a sentence whose words and mentions are read). */
void scan_sentence(sentence *s, const char *text, size_t start, size_t end,
                   const tamas_lexicon *overlay, int dates_too);
void scan_sentence_dates(sentence *s, const tamas_lexicon *overlay);

/* Sentences scanned once and wanted again, kept in order (extract.c: the
** lead is read for the article's countries before its events): the words
** and mentions, not the dates.  sentence_keep returns 0 when the store is
** full (it holds at most a few hundred KB) or out of memory;
** sentence_take_kept gives the next kept sentence back if it is [start,
** end), else returns 0. */
typedef struct sentence_store {
  unsigned char *buf;
  size_t len, cap, read;
} sentence_store;
int sentence_keep(sentence_store *st, const sentence *s);
int sentence_take_kept(sentence_store *st, sentence *s, const char *text, size_t start,
                       size_t end);
void sentence_store_free(sentence_store *st);

/* ---- categories ---------------------------------------------------------- */

/* The categories the C of extraction gives itself (the rest come from the
** lexicon's words): indices of categories.tsv, looked up once. */
typedef struct categories {
  int person, office, offices, state_office, country, adjective;
  int contact, medium, letter, welcome, trip;
  int date, weekday, relday, same_day, relweek, relmonth, relyear;
  int verb, past, present, subjunctive, participle, negative, first_person, second_person;
  int comma, colon, quote, paren, dash, punct, number, word;
  int actor, named, state, group, aside, invited_aside, claimed_aside, initiative;
  int pronoun, counterpart, self, both, our_country, this_country;
  int first, former, with, and_word, after, future, plan, habit, then;
  cat_mask dating;           /* date, weekday, relday, relweek, relmonth, relyear */
  cat_mask grammar_nouns;    /* contact, summit: never a bare past verb («نشست») */
  cat_mask claiming;         /* say, claim: «اعلام X», «ادعای X» */
  cat_mask governing;        /* with, to, from, by, initiative: the actor after is an object,
                             ** agent or initiator, not a subject */
  cat_mask built;            /* the categories the stages build (actor, named, …) */
  cat_mask contact_media;    /* the words whose value is their contact's medium
                             ** (categories.tsv value "medium", but the modifier «تلفنی») */
} categories;
const categories *extract_categories(void);

/* ---- units: a sentence as the rules read it ------------------------------ */

typedef struct unit {
  cat_mask cats;
  int w0, w1;                /* words [w0, w1) */
  int mention;               /* its mention, or -1 */
  int actor;                 /* an actor unit (stage 1 on): index in the actors */
  int value;                 /* a medium, a relative offset or a weekday */
  int country;               /* our_country: the state */
  size_t start, end;         /* bytes in the text */
} unit;

/* A sentence's units, and the string of their categories: each unit is
** '<', one byte per category, '>' (rules.c compiles {person} to a pattern
** over it). */
typedef struct tagged {
  unit units[MAX_UNITS];
  int n;
  char tags[TAG_BYTES];
  size_t len;
  uint16_t unit_off[MAX_UNITS]; /* the offset of each unit's '<' */
  unsigned long version;        /* a number new at each write of the tags, in its thread */
  cat_mask all;               /* every category of the sentence */
} tagged;

/* The byte that stands for a category in the string (by index). */
char category_byte(int cat);

/* Units of a scanned sentence (its mentions, verbs, words and marks). */
void units_of_sentence(const sentence *s, tagged *t);
/* Write t->tags from t->units (after a stage changed them). */
void units_write_tags(tagged *t);

/* ---- rules ----------------------------------------------------------------- */

/* The stages, each a file of sql/rules/, in cascade order. */
typedef enum rule_stage {
  STAGE_PHRASES, STAGE_ACTORS, STAGE_LISTS, STAGE_EVENTS, STAGE_STATUS, STAGE_MEDIUM, STAGE_INITIATOR,
  STAGE_CLAUSES, N_STAGES
} rule_stage;

/* The roles a rule's named groups fill ((?<a>…) is ROLE_A). */
typedef enum rule_role {
  ROLE_A, ROLE_B, ROLE_C, ROLE_I, ROLE_P, ROLE_O, ROLE_K, ROLE_K2, ROLE_N, ROLE_H, ROLE_M,
  ROLE_X, ROLE_G, N_ROLES
} rule_role;

typedef struct rule rule;

/* One match: the rule, and each role's units [u0, u1) (u0 = -1: not in it). */
typedef struct rule_match {
  const rule *r;
  int u0, u1; /* the whole match */
  int role[N_ROLES][2];
} rule_match;

/* What a rule builds: its action (per stage) and arguments. */
typedef enum rule_action {
  /* phrases */
  ACT_MERGE,
  /* actors, lists */
  ACT_ACTOR, ACT_COUNTERPART, ACT_PRONOUN, ACT_PLURAL, ACT_BOTH, ACT_STATE, ACT_SKIP,
  ACT_SHARED, ACT_LIST, ACT_ASIDE,
  /* events */
  ACT_EVENT,
  /* status */
  ACT_STATUS,
  /* medium, initiator, clauses */
  ACT_MEDIUM, ACT_INITIATOR, ACT_BOUNDARY,
  /* medium stage: where a contact took place (role k) */
  ACT_PLACE
} rule_action;

const char *rule_name(const rule *r);
rule_action rule_action_of(const rule *r);
int rule_arg(const rule *r);           /* ACT_STATUS: the status (or -1: none);
                                          ACT_MEDIUM: the medium it sets, or 0 */
int rule_initiator_role(const rule *r); /* the role that initiated, or -1 */
int rule_earlier_status(const rule *r); /* ACT_STATUS: the stage before (earlier=STATUS), or -1 */
int rule_sides_told(const rule *r);     /* ACT_EVENT: the sides are the contact told before */
int rule_index(const rule *r);          /* a rule's number, for the trace */

/* Called with a rule's name when a rule of the actor stages is chosen or a
** clause rule matches (events carry the other rules in tamas_event.rules):
** for the tests of tests/rules/, which set it around one extraction.  NULL
** otherwise; one thread's. */
extern __thread void (*extract_rule_fired)(const char *name);

/* The compiled rules (NULL when out of memory); a stage's rules are tried
** in file order. */
typedef struct rule_set rule_set;
const rule_set *rules_builtin(void);
/* Every match of every rule of a stage (each start, so matches may
** overlap), in rule order then position.  Returns how many were written to
** out (at most max).  `md` is the caller's PCRE2 match data. */
typedef struct rule_matcher rule_matcher;
rule_matcher *rule_matcher_new(void);
void rule_matcher_free(rule_matcher *m);
/* Could a rule of the stage match the sentence: does it have the categories
** one of them needs, with to_come (if not NULL) the ones earlier stages may
** still add?  (The sentences with no contact word skip the events.) */
/* Add a rule name (n bytes) to a ','-separated list of cap bytes, once. */
void rule_list_add(char *list, size_t cap, const char *name, size_t n);
int rules_may_match(const rule_set *rs, rule_stage stage, const tagged *t, const cat_mask *to_come);
int rules_match(const rule_set *rs, rule_stage stage, const tagged *t, rule_matcher *m,
                rule_match *out, int max);
/* Set, rules_match tries each rule at every unit, not only where its
** pattern says a match may start: the tests check that both give the same
** matches.  One thread's. */
extern __thread int rules_try_every_unit;
/* The number of rules, and rule i (for the trace and the tests). */
int rules_count(const rule_set *rs);
const rule *rules_at(const rule_set *rs, int i);
/* A rule file compiled on its own (the tests and the fuzz target): NULL and
** a message in err (cap bytes) when a row is wrong. */
rule_set *rules_compile_text(rule_stage stage, const char *text, size_t len, char *err,
                             size_t cap);
void rules_free(rule_set *rs);

/* ---- actors ---------------------------------------------------------------- */

typedef struct actor {
  const rule *rule;          /* the rule that built it */
  const person *who;         /* NULL when only the office/country is known */
  int country, office;
  int unknown_name;          /* name words not in the lexicon */
  size_t name_start, name_end;
  int from_pronoun, from_counterpart;
  int members[MAX_MEMBERS];  /* a group: its actors */
  int n_members;             /* 0 for one actor */
  int u0, u1;                /* units [u0, u1) of the sentence before stage 1 */
  size_t start, end;         /* bytes */
} actor;

#define MAX_ARTICLE_PERSONS 64

/* What the sentences of an article share. */
typedef struct context {
  const tamas_lexicon *base, *overlay;
  const person *named[MAX_ARTICLE_PERSONS]; /* persons the article names */
  int n_named;
  int32_t day;               /* the publication day (JDN) or 0 */
  int32_t window_lo, window_hi; /* the article's time, when day is 0 (0: none) */
  actor last_subject;        /* the person last named as a subject */
  int have_subject;
  int last_country;          /* the country named last («این کشور») */
  int countries[2];          /* the article's first two countries */
  int n_countries;
  /* who invited or asked for a contact («به دعوت X»): a later contact with
  ** that person is theirs to have started; an inviter named only as a state
  ** or an office no person fills (who NULL) stands for every side of its
  ** country («به دعوت هند … با وزیر خارجه هند دیدار می‌کند») */
  struct {
    const person *who;
    int country;
    const rule *r; /* the rule that read it, for the row's rules */
  } inviters[8];
  int n_inviters;
  /* tenures the article states: a person named with an office it held
  ** («بایدن، رئیس‌جمهور آمریکا»), not a former one; they fix its window */
  const tenure *stated[MAX_ARTICLE_PERSONS];
  int n_stated;
  /* the two sides of the contact told last: «در این دیدار» is theirs */
  actor last_pair[2];
  int have_pair;
  int last_medium;           /* and its medium and initiator («این درخواست را رد کرد») */
  char last_initiator[8];     /* (as tamas_event.initiator) */
  char last_claimer[8];       /* the state of the side that claimed it («X مدعی شد که …»), or "" */
  /* the day of the contact told last: «همان روز» is it */
  int32_t last_day;
  const char *last_day_basis;
  /* the date the sentence before gives, read as its verbs tell: a contact
  ** told in a sentence with no time of its own took place then («… روز
  ** دوشنبه راهی پکن شد. وی در این سفر با … دیدار کرد») */
  struct {
    int32_t date, date_end;
    tamas_precision precision;
    tamas_span text;
    const char *basis;
  } before;
  int have_before;
  int before_gap; /* sentences with no time since the one that gave it */
} context;

/* Stages 1 and 2 over the units of t: actor phrases, then lists, each made
** one unit of category actor (t is rewritten).  Returns the actors. */
int build_actors(const rule_set *rs, rule_matcher *m, tagged *t, const sentence *s,
                 context *cx, actor *out, int max);

/* The holder of an office in a state for the article: a person it names,
** else the one holder of its time (day, or window); NULL when not one.  The
** office is the state's own («رهبر»: lexicon_office_in first). */
const person *resolve_holder(const context *cx, int office, int country);

/* ---- events ---------------------------------------------------------------- */

/* One sentence through the stages: what the stages read and write. */
typedef struct sentence_work {
  const sentence *s;
  tagged *t;
  actor *actors;             /* MAX_ACTORS */
  int n_actors;
  context *cx;
  const rule_set *rs;
  rule_matcher *m;
  void (*add)(void *sink, const tamas_event *ev); /* an event found */
  /* a denial of the contact told before («این خبر را تکذیب کرد»): that
  ** contact, told as done, was only reported; its row goes */
  void (*retract)(void *sink, const tamas_event *denied);
  void *sink;
  int failed;                /* out of memory */
} sentence_work;

/* Stage 3 and the attributes: the events of a sentence whose actors are
** built, each handed to w->add. */
typedef struct event_work event_work;
void sentence_events(sentence_work *w);

/* The date of a contact whose word is units [c0, c1) (time.c): within its
** clause (a clause starts at each unit u with boundary[u]), from a date,
** a relative word or a weekday, resolved with the publication day or the
** article's window; sets ev->date, date_end, precision, date_text,
** date_basis.  `future`: a planned contact (a bare weekday is the next). */
void event_date(const sentence_work *w, const unsigned char *boundary, int c0, int c1,
                int future, tamas_event *ev);

/* Note the date a sentence gives (its first date, relative word or weekday
** that resolves) as the sentence before for the next one's contacts. */
void note_sentence_date(context *cx, const sentence *s, tagged *t);

/* The article's time when it has no publication day: the days its named
** persons held office together (time.c).  Sets cx->window_lo/hi, or leaves
** them 0. */
void article_window(context *cx);

/* An actor as an event side of an event of that status: its name (the
** person's title, a romanised unknown name, or org:CODE — also for a
** spokesperson who asks, offers, refuses or denies), state, office, words. */
void name_actor(const sentence_work *w, const actor *a, int status, tamas_actor *out);

/* Copy UTF-8 text into out[cap], cut at a character boundary. */
void copy_utf8(char *out, size_t cap, const char *text, size_t n);

/* Romanise Persian words (ICU Any-Latin; Latin-ASCII), into out. */
void romanise(const char *text, size_t n, char *out, size_t cap);

#endif /* TAMAS_EXTRACT_INTERNAL_H */
