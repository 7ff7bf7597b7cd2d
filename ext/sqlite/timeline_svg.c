/*
** timeline_svg.c — tamas_timeline_svg(date, actor1, actor2, status, medium),
** an aggregate that draws contacts as an SVG timeline.
**
**   SELECT writefile('timeline.svg',
**                    tamas_timeline_svg(date, actor1, actor2, status, medium))
**   FROM tamas_events('news/');
**
** The picture: one lane per pair of actors (A–B and B–A share a lane), a mark
** per row placed by its date, its shape telling the medium and its fill the
** status, a legend, a Gregorian (ISO) axis above the lanes and a Jalali axis
** below them.  Rows without a usable date go to an "undated" column at the
** right.  Text in Arabic script (Persian labels, actor1_fa …) is written
** right-to-left (direction="rtl", unicode-bidi="embed", xml:lang="fa").  Every
** string from the data is escaped for XML; invalid UTF-8 and characters XML
** forbids become U+FFFD.  No rows (or only rows whose actors are both NULL)
** give a small valid SVG that says so.
**
** The result depends only on the set of rows, not on their order: lanes are
** sorted by their first date, then by name, and marks by date.  So the
** function is DETERMINISTIC and INNOCUOUS.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tamas.h"
#include "tamas_sqlite.h"
#include "utf8.h"

/* ---- collecting rows ------------------------------------------------------------ */

typedef struct tl_row {
  int32_t jdn;          /* 0 when undated */
  const char *a, *b;    /* the pair, a <= b (strcmp); "?" for NULL */
  const char *status, *medium;
  char *mem;            /* owns the four strings */
} tl_row;

typedef struct tl_state {
  tl_row *rows;
  size_t n, cap;
} tl_state;

/* The day of a date argument, as date() reads it; 0 when there is none or it
** cannot be written as an ISO date. */
static int32_t value_day(sqlite3_value *v) {
  int32_t jdn = 0;
  char iso[11];
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      if (!tamas_julian_day_to_jdn(sqlite3_value_double(v), &jdn)) return 0;
      break;
    case SQLITE_TEXT: {
      const char *s = (const char *)sqlite3_value_text(v);
      if (!s || !tamas_parse_timevalue(s, (size_t)sqlite3_value_bytes(v), &jdn)) return 0;
      break;
    }
    default:
      return 0;
  }
  return tamas_jdn_to_iso(jdn, iso) ? jdn : 0;
}

void tamas_sql_timeline_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  tl_state *st = sqlite3_aggregate_context(ctx, sizeof *st);
  const char *f[4];
  size_t len[4], total = 0;
  char *mem, *p;
  tl_row *r;
  int i;
  (void)argc;
  if (!st) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  /* no actor at all (the NULL side of an outer join): nothing to draw */
  if (sqlite3_value_type(argv[1]) == SQLITE_NULL && sqlite3_value_type(argv[2]) == SQLITE_NULL)
    return;
  for (i = 0; i < 4; i++) {
    sqlite3_value *v = argv[i + 1];
    if (sqlite3_value_type(v) == SQLITE_NULL) {
      f[i] = i < 2 ? "?" : "";
    } else if (!(f[i] = (const char *)sqlite3_value_text(v))) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
  }
  for (i = 0; i < 4; i++) total += (len[i] = strlen(f[i])) + 1;
  if (st->n == st->cap) {
    size_t cap = st->cap ? st->cap * 2 : 16;
    tl_row *rows = sqlite3_realloc64(st->rows, cap * sizeof *rows);
    if (!rows) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    st->rows = rows;
    st->cap = cap;
  }
  if (!(mem = sqlite3_malloc64(total))) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  r = &st->rows[st->n++];
  r->mem = p = mem;
  for (i = 0; i < 4; i++) {
    memcpy(p, f[i], len[i] + 1);
    f[i] = p;
    p += len[i] + 1;
  }
  r->jdn = value_day(argv[0]);
  if (strcmp(f[0], f[1]) <= 0) r->a = f[0], r->b = f[1];
  else r->a = f[1], r->b = f[0];
  r->status = f[2];
  r->medium = f[3];
}

/* ---- styles ------------------------------------------------------------------------- */

typedef struct tl_style {
  const char *key;   /* the column value */
  const char *fa;    /* Persian label */
  const char *fill;  /* statuses: the fill colour */
} tl_style;

/* Shapes by medium, in this order (see draw_shape). */
static const tl_style media[] = {
    {"phone", "تلفنی", NULL},
    {"in_person", "حضوری", NULL},
    {"video", "ویدئویی", NULL},
    {"letter", "نامه و پیام", NULL},
    {"unspecified", "نامشخص", NULL},
};
#define N_MEDIA (sizeof media / sizeof media[0])

/* Fills by status (Okabe–Ito colours, told apart with colour blindness). */
static const tl_style statuses[] = {
    {"occurred", "انجام‌شده", "#009e73"},
    {"planned", "برنامه‌ریزی‌شده", "#56b4e9"},
    {"proposed", "پیشنهادشده", "#0072b2"},
    {"requested", "درخواست‌شده", "#e69f00"},
    {"refused", "ردشده", "#d55e00"},
    {"denied", "تکذیب‌شده", "#cc79a7"},
};
#define N_STATUSES (sizeof statuses / sizeof statuses[0])
#define OTHER_FILL "#bbbbbb"

static int style_index(const tl_style *t, size_t n, const char *key) {
  size_t i;
  for (i = 0; i < n; i++)
    if (strcmp(t[i].key, key) == 0) return (int)i;
  return -1;
}

/* ---- writing XML -------------------------------------------------------------------- */

#define FONT "'Vazirmatn','Noto Sans Arabic','DejaVu Sans',Tahoma,sans-serif"

/* Arabic script (Persian, Arabic, Urdu) or Hebrew: text written right to left. */
static int is_rtl_char(uint32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

static int has_rtl(const char *s) {
  size_t i = 0, n = strlen(s), k;
  while (i < n) {
    if (is_rtl_char(tamas_utf8_decode((const unsigned char *)s, n, i, &k))) return 1;
    i += k;
  }
  return 0;
}

/* Characters of s (code points; invalid bytes count one each). */
static size_t char_count(const char *s) {
  size_t i = 0, n = strlen(s), k, c = 0;
  while (i < n) {
    tamas_utf8_decode((const unsigned char *)s, n, i, &k);
    i += k;
    c++;
  }
  return c;
}

/* Append at most max_chars characters of s, escaped for XML text and
** attribute values; an ellipsis marks a cut.  Invalid UTF-8 and characters
** XML 1.0 forbids become U+FFFD; tabs and line breaks become spaces. */
static void put_escaped(sqlite3_str *o, const char *s, size_t max_chars) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, n = strlen(s), k, chars = 0;
  while (i < n) {
    uint32_t c = tamas_utf8_decode(u, n, i, &k);
    char buf[4];
    if (chars++ == max_chars) {
      sqlite3_str_appendall(o, "…");
      return;
    }
    switch (c) {
      case '&': sqlite3_str_appendall(o, "&amp;"); break;
      case '<': sqlite3_str_appendall(o, "&lt;"); break;
      case '>': sqlite3_str_appendall(o, "&gt;"); break;
      case '"': sqlite3_str_appendall(o, "&quot;"); break;
      case '\'': sqlite3_str_appendall(o, "&apos;"); break;
      case '\t': case '\n': case '\r': sqlite3_str_appendchar(o, 1, ' '); break;
      default:
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) c = TAMAS_REPLACEMENT_CHAR;
        if (c == TAMAS_REPLACEMENT_CHAR || k > 1)
          sqlite3_str_append(o, buf, (int)tamas_utf8_encode(c, buf));
        else
          sqlite3_str_appendchar(o, 1, (char)c);
    }
    i += k;
  }
}

#define NO_LIMIT ((size_t)-1)

/* Where a text lies relative to x. */
enum { LEFT_AT_X, RIGHT_AT_X, CENTRED_AT_X };

/* A <text> element.  Text in Arabic script is written right to left; the
** anchor is chosen so that `align` holds in either direction ("start" is
** the right edge of right-to-left text).  `attrs` is extra markup (font
** size, fill …), written as is. */
static void put_text(sqlite3_str *o, double x, double y, int align, const char *attrs,
                     const char *text, size_t max_chars) {
  int rtl = has_rtl(text);
  const char *anchor = align == CENTRED_AT_X ? "middle"
                       : (align == LEFT_AT_X) != rtl ? "start" : "end";
  sqlite3_str_appendf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"", x, y, anchor);
  if (rtl) sqlite3_str_appendall(o, " direction=\"rtl\" unicode-bidi=\"embed\" xml:lang=\"fa\"");
  if (attrs && attrs[0]) sqlite3_str_appendf(o, " %s", attrs);
  sqlite3_str_appendchar(o, 1, '>');
  put_escaped(o, text, max_chars);
  sqlite3_str_appendall(o, "</text>\n");
}

/* An integer in Persian digits. */
static void fa_number(char *out, size_t cap, sqlite3_int64 v) {
  char ascii[32];
  size_t i, n = 0;
  sqlite3_snprintf((int)sizeof ascii, ascii, "%lld", v);
  for (i = 0; ascii[i] && n + 3 < cap; i++) {
    if (ascii[i] >= '0' && ascii[i] <= '9') n += tamas_utf8_encode(0x06F0 + (uint32_t)(ascii[i] - '0'), out + n);
    else out[n++] = ascii[i];
  }
  out[n] = 0;
}

/* The mark of one contact, centred on (x, y). */
static void draw_shape(sqlite3_str *o, int medium, double x, double y, const char *fill,
                       const char *cls) {
  sqlite3_str_appendf(o, "<g class=\"%s\" fill=\"%s\" stroke=\"#222\" stroke-width=\"0.8\">", cls, fill);
  switch (medium) {
    case 0: /* phone: a circle */
      sqlite3_str_appendf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5.5\"/>", x, y);
      break;
    case 1: /* in person: a square */
      sqlite3_str_appendf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\"/>", x - 5, y - 5);
      break;
    case 2: /* video: a diamond */
      sqlite3_str_appendf(o, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>", x,
                          y - 7, x + 7, y, x, y + 7, x - 7, y);
      break;
    case 3: /* letter: a triangle */
      sqlite3_str_appendf(o, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>", x, y - 6.5,
                          x + 6.5, y + 5, x - 6.5, y + 5);
      break;
    default: /* unspecified or another value: a hexagon */
      sqlite3_str_appendf(o,
                          "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f "
                          "%.1f,%.1f\"/>",
                          x - 6, y, x - 3, y - 5.2, x + 3, y - 5.2, x + 6, y, x + 3, y + 5.2,
                          x - 3, y + 5.2);
  }
}

/* ---- layout --------------------------------------------------------------------------- */

#define WIDTH 1280.0
#define MARGIN 20.0
#define LANE_H 32.0
#define CHAR_W 6.8          /* an estimate of a character's width at 12px */
#define MAX_LABEL_CHARS 60  /* longer lane labels are cut (the tooltip has all) */
#define UNDATED_W 150.0
#define UNDATED_STEP 14.0
/* Estimated widths of a text at 12px: Latin, Arabic script. */
#define LATIN_W(s) (7.0 * (double)char_count(s))
#define BOLD_W(s) (8.2 * (double)char_count(s))
#define ARABIC_W(s) (6.0 * (double)char_count(s))

typedef struct tl_lane {
  const char *a, *b;     /* the pair */
  size_t start, end;     /* rows[start..end): dated rows first, by date */
  size_t n_dated;
  int32_t first;         /* the first date, or INT32_MAX when undated only */
} tl_lane;

static int cmp_rows(const void *pa, const void *pb) {
  const tl_row *x = pa, *y = pb;
  int32_t dx = x->jdn ? x->jdn : INT32_MAX, dy = y->jdn ? y->jdn : INT32_MAX;
  int c;
  if ((c = strcmp(x->a, y->a)) || (c = strcmp(x->b, y->b))) return c;
  if (dx != dy) return dx < dy ? -1 : 1;
  if ((c = strcmp(x->status, y->status))) return c;
  return strcmp(x->medium, y->medium);
}

static int cmp_lanes(const void *pa, const void *pb) {
  const tl_lane *x = pa, *y = pb;
  int c;
  if (x->first != y->first) return x->first < y->first ? -1 : 1;
  if ((c = strcmp(x->a, y->a))) return c;
  return strcmp(x->b, y->b);
}

typedef struct tl_axis {
  int32_t lo, hi;        /* the days at the ends of the plot */
  double x0, x1;         /* the plot's pixels */
} tl_axis;

static double day_x(const tl_axis *ax, int32_t jdn) {
  return ax->x0 + (ax->x1 - ax->x0) * (double)(jdn - ax->lo) / (double)(ax->hi - ax->lo);
}

static const char *pair_sep = " – ";

/* The lane's label "A – B". */
static char *lane_label(const tl_row *r) {
  return sqlite3_mprintf("%s%s%s", r->a, pair_sep, r->b);
}

/* The mark's tooltip: date in both calendars, the pair, medium and status. */
static void put_tooltip(sqlite3_str *o, const tl_row *r) {
  char iso[11], fa[128];
  sqlite3_str_appendall(o, "<title>");
  if (r->jdn && tamas_jdn_to_iso(r->jdn, iso)) {
    sqlite3_str_appendall(o, iso);
    if (tamas_format_jalali(r->jdn, "long", fa, sizeof fa) > 0) sqlite3_str_appendf(o, " (%s)", fa);
  } else {
    sqlite3_str_appendall(o, "undated");
  }
  sqlite3_str_appendall(o, ": ");
  put_escaped(o, r->a, NO_LIMIT);
  sqlite3_str_appendall(o, pair_sep);
  put_escaped(o, r->b, NO_LIMIT);
  sqlite3_str_appendall(o, ", ");
  put_escaped(o, r->medium[0] ? r->medium : "?", NO_LIMIT);
  sqlite3_str_appendall(o, ", ");
  put_escaped(o, r->status[0] ? r->status : "?", NO_LIMIT);
  sqlite3_str_appendall(o, "</title>");
}

static void draw_mark(sqlite3_str *o, const tl_row *r, double x, double y) {
  int m = style_index(media, N_MEDIA, r->medium);
  int s = style_index(statuses, N_STATUSES, r->status);
  char cls[64];
  sqlite3_snprintf((int)sizeof cls, cls, "mark %s %s", m >= 0 ? media[m].key : "other",
                   s >= 0 ? statuses[s].key : "other");
  draw_shape(o, m >= 0 ? m : (int)N_MEDIA, x, y, s >= 0 ? statuses[s].fill : OTHER_FILL, cls);
  put_tooltip(o, r);
  sqlite3_str_appendall(o, "</g>\n");
}

static void svg_open(sqlite3_str *o, double w, double h) {
  sqlite3_str_appendf(o,
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                      "viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\" font-size=\"12\" "
                      "xml:lang=\"en\">\n"
                      "<title>Contact timeline (tamas)</title>\n",
                      w, h, w, h, FONT);
  sqlite3_str_appendf(o, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", w, h);
}

/* Ticks: Gregorian month starts (or days, for a short span) above the lanes,
** Jalali month starts below them, `step` months apart. */
static int nice_step(double span, double max_ticks, const int *steps, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (span / steps[i] <= max_ticks) return steps[i];
  return steps[n - 1] * (int)(span / max_ticks / steps[n - 1] + 1);
}

/* Does a label of this width, centred on x, stay within the plot? */
static int fits(const tl_axis *ax, double x, double width) {
  return x - width / 2 >= ax->x0 - 8 && x + width / 2 <= ax->x1 + 8;
}

static void draw_axes(sqlite3_str *o, const tl_axis *ax, double top, double bottom) {
  static const int month_steps[] = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200};
  static const int day_steps[] = {1, 2, 7, 14};
  double max_ticks = (ax->x1 - ax->x0) / 90.0;
  int32_t span = ax->hi - ax->lo, j0;
  int y, m, d, step, k;
  char label[64];
  sqlite3_str_appendf(o,
                      "<g class=\"axes\" stroke=\"#888\">"
                      "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                      "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/></g>\n",
                      ax->x0, top, ax->x1, top, ax->x0, bottom, ax->x1, bottom);
  if (max_ticks < 1) max_ticks = 1;
  if (span <= 62) {
    /* a short span: day ticks, labelled in both calendars */
    int32_t j;
    step = nice_step(span, max_ticks, day_steps, sizeof day_steps / sizeof day_steps[0]);
    for (j = ax->lo + (step - (ax->lo % step)) % step; j <= ax->hi; j += step) {
      double x = day_x(ax, j);
      char iso[11];
      if (!tamas_jdn_to_iso(j, iso) || !fits(ax, x, LATIN_W(iso))) continue;
      sqlite3_str_appendf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                          x, top, x, bottom);
      put_text(o, x, top - 6, CENTRED_AT_X, "fill=\"#444\"", iso, NO_LIMIT);
      if (tamas_format_jalali(j, "%Oe %B", label, sizeof label) > 0)
        put_text(o, x, bottom + 18, CENTRED_AT_X, "fill=\"#444\"", label, NO_LIMIT);
    }
    return;
  }
  step = nice_step(span / 30.44, max_ticks, month_steps, sizeof month_steps / sizeof month_steps[0]);
  /* Gregorian, from the first day there is (the padding may go before it) */
  if (tamas_jdn_to_gregorian(ax->lo, &y, &m, &d) ||
      (ax->lo < (j0 = tamas_gregorian_to_jdn(TAMAS_GREGORIAN_MIN_YEAR, 1, 1)) &&
       tamas_jdn_to_gregorian(j0, &y, &m, &d))) {
    k = y * 12 + (m - 1);
    if (d > 1) k++;
    for (k += (step - k % step) % step;; k += step) {
      int32_t j = tamas_gregorian_to_jdn(k / 12, k % 12 + 1, 1);
      double x;
      if (!j || j > ax->hi) break;
      x = day_x(ax, j);
      if (step >= 12) sqlite3_snprintf((int)sizeof label, label, "%04d", k / 12);
      else sqlite3_snprintf((int)sizeof label, label, "%04d-%02d", k / 12, k % 12 + 1);
      if (!fits(ax, x, LATIN_W(label))) continue;
      sqlite3_str_appendf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                          x, top, x, bottom);
      put_text(o, x, top - 6, CENTRED_AT_X, "fill=\"#444\"", label, NO_LIMIT);
    }
  }
  /* Jalali, within the years tamas converts */
  if (tamas_jdn_to_jalali(ax->lo, &y, &m, &d) ||
      (ax->lo < (j0 = tamas_jalali_to_jdn(TAMAS_JALALI_MIN_YEAR, 1, 1)) &&
       tamas_jdn_to_jalali(j0, &y, &m, &d))) {
    k = y * 12 + (m - 1);
    if (d > 1) k++;
    for (k += (step - k % step) % step;; k += step) {
      int32_t j = tamas_jalali_to_jdn(k / 12, k % 12 + 1, 1);
      double x;
      if (!j || j > ax->hi) break;
      x = day_x(ax, j);
      if (tamas_format_jalali(j, step >= 12 ? "%OY" : "%B %OY", label, sizeof label) <= 0 ||
          !fits(ax, x, ARABIC_W(label)))
        continue;
      sqlite3_str_appendf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>\n",
                          x, bottom, x, bottom + 5);
      put_text(o, x, bottom + 18, CENTRED_AT_X, "fill=\"#444\"", label, NO_LIMIT);
    }
  }
}


/* A legend entry: the key (shape or swatch) at x, then "english فارسی". */
static double legend_labels(sqlite3_str *o, double x, double y, const tl_style *st) {
  put_text(o, x + 16, y + 4, LEFT_AT_X, NULL, st->key, NO_LIMIT);
  x += 16 + LATIN_W(st->key) + 8;
  put_text(o, x, y + 4, LEFT_AT_X, "fill=\"#555\"", st->fa, NO_LIMIT);
  return x + ARABIC_W(st->fa) + 28;
}

static void draw_legend(sqlite3_str *o, double y) {
  static const char *heads[2][2] = {{"medium (shape)", "رسانه (شکل)"},
                                    {"status (fill)", "وضعیت (رنگ)"}};
  double x, head_w = 0;
  size_t i, r;
  for (r = 0; r < 2; r++) {
    double w = BOLD_W(heads[r][0]) + 10 + ARABIC_W(heads[r][1]) + 28;
    if (w > head_w) head_w = w;
  }
  for (r = 0; r < 2; r++, y += 24) {
    put_text(o, MARGIN, y + 4, LEFT_AT_X, "font-weight=\"bold\"", heads[r][0], NO_LIMIT);
    put_text(o, MARGIN + BOLD_W(heads[r][0]) + 10, y + 4, LEFT_AT_X, "font-weight=\"bold\"",
             heads[r][1], NO_LIMIT);
    x = MARGIN + head_w;
    if (r == 0) {
      for (i = 0; i < N_MEDIA; i++) {
        char cls[32];
        sqlite3_snprintf((int)sizeof cls, cls, "key %s", media[i].key);
        draw_shape(o, (int)i, x + 6, y, "#ffffff", cls);
        sqlite3_str_appendall(o, "</g>\n");
        x = legend_labels(o, x, y, &media[i]);
      }
    } else {
      for (i = 0; i < N_STATUSES; i++) {
        sqlite3_str_appendf(o,
                            "<rect class=\"key %s\" x=\"%.1f\" y=\"%.1f\" width=\"12\" "
                            "height=\"12\" fill=\"%s\" stroke=\"#222\" stroke-width=\"0.8\"/>\n",
                            statuses[i].key, x, y - 6, statuses[i].fill);
        x = legend_labels(o, x, y, &statuses[i]);
      }
    }
  }
}

static void draw_empty(sqlite3_str *o) {
  svg_open(o, 480, 110);
  put_text(o, 20, 40, LEFT_AT_X, "font-size=\"16\"", "No contacts to draw.", NO_LIMIT);
  put_text(o, 460, 75, RIGHT_AT_X, "font-size=\"16\"", "تماسی برای نمایش نیست.", NO_LIMIT);
  sqlite3_str_appendall(o, "</svg>\n");
}

/* The whole picture; returns 0 when out of memory. */
static int draw(sqlite3_str *o, tl_state *st) {
  tl_row *rows = st->rows;
  tl_lane *lanes;
  size_t i, j, n_lanes = 0, n_dated = 0, max_chars = 0;
  int32_t lo = INT32_MAX, hi = 0;
  double label_w, lanes_y0, lanes_y1, height, undated_x = 0;
  tl_axis ax = {0, 1, 0, 0};
  char buf[160], fa[160], n1[32], n2[32];

  qsort(rows, st->n, sizeof *rows, cmp_rows);
  if (!(lanes = sqlite3_malloc64(st->n * sizeof *lanes))) return 0;
  for (i = 0; i < st->n; i = j) {
    tl_lane *l = &lanes[n_lanes++];
    size_t chars = char_count(rows[i].a) + char_count(rows[i].b) + 3;
    for (j = i; j < st->n && !strcmp(rows[j].a, rows[i].a) && !strcmp(rows[j].b, rows[i].b); j++) {
      if (!rows[j].jdn) continue;
      if (rows[j].jdn < lo) lo = rows[j].jdn;
      if (rows[j].jdn > hi) hi = rows[j].jdn;
    }
    l->a = rows[i].a;
    l->b = rows[i].b;
    l->start = i;
    l->end = j;
    for (l->n_dated = 0; i + l->n_dated < j && rows[i + l->n_dated].jdn; l->n_dated++) {}
    n_dated += l->n_dated;
    l->first = l->n_dated ? rows[i].jdn : INT32_MAX;
    if (chars > max_chars) max_chars = chars;
  }
  qsort(lanes, n_lanes, sizeof *lanes, cmp_lanes);

  /* the columns: labels, plot, undated */
  if (max_chars > MAX_LABEL_CHARS) max_chars = MAX_LABEL_CHARS;
  label_w = max_chars * CHAR_W + 10;
  if (label_w < 120) label_w = 120;
  ax.x0 = MARGIN + label_w + 24;
  ax.x1 = WIDTH - MARGIN - 12;
  if (n_dated < st->n) {
    undated_x = WIDTH - MARGIN - UNDATED_W;
    ax.x1 = undated_x - 24;
  }
  if (n_dated) {
    int32_t pad = (hi - lo) / 30 + 3;
    ax.lo = lo - pad;
    ax.hi = hi + pad;
  }
  lanes_y0 = 170;
  lanes_y1 = lanes_y0 + LANE_H * (double)n_lanes;
  height = lanes_y1 + 56;

  svg_open(o, WIDTH, height);
  fa_number(n1, sizeof n1, (sqlite3_int64)st->n);
  fa_number(n2, sizeof n2, (sqlite3_int64)n_lanes);
  sqlite3_str_appendf(o, "<desc>%lld contact%s between %lld pair%s of actors", (long long)st->n,
                      st->n == 1 ? "" : "s", (long long)n_lanes, n_lanes == 1 ? "" : "s");
  if (n_dated < st->n) sqlite3_str_appendf(o, ", %lld undated", (long long)(st->n - n_dated));
  sqlite3_str_appendall(o, ".</desc>\n");

  /* title and span, in English at the left and in Persian at the right */
  put_text(o, MARGIN, 32, LEFT_AT_X, "font-size=\"20\" font-weight=\"bold\"", "Contact timeline", NO_LIMIT);
  put_text(o, WIDTH - MARGIN, 32, RIGHT_AT_X, "font-size=\"20\" font-weight=\"bold\"",
           "گاه‌شمار تماس‌ها", NO_LIMIT);
  if (n_dated) {
    char a[11], b[11], fa_a[64], fa_b[64];
    tamas_jdn_to_iso(lo, a);
    tamas_jdn_to_iso(hi, b);
    sqlite3_snprintf((int)sizeof buf, buf, "%lld contact%s, %lld pair%s, %s to %s", (long long)st->n,
                     st->n == 1 ? "" : "s", (long long)n_lanes, n_lanes == 1 ? "" : "s", a, b);
    if (tamas_format_jalali(lo, "long", fa_a, sizeof fa_a) > 0 &&
        tamas_format_jalali(hi, "long", fa_b, sizeof fa_b) > 0)
      sqlite3_snprintf((int)sizeof fa, fa, "%s تماس، %s جفت، از %s تا %s", n1, n2, fa_a, fa_b);
    else
      sqlite3_snprintf((int)sizeof fa, fa, "%s تماس، %s جفت", n1, n2);
  } else {
    sqlite3_snprintf((int)sizeof buf, buf, "%lld contact%s, %lld pair%s, none dated",
                     (long long)st->n, st->n == 1 ? "" : "s", (long long)n_lanes,
                     n_lanes == 1 ? "" : "s");
    sqlite3_snprintf((int)sizeof fa, fa, "%s تماس، %s جفت، بی‌تاریخ", n1, n2);
  }
  put_text(o, MARGIN, 54, LEFT_AT_X, "fill=\"#444\"", buf, NO_LIMIT);
  put_text(o, WIDTH - MARGIN, 54, RIGHT_AT_X, "fill=\"#444\"", fa, NO_LIMIT);
  draw_legend(o, 86);

  /* lanes: stripes and labels */
  for (i = 0; i < n_lanes; i++) {
    double y = lanes_y0 + LANE_H * (double)i;
    char *label = lane_label(&rows[lanes[i].start]);
    if (!label) {
      sqlite3_free(lanes);
      return 0;
    }
    sqlite3_str_appendf(o, "<g class=\"lane\"><title>");
    put_escaped(o, label, NO_LIMIT);
    sqlite3_str_appendf(o, "</title>");
    if (i % 2 == 0)
      sqlite3_str_appendf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#f3f3f3\"/>",
                          MARGIN, y, WIDTH - 2 * MARGIN, LANE_H);
    sqlite3_str_appendall(o, "\n");
    put_text(o, MARGIN + label_w, y + LANE_H / 2 + 4, RIGHT_AT_X, NULL, label, MAX_LABEL_CHARS);
    sqlite3_str_appendall(o, "</g>\n");
    sqlite3_free(label);
  }

  /* axes, or a note when nothing is dated */
  if (n_dated) {
    draw_axes(o, &ax, lanes_y0 - 2, lanes_y1 + 2);
    put_text(o, MARGIN + label_w, lanes_y0 - 8, RIGHT_AT_X, "fill=\"#444\" font-style=\"italic\"",
             "Gregorian (ISO)", NO_LIMIT);
    put_text(o, MARGIN + label_w, lanes_y1 + 20, RIGHT_AT_X, "fill=\"#444\"", "تقویم جلالی", NO_LIMIT);
  } else {
    put_text(o, (ax.x0 + ax.x1) / 2, lanes_y0 - 30, CENTRED_AT_X, "fill=\"#444\"",
             "No contact has a date.", NO_LIMIT);
    put_text(o, (ax.x0 + ax.x1) / 2, lanes_y0 - 12, CENTRED_AT_X, "fill=\"#444\"",
             "هیچ تماسی تاریخ ندارد.", NO_LIMIT);
  }
  if (n_dated < st->n) {
    sqlite3_str_appendf(o,
                        "<rect class=\"undated\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        "fill=\"none\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>\n",
                        undated_x, lanes_y0 - 2, UNDATED_W, lanes_y1 - lanes_y0 + 4);
    put_text(o, undated_x + 6, lanes_y0 - 8, LEFT_AT_X, "fill=\"#444\" font-style=\"italic\"",
             "undated", NO_LIMIT);
    put_text(o, undated_x + UNDATED_W - 6, lanes_y0 - 8, RIGHT_AT_X, "fill=\"#444\"", "بی‌تاریخ",
             NO_LIMIT);
  }

  /* the marks: same-place marks of a lane are spread up and down */
  for (i = 0; i < n_lanes; i++) {
    const tl_lane *l = &lanes[i];
    double yc = lanes_y0 + LANE_H * (double)i + LANE_H / 2;
    size_t k, n_undated = l->end - l->start - l->n_dated, room;
    for (k = 0; k < l->n_dated;) {
      size_t c = k, m;
      double x = day_x(&ax, rows[l->start + k].jdn);
      while (c < l->n_dated && day_x(&ax, rows[l->start + c].jdn) - x < 4) c++;
      /* a cluster of marks: two rows, side by side around the day */
      for (m = k; m < c; m++) {
        size_t n_rows = c - k > 1 ? 2 : 1, cols = (c - k + n_rows - 1) / n_rows;
        size_t row = (m - k) % n_rows, col = (m - k) / n_rows;
        double dx = ((double)col - (double)(cols - 1) / 2) * 13;
        double dy = n_rows == 1 ? 0 : row ? 7 : -7;
        draw_mark(o, &rows[l->start + m], x + dx, yc + dy);
      }
      k = c;
    }
    room = (size_t)((UNDATED_W - 12) / UNDATED_STEP);
    for (k = 0; k < n_undated; k++) {
      double x = undated_x + 12 + UNDATED_STEP * (double)k;
      if (k + 1 == room && n_undated > room) {
        sqlite3_snprintf((int)sizeof buf, buf, "+%lld", (long long)(n_undated - k));
        put_text(o, x - 5, yc + 4, LEFT_AT_X, "fill=\"#444\"", buf, NO_LIMIT);
        break;
      }
      draw_mark(o, &rows[l->start + l->n_dated + k], x, yc);
    }
  }
  sqlite3_str_appendall(o, "</svg>\n");
  sqlite3_free(lanes);
  return 1;
}

void tamas_sql_timeline_final(sqlite3_context *ctx) {
  tl_state *st = sqlite3_aggregate_context(ctx, 0);
  sqlite3_str *o = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  int ok, rc, len;
  char *svg;
  size_t i;
  ok = st && st->n ? draw(o, st) : (draw_empty(o), 1);
  if (st) {
    for (i = 0; i < st->n; i++) sqlite3_free(st->rows[i].mem);
    sqlite3_free(st->rows);
    st->rows = NULL;
    st->n = st->cap = 0;
  }
  rc = sqlite3_str_errcode(o);
  len = sqlite3_str_length(o);
  svg = sqlite3_str_finish(o);
  if (rc == SQLITE_TOOBIG) sqlite3_result_error_toobig(ctx);
  else if (!ok || rc != SQLITE_OK || !svg) sqlite3_result_error_nomem(ctx);
  else {
    sqlite3_result_text(ctx, svg, len, sqlite3_free);
    return;
  }
  sqlite3_free(svg);
}
