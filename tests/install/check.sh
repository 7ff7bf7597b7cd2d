#!/bin/sh
# tests/install/check.sh SCRATCH — make install into SCRATCH/destdir with
# PREFIX=/opt/tamas, load the installed library by its full path from another
# directory (nothing read from the source tree: the lexicons are compiled
# in), then make uninstall.  Run from the repository root by tests/run.sh,
# which compares the output with tests/install/expected.txt.
set -u
scratch=$1
dest=$scratch/destdir
lib=$dest/opt/tamas/lib
rm -rf "$dest"
if ! make --no-print-directory -s install DESTDIR="$dest" PREFIX=/opt/tamas >"$scratch/install.log" 2>&1; then
  cat "$scratch/install.log"
  echo "make install failed"
  exit 1
fi
echo "-- installed"
for f in "$lib"/*; do
  if [ -L "$f" ]; then echo "lib/$(basename "$f") -> $(readlink "$f")"; else echo "lib/$(basename "$f")"; fi
done
echo "soname: $(readelf -d "$lib/libtamas.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')"
tail -n 1 "$scratch/install.log"

echo "-- loaded by its full path (.load DESTDIR/opt/tamas/lib/tamas) in another directory"
mkdir -p "$scratch/elsewhere"
(cd "$scratch/elsewhere" && sqlite3 :memory: ".load $lib/tamas" \
  "SELECT tamas_version() GLOB '[0-9]*.[0-9]*.[0-9]*', jalali_to_iso('۲۴ اردیبهشت ۱۴۰۱'), fa_normalize('مي‌كند گفتوگو');" \
  "SELECT count(*) > 500 FROM tamas_actors;" \
  "SELECT status, medium, actor1, actor2, date FROM extract_contacts('وزیر امور خارجه ایران روز دوشنبه در تماسی تلفنی با همتای عمانی خود گفت‌وگو کرد.', '2025-05-14');") 2>&1

echo "-- uninstalled"
make --no-print-directory -s uninstall DESTDIR="$dest" PREFIX=/opt/tamas 2>&1
echo "left in $(basename "$lib")/: $(ls -A "$lib" | wc -l) files"
rm -rf "$dest" "$scratch/elsewhere"
