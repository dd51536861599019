package restock.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import restock.catalog.Currencies;
import restock.catalog.AuditEntry;
import restock.catalog.BackorderPolicy;
import restock.catalog.Category;
import restock.catalog.Lifecycle;
import restock.catalog.MainCurrency;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.ProductPlacement;
import restock.catalog.Sku;
import restock.catalog.Supplier;
import restock.common.CalendarLimits;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.StaleVersion;
import restock.service.CatalogEdits;
import restock.service.Restock;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A product created from the products list or edited from its SKU page (name, price, backorder policy and cap, release
 * date, category, supplier): the edit through the same command as PATCH /api/products/{sku}, the create through the
 * checks of POST /api/products; both land in the product's audit trail with who did it.
 */
public final class ProductEditor {
    /** Audit entries shown under the form, newest first (the trail comes newest first). */
    static final int AUDIT_ROWS = 10;
    /** Suppliers offered in the form's list. */
    static final int SUPPLIER_CHOICES = 200;
    /**
     * What the product forms say of a supplier or category that is not on record (gone since the page showed its list),
     * in place of the API's way (POST /api/suppliers).
     */
    static final String CHOOSE_FROM_THE_LIST = ": choose one from the list, which shows those on record now";
    /** The form, with the names the product command's refusals give its fields (PATCH /api/products/{sku}'s). */
    static final ConsoleForm FORM = new ConsoleForm("product-form", "The product was not saved", List.of(
            ConsoleForm.Field.of("name", "Name"),
            ConsoleForm.Field.of("price", "Price", "priceMinor"),
            ConsoleForm.Field.of("policy", "Backorders", "backorderPolicy"),
            ConsoleForm.Field.of("cap", "Cap on waiting units", "backorderCap"),
            ConsoleForm.Field.of("releaseDate", "Release date"),
            ConsoleForm.Field.of("category", "Category").advising(CHOOSE_FROM_THE_LIST),
            ConsoleForm.Field.of("supplierId", "Supplier").advising(CHOOSE_FROM_THE_LIST),
            ConsoleForm.Field.version("version", "The product as you saw it")), List.of());

    static final ConsoleForm NEW_FORM = new ConsoleForm("new-product", "The product was not created", List.of(
            ConsoleForm.Field.of("sku", "SKU"),
            ConsoleForm.Field.of("name", "Name"),
            ConsoleForm.Field.of("price", "Price", "priceMinor"),
            ConsoleForm.Field.of("currency", "Currency"),
            ConsoleForm.Field.of("policy", "Backorders", "backorderPolicy"),
            ConsoleForm.Field.of("cap", "Cap on waiting units", "backorderCap"),
            ConsoleForm.Field.of("releaseDate", "Release date"),
            ConsoleForm.Field.of("category", "Category").advising(CHOOSE_FROM_THE_LIST),
            ConsoleForm.Field.of("supplierId", "Supplier").advising(CHOOSE_FROM_THE_LIST)), List.of());

    /** What the form shows: the product where it is filed, the choices, its price as typed, and its latest changes. */
    public record Form(CatalogEdits.FiledProduct filed, List<Supplier> suppliers, List<Category> categories, String price,
                List<AuditWords.Row> audit) {
    }

    /** What the new product form offers: the choices, and the currency most of the catalogue is priced in (none without products). */
    public record NewForm(List<Supplier> suppliers, List<Category> categories, Optional<MainCurrency> currency) {
        /** The currency the form starts with: the catalogue's main one, or none to type. */
        public String currencyCode() {
            return currency.map(MainCurrency::code).orElse("");
        }

        /** Why the form starts with that currency, under the field. */
        public String currencyHint() {
            return currency.map(main -> main.code() + " is the currency of " + main.products() + " of the catalogue's "
                    + Format.plural(main.ofProducts(), "product") + "; type another code to price this one in it.")
                    .orElse("No product has a price yet: type the currency's code, such as GBP.");
        }
    }

    private final Console console;
    private final Restock restock;

    ProductEditor(Console console, Restock restock) {
        this.console = console;
        this.restock = restock;
    }

    void register(RoutesConfig routes, Console.FormPage skuPage) {
        routes.post("/console/skus/{sku}/edit", console.form(FORM, skuPage, this::edit));
        routes.get("/console/products/new", console.page(ctx -> newProductPage(ctx, NEW_FORM.blank())));
        routes.post("/console/products", console.form(NEW_FORM, this::newProductPage, this::create));
    }

    private void newProductPage(Context ctx, FormState state) {
        console.render(ctx, "console/product-new.jte", "products", Map.of("form", newForm(), "state", state));
    }

    NewForm newForm() {
        return restock.read(h -> {
            CatalogEdits edits = restock.catalogEdits();
            return new NewForm(edits.suppliers(h, 0, SUPPLIER_CHOICES).items(), edits.categories(h), edits.mainCurrency(h));
        });
    }

    /**
     * Creates the product once per form (under the page's one-time key, as the purchase order form does); a SKU already
     * in the catalogue is refused, also with the same details: staff filling in a new product did not mean that one.
     */
    private void create(Context ctx) {
        CatalogEdits.FiledProduct draft = drafted(ctx);
        Sku sku = draft.product().sku();
        String by = console.staff(ctx).username() + " (console)";
        OnceKeys.once(restock, ctx, "console product " + console.staff(ctx).username(), draft.toString(), "reload the page to make another product", h -> {
            // With other details the API's words ("product 22423 already exists with other details") were shown above the
            // form, away from the SKU (an outside tester's finding): either way the form says it beside the SKU, in its words.
            boolean created;
            try {
                created = restock.catalogEdits().createProduct(h, draft, by).created();
            } catch (Conflict e) {
                if (!"sku".equals(e.field())) {
                    throw e;
                }
                created = false;
            }
            if (!created) {
                throw new Conflict("sku", "a product with SKU " + sku.code() + " already exists (SKUs are unique): choose another SKU, "
                        + "or change that product on its page");
            }
            return sku.code();
        });
        Product p = draft.product();
        console.done(ctx, "/console/skus/" + sku.code(), "Product " + sku.code() + " created: " + p.name() + ", "
                + Format.money(p.price().amountMinor(), p.price().currency()) + ", backorders " + Format.backorders(p.backorderPolicy().code()) + ".");
    }

    /**
     * The new product form's fields as a product; the product's own constructor and the create command check it. Every
     * field is read before the form is refused, so it comes back with all that is wrong at once.
     */
    private static CatalogEdits.FiledProduct drafted(Context ctx) {
        FormErrors errors = new FormErrors();
        Optional<Sku> sku = errors.read(() -> Sku.of(text(ctx, "sku").orElseThrow(() -> new InvalidInput("sku", "the SKU is required"))));
        Optional<String> name = errors.read(() -> text(ctx, "name").orElseThrow(() -> new InvalidInput("name", "the name is required")));
        // The code is checked before the price is read in it (how many decimals it has).
        Optional<String> currency = errors.read(() -> Currencies.checked("currency",
                text(ctx, "currency").orElseThrow(() -> new InvalidInput("currency", "the currency is required"))));
        Optional<String> priceTyped = errors.read(() -> text(ctx, "price").orElseThrow(() -> new InvalidInput("price", "the price is required")));
        Optional<Long> price = currency.isPresent() && priceTyped.isPresent()
                ? errors.read(() -> FormNumbers.price("price", priceTyped.get(), currency.get())) : Optional.empty();
        Optional<BackorderPolicy> policy = errors.read(() -> policy(ctx, "when-supply-confirmed"));
        Optional<Optional<LocalDate>> release = errors.read(() -> text(ctx, "releaseDate").map(ProductEditor::date));
        Optional<ProductPlacement> placement = errors.read(() -> placement(ctx));
        errors.refuseIfAny();
        Product product = new Product(sku.orElseThrow(), name.orElseThrow(), new Money(price.orElseThrow(), currency.orElseThrow()), policy.orElseThrow(),
                new Lifecycle(release.orElseThrow(), false));
        return new CatalogEdits.FiledProduct(product, placement.orElseThrow());
    }

    Form form(Sku sku) {
        return restock.read(h -> {
            CatalogEdits edits = restock.catalogEdits();
            CatalogEdits.FiledProduct filed = edits.product(h, sku);
            Money price = filed.product().price();
            List<AuditEntry> audit = edits.auditTrail(h, "product", sku.code());
            List<AuditEntry> shown = audit.subList(0, Math.min(AUDIT_ROWS, audit.size()));
            return new Form(filed, edits.suppliers(h, 0, SUPPLIER_CHOICES).items(), edits.categories(h),
                    Format.amount(price.amountMinor(), price.currency()), AuditWords.productRows(shown, price.currency(), names(h, shown)));
        });
    }

    private void edit(Context ctx) {
        Sku sku = ConsolePages.sku(ctx);
        String by = console.staff(ctx).username() + " (console)";
        CatalogEdits.FiledProduct before = restock.read(h -> restock.catalogEdits().product(h, sku));
        CatalogEdits.FiledProduct after;
        try {
            after = restock.inTransaction(h -> restock.catalogEdits().editProduct(h, sku, FORM.version(ctx, "product"), filed -> edited(ctx, filed), by));
        } catch (StaleVersion stale) {
            throw new Conflict("version", FORM.changedSinceOpened(ctx, "product", latestChange(sku)));
        }
        console.done(ctx, "/console/skus/" + sku.code(), after.equals(before) ? "Nothing changed in " + sku.code() + "."
                : "Product " + sku.code() + " saved: " + after.product().name() + ", "
                + Format.money(after.product().price().amountMinor(), after.product().price().currency()) + ", backorders "
                + Format.backorders(after.product().backorderPolicy().code()) + ".");
    }

    /** The latest change to the product, as its trail says it: ": ops changed name A → B at ...", blank without one. */
    private String latestChange(Sku sku) {
        return restock.read(h -> {
            List<AuditEntry> trail = restock.catalogEdits().auditTrail(h, "product", sku.code());
            List<AuditEntry> latestEntry = trail.subList(0, Math.min(1, trail.size()));
            return AuditWords.productRows(latestEntry, restock.catalogEdits().product(h, sku).product().price().currency(), names(h, latestEntry))
                    .stream().map(row -> ": " + row.changedBy() + " changed " + row.changes() + " at " + Format.moment(row.at())).findFirst().orElse("");
        });
    }

    /** The names of the suppliers and categories these entries name by id and code. */
    private AuditWords.Names names(org.jdbi.v3.core.Handle h, List<AuditEntry> entries) {
        CatalogEdits edits = restock.catalogEdits();
        Map<String, String> categories = new java.util.HashMap<>();
        edits.categories(h).forEach(category -> categories.put(category.code(), category.name()));
        return new AuditWords.Names(edits.supplierNames(h, AuditWords.supplierIds(entries)), categories);
    }

    /** The form's fields applied to the product; the product's own constructor and the command check the result. */
    private static CatalogEdits.FiledProduct edited(Context ctx, CatalogEdits.FiledProduct filed) {
        Product p = filed.product();
        // Every field is read before the form is refused, so it comes back with all that is wrong at once.
        FormErrors errors = new FormErrors();
        Optional<String> name = errors.read(() -> text(ctx, "name").orElseThrow(() -> new InvalidInput("name", "the name is required")));
        Optional<Long> price = errors.read(() -> FormNumbers.price("price",
                text(ctx, "price").orElseThrow(() -> new InvalidInput("price", "the price is required")), p.price().currency()));
        Optional<Optional<LocalDate>> release = errors.read(() -> text(ctx, "releaseDate").map(ProductEditor::date));
        Optional<BackorderPolicy> policy = errors.read(() -> policy(ctx, p.backorderPolicy().code()));
        Optional<ProductPlacement> placement = errors.read(() -> placement(ctx));
        errors.refuseIfAny();
        Product edited = new Product(p.sku(), name.orElseThrow(), new Money(price.orElseThrow(), p.price().currency()), policy.orElseThrow(),
                new Lifecycle(release.orElseThrow(), p.lifecycle().discontinued()), p.listing());
        return new CatalogEdits.FiledProduct(edited, placement.orElseThrow());
    }

    /**
     * The policy chosen (or {@code otherwise}), with the cap typed; a cap with a policy other than always is refused at
     * the cap, as the API refuses it (it was dropped without a word, an outside check).
     */
    private static BackorderPolicy policy(Context ctx, String otherwise) {
        String policy = text(ctx, "policy").orElse(otherwise);
        Integer cap = text(ctx, "cap").map(value -> FormNumbers.CAP.read("cap", value)).orElse(null);
        return BackorderPolicy.parse(policy, cap);
    }

    private static ProductPlacement placement(Context ctx) {
        Optional<Long> supplier = text(ctx, "supplierId").map(id -> {
            if (!id.matches("[0-9]{1,18}")) {
                throw new InvalidInput("supplierId", "no supplier '" + id + "'", CHOOSE_FROM_THE_LIST);
            }
            return Long.parseLong(id);
        });
        return new ProductPlacement(text(ctx, "category"), supplier);
    }

    private static Optional<String> text(Context ctx, String field) {
        return Optional.ofNullable(ctx.formParam(field)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private static LocalDate date(String value) {
        try {
            return CalendarLimits.require("releaseDate", LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("releaseDate", "the release date is a day such as 2027-03-01, was '" + value + "'");
        }
    }
}
