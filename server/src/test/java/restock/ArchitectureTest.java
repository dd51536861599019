package restock;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The domain packages stay pure: no SQL, no HTTP, no storage; the packages form no cycles. */
class ArchitectureTest {
    private static final String[] DOMAIN = {"restock.access..", "restock.catalog..", "restock.inventory..", "restock.purchasing..", "restock.orders..",
            "restock.allocation..", "restock.promise..", "restock.payments..", "restock.engagement..", "restock.notify..",
            "restock.planning..", "restock.insight..", "restock.common..", "restock.views.."};
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("restock");

    @Test
    void domain_packages_use_no_sql_http_or_store() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..", "io.javalin..",
                        "jakarta.servlet..", "org.eclipse.jetty..", "java.net.http..", "restock.store..", "restock.http..",
                        "restock.cli..", "restock.app..", "restock.service..")
                .check(CLASSES);
    }

    @Test
    void domain_commands_read_time_from_an_injected_clock() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .check(CLASSES);
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("restock.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * The shells reach the database only through services: HTTP routes never touch the store, and the command
     * line only opens the database (the data folder and its owner) and hands it to services.
     */
    @Test
    void http_and_cli_reach_the_database_only_through_services() {
        noClasses().that().resideInAnyPackage("restock.http..", "restock.web..")
                .should().dependOnClassesThat().resideInAPackage("restock.store..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("restock.cli..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("store classes other than the database opener",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("restock.store")
                                && !c.getName().equals(restock.store.Database.class.getName())
                                && !c.getName().startsWith(restock.store.Database.class.getName() + "$")
                                && !c.getName().equals(restock.store.DataFolderInUse.class.getName())))
                .check(CLASSES);
    }

    /**
     * Services decide and call the store; the SQL itself lives in the store. The shells (routes, pages, commands,
     * wiring) write none either: a command that needs rows asks a service, as {@code export} does.
     */
    @Test
    void only_the_store_writes_sql() {
        noClasses().that().resideInAnyPackage("restock.service..", "restock.http..", "restock.web..", "restock.cli..", "restock.app..")
                .should().callMethod(org.jdbi.v3.core.Handle.class, "createQuery", String.class)
                .orShould().callMethod(org.jdbi.v3.core.Handle.class, "createUpdate", String.class)
                .orShould().callMethod(org.jdbi.v3.core.Handle.class, "execute", String.class, Object[].class)
                .orShould().callMethod(org.jdbi.v3.core.Handle.class, "select", String.class, Object[].class)
                .check(CLASSES);
    }
}
