package restock.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import restock.catalog.AuditEntry;
import restock.catalog.Supplier;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.StaleVersion;
import restock.planning.SupplierLeadTime;
import restock.service.ConsoleQueries;
import restock.service.PlanningQueries;
import restock.service.Restock;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A supplier's page: its terms (contact, stated lead time, minimum order, pack size, currency) with a form to edit
 * them through the same command as PATCH /api/suppliers/{id}, its figures as the suppliers list shows them, its open
 * purchase orders and its audit trail.
 */
public final class SupplierEditor {
    /** Audit entries shown under the form, newest first (the trail comes newest first). */
    static final int AUDIT_ROWS = 10;

    static final ConsoleForm FORM = new ConsoleForm("supplier-form", "The supplier was not saved", List.of(
            ConsoleForm.Field.of("name", "Name"),
            ConsoleForm.Field.of("contactName", "Contact"),
            ConsoleForm.Field.of("contactEmail", "Email", "email"),
            ConsoleForm.Field.of("phone", "Phone"),
            ConsoleForm.Field.of("leadTimeDays", "Lead time (days)"),
            ConsoleForm.Field.of("minimumOrder", "Minimum order (units)"),
            ConsoleForm.Field.of("packSize", "Pack size"),
            ConsoleForm.Field.of("currency", "Currency"),
            ConsoleForm.Field.version("version", "The supplier as you saw it")), List.of());

    /**
     * What the supplier page shows, with its form blank or as a refusal sent it back, and the lead time its purchase
     * orders are expected after (the page said "the lead time stated here" while they got the one learned from deliveries).
     */
    public record Page(Supplier supplier, ConsoleQueries.SupplierActivity activity, List<AuditEntry> audit, FormState form,
                SupplierLeadTime leadTime) {
    }

    private final Console console;
    private final Restock restock;
    private final ConsoleQueries queries;
    private final PlanningQueries planning;

    SupplierEditor(Console console, Restock restock, ConsoleQueries queries, PlanningQueries planning) {
        this.console = console;
        this.restock = restock;
        this.queries = queries;
        this.planning = planning;
    }

    void register(RoutesConfig routes) {
        routes.get("/console/suppliers/{id}", console.page(ctx -> page(ctx, FORM.blank())));
        routes.post("/console/suppliers/{id}/edit", console.form(FORM, this::page, this::edit));
    }

    private void page(Context ctx, FormState form) {
        long id = ConsolePages.id(ctx);
        Supplier supplier = restock.read(h -> restock.catalogEdits().supplier(h, id));
        List<AuditEntry> audit = restock.read(h -> restock.catalogEdits().auditTrail(h, "supplier", Long.toString(id)));
        SupplierLeadTime leadTime = restock.read(h -> planning.leadTime(h, supplier));
        console.render(ctx, "console/supplier.jte", "suppliers", Map.of("page", new Page(supplier, queries.supplierActivity(id),
                audit.subList(0, Math.min(AUDIT_ROWS, audit.size())), form, leadTime)));
    }

    private void edit(Context ctx) {
        long id = ConsolePages.id(ctx);
        String by = console.staff(ctx).username() + " (console)";
        Supplier before = restock.read(h -> restock.catalogEdits().supplier(h, id));
        Supplier after;
        try {
            after = restock.inTransaction(h -> restock.catalogEdits().editSupplier(h, id, FORM.version(ctx, "supplier"),
                    supplier -> edited(ctx, supplier), by));
        } catch (StaleVersion stale) {
            throw new Conflict("version", FORM.changedSinceOpened(ctx, "supplier", latestChange(id)));
        }
        console.done(ctx, "/console/suppliers/" + id, after.equals(before) ? "Nothing changed for " + after.name() + "."
                : "Supplier " + after.name() + " saved: lead time " + after.leadTimeDays().map(days -> Format.plural(days, "day")).orElse("not stated")
                + ", minimum order " + Format.plural(after.minimumOrder(), "unit") + ", packs of " + after.packSize() + ".");
    }

    /** The latest change to the supplier, as its trail says it: ": ops changed phone (none) → 0117 496 0000 at ...", blank without one. */
    private String latestChange(long id) {
        List<AuditEntry> trail = restock.read(h -> restock.catalogEdits().auditTrail(h, "supplier", Long.toString(id)));
        return trail.stream().findFirst().map(entry -> ": " + entry.changedBy() + " changed " + AuditWords.supplierChanges(entry)
                + " at " + Format.moment(entry.at())).orElse("");
    }

    /**
     * The form's fields applied to the supplier; a blank optional field clears it; the supplier's constructor checks the
     * rest. Every number is read before the form is refused, so it comes back with all that is wrong at once.
     */
    private static Supplier edited(Context ctx, Supplier s) {
        FormErrors errors = new FormErrors();
        Optional<String> name = errors.read(() -> text(ctx, "name").orElseThrow(() -> new InvalidInput("name", "the name is required")));
        Optional<Optional<Integer>> leadTime = errors.read(() -> text(ctx, "leadTimeDays").map(value -> FormNumbers.LEAD_TIME.read("leadTimeDays", value)));
        Optional<Integer> minimumOrder = errors.read(() -> FormNumbers.MINIMUM_ORDER.read("minimumOrder", text(ctx, "minimumOrder").orElse("0")));
        Optional<Integer> packSize = errors.read(() -> FormNumbers.PACK_SIZE.read("packSize", text(ctx, "packSize").orElse("1")));
        errors.refuseIfAny();
        return new Supplier(s.id(), name.orElseThrow(), text(ctx, "contactName"), text(ctx, "contactEmail"), text(ctx, "phone"),
                leadTime.orElseThrow(), minimumOrder.orElseThrow(), packSize.orElseThrow(), text(ctx, "currency"));
    }

    private static Optional<String> text(Context ctx, String field) {
        return Optional.ofNullable(ctx.formParam(field)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
