/*
** tamas.h — the C API of the tamas core.
**
** The core (calendars, date reading, normalisation, the article reader
** and contact extraction) is plain C with no SQLite types, so it can be
** unit-tested and reused on its own.  The SQLite extension in ext/sqlite/ is
** a thin layer over these functions.
**
** Conventions
**   - Text is UTF-8, passed as (pointer, byte length); it need not be
**     NUL-terminated and may hold invalid sequences (they are treated as
**     separators, never read past the given length).
**   - Day numbers are Julian Day Numbers (JDN): the integer day on which the
**     Julian date begins at noon.  2022-05-14 is JDN 2459714.
**   - Functions that can fail return 0 (or NULL) on failure and never abort.
*/
#ifndef TAMAS_H
#define TAMAS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The core is linked into tamas.so, which exports only its two SQLite entry
** points (built with -fvisibility=hidden: nothing of it clashes with a
** host's symbols, and calls inside it are direct).  C programs and the unit
** tests link the core's objects and call these functions directly. */

#define TAMAS_VERSION "0.1.0"

/* ---------------------------------------------------------------------------
** Calendars
** ------------------------------------------------------------------------ */

/* The range of Jalali (Solar Hijri) years tamas converts.  Within it the
** arithmetic 33-year rule used here agrees with the official Iranian
** calendar and with ICU's Persian calendar; outside it conversions return 0
** (NULL in SQL) rather than a date that may be a day off. */
#define TAMAS_JALALI_MIN_YEAR 1200
#define TAMAS_JALALI_MAX_YEAR 1632

/* Gregorian years accepted by the Gregorian readers (as SQLite's date()). */
#define TAMAS_GREGORIAN_MIN_YEAR 1
#define TAMAS_GREGORIAN_MAX_YEAR 9999

/* Hijri (lunar) years accepted; converted with ICU's islamic-umalqura. */
#define TAMAS_HIJRI_MIN_YEAR 1300
#define TAMAS_HIJRI_MAX_YEAR 1500

typedef enum tamas_calendar {
  TAMAS_CAL_JALALI = 1,
  TAMAS_CAL_GREGORIAN = 2,
  TAMAS_CAL_HIJRI = 4,
  TAMAS_CAL_ANY = 7
} tamas_calendar;

/* Jalali leap year (30 Esfand exists)?  Valid for any year, exact in the
** supported range. */
int tamas_jalali_is_leap(int year);
/* Days in a Jalali month (1..12) of a year; 0 for a bad month. */
int tamas_jalali_month_days(int year, int month);
int tamas_gregorian_is_leap(int year);
int tamas_gregorian_month_days(int year, int month);

/* Date <-> JDN.  The *_to_jdn functions return 0 when the date does not
** exist or lies outside the supported range. */
int32_t tamas_jalali_to_jdn(int year, int month, int day);
int32_t tamas_gregorian_to_jdn(int year, int month, int day);
/* Hijri lunar date through ICU (islamic-umalqura); 0 if invalid. */
int32_t tamas_hijri_to_jdn(int year, int month, int day);
/* Return 1 and fill y/m/d, or 0 when the JDN is outside the supported
** range of that calendar. */
int tamas_jdn_to_jalali(int32_t jdn, int *year, int *month, int *day);
int tamas_jdn_to_gregorian(int32_t jdn, int *year, int *month, int *day);
int tamas_jdn_to_hijri(int32_t jdn, int *year, int *month, int *day); /* ICU, 1300–1600 AH */
/* Day of the week of a JDN, Iranian numbering: 0 = Saturday .. 6 = Friday. */
int tamas_jdn_weekday(int32_t jdn);

/* Write "YYYY-MM-DD" (10 bytes + NUL) for a Gregorian JDN; returns 10, or 0
** if out of range.  out must hold 11 bytes. */
int tamas_jdn_to_iso(int32_t jdn, char *out);

/* Read a time value as SQLite's date() does: "YYYY-MM-DD", optionally
** followed by " HH:MM[:SS[.SSS]]" (or 'T') and a time zone ("Z", "+03:30"),
** a bare "HH:MM[:SS]" (the day 2000-01-01), or a Julian day number written as
** a decimal number.  Returns 1 and the JDN of the UTC date, else 0.  'now' is
** not accepted: a deterministic function cannot read the clock. */
int tamas_parse_timevalue(const char *s, size_t n, int32_t *jdn);
/* The same for a numeric Julian day (as date(2459714.5)). */
int tamas_julian_day_to_jdn(double jd, int32_t *jdn);

/* Persian names (UTF-8) of Jalali months 1..12 and weekdays 0..6 (Saturday
** first); NULL when out of range. */
const char *tamas_jalali_month_name(int month);
const char *tamas_weekday_name(int weekday);

/* Format a JDN as a Jalali date.  fmt is either a named form
**   "iso"      1401-02-24           (the default, also for fmt == NULL)
**   "numeric"  ۱۴۰۱/۰۲/۲۴
**   "long"     ۲۴ اردیبهشت ۱۴۰۱
**   "full"     شنبه ۲۴ اردیبهشت ۱۴۰۱
**   "weekday"  شنبه
** or a pattern with directives %Y %m %d %e (day, no padding) %B (month name)
** %A (weekday name) %% ; a directive written %O… (e.g. %OY, %Od) uses Persian
** digits, as POSIX strftime's alternative-digit modifier.  Returns the length
** written (excluding the NUL), or -1 if the JDN is out of range, the format
** has an unknown directive, or the result would not fit in cap bytes. */
int tamas_format_jalali(int32_t jdn, const char *fmt, char *out, size_t cap);

/* ---------------------------------------------------------------------------
** Reading dates in Persian text
** ------------------------------------------------------------------------ */

/* A date as written somewhere in a text. */
typedef struct tamas_date_match {
  tamas_calendar calendar; /* the calendar it is written in */
  int year;                /* 0 when the text gives no year */
  int month;               /* 1..12 */
  int day;                 /* 0 when the text gives no day (e.g. «دی ۱۴۰۱») */
  int weekday;             /* weekday written before it (0 = Saturday), or -1 */
  size_t start, end;       /* byte span of the date in the text */
} tamas_date_match;

/* Flags for tamas_find_date(). */
#define TAMAS_FIND_NEED_YEAR 1 /* skip dates written without a year */
#define TAMAS_FIND_NEED_DAY 2  /* skip month-only dates */
#define TAMAS_FIND_VALID 4     /* skip dates that do not exist (31 Mehr) */

/* Find the first date at or after byte offset `from` in one of the calendars
** in the mask `calendars`.  Recognises numeric dates (1401/02/24, 24-2-1401),
** day + month name + year in any order news uses, ordinal days in words
** (بیست و چهارم), month-name variants, and skips times and weekday names.
** Digits may be ASCII, Persian or Arabic-Indic.  Returns 1 and fills *m, or
** 0 when there is none. */
int tamas_find_date(const char *text, size_t len, size_t from,
                    unsigned calendars, unsigned flags, tamas_date_match *m);

/* JDN of a complete match (year, month and day present), or 0. */
int32_t tamas_date_match_jdn(const tamas_date_match *m);

/* The first complete, valid Jalali date in a text as "YYYY-MM-DD" (Gregorian)
** in out[11]; returns 1, or 0 when the text holds none. */
int tamas_jalali_text_to_iso(const char *text, size_t len, char *out);
/* The same for a date in any calendar. */
int tamas_fa_date_text_to_iso(const char *text, size_t len, char *out);

/* ---------------------------------------------------------------------------
** Normalisation
** ------------------------------------------------------------------------ */

/* The Persian text normaliser and the match keys built on it
** (ext/text/normalize.c, with the ZWNJ repair in normalize_repair.c).
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
**      U+FFFD, one per bad byte, as ext/text/utf8.h decodes it.  NUL and the
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
**          never in a word listed in zwnj_exceptions.tsv («میدانی», «تنها»),
**          nor in one with a ZWJ, direction mark or soft hyphen inside (kept
**          as they are, in the word they stand in).
**
** The function runs in time linear in the input, with no recursion and no
** allocation per character (the output and the map grow by doubling).  The
** lexicons are read once per process (pthread_once) and are read-only
** afterwards, so every function here is thread-safe.
*/

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
**   - line breaks are spaces (across which, as in the normalised text, no
**     words are joined); one ' ' between words, none at the ends;
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

/* ---------------------------------------------------------------------------
** The article reader
** ------------------------------------------------------------------------ */

/* A byte span [start, end) of a text. */
typedef struct tamas_span {
  size_t start, end;
} tamas_span;

/* What the reader finds in one scraped news page.  Spans point into the text
** that was read; strings are owned by the article (tamas_article_free). */
typedef struct tamas_article {
  tamas_span title;          /* the headline; start == end when none */
  char published[17];        /* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (local
                                time as printed), "" when the page has none */
  tamas_span published_span; /* where the date was read */
  char *source;              /* the reporting agency or site, or NULL */
  char *cites;               /* agencies it cites, '|'-separated, or NULL */
  char news_code[24];        /* «کد خبر» in ASCII digits, or "" */
  tamas_span *paragraphs;    /* the body: lead and paragraphs, in order */
  size_t n_paragraphs;
} tamas_article;

/* Read one page.  Finds the headline (not a ticker line, menu or label), the
** publication date from the header forms news sites use, the source and the
** agencies cited, the news code, and the body without tickers, navigation,
** related-news lists, comment forms and footers.  Returns 1, or 0 when out of
** memory (the article is then empty but safe to free). */
int tamas_article_read(const char *text, size_t len, tamas_article *a);
void tamas_article_free(tamas_article *a);

/* The same, reading only some parts: without TAMAS_ARTICLE_SOURCES, source
** and cites stay NULL (contact extraction does not need them, and looking
** for «به گزارش …» in every paragraph is a good share of the reading). */
#define TAMAS_ARTICLE_SOURCES 1u
#define TAMAS_ARTICLE_ALL TAMAS_ARTICLE_SOURCES
int tamas_article_read_parts(const char *text, size_t len, unsigned parts,
                             tamas_article *a);

/* The body as one string: the paragraphs joined by "\n".  malloc'd, NUL-
** terminated, length in *out_len; NULL when out of memory. */
char *tamas_article_body(const tamas_article *a, const char *text,
                         size_t *out_len);

/* Sentences of [*pos, end) of text, one per call: returns 1 and the span of
** the next sentence (trimmed), or 0 when none is left.  Breaks after . ؟ ? !
** ؛ and at line breaks; not inside «…» quotes, not in numbers (2.5), and not
** after a single-letter abbreviation (ا.م). */
int tamas_next_sentence(const char *text, size_t end, size_t *pos,
                        tamas_span *sentence);

/* ---------------------------------------------------------------------------
** Contact extraction
** ------------------------------------------------------------------------ */

typedef enum tamas_status {
  TAMAS_OCCURRED, TAMAS_PLANNED, TAMAS_PROPOSED, TAMAS_REQUESTED, TAMAS_REFUSED,
  TAMAS_DENIED
} tamas_status;

typedef enum tamas_precision {
  TAMAS_NO_DATE, TAMAS_DAY, TAMAS_WEEK, TAMAS_MONTH, TAMAS_YEAR
} tamas_precision;

/* How the sides were in contact, the less specific first (a report that
** says «تلفنی» makes an «unspecified» contact a phone call). */
typedef enum tamas_medium {
  TAMAS_MEDIUM_UNSPECIFIED = 1, TAMAS_LETTER, TAMAS_VIDEO, TAMAS_PHONE, TAMAS_IN_PERSON
} tamas_medium;

/* One side of a contact. */
typedef struct tamas_actor {
  char name[128];      /* English Wikipedia title, or "org:USA" */
  tamas_span fa;       /* the words in the text that name it */
  char country[8];     /* ISO 3166-1 alpha-3 (or an organisation code) */
  char office[40];     /* office code (sql/lexicon/offices.tsv) or "" */
  int known;           /* 1 when the person is in the lexicon */
} tamas_actor;

typedef struct tamas_event {
  tamas_medium medium;
  tamas_status status;
  tamas_actor actor[2];
  char initiator[8];   /* country code of the side that initiated, or "" */
  char place[8];       /* where an in-person contact took place: the country
                          code of the place the text names («در مسکو»,
                          «سفر … به تهران»), or "" when it names none */
  int32_t date, date_end; /* JDN; 0 when unknown */
  tamas_precision precision;
  tamas_span date_text; /* in the contact's clause, or the sentence before
                           when its own names no time */
  const char *date_basis; /* how the date was fixed: "text" (a full date),
                             "published" (a relative word, a weekday or a
                             day and month, with the publication day),
                             "window" (a day and month, with the years the
                             article's persons held office), or NULL */
  int first_time;
  int mentions;
  tamas_span evidence; /* the sentence, bytes in the text */
  char rules[160];     /* the rules of sql/rules/ that built it, ','-separated */
} tamas_event;

typedef struct tamas_extraction {
  tamas_event *events;
  size_t n_events;
  char published[17];  /* the date used: given, or found in the page */
} tamas_extraction;

/* Extract the contact events of one text: a sentence, a paragraph or a
** whole scraped page (the article reader finds its body and date).
** `published` ("YYYY-MM-DD…"), when not NULL, replaces the date found in the
** page.  `overlay` holds actors added at run time (NULL for none).  Returns 1,
** or 0 when out of memory.  Free with tamas_extraction_free(). */
int tamas_extract(const char *text, size_t len, const char *published,
                  const void *overlay, tamas_extraction *out);

/* The same for a page already read with tamas_article_read(_parts), so a
** caller that also wants the title reads the page once. */
int tamas_extract_article(const char *text, const tamas_article *a,
                          const char *published, const void *overlay,
                          tamas_extraction *out);
void tamas_extraction_free(tamas_extraction *x);

/* Actors added at run time, for one connection (NULL when out of memory),
** and adding one: country and office as codes, start/end ISO dates or NULL,
** aliases the Persian forms '|'-separated, wikidata its Wikidata item
** ("Q7747") or NULL.  Returns NULL, or what is wrong. */
void *tamas_actor_overlay_new(void);
void tamas_actor_overlay_free(void *overlay);
const char *tamas_actor_add(void *overlay, const char *name, const char *country,
                            const char *office, const char *start, const char *end,
                            const char *aliases, const char *wikidata);
/* The Wikidata item ("Q7747") of a person of the lexicon, by name (the
** actor1/actor2 of an event), looked up in `overlay` (may be NULL) and then
** the built-in lexicon; NULL when unknown or not confirmed.  The string
** lives as long as the lexicon. */
const char *tamas_actor_wikidata(const void *overlay, const char *name);

/* The actor lexicon, one row per person and office held: the built-in rows,
** then those added at run time to `overlay` (which may be NULL).  Returns 0
** past the last row.  Strings belong to the lexicon. */
typedef struct tamas_actor_row {
  const char *name, *country, *office, *aliases;
  const char *wikidata; /* "Q7747", "" when not confirmed */
  int32_t start, end; /* JDN, 0 = open */
  int added;          /* 1 for a row added at run time */
} tamas_actor_row;
int tamas_actor_row_at(const void *overlay, size_t i, tamas_actor_row *row);

/* The names of statuses, media and precisions as SQL shows them
** ("occurred", "in_person", "week"), their Persian labels, and the way back
** from a name of n bytes: -1 (status) or 0 (medium) when it is none.  One
** table (ext/lexicon/terms.c) for every part of tamas. */
const char *tamas_status_name(tamas_status s);
const char *tamas_status_label(tamas_status s);
int tamas_status_from_name(const char *name, size_t n);
const char *tamas_medium_name(tamas_medium m);
const char *tamas_medium_label(tamas_medium m);
int tamas_medium_from_name(const char *name, size_t n);
const char *tamas_precision_name(tamas_precision p);
/* CAMEO 1.1b3 code and PLOVER type of an event (sql/lexicon/cameo.tsv). */
const char *tamas_event_cameo(const tamas_event *e);
const char *tamas_event_plover(const tamas_event *e);

/* All the codes of an event (ext/extract/event_codes.c), by its medium, its
** status and how its place stands to the sides' countries: the place of
** actor2's country is a visit by actor1 (CAMEO 042, PLOVER CONSULT visit),
** of actor1's country a visit actor1 hosts (043), a country of neither a
** third location (044, third-party), an organisation's code a multilateral
** meeting; the first row of cameo.tsv that fits wins.  Strings are static;
** "" when none.  Returns 0 (and empty codes) when no row fits. */
typedef struct tamas_codes {
  const char *cameo;  /* CAMEO 1.1b3: "040", "042" … */
  const char *plover; /* PLOVER event: "CONSULT", "AGREE", "REQUEST", "REJECT" */
  const char *mode;   /* PLOVER mode: "visit", "third-party", "multilateral",
                         "phone", "meet", or "" */
  int quad;           /* PLOVER quad category: 1 verbal cooperation, 3 verbal
                         conflict (2, 4 material), 0 none */
  double scale;       /* the PLOVER manual's conflict–cooperation score */
  int host;           /* a visit: the side in whose country it took place (0
                         actor1, 1 actor2); -1 otherwise */
} tamas_codes;
int tamas_event_codes(const tamas_event *e, tamas_codes *out);

/* The PLOVER code of a side's country or organisation code: a state's ISO
** alpha-3 as is (Kosovo's XKX is KOS), an organisation's from orgs.tsv (UNO,
** EUR, IGO); NULL for NULL or "".  The PLOVER sector of an office code
** (offices.tsv: GOV, MIL, SPY, LEG), or NULL. */
const char *tamas_plover_code(const char *code);
const char *tamas_plover_sector(const char *office);
/* Is the code an organisation's (orgs.tsv), not a country's? */
int tamas_is_organisation(const char *code);

/* ---------------------------------------------------------------------------
** Files: walking a path and reading an article file
** ------------------------------------------------------------------------ */

/* The largest article tamas reads.  A bigger file is reported, not read
** (tamas_articles' error column; tamas_events skips it); a bigger text given
** to extract_contacts() is an error.  A news page is tens of kilobytes;
** 16 MiB bounds the memory (a few times the text) and the time (seconds)
** one article can take.  SQLITE_LIMIT_LENGTH lowers it further. */
#define TAMAS_MAX_FILE_BYTES (16 * 1024 * 1024)
#define TAMAS_MAX_FILE_TEXT "16 MiB" /* the same, for messages */
/* Directories deeper than this below the start are not entered. */
#define TAMAS_WALK_MAX_DEPTH 64

typedef struct tamas_walk tamas_walk;

/* Start walking `path`: a file, a directory (walked recursively in name
** order; names starting with '.' and symbolic links to directories are
** skipped, so a link loop cannot trap the walk), or a glob pattern (* ? [).
** Returns NULL and a malloc'd message in *err when the path does not exist
** or cannot be read ("cannot open 'x': No such file or directory"), or when a
** glob matches nothing. */
tamas_walk *tamas_walk_open(const char *path, char **err);
/* The next file (a regular file, or a FIFO, socket or device, which
** tamas_read_text_file refuses), or NULL at the end.  The string lives until
** the next call. */
const char *tamas_walk_next(tamas_walk *w);
void tamas_walk_close(tamas_walk *w);

/* Read a whole file as text.  Returns a malloc'd NUL-terminated buffer and
** its length, or NULL with a static reason in *why: "unreadable: <errno
** text>", "not a regular file" (never waiting on a FIFO), "a folder, not a
** file", "larger than N bytes" (N = TAMAS_MAX_FILE_BYTES or max_bytes),
** "binary (NUL bytes)", "not UTF-8", "out of memory".  max_bytes, when not
** 0, lowers the size limit (e.g. to SQLITE_LIMIT_LENGTH). */
char *tamas_read_text_file(const char *path, size_t max_bytes, size_t *len,
                           const char **why);

/* ---------------------------------------------------------------------------
** Scanning a corpus: files walked, read and analysed by worker threads and
** handed back one at a time, in walk order
** ------------------------------------------------------------------------ */

/* What a scan does with each file it reads. */
typedef enum tamas_scan_kind {
  TAMAS_SCAN_ARTICLES, /* the article (sources too) and its body */
  TAMAS_SCAN_EVENTS    /* the article (no sources) and its contact events */
} tamas_scan_kind;

/* Threads a scan uses at most (threads = 0 asks for one per core, up to this). */
#define TAMAS_SCAN_MAX_THREADS 16

typedef struct tamas_scan_options {
  tamas_scan_kind kind;
  size_t max_bytes;      /* as for tamas_read_text_file (0: the default) */
  const char *published; /* TAMAS_SCAN_EVENTS: replaces the page's date, or NULL */
  const void *overlay;   /* TAMAS_SCAN_EVENTS: actors added at run time, or NULL */
  unsigned article_parts; /* TAMAS_SCAN_EVENTS: what else the article reader
                            reads (TAMAS_ARTICLE_SOURCES: article.source) */
  int threads;           /* 1: the caller's thread only; n > 1: the caller
                            and n - 1 worker threads; 0: one per core (at
                            most TAMAS_SCAN_MAX_THREADS; 1 on one core).
                            A single file starts no worker. */
} tamas_scan_options;

/* One file, as the scan hands it back. */
typedef struct tamas_scanned {
  const char *file;
  char *text;            /* the file's text, or NULL: `error` says why */
  size_t len;
  const char *error;     /* tamas_read_text_file's reason, or NULL */
  tamas_article article; /* when text */
  char *body;            /* TAMAS_SCAN_ARTICLES: tamas_article_body() */
  size_t body_len;
  tamas_extraction events; /* TAMAS_SCAN_EVENTS */
} tamas_scanned;

typedef struct tamas_scan tamas_scan;

/* Start scanning `path` (as tamas_walk_open; NULL and *err the same way).
** Threads read ahead of the caller by at most two files each, so memory
** does not grow with the corpus.  `opt` is copied; `published` and
** `overlay` must outlive the scan. */
tamas_scan *tamas_scan_open(const char *path, const tamas_scan_options *opt, char **err);
/* The next file in walk order, or NULL at the end or when memory ran out
** (then *nomem is 1).  The item lives until the next call or the close. */
const tamas_scanned *tamas_scan_next(tamas_scan *s, int *nomem);
/* Stop the workers (each finishes the file it is on) and free everything. */
void tamas_scan_close(tamas_scan *s);
/* The threads a scan with `threads` asks for would use. */
int tamas_scan_threads(int threads);

/* Is s[0..n) valid UTF-8 (no overlong forms, surrogates or truncation)? */
int tamas_utf8_valid(const char *s, size_t n);
/* Characters in s[0..n) as SQLite's length() counts them: code points in
** valid UTF-8; in invalid UTF-8 a lead byte and the continuation bytes after
** it are one character and any other byte is one. */
size_t tamas_utf8_chars(const char *s, size_t n);

/* ---------------------------------------------------------------------------
** Contacts: the reports of one real-world contact grouped into one
** ------------------------------------------------------------------------ */

/* A call reported by a dozen outlets, on the day, for days after and again
** as background in later articles, is one contact: tamas_contacts groups
** report rows (one per contact per article, as extraction gives them).
**
** Two reports are one contact when they have the same two sides (in either
** order), the same status, and agree on everything both of them say:
**   - medium: equal, or one of them `unspecified`;
**   - date: one date contains the other (equal days; a week or a month
**     contains a day of it, a month a week of it);
**   - sides: equal; or a side known only as "org:CCC" stands for a person
**     whose country is CCC, when the other side is the same person in both.
** A report that says less than another (a month instead of a day, an
** unspecified medium, an "org:" side) joins the one contact that agrees with
** it.  When two or more contacts agree with it, it cannot be placed: it is a
** contact of its own, and `alternatives` says how many it could have been.
** A report with no date joins a dated contact when its article was
** published 0 to TAMAS_CONTACT_REPORT_DAYS days after the contact's date
** (for a week or month, after its last day; for a plan, a proposal or a
** request, which are reported before their date, also up to as many days
** before it) and exactly one such contact agrees with it.  Otherwise it is
** a contact of its own, together with the undated reports of the same
** sides, status and medium published the same day (the same news that
** day); without a publication date, with those of its article only.
**
** How: reports that say exactly the same are counted together as they come
** (one entry per distinct report, so memory follows the contacts and the
** articles they list, not the rows); then the
** entries are taken from the most precise to the least (a day before a week
** before a month before no date; persons before "org:" sides; a medium
** before `unspecified`), each joining the one earlier contact that agrees
** with it, or starting one.  A contact's values are the most precise its
** reports give.  The result depends on the set of reports, not on their
** order; grouping is transitive (a report that joins a contact joins all of
** its reports). */

/* Days after a contact within which an undated report is placed at it. */
#define TAMAS_CONTACT_REPORT_DAYS 7
/* A planned, proposed or requested contact without a date is fulfilled by
** an occurred one at most this many days after it was first reported. */
#define TAMAS_CONTACT_PLAN_DAYS 30

/* One report: a row of tamas_events, or of a table made from it.  Strings
** are copied; NULL is empty. */
typedef struct tamas_report {
  const char *actor[2];     /* "Sergey Lavrov", or "org:USA" */
  const char *country[2];   /* "RUS" */
  tamas_status status;
  tamas_medium medium;
  int32_t date, date_end;   /* JDN; date 0: undated; date_end 0: = date */
  tamas_precision precision; /* TAMAS_NO_DATE with a date: from its length */
  const char *published;    /* the article's publication date as written
                               ("2024-10-24 10:15"), or NULL */
  int32_t published_day;    /* … its day (JDN), 0 when unknown */
  const char *file;         /* the article */
  const char *source;       /* the outlet that published it */
  const char *evidence;     /* the sentence, evidence_len bytes */
  size_t evidence_len;
} tamas_report;

/* One contact, as tamas_contacts_at gives it.  Strings and the file list
** belong to the set. */
typedef struct tamas_contact {
  int64_t id;               /* stable: a hash of the sides, status, medium and
                               dates (undated: the day published, or the
                               article), 1 .. 2^48 */
  const char *actor[2];     /* actor[0] sorts before actor[1] */
  const char *country[2];
  tamas_status status;
  tamas_medium medium;      /* the most specific its reports give */
  int32_t date, date_end;   /* the most precise date they agree on; 0 none */
  tamas_precision precision;
  size_t reports;           /* rows */
  size_t sources;           /* distinct outlets */
  const char *first_reported, *last_reported; /* publication dates, or NULL */
  const char *evidence;     /* the earliest report's sentence (NUL-terminated) */
  const char *evidence_file;
  const char *const *files; /* the distinct articles, sorted by name */
  size_t n_files;
  int64_t fulfilled_by;     /* planned, proposed or requested: the id of the
                               first occurred contact of the same sides and
                               medium whose date lies in its dates (undated:
                               in the TAMAS_CONTACT_PLAN_DAYS after it was
                               first reported); else 0 */
  size_t alternatives;      /* contacts its reports could have joined when
                               there was more than one; else 0 */
} tamas_contact;

typedef struct tamas_contacts tamas_contacts;

/* An empty set, or NULL when out of memory. */
tamas_contacts *tamas_contacts_new(void);
/* Add a report.  Returns 1; 0 when out of memory; -1 when the report is not
** one (a status, medium or precision out of range, date_end before date). */
int tamas_contacts_add(tamas_contacts *set, const tamas_report *r);
/* Add the events of every article under `path`, scanned as tamas_events
** scans it (`opt`: threads, max_bytes, overlay, published; the kind and the
** parts are set here).  Returns 1; 0 with a malloc'd message in *err when
** the path cannot be read, or with *err NULL when out of memory. */
int tamas_contacts_add_path(tamas_contacts *set, const char *path,
                            const tamas_scan_options *opt, char **err);
/* Group what was added (once; nothing can be added after).  Returns 1, or 0
** when out of memory (then the set has no contacts; free it).  Then
** contacts 0 .. count-1 in order of date (undated last), sides, status and
** medium. */
int tamas_contacts_group(tamas_contacts *set);
size_t tamas_contacts_count(const tamas_contacts *set);
const tamas_contact *tamas_contacts_at(const tamas_contacts *set, size_t i);
void tamas_contacts_free(tamas_contacts *set);

/* ---------------------------------------------------------------------------
** The timeline: contacts drawn as SVG
** ------------------------------------------------------------------------ */

/* Rows are collected, then drawn: one lane per pair of actors, a mark per
** row placed by its date (a JDN, 0 when undated), shaped by its medium and
** filled by its status (names as tamas_medium_name and tamas_status_name
** give them; another value is drawn as "other").  A NULL actor is drawn as
** "?"; a row whose actors are both NULL is not drawn.  The picture depends
** only on the set of rows, not their order.  tamas_timeline_add copies its
** strings and returns 0 when out of memory; tamas_timeline_svg returns the
** SVG (malloc'd, NUL-terminated, its length in *len), or NULL when out of
** memory; a NULL or empty timeline gives a small SVG that says so. */
typedef struct tamas_timeline tamas_timeline;
tamas_timeline *tamas_timeline_new(void);
int tamas_timeline_add(tamas_timeline *t, int32_t jdn, const char *actor1, const char *actor2,
                       const char *status, const char *medium);
char *tamas_timeline_svg(tamas_timeline *t, size_t *len);
void tamas_timeline_free(tamas_timeline *t);

/* ---------------------------------------------------------------------------
** Exchange: PLOVER records and the contact network (ext/export/)
** ------------------------------------------------------------------------ */

/* One event as a table row gives it: tamas_events' columns, as text (NULL
** when the row has no such column, or it is NULL). */
typedef struct tamas_event_row {
  const char *id;         /* the row's own identifier, or NULL: one is made */
  const char *file, *title;
  const char *medium, *status;
  const char *actor[2], *actor_fa[2], *country[2], *office[2];
  const char *initiator, *place;
  const char *date, *date_end, *date_precision;
  const char *evidence;
  long long evidence_start, evidence_end; /* 1-based characters, inclusive
                                             (tamas_events); 0 when unknown */
  const char *published;
} tamas_event_row;

/* The PLOVER record of an event row: one line of JSON with the fields the
** PLOVER manual defines (id, date, enddate, actor, recipient, event, mode,
** quad_code, event_scale, event_loc, event_text, text_info, cite_info) and a
** few of tamas's own (cameo, status, medium, date_precision).  A side is an
** entity {code, sector, entity_text, identifier_id (Wikidata, from the
** lexicon or `overlay`), identifier_text, office}.  A visit puts the visitor
** under actor and the host under recipient; other consultations put both
** sides under actor, as the manual's CONSULT section says; other events
** have actor1 (or the initiating side) as actor.
** Returns 1 and the record in *json (malloc'd, its length in *len); 0 for a
** row PLOVER cannot hold (no date, or no actor: *why says which); -1 when a
** value is wrong (a status, medium or date tamas does not know: *why says
** it, in why_cap bytes); -2 when memory ran out. */
int tamas_plover_record(const tamas_event_row *row, const void *overlay, char **json,
                        size_t *len, char *why, size_t why_cap);
/* The id tamas gives a record whose row has none: "tamas-" and 16 hex
** digits, a hash of the file, the evidence's place and text, the sides,
** status, medium, date and place: the same event of the same article gets
** the same id in every run.  out holds 32 bytes. */
void tamas_plover_id(const tamas_event_row *row, char *out);

/* The contact network as GraphML, collected row by row and then written:
** nodes are actors (by name: label, country, office — those of their latest
** dated row — and Wikidata item), edges the pairs that were in contact
** (A–B and B–A are one edge) with the number of rows (weight), counts by
** status and by medium, and the first and last date (JDN, 0 when undated).
** A row with a NULL actor is left out.  The document depends only on the
** set of rows.  tamas_graph_add copies its strings and returns 0 when out
** of memory; tamas_graph_graphml returns the document (malloc'd), or NULL
** when out of memory; a NULL or empty graph gives a graph with no nodes. */
typedef struct tamas_graph tamas_graph;
tamas_graph *tamas_graph_new(const void *overlay);
int tamas_graph_add(tamas_graph *g, int32_t jdn, const char *actor1, const char *actor2,
                    const char *status, const char *medium, const char *country1,
                    const char *office1, const char *country2, const char *office2);
char *tamas_graph_graphml(tamas_graph *g, size_t *len);
void tamas_graph_free(tamas_graph *g);

/* ---------------------------------------------------------------------------
** Build information
** ------------------------------------------------------------------------ */

/* ICU's version ("72.1") and PCRE2's ("10.42 2022-12-11"), written to out
** (truncated to cap bytes, NUL included); whether PCRE2 JIT compilation works
** in this process (1) or not (0). */
void tamas_icu_version(char *out, size_t cap);
void tamas_pcre2_version(char *out, size_t cap);
int tamas_pcre2_jit_available(void);

#ifdef __cplusplus
}
#endif
#endif /* TAMAS_H */
