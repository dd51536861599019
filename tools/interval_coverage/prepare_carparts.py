# Carparts' 1,046-series subset: the last 6 months held out (as the carparts benchmark), monthly, period 12.
import csv, sys
from collections import defaultdict
data = sys.argv[1]
meta = {r['series_id']: r for r in csv.DictReader(open(data + '/carparts/carparts_meta.csv'))}
series = defaultdict(list)
for r in csv.DictReader(open(data + '/carparts/carparts_long.csv')):
    if r['demand'] not in ('NA', ''):
        series[r['series_id']].append(float(r['demand']))
h = open('history.csv', 'w'); h.write('series_id,t,value\n')
m = open('meta.csv', 'w'); m.write('series_id,frequency,h\n')
t = open('test.csv', 'w'); t.write('series_id,h,actual\n')
for sid, r in meta.items():
    if r['subset1046'] != 'TRUE':
        continue
    ys = series[sid]
    for i, v in enumerate(ys[:-6]): h.write(f'{sid},{i + 1},{v}\n')
    m.write(f'{sid},12,6\n')
    for i, v in enumerate(ys[-6:]): t.write(f'{sid},{i + 1},{v}\n')
