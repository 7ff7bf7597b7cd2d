/*
** test_extract.c — contact extraction through the core's C API, no SQLite.
*/
#include <stdlib.h>

#include "check.h"
#include "tamas.h"

static tamas_extraction x;

static int extract(const char *text, const char *published, void *overlay) {
  tamas_extraction_free(&x);
  CHECK(tamas_extract(text, strlen(text), published, overlay, &x));
  return (int)x.n_events;
}

static const char *iso(int32_t jdn) {
  static char buf[11];
  return jdn && tamas_jdn_to_iso(jdn, buf) ? buf : NULL;
}

static void test_one_call(void) {
  const char *text = "خبر کوتاه. لوید آستین شب گذشته به درخواست طرف روسی با سرگئی شویگو "
                     "برای نخستین بار تلفنی گفت‌وگو کرد.";
  const tamas_event *e;
  CHECK_INT(extract(text, "2022-05-14", NULL), 1);
  e = &x.events[0];
  CHECK_STR(tamas_medium_name(e->medium), "phone");
  CHECK_STR(tamas_status_name(e->status), "occurred");
  CHECK_STR(e->actor[0].name, "Lloyd Austin");
  CHECK_STR(e->actor[0].country, "USA");
  CHECK_STR(e->actor[0].office, "defense_minister");
  CHECK_STR(e->actor[1].name, "Sergei Shoigu");
  CHECK_STR(e->initiator, "RUS");
  CHECK_STR(iso(e->date), "2022-05-13");
  CHECK_STR(tamas_precision_name(e->precision), "day");
  CHECK_INT(e->first_time, 1);
  CHECK_INT(e->mentions, 1);
  CHECK_STR(tamas_event_cameo(e), "041");
  CHECK_STR(tamas_event_plover(e), "CONSULT");
  CHECK_INT(e->evidence.start, strlen("خبر کوتاه. "));
  CHECK_INT(e->evidence.end, strlen(text));
  CHECK_STR(x.published, "2022-05-14");
}

static void test_statuses(void) {
  CHECK_INT(extract("پوتین و اردوغان فردا در سوچی با یکدیگر دیدار خواهند کرد.", "2023-09-03", NULL), 1);
  CHECK_STR(tamas_status_name(x.events[0].status), "planned");
  CHECK_STR(iso(x.events[0].date), "2023-09-04");
  /* the refusal, and the request it turned down (a stage of its own) */
  CHECK_INT(extract("نخست‌وزیر هند درخواست دیدار شهباز شریف را نپذیرفت.", "2024-01-10", NULL), 2);
  CHECK_STR(tamas_status_name(x.events[0].status), "refused");
  CHECK_STR(tamas_status_name(x.events[1].status), "requested");
  CHECK_STR(x.events[1].initiator, "PAK");
  CHECK_INT(extract("پوتین با بایدن دیدار نمی‌کند.", "2021-06-01", NULL), 0);
}

static void test_overlay(void) {
  void *overlay = tamas_actor_overlay_new();
  CHECK(overlay != NULL);
  CHECK_STR(tamas_actor_add(overlay, "Namdar Azmouni", "LKA", "foreign_minister", "2024-09-24",
                            NULL, "نامدار آزمونی|آزمونی", NULL),
            NULL);
  CHECK_STR(tamas_actor_add(overlay, "X", "QQQ", "foreign_minister", NULL, NULL, "ایکس", NULL),
            "country must be a known ISO 3166-1 alpha-3 code (or an organisation code)");
  CHECK_INT(extract("عراقچی با آزمونی دیدار کرد.", "2025-01-05", overlay), 1);
  CHECK_STR(x.events[0].actor[1].name, "Namdar Azmouni");
  CHECK_INT(x.events[0].actor[1].known, 1);
  CHECK_INT(extract("عراقچی با آزمونی دیدار کرد.", "2025-01-05", NULL), 0);
  tamas_extraction_free(&x);
  tamas_actor_overlay_free(overlay);
}

static void test_bad_input(void) {
  const char bad[] = "\xff\xfe پوتین \xc0\xaf با اردوغان دیدار کرد.\xe2\x80";
  CHECK(extract(bad, NULL, NULL) >= 0);
  CHECK_INT(extract("", NULL, NULL), 0);
  CHECK_INT(extract("بدون هیچ تماسی.", "not a date", NULL), 0);
  CHECK_STR(x.published, "not a date"); /* kept as given; no date is derived */
}

/* A page read once (as tamas_events does) gives the events of one call. */
static void test_page_read_once(void) {
  const char *page =
      "کد خبر: ۱۲۳۴\n"
      "رایزنی تلفنی وزیران خارجه ایران و عمان\n"
      "۲۴ اردیبهشت ۱۴۰۱، ۱۰:۳۰\n"
      "\n"
      "وزیر امور خارجه کشورمان روز جمعه در تماسی تلفنی با همتای عمانی خود گفت‌وگو کرد.\n"
      "دو وزیر قرار است هفته آینده در مسقط دیدار کنند.\n"
      "انتهای پیام\n";
  tamas_article a;
  tamas_extraction y;
  size_t i;
  CHECK_INT(extract(page, NULL, NULL), 1);
  CHECK(tamas_article_read_parts(page, strlen(page), 0, &a));
  CHECK(tamas_extract_article(page, &a, NULL, NULL, &y));
  CHECK_INT(y.n_events, x.n_events);
  CHECK_STR(y.published, x.published);
  for (i = 0; i < y.n_events && i < x.n_events; i++) {
    CHECK_STR(y.events[i].actor[0].name, x.events[i].actor[0].name);
    CHECK_STR(y.events[i].actor[1].name, x.events[i].actor[1].name);
    CHECK_INT(y.events[i].status, x.events[i].status);
    CHECK_INT(y.events[i].date, x.events[i].date);
    CHECK_INT(y.events[i].evidence.start, x.events[i].evidence.start);
  }
  tamas_extraction_free(&y);
  tamas_article_free(&a);
}

/* A page: head, then one paragraph of `repeats` times line, then a tail. */
static char *long_page(const char *head, const char *line, int repeats) {
  static const char tail[] = "\nدو وزیر پس از دیدار به خبرنگاران چیزی نگفتند.\n";
  size_t at = strlen(head), n = at + (size_t)repeats * strlen(line) + strlen(tail);
  char *page = malloc(n + 1);
  int i;
  if (!page) return NULL;
  memcpy(page, head, at);
  for (i = 0; i < repeats; i++, at += strlen(line)) memcpy(page + at, line, strlen(line));
  memcpy(page + at, tail, strlen(tail) + 1);
  return page;
}

/* The lead is read twice (first for the article's countries, then for its
** events) and kept between the two readings up to a limit: a lead far past
** it, with or without a publication date (without one every paragraph is
** read twice), gives every mention. */
static void test_long_lead(void) {
  static const char line[] = "سرگئی لاوروف روز دوشنبه با آنتونی بلینکن در ژنو دیدار کرد. ";
  const int repeats = 3000; /* about 300 KB of text */
  char *dated = long_page("دیدار در ژنو\n۲۴ اردیبهشت ۱۴۰۱، ۱۰:۳۰\n\n", line, repeats);
  char *undated = long_page("دیدار در ژنو\n\n", line, repeats);
  CHECK(dated && undated);
  if (dated && undated) {
    CHECK_INT(extract(dated, NULL, NULL), 1);
    CHECK_STR(x.events[0].actor[0].name, "Sergey Lavrov");
    CHECK_STR(x.events[0].actor[1].name, "Antony Blinken");
    CHECK_STR(iso(x.events[0].date), "2022-05-09");
    CHECK_INT(x.events[0].mentions, repeats);
    CHECK_INT(extract(undated, NULL, NULL), 1);
    CHECK_STR(x.events[0].actor[0].name, "Sergey Lavrov");
    CHECK_INT(x.events[0].mentions, repeats);
    CHECK_INT(x.events[0].date, 0);
  }
  free(dated);
  free(undated);
}

/* A phrase of several words is found however its words are written: with
** letters the scanner folds the slow way («ۀ», Arabic «ي» and «ك») or a
** kashida inside a word; punctuation between its words breaks it. */
static void test_phrase_spellings(void) {
  static const char *const same[] = {
      "وزیر امور خارجه روسیه با وزیر امور خارجه ترکیه تلفنی گفت‌وگو کرد.",
      "وزیر امور خارجۀ روسیه با وزیر امور خارجۀ ترکیه تلفنی گفت‌وگو کرد.",
      "لاوـروف با وزير امور خارجه تركيه تلفنی گفتگو كرد.",
  };
  int k;
  for (k = 0; k < 3; k++) {
    CHECK_INT(extract(same[k], "2022-05-14", NULL), 1);
    CHECK_STR(x.events[0].actor[0].name, "Sergey Lavrov");
    CHECK_STR(x.events[0].actor[0].office, "foreign_minister");
    CHECK_STR(x.events[0].actor[1].country, "TUR");
    CHECK_STR(x.events[0].actor[1].office, "foreign_minister");
    CHECK_STR(tamas_medium_name(x.events[0].medium), "phone");
  }
  CHECK_INT(extract("وزیر امور، خارجه روسیه با وزیر امور خارجه ترکیه تلفنی گفت‌وگو کرد.",
                    "2022-05-14", NULL),
            0);
}

/* A sentence with a contact word is searched for dates only when it holds
** a month name or digits that may begin a numeric date: each way of writing
** a date below still dates the event with the date the reader finds alone. */
static void test_date_anchors(void) {
  static const char *const dates[][2] = {
      {"۲۴ اردیبهشت ۱۴۰۱", "2022-05-14"},
      {"۲۴اردیبهشت۱۴۰۱", "2022-05-14"},     /* digits glued to the month */
      {"۱۴۰۱/۰۲/۲۴", "2022-05-14"},          /* numeric */
      {"24-05-2022", "2022-05-24"},
      {"۱۴۰۱\u200c/۰۲/۲۴", NULL},            /* ZWNJ before the mark: as the reader reads it */
      {"بیست و چهارم اردیبهشت ماه ۱۴۰۱", "2022-05-14"},
      {"سه شنبه ۱۰ ربیع الاول ۱۴۴۴", NULL}, /* a two-word Hijri month */
      {"اسفندماه ۱۴۰۰", NULL},
  };
  size_t k;
  for (k = 0; k < sizeof dates / sizeof dates[0]; k++) {
    char text[256];
    tamas_date_match m;
    snprintf(text, sizeof text, "لاوروف روز %s با وزیر امور خارجه ترکیه تلفنی گفت‌وگو کرد.",
             dates[k][0]);
    CHECK(tamas_find_date(text, strlen(text), 0, TAMAS_CAL_ANY, TAMAS_FIND_VALID, &m));
    CHECK_INT(extract(text, "2022-06-01", NULL), 1);
    CHECK_INT(x.events[0].date_text.start, m.start);
    CHECK_INT(x.events[0].date_text.end, m.end);
    if (dates[k][1]) CHECK_STR(iso(x.events[0].date), dates[k][1]);
  }
  /* numbers alone, and no month: no date */
  CHECK_INT(extract("لاوروف با وزیر امور خارجه ترکیه ۲ بار تلفنی گفت‌وگو کرد.", "2022-06-01", NULL), 1);
  CHECK_INT(x.events[0].date_text.end, 0);
}

int main(void) {
  test_one_call();
  test_date_anchors();
  test_phrase_spellings();
  test_long_lead();
  test_page_read_once();
  test_statuses();
  test_overlay();
  test_bad_input();
  tamas_extraction_free(&x);
  return check_summary();
}
