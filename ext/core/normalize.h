/*
** normalize.h — the Persian text normaliser and the match keys built on it.
**
** Written in the style of include/tamas.h, where these declarations will
** move: plain C, no SQLite types, text as (pointer, byte length).
**
**   size_t n, *map;
**   char *s = tamas_normalize(text, len, 0, &n, &map);
**   ... s[0..n) is the normalised text; map[i] is where byte i came from ...
**   free(s); free(map);
**
** What tamas_normalize() does, in one left-to-right pass over the input:
**
**   1. Decoding.  Invalid UTF-8 (overlong forms, surrogates, values above
**      U+10FFFF, truncated sequences, stray continuation bytes) becomes
**      U+FFFD, one per bad byte, as ext/core/utf8.h decodes it.  NUL and the
**      other C0/C1 control characters (except tab, line feed, carriage
**      return, VT, FF and NEL) are dropped, as is U+FEFF (byte-order mark).
**   2. Unicode NFC (ICU).  Text that is already NFC — nearly all text — makes
**      no ICU call: each character is looked up in a table of NFC
**      quick-check flags, and only a combining sequence (a base letter and
**      the marks after it) goes through unorm2_normalize().  A sequence of
**      more than 32 code points is normalised in pieces of 32.  Arabic
**      presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE: «ﻻ», «ﮐ») are
**      replaced by their compatibility (NFKC) form.
**   3. Letters, as hazm's normaliser folds them: Arabic yeh and alef maksura
**      (ي ى) and yeh barree (ے) → ی; Arabic kaf (ك) and swash kaf (ڪ) → ک;
**      the Urdu and Kurdish hehs (ھ ہ ە ۂ ۃ) → ه.  «ۀ» (U+06C0) is kept; «هٔ»
**      (ه + hamza above) loses the hamza like every other mark (rule 4).
**      Hamza letters (أ إ ؤ ئ), آ and ة are kept.
**   4. Marks.  Kashida (U+0640), the Arabic harakat, tanwin, shadda, sukun
**      and hamza marks (U+064B–U+065F), the superscript alef (U+0670) and
**      the Quranic annotation signs (U+0610–U+061A, U+06D6–U+06ED) are
**      removed.  Marks that NFC composes first survive as letters
**      (ا + ٓ → آ, ي + ٔ → ئ).
**   5. Digits.  Arabic-Indic digits (٠–٩) → Persian (۰–۹); ASCII digits stay.
**      With TAMAS_NORM_ASCII_DIGITS every digit becomes ASCII.
**   6. Spaces and lines.  Tab, NBSP, U+2000–U+200B, U+202F, U+205F, U+3000,
**      VT and FF are spaces; a run of spaces becomes one ' ', and spaces at
**      the start and end of a line and of the text are removed.  Line breaks
**      (\r\n, \r, NEL, U+2028, U+2029) become '\n'; every line break is kept,
**      empty lines too, since the article reader reads the line structure.
**   7. Stray ZWNJ (U+200C) is removed: at the start or end of a word, next
**      to a space, after a letter that does not join the next one
**      (ا د ذ ر ز ژ و …), next to a digit or punctuation; a run of them
**      becomes one.
**   8. ZWNJ repair, only where it is certain (skipped with
**      TAMAS_NORM_NO_REPAIR).  The lexicons are data under sql/lexicon/:
**        - compounds.tsv: whole words written run together («بینالمللی» →
**          «بین‌المللی», «سهشنبه» → «سه‌شنبه», «مهمترین» → «مهم‌ترین»);
**        - the prefixes می / نمی (after an optional preverb بر در باز فرا فرو
**          وا ور) when the rest of the word is a verb form built on a stem of
**          verb_stems.tsv — a present stem with a personal ending, a past
**          stem with or without one, or a participle: «میکند» → «می‌کند»,
**          «نمیخواهد» → «نمی‌خواهد», «میکردهاند» → «می‌کرده‌اند»,
**          «برمیگردد» → «برمی‌گردد»; «میز», «میلیون», «میلی», «میدان» stay;
**        - the perfect participle: past stem + ه + ام/ایم/اید/اند
**          («بودهاند» → «بوده‌اند», «نکردهاند» → «نکرده‌اند»);
**        - a suffix (ها، های، هایی، هایش، هایشان، هایمان، هایتان; and ای، اش،
**          ام، ایم، اید، اند after a silent ه) after a noun of nouns.tsv or a
**          compound, when exactly one split of the word is possible:
**          «مقامهای» → «مقام‌های», «تنشهای» → «تنش‌های», «بیانیهای» →
**          «بیانیه‌ای», «برنامهریزیها» → «برنامه‌ریزی‌ها»; «نامهای» (نام‌های
**          or نامه‌ای?) stays.  Without the lexicon, only a word ending in
**          «هها» or «یها» is split («هفتهها» → «هفته‌ها»).  A noun listed
**          with a ZWNJ («راه‌حل») is also repaired as a compound;
**        - a suffix written as a word of its own: «می کند» → «می‌کند» (when
**          «کند» is a verb form, and not after a number or «ماه», where «می»
**          is the month of May), «تنش ها» → «تنش‌ها» («کشور ها» → «کشورها»),
**          «خانه ی» → «خانه‌ی», «منطقه ای» → «منطقه‌ای» (ی ای اش ات ام ایم
**          اید اند after a word in ه of three letters or more, not after
**          «همه», «اینکه» and the like: «که ای کاش» stays);
**        - never a ZWNJ after a letter that does not join the next one, and
**          never in a word listed in zwnj_exceptions.tsv («میدانی», «تنها»).
**
** The function runs in time linear in the input, with no recursion and no
** allocation per character (the output and the map grow by doubling).  The
** lexicons are read once per process (pthread_once) and are read-only
** afterwards, so every function here is thread-safe.
*/
#ifndef TAMAS_NORMALIZE_H
#define TAMAS_NORMALIZE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Options of tamas_normalize(), or-ed together. */
#define TAMAS_NORM_ASCII_DIGITS 0x01u /* every digit (Persian, Arabic) → ASCII */
#define TAMAS_NORM_NO_REPAIR 0x02u    /* rule 8 off: no ZWNJ inserted, no
                                         suffix joined; stray ZWNJ still go */
#define TAMAS_NORM_MATCH_KEY 0x04u    /* make a match key (see below) */
#define TAMAS_NORM_MAP_CHARS 0x08u    /* offset map in characters, not bytes */

/* Normalise `len` bytes of UTF-8 `text` (need not be NUL-terminated; may
** hold NUL bytes and invalid sequences; NULL is read as empty).
**
** Returns the normalised text in a malloc'd, NUL-terminated buffer (free it
** with free()), and its length in bytes in *out_len when out_len is not
** NULL.  The result never contains a NUL byte.  Returns NULL only when
** memory runs out.
**
** Offset map: when offset_map is not NULL, *offset_map receives a malloc'd
** array of out_len + 1 entries (free it with free()):
**   map[i]        for each output byte i, the byte offset in `text` of the
**                 input character it comes from.  A character that NFC
**                 composed or that came out of a presentation form maps to
**                 the first input character of its sequence; a space that
**                 stands for a run of spaces maps to the first of them; an
**                 inserted ZWNJ maps to the input position where it was
**                 inserted (the start of the next input character, or the
**                 space it replaces).
**   map[out_len]  = len.
** The map never decreases, so an output span [a, b) comes from the input
** span [map[a], map[b]), which also takes in whatever was removed inside
** it and right after it (marks, kashida, extra spaces).  All bytes of one
** output character carry the same value.
** With TAMAS_NORM_MAP_CHARS the values are character offsets instead of
** byte offsets, counted as SQLite's length() and substr() count characters
** (a lead byte and the continuation bytes after it are one character), so
** substr(input, map[a] + 1, map[b] - map[a]) is the input span of output
** bytes [a, b).  (In invalid UTF-8 a value may then round down to the start
** of SQLite's character.)
*/
char *tamas_normalize(const char *text, size_t len, unsigned options,
                      size_t *out_len, size_t **offset_map);

/* The match key of a word, a phrase or a whole text: the string lexicon
** matching compares, so that spelling variants that mean the same give the
** same key.  It is tamas_normalize() with TAMAS_NORM_MATCH_KEY, plus:
**   - letters folded further: ي ى ے ئ → ی; ك ڪ → ک; ة ۀ ۂ ۃ ھ ہ ە → ه;
**     أ إ ٱ آ → ا; ؤ → و; ASCII letters to lower case;
**   - every digit → ASCII;
**   - no ZWNJ, ZWJ, direction marks (LRM, RLM, embeddings, isolates) or
**     soft hyphen;
**   - line breaks are spaces; one ' ' between words, none at the ends;
**   - no space where rule 8 joins words (always, whatever the options):
**     between می / نمی and a verb form, before ها / های / هایی / هایش /
**     هایشان / هایمان / هایتان, between a word in ه and ی ای اش ات ام ایم
**     اید اند.
** So «میکند», «می کند» and «می‌کند» all give «میکند», and «مقام‌های»,
** «مقام های», «مقامهای» give «مقامهای».  Other spaces stay: «رئیس‌جمهور»
** gives «رییسجمهور» but «رئيس جمهور» gives «رییس جمهور», so a lexicon
** should list both forms, or its user compare keys with spaces removed.
** For any text, key(normalize(text)) == key(text).
** options: TAMAS_NORM_MAP_CHARS only; out_len and offset_map as for
** tamas_normalize().  Returns NULL only when memory runs out. */
char *tamas_match_key(const char *text, size_t len, unsigned options,
                      size_t *out_len, size_t **offset_map);

#ifdef __cplusplus
}
#endif
#endif /* TAMAS_NORMALIZE_H */
