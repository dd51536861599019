# Online retail weekly series as OnlineRetailBench builds them (complete weeks, last 8 held out, from the first sale,
# at least 13 training weeks); every STEP-th SKU, for a coverage check of forecast intervals (restock forecast).
import csv, sys
from collections import defaultdict
step = int(sys.argv[1])
rows = list(csv.reader(open(sys.argv[2] + '/online_retail/sku_weekly_demand.csv')))[1:]
weeks = sorted({r[1] for r in rows})
by = defaultdict(dict)
for sku, week, units in rows:
    by[sku][week] = float(units)
complete = weeks[1:-1]
training = len(complete) - 8
hist = open('history.csv', 'w'); hist.write('series_id,t,value\n')
meta = open('meta.csv', 'w'); meta.write('series_id,frequency,h\n')
test = open('test.csv', 'w'); test.write('series_id,h,actual\n')
n = 0
for i, sku in enumerate(sorted(by)):
    allw = [by[sku].get(w, 0.0) for w in complete]
    first = 0
    while first < training and allw[first] <= 0:
        first += 1
    if training - first < 13:
        continue
    n += 1
    if n % step:
        continue
    for t, v in enumerate(allw[first:training]):
        hist.write(f'{sku},{t + 1},{v}\n')
    meta.write(f'{sku},52,8\n')
    for h, v in enumerate(allw[training:]):
        test.write(f'{sku},{h + 1},{v}\n')
print(n, 'series,', n // step, 'kept')
