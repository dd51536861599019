# M1's 1,001 series: its own training and test parts, each series' frequency and horizon.
import csv, sys
data = sys.argv[1]
open('history.csv', 'w').write(open(data + '/m1/m1_train_long.csv').read().replace('"', ''))
with open('meta.csv', 'w') as m:
    m.write('series_id,frequency,h\n')
    for r in csv.DictReader(open(data + '/m1/m1_meta.csv')):
        m.write(f"{r['series_id']},{r['frequency']},{r['h']}\n")
with open('test.csv', 'w') as t:
    t.write('series_id,h,actual\n')
    for r in csv.DictReader(open(data + '/m1/m1_test_long.csv')):
        t.write(f"{r['series_id']},{r['t']},{r['value']}\n")
