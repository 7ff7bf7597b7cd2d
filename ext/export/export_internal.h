/*
** export_internal.h — what the writers of ext/export/ share: a growing text
** buffer, and strings written into it escaped for JSON or XML.  Internal to
** ext/export/ (plover.c, graphml.c).
*/
#ifndef TAMAS_EXPORT_INTERNAL_H
#define TAMAS_EXPORT_INTERNAL_H

#include <stddef.h>

/* A text being written: s[0..len), NUL-terminated; oom once memory ran out
** (every later write is then a no-op). */
typedef struct xbuf {
  char *s;
  size_t len, cap;
  int oom;
} xbuf;

void xbuf_put(xbuf *b, const char *s, size_t n);
void xbuf_puts(xbuf *b, const char *s);
void xbuf_printf(xbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* s as a JSON string, quotes included: " \ and control characters escaped. */
void xbuf_json(xbuf *b, const char *s);
/* s as XML character data or an attribute value: & < > " ' escaped, tabs
** and line breaks kept.  In both, invalid UTF-8 and characters the format
** cannot hold (XML 1.0: most C0 controls, U+FFFE, U+FFFF) become U+FFFD. */
void xbuf_xml(xbuf *b, const char *s);
/* The text (malloc'd; its length in *len), or NULL when memory ran out;
** the buffer is emptied either way. */
char *xbuf_finish(xbuf *b, size_t *len);

#endif /* TAMAS_EXPORT_INTERNAL_H */
