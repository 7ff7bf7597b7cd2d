/*
** datewords.c — the words of Persian dates and a hash table to look them up.
**
** This is a calendar's closed vocabulary (twelve months of three calendars,
** seven weekdays, day numbers), not an open lexicon, so it lives here beside
** the date reader rather than under sql/.  Entries are written as Persian
** media spell them; a space marks where the word may also be written apart
** («سه شنبه», «اردی بهشت», «ربیع الاول»).  At first use each entry is folded
** the same way the scanner folds text (ي→ی, ك→ک, no ZWNJ, no spaces) and put
** in an open-addressing hash table, together with the prefixes that end at a
** space, so the scanner knows when to try joining the next word.
*/
#include "datewords.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "data/hash.h"
#include "text/fold.h"
#include "text/utf8.h"

typedef struct dateword_entry {
  const char *text;
  dateword word;
} dateword_entry;

#define JM(t, v) {t, {DW_JALALI_MONTH, v, 0, 0}}
#define JM_NOUN(t, v) {t, {DW_JALALI_MONTH, v, 0, 1}}
#define GM(t, v) {t, {DW_GREGORIAN_MONTH, v, 0, 0}}
#define GM_NOUN(t, v) {t, {DW_GREGORIAN_MONTH, v, 0, 1}}
#define HM(t, v) {t, {DW_HIJRI_MONTH, v, 0, 0}}
#define HM_NOUN(t, v) {t, {DW_HIJRI_MONTH, v, 0, 1}}
#define NUM(t, v) {t, {DW_NUMBER, v, 0, 0}}
#define TENS(t, v) {t, {DW_NUMBER, v, 1, 0}}

static const dateword_entry entries[] = {
    /* Jalali months, with the older and Arabic-script variants. */
    JM("فروردین", 1), JM("اردیبهشت", 2), JM("اردی بهشت", 2), JM("خرداد", 3),
    JM("تیر", 4), JM("مرداد", 5), JM("امرداد", 5), JM("شهریور", 6),
    JM("مهر", 7), JM("آبان", 8), JM("آذر", 9), JM("دی", 10), JM("بهمن", 11),
    JM("اسفند", 12),
    /* The same months as Afghanistan names them (Dari).  Several are also
    ** common nouns (میزان "amount", اسد "lion", قوس "arc"), so they count
    ** only in a date with a year. */
    JM_NOUN("حمل", 1), JM_NOUN("ثور", 2), JM_NOUN("جوزا", 3),
    JM_NOUN("سرطان", 4), JM_NOUN("اسد", 5), JM_NOUN("سنبله", 6),
    JM_NOUN("میزان", 7), JM_NOUN("عقرب", 8), JM_NOUN("قوس", 9),
    JM_NOUN("جدی", 10), JM_NOUN("دلو", 11), JM_NOUN("حوت", 12),

    /* Gregorian months in Persian (Iranian and Dari forms) and English. */
    GM("ژانویه", 1), GM("ژانویهٔ", 1), GM("جنوری", 1), GM("فوریه", 2),
    GM("فبروری", 2), GM("مارس", 3), GM("مارچ", 3), GM("آوریل", 4),
    GM("آپریل", 4), GM("اپریل", 4), GM("اوریل", 4), GM_NOUN("مه", 5),
    GM_NOUN("می", 5), GM("مئی", 5), GM("ژوئن", 6), GM("ژوین", 6),
    GM("جون", 6), GM("ژوئیه", 7), GM("ژوییه", 7), GM("جولای", 7),
    GM("اوت", 8), GM("آگوست", 8), GM("اگوست", 8), GM("آگست", 8),
    GM("اگست", 8), GM("سپتامبر", 9), GM("سپتمبر", 9), GM("اکتبر", 10),
    GM("اکتوبر", 10), GM("نوامبر", 11), GM("نومبر", 11), GM("دسامبر", 12),
    GM("دسمبر", 12),
    GM("january", 1), GM("february", 2), GM("march", 3), GM("april", 4),
    GM("may", 5), GM("june", 6), GM("july", 7), GM("august", 8),
    GM("september", 9), GM("october", 10), GM("november", 11),
    GM("december", 12), GM("jan", 1), GM("feb", 2), GM("mar", 3),
    GM("apr", 4), GM("jun", 6), GM("jul", 7), GM("aug", 8), GM("sep", 9),
    GM("sept", 9), GM("oct", 10), GM("nov", 11), GM("dec", 12),

    /* Hijri lunar months. */
    HM("محرم", 1), HM("محرم الحرام", 1), HM_NOUN("صفر", 2),
    HM("صفر المظفر", 2), HM("ربیع الاول", 3), HM("ربیع الاولی", 3),
    HM("ربیع الثانی", 4), HM("ربیع الآخر", 4), HM("ربیع الاخر", 4),
    HM("جمادی الاول", 5), HM("جمادی الاولی", 5), HM("جمادی الثانی", 6),
    HM("جمادی الثانیه", 6), HM("جمادی الآخر", 6), HM("جمادی الاخر", 6),
    HM("جمادی الآخره", 6), HM("جمادی الاخره", 6), HM("رجب", 7),
    HM("رجب المرجب", 7), HM("شعبان", 8), HM("شعبان المعظم", 8),
    HM("رمضان", 9), HM("رمضان المبارک", 9), HM("شوال", 10),
    HM("شوال المکرم", 10), HM("ذی القعده", 11), HM("ذیقعده", 11),
    HM("ذو القعده", 11), HM("ذی الحجه", 12), HM("ذیحجه", 12),
    HM("ذو الحجه", 12),

    /* Day numbers in words: ordinals and cardinals. */
    NUM("یکم", 1), NUM("اول", 1), NUM("دوم", 2), NUM("سوم", 3),
    NUM("چهارم", 4), NUM("پنجم", 5), NUM("ششم", 6), NUM("هفتم", 7),
    NUM("هشتم", 8), NUM("نهم", 9), NUM("دهم", 10), NUM("یازدهم", 11),
    NUM("دوازدهم", 12), NUM("سیزدهم", 13), NUM("چهاردهم", 14),
    NUM("پانزدهم", 15), NUM("پونزدهم", 15), NUM("شانزدهم", 16),
    NUM("هفدهم", 17), NUM("هیفدهم", 17), NUM("هجدهم", 18),
    NUM("هیجدهم", 18), NUM("نوزدهم", 19), NUM("بیستم", 20),
    NUM("سی ام", 30), NUM("سیم", 30),
    NUM("یک", 1), NUM("دو", 2), NUM("سه", 3), NUM("چهار", 4), NUM("پنج", 5),
    NUM("شش", 6), NUM("هفت", 7), NUM("هشت", 8), NUM("نه", 9), NUM("ده", 10),
    NUM("یازده", 11), NUM("دوازده", 12), NUM("سیزده", 13),
    NUM("چهارده", 14), NUM("پانزده", 15), NUM("شانزده", 16),
    NUM("هفده", 17), NUM("هجده", 18), NUM("هیجده", 18), NUM("نوزده", 19),
    TENS("بیست", 20), TENS("سی", 30),

    {"و", {DW_AND, 0, 0, 0}},
    {"ماه", {DW_MONTH_WORD, 0, 0, 0}},
    {"سال", {DW_YEAR_WORD, 0, 0, 0}},
    {"روز", {DW_DAY_WORD, 0, 0, 0}},
    {"ام", {DW_ORDINAL_SUFFIX, 0, 0, 0}},
};

#define N_ENTRIES (sizeof entries / sizeof entries[0])

/* The weekdays, Saturday first: the name in full, as tamas_weekday_name
** gives it, and the two words news also writes it as («سه شنبه»).  The one
** list of weekday names: the date reader, the Jalali formatter and the
** contact lexicon's weekday cues read it. */
static const struct {
  const char *name, *two_words;
} weekdays[7] = {
    {"شنبه", NULL},           {"یکشنبه", "یک شنبه"},     {"دوشنبه", "دو شنبه"},
    {"سه‌شنبه", "سه شنبه"},   {"چهارشنبه", "چهار شنبه"}, {"پنج‌شنبه", "پنج شنبه"},
    {"جمعه", NULL}};
static dateword_entry weekday_entries[7];

const char *tamas_weekday_name(int weekday) {
  return weekday >= 0 && weekday <= 6 ? weekdays[weekday].name : NULL;
}

const char *dateword_weekday_in_words(int weekday) {
  if (weekday < 0 || weekday > 6) return NULL;
  return weekdays[weekday].two_words ? weekdays[weekday].two_words : weekdays[weekday].name;
}
#define KEY_MAX 48
#define SLOTS 1024 /* power of two, well above 2x the keys and prefixes */

typedef struct slot {
  char key[KEY_MAX];
  unsigned char len;
  unsigned char is_prefix;     /* some entry continues after this key */
  const dateword *word;        /* NULL when the key is only a prefix */
} slot;

static slot table[SLOTS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

/* A quick no: most words of a text are not date words.  One bit per
** dateword_head_hash (datewords.h), set for every key and prefix and for
** each month name with «ماه» glued on: a word whose bit is clear is none of
** them.  A second such set holds only the words that may begin a date
** (dateword_may_start). */
static unsigned char heads[DATEWORD_HEAD_BITS / 8];
unsigned char dateword_start_heads[DATEWORD_HEAD_BITS / 8];

static void add_head(unsigned char *bits, const char *k, size_t n) {
  uint32_t h = dateword_head_hash(k, n);
  bits[h / 8] |= (unsigned char)(1u << (h % 8));
}

static int has_head(const unsigned char *bits, const char *k, size_t n) {
  uint32_t h = dateword_head_hash(k, n);
  return bits[h / 8] >> (h % 8) & 1;
}


static slot *find_slot(const char *key, size_t len, int create) {
  uint32_t i;
  if (!create && !has_head(heads, key, len)) return NULL;
  for (i = fnv1a(key, len) & (SLOTS - 1);; i = (i + 1) & (SLOTS - 1)) {
    slot *s = &table[i];
    if (s->len == 0) {
      if (!create) return NULL;
      memcpy(s->key, key, len);
      s->len = (unsigned char)len;
      add_head(heads, key, len);
      return s;
    }
    if (s->len == len && memcmp(s->key, key, len) == 0) return s;
  }
}

/* «ماه» in folded UTF-8. */
static const char month_suffix[] = "\xd9\x85\xd8\xa7\xd9\x87";

static int is_month(dateword_kind kind) {
  return kind == DW_JALALI_MONTH || kind == DW_GREGORIAN_MONTH || kind == DW_HIJRI_MONTH;
}

int dateword_is_month(const dateword *w) { return is_month(w->kind); }

int dateword_has_month_suffix(const char *word, size_t len) {
  return len > sizeof month_suffix - 1 &&
         memcmp(word + len - (sizeof month_suffix - 1), month_suffix, sizeof month_suffix - 1) == 0;
}

/* Fold an entry's text as the scanner folds words; a space ends a part. */
static void add_entry(const dateword_entry *e) {
  const unsigned char *s = (const unsigned char *)e->text;
  size_t n = strlen(e->text), i = 0, len = 0, cl;
  char key[KEY_MAX];
  while (i < n) {
    uint32_t cp = tamas_utf8_decode(s, n, i, &cl);
    i += cl;
    if (cp == ' ') {
      find_slot(key, len, 1)->is_prefix = 1;
      add_head(dateword_start_heads, key, len);
      continue;
    }
    if (tamas_is_invisible(cp) || tamas_is_ignorable_mark(cp)) continue;
    len += tamas_utf8_encode(tamas_fold_letter(cp), key + len);
  }
  find_slot(key, len, 1)->word = &e->word;
  if (is_month(e->word.kind)) { /* «اسفندماه» starts as «اسفند» + «ماه» */
    add_head(dateword_start_heads, key, len);
    memcpy(key + len, month_suffix, 6);
    add_head(heads, key, len + 6);
    add_head(dateword_start_heads, key, len + 6);
  } else if (e->word.kind == DW_NUMBER || e->word.kind == DW_MONTH_WORD ||
             e->word.kind == DW_WEEKDAY) {
    add_head(dateword_start_heads, key, len);
  }
}

static void build_table(void) {
  size_t i;
  for (i = 0; i < N_ENTRIES; i++) add_entry(&entries[i]);
  /* the two-word form gives the key of both (a key has no spaces) and the
  ** prefix the scanner joins the next word to («سه» + «شنبه») */
  for (i = 0; i < 7; i++) {
    weekday_entries[i] = (dateword_entry){dateword_weekday_in_words((int)i), {DW_WEEKDAY, (int)i, 0, 0}};
    add_entry(&weekday_entries[i]);
  }
}

const dateword *dateword_lookup_prefix(const char *key, size_t len, int *is_prefix) {
  const slot *s;
  *is_prefix = 0;
  if (len == 0 || len >= KEY_MAX) return NULL;
  pthread_once(&table_once, build_table);
  s = find_slot(key, len, 0);
  if (s) *is_prefix = s->is_prefix;
  if (s && s->word) return s->word;
  /* «اسفندماه», «دیماه»: a month name with «ماه» glued on. */
  if (dateword_has_month_suffix(key, len)) {
    s = find_slot(key, len - 6, 0);
    if (s && s->word && is_month(s->word->kind)) return s->word;
  }
  return NULL;
}

void dateword_ready(void) { pthread_once(&table_once, build_table); }

const dateword *dateword_lookup(const char *key, size_t len) {
  int is_prefix;
  return dateword_lookup_prefix(key, len, &is_prefix);
}

int dateword_is_join_prefix(const char *key, size_t len) {
  const slot *s;
  if (len == 0 || len >= KEY_MAX) return 0;
  pthread_once(&table_once, build_table);
  s = find_slot(key, len, 0);
  return s != NULL && s->is_prefix;
}
