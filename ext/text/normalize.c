/*
** normalize.c — the Persian text normaliser and the match keys built on it
** (include/tamas.h lists the rules and describes the offset map).
**
**   SELECT fa_normalize('ميكند');          -- می‌کند   (ext/sqlite/normalize_sql.c)
**
** This file is the one-pass normaliser: decoding, NFC, the folds of letters,
** marks and digits, spaces and line breaks, stray ZWNJ (rules 1 to 7) and
** the offset map.  Rule 8, the ZWNJ repair, and its lexicons are in
** normalize_repair.c; text_internal.h is what the two share.
**
** One pass over the input, in four stages that hand code points on:
**
**   decode ──> NFC ──> map ──> words
**
**   decode  UTF-8 to code points (utf8.h: a bad byte is U+FFFD).
**   NFC     collects a combining sequence (a character with an NFC boundary
**           before it, then the characters without one) and sends it on
**           unchanged when the quick-check table says it is NFC — the common
**           case — or through ICU's unorm2_normalize() otherwise.
**   map     the per-character rules: presentation forms, letters, marks,
**           digits, controls, and the class of each character (space, line
**           break, ZWNJ, other).
**   words   writes the output: collapses spaces, keeps a ZWNJ only between
**           two letters it can separate, and at the end of each word runs
**           the ZWNJ repair on it (the word is the tail of the output, so an
**           insertion moves at most one short word) and the joins with the
**           word before («می کند», «تنش ها», «منطقه ای»).
**
** Every output byte gets the input offset of the character it came from in a
** parallel array, moved together with the bytes.  The tables of NFC flags
** and character classes are built, and the repair's lexicons read, once per
** process (pthread_once).
*/
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "fold.h"
#include "text_internal.h"
#include "utf8.h"

/* Code points below this have their NFC flags in a table. */
#define NFC_TABLE_SIZE 0x3000
/* Code points below this (ASCII to Arabic) have their class in a table. */
#define CLASS_TABLE_SIZE 0x800

/* Classes of code points for the fast path: characters that go to the word
** stage unchanged (in a normalisation, not a match key).  K_SLOW ones go
** through all the rules of take_one(). */
enum { K_SLOW, K_LETTER, K_ASCII_DIGIT, K_DIGIT, K_OTHER, K_SPACE };

static struct {
  const UNormalizer2 *nfc, *nfkc; /* NULL if ICU failed: no NFC then */
  uint8_t nfc_flags[NFC_TABLE_SIZE];
  uint8_t char_class[CLASS_TABLE_SIZE]; /* K_*: the fast path of take() */
} G;
static pthread_once_t G_once = PTHREAD_ONCE_INIT;

#define NF_BOUNDARY 1u /* NFC boundary before the character */
#define NF_YES 2u      /* NFC quick check: yes */

static void init_char_classes(void);

static void init(void) {
  UErrorCode status = U_ZERO_ERROR;
  uint32_t cp;
  G.nfc = unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) G.nfc = NULL;
  status = U_ZERO_ERROR;
  G.nfkc = unorm2_getNFKCInstance(&status);
  if (U_FAILURE(status)) G.nfkc = NULL;
  for (cp = 0; cp < NFC_TABLE_SIZE; cp++) {
    unsigned f = NF_BOUNDARY | NF_YES;
    if (G.nfc && !(cp >= 0xD800 && cp <= 0xDFFF)) {
      f = (unorm2_hasBoundaryBefore(G.nfc, (UChar32)cp) ? NF_BOUNDARY : 0) |
          (u_getIntPropertyValue((UChar32)cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES
               ? NF_YES
               : 0);
    }
    G.nfc_flags[cp] = (uint8_t)f;
  }
  init_char_classes();
  norm_load_lexicons();
}

/* ---------------------------------------------------------------------------
** Character classes and the per-character rules
** ------------------------------------------------------------------------ */

static unsigned nfc_flags(uint32_t cp) {
  if (cp < NFC_TABLE_SIZE) return G.nfc_flags[cp];
  if (!G.nfc) return NF_BOUNDARY | NF_YES;
  return (unorm2_hasBoundaryBefore(G.nfc, (UChar32)cp) ? NF_BOUNDARY : 0) |
         (u_getIntPropertyValue((UChar32)cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES
              ? NF_YES
              : 0);
}

/* A letter of the Arabic script: what words are made of. */
static int is_word_letter(uint32_t cp) {
  return (cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) ||
         cp == 0x06D5 || cp == 0x06EE || cp == 0x06EF ||
         (cp >= 0x06FA && cp <= 0x06FC) || cp == 0x06FF ||
         (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08C9);
}

/* Arabic presentation forms (Forms-A and Forms-B), which NFC leaves alone. */
static int is_presentation_form(uint32_t cp) {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE);
}

/* Rule 1: control characters that are dropped: NUL, the C0 and C1 controls
** other than tab, LF, VT, FF, CR and NEL, DEL, and the byte-order mark. */
static int is_dropped_control(uint32_t cp) {
  return (cp < 0x20 && !(cp >= 0x09 && cp <= 0x0D)) ||
         (cp >= 0x7F && cp <= 0x9F && cp != 0x85) || cp == 0xFEFF;
}

/* Rule 3: Arabic, Urdu and Kurdish letter forms → the Persian letter, as
** hazm folds them.  ۀ, ة, آ and the hamza letters are kept. */
static uint32_t persian_letter(uint32_t cp) {
  switch (cp) {
    case 0x064A: /* ي Arabic yeh */
    case 0x0649: /* ى alef maksura */
    case 0x06D2: /* ے yeh barree */
      return 0x06CC;
    case 0x0643: /* ك Arabic kaf */
    case 0x06AA: /* ڪ swash kaf */
      return 0x06A9;
    case 0x06BE: /* ھ heh doachashmee */
    case 0x06C1: /* ہ heh goal */
    case 0x06C2: /* ۂ heh goal with hamza */
    case 0x06C3: /* ۃ teh marbuta goal */
    case 0x06D5: /* ە ae */
      return 0x0647;
    default:
      return cp;
  }
}

/* Rule 4: kashida, harakat and the other marks that are removed. */
static int is_removed_mark(uint32_t cp) {
  return cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
         (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x06D6 && cp <= 0x06DC) ||
         (cp >= 0x06DF && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED);
}

/* Rule 5: Arabic-Indic digits → Persian; with `ascii`, every digit → ASCII. */
static uint32_t map_digit(uint32_t cp, int ascii) {
  if (cp >= 0x0660 && cp <= 0x0669)
    return ascii ? '0' + (cp - 0x0660) : 0x06F0 + (cp - 0x0660);
  if (ascii && cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
  return cp;
}

/* What a character is to the word stage. */
enum { C_CHAR, C_SPACE, C_NEWLINE, C_ZWNJ };
static int space_class(uint32_t cp);

static void init_char_classes(void) {
  uint32_t cp;
  for (cp = 0; cp < CLASS_TABLE_SIZE; cp++) {
    uint8_t k = K_OTHER;
    if (is_dropped_control(cp) || is_removed_mark(cp) || persian_letter(cp) != cp ||
        map_digit(cp, 0) != cp || space_class(cp) == C_NEWLINE ||
        cp == 0x00AD /* dropped from keys */)
      k = K_SLOW;
    else if (space_class(cp) == C_SPACE)
      k = K_SPACE;
    else if (is_word_letter(cp))
      k = K_LETTER;
    else if (cp >= '0' && cp <= '9')
      k = K_ASCII_DIGIT;
    else if (tamas_digit_value(cp) >= 0)
      k = K_DIGIT;
    G.char_class[cp] = k;
  }
}

/* Rule 6: spaces and line breaks. */
static int space_class(uint32_t cp) {
  if (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029)
    return C_NEWLINE;
  if (cp == ' ' || cp == '\t' || cp == 0x0B || cp == 0x0C || cp == 0xA0 ||
      (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000)
    return C_SPACE;
  return C_CHAR;
}

/* Match keys only: invisible characters that are dropped. */
static int is_key_invisible(uint32_t cp) {
  return cp == ZWNJ || cp == 0x200D || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0x00AD;
}

/* ---------------------------------------------------------------------------
** The output: bytes and, in parallel, their input offsets
** ------------------------------------------------------------------------ */

static void put(norm *n, uint32_t cp, size_t src) {
  obuf *b = &n->out;
  size_t k, j;
  if (b->cap - b->len < 4 && !norm_obuf_reserve(b, 4)) return;
  if (cp < 0x80) {
    b->s[b->len] = (char)cp;
    k = 1;
  } else {
    k = tamas_utf8_encode(cp, b->s + b->len);
  }
  if (b->map)
    for (j = 0; j < k; j++) b->map[b->len + j] = src;
  b->len += k;
  n->last = cp;
}

/* ---------------------------------------------------------------------------
** The word stage: spaces, ZWNJ, tokens
** ------------------------------------------------------------------------ */

static void end_token(norm *n) {
  if (n->cur.kind == TK_NONE) return;
  n->cur.end = n->out.len;
  if (n->cur.kind == TK_WORD && !n->out.oom) {
    if (n->repair) norm_repair_word(n);
    if (n->join && !n->out.oom) norm_join_words(n);
  }
  n->t2 = n->t1;
  n->t1 = n->cur;
  n->cur.kind = TK_NONE;
}

static void feed_char(norm *n, uint32_t cp, size_t src, int kind);

static void feed(norm *n, int cls, uint32_t cp, size_t src) {
  int kind;
  switch (cls) {
    case C_NEWLINE:
      end_token(n);
      n->pend_space = n->pend_zwnj = 0;
      put(n, '\n', src);
      n->t1.kind = n->t2.kind = TK_NONE;
      return;
    case C_SPACE:
      end_token(n);
      n->pend_zwnj = 0;
      if (!n->pend_space && n->out.len > 0 && n->last != '\n') {
        n->pend_space = 1;
        n->space_src = src;
      }
      return;
    case C_ZWNJ: /* rule 7: keep one, inside a word, after a joining letter */
      if (n->cur.kind == TK_WORD && !n->pend_zwnj && norm_joins_next(n->last)) {
        n->pend_zwnj = 1;
        n->zwnj_src = src;
      }
      return;
    default:
      break;
  }
  kind = is_word_letter(cp) ? TK_WORD : tamas_digit_value(cp) >= 0 ? TK_NUM : TK_OTHER;
  /* ZWJ, direction marks, soft hyphen: inside the token they stand in, as
  ** the match key (which drops them) sees it; «می شد‍ۆ» is not «می شد»
  ** (found by tests/fuzz/fuzz_normalize) */
  if (n->cur.kind != TK_NONE && is_key_invisible(cp)) kind = n->cur.kind;
  feed_char(n, cp, src, kind);
}

/* A character that is part of a token (a word, a number, other). */
static void feed_char(norm *n, uint32_t cp, size_t src, int kind) {
  if (kind != TK_WORD) n->pend_zwnj = 0;
  if (n->cur.kind != kind) end_token(n);
  if (n->pend_space) {
    put(n, ' ', n->space_src);
    n->pend_space = 0;
  }
  if (n->cur.kind == TK_NONE) {
    n->cur.kind = kind;
    n->cur.start = n->out.len;
  }
  if (n->pend_zwnj) {
    put(n, ZWNJ, n->zwnj_src);
    n->pend_zwnj = 0;
  }
  put(n, cp, src);
}

/* ---------------------------------------------------------------------------
** The map stage: one NFC code point in, rules 1 and 3 to 6
** ------------------------------------------------------------------------ */

static void take_one(norm *n, uint32_t cp, size_t src) {
  int cls;
  if (n->after_cr) {
    n->after_cr = 0;
    if (cp == '\n') return; /* \r\n is one line break */
  }
  if (is_dropped_control(cp) || is_removed_mark(cp)) return;
  cp = map_digit(persian_letter(cp), n->opts & TAMAS_NORM_ASCII_DIGITS);
  if (n->key) {
    if (is_key_invisible(cp)) return;
    cp = tamas_fold_letter(cp); /* the one fold of keys (text/fold.h) */
  }
  cls = space_class(cp);
  if (cls == C_NEWLINE) {
    n->after_cr = cp == '\r';
    if (n->key) {
      /* a space in a key, but still a line break for the joins, as in the
      ** normalised text: «1\nمی زد» is a verb, «1 می» is May (found by
      ** tests/fuzz/fuzz_normalize) */
      feed(n, C_SPACE, cp, src);
      n->t1.kind = n->t2.kind = TK_NONE;
      return;
    }
  } else if (cp == ZWNJ) {
    cls = C_ZWNJ;
  }
  feed(n, cls, cp, src);
}

/* A presentation form goes on in its NFKC form («ﻻ» → «لا»). */
static void take_presentation_form(norm *n, uint32_t cp, size_t src) {
  UChar in[2], out[64];
  int32_t il = 0, ol, i;
  UErrorCode status = U_ZERO_ERROR;
  U16_APPEND_UNSAFE(in, il, cp);
  ol = unorm2_normalize(G.nfkc, in, il, out, (int32_t)COUNT(out), &status);
  if (U_FAILURE(status)) {
    take_one(n, cp, src);
    return;
  }
  for (i = 0; i < ol;) {
    UChar32 c;
    U16_NEXT(out, i, ol, c);
    take_one(n, (uint32_t)c, src);
  }
}

/* One NFC code point: the common characters straight to the word stage,
** the others through take_one(). */
static void take(norm *n, uint32_t cp, size_t src) {
  if (cp < CLASS_TABLE_SIZE && !n->after_cr) {
    unsigned k = G.char_class[cp];
    if (n->key && k != K_SPACE && (k == K_DIGIT || tamas_fold_letter(cp) != cp)) k = K_SLOW;
    switch (k) { /* the fast path: no rule applies */
      case K_LETTER: feed_char(n, cp, src, TK_WORD); return;
      case K_OTHER: feed_char(n, cp, src, TK_OTHER); return;
      case K_ASCII_DIGIT: feed_char(n, cp, src, TK_NUM); return;
      case K_DIGIT:
        if (n->opts & TAMAS_NORM_ASCII_DIGITS) break;
        feed_char(n, cp, src, TK_NUM);
        return;
      case K_SPACE: feed(n, C_SPACE, cp, src); return;
      default: break;
    }
  } else if (cp == ZWNJ && !n->after_cr) {
    if (!n->key) feed(n, C_ZWNJ, cp, src);
    return;
  }
  if (is_presentation_form(cp) && G.nfkc) take_presentation_form(n, cp, src);
  else take_one(n, cp, src);
}

/* ---------------------------------------------------------------------------
** The NFC stage (rule 2)
** ------------------------------------------------------------------------ */

/* A combining sequence, or a character NFC may change. */
static void seg_normalize(norm *n) {
  int k = n->seg_n, i;
  UChar in[2 * SEG_MAX], out[6 * SEG_MAX + 8]; /* NFC grows text at most 3x */
  int32_t il = 0, ol;
  UErrorCode status = U_ZERO_ERROR;
  n->seg_n = 0;
  if (G.nfc) {
    for (i = 0; i < k; i++) U16_APPEND_UNSAFE(in, il, n->seg_cp[i]);
    if (unorm2_quickCheck(G.nfc, in, il, &status) != UNORM_YES || U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      ol = unorm2_normalize(G.nfc, in, il, out, (int32_t)COUNT(out), &status);
      if (U_SUCCESS(status) && (ol != il || memcmp(in, out, (size_t)il * sizeof *in))) {
        /* changed: everything maps to the start of the sequence */
        for (i = 0; i < ol;) {
          UChar32 c;
          U16_NEXT(out, i, ol, c);
          take(n, (uint32_t)c, n->seg_off[0]);
        }
        return;
      }
    }
  }
  for (i = 0; i < k; i++) take(n, n->seg_cp[i], n->seg_off[i]);
}

static void seg_flush(norm *n) {
  if (n->seg_n == 1 && n->seg_yes) { /* the common case: one character, NFC */
    n->seg_n = 0;
    take(n, n->seg_cp[0], n->seg_off[0]);
  } else if (n->seg_n) {
    seg_normalize(n);
  }
}

static void seg_push(norm *n, uint32_t cp, size_t off) {
  unsigned f = nfc_flags(cp);
  if ((f & NF_BOUNDARY) || n->seg_n == SEG_MAX) seg_flush(n);
  if (n->seg_n == 0) n->seg_yes = (f & NF_YES) != 0;
  n->seg_cp[n->seg_n] = cp;
  n->seg_off[n->seg_n] = off;
  n->seg_n++;
}

/* ---------------------------------------------------------------------------
** Entry points
** ------------------------------------------------------------------------ */

/* Byte offsets → character offsets as SQLite counts characters: a byte
** 0xC0–0xFF and the continuation bytes (0x80–0xBF) after it are one
** character; any other byte is one.  An offset inside such a character
** rounds down to its start.  map never decreases. */
static void map_to_chars(const unsigned char *t, size_t len, size_t *map, size_t n) {
  size_t i, b = 0, c = 0;
  int chain = 0;
  for (i = 0; i < n; i++) {
    size_t target = map[i];
    while (b < target) {
      unsigned char x = t[b++];
      if (!((x & 0xC0) == 0x80 && chain)) {
        c++;
        chain = x >= 0xC0;
      }
    }
    map[i] = c - (target < len && chain && (t[target] & 0xC0) == 0x80 && c > 0);
  }
}

char *tamas_normalize(const char *text, size_t len, unsigned options,
                      size_t *out_len, size_t **offset_map) {
  norm *n;
  const unsigned char *t = (const unsigned char *)text;
  size_t i = 0, cap;
  char *result;
  pthread_once(&G_once, init);
  if (!text) len = 0;
  if (out_len) *out_len = 0;
  if (offset_map) *offset_map = NULL;
  if (len > SIZE_MAX / sizeof(size_t) / 4) return NULL;
  n = calloc(1, sizeof *n);
  if (!n) return NULL;
  n->opts = options;
  n->key = (options & TAMAS_NORM_MATCH_KEY) != 0;
  if (n->key) n->opts |= TAMAS_NORM_ASCII_DIGITS;
  n->repair = !n->key && !(options & TAMAS_NORM_NO_REPAIR);
  n->join = n->key || n->repair;
  cap = len + len / 8 + 64;
  n->out.cap = cap;
  n->out.s = malloc(cap + 1);
  if (offset_map) n->out.map = malloc((cap + 1) * sizeof(size_t));
  if (!n->out.s || (offset_map && !n->out.map)) n->out.oom = 1;

  while (i < len && !n->out.oom) {
    size_t k = 1;
    uint32_t cp = t[i] < 0x80 ? t[i] : tamas_utf8_decode(t, len, i, &k);
    /* rule 1 drops NUL, controls and the BOM before NFC sees the text, so
    ** «t NUL ◌̱» composes as «t◌̱» does (found by tests/fuzz/fuzz_normalize) */
    if (!is_dropped_control(cp)) seg_push(n, cp, i);
    i += k;
  }
  seg_flush(n);
  end_token(n); /* a pending space or ZWNJ at the end is dropped */

  if (n->out.oom) {
    free(n->out.s);
    free(n->out.map);
    free(n);
    return NULL;
  }
  result = n->out.s;
  result[n->out.len] = '\0';
  if (n->out.map) {
    n->out.map[n->out.len] = len;
    if (options & TAMAS_NORM_MAP_CHARS)
      map_to_chars(t, len, n->out.map, n->out.len + 1);
    *offset_map = n->out.map;
  }
  if (out_len) *out_len = n->out.len;
  free(n);
  return result;
}

char *tamas_match_key(const char *text, size_t len, unsigned options,
                      size_t *out_len, size_t **offset_map) {
  return tamas_normalize(text, len, (options & TAMAS_NORM_MAP_CHARS) | TAMAS_NORM_MATCH_KEY,
                         out_len, offset_map);
}
