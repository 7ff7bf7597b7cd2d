/*
** replay.c — a fuzz target as a unit test: runs LLVMFuzzerTestOneInput on
** every file of its corpus, the seeds and every input a fuzzer found that
** crashed (tests/fuzz/corpus/NAME/crash-*), without libFuzzer.
**
**   build/tests/test_fuzz_NAME [DIR]     (DIR: tests/fuzz/corpus/NAME)
**
** Built with gcc by make test for the plain and the sanitized build, and run
** under valgrind too.  A failed check of the target aborts; otherwise it
** prints "N passed, 0 failed", one per input.  Each input is in a buffer of
** exactly its size, so reading past the end is caught.
*/
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET='\"name\"'"
#endif

static int replay(const char *path) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf;
  long n;
  if (!f) return 0;
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return 0;
  }
  buf = malloc(n > 0 ? (size_t)n : 1);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    fclose(f);
    return 0;
  }
  fclose(f);
  fprintf(stderr, "replaying %s (%ld bytes)\n", path, n);
  LLVMFuzzerTestOneInput(buf, (size_t)n);
  free(buf);
  return 1;
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "tests/fuzz/corpus/" FUZZ_TARGET;
  DIR *d = opendir(dir);
  struct dirent *e;
  int passed = 0, failed = 0;
  if (!d) {
    fprintf(stderr, "cannot open %s (run from the repository root)\n", dir);
    printf("0 passed, 1 failed\n");
    return 1;
  }
  while ((e = readdir(d)) != NULL) {
    char path[4096];
    if (e->d_name[0] == '.') continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (replay(path)) passed++;
    else {
      fprintf(stderr, "cannot read %s\n", path);
      failed++;
    }
  }
  closedir(d);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
