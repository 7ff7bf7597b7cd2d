# tamas from R with DBI and RSQLite (Debian package r-cran-rsqlite).
#
#   Rscript tests/lang/test.R build/tamas tests/lang/input.txt
#
# Loads the extension, binds Persian text from R strings as parameters, and
# prints what extract_contacts, tamas_events and tamas_timeline_svg return,
# in the format every tests/lang script shares (tests/lang/expected.txt):
# fields joined by "|", NULL (NA in R) as "NULL".  Queries come back as data
# frames.  The Persian text is read from input.txt and written as UTF-8
# bytes, so this file stays ASCII whatever the locale.
suppressPackageStartupMessages(library(DBI))
args <- commandArgs(trailingOnly = TRUE)
so <- args[1]
lines <- readLines(args[2], encoding = "UTF-8", warn = FALSE)
text <- lines[1]
undated_text <- lines[2]

# RSQLite's own SQLite, with extension loading switched on for this connection
con <- dbConnect(RSQLite::SQLite(), ":memory:", loadable.extensions = TRUE)
invisible(dbGetQuery(con, "SELECT load_extension(?)", params = list(so)))

out <- function(s) writeLines(enc2utf8(s), useBytes = TRUE)

show <- function(title, sql, params = list()) {
  out(paste("--", title))
  tryCatch({
    df <- dbGetQuery(con, sql, params = params)
    for (i in seq_len(nrow(df))) {
      fields <- vapply(df[i, , drop = FALSE], function(v) {
        if (is.na(v[[1]])) "NULL" else enc2utf8(as.character(v[[1]]))
      }, "")
      out(paste(fields, collapse = "|"))
    }
  }, error = function(e) out(paste("error:", conditionMessage(e))))
}

news <- "sql/news/*.txt"
show("jalali", "SELECT iso_to_jalali('2022-05-14', 'full'), jalali_to_iso(?)",
     list("\u06f2\u06f4 \u0627\u0631\u062f\u06cc\u0628\u0647\u0634\u062a \u06f1\u06f4\u06f0\u06f1"))
show("extract_contacts",
     "SELECT status, medium, actor1, actor2, date, date_precision, cameo
      FROM extract_contacts(?, ?)", list(text, "2025-05-14"))
show("extract_contacts without a date",
     "SELECT status, actor1, actor2, date, published FROM extract_contacts(?)", list(undated_text))
show("extract_contacts with a bad date",
     "SELECT status FROM extract_contacts(?, ?)", list(text, "yesterday"))
show("tamas_events",
     "SELECT substr(file, 10, 2), date, medium, status, actor1, actor2
      FROM tamas_events(?) ORDER BY file, date, actor1, actor2, medium, status", list(news))
show("tamas_events by status",
     "SELECT status, count(*) FROM tamas_events(?) GROUP BY status ORDER BY status", list(news))
show("tamas_timeline_svg",
     "SELECT substr(svg, 1, 38), svg LIKE '%</svg>' || char(10),
             (length(svg) - length(replace(svg, '<g class=\"mark ', ''))) / 15 = n
      FROM (SELECT tamas_timeline_svg(date, actor1, actor2, status, medium) AS svg,
                   count(*) AS n FROM tamas_events(?))", list(news))
dbDisconnect(con)
