/*
** buildinfo.c — versions of the libraries tamas is built on, for
** tamas_debug() and bug reports.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <unicode/uversion.h>

#include "tamas.h"

void tamas_icu_version(char *out, size_t cap) {
  UVersionInfo v;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(v);
  u_versionToString(v, text);
  snprintf(out, cap, "%s", text);
}

void tamas_pcre2_version(char *out, size_t cap) {
  char text[64];
  if (pcre2_config(PCRE2_CONFIG_VERSION, text) < 0) text[0] = 0;
  snprintf(out, cap, "%s", text);
}

/* Built with JIT support is not enough: a hardened kernel may refuse
** executable memory, so compile a tiny pattern and see. */
int tamas_pcre2_jit_available(void) {
  uint32_t built_with_jit = 0;
  int errcode, ok;
  PCRE2_SIZE erroffset;
  pcre2_code *re;
  if (pcre2_config(PCRE2_CONFIG_JIT, &built_with_jit) < 0 || !built_with_jit)
    return 0;
  re = pcre2_compile((PCRE2_SPTR) "a+", PCRE2_ZERO_TERMINATED, PCRE2_UTF,
                     &errcode, &erroffset, NULL);
  if (re == NULL) return 0;
  ok = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
  pcre2_code_free(re);
  return ok;
}
