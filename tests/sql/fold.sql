-- One letter fold: extraction reads a word in every spelling the match key
-- (fa_normalize(…, 'key')) takes as one — Arabic ي ك, Urdu ڪ ے ھ ہ, Kurdish ە,
-- ۂ ۃ ۀ ة, hamza forms and آ — so a sentence gives the same rows in each.
.load @TAMAS@
.headers off
.mode list
.nullvalue NULL

CREATE TABLE spelling(name TEXT, sentence TEXT);
INSERT INTO spelling VALUES
  ('persian', 'سرگئی لاوروف وزیر امور خارجه روسیه روز جمعه با آنتونی بلینکن همتای آمریکایی خود تلفنی گفت‌وگو کرد.'),
  ('arabic yeh and kaf', 'سرگئي لاوروف وزير امور خارجه روسيه روز جمعه با آنتوني بلينكن همتاي آمريكايي خود تلفني گفت‌وگو كرد.'),
  ('swash kaf', 'سرگئی لاوروف وزیر امور خارجه روسیه روز جمعه با آنتونی بلینڪن همتای آمریڪایی خود تلفنی گفت‌وگو ڪرد.'),
  ('yeh barree', 'سرگئے لاوروف وزیر امور خارجه روسیه روز جمعه با آنتونے بلینکن همتای آمریکایی خود تلفنی گفت‌وگو کرد.'),
  ('heh doachashmee', 'سرگئی لاوروف وزیر امور خارجھ روسیھ روز جمعھ با آنتونی بلینکن همتای آمریکایی خود تلفنی گفت‌وگو کرد.'),
  ('heh goal', 'سرگئی لاوروف وزیر امور خارجہ روسیہ روز جمعہ با آنتونی بلینکن همتای آمریکایی خود تلفنی گفت‌وگو کرد.'),
  ('ae', 'سرگئی لاوروف وزیر امور خارجە روسیە روز جمعە با آنتونی بلینکن همتای آمریکایی خود تلفنی گفت‌وگو کرد.'),
  ('heh with yeh and hamza', 'سرگئی لاوروف وزیر امور خارجۀ روسیۂ روز جمعۃ با آنتونی بلینکن همتای آمریکایی خود تلفنی گفت‌وگو کرد.'),
  ('no madda, yeh for hamza', 'سرگیی لاوروف وزیر امور خارجه روسیه روز جمعه با انتونی بلینکن همتای امریکایی خود تلفنی گفت‌وگو کرد.');

-- the key sees one sentence …
SELECT 'keys', count(DISTINCT fa_normalize(sentence, 'key')) FROM spelling;
-- … and so does extraction: the same row, with its date, in every spelling
SELECT name, status, medium, actor1, actor2, date
  FROM spelling, extract_contacts(sentence, '2022-07-30')
  ORDER BY spelling.rowid;
SELECT 'rows', count(*), count(DISTINCT status || medium || actor1 || actor2 || date)
  FROM spelling, extract_contacts(sentence, '2022-07-30');
