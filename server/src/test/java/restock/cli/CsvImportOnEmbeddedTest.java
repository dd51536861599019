package restock.cli;

import restock.support.TestDatabases;

/** CsvImport checks on the embedded server. */
class CsvImportOnEmbeddedTest extends CsvImportChecks {
    @Override
    TestDatabases.Target target() {
        return TestDatabases.targets().get(0);
    }
}
