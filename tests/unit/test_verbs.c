/*
** test_verbs.c — the verb reader (ext/text/verbs.c): which verb a word is a
** form of, with its tense, mood and negation; and words that are no verb.
*/
#include <string.h>

#include "check.h"
#include "text/fold.h"
#include "text/verbs.h"

/* The flags of a word read as a verb (-1 when it is none), and its verb. */
static int flags_of(const char *word, const char **infinitive) {
  char key[64];
  size_t n = fold_compact(word, strlen(word), key, sizeof key);
  verb_form v;
  if (!verb_read(key, n, &v)) return -1;
  if (infinitive) *infinitive = v.infinitive;
  return (int)v.flags;
}

static void check_verb(const char *word, const char *infinitive, int flags) {
  const char *inf = NULL;
  int got = flags_of(word, &inf);
  if (got != flags) fprintf(stderr, "%s: flags %d, want %d\n", word, got, flags);
  CHECK_INT(got, flags);
  CHECK_STR(inf, infinitive);
}

int main(void) {
  check_verb("کرد", "کردن", VF_PAST);
  check_verb("کردند", "کردن", VF_PAST);
  check_verb("نکردند", "کردن", VF_PAST | VF_NEGATIVE);
  check_verb("می‌کند", "کردن", VF_PRESENT);
  check_verb("میکنند", "کردن", VF_PRESENT);
  check_verb("نمی‌کنند", "کردن", VF_PRESENT | VF_NEGATIVE);
  check_verb("کند", "کردن", VF_SUBJUNCTIVE);
  check_verb("بکنند", "کردن", VF_SUBJUNCTIVE);
  check_verb("کرده", "کردن", VF_PARTICIPLE);
  check_verb("کرده‌اند", "کردن", VF_PARTICIPLE);
  check_verb("نکرده‌ایم", "کردن", VF_PARTICIPLE | VF_NEGATIVE | VF_FIRST);
  check_verb("می‌کرد", "کردن", VF_PAST | VF_PROGRESSIVE);
  check_verb("کردن", "کردن", VF_INFINITIVE);
  check_verb("داشت", "داشتن", VF_PAST);
  check_verb("نداشته‌اند", "داشتن", VF_PARTICIPLE | VF_NEGATIVE);
  check_verb("گفت", "گفتن", VF_PAST);
  check_verb("می‌گوید", "گفتن", VF_PRESENT);
  check_verb("نپذیرفت", "پذیرفتن", VF_PAST | VF_NEGATIVE);
  check_verb("آمد", "آمدن", VF_PAST);
  check_verb("نوشت", "نوشتن", VF_PAST); /* a stem in «ن», not ن + وشت */
  check_verb("گرفتند", "گرفتن", VF_PAST);
  check_verb("نمود", "نمودن", VF_PAST);
  check_verb("می‌نماید", "نمودن", VF_PRESENT);
  check_verb("شد", "شدن", VF_PAST);
  check_verb("شود", "شدن", VF_SUBJUNCTIVE);
  check_verb("بود", "بودن", VF_PAST);
  /* the person of the ending: first and second apart from the third */
  check_verb("کردم", "کردن", VF_PAST | VF_FIRST);
  check_verb("می‌کنیم", "کردن", VF_PRESENT | VF_FIRST);
  check_verb("کنید", "کردن", VF_SUBJUNCTIVE | VF_SECOND);
  check_verb("می‌کنی", "کردن", VF_PRESENT | VF_SECOND);
  check_verb("کرده‌اید", "کردن", VF_PARTICIPLE | VF_SECOND);
  check_verb("کرده‌ام", "کردن", VF_PARTICIPLE | VF_FIRST);
  check_verb("کنند", "کردن", VF_SUBJUNCTIVE);
  /* a prefix written apart: «می کنند» is read with the word after it */
  {
    char k[16];
    size_t n = fold_compact("می", strlen("می"), k, sizeof k);
    CHECK_INT(verb_prefix_apart(k, n), 1);
    n = fold_compact("نمی", strlen("نمی"), k, sizeof k);
    CHECK_INT(verb_prefix_apart(k, n), 1);
    n = fold_compact("میز", strlen("میز"), k, sizeof k);
    CHECK_INT(verb_prefix_apart(k, n), 0);
  }
  /* no verb: nouns, a present stem with no ending, «می» before a noun */
  CHECK_INT(flags_of("دیدار", NULL), -1);
  CHECK_INT(flags_of("بین", NULL), -1);
  CHECK_INT(flags_of("میز", NULL), -1);
  CHECK_INT(flags_of("نامه", NULL), -1);
  CHECK_INT(flags_of("ایران", NULL), -1);
  CHECK_INT(flags_of("", NULL), -1);
  return check_summary();
}
