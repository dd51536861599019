package restock.http;

import restock.support.TestDatabases;

/** BadInput checks on the embedded server. */
class BadInputOnEmbeddedTest extends BadInputChecks {
    @Override
    TestDatabases.Target target() {
        return TestDatabases.targets().get(0);
    }
}
