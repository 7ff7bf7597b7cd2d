/*
** lexicon_data.h — the lexicon files compiled into the library.  Each is the
** text of a TSV file under sql/lexicon/ (read it with tsv.h): the Makefile
** runs embed.c over every sql/lexicon/NAME.tsv into tamas_lex_NAME[] and
** tamas_lex_NAME_size, and every sql/rules/NAME.tsv into tamas_rules_NAME[]
** (build/gen/lexicon_data.c).
*/
#ifndef TAMAS_LEXICON_DATA_H
#define TAMAS_LEXICON_DATA_H

#include <stdint.h>

#define TAMAS_LEXICON(name)        \
  extern const char name[];        \
  extern const uint32_t name##_size;

/* The file's name, bytes and size, as tsv_open takes them: TAMAS_LEX(persons). */
#define TAMAS_LEX(name) #name ".tsv", tamas_lex_##name, tamas_lex_##name##_size

/* one line per lexicon file: */
TAMAS_LEXICON(tamas_lex_page_cues)
TAMAS_LEXICON(tamas_lex_sources)
TAMAS_LEXICON(tamas_lex_persons)
TAMAS_LEXICON(tamas_lex_offices)
TAMAS_LEXICON(tamas_lex_office_phrases)
TAMAS_LEXICON(tamas_lex_countries)
TAMAS_LEXICON(tamas_lex_orgs)
TAMAS_LEXICON(tamas_lex_cameo)
TAMAS_LEXICON(tamas_lex_verb_stems)
TAMAS_LEXICON(tamas_lex_compounds)
TAMAS_LEXICON(tamas_lex_nouns)
TAMAS_LEXICON(tamas_lex_zwnj_exceptions)
TAMAS_LEXICON(tamas_lex_categories)
TAMAS_LEXICON(tamas_lex_words)
TAMAS_LEXICON(tamas_lex_verb_classes)
/* the rules of sql/rules/, one file per stage of the cascade */
TAMAS_LEXICON(tamas_rules_phrases)
TAMAS_LEXICON(tamas_rules_actors)
TAMAS_LEXICON(tamas_rules_lists)
TAMAS_LEXICON(tamas_rules_events)
TAMAS_LEXICON(tamas_rules_status)
TAMAS_LEXICON(tamas_rules_medium)
TAMAS_LEXICON(tamas_rules_initiator)
TAMAS_LEXICON(tamas_rules_clauses)

#endif /* TAMAS_LEXICON_DATA_H */
