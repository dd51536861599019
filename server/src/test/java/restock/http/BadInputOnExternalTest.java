package restock.http;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import restock.support.TestDatabases;

/** BadInput checks on the external server named by RESTOCK_TEST_DATABASE_URL (CI sets it). */
@EnabledIfEnvironmentVariable(named = TestDatabases.EXTERNAL_URL_VARIABLE, matches = ".+")
class BadInputOnExternalTest extends BadInputChecks {
    @Override
    TestDatabases.Target target() {
        return TestDatabases.external().orElseThrow();
    }
}
