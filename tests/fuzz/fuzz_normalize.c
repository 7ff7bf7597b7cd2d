/*
** fuzz_normalize.c — libFuzzer target: the normaliser and match keys on
** arbitrary bytes.
**
** The first byte picks the options; the rest is the text.  Checks the
** promises of include/tamas.h: the result has no NUL byte and is valid
** UTF-8, the offset map has out_len + 1 entries, never decreases, stays
** within the input and ends at its length (in bytes, or in characters with
** TAMAS_NORM_MAP_CHARS), all bytes of one output character carry the same
** value, and the match key of the normalised text equals the match key of
** the text.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "tamas.h"

static void check_result(const char *in, size_t in_len, unsigned opts, const char *out,
                         size_t out_len, const size_t *map) {
  size_t i, end;
  FUZZ_ASSERT(out != NULL);
  FUZZ_ASSERT(out[out_len] == 0);
  FUZZ_ASSERT(memchr(out, 0, out_len) == NULL);
  FUZZ_ASSERT(tamas_utf8_valid(out, out_len));
  FUZZ_ASSERT(map != NULL);
  end = opts & TAMAS_NORM_MAP_CHARS ? tamas_utf8_chars(in, in_len) : in_len;
  FUZZ_ASSERT(map[out_len] == end);
  for (i = 0; i < out_len; i++) {
    FUZZ_ASSERT(map[i] <= map[i + 1]);
    FUZZ_ASSERT(map[i] <= end);
    if (((unsigned char)out[i] & 0xC0) == 0x80) FUZZ_ASSERT(i > 0 && map[i] == map[i - 1]);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned opts;
  const char *text;
  size_t n, out_len, key_len, key2_len, *map = NULL, *kmap = NULL;
  char *out, *key, *key2;
  if (size == 0) return 0;
  opts = data[0] & 0x0F;
  text = (const char *)data + 1;
  n = size - 1;

  out = tamas_normalize(text, n, opts, &out_len, &map);
  check_result(text, n, opts, out, out_len, map);

  key = tamas_match_key(text, n, opts & TAMAS_NORM_MAP_CHARS, &key_len, &kmap);
  check_result(text, n, opts & TAMAS_NORM_MAP_CHARS, key, key_len, kmap);
  FUZZ_ASSERT(memchr(key, '\n', key_len) == NULL);
  FUZZ_ASSERT(key_len == 0 || (key[0] != ' ' && key[key_len - 1] != ' '));

  /* key(normalize(text)) == key(text), for the default normalisation */
  if (opts == 0) {
    key2 = tamas_match_key(out, out_len, 0, &key2_len, NULL);
    FUZZ_ASSERT(key2 != NULL);
    if (key2_len != key_len || memcmp(key, key2, key_len) != 0) {
      fprintf(stderr, "key(text)            = '%s'\nkey(normalize(text)) = '%s'\n", key, key2);
      FUZZ_ASSERT(!"key(normalize(text)) == key(text)");
    }
    free(key2);
  }
  free(out);
  free(map);
  free(key);
  free(kmap);
  return 0;
}
