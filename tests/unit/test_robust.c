/*
** test_robust.c — bad input to the core, and what the fuzzers found
** (tests/fuzz/; each crash input is also kept in tests/fuzz/corpus/NAME/ and
** replayed by build/tests/test_fuzz_NAME).
*/
#include <stdlib.h>

#include "check.h"
#include "tamas.h"
#include "text/fold.h"
#include "text/utf8.h"

/* fuzz_dates: a numeric date gave month 30 («2025-30-12») and day 40
** («40/11/0509»); tamas_date_match promises 1..12 and 0..31. */
static void test_numeric_date_ranges(void) {
  static const char *texts[] = {"date 2025-30-12", "\x82" "40/11/0509:30", "1401/13/01",
                                "1401/00/10", "00/02/1401", "32/02/1401", "1401/02/99"};
  size_t i;
  unsigned cal, flags;
  for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
    for (cal = 1; cal < 8; cal++)
      for (flags = 0; flags < 8; flags++) {
        tamas_date_match m;
        size_t n = strlen(texts[i]);
        if (tamas_find_date(texts[i], n, 0, cal, flags, &m)) {
          CHECK(m.month >= 1 && m.month <= 12);
          CHECK(m.day >= 0 && m.day <= 31);
        } else {
          CHECK(1);
        }
      }
  {
    char iso[11];
    CHECK_INT(tamas_fa_date_text_to_iso("2025-30-12", 10, iso), 0);
    CHECK_INT(tamas_jalali_text_to_iso("40/11/1401", 10, iso), 0);
    CHECK_INT(tamas_jalali_text_to_iso("24/02/1401", 10, iso), 1);
    CHECK_STR(iso, "2022-05-14");
  }
}

/* fuzz_normalize: «t NUL ◌̱» came out as «t◌̱», not NFC, because the NUL
** (dropped by rule 1) split the combining sequence; key(normalize(x)) then
** differed from key(x). */
static void test_dropped_controls_before_nfc(void) {
  static const char in[] = "t\0\xcc\xb1"; /* t, NUL, U+0331 */
  size_t n, k1, k2;
  char *norm = tamas_normalize(in, 4, 0, &n, NULL);
  char *key = tamas_match_key(in, 4, 0, &k1, NULL);
  char *key2 = norm ? tamas_match_key(norm, n, 0, &k2, NULL) : NULL;
  CHECK_STR(norm, "\xe1\xb9\xaf"); /* U+1E6F ṯ */
  CHECK_STR(key, key2);
  free(norm), free(key), free(key2);
  /* BOM, C0 and C1 controls between a letter and its mark: the same */
  norm = tamas_normalize("e\xef\xbb\xbf\x01\xc2\x90\xcc\x81", 9, 0, &n, NULL);
  CHECK_STR(norm, "\xc3\xa9"); /* é */
  free(norm);
}

/* fuzz_normalize: «ه‌مه ی» (a ZWNJ inside «همه») was joined into «ه‌مه‌ی», as
** if «ه‌مه» were not the function word «همه» that the match key sees. */
static void test_function_word_with_zwnj(void) {
  static const char in[] = "\xd9\x87\xe2\x80\x8c\xd9\x85\xd9\x87 \xd9\x8a"; /* ه‌مه ي */
  size_t n, k1, k2;
  char *norm = tamas_normalize(in, sizeof in - 1, 0, &n, NULL);
  char *key = tamas_match_key(in, sizeof in - 1, 0, &k1, NULL);
  char *key2 = norm ? tamas_match_key(norm, n, 0, &k2, NULL) : NULL;
  CHECK_STR(norm, "ه\xe2\x80\x8cمه ی"); /* the stray ZWNJ stays: ه joins */
  CHECK_STR(key, "همه ی");
  CHECK_STR(key2, "همه ی");
  free(norm), free(key), free(key2);
  norm = tamas_normalize("خانه ی", strlen("خانه ی"), 0, &n, NULL);
  CHECK_STR(norm, "خانه\xe2\x80\x8cی"); /* an ordinary word in ه still joins */
  free(norm);
}

/* fuzz_normalize: «1\rمے زد» — the normaliser joined «می زد» (a line break
** before «می»: the verb prefix), the match key did not (the line break was a
** space, and «می» after a number is May), so key(normalize(x)) != key(x). */
static void test_line_break_before_mi(void) {
  static const char in[] = "1\r\xd9\x85\xdb\x92 \xd8\xb2\xd8\xaf"; /* 1 CR مے زد */
  size_t n, k1, k2;
  char *norm = tamas_normalize(in, sizeof in - 1, 0, &n, NULL);
  char *key = tamas_match_key(in, sizeof in - 1, 0, &k1, NULL);
  char *key2 = norm ? tamas_match_key(norm, n, 0, &k2, NULL) : NULL;
  CHECK_STR(norm, "1\nمی\xe2\x80\x8cزد");
  CHECK_STR(key, "1 میزد");
  CHECK_STR(key2, "1 میزد");
  free(norm), free(key), free(key2);
  key = tamas_match_key("1 می زد", strlen("1 می زد"), 0, &k1, NULL);
  CHECK_STR(key, "1 می زد"); /* on one line: the month */
  free(key);
}

/* key(normalize(x)) == key(x) for a text; show both on failure. */
static void check_key_of_normalized(const char *in, size_t len, const char *want_norm,
                                    const char *want_key) {
  size_t n, k1, k2;
  char *norm = tamas_normalize(in, len, 0, &n, NULL);
  char *key = tamas_match_key(in, len, 0, &k1, NULL);
  char *key2 = norm ? tamas_match_key(norm, n, 0, &k2, NULL) : NULL;
  CHECK_STR(norm, want_norm);
  CHECK_STR(key, want_key);
  CHECK_STR(key2, want_key);
  free(norm), free(key), free(key2);
}

/* fuzz_normalize: «می آمد» — the normaliser joined «می‌آمد» (آمد is a past
** stem), the key did not: it had folded آ to ا first, and «امد» is no stem. */
static void test_key_folded_stem(void) {
  check_key_of_normalized("می آمد", strlen("می آمد"), "می\xe2\x80\x8cآمد", "میامد");
  check_key_of_normalized("می آورند", strlen("می آورند"), "می\xe2\x80\x8cآورند", "میاورند");
  check_key_of_normalized("می امد", strlen("می امد"), "می امد", "میامد");
}

/* fuzz_normalize: «می شد‍ۆ» — a ZWJ (which keys drop) ended the word «شد» for
** the normaliser, which then joined «می‌شد‍ۆ»; the key saw «شدۆ», no verb.
** Now ZWJ, direction marks and the soft hyphen stay inside their word. */
static void test_invisible_inside_word(void) {
  static const char in[] = "می شد\xe2\x80\x8dۆ";
  check_key_of_normalized(in, sizeof in - 1, "می شد\xe2\x80\x8dۆ", "می شدۆ");
  check_key_of_normalized("می شد", strlen("می شد"), "می\xe2\x80\x8cشد", "میشد");
  check_key_of_normalized("می شد\xe2\x80\x8f", strlen("می شد\xe2\x80\x8f"),
                          "می شد\xe2\x80\x8f", "میشد"); /* RLM after: no join */
}

/* fuzz_normalize: the words that stop a join («همه» before «ی», «ماه» before
** «می») were compared as written, the key compared them folded: «ۀمه ي»,
** «ه‍مه ي» (ZWJ) were joined in the text but not in the key. */
static void test_stop_words_as_keys(void) {
  check_key_of_normalized("ۀمه ي", strlen("ۀمه ي"), "ۀمه ی", "همه ی");
  check_key_of_normalized("ه\xe2\x80\x8dمه ي", strlen("ه\xe2\x80\x8dمه ي"),
                          "ه\xe2\x80\x8dمه ی", "همه ی");
  check_key_of_normalized("ماۀ می کند", strlen("ماۀ می کند"), "ماۀ می کند", "ماه می کند");
  check_key_of_normalized("آنکه ای", strlen("آنکه ای"), "آنکه ای", "انکه ای");
  check_key_of_normalized("خانه ی", strlen("خانه ی"), "خانه\xe2\x80\x8cی", "خانهی");
}

/* fuzz_normalize: with TAMAS_NORM_MAP_CHARS the map ends at the length in
** characters as SQLite counts them; tamas_utf8_chars() counted a stray
** continuation byte as nothing, SQLite as one character. */
static void test_chars_as_sqlite_counts(void) {
  static const char in[] = "\xd8\xa7\xd9\x93\x00\x0e\x8a\xd9\x94\xff\xff\xd6\xff";
  size_t n, *map;
  char *out;
  CHECK_INT(tamas_utf8_chars("\x0e\x8a", 2), 2);       /* stray continuation */
  CHECK_INT(tamas_utf8_chars("\xd8\xa7\xa7", 3), 1);   /* extra continuation */
  CHECK_INT(tamas_utf8_chars("\xd6\xff", 2), 2);
  CHECK_INT(tamas_utf8_chars("\xdb\xb2\xdb\xb4 x", 6), 4);
  CHECK_INT(tamas_utf8_chars("", 0), 0);
  CHECK_INT(tamas_utf8_chars("\xf0\x9f\x98\x80", 4), 1);
  CHECK_INT(tamas_utf8_chars("\xf0\x9f\x98", 3), 1);   /* truncated */
  out = tamas_normalize(in, sizeof in - 1, TAMAS_NORM_MATCH_KEY | TAMAS_NORM_MAP_CHARS, &n, &map);
  CHECK(out && map);
  if (map) CHECK_INT(map[n], tamas_utf8_chars(in, sizeof in - 1));
  free(out), free(map);
}

/* Bad input everywhere: nothing read past the length, NULL or empty text. */
static void test_empty_and_null(void) {
  tamas_article a;
  tamas_extraction x;
  size_t n, pos = 0;
  tamas_span s;
  char iso[11], *p;
  int32_t jdn;
  memset(&a, 0, sizeof a);
  memset(&x, 0, sizeof x);
  CHECK_INT(tamas_jalali_text_to_iso("", 0, iso), 0);
  CHECK_INT(tamas_fa_date_text_to_iso("", 0, iso), 0);
  CHECK_INT(tamas_parse_timevalue("", 0, &jdn), 0);
  CHECK_INT(tamas_parse_timevalue("2022-05-14", 9, &jdn), 0); /* the length counts */
  p = tamas_normalize(NULL, 5, 0, &n, NULL);
  CHECK_STR(p, "");
  free(p);
  CHECK(tamas_article_read("", 0, &a));
  p = tamas_article_body(&a, "", &n);
  CHECK_STR(p, "");
  free(p);
  tamas_article_free(&a);
  CHECK_INT(tamas_next_sentence("", 0, &pos, &s), 0);
  CHECK(tamas_extract("", 0, NULL, NULL, &x));
  CHECK_INT(x.n_events, 0);
  tamas_extraction_free(&x);
  CHECK(tamas_extract("\0\0\0", 3, "2025-05-14", NULL, &x));
  CHECK_INT(x.n_events, 0);
  tamas_extraction_free(&x);
}

/* Reading files: errors name the path; a long path is shortened. */
static void test_files(void) {
  char *err = NULL, path[5000];
  tamas_walk *w;
  const char *why = NULL;
  size_t len;
  w = tamas_walk_open("build/no/such/file.txt", &err);
  CHECK(w == NULL);
  CHECK_STR(err, "cannot open 'build/no/such/file.txt': No such file or directory");
  free(err);
  memset(path, 'a', sizeof path - 1);
  path[sizeof path - 1] = 0;
  w = tamas_walk_open(path, &err);
  CHECK(w == NULL && err && strlen(err) < 300);
  CHECK(err && strstr(err, "\xe2\x80\xa6") && strstr(err, "File name too long"));
  free(err);
  CHECK(tamas_read_text_file("build/no/such/file.txt", 0, &len, &why) == NULL);
  CHECK_STR(why, "unreadable: No such file or directory");
  CHECK(tamas_read_text_file("Makefile", 10, &len, &why) == NULL);
  CHECK_STR(why, "larger than 10 bytes");
  CHECK(tamas_read_text_file("build", 0, &len, &why) == NULL);
  CHECK_STR(why, "a folder, not a file");
  CHECK(tamas_read_text_file("/dev/null", 0, &len, &why) == NULL);
  CHECK_STR(why, "not a regular file");
}

/* Bugs once found in the extraction files (ext/extract/*.c, ext/lexicon/lexicon.c):
** names cut in the middle of a character, aliases made only of '|'. */
static int names_valid(const char *text, const char *published, void *overlay) {
  tamas_extraction x;
  size_t i;
  int ok = 1, events;
  memset(&x, 0, sizeof x);
  if (!tamas_extract(text, strlen(text), published, overlay, &x)) return 0;
  events = (int)x.n_events;
  for (i = 0; i < x.n_events; i++) {
    const tamas_actor *a = x.events[i].actor;
    if (!tamas_utf8_valid(a[0].name, strlen(a[0].name)) ||
        !tamas_utf8_valid(a[1].name, strlen(a[1].name))) {
      fprintf(stderr, "invalid UTF-8 in an actor name: '%s' / '%s'\n", a[0].name, a[1].name);
      ok = 0;
    }
  }
  tamas_extraction_free(&x);
  return ok && events > 0;
}

static void known_bugs(void) {
  char text[2048], name[256];
  void *overlay;
  int i;
  /* 1. extract_codes.c romanise(): an unknown name of more than 255 UTF-16
  **    units is not romanised but copied as it is written, cut at 127 bytes
  **    in the middle of a letter (actor2 ends in a broken «ب»).
  **    SQL: SELECT actor2 FROM extract_contacts('عراقچی روز دوشنبه با ' ||
  **    printf('%.300c', 'ب') || ' وزیر امور خارجه سریلانکا تلفنی گفت‌وگو کرد.',
  **    '2025-03-01'); */
  strcpy(text, "عراقچی روز دوشنبه با ");
  for (i = 0; i < 300; i++) strcat(text, "ب");
  strcat(text, " وزیر امور خارجه سریلانکا تلفنی گفت‌وگو کرد.");
  CHECK(names_valid(text, "2025-03-01", NULL));
  /* 2. extract.c (snprintf of the person's name into tamas_actor.name[128]):
  **    a run-time actor with a name over 127 bytes is cut in the middle of a
  **    letter.  tamas_actors (SQL) now refuses such names; the C API
  **    (tamas_actor_add) takes them. */
  name[0] = 0;
  for (i = 0; i < 100; i++) strcat(name, "ب");
  overlay = tamas_actor_overlay_new();
  CHECK(tamas_actor_add(overlay, name, "LKA", "defense_minister", NULL, NULL, "بلند", NULL) == NULL);
  CHECK(names_valid("عراقچی با بلند تلفنی گفتگو کرد.", "2025-03-01", overlay));
  tamas_actor_overlay_free(overlay);
  /* 3. lexicon.c (lexicon_add_person): aliases of only separators ('|||')
  **    are accepted as if there were aliases; '' is refused. */
  overlay = tamas_actor_overlay_new();
  CHECK(tamas_actor_add(overlay, "A", "LKA", "foreign_minister", NULL, NULL, "|||", NULL) != NULL);
  tamas_actor_overlay_free(overlay);
}

/* The UTF-8 check, which takes sixteen bytes at a time where it can, against
** a plain reference — here a byte-by-byte reading of the same rules — on
** pieces of every kind joined at random, so that each kind falls on every
** place of a block (first byte, last byte, across two blocks). */
static int reference_valid(const unsigned char *u, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = u[i];
    size_t need, k;
    uint32_t cp, min;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xC2 && c <= 0xDF) need = 1, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) need = 2, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) need = 3, cp = c & 0x07, min = 0x10000;
    else return 0;
    if (i + need >= n) return 0;
    for (k = 1; k <= need; k++) {
      if ((u[i + k] & 0xC0) != 0x80) return 0;
      cp = cp << 6 | (u[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    i += need + 1;
  }
  return 1;
}

/* The scanners' one-look-up fold of a common letter (text/fold.c) agrees with
** the general decoder and fold on every pair of bytes, and never reads a
** second byte past the length; the pair form (both bytes tested at once)
** agrees with it, and the third byte is the folded letter's index. */
static void test_common_fold_table(void) {
  int b0, b1, mismatches = 0, letters = 0;
  tamas_common_folds_ready();
  for (b0 = 0; b0 < 256; b0++)
    for (b1 = 0; b1 < 256; b1++) {
      const unsigned char s[2] = {(unsigned char)b0, (unsigned char)b1};
      uint32_t cp = tamas_arabic_at(s, 2, 0);
      const unsigned char *f = tamas_common_fold_at(s, 2, 0);
      if (cp && tamas_is_common_letter(cp)) {
        char want[4];
        size_t k = tamas_utf8_encode(tamas_fold_letter(cp), want);
        letters++;
        if (!f || k != 2 || memcmp(f, want, 2) != 0) mismatches++;
        else if (f[2] != (((unsigned)f[0] - 0xD8u) << 6 | (f[1] & 0x3Fu))) mismatches++;
      } else if (f) {
        mismatches++;
      }
      if (tamas_common_fold_pair(s) != f) mismatches++;
      if (tamas_common_fold_at(s, 1, 0)) mismatches++; /* the lead byte alone */
    }
  CHECK_INT(mismatches, 0);
  CHECK_INT(letters, 50); /* ء…غ (26), ف…ي (10), پ چ ژ ک گ ی (6), ڪ ھ ۀ ۂ ۃ ہ ے ە (8) */
}

static void test_utf8_valid_blocks(void) {
  static const char *const good[] = {"a", " ", "\xd8\xa7", "\xdb\x8c", "\xda\xaf", "\xc2\xab",
                                     "\xe2\x80\x8c", "\xef\xbf\xbd", "\xf0\x9f\x98\x80", "\n",
                                     "\xea\xb0\x80", "\xee\x80\x80", "\xe0\xa4\x85", "\xed\x9f\xbf"};
  static const char *const bad[] = {"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xd8", "\xd8 ",
                                    "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                    "\xf5\x80\x80\x80", "\xff", "\xe0\x80\x80", "\xd8\xd8\xa7",
                                    "\xe2\xd8\xa7", "\xe2\x80\xd8\xa7", "\xe2\x80\x8c\x80"};
  unsigned char buf[200];
  uint32_t seed = 7;
  int round, mismatches = 0, valid = 0, invalid = 0;
  for (round = 0; round < 20000; round++) {
    size_t n = 0;
    int pieces = (int)(seed % 60), p;
    for (p = 0; p < pieces; p++) {
      const char *piece;
      seed = seed * 1103515245u + 12345u;
      /* mostly Persian letters and spaces; now and then anything */
      if ((seed >> 8) % 100 == 0) piece = bad[(seed >> 16) % (sizeof bad / sizeof bad[0])];
      else if ((seed >> 8) % 7 == 0) piece = good[(seed >> 16) % (sizeof good / sizeof good[0])];
      else piece = (seed >> 16) % 5 ? "\xd8\xb1" : " ";
      if (n + strlen(piece) > sizeof buf) break;
      memcpy(buf + n, piece, strlen(piece));
      n += strlen(piece);
    }
    seed = seed * 1103515245u + 12345u;
    if (reference_valid(buf, n)) valid++;
    else invalid++;
    if (tamas_utf8_valid((const char *)buf, n) != reference_valid(buf, n)) mismatches++;
  }
  CHECK_INT(mismatches, 0);
  CHECK(valid > 1000 && invalid > 1000); /* both kinds were tried */
}

int main(void) {
  test_utf8_valid_blocks();
  test_common_fold_table();
  test_numeric_date_ranges();
  test_dropped_controls_before_nfc();
  test_function_word_with_zwnj();
  test_line_break_before_mi();
  test_key_folded_stem();
  test_invisible_inside_word();
  test_stop_words_as_keys();
  test_chars_as_sqlite_counts();
  test_empty_and_null();
  test_files();
  known_bugs(); /* fixed: romanise/name cut at a character boundary, empty aliases */
  return check_summary();
}
