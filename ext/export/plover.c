/*
** plover.c — an event row as a PLOVER record (tamas_plover_record in
** include/tamas.h; SQL: tamas_plover(source), ext/sqlite/plover_vtab.c).
**
**   SELECT record FROM tamas_plover('ev');   -- ev: rows of tamas_events
**   {"id":"tamas-…","date":"2024-10-23","actor":[{"code":"IRN","sector":"GOV",
**    "entity_text":"پزشکیان","identifier_id":"Q…","identifier_text":"Masoud
**    Pezeshkian","office":"head_of_state"}],"recipient":[…],"event":["CONSULT"],
**    "mode":["visit"],"quad_code":1,"event_scale":4,"event_loc":{…},…}
**
** The fields are those of the PLOVER manual's chapter "Data Fields"
** (openeventdata/PLOVER): id, date and enddate (YYYY-MM-DD), actor and
** recipient (lists of entity objects: code, sector, entity_text,
** identifier_id, identifier_text, office), event, mode (lists), quad_code,
** event_scale, event_loc (a location object: country_code, when the place
** is a country), event_text,
** text_info (start and end: character offsets of the evidence in the
** article's text, 0-based, end exclusive, so text[start:end] in Python is the
** sentence), cite_info (citation: the file; title; language "fa"; coder;
** codebook).  The manual lets a provider add named fields: tamas adds cameo,
** status, medium and date_precision.  The codes come from
** ext/extract/event_codes.c (sql/lexicon/cameo.tsv).
**
** Who is the actor (manual, CONSULT, "Requires recipient: No"): in a visit
** the visitor is the actor and the host the recipient; a consultation with
** no host and visitor has every side under actor; a request, offer or
** refusal has the side that makes it (actor1, or the initiator's side) as
** actor and the other as recipient.
**
** PLOVER requires a date and an actor: a row without a date or without any
** actor is no record (the return value says so).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "tamas.h"

/* A 64-bit FNV-1a hash of the fields that make an event, for its id. */
static uint64_t hash_fields(const char *const *f, int n, long long start) {
  uint64_t h = 1469598103934665603ull;
  char num[24];
  int i;
  snprintf(num, sizeof num, "%lld", start);
  for (i = 0; i <= n; i++) {
    const unsigned char *s = (const unsigned char *)(i < n ? f[i] : num);
    if (s)
      for (; *s; s++) h = (h ^ *s) * 1099511628211ull;
    h = (h ^ 0x1f) * 1099511628211ull; /* field separator */
  }
  return h;
}

static int has(const char *s) { return s && s[0]; }

void tamas_plover_id(const tamas_event_row *r, char *out) {
  const char *f[8] = {r->file,   r->actor[0], r->actor[1], r->status,
                      r->medium, r->date,     r->evidence, r->place};
  snprintf(out, 32, "tamas-%016llx", (unsigned long long)hash_fields(f, 8, r->evidence_start));
}

/* "key": "value" when value is not empty, with a comma before it when
** *first is 0. */
static void put_field(xbuf *b, int *first, const char *key, const char *value) {
  if (!has(value)) return;
  xbuf_printf(b, "%s\"%s\":", *first ? "" : ",", key);
  xbuf_json(b, value);
  *first = 0;
}

/* The entity object of side i. */
static void put_entity(xbuf *b, const tamas_event_row *r, int i, const void *overlay) {
  const char *name = r->actor[i], *q;
  const char *code = tamas_plover_code(r->country[i]);
  const char *sector = has(r->office[i]) ? tamas_plover_sector(r->office[i]) : NULL;
  int first = 1, is_org_side = has(name) && strncmp(name, "org:", 4) == 0;
  /* org:USA: the state is all that is known */
  if (!code && is_org_side) code = tamas_plover_code(name + 4);
  xbuf_puts(b, "{");
  put_field(b, &first, "code", code);
  put_field(b, &first, "sector", sector);
  put_field(b, &first, "entity_text", r->actor_fa[i]);
  if (has(name) && !is_org_side) {
    q = tamas_actor_wikidata(overlay, name);
    put_field(b, &first, "identifier_id", q);
    put_field(b, &first, "identifier_text", name);
  }
  put_field(b, &first, "office", r->office[i]);
  xbuf_puts(b, "}");
}

/* A list of the entities of sides a (and b, when b >= 0). */
static void put_entities(xbuf *b, const char *key, const tamas_event_row *r, int s1, int s2,
                         const void *overlay) {
  xbuf_printf(b, ",\"%s\":[", key);
  put_entity(b, r, s1, overlay);
  if (s2 >= 0) {
    xbuf_puts(b, ",");
    put_entity(b, r, s2, overlay);
  }
  xbuf_puts(b, "]");
}

static int fail(char *why, size_t cap, const char *fmt, const char *what, const char *value) {
  char v[64];
  snprintf(v, sizeof v, "%s", value ? value : "");
  if (strlen(v) == sizeof v - 1) memcpy(v + sizeof v - 4, "...", 4);
  if (cap) snprintf(why, cap, fmt, what, v);
  return -1;
}

/* An ISO date of a column, in out[11]; 0 when it is not one. */
static int iso_day(const char *s, char *out) {
  int32_t jdn;
  return s && tamas_parse_timevalue(s, strlen(s), &jdn) && tamas_jdn_to_iso(jdn, out);
}

int tamas_plover_record(const tamas_event_row *r, const void *overlay, char **json, size_t *len,
                        char *why, size_t why_cap) {
  tamas_event e;
  tamas_codes c;
  char date[11], end[11], id[32];
  int status, medium, side[2], first = 1;
  xbuf b = {0};
  *json = NULL;
  if (why_cap) why[0] = 0;
  if (!has(r->date)) {
    if (why_cap) snprintf(why, why_cap, "no date");
    return 0;
  }
  if (!has(r->actor[0]) && !has(r->actor[1])) {
    if (why_cap) snprintf(why, why_cap, "no actor");
    return 0;
  }
  if (!iso_day(r->date, date)) return fail(why, why_cap, "%s '%s' is not a date", "date", r->date);
  if (has(r->date_end) && !iso_day(r->date_end, end))
    return fail(why, why_cap, "%s '%s' is not a date", "date_end", r->date_end);
  status = r->status ? tamas_status_from_name(r->status, strlen(r->status)) : -1;
  if (status < 0)
    return fail(why, why_cap, "%s '%s' is not one of occurred, planned, proposed, requested, refused, denied",
                "status", r->status);
  medium = r->medium ? tamas_medium_from_name(r->medium, strlen(r->medium)) : 0;
  if (!medium)
    return fail(why, why_cap, "%s '%s' is not one of phone, in_person, video, letter, unspecified",
                "medium", r->medium);

  /* the codes, from the row's medium, status, countries and place */
  memset(&e, 0, sizeof e);
  e.medium = (tamas_medium)medium;
  e.status = (tamas_status)status;
  snprintf(e.actor[0].country, sizeof e.actor[0].country, "%s", r->country[0] ? r->country[0] : "");
  snprintf(e.actor[1].country, sizeof e.actor[1].country, "%s", r->country[1] ? r->country[1] : "");
  snprintf(e.place, sizeof e.place, "%s", r->place ? r->place : "");
  tamas_event_codes(&e, &c);

  /* who is actor, who recipient */
  side[0] = has(r->actor[0]) ? 0 : 1;
  side[1] = has(r->actor[0]) && has(r->actor[1]) ? 1 : -1;
  if (c.host >= 0 && side[1] >= 0) {
    side[0] = 1 - c.host; /* the visitor */
    side[1] = c.host;
  } else if (side[1] >= 0 && strcmp(c.plover, "CONSULT") != 0 && has(r->initiator) &&
             r->country[1] && !strcmp(r->initiator, r->country[1]) &&
             !(r->country[0] && !strcmp(r->initiator, r->country[0]))) {
    side[0] = 1; /* the other side made the request or offer */
    side[1] = 0;
  }

  if (has(r->id)) {
    xbuf_puts(&b, "{\"id\":");
    xbuf_json(&b, r->id);
  } else {
    tamas_plover_id(r, id);
    xbuf_printf(&b, "{\"id\":\"%s\"", id);
  }
  xbuf_printf(&b, ",\"date\":\"%s\"", date);
  if (has(r->date_end) && strcmp(end, date) != 0) xbuf_printf(&b, ",\"enddate\":\"%s\"", end);
  if (side[1] >= 0 && (c.host >= 0 || strcmp(c.plover, "CONSULT") != 0)) {
    put_entities(&b, "actor", r, side[0], -1, overlay);
    put_entities(&b, "recipient", r, side[1], -1, overlay);
  } else {
    put_entities(&b, "actor", r, side[0], side[1], overlay);
  }
  xbuf_printf(&b, ",\"event\":[\"%s\"]", c.plover);
  if (c.mode[0]) xbuf_printf(&b, ",\"mode\":[\"%s\"]", c.mode);
  xbuf_printf(&b, ",\"quad_code\":%d,\"event_scale\":%g", c.quad, c.scale);
  /* a country (an organisation's meeting says where only through the mode) */
  if (has(r->place) && !tamas_is_organisation(r->place)) {
    xbuf_puts(&b, ",\"event_loc\":{\"country_code\":");
    xbuf_json(&b, tamas_plover_code(r->place));
    xbuf_puts(&b, "}");
  }
  if (has(r->evidence)) {
    xbuf_puts(&b, ",\"event_text\":[");
    xbuf_json(&b, r->evidence);
    xbuf_puts(&b, "]");
  }
  if (r->evidence_start > 0 && r->evidence_end >= r->evidence_start)
    xbuf_printf(&b, ",\"text_info\":{\"start\":%lld,\"end\":%lld}", r->evidence_start - 1,
                r->evidence_end);
  xbuf_puts(&b, ",\"cite_info\":{");
  put_field(&b, &first, "citation", r->file);
  put_field(&b, &first, "title", r->title);
  put_field(&b, &first, "language", "fa");
  put_field(&b, &first, "coder", "tamas " TAMAS_VERSION);
  put_field(&b, &first, "codebook", "PLOVER (CAMEO 1.1b3 in cameo)");
  put_field(&b, &first, "published", r->published);
  xbuf_puts(&b, "}");
  if (c.cameo[0]) xbuf_printf(&b, ",\"cameo\":\"%s\"", c.cameo);
  xbuf_printf(&b, ",\"status\":\"%s\",\"medium\":\"%s\"", tamas_status_name(e.status),
              tamas_medium_name(e.medium));
  if (has(r->date_precision)) {
    xbuf_puts(&b, ",\"date_precision\":");
    xbuf_json(&b, r->date_precision);
  }
  xbuf_puts(&b, "}");
  *json = xbuf_finish(&b, len);
  return *json ? 1 : -2;
}
