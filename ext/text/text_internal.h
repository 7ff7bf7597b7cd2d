/*
** text_internal.h — what the two halves of the normaliser share:
** normalize.c (the one-pass normaliser: decoding, NFC, folds, digits,
** spaces, stray ZWNJ and the offset map), normalize_repair.c (rule 8, the
** ZWNJ repair, and the lexicons it reads) and normalize_output.c (the output
** buffer both write).  Internal to ext/text/; the public API
** (tamas_normalize, tamas_match_key) is in include/tamas.h.
*/
#ifndef TAMAS_TEXT_INTERNAL_H
#define TAMAS_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "tamas.h"

#define ZWNJ 0x200Cu
#define ZWNJ_UTF8 "\xE2\x80\x8C"
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A combining sequence longer than this is normalised in pieces. */
#define SEG_MAX 32
/* Words longer than this (in bytes, about 40 letters) are not repaired. */
#define WORD_MAX_BYTES 96

/* ---------------------------------------------------------------------------
** The output: bytes and, in parallel, their input offsets
** ------------------------------------------------------------------------ */

typedef struct obuf {
  char *s;
  size_t *map; /* NULL when no map was asked for */
  size_t len, cap;
  int oom;
} obuf;

/* Room for `extra` more bytes (and the final NUL / map sentinel); 0 when
** memory runs out (b->oom is then set). */
int norm_obuf_reserve(obuf *b, size_t extra);

/* ---------------------------------------------------------------------------
** The normaliser's state
** ------------------------------------------------------------------------ */

enum { TK_NONE, TK_WORD, TK_NUM, TK_OTHER };

typedef struct tok {
  size_t start, end; /* byte span in the output */
  int kind;
} tok;

typedef struct norm {
  unsigned opts;
  int key;    /* making a match key */
  int repair; /* rule 8, single words */
  int join;   /* rule 8, suffixes written apart (always on for keys) */
  obuf out;
  uint32_t last; /* the last code point written */
  int pend_space;
  size_t space_src;
  int pend_zwnj;
  size_t zwnj_src;
  int after_cr;
  tok cur, t1, t2; /* the token being written, and the two before it */
  uint32_t seg_cp[SEG_MAX];
  size_t seg_off[SEG_MAX];
  int seg_n, seg_yes;
} norm;

/* A letter that connects to the letter after it (Unicode joining type
** D), so that a ZWNJ after it changes how the word is drawn.  Not
** ا آ أ إ ؤ د ذ ر ز ژ و ة ۀ ء, which never join the next letter. */
int norm_joins_next(uint32_t cp);

/* ---------------------------------------------------------------------------
** Rule 8 (normalize_repair.c)
** ------------------------------------------------------------------------ */

/* Read the lexicons of the repair (sql/lexicon/verb_stems.tsv, nouns.tsv,
** compounds.tsv, zwnj_exceptions.tsv).  Called once per process, from the
** normaliser's pthread_once; afterwards the tables are read-only.  When
** memory runs out the tables stay empty and the rules that need them do
** nothing. */
void norm_load_lexicons(void);

/* The current word n->cur (the tail of the output) has just ended: insert
** the ZWNJs it certainly needs («میکند» → «می‌کند»). */
void norm_repair_word(norm *n);

/* Join the current word to the word before it where the space between them
** stands for a ZWNJ, or for nothing in a match key («می کند», «تنش ها»). */
void norm_join_words(norm *n);

#endif /* TAMAS_TEXT_INTERNAL_H */
