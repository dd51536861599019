package restock.service;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

import restock.common.SignedLinks;
import restock.payments.PaymentPolicy;
import restock.promise.PromiseSettings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Restock's commands and the transactions they run in; the shells (HTTP, CLI) call only this. */
public final class Restock {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Books books;
    private final PaymentPolicy paymentPolicy;
    private final Offers offers;
    private final CancelLinks cancelLinks;
    private final PayLinks payLinks;
    private final SignedLinks links;
    private final CatalogCommands catalog;
    private final StockCommands stock;
    private final PurchasingCommands purchasing;
    private final OrderCommands orders;
    private final AvailabilityQueries availability;
    private final IdempotentCommands idempotent;
    private final Webhooks webhooks;
    private final CatalogEdits catalogEdits;
    private final CataloguePolicy cataloguePolicy = new CataloguePolicy();

    public Restock(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, PromiseSettings.defaults(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    /** With promise settings other than the defaults (the date in them is replaced by each day's). */
    public Restock(Jdbi jdbi, Clock clock, PromiseSettings promiseSettings) {
        this(jdbi, clock, promiseSettings, PaymentPolicy.DEFAULT);
    }

    public Restock(Jdbi jdbi, Clock clock, PromiseSettings promiseSettings, PaymentPolicy paymentPolicy) {
        this(jdbi, clock, promiseSettings, paymentPolicy, new SignedLinks(randomSecret()));
    }

    /** With the secret that signs customers' links; keep it across restarts so links sent earlier keep working. */
    public Restock(Jdbi jdbi, Clock clock, PromiseSettings promiseSettings, PaymentPolicy paymentPolicy, SignedLinks links) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.books = new Books(clock, promiseSettings);
        this.stock = new StockCommands(clock, books);
        this.purchasing = new PurchasingCommands(clock, books);
        this.offers = new Offers(clock);
        this.orders = new OrderCommands(clock, books, paymentPolicy, offers);
        this.catalog = new CatalogCommands(clock, orders);
        this.catalogEdits = new CatalogEdits(clock, catalog);
        this.paymentPolicy = paymentPolicy;
        this.availability = new AvailabilityQueries(books);
        this.cancelLinks = new CancelLinks(links, clock, orders);
        this.payLinks = new PayLinks(links, clock);
        this.links = links;
        this.idempotent = new IdempotentCommands(this);
        this.webhooks = new Webhooks(clock);
    }

    /**
     * The links signed with the secret kept in the database (made on the first start), so that links sent to
     * customers keep working across restarts and across instances.
     */
    public static SignedLinks storedLinks(Jdbi jdbi, Clock clock) {
        return new SignedLinks(jdbi.inTransaction(h -> restock.store.SqlSecrets.getOrCreate(h, "customer-links", clock.instant())));
    }

    /** The simulated gateway's ledger, on a pool of its own so that a gateway call never waits for a command's connection. */
    public static restock.payments.GatewayLedger simulatedGatewayLedger(Jdbi separatePool, Clock clock) {
        return new restock.store.SqlGatewayLedger(separatePool, clock);
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return secret;
    }

    /**
     * Runs work in one READ COMMITTED transaction (every pooled connection's level, {@code Database.TRANSACTION_ISOLATION}):
     * every write locks its SKUs' stock rows first, so this level is enough, and an exception rolls everything back.
     */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work::withHandle);
        } catch (Offers.CodeRejected rejected) {
            // The order rolled back and returned its connection; only now is the wrong code recorded, so no
            // transaction holding a SKU lock ever waits for a second connection.
            jdbi.useTransaction(h -> offers.recordRejection(h, rejected));
            throw rejected;
        }
    }

    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    public Clock clock() { return clock; }
    public Books books() { return books; }
    public PaymentPolicy paymentPolicy() { return paymentPolicy; }
    public Offers offers() { return offers; }
    public CancelLinks cancelLinks() { return cancelLinks; }
    public PayLinks payLinks() { return payLinks; }
    public SignedLinks links() { return links; }
    public CatalogCommands catalog() { return catalog; }
    public CatalogEdits catalogEdits() { return catalogEdits; }
    public CataloguePolicy cataloguePolicy() { return cataloguePolicy; }
    public StockCommands stock() { return stock; }
    public PurchasingCommands purchasing() { return purchasing; }
    public OrderCommands orders() { return orders; }
    public AvailabilityQueries availability() { return availability; }
    public IdempotentCommands idempotent() { return idempotent; }
    public Webhooks webhooks() { return webhooks; }

    /** Exposed for tests and the CLI export, which read with plain SQL. */
    public Jdbi jdbi() { return jdbi; }

}
