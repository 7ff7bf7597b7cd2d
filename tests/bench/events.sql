-- events.sql — event rows for the grouping benchmark (tests/bench/contacts.sh):
-- @rows rows of tamas_events' columns in the table ev, reports of @contacts
-- contacts, made with no tamas function and no random():
--
--   sqlite3 ev.db -cmd ".parameter set @rows 100000" \
--                 -cmd ".parameter set @contacts 20000" < tests/bench/events.sql
--
-- Contact k is between persons of 400 in 40 countries, on a day of four
-- years, with a status (seven in ten occurred) and a medium.  Row i reports
-- contact i % @contacts, as the news does: the first report dated to the
-- day; then, in turn, a report without a date or medium published 1 to 3
-- days after, one with the sides the other way round, one with only the
-- month, a background mention a month later; every seventh with a state
-- («org:») for its first side.  Three rows an article, 25 outlets, a
-- sentence of about 200 bytes each.
DROP TABLE IF EXISTS ev;
CREATE TABLE ev AS
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @rows),
report AS (
  SELECT i, i % @contacts AS k, i / @contacts AS r,
         (i % @contacts) * 7 % 400 AS p1,
         ((i % @contacts) * 7 % 400 + 1 + (i % @contacts) * 13 % 399) % 400 AS p2,
         2459300 + (i % @contacts) * 37 % 1460 AS day
  FROM n),
shaped AS (
  SELECT *, CASE WHEN r % 5 = 2 THEN p2 ELSE p1 END AS s1, CASE WHEN r % 5 = 2 THEN p1 ELSE p2 END AS s2,
         CASE k % 10 WHEN 7 THEN 'planned' WHEN 8 THEN 'proposed' WHEN 9 THEN 'denied'
                     ELSE 'occurred' END AS status,
         CASE k % 4 WHEN 0 THEN 'phone' WHEN 1 THEN 'in_person' WHEN 2 THEN 'letter'
                    ELSE 'video' END AS medium
  FROM report)
SELECT printf('news/%06d.txt', i / 3) AS file,
       CASE WHEN r % 5 = 1 THEN 'unspecified' ELSE medium END AS medium,
       status,
       CASE WHEN i % 7 = 6 THEN printf('org:C%02d', s1 % 40) ELSE printf('Person %03d', s1) END AS actor1,
       printf('C%02d', s1 % 40) AS actor1_country,
       printf('Person %03d', s2) AS actor2,
       printf('C%02d', s2 % 40) AS actor2_country,
       CASE r % 5 WHEN 1 THEN NULL WHEN 3 THEN date(day, 'start of month') ELSE date(day) END AS date,
       CASE r % 5 WHEN 1 THEN NULL WHEN 3 THEN date(day, 'start of month', '+1 month', '-1 day')
                  ELSE date(day) END AS date_end,
       CASE r % 5 WHEN 1 THEN NULL WHEN 3 THEN 'month' ELSE 'day' END AS date_precision,
       date(day + CASE r % 5 WHEN 0 THEN 0 WHEN 1 THEN 1 + i % 3 WHEN 4 THEN 30 ELSE 1 END)
         || printf(' %02d:%02d', i % 24, i % 60) AS published,
       printf('وزیر امور خارجه کشور %d روز گذشته در تماسی با همتای خود در کشور %d درباره ' ||
              'روابط دوجانبه و تحولات منطقه گفت‌وگو کرد (گزارش %d).', s1 % 40, s2 % 40, i) AS evidence,
       printf('خبرگزاری %d', i % 25) AS source
FROM shaped;
