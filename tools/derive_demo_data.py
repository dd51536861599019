#!/usr/bin/env python3
"""Derives Restock's small demo catalog from the UCI Online Retail data set in ../shared/data/online_retail.

Picks the 36 best-selling products among those sold in at least 40 of 54 weeks, and two slow movers, with their real descriptions, median unit price and average weekly units,
and assigns each a demo stock situation (in stock, waiting on a purchase order, out of stock). Run from the
project folder: python3 tools/derive_demo_data.py > server/src/main/resources/demo/products.csv
"""
import csv, gzip, statistics, sys
from collections import defaultdict

DATA = "../shared/data/online_retail"
SLOW_MOVERS = ["16014", "16218"]
prices, names = defaultdict(list), {}
with gzip.open(f"{DATA}/online_retail_transactions.csv.gz", "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        code = row["StockCode"]
        if not code[:5].isdigit() or row["InvoiceNo"].startswith("C") or int(row["Quantity"]) <= 0:
            continue
        prices[code].append(float(row["UnitPrice"]))
        if row["Description"]:
            names.setdefault(code, " ".join(row["Description"].split()))

summary = {}
with open(f"{DATA}/sku_summary.csv") as f:
    for row in csv.DictReader(f):
        summary[row["sku"]] = row

ranked = sorted((s for s in summary.values()
                 if s["sku"] in names and s["class"] != "NA" and int(s["weeks_nonzero"]) >= 40),
                key=lambda s: -int(s["total_units"]))[:36]
# Two slow movers, sold in under 60% of the weeks but in almost every month, so the demo shows the monthly grain the
# planner picks for such SKUs on any day it is loaded (the 36 above all sell most weeks: by weeks, whatever the day).
ranked += [summary[sku] for sku in SLOW_MOVERS]
situations = ["in_stock", "in_stock", "awaiting_po", "out_of_stock"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["sku", "name", "price_minor", "currency", "weekly_units", "demand_class", "situation"])
for i, s in enumerate(ranked):
    weekly = round(int(s["total_units"]) / 54)
    price = round(statistics.median(prices[s["sku"]]) * 100)
    out.writerow([s["sku"], names[s["sku"]].title(), price, "GBP", weekly, s["class"], situations[i % 4]])


def daily_units(path="server/src/main/resources/demo/daily_units.csv", days=364):
    """The demo products' units sold per day over the data set's last {days} complete days (2010-12-10 to 2011-12-07),
    one row per product: sku, first date, then the units of each day separated by spaces (0 for a day without sales).
    The demo replays these days ending last week, shifted by whole weeks so weekdays stay weekdays."""
    import datetime
    skus = [s["sku"] for s in ranked]
    last = datetime.date(2011, 12, 7)
    first = last - datetime.timedelta(days=days - 1)
    units = {sku: [0] * days for sku in skus}
    with gzip.open(f"{DATA}/sku_daily_demand.csv.gz", "rt") as f:
        for row in csv.DictReader(f):
            if row["sku"] in units:
                day = datetime.date.fromisoformat(row["date"])
                if first <= day <= last:
                    units[row["sku"]][(day - first).days] += int(row["units"])
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sku", "first_date", "units"])
        for sku in skus:
            w.writerow([sku, first.isoformat(), " ".join(str(u) for u in units[sku])])


if len(sys.argv) > 1 and sys.argv[1] == "--daily-units":
    daily_units()
