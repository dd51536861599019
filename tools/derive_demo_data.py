#!/usr/bin/env python3
"""Derives Restock's small demo catalog from the UCI Online Retail data set in ../shared/data/online_retail.

Picks the 36 best-selling products among those sold in at least 40 of 54 weeks, with their real descriptions, median unit price and average weekly units,
and assigns each a demo stock situation (in stock, waiting on a purchase order, out of stock). Run from the
project folder: python3 tools/derive_demo_data.py > server/src/main/resources/demo/products.csv
"""
import csv, gzip, statistics, sys
from collections import defaultdict

DATA = "../shared/data/online_retail"
prices, names = defaultdict(list), {}
with gzip.open(f"{DATA}/online_retail_transactions.csv.gz", "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        code = row["StockCode"]
        if not code[:5].isdigit() or row["InvoiceNo"].startswith("C") or int(row["Quantity"]) <= 0:
            continue
        prices[code].append(float(row["UnitPrice"]))
        if row["Description"]:
            names.setdefault(code, row["Description"].strip())

summary = {}
with open(f"{DATA}/sku_summary.csv") as f:
    for row in csv.DictReader(f):
        summary[row["sku"]] = row

ranked = sorted((s for s in summary.values()
                 if s["sku"] in names and s["class"] != "NA" and int(s["weeks_nonzero"]) >= 40),
                key=lambda s: -int(s["total_units"]))[:36]
situations = ["in_stock", "in_stock", "awaiting_po", "out_of_stock"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["sku", "name", "price_minor", "currency", "weekly_units", "demand_class", "situation"])
for i, s in enumerate(ranked):
    weekly = round(int(s["total_units"]) / 54)
    price = round(statistics.median(prices[s["sku"]]) * 100)
    out.writerow([s["sku"], names[s["sku"]].title(), price, "GBP", weekly, s["class"], situations[i % 4]])
