/*
** test_normalize.c — the Persian text normaliser and the match keys
** (include/tamas.h), and the SQL function fa_normalize() over a mock
** of SQLite's extension API (no SQLite library is linked into unit tests).
*/
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "data/lexicon_data.h"
#include "tamas.h"
#include "data/tsv.h"


/* Normalise a C string; the result lives until the next call. */
static const char *norm_opt(const char *s, unsigned opts) {
  static char *last;
  size_t n;
  free(last);
  last = tamas_normalize(s, strlen(s), opts, &n, NULL);
  return last;
}
static const char *norm(const char *s) { return norm_opt(s, 0); }

static const char *key(const char *s) {
  static char *last;
  free(last);
  last = tamas_match_key(s, strlen(s), 0, NULL, NULL);
  return last;
}

/* ---------------------------------------------------------------------------
** Rules 1–7: characters, spaces, stray ZWNJ
** ------------------------------------------------------------------------ */

static void test_letters(void) {
  CHECK_STR(norm("علي"), "علی");                     /* Arabic yeh */
  CHECK_STR(norm("موسى"), "موسی");                   /* alef maksura */
  CHECK_STR(norm("كشور"), "کشور");                   /* Arabic kaf */
  CHECK_STR(norm("ڪتاب"), "کتاب");                   /* swash kaf */
  CHECK_STR(norm("مدرسے"), "مدرسی");                 /* yeh barree */
  CHECK_STR(norm("ھفتہ"), "هفته");                   /* Urdu hehs */
  CHECK_STR(norm("خانۀ ما"), "خانۀ ما");             /* ۀ is kept */
  CHECK_STR(norm("خانهٔ ما"), "خانه ما");            /* hamza mark dropped */
  CHECK_STR(norm("رئیس مسئول مؤسسه آینده"), "رئیس مسئول مؤسسه آینده");
  CHECK_STR(norm("مدرسة"), "مدرسة");                 /* ة is kept */
  CHECK_STR(norm("ABC abc"), "ABC abc");
}

static void test_nfc(void) {
  CHECK_STR(norm("\u0627\u0653ب"), "آب");      /* alef + madda → آ */
  CHECK_STR(norm("\u064A\u0654"), "ئ");        /* yeh + hamza → ئ */
  CHECK_STR(norm("\u0648\u0654"), "ؤ");
  CHECK_STR(norm("e\u0301"), "\u00E9");        /* Latin too */
  CHECK_STR(norm("\u212B"), "\u00C5");         /* a singleton: Ångström sign */
  CHECK_STR(norm("\uFEFB"), "لا");             /* presentation forms */
  CHECK_STR(norm("\uFB8E\uFEEE\uFEB7\uFEE6"), "کوشن");
  CHECK_STR(norm("\uFDF2"), "الله");
  /* a mark before its letter in the wrong order is reordered, then removed */
  CHECK_STR(norm("\u0628\u0651\u064E"), "ب");
}

static void test_marks(void) {
  CHECK_STR(norm("مُحَمَّد"), "محمد");
  CHECK_STR(norm("کِتابٌ"), "کتاب");
  CHECK_STR(norm("عَلَیْهِ"), "علیه");
  CHECK_STR(norm("ســــلام"), "سلام");                 /* kashida */
  CHECK_STR(norm("الرَّحْمٰن"), "الرحمن");             /* superscript alef */
  CHECK_STR(norm("قرآن\u06DA\u06D7"), "قرآن");        /* Quranic signs */
}

static void test_digits(void) {
  CHECK_STR(norm("١٤٠١/٠٢/٢٤"), "۱۴۰۱/۰۲/۲۴");
  CHECK_STR(norm("ساعت 09:47"), "ساعت 09:47");
  CHECK_STR(norm("۱۴۰۱"), "۱۴۰۱");
  CHECK_STR(norm_opt("١٤٠١ و ۱۴۰۱ و 1401", TAMAS_NORM_ASCII_DIGITS), "1401 و 1401 و 1401");
}

static void test_spaces(void) {
  CHECK_STR(norm("دیدار   رسمی"), "دیدار رسمی");
  CHECK_STR(norm("  دیدار رسمی  "), "دیدار رسمی");
  CHECK_STR(norm("دیدار\t\t رسمی"), "دیدار رسمی");
  CHECK_STR(norm("دیدار\u00A0رسمی\u2009دو\u202Fکشور\u3000امروز"), "دیدار رسمی دو کشور امروز");
  CHECK_STR(norm("خط یک  \r\n  خط دو"), "خط یک\nخط دو");
  CHECK_STR(norm("یک\rدو\r\n\r\nسه\n"), "یک\nدو\n\nسه\n");
  CHECK_STR(norm("یک\u2028دو\xC2\x85" "سه"), "یک\nدو\nسه");
  CHECK_STR(norm("\n\n  \n"), "\n\n\n");
  CHECK_STR(norm("   "), "");
  CHECK_STR(norm("a\vb\fc"), "a b c");
}

static void test_stray_zwnj(void) {
  CHECK_STR(norm("\u200Cسلام"), "سلام");               /* word start */
  CHECK_STR(norm("سلام\u200C"), "سلام");               /* word end */
  CHECK_STR(norm("سلام\u200C دنیا"), "سلام دنیا");     /* next to a space */
  CHECK_STR(norm("سلام \u200Cدنیا"), "سلام دنیا");
  CHECK_STR(norm("کتاب\u200C\u200C\u200Cها"), "کتاب\u200Cها"); /* doubled */
  CHECK_STR(norm("کشور\u200Cها"), "کشورها");           /* after ر */
  CHECK_STR(norm("گفت\u200Cو\u200Cگو"), "گفت\u200Cوگو"); /* after و */
  CHECK_STR(norm("سال\u200C۱۴۰۱"), "سال۱۴۰۱");          /* next to a digit */
  CHECK_STR(norm("«\u200Cمی\u200Cکند\u200C»"), "«می\u200Cکند»");
  CHECK_STR(norm("می\u200Cکند"), "می\u200Cکند");       /* a good one stays */
  CHECK_STR(norm("\u200C"), "");
}

static void test_controls(void) {
  static const char with_nul[] = "a\0b\0\0 \0c\0";
  size_t n;
  char *s = tamas_normalize(with_nul, sizeof with_nul - 1, 0, &n, NULL);
  CHECK_STR(s, "ab c"); /* NUL bytes are dropped */
  CHECK_INT(n, 4);
  free(s);
  s = tamas_normalize("می\0کند", 11, 0, &n, NULL); /* the letters meet */
  CHECK_STR(s, "می\u200Cکند");
  free(s);
  CHECK_STR(norm("\xEF\xBB\xBFسلام"), "سلام");  /* byte-order mark */
  CHECK_STR(norm("a\x01\x1F\x7F" "b"), "ab");
  CHECK_STR(norm("a\xC2\x80\xC2\x9F" "b"), "ab"); /* C1 controls */
}

/* ---------------------------------------------------------------------------
** Invalid UTF-8, empty and huge input
** ------------------------------------------------------------------------ */

#define FFFD "\xEF\xBF\xBD"

static void test_invalid_utf8(void) {
  CHECK_STR(norm("a\xFF" "b"), "a" FFFD "b");
  CHECK_STR(norm("\xC0\xAF"), FFFD FFFD);                 /* overlong '/' */
  CHECK_STR(norm("\xE0\x80\xAF"), FFFD FFFD FFFD);        /* overlong, 3 bytes */
  CHECK_STR(norm("\xED\xA0\x80"), FFFD FFFD FFFD);        /* surrogate D800 */
  CHECK_STR(norm("\xF4\x90\x80\x80"), FFFD FFFD FFFD FFFD); /* above U+10FFFF */
  CHECK_STR(norm("سلام\xE2\x80"), "سلام" FFFD FFFD);      /* truncated */
  CHECK_STR(norm("\x80\xBF"), FFFD FFFD);                 /* stray continuation */
  CHECK_STR(norm("می\xFFکند"), "می" FFFD "کند");          /* not a word */
  {
    size_t n = 99, *map = NULL;
    char *s = tamas_normalize("\xD9", 1, 0, &n, &map);
    CHECK_STR(s, FFFD);
    CHECK_INT(n, 3);
    CHECK(map && map[0] == 0 && map[2] == 0 && map[3] == 1);
    free(s);
    free(map);
  }
}

static void test_empty(void) {
  size_t n = 99, *map = NULL;
  char *s = tamas_normalize("", 0, 0, &n, &map);
  CHECK_STR(s, "");
  CHECK_INT(n, 0);
  CHECK(map && map[0] == 0);
  free(s);
  free(map);
  s = tamas_normalize(NULL, 5, 0, &n, &map); /* NULL is empty */
  CHECK_STR(s, "");
  CHECK(map && map[0] == 0);
  free(s);
  free(map);
  s = tamas_normalize("abc", 3, 0, NULL, NULL); /* no length, no map */
  CHECK_STR(s, "abc");
  free(s);
}

static void test_long_input(void) {
  static const char sentence[] =
      "وزير خارجه روز سهشنبه در تماسي تلفني با همتاي خود گفتوگو ميكند و "
      "مقامهاي دو كشور ميگويند كه تنشهاي ماههاي اخير كاهش مييابد.\r\n";
  static const char expect[] =
      "وزیر خارجه روز سه‌شنبه در تماسی تلفنی با همتای خود گفت‌وگو می‌کند و "
      "مقام‌های دو کشور می‌گویند که تنش‌های ماه‌های اخیر کاهش می‌یابد.\n";
  size_t sl = sizeof sentence - 1, el = sizeof expect - 1, reps = 20000, i, n;
  char *in = malloc(sl * reps), *out;
  int same = 1;
  if (!in) return;
  for (i = 0; i < reps; i++) memcpy(in + i * sl, sentence, sl);
  out = tamas_normalize(in, sl * reps, 0, &n, NULL);
  CHECK_INT(n, el * reps);
  for (i = 0; out && i < reps && same; i++) same = memcmp(out + i * el, expect, el) == 0;
  CHECK(out && same);
  free(out);

  /* one word of 200000 letters: no repair, no quadratic behaviour */
  for (i = 0; i + 2 <= sl * reps && i < 400000; i += 2) memcpy(in + i, "ی", 2);
  out = tamas_normalize(in, i, 0, &n, NULL);
  CHECK_INT(n, i);
  free(out);

  /* a letter followed by 100000 marks: NFC in pieces, marks removed */
  memcpy(in, "ب", 2);
  for (i = 2; i + 2 <= 200002; i += 2) memcpy(in + i, i % 4 ? "\xD9\x8E" : "\xD9\x91", 2);
  out = tamas_normalize(in, i, 0, &n, NULL);
  CHECK_STR(out, "ب");
  free(out);

  /* 300000 invalid bytes: each becomes U+FFFD (the output grows 3x) */
  memset(in, 0xFF, 300000);
  out = tamas_normalize(in, 300000, 0, &n, NULL);
  CHECK_INT(n, 900000);
  free(out);
  free(in);
}

/* ---------------------------------------------------------------------------
** Rule 8: ZWNJ repair
** ------------------------------------------------------------------------ */

static void test_mi_verbs(void) {
  CHECK_STR(norm("میکند"), "می‌کند");
  CHECK_STR(norm("ميكند"), "می‌کند");
  CHECK_STR(norm("نمیخواهد"), "نمی‌خواهد");
  CHECK_STR(norm("میشود"), "می‌شود");
  CHECK_STR(norm("میآید"), "می‌آید");
  CHECK_STR(norm("میآیند"), "می‌آیند");
  CHECK_STR(norm("میکرد"), "می‌کرد");
  CHECK_STR(norm("میگفت"), "می‌گفت");
  CHECK_STR(norm("میگوید"), "می‌گوید");
  CHECK_STR(norm("میرود"), "می‌رود");
  CHECK_STR(norm("میرفتیم"), "می‌رفتیم");
  CHECK_STR(norm("میتواند"), "می‌تواند");
  CHECK_STR(norm("میتوان"), "می‌توان");            /* the bare stem */
  CHECK_STR(norm("نمیتوانستند"), "نمی‌توانستند");
  CHECK_STR(norm("میدهیم"), "می‌دهیم");
  CHECK_STR(norm("میگیرید"), "می‌گیرید");
  CHECK_STR(norm("میبینی"), "می‌بینی");
  CHECK_STR(norm("میپذیرم"), "می‌پذیرم");
  CHECK_STR(norm("میکوشند"), "می‌کوشند");
  CHECK_STR(norm("میدانند"), "می‌دانند");
  CHECK_STR(norm("میداند"), "می‌داند");
  CHECK_STR(norm("میرسد"), "می‌رسد");
  CHECK_STR(norm("مییابد"), "می‌یابد");
  CHECK_STR(norm("میافزاید"), "می‌افزاید");
  CHECK_STR(norm("میکرده"), "می‌کرده");            /* participles */
  CHECK_STR(norm("میکردهاند"), "می‌کرده‌اند");
  CHECK_STR(norm("میکردهای"), "می‌کرده‌ای");
  CHECK_STR(norm("برمیگردد"), "برمی‌گردد");        /* preverbs */
  CHECK_STR(norm("برنمیگردد"), "برنمی‌گردد");
  CHECK_STR(norm("درمییابند"), "درمی‌یابند");
  CHECK_STR(norm("بازمیگشت"), "بازمی‌گشت");
  CHECK_STR(norm("می کند"), "می‌کند");              /* written apart */
  CHECK_STR(norm("او نمی خواهد"), "او نمی‌خواهد");
  CHECK_STR(norm("می   کند"), "می‌کند");
  CHECK_STR(norm("می کرده اند"), "می‌کرده‌اند");
  CHECK_STR(norm("می‌‌کند"), "می‌کند");
}

static void test_mi_negatives(void) {
  CHECK_STR(norm("میز"), "میز");
  CHECK_STR(norm("میزها"), "میزها");
  CHECK_STR(norm("میلیون"), "میلیون");
  CHECK_STR(norm("میلیونها"), "میلیون‌ها");
  CHECK_STR(norm("میلی"), "میلی");
  CHECK_STR(norm("«مارک میلی» رئیس ستاد"), "«مارک میلی» رئیس ستاد");
  CHECK_STR(norm("میدان"), "میدان");
  CHECK_STR(norm("میدانی"), "میدانی");             /* an exception */
  CHECK_STR(norm("مطالعات میدانی"), "مطالعات میدانی");
  CHECK_STR(norm("میهمان"), "میهمان");
  CHECK_STR(norm("میراث"), "میراث");
  CHECK_STR(norm("میانه"), "میانه");
  CHECK_STR(norm("میانجی"), "میانجی");
  CHECK_STR(norm("میلادی"), "میلادی");
  CHECK_STR(norm("میزبان"), "میزبان");
  CHECK_STR(norm("میگو"), "میگو");                 /* present stem, no ending */
  CHECK_STR(norm("میمون"), "میمون");
  CHECK_STR(norm("میوه"), "میوه");
  CHECK_STR(norm("نمین"), "نمین");
  CHECK_STR(norm("می"), "می");
  CHECK_STR(norm("۱۵ می کرد"), "۱۵ می کرد");      /* the month of May */
  CHECK_STR(norm("ماه می سال"), "ماه می سال");
  CHECK_STR(norm("ماه می کرد"), "ماه می کرد");
  CHECK_STR(norm("می سال"), "می سال");            /* «سال» is no verb */
  CHECK_STR(norm("می\nکند"), "می\nکند");          /* not across lines */
  CHECK_STR(norm("می، کند"), "می، کند");
}

static void test_perfect(void) {
  CHECK_STR(norm("بودهاند"), "بوده‌اند");
  CHECK_STR(norm("کردهاند"), "کرده‌اند");
  CHECK_STR(norm("نکردهاند"), "نکرده‌اند");
  CHECK_STR(norm("داشتهایم"), "داشته‌ایم");
  CHECK_STR(norm("گفتهام"), "گفته‌ام");
  CHECK_STR(norm("کرده اند"), "کرده‌اند");
  CHECK_STR(norm("کردهای عراق"), "کردهای عراق"); /* the Kurds of Iraq */
  CHECK_STR(norm("اتهام"), "اتهام");
  CHECK_STR(norm("ابهام الهام"), "ابهام الهام");
  CHECK_STR(norm("نامهاند"), "نامه‌اند");
}

static void test_suffixes(void) {
  CHECK_STR(norm("مقامهای"), "مقام‌های");
  CHECK_STR(norm("تنشهای"), "تنش‌های");
  CHECK_STR(norm("ماههای"), "ماه‌های");
  CHECK_STR(norm("ماهها"), "ماه‌ها");
  CHECK_STR(norm("تحریمهایی"), "تحریم‌هایی");
  CHECK_STR(norm("موشکهایشان"), "موشک‌هایشان");
  CHECK_STR(norm("جمهوریهای"), "جمهوری‌های");
  CHECK_STR(norm("هفتهها"), "هفته‌ها");            /* no lexicon: هها */
  CHECK_STR(norm("قطعنامهها"), "قطعنامه‌ها");
  CHECK_STR(norm("اسرائیلیها"), "اسرائیلی‌ها");    /* no lexicon: یها */
  CHECK_STR(norm("بیانیهای"), "بیانیه‌ای");
  CHECK_STR(norm("هستهای"), "هسته‌ای");
  CHECK_STR(norm("منطقهای"), "منطقه‌ای");
  CHECK_STR(norm("نامهاش"), "نامه‌اش");
  CHECK_STR(norm("آمادهاند"), "آماده‌اند");
  CHECK_STR(norm("برنامهریزیها"), "برنامه‌ریزی‌ها"); /* compound + suffix */
  CHECK_STR(norm("راهحلهای"), "راه‌حل‌های");
  /* nothing to do, or not certain */
  CHECK_STR(norm("کشورها"), "کشورها");               /* ر does not join */
  CHECK_STR(norm("کشورهای"), "کشورهای");
  CHECK_STR(norm("نامهای"), "نامهای");                /* نام‌های or نامه‌ای */
  CHECK_STR(norm("دورهای"), "دورهای");                /* دورهای or دوره‌ای */
  CHECK_STR(norm("تنها"), "تنها");
  CHECK_STR(norm("تنهایی"), "تنهایی");
  CHECK_STR(norm("آنها"), "آنها");
  CHECK_STR(norm("انتهای"), "انتهای");
  CHECK_STR(norm("نهایی"), "نهایی");
  CHECK_STR(norm("جبههای"), "جبهه‌ای");
  CHECK_STR(norm("اشتباهات"), "اشتباهات");
  /* suffixes written apart */
  CHECK_STR(norm("تنش ها"), "تنش‌ها");
  CHECK_STR(norm("مقام های ارشد"), "مقام‌های ارشد");
  CHECK_STR(norm("کشور ها"), "کشورها");
  CHECK_STR(norm("خانه ی ما"), "خانه‌ی ما");
  CHECK_STR(norm("منطقه ای"), "منطقه‌ای");
  CHECK_STR(norm("آماده اند"), "آماده‌اند");
  CHECK_STR(norm("۱۹۹۰ ها"), "۱۹۹۰ ها");              /* after a number */
  CHECK_STR(norm("و ها"), "و ها");                   /* a one-letter word */
  CHECK_STR(norm("کتاب ای"), "کتاب ای");             /* not after ه */
  CHECK_STR(norm("گفت که ای کاش"), "گفت که ای کاش"); /* the vocative */
  CHECK_STR(norm("برای همه ای"), "برای همه ای");
}

static void test_compounds(void) {
  CHECK_STR(norm("بینالملل"), "بین‌الملل");
  CHECK_STR(norm("بینالمللی"), "بین‌المللی");
  CHECK_STR(norm("گفتوگو"), "گفت‌وگو");
  CHECK_STR(norm("گفتگو"), "گفتگو");
  CHECK_STR(norm("گفت و گو"), "گفت و گو");
  CHECK_STR(norm("رئیسجمهور"), "رئیس‌جمهور");
  CHECK_STR(norm("رئيسجمهور"), "رئیس‌جمهور");
  CHECK_STR(norm("رئیس جمهور"), "رئیس جمهور");
  CHECK_STR(norm("سهشنبه"), "سه‌شنبه");
  CHECK_STR(norm("پنجشنبه"), "پنج‌شنبه");
  CHECK_STR(norm("چهارشنبه"), "چهارشنبه");
  CHECK_STR(norm("نخستوزیر"), "نخست‌وزیر");
  CHECK_STR(norm("مهمترین"), "مهم‌ترین");
  CHECK_STR(norm("آتشبس"), "آتش‌بس");
}

/* Every row of compounds.tsv: `joined` normalises to `correct`. */
static void test_compound_rows(void) {
  tsv_reader r;
  int rows = 0, bad = 0;
  tsv_open(&r, TAMAS_LEX(compounds));
  while (tsv_next(&r)) {
    char joined[256], correct[256];
    const char *got;
    if (r.nfields < 2 || r.len[0] >= sizeof joined || r.len[1] >= sizeof correct) {
      bad++;
      continue;
    }
    memcpy(joined, r.field[0], r.len[0]);
    joined[r.len[0]] = 0;
    memcpy(correct, r.field[1], r.len[1]);
    correct[r.len[1]] = 0;
    got = norm(joined);
    if (strcmp(got, correct) != 0) {
      bad++;
      fprintf(stderr, "compounds.tsv line %d: '%s' gives '%s'\n", r.line, joined, got);
    }
    if (strcmp(norm(correct), correct) != 0) {
      bad++;
      fprintf(stderr, "compounds.tsv line %d: '%s' is not stable\n", r.line, correct);
    }
    rows++;
  }
  CHECK(rows > 80);
  CHECK_INT(bad, 0);
}

/* Every verb stem: می + present stem + د, می + past stem. */
static void test_stem_rows(void) {
  tsv_reader r;
  int rows = 0, bad = 0;
  tsv_open(&r, TAMAS_LEX(verb_stems));
  while (tsv_next(&r)) {
    char in[128], want[128];
    int past = r.nfields >= 2 && r.len[1] == 4 && memcmp(r.field[1], "past", 4) == 0;
    const char *end = past ? "" : "د";
    if (r.len[0] > 100) {
      bad++;
      continue;
    }
    snprintf(in, sizeof in, "می%.*s%s", (int)r.len[0], r.field[0], end);
    snprintf(want, sizeof want, "می\u200C%.*s%s", (int)r.len[0], r.field[0], end);
    if (strcmp(norm(in), want) != 0) {
      bad++;
      fprintf(stderr, "verb_stems.tsv line %d: '%s' gives '%s'\n", r.line, in, norm(in));
    }
    rows++;
  }
  CHECK(rows > 300);
  CHECK_INT(bad, 0);
}

/* Every noun that ends in a joining letter: noun + ها gets its ZWNJ. */
static void test_noun_rows(void) {
  tsv_reader r;
  int rows = 0, bad = 0;
  tsv_open(&r, TAMAS_LEX(nouns));
  while (tsv_next(&r)) {
    char in[128], want[128], noun[100];
    size_t i, k = 0;
    unsigned char last;
    if (r.len[0] >= sizeof noun) {
      bad++;
      continue;
    }
    for (i = 0; i < r.len[0]; i++) /* the noun without its ZWNJs */
      if (!(i + 3 <= r.len[0] && memcmp(r.field[0] + i, "\u200C", 3) == 0)) noun[k++] = r.field[0][i];
      else i += 2;
    noun[k] = 0;
    last = (unsigned char)noun[k - 1];
    /* ا د ذ ر ز ژ و آ ء: ends in a letter that does not join */
    if ((k >= 2 && noun[k - 2] == '\xD8' &&
         (last == 0xA7 || last == 0xAF || last == 0xB0 || last == 0xB1 ||
          last == 0xB2 || last == 0xA2 || last == 0xA1 || last == 0xA4)) ||
        (k >= 2 && noun[k - 2] == '\xD9' && last == 0x88) ||
        (k >= 2 && noun[k - 2] == '\xDA' && last == 0x98))
      continue;
    snprintf(in, sizeof in, "%sها", noun);
    snprintf(want, sizeof want, "%.*s\u200Cها", (int)r.len[0], r.field[0]);
    if (strcmp(norm(in), want) != 0) {
      bad++;
      fprintf(stderr, "nouns.tsv line %d: '%s' gives '%s'\n", r.line, in, norm(in));
    }
    rows++;
  }
  CHECK(rows > 300);
  CHECK_INT(bad, 0);
}

static void test_no_repair(void) {
  CHECK_STR(norm_opt("میکند  مقامهای سهشنبه", TAMAS_NORM_NO_REPAIR), "میکند مقامهای سهشنبه");
  CHECK_STR(norm_opt("می کند و تنش ها", TAMAS_NORM_NO_REPAIR), "می کند و تنش ها");
  CHECK_STR(norm_opt("‌می‌کند‌", TAMAS_NORM_NO_REPAIR), "می‌کند"); /* stray ZWNJ still go */
  CHECK_STR(norm_opt("ميكند", TAMAS_NORM_NO_REPAIR), "میکند");
}

static void test_sentences(void) {
  CHECK_STR(norm("وزیر خارجه روز پنجشنبه با همتای خود تلفنی گفتوگو کرد و گفت که "
                 "دو کشور برای کاهش تنشهای منطقهای تلاش میکنند."),
            "وزیر خارجه روز پنج‌شنبه با همتای خود تلفنی گفت‌وگو کرد و گفت که "
            "دو کشور برای کاهش تنش‌های منطقه‌ای تلاش می‌کنند.");
  CHECK_STR(norm("سخنگوی دولت  گفت : مقامهای ارشد  دو طرف ماه آینده دیدار خواهند کرد؛ "
                 "او نمی دانست که رئيس جمهور هم حضور مییابد یا نه."),
            "سخنگوی دولت گفت : مقام‌های ارشد دو طرف ماه آینده دیدار خواهند کرد؛ "
            "او نمی‌دانست که رئیس جمهور هم حضور می‌یابد یا نه.");
  CHECK_STR(norm("نشست سران در میدان اصلی شهر برگزار شد و میهمانان از میراث "
                 "فرهنگی بازدید کردند."),
            "نشست سران در میدان اصلی شهر برگزار شد و میهمانان از میراث "
            "فرهنگی بازدید کردند.");
  CHECK_STR(norm("تاريخ انتشار: ١٨ آذر ١٤٠٢ - ١٤:٠٥\r\n\r\nخبرنگاران  میپرسند."),
            "تاریخ انتشار: ۱۸ آذر ۱۴۰۲ - ۱۴:۰۵\n\nخبرنگاران می‌پرسند.");
}

/* ---------------------------------------------------------------------------
** The offset map
** ------------------------------------------------------------------------ */

/* Normalise s with a map, and check the map's general properties: never
** decreasing, map[out_len] = len, all bytes of an output character the
** same value. */
static size_t *map_of(const char *s, size_t len, unsigned opts, char **out, size_t *n) {
  size_t *map = NULL, i;
  int ok = 1;
  *out = tamas_normalize(s, len, opts, n, &map);
  if (!*out || !map) {
    CHECK(0);
    return map;
  }
  if (map[*n] != ((opts & TAMAS_NORM_MAP_CHARS) ? map[*n] : len)) ok = 0;
  for (i = 0; i < *n; i++) {
    if (map[i] > map[i + 1]) ok = 0;
    if (((unsigned char)(*out)[i] & 0xC0) == 0x80 && map[i] != map[i - 1]) ok = 0;
  }
  CHECK(ok);
  return map;
}

static void test_offset_map(void) {
  char *out;
  size_t n, *map;
  /* ي→ی, ك→ک and an inserted ZWNJ: «ميكند» (5 letters, 10 bytes) */
  map = map_of("ميكند", 10, 0, &out, &n);
  CHECK_STR(out, "می\u200Cکند");
  CHECK_INT(n, 13);
  CHECK_INT(map[0], 0);  /* م */
  CHECK_INT(map[2], 2);  /* ی from ي */
  CHECK_INT(map[3], 2);
  CHECK_INT(map[4], 4);  /* the ZWNJ: where it was inserted, before ك */
  CHECK_INT(map[6], 4);
  CHECK_INT(map[7], 4);  /* ک from ك */
  CHECK_INT(map[11], 8); /* د */
  CHECK_INT(map[13], 10);
  free(out);
  free(map);

  /* a run of spaces, a removed mark and kashida, a space replaced by ZWNJ */
  {
    static const char in[] = "ab   \xD9\x85\xD9\x90\xDB\x8C \xD9\x80\xDA\xA9\xD9\x86\xD8\xAF";
    /* bytes: a 0, b 1, spaces 2-4, م 5, kasra 7, ی 9, space 11, kashida 12,
    ** ک 14, ن 16, د 18; 20 in all */
    map = map_of(in, sizeof in - 1, 0, &out, &n);
    CHECK_STR(out, "ab می\u200Cکند");
    CHECK_INT(map[1], 1);
    CHECK_INT(map[2], 2);  /* the one space stands for the three */
    CHECK_INT(map[3], 5);  /* م */
    CHECK_INT(map[5], 9);  /* ی (the kasra between is gone) */
    CHECK_INT(map[7], 11); /* ZWNJ for the space */
    CHECK_INT(map[10], 14); /* ک (the kashida before it is gone) */
    CHECK_INT(map[n], sizeof in - 1);
    /* the output span «می» comes from input [5, 11): م, kasra, ی */
    CHECK_INT(map[3], 5);
    CHECK_INT(map[7], 11);
    free(out);
    free(map);
  }

  /* NFC: alef + madda become one letter that maps to the alef */
  map = map_of("x\xD8\xA7\xD9\x93y", 6, 0, &out, &n);
  CHECK_STR(out, "x\xD8\xA2y");
  CHECK_INT(map[1], 1);
  CHECK_INT(map[2], 1);
  CHECK_INT(map[3], 5);
  free(out);
  free(map);

  /* \r\n → \n maps to the \r; leading spaces and invalid bytes */
  map = map_of("  a\r\nb\xFF", 7, 0, &out, &n);
  CHECK_STR(out, "a\nb" FFFD);
  CHECK_INT(map[0], 2);
  CHECK_INT(map[1], 3);
  CHECK_INT(map[2], 5);
  CHECK_INT(map[3], 6);
  CHECK_INT(map[5], 6);
  CHECK_INT(map[6], 7);
  free(out);
  free(map);

  /* a presentation form that becomes two letters */
  map = map_of("a\xEF\xBB\xBBz", 5, 0, &out, &n); /* U+FEFB ﻻ */
  CHECK_STR(out, "aلاz");
  CHECK_INT(map[1], 1);
  CHECK_INT(map[3], 1);
  CHECK_INT(map[5], 4);
  free(out);
  free(map);

  /* the joined suffix «مقام ها»: the ZWNJ maps to the space */
  map = map_of("مقام ها", 13, 0, &out, &n);
  CHECK_STR(out, "مقام\u200Cها");
  CHECK_INT(map[8], 8);
  CHECK_INT(map[10], 8);
  CHECK_INT(map[11], 9);
  free(out);
  free(map);
  /* «کشور ها»: the space is gone */
  map = map_of("کشور ها", 13, 0, &out, &n);
  CHECK_STR(out, "کشورها");
  CHECK_INT(map[6], 6);
  CHECK_INT(map[8], 9);
  CHECK_INT(map[12], 13);
  free(out);
  free(map);
}

static void test_map_chars(void) {
  char *out;
  size_t n, *map;
  /* «ab ميكند»: characters a b ' ' م ي ك ن د */
  map = map_of("ab \xD9\x85\xD9\x8A\xD9\x83\xD9\x86\xD8\xAF", 13, TAMAS_NORM_MAP_CHARS, &out, &n);
  CHECK_STR(out, "ab می\u200Cکند");
  CHECK_INT(map[0], 0);
  CHECK_INT(map[3], 3); /* م is the 4th character: substr(x, 4) */
  CHECK_INT(map[5], 4);
  CHECK_INT(map[7], 5); /* the ZWNJ, before ك */
  CHECK_INT(map[10], 5);
  CHECK_INT(map[14], 7);
  CHECK_INT(map[n], 8);
  free(out);
  free(map);
  /* SQLite counts a lead byte with all continuation bytes after it as one
  ** character: «\xC3\x80\x80» is one, «\x80\x80» two. */
  map = map_of("\xC3\x80\x80z\x80\x80z", 7, TAMAS_NORM_MAP_CHARS, &out, &n);
  CHECK_STR(out, "\xC3\x80" FFFD "z" FFFD FFFD "z");
  CHECK_INT(map[0], 0);
  CHECK_INT(map[2], 0); /* the stray byte rounds down to its character */
  CHECK_INT(map[5], 1); /* z */
  CHECK_INT(map[6], 2);
  CHECK_INT(map[9], 3);
  CHECK_INT(map[12], 4);
  CHECK_INT(map[n], 5);
  free(out);
  free(map);
}

/* Properties of the map on many small mixed inputs. */
static void test_map_properties(void) {
  static const char *const parts[] = {
      "می", "کند", " ", "  ", "\u200C", "ها", "ي", "ك", "\xD9\x8E", "ـ", "\r\n",
      "\n", "١", "5", "\xFF", "\xE2\x80", "ﻻ", "\xD8\xA7\xD9\x93", "مقام", "ه",
      "ای", "ی", "سه", "شنبه", "e\xCC\x81", "\t", "\x00", ".", "«", "بود", "اند"};
  uint32_t seed = 12345;
  int round, bad = 0;
  for (round = 0; round < 3000; round++) {
    char in[256], *out;
    size_t len = 0, n, *map;
    int k, parts_n = 1 + (int)(seed % 12);
    for (k = 0; k < parts_n; k++) {
      const char *p;
      size_t pl;
      seed = seed * 1103515245u + 12345u;
      p = parts[(seed >> 16) % (sizeof parts / sizeof parts[0])];
      pl = p[0] ? strlen(p) : 1;
      memcpy(in + len, p, pl);
      len += pl;
    }
    map = map_of(in, len, round % 2 ? TAMAS_NORM_MAP_CHARS : 0, &out, &n);
    if (!out || strlen(out) != n) bad++;
    free(out);
    free(map);
    /* key(normalize(x)) == key(x) */
    {
      char *a = tamas_match_key(in, len, 0, NULL, NULL), *b, *c;
      size_t bn;
      b = tamas_normalize(in, len, 0, &bn, NULL);
      c = b ? tamas_match_key(b, bn, 0, NULL, NULL) : NULL;
      if (!a || !c || strcmp(a, c) != 0) {
        bad++;
        fprintf(stderr, "key('%s') = '%s' but key(normalize) = '%s'\n", b ? b : "",
                a ? a : "", c ? c : "");
      }
      free(a);
      free(b);
      free(c);
    }
  }
  CHECK_INT(bad, 0);
}

/* ---------------------------------------------------------------------------
** Match keys
** ------------------------------------------------------------------------ */

static void test_match_key(void) {
  CHECK_STR(key("میکند"), "میکند");
  CHECK_STR(key("می کند"), "میکند");
  CHECK_STR(key("می‌کند"), "میکند");
  CHECK_STR(key("مي كند"), "میکند");
  CHECK_STR(key("نمی خواهد"), "نمیخواهد");
  CHECK_STR(key("مقام‌های"), "مقامهای");
  CHECK_STR(key("مقام های"), "مقامهای");
  CHECK_STR(key("مقامهای"), "مقامهای");
  CHECK_STR(key("کشور ها"), "کشورها");
  CHECK_STR(key("منطقه ای"), "منطقهای");
  CHECK_STR(key("رئیس‌جمهور"), "رییسجمهور");
  CHECK_STR(key("رييس جمهور"), "رییس جمهور");
  CHECK_STR(key("آمریکا"), "امریکا");
  CHECK_STR(key("مؤسسه"), "موسسه");
  CHECK_STR(key("خانۀ  ملت"), "خانه ملت");
  CHECK_STR(key("سازمان\nملل"), "سازمان ملل");
  CHECK_STR(key("Lloyd AUSTIN"), "lloyd austin");
  CHECK_STR(key("۱۴۰۱ ١٤٠١"), "1401 1401");
  CHECK_STR(key("\u200Fمی\u200Dکند\u200E"), "میکند");
  CHECK_STR(key("ماه می سال"), "ماه می سال");
  CHECK_STR(key("مُحَمَّد"), "محمد");
  {
    size_t n, *map = NULL;
    char *k = tamas_match_key("می کند", 11, 0, &n, &map);
    CHECK_STR(k, "میکند");
    CHECK(map && map[3] == 2 && map[4] == 5 && map[n] == 11);
    free(k);
    free(map);
  }
}

/* ---------------------------------------------------------------------------
** Threads: the first calls race for the lexicons
** ------------------------------------------------------------------------ */

static void *thread_run(void *arg) {
  int i, *ok = arg;
  *ok = 1;
  for (i = 0; i < 200; i++) {
    char *s = tamas_normalize("مقامهای ميكند سهشنبه", strlen("مقامهای ميكند سهشنبه"), 0,
                              NULL, NULL);
    if (!s || strcmp(s, "مقام‌های می‌کند سه‌شنبه") != 0) *ok = 0;
    free(s);
  }
  return NULL;
}

static void test_threads(void) {
  pthread_t t[4];
  int ok[4], i, started = 0;
  for (i = 0; i < 4; i++)
    if (pthread_create(&t[i], NULL, thread_run, &ok[i]) == 0) started |= 1 << i;
  for (i = 0; i < 4; i++)
    if (started & (1 << i)) {
      pthread_join(t[i], NULL);
      CHECK(ok[i]);
    }
}

int main(void) {
  test_threads(); /* first: the threads race to build the lexicons */
  test_letters();
  test_nfc();
  test_marks();
  test_digits();
  test_spaces();
  test_stray_zwnj();
  test_controls();
  test_invalid_utf8();
  test_empty();
  test_long_input();
  test_mi_verbs();
  test_mi_negatives();
  test_perfect();
  test_suffixes();
  test_compounds();
  test_compound_rows();
  test_stem_rows();
  test_noun_rows();
  test_no_repair();
  test_sentences();
  test_offset_map();
  test_map_chars();
  test_map_properties();
  test_match_key();
  return check_summary();
}
