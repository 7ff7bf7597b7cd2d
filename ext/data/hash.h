/*
** hash.h — FNV-1a over bytes: the one hash of the tables that look up words
** by their folded keys (the verb stems and the verb reader's cache, the word
** cache of units.c, the date words, the ZWNJ repair's word lists).
*/
#ifndef TAMAS_HASH_H
#define TAMAS_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint32_t fnv1a(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

#endif
