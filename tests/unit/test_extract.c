/*
** test_extract.c — contact extraction through the core's C API, no SQLite.
*/
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
  CHECK_STR(e->medium, "phone");
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
  CHECK_INT(extract("نخست‌وزیر هند درخواست دیدار شهباز شریف را نپذیرفت.", "2024-01-10", NULL), 1);
  CHECK_STR(tamas_status_name(x.events[0].status), "refused");
  CHECK_INT(extract("پوتین با بایدن دیدار نمی‌کند.", "2021-06-01", NULL), 0);
}

static void test_overlay(void) {
  void *overlay = tamas_actor_overlay_new();
  CHECK(overlay != NULL);
  CHECK_STR(tamas_actor_add(overlay, "Namdar Azmouni", "LKA", "foreign_minister", "2024-09-24",
                            NULL, "نامدار آزمونی|آزمونی"),
            NULL);
  CHECK_STR(tamas_actor_add(overlay, "X", "QQQ", "foreign_minister", NULL, NULL, "ایکس"),
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

int main(void) {
  test_one_call();
  test_statuses();
  test_overlay();
  test_bad_input();
  tamas_extraction_free(&x);
  return check_summary();
}
