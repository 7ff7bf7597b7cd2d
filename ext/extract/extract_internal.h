/*
** extract_internal.h — what the parts of contact extraction share:
** sentences turned into words and mentions (extract_scan.c), actors built
** from mentions (extract_actors.c), and events (extract.c).
*/
#ifndef TAMAS_EXTRACT_INTERNAL_H
#define TAMAS_EXTRACT_INTERNAL_H

#include <string.h>

#include "lexicon/lexicon.h"
#include "tamas.h"

#define MAX_WORDS 400    /* words of one sentence looked at */
#define MAX_MENTIONS 160
#define MAX_ACTORS 48
#define KEY_BYTES 4096

#define PUNCT_COMMA 1 /* ، , ؛ */
#define PUNCT_OTHER 2

typedef struct word {
  size_t key_start, key_end; /* folded bytes in the sentence key */
  size_t start, end;         /* bytes in the text */
  int after_punct;           /* punctuation before it: PUNCT_COMMA, PUNCT_OTHER or 0 */
  int has_digit;
  int kes_before;            /* words «که» before it in the sentence */
  int colons_before;         /* ':' before it in the sentence */
} word;

typedef enum mention_kind { MK_ENTRY, MK_DATE } mention_kind;

typedef struct mention {
  mention_kind kind;
  const tamas_lexicon *lex;  /* the lexicon the entries belong to */
  const lex_entry *first;    /* entries matched (walk with lexicon_next_entry) */
  unsigned kinds;            /* 1 << entry kind, for each kind among the entries */
  unsigned cues;             /* 1 << cue kind, for each cue among the entries */
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
  int kes;                   /* words «که» among the words */
  mention mentions[MAX_MENTIONS];
  int n_mentions;
} sentence;

/* Does a mention carry an entry of this kind (or this cue kind)?  Most
** look-ups are answered by the masks, with no call. */
const lex_entry *mention_kind_entry(const mention *m, entry_kind kind); /* m->kinds has it */
const lex_entry *mention_cue_entry(const mention *m, int cue);          /* m->cues has it */
static inline const lex_entry *mention_entry(const mention *m, entry_kind kind) {
  return m->kind == MK_ENTRY && (m->kinds & (1u << kind)) ? mention_kind_entry(m, kind) : NULL;
}
static inline const lex_entry *mention_cue(const mention *m, int cue) {
  return m->kind == MK_ENTRY && (m->cues & (1u << cue)) ? mention_cue_entry(m, cue) : NULL;
}

/* Is one of the words [w0, w1) exactly this folded word (of n bytes)?  The
** callers name a literal, whose length the inline form knows. */
int sentence_has_word_n(const sentence *s, int w0, int w1, const char *folded, size_t n);
static inline int sentence_has_word(const sentence *s, int w0, int w1, const char *folded) {
  return sentence_has_word_n(s, w0, w1, folded, strlen(folded));
}

/* Does «که» stand among the words [w0, w1), or ':' between the end of word
** w0 and the start of word w1?  (Counted once, when the words are folded:
** event rules ask this of many pairs of mentions.) */
int sentence_has_ke(const sentence *s, int w0, int w1);
int sentence_has_colon(const sentence *s, int w0, int w1);

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

/* ---- actors ---- */

typedef struct actor {
  const person *who;         /* NULL when only the office/country is known */
  int country, office;
  int unknown_name;          /* name words not in the lexicon */
  size_t name_start, name_end;
  int from_pronoun, from_counterpart, from_plural;
  int m0, m1;                /* mentions [m0, m1) */
  int w0;                    /* first word, a title or unknown name included */
  size_t start, end;         /* bytes */
} actor;

#define MAX_ARTICLE_PERSONS 64

typedef struct context {
  const tamas_lexicon *base, *overlay;
  const person *named[MAX_ARTICLE_PERSONS]; /* persons the article names */
  int n_named;
  int32_t day;               /* the publication day (JDN) or 0 */
  actor last_subject;        /* the person last named as a subject */
  int have_subject;
  int last_country;          /* the country named last («این کشور») */
  int countries[2];          /* the article's first two countries */
  int n_countries;
} context;

/* Build the actors of a sentence from its mentions.  Returns how many. */
int build_actors(const sentence *s, context *cx, int32_t day, actor *out, int max);

/* The holder of an office: a person the article names, else the lexicon's
** holder on the day. */
const person *resolve_holder(const context *cx, int office, int country, int32_t day);

/* Copy UTF-8 text into out[cap], cut at a character boundary. */
void copy_utf8(char *out, size_t cap, const char *text, size_t n);

/* Romanise Persian words (ICU Any-Latin; Latin-ASCII), into out. */
void romanise(const char *text, size_t n, char *out, size_t cap);

#endif /* TAMAS_EXTRACT_INTERNAL_H */
