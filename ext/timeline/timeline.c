/*
** timeline.c — contacts drawn as an SVG timeline (tamas_timeline_svg in
** include/tamas.h; SQL: the aggregate tamas_timeline_svg(), ext/sqlite/
** timeline_sql.c).
**
**   tamas_timeline *t = tamas_timeline_new();
**   tamas_timeline_add(t, jdn, "Sergey Lavrov", "Antony Blinken", "occurred", "phone");
**   char *svg = tamas_timeline_svg(t, &len);   ... free(svg); tamas_timeline_free(t);
**
** The picture: one lane per pair of actors (A–B and B–A share a lane), a mark
** per row placed by its date, its shape telling the medium and its fill the
** status, a legend, a Gregorian (ISO) axis above the lanes and a Jalali axis
** below them.  Rows without a usable date go to an "undated" column at the
** right.  Text in Arabic script (Persian labels, actor1_fa …) is written
** right-to-left (direction="rtl", unicode-bidi="embed", xml:lang="fa").  Every
** string from the data is escaped for XML; invalid UTF-8 and characters XML
** forbids become U+FFFD.  No rows give a small valid SVG that says so.
**
** The result depends only on the set of rows, not on their order: lanes are
** sorted by their first date, then by name, and marks by date.
*/
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tamas.h"
#include "text/utf8.h"

/* ---- collecting rows ------------------------------------------------------------ */

typedef struct tl_row {
  int32_t jdn;          /* 0 when undated */
  const char *a, *b;    /* the pair, a <= b (strcmp); "?" for NULL */
  const char *status, *medium;
  char *mem;            /* owns the four strings */
} tl_row;

struct tamas_timeline {
  tl_row *rows;
  size_t n, cap;
};

tamas_timeline *tamas_timeline_new(void) { return calloc(1, sizeof(tamas_timeline)); }

void tamas_timeline_free(tamas_timeline *t) {
  size_t i;
  if (!t) return;
  for (i = 0; i < t->n; i++) free(t->rows[i].mem);
  free(t->rows);
  free(t);
}

int tamas_timeline_add(tamas_timeline *t, int32_t jdn, const char *actor1, const char *actor2,
                       const char *status, const char *medium) {
  const char *f[4] = {actor1 ? actor1 : "?", actor2 ? actor2 : "?", status ? status : "",
                      medium ? medium : ""};
  size_t len[4], total = 0;
  char *p;
  tl_row *r;
  int i;
  /* no actor at all (the NULL side of an outer join): nothing to draw */
  if (!actor1 && !actor2) return 1;
  for (i = 0; i < 4; i++) total += (len[i] = strlen(f[i])) + 1;
  if (t->n == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 16;
    tl_row *rows = realloc(t->rows, cap * sizeof *rows);
    if (!rows) return 0;
    t->rows = rows;
    t->cap = cap;
  }
  if (!(p = malloc(total))) return 0;
  r = &t->rows[t->n++];
  r->mem = p;
  for (i = 0; i < 4; i++) {
    memcpy(p, f[i], len[i] + 1);
    f[i] = p;
    p += len[i] + 1;
  }
  r->jdn = tamas_jdn_to_iso(jdn, (char[11]){0}) ? jdn : 0;
  if (strcmp(f[0], f[1]) <= 0) r->a = f[0], r->b = f[1];
  else r->a = f[1], r->b = f[0];
  r->status = f[2];
  r->medium = f[3];
  return 1;
}

/* ---- the output: a growing string ----------------------------------------------------- */

typedef struct svg_out {
  char *s;
  size_t len, cap;
  int oom;
} svg_out;

static void out_put(svg_out *o, const char *s, size_t n) {
  if (o->oom) return;
  if (o->len + n + 1 > o->cap) {
    size_t cap = o->cap ? o->cap : 4096;
    char *bigger;
    while (o->len + n + 1 > cap) cap *= 2;
    if (!(bigger = realloc(o->s, cap))) {
      o->oom = 1;
      return;
    }
    o->s = bigger;
    o->cap = cap;
  }
  memcpy(o->s + o->len, s, n);
  o->len += n;
  o->s[o->len] = 0;
}

static void out_puts(svg_out *o, const char *s) { out_put(o, s, strlen(s)); }
static void out_putc(svg_out *o, char c) { out_put(o, &c, 1); }

static void out_printf(svg_out *o, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n >= sizeof buf) { /* no element here is that long */
    o->oom = 1;
    return;
  }
  out_put(o, buf, (size_t)n);
}

/* a, b and c joined, malloc'd (NULL when out of memory) */
static char *concat3(const char *a, const char *b, const char *c) {
  size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
  char *s = malloc(la + lb + lc + 1);
  if (!s) return NULL;
  memcpy(s, a, la);
  memcpy(s + la, b, lb);
  memcpy(s + la + lb, c, lc + 1);
  return s;
}

/* ---- styles ------------------------------------------------------------------------- */

/* Shapes by medium, in this order (see draw_shape); names and labels are
** tamas_medium_name and tamas_medium_label. */
static const tamas_medium media[] = {TAMAS_PHONE, TAMAS_IN_PERSON, TAMAS_VIDEO, TAMAS_LETTER,
                                     TAMAS_MEDIUM_UNSPECIFIED};
#define N_MEDIA (sizeof media / sizeof media[0])

/* Fills by status (Okabe–Ito colours, told apart with colour blindness). */
static const char *const status_fills[] = {
    [TAMAS_OCCURRED] = "#009e73", [TAMAS_PLANNED] = "#56b4e9", [TAMAS_PROPOSED] = "#0072b2",
    [TAMAS_REQUESTED] = "#e69f00", [TAMAS_REFUSED] = "#d55e00", [TAMAS_DENIED] = "#cc79a7",
};
#define N_STATUSES (sizeof status_fills / sizeof status_fills[0])
#define OTHER_FILL "#bbbbbb"

/* The shape (index of media[]) of a medium column value, or -1. */
static int medium_index(const char *name) {
  int m = tamas_medium_from_name(name, strlen(name));
  size_t i;
  for (i = 0; i < N_MEDIA; i++)
    if ((int)media[i] == m) return (int)i;
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
static void put_escaped(svg_out *o, const char *s, size_t max_chars) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, n = strlen(s), k, chars = 0;
  while (i < n) {
    uint32_t c = tamas_utf8_decode(u, n, i, &k);
    char buf[4];
    if (chars++ == max_chars) {
      out_puts(o, "…");
      return;
    }
    switch (c) {
      case '&': out_puts(o, "&amp;"); break;
      case '<': out_puts(o, "&lt;"); break;
      case '>': out_puts(o, "&gt;"); break;
      case '"': out_puts(o, "&quot;"); break;
      case '\'': out_puts(o, "&apos;"); break;
      case '\t': case '\n': case '\r': out_putc(o, ' '); break;
      default:
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) c = TAMAS_REPLACEMENT_CHAR;
        if (c == TAMAS_REPLACEMENT_CHAR || k > 1)
          out_put(o, buf, tamas_utf8_encode(c, buf));
        else
          out_putc(o, (char)c);
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
static void put_text(svg_out *o, double x, double y, int align, const char *attrs,
                     const char *text, size_t max_chars) {
  int rtl = has_rtl(text);
  const char *anchor = align == CENTRED_AT_X ? "middle"
                       : (align == LEFT_AT_X) != rtl ? "start" : "end";
  out_printf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"", x, y, anchor);
  if (rtl) out_puts(o, " direction=\"rtl\" unicode-bidi=\"embed\" xml:lang=\"fa\"");
  if (attrs && attrs[0]) out_printf(o, " %s", attrs);
  out_putc(o, '>');
  put_escaped(o, text, max_chars);
  out_puts(o, "</text>\n");
}

/* An integer in Persian digits. */
static void fa_number(char *out, size_t cap, long long v) {
  char ascii[32];
  size_t i, n = 0;
  snprintf(ascii, sizeof ascii, "%lld", v);
  for (i = 0; ascii[i] && n + 3 < cap; i++) {
    if (ascii[i] >= '0' && ascii[i] <= '9') n += tamas_utf8_encode(0x06F0 + (uint32_t)(ascii[i] - '0'), out + n);
    else out[n++] = ascii[i];
  }
  out[n] = 0;
}

/* The mark of one contact, centred on (x, y). */
static void draw_shape(svg_out *o, int medium, double x, double y, const char *fill,
                       const char *cls) {
  out_printf(o, "<g class=\"%s\" fill=\"%s\" stroke=\"#222\" stroke-width=\"0.8\">", cls, fill);
  switch (medium) {
    case 0: /* phone: a circle */
      out_printf(o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5.5\"/>", x, y);
      break;
    case 1: /* in person: a square */
      out_printf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\"/>", x - 5, y - 5);
      break;
    case 2: /* video: a diamond */
      out_printf(o, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>", x,
                          y - 7, x + 7, y, x, y + 7, x - 7, y);
      break;
    case 3: /* letter: a triangle */
      out_printf(o, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>", x, y - 6.5,
                          x + 6.5, y + 5, x - 6.5, y + 5);
      break;
    default: /* unspecified or another value: a hexagon */
      out_printf(o,
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
  return concat3(r->a, pair_sep, r->b);
}

/* The mark's tooltip: date in both calendars, the pair, medium and status. */
static void put_tooltip(svg_out *o, const tl_row *r) {
  char iso[11], fa[128];
  out_puts(o, "<title>");
  if (r->jdn && tamas_jdn_to_iso(r->jdn, iso)) {
    out_puts(o, iso);
    if (tamas_format_jalali(r->jdn, "long", fa, sizeof fa) > 0) out_printf(o, " (%s)", fa);
  } else {
    out_puts(o, "undated");
  }
  out_puts(o, ": ");
  put_escaped(o, r->a, NO_LIMIT);
  out_puts(o, pair_sep);
  put_escaped(o, r->b, NO_LIMIT);
  out_puts(o, ", ");
  put_escaped(o, r->medium[0] ? r->medium : "?", NO_LIMIT);
  out_puts(o, ", ");
  put_escaped(o, r->status[0] ? r->status : "?", NO_LIMIT);
  out_puts(o, "</title>");
}

static void draw_mark(svg_out *o, const tl_row *r, double x, double y) {
  int m = medium_index(r->medium), s = tamas_status_from_name(r->status, strlen(r->status));
  char cls[64];
  snprintf(cls, sizeof cls, "mark %s %s", m >= 0 ? tamas_medium_name(media[m]) : "other",
           s >= 0 ? tamas_status_name((tamas_status)s) : "other");
  draw_shape(o, m >= 0 ? m : (int)N_MEDIA, x, y, s >= 0 ? status_fills[s] : OTHER_FILL, cls);
  put_tooltip(o, r);
  out_puts(o, "</g>\n");
}

static void svg_open(svg_out *o, double w, double h) {
  out_printf(o,
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                      "viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\" font-size=\"12\" "
                      "xml:lang=\"en\">\n"
                      "<title>Contact timeline (tamas)</title>\n",
                      w, h, w, h, FONT);
  out_printf(o, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", w, h);
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

static void draw_axes(svg_out *o, const tl_axis *ax, double top, double bottom) {
  static const int month_steps[] = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200};
  static const int day_steps[] = {1, 2, 7, 14};
  double max_ticks = (ax->x1 - ax->x0) / 90.0;
  int32_t span = ax->hi - ax->lo, j0;
  int y, m, d, step, k;
  char label[64];
  out_printf(o,
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
      out_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
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
      if (step >= 12) snprintf(label, sizeof label, "%04d", k / 12);
      else snprintf(label, sizeof label, "%04d-%02d", k / 12, k % 12 + 1);
      if (!fits(ax, x, LATIN_W(label))) continue;
      out_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
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
      out_printf(o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\"/>\n",
                          x, bottom, x, bottom + 5);
      put_text(o, x, bottom + 18, CENTRED_AT_X, "fill=\"#444\"", label, NO_LIMIT);
    }
  }
}


/* A legend entry: the key (shape or swatch) at x, then "english فارسی". */
static double legend_labels(svg_out *o, double x, double y, const char *name, const char *label) {
  put_text(o, x + 16, y + 4, LEFT_AT_X, NULL, name, NO_LIMIT);
  x += 16 + LATIN_W(name) + 8;
  put_text(o, x, y + 4, LEFT_AT_X, "fill=\"#555\"", label, NO_LIMIT);
  return x + ARABIC_W(label) + 28;
}

static void draw_legend(svg_out *o, double y) {
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
        snprintf(cls, sizeof cls, "key %s", tamas_medium_name(media[i]));
        draw_shape(o, (int)i, x + 6, y, "#ffffff", cls);
        out_puts(o, "</g>\n");
        x = legend_labels(o, x, y, tamas_medium_name(media[i]), tamas_medium_label(media[i]));
      }
    } else {
      for (i = 0; i < N_STATUSES; i++) {
        out_printf(o,
                            "<rect class=\"key %s\" x=\"%.1f\" y=\"%.1f\" width=\"12\" "
                            "height=\"12\" fill=\"%s\" stroke=\"#222\" stroke-width=\"0.8\"/>\n",
                            tamas_status_name((tamas_status)i), x, y - 6, status_fills[i]);
        x = legend_labels(o, x, y, tamas_status_name((tamas_status)i),
                           tamas_status_label((tamas_status)i));
      }
    }
  }
}

static void draw_empty(svg_out *o) {
  svg_open(o, 480, 110);
  put_text(o, 20, 40, LEFT_AT_X, "font-size=\"16\"", "No contacts to draw.", NO_LIMIT);
  put_text(o, 460, 75, RIGHT_AT_X, "font-size=\"16\"", "تماسی برای نمایش نیست.", NO_LIMIT);
  out_puts(o, "</svg>\n");
}

/* The whole picture; returns 0 when out of memory. */
static int draw(svg_out *o, tamas_timeline *st) {
  tl_row *rows = st->rows;
  tl_lane *lanes;
  size_t i, j, n_lanes = 0, n_dated = 0, max_chars = 0;
  int32_t lo = INT32_MAX, hi = 0;
  double label_w, lanes_y0, lanes_y1, height, undated_x = 0;
  tl_axis ax = {0, 1, 0, 0};
  char buf[160], fa[256], n1[32], n2[32];

  qsort(rows, st->n, sizeof *rows, cmp_rows);
  if (!(lanes = malloc(st->n * sizeof *lanes))) return 0;
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
  fa_number(n1, sizeof n1, (long long)st->n);
  fa_number(n2, sizeof n2, (long long)n_lanes);
  out_printf(o, "<desc>%lld contact%s between %lld pair%s of actors", (long long)st->n,
                      st->n == 1 ? "" : "s", (long long)n_lanes, n_lanes == 1 ? "" : "s");
  if (n_dated < st->n) out_printf(o, ", %lld undated", (long long)(st->n - n_dated));
  out_puts(o, ".</desc>\n");

  /* title and span, in English at the left and in Persian at the right */
  put_text(o, MARGIN, 32, LEFT_AT_X, "font-size=\"20\" font-weight=\"bold\"", "Contact timeline", NO_LIMIT);
  put_text(o, WIDTH - MARGIN, 32, RIGHT_AT_X, "font-size=\"20\" font-weight=\"bold\"",
           "گاه‌شمار تماس‌ها", NO_LIMIT);
  if (n_dated) {
    char a[11], b[11], fa_a[64], fa_b[64];
    tamas_jdn_to_iso(lo, a);
    tamas_jdn_to_iso(hi, b);
    snprintf(buf, sizeof buf, "%lld contact%s, %lld pair%s, %s to %s", (long long)st->n,
                     st->n == 1 ? "" : "s", (long long)n_lanes, n_lanes == 1 ? "" : "s", a, b);
    if (tamas_format_jalali(lo, "long", fa_a, sizeof fa_a) > 0 &&
        tamas_format_jalali(hi, "long", fa_b, sizeof fa_b) > 0)
      snprintf(fa, sizeof fa, "%s تماس، %s جفت، از %s تا %s", n1, n2, fa_a, fa_b);
    else
      snprintf(fa, sizeof fa, "%s تماس، %s جفت", n1, n2);
  } else {
    snprintf(buf, sizeof buf, "%lld contact%s, %lld pair%s, none dated",
                     (long long)st->n, st->n == 1 ? "" : "s", (long long)n_lanes,
                     n_lanes == 1 ? "" : "s");
    snprintf(fa, sizeof fa, "%s تماس، %s جفت، بی‌تاریخ", n1, n2);
  }
  put_text(o, MARGIN, 54, LEFT_AT_X, "fill=\"#444\"", buf, NO_LIMIT);
  put_text(o, WIDTH - MARGIN, 54, RIGHT_AT_X, "fill=\"#444\"", fa, NO_LIMIT);
  draw_legend(o, 86);

  /* lanes: stripes and labels */
  for (i = 0; i < n_lanes; i++) {
    double y = lanes_y0 + LANE_H * (double)i;
    char *label = lane_label(&rows[lanes[i].start]);
    if (!label) {
      free(lanes);
      return 0;
    }
    out_printf(o, "<g class=\"lane\"><title>");
    put_escaped(o, label, NO_LIMIT);
    out_printf(o, "</title>");
    if (i % 2 == 0)
      out_printf(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#f3f3f3\"/>",
                          MARGIN, y, WIDTH - 2 * MARGIN, LANE_H);
    out_puts(o, "\n");
    put_text(o, MARGIN + label_w, y + LANE_H / 2 + 4, RIGHT_AT_X, NULL, label, MAX_LABEL_CHARS);
    out_puts(o, "</g>\n");
    free(label);
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
    out_printf(o,
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
        snprintf(buf, sizeof buf, "+%lld", (long long)(n_undated - k));
        put_text(o, x - 5, yc + 4, LEFT_AT_X, "fill=\"#444\"", buf, NO_LIMIT);
        break;
      }
      draw_mark(o, &rows[l->start + l->n_dated + k], x, yc);
    }
  }
  out_puts(o, "</svg>\n");
  free(lanes);
  return 1;
}

char *tamas_timeline_svg(tamas_timeline *t, size_t *len) {
  svg_out o = {NULL, 0, 0, 0};
  int ok = t && t->n ? draw(&o, t) : (draw_empty(&o), 1);
  if (!ok || o.oom) {
    free(o.s);
    return NULL;
  }
  if (len) *len = o.len;
  return o.s;
}
