/*
** dateparse.h — the date reader's fast path, for a scanner that already knows
** which words may begin a date (extraction's sentence scanner).  The general
** reader, tamas_find_date, is in include/tamas.h.
*/
#ifndef TAMAS_DATEPARSE_H
#define TAMAS_DATEPARSE_H

#include <stddef.h>

#include "tamas.h"

/* The date reader (dateparse.c), told where dates may start: the byte
** ranges [start, end) of the words that can begin one, in text order, each
** with `restart` set when a space is before it (the reader, started there,
** reads the tokens it would have read coming from before).  Every date
** starts inside one of them (a number, a month name, «ماه», a weekday, the
** first word of a many-word entry), so the reader skips from a token outside
** them to the next range it may restart at, instead of reading each word in
** between, and stops after the last range: the same dates as
** tamas_find_date, found sooner. */
typedef struct date_start {
  size_t start, end;
  int restart;
} date_start;
int find_date_among(const char *text, size_t len, size_t from, unsigned calendars,
                    unsigned flags, const date_start *starts, int n_starts,
                    tamas_date_match *m);

#endif /* TAMAS_DATEPARSE_H */
