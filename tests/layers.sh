#!/bin/sh
# tests/layers.sh — the folders of ext/ are the stages of the pipeline, and
# each may use only the ones before it:
#
#   data → text → calendar → lexicon, article → extract → io → contacts →
#   timeline, export → sqlite
#
# (lexicon and article are siblings: neither uses the other; so are timeline
# and export.)  ext/data, the
# lexicons compiled in, comes first because the text stage's ZWNJ repair
# reads its word lists.  Checked here:
#   1. includes: a file includes "tamas.h", a header of its own folder, or
#      "DIR/x.h" of an earlier folder — never a later one, a sibling, or
#      another folder's *_internal.h; ext/sqlite includes "tamas.h" and its
#      own header only;
#   2. each folder has at most one *_internal.h;
#   3. calls (from the symbols of each object file, compiled here): a file
#      calls functions of its own folder or an earlier one, and no files call
#      each other in a loop.
# Prints "N passed, N failed" like a unit test.  Run from the repository root.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { # check LABEL STATUS
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1"; fi
}

# rank of a folder; siblings share one
rank() {
  case $1 in
    data) echo 0 ;; text) echo 1 ;; calendar) echo 2 ;; lexicon | article) echo 3 ;;
    extract) echo 4 ;; io) echo 5 ;; contacts) echo 6 ;; timeline | export) echo 7 ;;
    sqlite) echo 8 ;; *) echo 99 ;;
  esac
}

# 1. includes
bad=0
for f in ext/*/*.[ch]; do
  dir=$(basename "$(dirname "$f")")
  own=$(rank "$dir")
  [ "$own" = 99 ] && { echo "$f: folder ext/$dir/ is not a stage of the pipeline"; bad=1; }
  for inc in $(sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f"); do
    case $inc in
      tamas.h) continue ;;
      */*/*) echo "$f: #include \"$inc\": one folder deep at most"; bad=1; continue ;;
      */*) ;;
      *)
        [ -f "ext/$dir/$inc" ] || { echo "$f: #include \"$inc\" is not in ext/$dir/"; bad=1; }
        continue
        ;;
    esac
    to=${inc%%/*} header=${inc#*/}
    if [ "$dir" = sqlite ]; then
      echo "$f: #include \"$inc\": the SQLite layer uses include/tamas.h only"; bad=1
    elif [ ! -f "ext/$inc" ]; then
      echo "$f: #include \"$inc\": no such header"; bad=1
    elif [ "$(rank "$to")" -ge "$own" ]; then
      echo "$f: #include \"$inc\" points forward (ext/$dir/ comes before ext/$to/)"; bad=1
    else
      case $header in *_internal.h)
        echo "$f: #include \"$inc\": another folder's internal header"; bad=1 ;;
      esac
    fi
  done
done
check "includes point back" $bad

# 2. at most one internal header per folder
bad=0
for d in ext/*/; do
  n=$(ls "$d" | grep -c '_internal\.h$')
  [ "$n" -le 1 ] || { echo "$d has $n internal headers"; bad=1; }
done
check "one internal header per folder at most" $bad

# 3. calls between files
flags="-Iinclude -Iext -D_GNU_SOURCE -std=c11 -O0 -w"
flags="$flags $(pkg-config --cflags icu-uc icu-i18n libpcre2-8 sqlite3 2>/dev/null)"
: >"$tmp/defs"
: >"$tmp/uses"
for f in ext/*/*.c; do
  [ "$f" = ext/data/embed.c ] && continue # a build tool, not in the library
  o=$tmp/$(echo "$f" | tr / _).o
  if ! cc $flags -c "$f" -o "$o"; then
    echo "cannot compile $f"
    echo "$passed passed, $((failed + 1)) failed"
    exit 1
  fi
  nm "$o" | awk -v f="$f" '$2 == "T" { print $3, f }' >>"$tmp/defs"
  nm "$o" | awk -v f="$f" '$1 == "U" { print $2, f }' >>"$tmp/uses"
done
sort -k1,1 "$tmp/defs" >"$tmp/defs.s"
sort -k1,1 "$tmp/uses" >"$tmp/uses.s"
# caller-file callee-file, for symbols defined in another file of the library
join "$tmp/uses.s" "$tmp/defs.s" | awk '$2 != $3 { print $2, $3, $1 }' | sort -u >"$tmp/calls"
bad=0
while read -r from to symbol; do
  a=$(basename "$(dirname "$from")") b=$(basename "$(dirname "$to")")
  [ "$a" = "$b" ] && continue
  if [ "$(rank "$b")" -ge "$(rank "$a")" ]; then
    echo "$from uses $symbol of $to: ext/$a/ may not use ext/$b/"; bad=1
  fi
done <"$tmp/calls"
check "calls point back" $bad
awk '{ print $1, $2 }' "$tmp/calls" | sort -u >"$tmp/edges"
if tsort "$tmp/edges" >/dev/null 2>"$tmp/loops"; then
  check "no files call each other in a loop" 0
else
  echo "files that call each other in a loop:"; cat "$tmp/loops"
  check "no files call each other in a loop" 1
fi
if [ "$(wc -l <"$tmp/edges")" -lt 20 ]; then
  echo "only $(wc -l <"$tmp/edges") calls between files: the symbols were not read"
  check "calls read" 1
fi
echo "files: $(ls ext/*/*.c | wc -l), calls between files: $(wc -l <"$tmp/edges")"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
