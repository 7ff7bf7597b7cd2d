# tamas from Tcl's sqlite3 package (Debian package libsqlite3-tcl).
#
#   tclsh tests/lang/test.tcl build/tamas tests/lang/input.txt
#
# Loads the extension, binds Persian text from Tcl variables, and prints what
# extract_contacts, tamas_events and tamas_timeline_svg return, in the format
# every tests/lang script shares (tests/lang/expected.txt): fields joined by
# "|", NULL as "NULL".  The Persian text is read from input.txt, so this file
# stays ASCII whatever the system encoding.
package require sqlite3
lassign $argv so input_path
fconfigure stdout -encoding utf-8 -translation lf
set f [open $input_path r]
fconfigure $f -encoding utf-8
lassign [split [read $f] "\n"] text undated_text
close $f

sqlite3 db :memory:
db enable_load_extension 1
db eval {SELECT load_extension($so)}
db enable_load_extension 0
db nullvalue NULL

# Run sql (its $variables bound from this namespace) and print each row.
proc show {title sql} {
  puts "-- $title"
  if {[catch {
    db eval $sql row {
      set fields {}
      foreach column $row(*) { lappend fields $row($column) }
      puts [join $fields |]
    }
  } msg]} {
    puts "error: $msg"
  }
}

set jalali_text "\u06f2\u06f4 \u0627\u0631\u062f\u06cc\u0628\u0647\u0634\u062a \u06f1\u06f4\u06f0\u06f1"
set published 2025-05-14
set bad_date yesterday
set news sql/news/*.txt
show jalali {SELECT iso_to_jalali('2022-05-14', 'full'), jalali_to_iso($::jalali_text)}
show extract_contacts {SELECT status, medium, actor1, actor2, date, date_precision, cameo
                       FROM extract_contacts($::text, $::published)}
show {extract_contacts without a date} {
  SELECT status, actor1, actor2, date, published FROM extract_contacts($::undated_text)}
show {extract_contacts with a bad date} {
  SELECT status FROM extract_contacts($::text, $::bad_date)}
show tamas_events {SELECT substr(file, 10, 2), date, medium, status, actor1, actor2
                   FROM tamas_events($::news) ORDER BY file, date, actor1, actor2, medium, status}
show {tamas_events by status} {
  SELECT status, count(*) FROM tamas_events($::news) GROUP BY status ORDER BY status}
show tamas_timeline_svg {
  SELECT substr(svg, 1, 38), svg LIKE '%</svg>' || char(10),
         (length(svg) - length(replace(svg, '<g class="mark ', ''))) / 15 = n
  FROM (SELECT tamas_timeline_svg(date, actor1, actor2, status, medium) AS svg,
               count(*) AS n FROM tamas_events($::news))}
