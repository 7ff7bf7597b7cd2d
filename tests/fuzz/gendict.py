# Generate tests/fuzz/persian.dict: words that steer the fuzzers into the
# date parser, normaliser, article reader and extractor.
import csv, random
random.seed(6)
words = []
def rows(path):
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        yield line.rstrip('\n').split('\t')
cues = [r[0] for r in rows('sql/lexicon/words.tsv')][1:]
words += cues
words += [r[0] for r in rows('sql/lexicon/page_cues.tsv')][1:]
off = list(rows('sql/lexicon/offices.tsv'))[1:]
for r in off: words += r[2].split('|')[:3] + r[3].split('|')[:1]
ctry = list(rows('sql/lexicon/countries.tsv'))[1:]
for r in random.sample(ctry, 40): words += [x for x in (r[1].split('|')[:1] + r[2].split('|')[:1]) if x]
pers = list(rows('sql/lexicon/persons.tsv'))[1:]
for r in random.sample(pers, 60): words += r[5].split('|')[:1]
words += [r[0] for r in list(rows('sql/lexicon/sources.tsv'))[:20]]
words += "فروردین اردیبهشت اردی‌بهشت خرداد تیر مرداد امرداد شهریور مهر آبان آذر دی بهمن اسفند حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت".split()
words += "ژانویه فوریه مارس آوریل مه می ژوئن ژوئیه جولای اوت آگوست سپتامبر اکتبر نوامبر دسامبر جنوری فبروری January December".split()
words += "محرم صفر ربیع‌الاول ربیع‌الثانی جمادی‌الاول رجب شعبان رمضان شوال ذی‌القعده ذی‌الحجه".split()
words += "شنبه یکشنبه دوشنبه سه‌شنبه سه شنبه چهارشنبه پنج‌شنبه جمعه یکم اول دوم سوم بیست و چهارم سی‌ام امروز دیروز فردا هفته آینده ماه گذشته".split()
words += ["۱۴۰۱", "١٤٠١", "1401", "۲۴", "٢٤", "/", "-", ".", ":", "۰۸:۴۴", "2022", "تاریخ انتشار:", "کد خبر:", "به گزارش", "به نقل از", "«", "»", "؟", "،", "؛", "\n", "\r\n", " - ",
          "\u200c", "\u200d", "\u00a0", "\u0640", "\u064e", "\u0651", "\u0654", "\u0670", "\ufeff", "\u2028", "\u0085", "\ufb8e", "\ufefb", "ي", "ك", "ى", "ە", "ۀ", "ة", "أ", "آ", "ئ",
          "می", "نمی", "ها", "های", "ای", "کند", "می‌کند", "میکند", "گفتوگو", "بینالملل", "وی", "او", "این کشور", "همتای", "با", "و", "در", "که"]
seen = set(); out = []
for w in words:
    w = w.strip('\t') if w not in ("\n", "\r\n") else w
    if not w or w in seen: continue
    seen.add(w)
    b = w.encode('utf-8')
    if len(b) > 64: continue
    out.append('"' + ''.join('\\x%02X' % c for c in b) + '"')
with open('tests/fuzz/persian.dict', 'w') as f:
    f.write('# persian.dict — libFuzzer dictionary (UTF-8 as \\x escapes): month and weekday\n'
            '# names, digits, marks, page cues, contact cues, offices, countries and person\n'
            '# names sampled from sql/lexicon/.  Made by tests/fuzz/gendict.py.\n')
    f.write('\n'.join(out) + '\n')
print(len(out))
