/*
** test_contacts.c — the reports of one contact grouped into one
** (ext/contacts/), on reports written for the purpose: one call reported by
** several outlets on several days and again as background; a date in one
** report and none in another; the stages of one meeting; two calls a week
** apart; media, weeks and months, "org:" sides.  Every case states the
** whole grouping it wants.  Then the same reports in 300 shuffled orders
** give the same contacts with the same ids.
*/
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tamas.h"

typedef struct row {
  const char *a1, *c1, *a2, *c2, *status, *medium, *date, *date_end, *published, *file, *source,
      *evidence;
} row;

static int32_t day(const char *iso) {
  int32_t jdn = 0;
  if (iso && !tamas_parse_timevalue(iso, strnlen(iso, 10), &jdn)) jdn = -1;
  return jdn;
}

static int add_row(tamas_contacts *set, const row *r) {
  tamas_report rep = {
      .actor = {r->a1, r->a2},
      .country = {r->c1, r->c2},
      .status = (tamas_status)tamas_status_from_name(r->status, strlen(r->status)),
      .medium = (tamas_medium)tamas_medium_from_name(r->medium, strlen(r->medium)),
      .date = day(r->date),
      .date_end = day(r->date_end),
      .published = r->published,
      .published_day = day(r->published),
      .file = r->file,
      .source = r->source,
      .evidence = r->evidence,
      .evidence_len = r->evidence ? strlen(r->evidence) : 0,
  };
  return tamas_contacts_add(set, &rep);
}

/* The grouping as text, one line per contact:
**   A | B status medium date..end reports/articles/sources first..last
**   [alternatives N] [fulfilled by #k] files ev: sentence
** (#k: the k-th line, from 1).  With ids, each line starts with the id. */
static char out[8192];
static const char *group(const row *rows, size_t n, const size_t *order, int ids) {
  tamas_contacts *set = tamas_contacts_new();
  size_t i, j, len = 0;
  char iso[2][11];
  out[0] = '\0';
  for (i = 0; i < n; i++) add_row(set, &rows[order ? order[i] : i]);
  if (!tamas_contacts_group(set)) return "out of memory";
  for (i = 0; i < tamas_contacts_count(set); i++) {
    const tamas_contact *c = tamas_contacts_at(set, i);
    strcpy(iso[0], "-");
    strcpy(iso[1], "-");
    if (c->date) tamas_jdn_to_iso(c->date, iso[0]), tamas_jdn_to_iso(c->date_end, iso[1]);
    if (ids) len += (size_t)snprintf(out + len, sizeof out - len, "%lld ", (long long)c->id);
    len += (size_t)snprintf(out + len, sizeof out - len, "%s | %s %s %s %s..%s %zu/%zu/%zu %s..%s",
                            c->actor[0], c->actor[1], tamas_status_name(c->status),
                            tamas_medium_name(c->medium), iso[0], iso[1], c->reports, c->n_files,
                            c->sources, c->first_reported ? c->first_reported : "-",
                            c->last_reported ? c->last_reported : "-");
    if (c->alternatives)
      len += (size_t)snprintf(out + len, sizeof out - len, " alternatives %zu", c->alternatives);
    for (j = 0; c->fulfilled_by && j < tamas_contacts_count(set); j++)
      if (tamas_contacts_at(set, j)->id == c->fulfilled_by)
        len += (size_t)snprintf(out + len, sizeof out - len, " fulfilled by #%zu", j + 1);
    for (j = 0; j < c->n_files; j++)
      len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", j ? "," : " ", c->files[j]);
    len += (size_t)snprintf(out + len, sizeof out - len, " ev: %s\n", c->evidence);
  }
  tamas_contacts_free(set);
  return out;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define GROUP(rows) group(rows, N(rows), NULL, 0)

/* One phone call, reported on the day by two outlets, the next day by a
** third (sides the other way round), a month later as background with its
** date, and by one article without a date two days after it. */
static const row one_call[] = {
    {"Abbas Araghchi", "IRN", "Badr Albusaidi", "OMN", "occurred", "phone", "2025-03-11", NULL,
     "2025-03-11 18:00", "a1", "ایرنا", "r1"},
    {"Badr Albusaidi", "OMN", "Abbas Araghchi", "IRN", "occurred", "phone", "2025-03-11",
     "2025-03-11", "2025-03-12", "a2", "ایسنا", "r2"},
    {"Abbas Araghchi", "IRN", "Badr Albusaidi", "OMN", "occurred", "phone", "2025-03-11", NULL,
     "2025-03-11 21:30", "a3", "ایرنا", "r3"},
    {"Abbas Araghchi", "IRN", "Badr Albusaidi", "OMN", "occurred", "phone", "2025-03-11", NULL,
     "2025-04-20", "a9", "فارس", "r4 background"},
    {"Abbas Araghchi", "IRN", "Badr Albusaidi", "OMN", "occurred", "unspecified", NULL, NULL,
     "2025-03-13", "a4", "مهر", "r5 undated"},
};

/* Two calls of one pair a week apart, and undated reports: published on the
** day of the second (both in its week: not placed), two days after it (only
** the second), twelve days after (neither), and with no publication date. */
static const row two_calls[] = {
    {"Sergey Lavrov", "RUS", "Hakan Fidan", "TUR", "occurred", "phone", "2023-12-01", NULL,
     "2023-12-01", "b1", "ایرنا", "first call"},
    {"Sergey Lavrov", "RUS", "Hakan Fidan", "TUR", "occurred", "phone", "2023-12-08", NULL,
     "2023-12-08", "b2", "ایرنا", "second call"},
    {"Hakan Fidan", "TUR", "Sergey Lavrov", "RUS", "occurred", "phone", "2023-12-08", NULL,
     "2023-12-09", "b3", "تسنیم", "second call again"},
    {"Sergey Lavrov", "RUS", "Hakan Fidan", "TUR", "occurred", "phone", NULL, NULL, "2023-12-08",
     "b4", "مهر", "undated, on the day of the second"},
    {"Sergey Lavrov", "RUS", "Hakan Fidan", "TUR", "occurred", "unspecified", NULL, NULL,
     "2023-12-10", "b5", "مهر", "undated, two days after the second"},
    {"Sergey Lavrov", "RUS", "Hakan Fidan", "TUR", "occurred", "phone", NULL, NULL, "2023-12-20",
     "b6", "مهر", "undated, twelve days after"},
    {"Sergey Lavrov", "RUS", "Hakan Fidan", "TUR", "occurred", "phone", NULL, NULL, NULL, "b7", NULL,
     "undated, no publication date"},
};

/* One meeting at its stages: planned for a day (and reported the day after
** without its date: the same plan), then held that day; a denial of a
** call; a proposal without a date, met 19 days after it was reported; a
** request met only 40 days after (too late to fulfil it). */
static const row stages[] = {
    {"Masoud Pezeshkian", "IRN", "Recep Tayyip Erdoğan", "TUR", "planned", "in_person",
     "2024-10-24", NULL, "2024-10-20", "c1", "ایرنا", "will meet"},
    {"Masoud Pezeshkian", "IRN", "Recep Tayyip Erdoğan", "TUR", "planned", "unspecified", NULL, NULL,
     "2024-10-21", "c2", "ایسنا", "will meet, undated"},
    {"Masoud Pezeshkian", "IRN", "Recep Tayyip Erdoğan", "TUR", "occurred", "in_person",
     "2024-10-24", NULL, "2024-10-24", "c3", "ایرنا", "met"},
    {"Masoud Pezeshkian", "IRN", "Recep Tayyip Erdoğan", "TUR", "denied", "phone", NULL, NULL,
     "2024-10-25", "c4", "ایرنا", "no call"},
    {"Donald Trump", "USA", "Vladimir Putin", "RUS", "proposed", "in_person", NULL, NULL,
     "2025-07-27", "c5", "ایرنا", "offers to meet"},
    {"Donald Trump", "USA", "Vladimir Putin", "RUS", "occurred", "in_person", "2025-08-15", NULL,
     "2025-08-16", "c6", "ایرنا", "met in Alaska"},
    {"Joe Biden", "USA", "Vladimir Putin", "RUS", "requested", "phone", NULL, NULL, "2021-01-01",
     "c7", "ایرنا", "asks for a call"},
    {"Joe Biden", "USA", "Vladimir Putin", "RUS", "occurred", "phone", "2021-02-10", NULL,
     "2021-02-10", "c8", "ایرنا", "called 40 days later"},
};

/* Media, weeks and months: an unspecified report joins the one call of its
** day, a week report its one day, a month report with two days in it is
** not placed; a phone call and a meeting on one day stay two, and an
** unspecified report of that day is not placed. */
static const row media_and_spans[] = {
    {"Antony Blinken", "USA", "Sergey Lavrov", "RUS", "occurred", "phone", "2022-07-29", NULL,
     "2022-07-29", "d1", NULL, "call"},
    {"Antony Blinken", "USA", "Sergey Lavrov", "RUS", "occurred", "unspecified", "2022-07-29", NULL,
     "2022-07-30", "d2", NULL, "talked"},
    {"Antony Blinken", "USA", "Sergey Lavrov", "RUS", "occurred", "phone", "2022-07-23",
     "2022-07-29", "2022-07-31", "d3", NULL, "this week"},
    {"Antony Blinken", "USA", "Sergey Lavrov", "RUS", "occurred", "phone", "2022-07-12", NULL,
     "2022-07-12", "d4", NULL, "earlier call"},
    {"Antony Blinken", "USA", "Sergey Lavrov", "RUS", "occurred", "phone", "2022-07-01",
     "2022-07-31", "2022-08-02", "d5", NULL, "in July"},
    {"Wang Yi", "CHN", "Sergey Lavrov", "RUS", "occurred", "phone", "2022-09-01", NULL,
     "2022-09-01", "d6", NULL, "Wang call"},
    {"Wang Yi", "CHN", "Sergey Lavrov", "RUS", "occurred", "in_person", "2022-09-01", NULL,
     "2022-09-01", "d7", NULL, "Wang meeting"},
    {"Wang Yi", "CHN", "Sergey Lavrov", "RUS", "occurred", "unspecified", "2022-09-01", NULL,
     "2022-09-02", "d8", NULL, "Wang talks"},
};

/* Sides: "org:USA" stands for Trump when the other side is Putin in both;
** not against another state, not against another person; a person for an
** "org:" contact that came first; two persons of the country: not placed. */
static const row sides[] = {
    {"Donald Trump", "USA", "Vladimir Putin", "RUS", "occurred", "phone", "2025-02-12", NULL,
     "2025-02-12", "e1", NULL, "Trump Putin"},
    {"org:USA", "USA", "Vladimir Putin", "RUS", "occurred", "phone", "2025-02-12", NULL,
     "2025-02-13", "e2", NULL, "Washington Putin"},
    {"org:USA", "USA", "org:RUS", "RUS", "occurred", "phone", "2025-02-12", NULL, "2025-02-13", "e3",
     NULL, "Washington Moscow"},
    {"org:USA", "USA", "Sergey Lavrov", "RUS", "occurred", "phone", "2025-02-12", NULL,
     "2025-02-13", "e4", NULL, "Washington Lavrov"},
    {"org:IRN", "IRN", "Vladimir Putin", "RUS", "occurred", "in_person", "2024-10-23", NULL,
     "2024-10-23", "e5", NULL, "Tehran Putin"},
    {"Masoud Pezeshkian", "IRN", "Vladimir Putin", "RUS", "occurred", "in_person", "2024-10-21",
     "2024-10-27", "2024-10-28", "e6", NULL, "Pezeshkian Putin this week"},
    {"Joe Biden", "USA", "Xi Jinping", "CHN", "occurred", "in_person", "2023-11-15", NULL,
     "2023-11-15", "e7", NULL, "Biden Xi"},
    {"Antony Blinken", "USA", "Xi Jinping", "CHN", "occurred", "in_person", "2023-11-15", NULL,
     "2023-11-15", "e8", NULL, "Blinken Xi"},
    {"org:USA", "USA", "Xi Jinping", "CHN", "occurred", "in_person", "2023-11-15", NULL,
     "2023-11-16", "e9", NULL, "Washington Xi"},
};

/* Undated reports that cannot be placed: those published the same day are
** one contact (the same news), another day another one; without a
** publication date, one contact per article (its two rows one). */
static const row undated[] = {
    {"Angela Merkel", "DEU", "Joe Biden", "USA", "occurred", "phone", NULL, NULL, "2021-05-01", "f1",
     "دویچه وله", "spoke (1)"},
    {"Angela Merkel", "DEU", "Joe Biden", "USA", "occurred", "phone", NULL, NULL,
     "2021-05-01 10:00", "f2", "بی‌بی‌سی", "spoke (2)"},
    {"Joe Biden", "USA", "Angela Merkel", "DEU", "occurred", "phone", NULL, NULL, "2021-05-02", "f3",
     "بی‌بی‌سی", "spoke (3)"},
    {"Angela Merkel", "DEU", "Joe Biden", "USA", "occurred", "phone", NULL, NULL, NULL, "f4", NULL,
     "spoke (4)"},
    {"Angela Merkel", "DEU", "Joe Biden", "USA", "occurred", "phone", NULL, NULL, NULL, "f4", NULL,
     "spoke (5)"},
    {"Angela Merkel", "DEU", "Joe Biden", "USA", "occurred", "phone", NULL, NULL, NULL, "f5", NULL,
     "spoke (6)"},
};

static void test_one_call(void) {
  CHECK_STR(GROUP(one_call),
            "Abbas Araghchi | Badr Albusaidi occurred phone 2025-03-11..2025-03-11 5/5/4 "
            "2025-03-11 18:00..2025-04-20 a1,a2,a3,a4,a9 ev: r1\n");
}

static void test_two_calls(void) {
  CHECK_STR(GROUP(two_calls),
            "Hakan Fidan | Sergey Lavrov occurred phone 2023-12-01..2023-12-01 1/1/1 "
            "2023-12-01..2023-12-01 b1 ev: first call\n"
            "Hakan Fidan | Sergey Lavrov occurred phone 2023-12-08..2023-12-08 3/3/3 "
            "2023-12-08..2023-12-10 b2,b3,b5 ev: second call\n"
            "Hakan Fidan | Sergey Lavrov occurred phone -..- 1/1/1 2023-12-08..2023-12-08 "
            "alternatives 2 b4 ev: undated, on the day of the second\n"
            "Hakan Fidan | Sergey Lavrov occurred phone -..- 1/1/1 2023-12-20..2023-12-20 b6 "
            "ev: undated, twelve days after\n"
            "Hakan Fidan | Sergey Lavrov occurred phone -..- 1/1/0 -..- b7 "
            "ev: undated, no publication date\n");
}

static void test_stages(void) {
  CHECK_STR(GROUP(stages),
            "Joe Biden | Vladimir Putin occurred phone 2021-02-10..2021-02-10 1/1/1 "
            "2021-02-10..2021-02-10 c8 ev: called 40 days later\n"
            "Masoud Pezeshkian | Recep Tayyip Erdoğan occurred in_person 2024-10-24..2024-10-24 "
            "1/1/1 2024-10-24..2024-10-24 c3 ev: met\n"
            "Masoud Pezeshkian | Recep Tayyip Erdoğan planned in_person 2024-10-24..2024-10-24 "
            "2/2/2 2024-10-20..2024-10-21 fulfilled by #2 c1,c2 ev: will meet\n"
            "Donald Trump | Vladimir Putin occurred in_person 2025-08-15..2025-08-15 1/1/1 "
            "2025-08-16..2025-08-16 c6 ev: met in Alaska\n"
            "Donald Trump | Vladimir Putin proposed in_person -..- 1/1/1 2025-07-27..2025-07-27 "
            "fulfilled by #4 c5 ev: offers to meet\n"
            "Joe Biden | Vladimir Putin requested phone -..- 1/1/1 2021-01-01..2021-01-01 c7 "
            "ev: asks for a call\n"
            "Masoud Pezeshkian | Recep Tayyip Erdoğan denied phone -..- 1/1/1 "
            "2024-10-25..2024-10-25 c4 ev: no call\n");
}

static void test_media_and_spans(void) {
  CHECK_STR(GROUP(media_and_spans),
            "Antony Blinken | Sergey Lavrov occurred phone 2022-07-01..2022-07-31 1/1/0 "
            "2022-08-02..2022-08-02 alternatives 2 d5 ev: in July\n"
            "Antony Blinken | Sergey Lavrov occurred phone 2022-07-12..2022-07-12 1/1/0 "
            "2022-07-12..2022-07-12 d4 ev: earlier call\n"
            "Antony Blinken | Sergey Lavrov occurred phone 2022-07-29..2022-07-29 3/3/0 "
            "2022-07-29..2022-07-31 d1,d2,d3 ev: call\n"
            "Sergey Lavrov | Wang Yi occurred unspecified 2022-09-01..2022-09-01 1/1/0 "
            "2022-09-02..2022-09-02 alternatives 2 d8 ev: Wang talks\n"
            "Sergey Lavrov | Wang Yi occurred phone 2022-09-01..2022-09-01 1/1/0 "
            "2022-09-01..2022-09-01 d6 ev: Wang call\n"
            "Sergey Lavrov | Wang Yi occurred in_person 2022-09-01..2022-09-01 1/1/0 "
            "2022-09-01..2022-09-01 d7 ev: Wang meeting\n");
}

static void test_sides(void) {
  CHECK_STR(GROUP(sides),
            "Antony Blinken | Xi Jinping occurred in_person 2023-11-15..2023-11-15 1/1/0 "
            "2023-11-15..2023-11-15 e8 ev: Blinken Xi\n"
            "Joe Biden | Xi Jinping occurred in_person 2023-11-15..2023-11-15 1/1/0 "
            "2023-11-15..2023-11-15 e7 ev: Biden Xi\n"
            "Xi Jinping | org:USA occurred in_person 2023-11-15..2023-11-15 1/1/0 "
            "2023-11-16..2023-11-16 alternatives 2 e9 ev: Washington Xi\n"
            "Masoud Pezeshkian | Vladimir Putin occurred in_person 2024-10-23..2024-10-23 2/2/0 "
            "2024-10-23..2024-10-28 e5,e6 ev: Tehran Putin\n"
            "Donald Trump | Vladimir Putin occurred phone 2025-02-12..2025-02-12 2/2/0 "
            "2025-02-12..2025-02-13 e1,e2 ev: Trump Putin\n"
            "Sergey Lavrov | org:USA occurred phone 2025-02-12..2025-02-12 1/1/0 "
            "2025-02-13..2025-02-13 e4 ev: Washington Lavrov\n"
            "org:RUS | org:USA occurred phone 2025-02-12..2025-02-12 1/1/0 "
            "2025-02-13..2025-02-13 e3 ev: Washington Moscow\n");
}

static void test_undated(void) {
  CHECK_STR(GROUP(undated),
            "Angela Merkel | Joe Biden occurred phone -..- 2/2/2 2021-05-01..2021-05-01 10:00 "
            "f1,f2 ev: spoke (1)\n"
            "Angela Merkel | Joe Biden occurred phone -..- 1/1/1 2021-05-02..2021-05-02 f3 "
            "ev: spoke (3)\n"
            "Angela Merkel | Joe Biden occurred phone -..- 2/1/0 -..- f4 ev: spoke (4)\n"
            "Angela Merkel | Joe Biden occurred phone -..- 1/1/0 -..- f5 ev: spoke (6)\n");
}

/* Not reports, and nothing after grouping. */
static void test_bad_reports(void) {
  tamas_contacts *set = tamas_contacts_new();
  row r = one_call[0];
  tamas_report bad = {.actor = {"a", "b"}, .status = TAMAS_OCCURRED, .medium = TAMAS_PHONE};
  bad.medium = (tamas_medium)0;
  CHECK_INT(tamas_contacts_add(set, &bad), -1);
  bad.medium = (tamas_medium)9;
  CHECK_INT(tamas_contacts_add(set, &bad), -1);
  bad.medium = TAMAS_PHONE;
  bad.status = (tamas_status)6;
  CHECK_INT(tamas_contacts_add(set, &bad), -1);
  bad.status = TAMAS_OCCURRED;
  bad.precision = (tamas_precision)5;
  CHECK_INT(tamas_contacts_add(set, &bad), -1);
  bad.precision = TAMAS_DAY;
  bad.date = 2460000;
  bad.date_end = 2459999;
  CHECK_INT(tamas_contacts_add(set, &bad), -1);
  CHECK_INT(tamas_contacts_count(set), 0); /* not grouped yet */
  CHECK(tamas_contacts_at(set, 0) == NULL);
  /* NULL strings are empty; an empty set groups into nothing */
  bad.actor[0] = bad.actor[1] = NULL;
  bad.date_end = 0;
  CHECK_INT(tamas_contacts_add(set, &bad), 1);
  CHECK_INT(tamas_contacts_group(set), 1);
  CHECK_INT(tamas_contacts_count(set), 1);
  CHECK_STR(tamas_contacts_at(set, 0)->actor[0], "");
  CHECK_STR(tamas_contacts_at(set, 0)->evidence, "");
  CHECK_INT(tamas_contacts_at(set, 0)->n_files, 0);
  CHECK_INT(tamas_contacts_at(set, 0)->precision, TAMAS_DAY);
  CHECK_INT(add_row(set, &r), -1); /* grouped: nothing more */
  CHECK_INT(tamas_contacts_group(set), 1);
  tamas_contacts_free(set);
  set = tamas_contacts_new();
  CHECK_INT(tamas_contacts_group(set), 1);
  CHECK_INT(tamas_contacts_count(set), 0);
  tamas_contacts_free(set);
  tamas_contacts_free(NULL);
}

/* A precision is read from the length of the dates when not given. */
static void test_precision(void) {
  tamas_contacts *set = tamas_contacts_new();
  tamas_report r = {.actor = {"a", "b"}, .status = TAMAS_OCCURRED, .medium = TAMAS_PHONE};
  static const int32_t ends[] = {0, 6, 30, 364};
  static const tamas_precision want[] = {TAMAS_DAY, TAMAS_WEEK, TAMAS_MONTH, TAMAS_YEAR};
  size_t i;
  for (i = 0; i < 4; i++) {
    r.date = 2460000 + (int32_t)i * 1000;
    r.date_end = r.date + ends[i];
    tamas_contacts_add(set, &r);
  }
  tamas_contacts_group(set);
  CHECK_INT(tamas_contacts_count(set), 4);
  for (i = 0; i < 4; i++) CHECK_INT(tamas_contacts_at(set, i)->precision, want[i]);
  tamas_contacts_free(set);
}

/* Every row above, in 300 random orders: the same contacts, the same ids.
** And a contact keeps its id when unrelated reports are added. */
static void test_order(void) {
  static row all[N(one_call) + N(two_calls) + N(stages) + N(media_and_spans) + N(sides) + N(undated)];
  static char first[8192];
  size_t order[N(all)], n = 0, i, k;
  unsigned seed = 12345;
  int same = 1;
#define APPEND(a) memcpy(all + n, a, sizeof a), n += N(a)
  APPEND(one_call);
  APPEND(two_calls);
  APPEND(stages);
  APPEND(media_and_spans);
  APPEND(sides);
  APPEND(undated);
  strcpy(first, group(all, n, NULL, 1));
  CHECK(strlen(first) > 1000);
  for (k = 0; k < 300; k++) {
    for (i = 0; i < n; i++) order[i] = i;
    for (i = n - 1; i > 0; i--) { /* Fisher–Yates, a fixed generator */
      size_t j, t;
      seed = seed * 1103515245u + 12345u;
      j = (seed >> 8) % (i + 1);
      t = order[i], order[i] = order[j], order[j] = t;
    }
    if (strcmp(group(all, n, order, 1), first) != 0) {
      if (same) fprintf(stderr, "order %zu gives:\n%s\nnot:\n%s", k, out, first);
      same = 0;
    }
  }
  CHECK(same);
  /* the call of one_call alone has the id it has among all the others */
  group(one_call, N(one_call), NULL, 1);
  CHECK(strstr(first, out) != NULL);
}

int main(void) {
  test_one_call();
  test_two_calls();
  test_stages();
  test_media_and_spans();
  test_sides();
  test_undated();
  test_bad_reports();
  test_precision();
  test_order();
  return check_summary();
}
