/*
** lexicon_data.S — the lexicons under sql/lexicon/ compiled into the library,
** so nothing is read from disk at run time.
**
** EMBED name, file  defines  const char name[]  (the file's bytes plus a NUL)
** and  const uint32_t name_size  (the byte count, without the NUL); declare
** both in lexicon_data.h.  The Makefile rebuilds this file when a lexicon
** changes.
*/
        .macro EMBED name, file
        .section .rodata
        .global \name
        .hidden \name
        .type \name, @object
        .balign 16
\name:
        .incbin "\file"
\name\()_end:
        .byte 0
        .global \name\()_size
        .hidden \name\()_size
        .type \name\()_size, @object
        .balign 4
\name\()_size:
        .long \name\()_end - \name
        .endm

/* one line per lexicon file: */
        EMBED tamas_lex_page_cues, "sql/lexicon/page_cues.tsv"
        EMBED tamas_lex_sources, "sql/lexicon/sources.tsv"
        EMBED tamas_lex_persons, "sql/lexicon/persons.tsv"
        EMBED tamas_lex_offices, "sql/lexicon/offices.tsv"
        EMBED tamas_lex_office_phrases, "sql/lexicon/office_phrases.tsv"
        EMBED tamas_lex_countries, "sql/lexicon/countries.tsv"
        EMBED tamas_lex_orgs, "sql/lexicon/orgs.tsv"
        EMBED tamas_lex_contact_cues, "sql/lexicon/contact_cues.tsv"
        EMBED tamas_lex_cameo, "sql/lexicon/cameo.tsv"
        EMBED tamas_lex_verb_stems, "sql/lexicon/verb_stems.tsv"
        EMBED tamas_lex_compounds, "sql/lexicon/compounds.tsv"
        EMBED tamas_lex_nouns, "sql/lexicon/nouns.tsv"
        EMBED tamas_lex_zwnj_exceptions, "sql/lexicon/zwnj_exceptions.tsv"

        .section .note.GNU-stack,"",@progbits
