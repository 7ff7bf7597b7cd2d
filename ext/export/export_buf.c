/*
** export_buf.c — the growing text buffer of the writers (export_internal.h),
** and strings escaped for JSON and XML.  Every string from the data goes
** through xbuf_json or xbuf_xml, so the result is valid UTF-8 and well-formed
** whatever bytes the rows held.
*/
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "text/utf8.h"

static int reserve(xbuf *b, size_t extra) {
  size_t cap;
  char *s;
  if (b->oom) return 0;
  if (b->len + extra + 1 <= b->cap) return 1;
  cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1) cap *= 2;
  if (!(s = realloc(b->s, cap))) {
    b->oom = 1;
    return 0;
  }
  b->s = s;
  b->cap = cap;
  return 1;
}

void xbuf_put(xbuf *b, const char *s, size_t n) {
  if (!reserve(b, n)) return;
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = 0;
}

void xbuf_puts(xbuf *b, const char *s) { xbuf_put(b, s, strlen(s)); }

void xbuf_printf(xbuf *b, const char *fmt, ...) {
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || !reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* One code point of s, or U+FFFD for a byte that begins none. */
static void put_char(xbuf *b, uint32_t c, const char *raw, size_t k) {
  char enc[4];
  if (c == TAMAS_REPLACEMENT_CHAR) xbuf_put(b, enc, tamas_utf8_encode(c, enc));
  else xbuf_put(b, raw, k);
}

void xbuf_json(xbuf *b, const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, n = strlen(s), k;
  xbuf_put(b, "\"", 1);
  while (i < n) {
    uint32_t c = tamas_utf8_decode(u, n, i, &k);
    switch (c) {
      case '"': xbuf_puts(b, "\\\""); break;
      case '\\': xbuf_puts(b, "\\\\"); break;
      case '\n': xbuf_puts(b, "\\n"); break;
      case '\r': xbuf_puts(b, "\\r"); break;
      case '\t': xbuf_puts(b, "\\t"); break;
      default:
        if (c < 0x20) xbuf_printf(b, "\\u%04x", (unsigned)c);
        else put_char(b, c, s + i, k);
    }
    i += k;
  }
  xbuf_put(b, "\"", 1);
}

void xbuf_xml(xbuf *b, const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, n = strlen(s), k;
  while (i < n) {
    uint32_t c = tamas_utf8_decode(u, n, i, &k);
    switch (c) {
      case '&': xbuf_puts(b, "&amp;"); break;
      case '<': xbuf_puts(b, "&lt;"); break;
      case '>': xbuf_puts(b, "&gt;"); break;
      case '"': xbuf_puts(b, "&quot;"); break;
      case '\'': xbuf_puts(b, "&apos;"); break;
      case '\t': case '\n': case '\r': xbuf_put(b, s + i, 1); break;
      default:
        if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) c = TAMAS_REPLACEMENT_CHAR;
        put_char(b, c, s + i, k);
    }
    i += k;
  }
}

char *xbuf_finish(xbuf *b, size_t *len) {
  char *s = b->s;
  if (b->oom || !s) {
    free(s);
    s = b->oom ? NULL : calloc(1, 1);
    if (len) *len = 0;
  } else if (len) {
    *len = b->len;
  }
  b->s = NULL;
  b->len = b->cap = 0;
  b->oom = 0;
  return s;
}
