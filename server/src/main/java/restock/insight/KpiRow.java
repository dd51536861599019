package restock.insight;

import java.util.Map;

/**
 * The KPIs of one group (a SKU, supplier, category or period). A rate with nothing to judge it on is null, not
 * zero. Rates are shares between 0 and 1; days are calendar days.
 *
 * @param lineFillRate        lines served in full from stock when placed, over lines
 * @param unitFillRate        units served from stock when placed, over units ordered
 * @param orderFillRate       orders whose lines (in this group) were all served in full when placed, over orders
 * @param backorderRate       lines that had to wait, over lines
 * @param aging               lines waiting today by age since placement: 0-7, 8-14, 15-30, 31+ days
 * @param promiseKeptRate     waiting lines filled by the last day of their first promise, over those whose promise is
 *                            settled (filled, or its day has passed)
 * @param cancelledWhileWaiting lines cancelled while they waited, by reason
 * @param supplierOnTimeInFull purchase order lines received in full by their confirmed date, over lines due in the period
 * @param stockOutDays        SKU-days that ended with nothing on hand
 * @param lostSalesUnits      units refused plus units cancelled while waiting: demand that did not become a sale
 * @param lostSalesValueMinor those units at list price, when the group has one currency
 * @param daysOfCover         units on hand at the period's end over daily units ordered in it
 * @param inventoryTurns      units shipped over the average units on hand, in the period
 */
public record KpiRow(String key, int lines, int orders, int unitsOrdered, Double lineFillRate, Double unitFillRate,
                     Double orderFillRate, Double backorderRate, int refusedUnits, int linesWaitingNow, Map<String, Integer> aging,
                     Double averageWaitDays, Double p90WaitDays, Double promiseKeptRate, int promisesSettled,
                     Map<String, Integer> cancelledWhileWaiting, int supplierLinesDue, Double supplierOnTimeInFull,
                     Double leadTimeMeanDays, Double leadTimeP10Days, Double leadTimeP90Days, Double leadTimeSdDays,
                     int stockOutDays, int skuDays, int lostSalesUnits, Long lostSalesValueMinor, String currency,
                     Double daysOfCover, int unitsShipped, Double averageOnHand, Double inventoryTurns) {
    /** The columns of the CSV export, in order; {@link #csvValues()} gives a row's. */
    public static final java.util.List<String> CSV_COLUMNS = java.util.List.of("key", "lines", "orders", "unitsOrdered", "lineFillRate",
            "unitFillRate", "orderFillRate", "backorderRate", "refusedUnits", "linesWaitingNow", "aging0to7", "aging8to14", "aging15to30",
            "aging31plus", "averageWaitDays", "p90WaitDays", "promiseKeptRate", "promisesSettled", "cancelledWhileWaiting",
            "supplierLinesDue", "supplierOnTimeInFull", "leadTimeMeanDays", "leadTimeP10Days", "leadTimeP90Days", "leadTimeSdDays",
            "stockOutDays", "skuDays", "lostSalesUnits", "lostSalesValueMinor", "currency", "daysOfCover", "unitsShipped",
            "averageOnHand", "inventoryTurns");

    public java.util.List<Object> csvValues() {
        String cancelled = cancelledWhileWaiting.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        return java.util.Arrays.asList(key, lines, orders, unitsOrdered, lineFillRate, unitFillRate, orderFillRate, backorderRate,
                refusedUnits, linesWaitingNow, aging.get(Kpis.AGING_BUCKETS.get(0)), aging.get(Kpis.AGING_BUCKETS.get(1)),
                aging.get(Kpis.AGING_BUCKETS.get(2)), aging.get(Kpis.AGING_BUCKETS.get(3)), averageWaitDays, p90WaitDays,
                promiseKeptRate, promisesSettled, cancelled, supplierLinesDue, supplierOnTimeInFull, leadTimeMeanDays, leadTimeP10Days,
                leadTimeP90Days, leadTimeSdDays, stockOutDays, skuDays, lostSalesUnits, lostSalesValueMinor, currency, daysOfCover,
                unitsShipped, averageOnHand, inventoryTurns);
    }
}
