# tamas from Perl's DBI with DBD::SQLite (Debian package libdbd-sqlite3-perl).
#
#   perl tests/lang/test.pl build/tamas tests/lang/input.txt
#
# Loads the extension, binds Persian text from Perl strings, and prints what
# extract_contacts, tamas_events and tamas_timeline_svg return, in the format
# every tests/lang script shares (tests/lang/expected.txt): fields joined by
# "|", NULL as "NULL".
use strict;
use warnings;
use utf8;
use DBI;

my ($so, $input_path) = @ARGV;
binmode STDOUT, ':encoding(UTF-8)';
open my $in, '<:encoding(UTF-8)', $input_path or die "$input_path: $!";
chomp(my $text = <$in>);
chomp(my $undated_text = <$in>);
close $in;

# sqlite_unicode: strings cross as Perl characters (UTF-8 in SQLite)
my $dbh = DBI->connect('dbi:SQLite:dbname=:memory:', '', '',
                       {RaiseError => 0, PrintError => 0, sqlite_unicode => 1})
  or die $DBI::errstr;
$dbh->sqlite_enable_load_extension(1);
$dbh->do('SELECT load_extension(?)', undef, $so) or die $dbh->errstr;
$dbh->sqlite_enable_load_extension(0);

sub show {
  my ($title, $sql, @params) = @_;
  print "-- $title\n";
  my $sth = $dbh->prepare($sql);
  if ($sth && $sth->execute(@params)) {
    while (my $row = $sth->fetchrow_arrayref) {
      print join('|', map { defined $_ ? $_ : 'NULL' } @$row), "\n";
    }
  }
  print 'error: ', $dbh->errstr, "\n" if $dbh->err;
}

show('jalali', q{SELECT iso_to_jalali('2022-05-14', 'full'), jalali_to_iso(?)},
     '۲۴ اردیبهشت ۱۴۰۱');
show('extract_contacts',
     'SELECT status, medium, actor1, actor2, date, date_precision, cameo
      FROM extract_contacts(?, ?)', $text, '2025-05-14');
show('extract_contacts without a date',
     'SELECT status, actor1, actor2, date, published FROM extract_contacts(?)', $undated_text);
show('extract_contacts with a bad date',
     'SELECT status FROM extract_contacts(?, ?)', $text, 'yesterday');
show('tamas_events',
     'SELECT substr(file, 10, 2), date, medium, status, actor1, actor2
      FROM tamas_events(?) ORDER BY file, date, actor1, actor2, medium, status',
     'sql/news/*.txt');
show('tamas_events by status',
     'SELECT status, count(*) FROM tamas_events(?) GROUP BY status ORDER BY status',
     'sql/news/*.txt');
show('tamas_timeline_svg',
     q{SELECT substr(svg, 1, 38), svg LIKE '%</svg>' || char(10),
             (length(svg) - length(replace(svg, '<g class="mark ', ''))) / 15 = n
      FROM (SELECT tamas_timeline_svg(date, actor1, actor2, status, medium) AS svg,
                   count(*) AS n FROM tamas_events(?))}, 'sql/news/*.txt');
