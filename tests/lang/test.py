"""tamas from Python's sqlite3 module (Debian's /usr/bin/python3).

    /usr/bin/python3 tests/lang/test.py build/tamas tests/lang/input.txt

Loads the extension, binds Persian text from the host language, and prints
what extract_contacts, tamas_events and tamas_timeline_svg return, in the
format every tests/lang script shares (tests/lang/expected.txt): fields
joined by "|", NULL as "NULL".
"""
import sqlite3
import sys

so, input_path = sys.argv[1], sys.argv[2]
sys.stdout.reconfigure(encoding="utf-8", newline="\n")
with open(input_path, encoding="utf-8") as f:
    text, undated_text = f.read().splitlines()[:2]

db = sqlite3.connect(":memory:")
db.enable_load_extension(True)
db.load_extension(so)
db.enable_load_extension(False)


def show(title, sql, params=()):
    print("--", title)
    try:
        for row in db.execute(sql, params):
            print("|".join("NULL" if v is None else str(v) for v in row))
    except sqlite3.Error as e:
        print("error:", e)


show("jalali", "SELECT iso_to_jalali('2022-05-14', 'full'), jalali_to_iso(?)",
     ("۲۴ اردیبهشت ۱۴۰۱",))
show("extract_contacts",
     "SELECT status, medium, actor1, actor2, date, date_precision, cameo "
     "FROM extract_contacts(?, ?)", (text, "2025-05-14"))
show("extract_contacts without a date",
     "SELECT status, actor1, actor2, date, published FROM extract_contacts(?)",
     (undated_text,))
show("extract_contacts with a bad date",
     "SELECT status FROM extract_contacts(?, ?)", (text, "yesterday"))
show("tamas_events",
     "SELECT substr(file, 10, 2), date, medium, status, actor1, actor2 "
     "FROM tamas_events(?) ORDER BY file, date, actor1, actor2, medium, status",
     ("sql/news/*.txt",))
show("tamas_events by status",
     "SELECT status, count(*) FROM tamas_events(?) GROUP BY status ORDER BY status",
     ("sql/news/*.txt",))
show("tamas_timeline_svg",
     "SELECT substr(svg, 1, 38), svg LIKE '%</svg>' || char(10), "
     "(length(svg) - length(replace(svg, '<g class=\"mark ', ''))) / 15 = n "
     "FROM (SELECT tamas_timeline_svg(date, actor1, actor2, status, medium) AS svg, "
     "count(*) AS n FROM tamas_events(?))", ("sql/news/*.txt",))
