/*
** test_article.c — the article reader on page layouts written for the test:
** header date lines, tickers before the title, menus, lists and forms after
** the body; and sentence segmentation.
*/
#include <stdlib.h>

#include "check.h"
#include "tamas.h"

/* Read a page and return a field as a static string ("" when empty). */
static tamas_article page;
static const char *page_text;

static void read_page(const char *text) {
  tamas_article_free(&page);
  page_text = text;
  CHECK(tamas_article_read(text, strlen(text), &page));
}

static const char *span(tamas_span s) {
  static char buf[4096];
  size_t n = s.end - s.start;
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, page_text + s.start, n);
  buf[n] = 0;
  return buf;
}

static const char *body(void) {
  static char buf[8192];
  size_t n;
  char *b = tamas_article_body(&page, page_text, &n);
  snprintf(buf, sizeof buf, "%s", b ? b : "(null)");
  free(b);
  return buf;
}

/* A ticker line of headlines, then title, lead, a date line, the body, a
** trailer and a comment form. */
static void test_ticker_layout(void) {
  read_page(
      "افزایش قیمت طلا در بازار امروز تهران قطعی برق در سه استان جنوبی "
      "کشور برگزاری نمایشگاه کتاب از هفته آینده آغاز می‌شود واکنش وزیر "
      "ورزش به شکست تیم ملی هشدار هواشناسی درباره بارش برف در استان‌های "
      "شمالی افتتاح دو بیمارستان جدید در مشهد با حضور وزیر بهداشت\n"
      "\n"
      "ظریف: گفت‌وگو با همسایگان اولویت ماست\n"
      "\n"
      "وزیر خارجه در دیدار با همتای عمانی خود بر گسترش روابط تأکید کرد.\n"
      "تاریخ انتشار: ۱۰:۱۵ - ۱۲ آبان ۱۳۹۷ - 2018 November 03\n"
      "کد خبر: ۹۸۷۶۵\n"
      "\n"
      "به گزارش خبرگزاری تسنیم به نقل از رویترز، این دیدار در مسقط انجام شد.\n"
      "دو طرف درباره همکاری‌های اقتصادی گفت‌وگو کردند./ ایسنا\n"
      "\n"
      "ارسال نظر\n"
      "آخرین اخبار\n"
      "قیمت دلار امروز کاهش یافت\n");
  CHECK_STR(span(page.title), "ظریف: گفت‌وگو با همسایگان اولویت ماست");
  CHECK_STR(page.published, "2018-11-03 10:15");
  CHECK_STR(page.news_code, "98765");
  CHECK_STR(page.source, "خبرگزاری تسنیم");
  CHECK_STR(page.cites, "رویترز|ایسنا");
  CHECK_STR(body(),
            "وزیر خارجه در دیدار با همتای عمانی خود بر گسترش روابط تأکید کرد.\n"
            "به گزارش خبرگزاری تسنیم به نقل از رویترز، این دیدار در مسقط انجام شد.\n"
            "دو طرف درباره همکاری‌های اقتصادی گفت‌وگو کردند./ ایسنا");
  CHECK_STR(span(page.published_span), "۱۲ آبان ۱۳۹۷");
  /* the same page without its sources: all else equal, sources NULL */
  {
    tamas_article lean;
    size_t i;
    CHECK(tamas_article_read_parts(page_text, strlen(page_text), 0, &lean));
    CHECK(lean.source == NULL && lean.cites == NULL);
    CHECK_INT(lean.title.start, page.title.start);
    CHECK_INT(lean.title.end, page.title.end);
    CHECK_STR(lean.published, page.published);
    CHECK_STR(lean.news_code, page.news_code);
    CHECK_INT(lean.n_paragraphs, page.n_paragraphs);
    for (i = 0; i < lean.n_paragraphs && i < page.n_paragraphs; i++)
      CHECK(lean.paragraphs[i].start == page.paragraphs[i].start &&
            lean.paragraphs[i].end == page.paragraphs[i].end);
    tamas_article_free(&lean);
  }
}

/* A date line first, labels and counters, the title, a dateline lead. */
static void test_date_first_layout(void) {
  read_page(
      "۳ شهریور ۱۴۰۲، ۰۹:۰۵\n"
      "کد خبرنگار: 512\n"
      "کد خبر: 11223344\n"
      "T T\n"
      "۰ نفر\n"
      "برچسب‌ها\n"
      "سفر رئیس‌جمهور به آفریقای جنوبی برای نشست بریکس\n"
      "ژوهانسبورگ- ایرنا- رئیس‌جمهور برای شرکت در نشست سران بریکس وارد این شهر شد.\n"
      "وی در حاشیه نشست با چند تن از سران دیدار خواهد کرد.\n"
      "نظر شما\n"
      "captcha\n");
  CHECK_STR(span(page.title), "سفر رئیس‌جمهور به آفریقای جنوبی برای نشست بریکس");
  CHECK_STR(page.published, "2023-08-25 09:05");
  CHECK_STR(page.news_code, "11223344");
  CHECK_STR(page.source, "ایرنا");
  CHECK(page.cites == NULL);
  CHECK_INT(page.n_paragraphs, 2);
}

/* A header line with a Hijri date and a Jalali one: the Jalali date is the
** publication date, wherever it stands; a Hijri date alone is taken. */
static void test_hijri_date_line(void) {
  static const char body_lines[] =
      "دیدار وزیران خارجه در تهران\n"
      "وزیر امور خارجه امروز با همتای خود در تهران دیدار و گفت‌وگو کرد.\n";
  char text[512];
  snprintf(text, sizeof text, "۱۰ ربیع‌الاول ۱۴۴۵ - ۴ مهر ۱۴۰۲\n%s", body_lines);
  read_page(text);
  CHECK_STR(page.published, "2023-09-26");
  CHECK_STR(span(page.published_span), "۴ مهر ۱۴۰۲");
  snprintf(text, sizeof text, "۴ مهر ۱۴۰۲ - ۱۰ ربیع‌الاول ۱۴۴۵\n%s", body_lines);
  read_page(text);
  CHECK_STR(page.published, "2023-09-26");
  snprintf(text, sizeof text, "۱۰ ربیع‌الاول ۱۴۴۵\n%s", body_lines);
  read_page(text);
  CHECK_STR(page.published, "2023-09-25");
  CHECK_STR(span(page.title), "دیدار وزیران خارجه در تهران");
}

/* Lead before the headline; a related-news list with no marker after the
** body; a scraper's " date" prefix on the first line of text. */
static void test_lead_first_and_list(void) {
  read_page(
      " date 2025-06-01 وزیران خارجه دو کشور امروز در تماسی تلفنی گفت‌وگو کردند.\n"
      "\n"
      "رایزنی تلفنی وزیران خارجه ایران و ترکیه\n"
      "\n"
      "در این گفت‌وگو دو طرف درباره تحولات منطقه تبادل نظر کردند.\n"
      "\n"
      "کاهش صادرات نفت در ماه گذشته\n"
      "برگزاری انتخابات شوراها در زمستان\n"
      "افتتاح خط جدید مترو در شهر کرج\n"
      "تعطیلی مدارس به دلیل آلودگی هوا\n");
  CHECK_STR(page.published, "2025-06-01");
  CHECK_STR(span(page.title), "رایزنی تلفنی وزیران خارجه ایران و ترکیه");
  CHECK_STR(body(),
            "وزیران خارجه دو کشور امروز در تماسی تلفنی گفت‌وگو کردند.\n"
            "در این گفت‌وگو دو طرف درباره تحولات منطقه تبادل نظر کردند.");
}

/* No date anywhere: nothing is invented, not even from a weekday. */
static void test_no_date(void) {
  read_page(
      "تماس با ما درباره ما\n"
      "\n"
      "دیدار سفیر ژاپن با معاون وزیر خارجه\n"
      "\n"
      "سفیر ژاپن روز دوشنبه با معاون وزیر خارجه کشورمان دیدار و گفت‌وگو کرد.\n"
      "در این دیدار که در تاریخ ۱۲ مهر انجام شد، دو طرف بر ادامه رایزنی‌ها تأکید کردند.\n");
  CHECK_STR(page.published, "");
  CHECK_STR(span(page.title), "دیدار سفیر ژاپن با معاون وزیر خارجه");
  CHECK_INT(page.n_paragraphs, 2);
}

/* A headline has at most 30 words; words are counted one by one on short
** lines and first by their starts on long ones, which must agree: «،», «؛»
** and a presentation form («ﻻ») standing alone are no words; digits, Latin
** letters and a kashida are. */
static void test_headline_word_limit(void) {
  static const char *const words[] = {"نشست", "۱۴۰۳", "گفتگو", "ABC", "ـ", "ایران"};
  static const char *const others[] = {"،", "؛", "ﻻ"};
  int n;
  for (n = 27; n <= 33; n++) {
    char text[4096], *p = text;
    int k;
    /* after a paragraph: a long line before the body would be a ticker */
    p += sprintf(p, "سفیر ژاپن روز دوشنبه با معاون وزیر خارجه دیدار کرد.\n\n");
    for (k = 0; k < n; k++) /* a word, and after all but the last a non-word */
      p += k + 1 < n ? sprintf(p, "%s %s ", words[k % 6], others[k % 3]) : sprintf(p, "%s", words[k % 6]);
    sprintf(p, "\n\nسفیر ژاپن روز دوشنبه با معاون وزیر خارجه دیدار و گفت‌وگو کرد.\n");
    read_page(text);
    /* the line is the title while it has 30 words or fewer, else a paragraph */
    CHECK_INT(page.title.end > page.title.start, n <= 30);
    CHECK_INT((int)page.n_paragraphs, n <= 30 ? 2 : 3);
  }
}

/* The cue words of short lines, found in one pass over each line: the code
** label first in the list («کد خبر» before «شناسه خبر») gives the news code
** wherever it stands in the line; «کد خبرنگار» makes a line chrome, not a code. */
static void test_cue_lines(void) {
  static const char *const pages[][2] = {
      {"شناسه خبر: ۱۱ - کد خبر: ۲۲\n", "22"},
      {"کد خبرنگار: ۷۷\nکد خبر: ۳۳\n", "33"},
      {"شناسه خبر ۴۴\n", "44"},
      {"خبر کوتاه کد خبر ۵۵\n", "55"},
  };
  size_t k;
  for (k = 0; k < sizeof pages / sizeof pages[0]; k++) {
    char text[512];
    snprintf(text, sizeof text,
             "%s\nدیدار سفیر ژاپن با معاون وزیر خارجه\n\n"
             "سفیر ژاپن روز دوشنبه با معاون وزیر خارجه دیدار و گفت‌وگو کرد.\n"
             "اخبار مرتبط\nسفیر ژاپن به تهران رفت.\n",
             pages[k][0]);
    read_page(text);
    CHECK_STR(page.news_code, pages[k][1]);
    CHECK_STR(span(page.title), "دیدار سفیر ژاپن با معاون وزیر خارجه");
    CHECK_INT((int)page.n_paragraphs, 1); /* «اخبار مرتبط» starts a line: the body ends */
  }
}

/* A header date line is looked for only where four digits make a year: in
** any of the three scripts, or mixed; five digits are no year. */
static void test_date_line_digits(void) {
  static const char *const lines[][2] = {
      {"۴ مهر ۱۴۰۲", "2023-09-26"}, {"4 مهر 1402", "2023-09-26"},
      {"٤ مهر ١٤٠٢", "2023-09-26"}, {"۴ مهر ١4٠۲", "2023-09-26"},
      {"1402/07/04", "2023-09-26"}, {"۴ مهر ۱۴۰۲۰", ""},
      {"چهارم مهر ۱۴۰۲", "2023-09-26"}, {"۴ مهر", ""},
  };
  size_t k;
  for (k = 0; k < sizeof lines / sizeof lines[0]; k++) {
    char text[512];
    snprintf(text, sizeof text,
             "دیدار سفیر ژاپن با معاون وزیر خارجه\n%s\n\n"
             "سفیر ژاپن روز دوشنبه با معاون وزیر خارجه دیدار و گفت‌وگو کرد.\n",
             lines[k][0]);
    read_page(text);
    CHECK_STR(page.published, lines[k][1]);
  }
}

/* «امروز» + a full date in the lead dates the page; a date alone does not. */
static void test_today_in_lead(void) {
  read_page("رئیس‌جمهور امروز سه‌شنبه ۱۰ مهر ۱۴۰۳ در پیامی روز ملی چین را تبریک گفت.\n");
  CHECK_STR(page.published, "2024-10-01");
  read_page("وزیر خارجه روز پنجشنبه ۲۹ آبان ۱۴۰۴ با همتای روس خود تلفنی گفت‌وگو کرد.\n");
  CHECK_STR(page.published, "");
}

static void test_empty_and_odd_input(void) {
  read_page("");
  CHECK_INT(page.n_paragraphs, 0);
  CHECK_STR(page.published, "");
  read_page("\n\n\n   \n");
  CHECK_INT(page.n_paragraphs, 0);
  read_page("\xff\xfe\xfd یک خط با بایت‌های نامعتبر که جمله کاملی است.\n\xc3");
  CHECK_INT(page.n_paragraphs, 1);
  {
    /* one very long line of words: a paragraph, read in linear time */
    static const char word[] = "خبر ";
    size_t w = sizeof word - 1, count = 300000, i;
    char *big = malloc(w * count + 16);
    for (i = 0; i < count; i++) memcpy(big + i * w, word, w);
    memcpy(big + count * w, "پایان.", sizeof "پایان.");
    read_page(big);
    CHECK_INT(page.n_paragraphs, 1);
    tamas_article_free(&page);
    free(big);
  }
}

static int sentences(const char *text, const char *want[], int n_want) {
  size_t pos = 0;
  tamas_span s;
  int n = 0, ok = 1;
  page_text = text;
  while (tamas_next_sentence(text, strlen(text), &pos, &s)) {
    if (n >= n_want || strcmp(span(s), want[n]) != 0) {
      fprintf(stderr, "sentence %d: got '%s'\n", n, span(s));
      ok = 0;
    }
    n++;
  }
  return ok && n == n_want;
}

static void test_sentences(void) {
  const char *a[] = {"لاوروف گفت: «ما کانالی نداریم. همه چیز محدود است».",
                     "وی افزود که گفت‌وگو ادامه دارد؟",
                     "آری!"};
  const char *b[] = {"نرخ رشد ۲.۵ درصد بود؛", "این رقم در سال ۱۴۰۱ کمتر بود."};
  const char *c[] = {"ج.ا. ایران و ا.م آمریکا در این باره گفت‌وگو کردند.", "خط دوم"};
  const char *d[] = {"«این نقل قول هرگز بسته نمی‌شود. جمله دوم."};
  /* a quote closed right after its last mark ends the sentence too */
  const char *q[] = {"وزیر گفت: «گفت‌وگو ادامه دارد. نتیجه روشن نیست.»", "همتای او نیز سخن گفت.",
                     "سخنگو پرسید: «آیا دیدار انجام شد؟»", "پاسخی نیامد."};
  CHECK(sentences("لاوروف گفت: «ما کانالی نداریم. همه چیز محدود است». وی افزود که "
                  "گفت‌وگو ادامه دارد؟ آری!",
                  a, 3));
  CHECK(sentences("نرخ رشد ۲.۵ درصد بود؛ این رقم در سال ۱۴۰۱ کمتر بود.", b, 2));
  CHECK(sentences("ج.ا. ایران و ا.م آمریکا در این باره گفت‌وگو کردند.\nخط دوم", c, 2));
  CHECK(sentences("«این نقل قول هرگز بسته نمی‌شود. جمله دوم.", d, 1));
  CHECK(sentences("وزیر گفت: «گفت‌وگو ادامه دارد. نتیجه روشن نیست.» همتای او نیز سخن گفت. "
                  "سخنگو پرسید: «آیا دیدار انجام شد؟» پاسخی نیامد.",
                  q, 4));
  CHECK(sentences("", NULL, 0));
  CHECK(sentences("   \n  ", NULL, 0));
  { /* the splitter steps two bytes at a time: it stops at the length given,
    ** even (8 bytes here) or odd, whatever byte lies past it */
    size_t pos = 0;
    tamas_span s;
    CHECK_INT(tamas_next_sentence("سلامX", 8, &pos, &s), 1);
    CHECK_INT(s.start, 0);
    CHECK_INT(s.end, 8);
    CHECK_INT(pos, 8);
    CHECK_INT(tamas_next_sentence("سلامX", 8, &pos, &s), 0);
    pos = 0;
    CHECK_INT(tamas_next_sentence("سلام.X", 9, &pos, &s), 1);
    CHECK_INT(s.end, 9);
    CHECK_INT(pos, 9);
  }
  { /* the splitter looks sixteen bytes at a time: each mark ends the sentence
    ** wherever it falls in a block (after 2 to 42 letters, ZWNJs and spaces) */
    static const char *const marks[] = {".", "!", "?", "؟", "؛", "۔", "…"};
    int k, m;
    for (m = 0; m < 7; m++)
      for (k = 0; k <= 40; k++) {
        char text[256], first[128];
        const char *want[2];
        int j;
        first[0] = 0;
        for (j = 0; j < k; j++) strcat(first, j % 5 == 4 ? " " : j % 5 == 2 ? "\u200c" : "ب");
        strcat(first, "بب"); /* a one-letter word and a dot would be an initial */
        strcat(first, marks[m]);
        snprintf(text, sizeof text, "%s دوم.", first);
        want[0] = first;
        want[1] = "دوم.";
        CHECK(sentences(text, want, 2));
      }
  }
  { /* ۔ ends a sentence; the hamza above of «هٔ» shares its second byte and does not */
    const char *e[] = {"خانهٔ ملت بسته بود۔", "گفت‌وگو ماند؛", "چرا؟"};
    CHECK(sentences("خانهٔ ملت بسته بود۔ گفت‌وگو ماند؛ چرا؟", e, 3));
  }
  { /* a quote open past QUOTE_MAX_BYTES of ASCII no longer holds the sentence */
    char text[2400];
    const char *f[2] = {text, "پایان."};
    memset(text, 'a', 2100);
    memcpy(text, "\xc2\xab", 2);
    memcpy(text + 2100, ".", 2);
    {
      char whole[2500];
      snprintf(whole, sizeof whole, "%s پایان.", text);
      CHECK(sentences(whole, f, 2));
    }
  }
  { /* a stray continuation byte is a character of its own, not a mark */
    const char *g[] = {"\x9f\x9b متن.", "دوم."};
    CHECK(sentences("\x9f\x9b متن. دوم.", g, 2));
  }
}

int main(void) {
  test_hijri_date_line();
  test_ticker_layout();
  test_date_first_layout();
  test_lead_first_and_list();
  test_no_date();
  test_today_in_lead();
  test_date_line_digits();
  test_cue_lines();
  test_headline_word_limit();
  test_empty_and_odd_input();
  test_sentences();
  tamas_article_free(&page);
  return check_summary();
}
