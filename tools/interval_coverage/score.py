# Share of held-out periods inside each band, mean band widths, zero-width 80% bands and steps where the upper 80% band narrows, for a forecasts.csv against test.csv.
import csv, sys
actual = {(r['series_id'], r['h']): float(r['actual']) for r in csv.DictReader(open('test.csv'))}
n = in80 = in95 = 0; w80 = w95 = 0.0; collapsed = 0; narrowing = 0; prev = {}
for r in csv.DictReader(open(sys.argv[1])):
    y = actual[(r['series_id'], r['h'])]
    lo80, hi80, lo95, hi95, f = (float(r[k]) for k in ('lo80', 'hi80', 'lo95', 'hi95', 'forecast'))
    n += 1; in80 += lo80 <= y <= hi80; in95 += lo95 <= y <= hi95; w80 += hi80 - lo80; w95 += hi95 - lo95
    collapsed += hi80 - lo80 == 0 and f > 0
    key = r['series_id']
    if key in prev and (hi80 - f) < prev[key] - 1e-9:
        narrowing += 1
    prev[key] = hi80 - f
print(f'{sys.argv[1]}: {n} weeks, 80% band holds {in80 / n:.3f}, 95% band holds {in95 / n:.3f}, mean width 80% {w80 / n:.2f} 95% {w95 / n:.2f}, '
      f'zero-width 80% bands with a positive forecast {collapsed}, upper 80% distance narrowing from the week before {narrowing}')
