#!/bin/sh
# tests/lexicon_reject.sh — a lexicon row tamas cannot use fails the build:
# test_lexicons (run by make before it links the library) is built against a
# copy of sql/lexicon/ with bad rows added, and must fail, naming each file
# and line.  Prints "N passed, N failed" like a unit test.  Needs the plain
# build's objects (make builds them first).  Run from the repository root.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { # check LABEL STATUS
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1"; fi
}
mkdir "$tmp/lexicon"
cp sql/lexicon/*.tsv "$tmp/lexicon/"
lines() { wc -l <"$tmp/lexicon/$1"; }
printf 'Nobody Known\tXYZ\tforeign_minister\t2020-01-01\t\tنوبادی\n' >>"$tmp/lexicon/persons.tsv"
bad_person=$(lines persons.tsv)
printf 'Someone Else\tIRN\tforeign_minister\t2020-13-01\t\tسامون\n' >>"$tmp/lexicon/persons.tsv"
bad_date=$(lines persons.tsv)
printf 'Third One\tIRN\tforeign_minister\t2020-01-01\t\tتردوان\tQ-12\n' >>"$tmp/lexicon/persons.tsv"
bad_item=$(lines persons.tsv)
printf 'دیدارک\tmeeting\tin_person\n' >>"$tmp/lexicon/words.tsv"
bad_cue=$(lines words.tsv)
printf 'تلفنک\tcontact\tfax\n' >>"$tmp/lexicon/words.tsv"
bad_medium=$(lines words.tsv)
printf 'رئیس کاخ سبز\tUSA\tgardener\n' >>"$tmp/lexicon/office_phrases.tsv"
bad_office=$(lines office_phrases.tsv)
printf 'پربازدیدک\tsidebar\n' >>"$tmp/lexicon/page_cues.tsv"
bad_page=$(lines page_cues.tsv)
printf 'phone\toccurred\tmoon\t041\tCONSULT\tphone\t1\t1.5\n' >>"$tmp/lexicon/cameo.tsv"
bad_place=$(lines cameo.tsv)
printf 'ZZZ\tزدستان\tزدستانی\t\tking_of_kings\n' >>"$tmp/lexicon/countries.tsv"
bad_leader=$(lines countries.tsv)
printf 'court_poet\t7\tشاعر دربار\tشاعران دربار\t\tGOV\tmaybe\n' >>"$tmp/lexicon/offices.tsv"
bad_party=$(lines offices.tsv)

args=""
for f in "$tmp"/lexicon/*.tsv; do args="$args tamas_lex_$(basename "$f" .tsv)=$f"; done
for f in sql/rules/*.tsv; do args="$args tamas_rules_$(basename "$f" .tsv)=$f"; done
# shellcheck disable=SC2086
build/embed "$tmp/data.c" $args
check "embed writes the lexicons" $?
objs=$(ls build/obj/*/*.o | grep -v '^build/obj/sqlite/\|^build/obj/gen/')
# shellcheck disable=SC2086
cc -std=c11 -Iinclude -Iext -Itests/unit -D_GNU_SOURCE -o "$tmp/test_lexicons" \
  tests/unit/test_lexicons.c "$tmp/data.c" $objs \
  $(pkg-config --libs icu-uc icu-i18n libpcre2-8) -lpthread -lm
check "the check builds against them" $?
"$tmp/test_lexicons" >"$tmp/out" 2>&1
[ $? != 0 ]; check "the check fails" $?
expect() { # expect TEXT: a line of the report
  grep -qF "$1" "$tmp/out"; check "reports $1" $?
}
expect "persons.tsv:$bad_person: unknown country 'XYZ'"
expect "persons.tsv:$bad_date: start '2020-13-01' is not a date"
expect "persons.tsv:$bad_item: wikidata must be an item such as Q7747, not 'Q-12'"
expect "words.tsv:$bad_cue: unknown category 'meeting'"
expect "words.tsv:$bad_medium: unknown medium 'fax'"
expect "office_phrases.tsv:$bad_office: unknown office 'gardener'"
expect "page_cues.tsv:$bad_page: kind must be end, chrome, code or date"
expect "cameo.tsv:$bad_place: place must be *, none, org, actor1, actor2 or third, not 'moon'"
expect "countries.tsv:$bad_leader: unknown office 'king_of_kings' in the leader column"
expect "offices.tsv:$bad_party: party is «no» or empty, not 'maybe'"
expect "10 lexicon rows could not be used"
[ "$failed" = 0 ] || cat "$tmp/out"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
