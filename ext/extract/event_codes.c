/*
** event_codes.c — the CAMEO and PLOVER codes of a contact event, from its
** medium, its status and where it took place (sql/lexicon/cameo.tsv), and the
** PLOVER codes of its sides (country or organisation, sector).
**
**   tamas_codes c;
**   tamas_event_codes(&event, &c);   c.cameo "042", c.plover "CONSULT",
**                                    c.mode "visit", c.host 1 (actor2's country)
**
** SQL shows them as tamas_events' `cameo` and `plover` columns; tamas_plover
** writes the whole PLOVER record (ext/export/plover.c).
**
** Where a meeting took place (tamas_event.place, a country or organisation
** code) against the sides' countries tells a visit from a visit hosted and a
** meeting elsewhere: the place of actor2's country is a visit by actor1
** (CAMEO 042), of actor1's country a visit actor1 hosted (043), of neither a
** third location (044), an organisation's code a multilateral meeting.  The
** rules are rows of cameo.tsv, tried in order.
**
** The PLOVER code of a side (PLOVER manual, "Country names"): ISO 3166
** alpha-3 for a state (Kosovo, XKX in tamas, is KOS in PLOVER), and for an
** organisation the code of orgs.tsv's `plover` column (UNO, EUR, IGO).  Its
** sector: offices.tsv's `sector` column (GOV, MIL, SPY, LEG).
**
** The three files are read once per process (pthread_once) and only read
** afterwards.  A row that cannot be used is reported (data/tsv.h).
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/lexicon_data.h"
#include "data/tsv.h"
#include "tamas.h"

/* How a place stands to the two sides (cameo.tsv's `place` column). */
typedef enum place_rel { P_ANY, P_NONE, P_ORG, P_ACTOR1, P_ACTOR2, P_THIRD } place_rel;
static const char *const place_names[] = {"*", "none", "org", "actor1", "actor2", "third"};

typedef struct code_row {
  int medium;  /* a tamas_medium, 0 = any */
  int status;  /* a tamas_status, -1 = any */
  place_rel place;
  char cameo[8], plover[16], mode[16];
  int quad;
  double scale;
} code_row;

#define MAX_CODE_ROWS 64
#define MAX_ORGS 64
#define MAX_OFFICES 96

static code_row code_rows[MAX_CODE_ROWS];
static int n_code_rows;
/* A code and the PLOVER code it maps to: an organisation and its PLOVER
** code (orgs.tsv), an office and its sector (offices.tsv). */
typedef struct code_pair {
  char key[40], code[4];
} code_pair;
static code_pair orgs[MAX_ORGS], sectors[MAX_OFFICES];
static int n_orgs, n_sectors;
static pthread_once_t codes_once = PTHREAD_ONCE_INIT;

/* Copy field i of the row into out[cap]; 0 when it does not fit. */
static int field_copy(const tsv_reader *r, int i, char *out, size_t cap) {
  if (i >= r->nfields || r->len[i] >= cap) return 0;
  memcpy(out, r->field[i], r->len[i]);
  out[r->len[i]] = 0;
  return 1;
}

static int field_is(const tsv_reader *r, int i, const char *s) {
  return i < r->nfields && r->len[i] == strlen(s) && memcmp(r->field[i], s, r->len[i]) == 0;
}

/* Three capital letters (a PLOVER country, organisation or sector code). */
static int is_code3(const char *s) {
  int i;
  for (i = 0; i < 3; i++)
    if (s[i] < 'A' || s[i] > 'Z') return 0;
  return s[3] == 0;
}

static void load_code_rows(void) {
  tsv_reader r;
  tsv_open(&r, TAMAS_LEX(cameo));
  while (tsv_next(&r)) {
    code_row *c = &code_rows[n_code_rows];
    int p;
    char num[16];
    if (n_code_rows == MAX_CODE_ROWS) {
      tsv_reject(&r, "more than %d rows", MAX_CODE_ROWS);
      continue;
    }
    if (r.nfields < 8) {
      tsv_reject(&r, "medium, status, place, cameo, plover, mode, quad and scale are needed");
      continue;
    }
    c->medium = field_is(&r, 0, "*") ? 0 : tamas_medium_from_name(r.field[0], r.len[0]);
    c->status = field_is(&r, 1, "*") ? -1 : tamas_status_from_name(r.field[1], r.len[1]);
    for (p = 0; p < (int)(sizeof place_names / sizeof *place_names); p++)
      if (field_is(&r, 2, place_names[p])) break;
    if ((!c->medium && !field_is(&r, 0, "*")) || (c->status < 0 && !field_is(&r, 1, "*"))) {
      int col = !c->medium && !field_is(&r, 0, "*") ? 0 : 1;
      tsv_reject(&r, "unknown %s '%.*s'", col ? "status" : "medium", (int)r.len[col],
                 r.field[col]);
      continue;
    }
    if (p == (int)(sizeof place_names / sizeof *place_names)) {
      tsv_reject(&r, "place must be *, none, org, actor1, actor2 or third, not '%.*s'",
                 (int)r.len[2], r.field[2]);
      continue;
    }
    c->place = (place_rel)p;
    if (!field_copy(&r, 3, c->cameo, sizeof c->cameo) || !r.len[3] ||
        !field_copy(&r, 4, c->plover, sizeof c->plover) || !r.len[4] ||
        !field_copy(&r, 5, c->mode, sizeof c->mode) || !field_copy(&r, 6, num, 2) ||
        num[0] < '1' || num[0] > '4') {
      tsv_reject(&r, "a CAMEO code, a PLOVER event, a mode (may be empty) and a quad 1 to 4 are needed");
      continue;
    }
    c->quad = num[0] - '0';
    if (!field_copy(&r, 7, num, sizeof num) || !num[0]) {
      tsv_reject(&r, "scale must be a number");
      continue;
    } else {
      char *end;
      c->scale = strtod(num, &end);
      if (*end) {
        tsv_reject(&r, "scale must be a number, not '%s'", num);
        continue;
      }
    }
    n_code_rows++;
  }
}

/* Column key_col and column code_col (three capitals) of each row of a
** file, into pairs[max]; a row without them is reported with `what`. */
static int load_pairs(tsv_reader *r, int key_col, int code_col, code_pair *pairs, int max,
                      const char *what) {
  int n = 0;
  while (tsv_next(r)) {
    if (n == max) {
      tsv_reject(r, "more than %d rows", max);
      continue;
    }
    if (!field_copy(r, key_col, pairs[n].key, sizeof pairs[n].key) ||
        !field_copy(r, code_col, pairs[n].code, sizeof pairs[n].code) || !is_code3(pairs[n].code)) {
      tsv_reject(r, "%s", what);
      continue;
    }
    n++;
  }
  return n;
}

static void load_codes(void) {
  tsv_reader r;
  load_code_rows();
  /* orgs.tsv: code, names, adjectives, plover */
  tsv_open(&r, TAMAS_LEX(orgs));
  n_orgs = load_pairs(&r, 0, 3, orgs, MAX_ORGS,
                      "the plover column needs a code of three capitals (UNO, EUR, IGO)");
  /* offices.tsv: office, rank, singular, plural, description, sector */
  tsv_open(&r, TAMAS_LEX(offices));
  n_sectors = load_pairs(&r, 0, 5, sectors, MAX_OFFICES,
                         "the sector column needs a PLOVER sector code (GOV, MIL, SPY, LEG …)");
}

static int is_org(const char *code) {
  int i;
  for (i = 0; i < n_orgs; i++)
    if (strcmp(orgs[i].key, code) == 0) return 1;
  return 0;
}

int tamas_is_organisation(const char *code) {
  pthread_once(&codes_once, load_codes);
  return code && is_org(code);
}

/* How the event's place stands to its sides. */
static place_rel place_of(const tamas_event *e) {
  const char *p = e->place, *c1 = e->actor[0].country, *c2 = e->actor[1].country;
  if (!p[0]) return P_NONE;
  if (is_org(p)) return P_ORG;
  if (!c1[0] || !c2[0] || (!strcmp(c1, c2) && !strcmp(p, c1))) return P_NONE;
  if (!strcmp(p, c2)) return P_ACTOR2;
  if (!strcmp(p, c1)) return P_ACTOR1;
  return P_THIRD;
}

int tamas_event_codes(const tamas_event *e, tamas_codes *out) {
  place_rel place;
  int i;
  pthread_once(&codes_once, load_codes);
  memset(out, 0, sizeof *out);
  out->cameo = out->plover = out->mode = "";
  out->host = -1;
  place = place_of(e);
  for (i = 0; i < n_code_rows; i++) {
    const code_row *c = &code_rows[i];
    if ((c->medium && c->medium != (int)e->medium) || (c->status >= 0 && c->status != (int)e->status) ||
        (c->place != P_ANY && c->place != place))
      continue;
    out->cameo = c->cameo;
    out->plover = c->plover;
    out->mode = c->mode;
    out->quad = c->quad;
    out->scale = c->scale;
    if (c->place == P_ACTOR1 || c->place == P_ACTOR2) out->host = c->place == P_ACTOR1 ? 0 : 1;
    return 1;
  }
  return 0;
}

const char *tamas_event_cameo(const tamas_event *e) {
  tamas_codes c;
  return tamas_event_codes(e, &c) ? c.cameo : NULL;
}

const char *tamas_event_plover(const tamas_event *e) {
  tamas_codes c;
  return tamas_event_codes(e, &c) ? c.plover : NULL;
}

const char *tamas_plover_code(const char *code) {
  int i;
  pthread_once(&codes_once, load_codes);
  if (!code || !code[0]) return NULL;
  for (i = 0; i < n_orgs; i++)
    if (strcmp(orgs[i].key, code) == 0) return orgs[i].code;
  /* PLOVER manual, "Country names": Kosovo has no ISO code; PLOVER writes KOS */
  if (strcmp(code, "XKX") == 0) return "KOS";
  return code;
}

const char *tamas_plover_sector(const char *office) {
  int i;
  pthread_once(&codes_once, load_codes);
  if (!office) return NULL;
  for (i = 0; i < n_sectors; i++)
    if (strcmp(sectors[i].key, office) == 0) return sectors[i].code;
  return NULL;
}
