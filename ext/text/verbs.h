/*
** verbs.h — Persian morphology for the scanners: the verb reader (which
** verb a word is a form of, and its tense, mood and negation, from the stems
** of sql/lexicon/verb_stems.tsv), and the endings of nouns.
**
**   verb_form v;
**   if (verb_read(key, len, &v) && (v.flags & VF_NEGATIVE)) ... «نکردند» ...
**
** `key` is a word folded as every scanner folds it (fold.h) with no ZWNJ:
** «نمیکنند» is ن + می + کن + ند, a negated present of «کردن».
*/
#ifndef TAMAS_VERBS_H
#define TAMAS_VERBS_H

#include <stddef.h>

#define VF_PAST 0x01        /* past stem: «کرد», «کردند», «میکرد» */
#define VF_PRESENT 0x02     /* «می» and a present stem: «میکند» */
#define VF_SUBJUNCTIVE 0x04 /* a present stem with an ending, no «می»: «کند», «بکند» */
#define VF_PARTICIPLE 0x08  /* past stem and «ه»: «کرده», «کردهاند» */
#define VF_NEGATIVE 0x10    /* «ن»: «نکرد», «نمیکند» */
#define VF_INFINITIVE 0x20  /* past stem and «ن»: «کردن» */
#define VF_PROGRESSIVE 0x40 /* «می» and a past stem: «میکرد» */
#define VF_FIRST 0x80       /* a first person ending: «کردم», «میکنیم», «کردهایم» */
#define VF_SECOND 0x100     /* a second person ending: «کنید», «کردهای» */

typedef struct verb_form {
  const char *infinitive; /* as verb_stems.tsv writes it (not folded) */
  unsigned flags;
} verb_form;

/* Read a folded word as a verb form; 1 and *out, or 0 when it is none.
** Thread-safe: the stems are read once per process. */
int verb_read(const char *key, size_t n, verb_form *out);

/* Is a folded word a past stem as it stands, with no prefix or ending
** («نشست»: also the noun "a meeting")? */
int verb_is_bare_past(const char *key, size_t n);

/* Is a folded word a verb prefix written apart («می کنند», «نمی کند»), to be
** read with the word after it? */
int verb_prefix_apart(const char *key, size_t n);

/* The endings a noun takes that a lexicon does not list («دیداری»,
** «نامه‌ای», «برنامه‌هایی», «دیدارش»): the length of the folded word's stem
** without its k-th possible ending (longest first), 0 when the word does
** not end so (or too little is left), (size_t)-1 past the last ending. */
size_t noun_stem(const char *key, size_t n, int k);

/* The pronoun clitics written on to a word («همتای روسی‌اش», «اوکراینی‌شان»,
** «همتای روسش»): the length in bytes of the k-th clitic (0: «اش», 1: «شان»,
** 2: «ش») and its letters in *out, or 0 past the last.  The letters are the same in the text and in
** a folded key (both are common letters). */
size_t pronoun_clitic(int k, const char **out);

#endif /* TAMAS_VERBS_H */
