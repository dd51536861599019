package restock.service;

import restock.forecast.AutomaticChoice;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The catalogue's forecasting policy of the day ({@link restock.planning.DemandForecast#learnPolicy}), one per
 * {@link Restock}: the plan learns it and every reader of the forecast of record (the chart, the forecast route) uses
 * that one. Each reader kept its own before, so the console and the API each learned it again from every SKU's history
 * on their first request of the day, however recently the nightly plan had learned it.
 */
public final class CataloguePolicy {
    private record Learned(LocalDate day, AutomaticChoice.Policy policy) {
    }

    private volatile Learned learned;

    /** Today's policy: the one learned today, or the one {@code learn} gives now (kept for the rest of the day). */
    public AutomaticChoice.Policy today(LocalDate today, Supplier<AutomaticChoice.Policy> learn) {
        Learned cached = learned;
        if (cached != null && cached.day().equals(today)) {
            return cached.policy();
        }
        return remember(today, learn.get());
    }

    /** Keeps a policy just learned for today (the plan's run), so readers use the same one. */
    public AutomaticChoice.Policy remember(LocalDate today, AutomaticChoice.Policy policy) {
        learned = new Learned(today, policy);
        return policy;
    }
}
