package restock.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a line had to wait or was refused, decided from the record at that moment ({@link BackorderMoment}). Each rule
 * is a named function that either finds its cause, with the units it explains and its evidence, or does not; the
 * causes found are ranked by units explained (ties in {@link CauseKind} order). No rule found: {@code unknown}.
 */
public final class RootCauses {
    /** Fewer baseline days than this say nothing about what demand was expected: no spike or forecast rule applies. */
    public static final int MIN_BASELINE_DAYS = 14;
    /** The forecast's upper interval is its 80% prediction interval's upper bound. */
    public static final double UPPER_INTERVAL_Z = 1.2815515655446004;

    private RootCauses() {
    }

    /** The causes of one backorder event, strongest first; never empty. */
    public static List<Cause> classify(BackorderMoment moment) {
        List<Cause> causes = new ArrayList<>();
        LeadTimeForecast forecast = LeadTimeForecast.of(moment);
        demandSpike(moment, forecast, causes);
        supplier(moment, causes);
        planning(moment, forecast, causes);
        recordError(moment, causes);
        policy(moment, causes);
        if (causes.isEmpty()) {
            causes.add(new Cause(CauseKind.UNKNOWN, moment.quantity(), "no rule explains it: supply was open, on time and in full, "
                    + "demand was within its forecast and no count found less stock", Map.of("quantity", moment.quantity())));
        }
        causes.sort(Comparator.comparingDouble(Cause::unitsExplained).reversed().thenComparing(Cause::kind));
        return List.copyOf(causes);
    }

    /**
     * Lead-time demand expected from the baseline days: mean daily rate times the lead time, and its upper interval
     * under independent days (sd times the square root of the lead time).
     */
    record LeadTimeForecast(boolean known, double mean, double upper) {
        static LeadTimeForecast of(BackorderMoment moment) {
            double[] days = moment.baselineDailyDemand();
            if (days.length < MIN_BASELINE_DAYS) {
                return new LeadTimeForecast(false, 0, 0);
            }
            double mean = java.util.Arrays.stream(days).average().orElse(0);
            double squares = java.util.Arrays.stream(days).map(d -> (d - mean) * (d - mean)).sum();
            double sd = Math.sqrt(squares / (days.length - 1));
            int lead = moment.leadTimeDays();
            return new LeadTimeForecast(true, mean * lead, mean * lead + UPPER_INTERVAL_Z * sd * Math.sqrt(lead));
        }
    }

    /** Demand over the lead time beyond the forecast's upper interval. */
    static void demandSpike(BackorderMoment moment, LeadTimeForecast forecast, List<Cause> causes) {
        if (!forecast.known() || moment.leadTimeDemand() <= forecast.upper()) {
            return;
        }
        causes.add(new Cause(CauseKind.DEMAND_SPIKE, moment.leadTimeDemand() - forecast.mean(),
                moment.leadTimeDemand() + " units were asked for over the " + moment.leadTimeDays() + "-day lead time, above the "
                        + "forecast's upper bound of " + round(forecast.upper()) + " (expected " + round(forecast.mean()) + ")",
                evidence("leadTimeDays", moment.leadTimeDays(), "leadTimeDemandUnits", moment.leadTimeDemand(),
                        "forecastMeanUnits", round(forecast.mean()), "forecastUpper80Units", round(forecast.upper()),
                        "baselineDays", moment.baselineDailyDemand().length)));
    }

    /** A purchase order expected before the event had not arrived (late), or arrived or was closed short. */
    static void supplier(BackorderMoment moment, List<Cause> causes) {
        List<BackorderMoment.DueSupply> late = new ArrayList<>();
        List<BackorderMoment.DueSupply> shortLines = new ArrayList<>();
        for (BackorderMoment.DueSupply due : moment.dueSupply()) {
            if (due.missingUnits() == 0) {
                continue;
            }
            if (due.closedShort() || due.receivedByEvent() > 0) {
                shortLines.add(due);
            } else {
                late.add(due);
            }
        }
        if (!late.isEmpty()) {
            int units = late.stream().mapToInt(BackorderMoment.DueSupply::missingUnits).sum();
            BackorderMoment.DueSupply first = late.get(0);
            causes.add(new Cause(CauseKind.SUPPLIER_LATE, units, first.supplier() + " confirmed " + units + " units for "
                    + first.confirmedDate() + " or earlier; none had arrived by " + moment.day(),
                    evidence("purchaseOrderLines", describe(late, moment), "missingUnits", units)));
        }
        if (!shortLines.isEmpty()) {
            int units = shortLines.stream().mapToInt(BackorderMoment.DueSupply::missingUnits).sum();
            BackorderMoment.DueSupply first = shortLines.get(0);
            causes.add(new Cause(CauseKind.SUPPLIER_SHORT, units, first.supplier() + " delivered " + units
                    + " units fewer than confirmed for " + first.confirmedDate() + " or earlier",
                    evidence("purchaseOrderLines", describe(shortLines, moment), "missingUnits", units)));
        }
    }

    /**
     * No purchase order was open or placed while stock ran down; or what was on hand and ordered for the lead time
     * was below the lead-time demand that came, where that demand was within the forecast's upper bound (the
     * reorder point was set below the lead-time demand it should have covered). Only when stock had run out:
     * units held by policy are that rule's cause.
     */
    static void planning(BackorderMoment moment, LeadTimeForecast forecast, List<Cause> causes) {
        boolean ranOut = !moment.beforeRelease() && moment.onHandAtEvent() - moment.heldUnitsAtEvent() < moment.quantity();
        if (!ranOut) {
            return;
        }
        if (moment.openPurchaseOrderLinesAtEvent() == 0 && moment.unitsOrderedInWindow() == 0) {
            causes.add(new Cause(CauseKind.PLANNING, moment.quantity(), "no purchase order was open or placed in the "
                    + moment.leadTimeDays() + " days before stock ran out",
                    evidence("openPurchaseOrderLines", 0, "unitsOrderedInWindow", 0, "leadTimeDays", moment.leadTimeDays())));
            return;
        }
        int covered = moment.onHandAtWindowStart() + moment.unitsOrderedInWindow();
        // Demand up to the forecast's upper bound is what a reorder point is set to cover; beyond it is a spike.
        double plannable = Math.min(moment.leadTimeDemand(), forecast.upper());
        if (forecast.known() && covered < plannable) {
            causes.add(new Cause(CauseKind.PLANNING, plannable - covered, "stock and orders for the lead time ("
                    + covered + " units) were below the " + round(plannable) + " units of lead-time demand the forecast allowed for"
                    + " (upper bound " + round(forecast.upper()) + "): the reorder point was too low",
                    evidence("onHandAtWindowStartUnits", moment.onHandAtWindowStart(), "unitsOrderedInWindow", moment.unitsOrderedInWindow(),
                            "leadTimeDemandUnits", moment.leadTimeDemand(), "forecastMeanUnits", round(forecast.mean()),
                            "forecastUpper80Units", round(forecast.upper()), "leadTimeDays", moment.leadTimeDays())));
        }
    }

    /** A count during the lead time found less stock than the record showed. */
    static void recordError(BackorderMoment moment, List<Cause> causes) {
        int missing = moment.countLosses().stream().mapToInt(BackorderMoment.CountLoss::unitsMissing).sum();
        if (missing <= 0) {
            return;
        }
        List<Map<String, Object>> counts = moment.countLosses().stream()
                .map(loss -> evidence("day", loss.day().toString(), "unitsMissing", loss.unitsMissing())).toList();
        causes.add(new Cause(CauseKind.RECORD_ERROR, missing, "counts found " + missing + " units fewer than the record showed",
                evidence("counts", counts, "unitsMissing", missing)));
    }

    /** Stock was in the building but held elsewhere: for notified waitlisters, or until the release day. */
    static void policy(BackorderMoment moment, List<Cause> causes) {
        int held = Math.min(moment.heldUnitsAtEvent(), moment.onHandAtEvent());
        if (moment.beforeRelease() && moment.onHandAtEvent() > 0) {
            causes.add(new Cause(CauseKind.POLICY, Math.min(moment.onHandAtEvent(), moment.quantity()), moment.onHandAtEvent()
                    + " units were on hand, held until the release day",
                    evidence("onHandAtEventUnits", moment.onHandAtEvent(), "beforeRelease", true, "quantity", moment.quantity())));
        } else if (held > 0) {
            causes.add(new Cause(CauseKind.POLICY, Math.min(held, moment.quantity()), held
                    + " units were on hand but held for notified waitlisters",
                    evidence("onHandAtEventUnits", moment.onHandAtEvent(), "heldForWaitlistUnits", held, "quantity", moment.quantity())));
        }
    }

    private static List<Map<String, Object>> describe(List<BackorderMoment.DueSupply> lines, BackorderMoment moment) {
        return lines.stream().map(due -> evidence("purchaseOrderLineId", due.purchaseOrderLineId(), "supplier", due.supplier(),
                "confirmedDate", due.confirmedDate().toString(), "daysLate", restock.purchasing.PurchaseOrder.daysLate(due.confirmedDate(), moment.day()),
                // Kept for clients that read it: it always counted from the first confirmed date, which is "late", not "overdue".
                "daysOverdue", restock.purchasing.PurchaseOrder.daysLate(due.confirmedDate(), moment.day()),
                "orderedUnits", due.ordered(), "receivedByEventUnits", due.receivedByEvent(), "closedShort", due.closedShort())).toList();
    }

    static Map<String, Object> evidence(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
